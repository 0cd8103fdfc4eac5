"""Separate article content from everything else on the page, keeping a record of every removal.

One pass over the lines of the raw text. Each line is either content (kept as a paragraph), or
removed with a reason: boilerplate that the language data describes (rights notices, share buttons,
navigation, subscriber pitches, embeds), headlines under a related-articles header, a repeated title,
a line learned as boilerplate of its source, a run of headlines (links to other articles) or, past
furniture after the article, of teasers (headlines each with a blurb: newsletters, books on sale), a scrap
of the page above the title, or a metadata line (byline, credit, date header, update line) whose value
goes to ``metadata``. A metadata prefix or an embed caption glued to a sentence is
cut off and the rest of the line is kept.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from chronique.clean.learned import LineStats, learnable
from chronique.clean.lines import Line, line_key, normalise, split_lines
from chronique.lang import LanguageData
from chronique.model import RemovedSpan, Segment

_HANDLE_FIRST = re.compile(r"\s*@\w{2,30}\s+(?:[^\s@]+\s+){3}")
_SENTENCE_END = re.compile(r"[.!?…](?:\s*[\"»”')\]])*$")  # "… la menace. »" ends like a sentence too
_INNER_SENTENCE_END = re.compile(r"[.!?…][\"»”')]*\s+\S")
TITLE_MAX_CHARS = 200
SHORT_TITLE_WORDS = 12  # a first line ending like a sentence is a title only when this short
# This many headline-like lines in a row are a list of links (other articles, services), not content:
# an article's own text alternates headings with paragraphs.
MIN_LINK_RUN = 4
_SOCIAL_POST = re.compile(r"(?:^|\s)[#@]\w{2,}")  # a hashtag or a handle: a post quoted in the text
# Headlines are sentences without a full stop; shorter items are a list ("BNP : 2,5 milliards").
LINK_MEAN_WORDS = 6
LINK_MAX_CHARS = 150
# Teasers: this many headline-like lines in a row, each with a blurb of a few sentences under it (other
# articles, newsletters, books on sale). An article's sections have longer paragraphs, or several.
MIN_TEASER_PAIRS = 3
TEASER_BLURB_WORDS = 45
TEASER_BLURB_SENTENCES = 2
PROSE_MIN_WORDS = 20
TEASER_HEAD_MIN_WORDS = 3  # "Repères", "L'opération": an article's own headings are often shorter
# A line of this few words at the top of a page, above a longer headline with prose under it, is a
# scrap of the page ("Good luck !", "actualite", "Discover Thomson Reuters"), not the title.
PAGE_SCRAP_WORDS = 3
PAGE_SCRAP_LOOKAHEAD = 3
_STATEMENT_END = re.compile(r"[.…:;,](?:\s*[\"»”')\]])*$")  # a headline may ask or exclaim, not state
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·]|\d+[.)]\s)")


@dataclass
class Cleaned:
    title: str | None
    text: str
    segments: list[Segment]
    removed: list[RemovedSpan]
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class _State:
    raw: str
    removed: list[RemovedSpan] = field(default_factory=list)
    metadata: dict[str, list[str]] = field(default_factory=dict)
    kept: list[tuple[int, int]] = field(default_factory=list)  # raw spans of content, one per line
    kept_lines: list[int] = field(default_factory=list)  # the index of each kept span's line
    removed_lines: set[int] = field(default_factory=set)  # lines removed whole
    breaks: list[bool] = field(default_factory=list)  # whether a paragraph break precedes each kept span
    seen: set[str] = field(default_factory=set)

    def remove(self, start: int, end: int, reason: str) -> None:
        if end > start:
            self.removed.append(RemovedSpan(start, end, reason, self.raw[start:end]))


def clean(
    raw: str,
    lang: LanguageData,
    *,
    title: str | None = None,
    source: str | None = None,
    stats: LineStats | None = None,
) -> Cleaned:
    """Clean ``raw``; ``title`` is a title known from metadata (HTML, JSONL), ``stats`` the learned lines."""
    state = _State(raw)
    lines = split_lines(raw)
    wrapped = _hard_wrapped(lines)
    title_norm = normalise(title) if title else None
    in_related = False
    pending_break = True
    first_content = True
    title_removed = False
    links = set() if wrapped else _link_runs(lines, lang)
    for line in lines:
        if line.empty:
            pending_break = True
            continue
        start, text = line.start, line.text
        # Metadata or an embed caption at the start of the line: cut it off, keep what follows.
        start = _strip_prefixes(state, lang, line)
        if start >= line.end:
            state.removed_lines.add(line.index)  # a byline, a date line: furniture too
            continue
        text = raw[start : line.end]
        norm = normalise(text)
        reason = _boilerplate_reason(text, lang)
        if reason is None and lang.related_headers.match(text):
            reason, in_related = "related", True
        elif reason is None and in_related:
            if lang.headline.match(text) and len(text) <= TITLE_MAX_CHARS:
                reason = "related"
            else:
                in_related = False
        if (
            reason is None
            and lang.embed_line.search(text)
            and not _SENTENCE_END.search(text)
            and not _HANDLE_FIRST.match(text)
        ):  # not "@ablabahrawy Un Kadhafi à mourir de rire http://t.co/…": a post, its words quoted
            reason = "embed"
        if reason is None and title_norm is not None and norm == title_norm:
            reason = "duplicate-title" if title_removed or not first_content else "title"
        if reason is None and line.index in links:
            reason = "related"
        if reason is None and norm in state.seen and len(norm) > 20:
            reason = "duplicate"
        if (
            reason is None
            and stats is not None
            and learnable(text)
            and stats.is_boilerplate(source, line_key(text))
        ):
            reason = "learned"
        if reason is None and first_content and title is None and _headline_below(lines, line, lang, wrapped):
            reason = "navigation"  # "Good luck !", "actualite", "Discover Thomson Reuters" above the title
        if (
            reason is None
            and first_content
            and title is None
            and _looks_like_title(text, lines, line, wrapped)
        ):
            title, title_norm, reason = text, norm, "title"
        if reason is not None:
            state.remove(start, line.end, reason)
            state.removed_lines.add(line.index)
            title_removed = title_removed or reason == "title"
            continue
        first_content = False
        # A line right under the last kept one, which stopped mid-sentence, is the same paragraph
        # wrapped when it goes on in lower case, or when that one was itself a wrapped line ("…
        # Abdelwaheb" / "Gaïed, rare survivant, …"). Not a post under a post ("#Libya" / "wordy : …").
        above = (
            raw[slice(*state.kept[-1])] if state.kept_lines and state.kept_lines[-1] == line.index - 1 else ""
        )
        wraps = (
            bool(above)
            and not _SENTENCE_END.search(above)
            and not _SOCIAL_POST.search(above)
            and (
                # in lower case under a line filled to a width or stopping on a comma ("« … »," / "a
                # déclaré X"), not under a menu word or a heading
                (_lower_start(text) and (len(above) >= SHORT_WRAP_CHARS or above.endswith((",", ";"))))
                or (len(above) >= WRAP_MIN_CHARS and not state.breaks[-1])
            )
        )
        state.seen.add(norm)
        state.kept.append((start, line.end))
        state.kept_lines.append(line.index)
        state.breaks.append(pending_break or not (wrapped or wraps))
        pending_break = False
    if not wrapped:
        _remove_teasers(state, lines, lang)
        _remove_comments(state, lines, lang)
        _remove_furniture_fragments(state, lines)
    text, segments = _assemble(state)
    metadata: dict[str, Any] = {k: v[0] if len(v) == 1 else v for k, v in state.metadata.items()}
    return Cleaned(title, text, segments, sorted(state.removed, key=lambda r: r.start), metadata)


def _remove_comments(state: _State, lines: list[Line], lang: LanguageData) -> None:
    """Remove readers' comments: the blocks of content lines that close the page after the article,
    each past furniture (``COMMENT_GAP`` removed lines in a row: a share bar, a link list), in a
    reader's voice: most of their lines address someone, ask, exclaim, trail off, shout in capitals or
    start without one, and at least one does more than address or ask. Going back from the page's
    end, the first block that does not sound like readers is the article's, and so is all before it:
    text between two pieces of furniture in the middle of the article is never taken for comments. A
    lone short line (a form's scrap) is passed over."""
    if lang.reader_voice is None or not state.kept:
        return
    blocks: list[list[int]] = [[]]  # positions in ``state.kept``, split at each gap
    gap = 0
    position = {index: k for k, index in enumerate(state.kept_lines)}
    for line in lines:
        if line.empty:
            continue
        if line.index in position:
            if gap >= COMMENT_GAP and blocks[-1]:
                blocks.append([])
            blocks[-1].append(position[line.index])
            gap = 0
        elif line.index in state.removed_lines:
            gap += 1
    # Comments close the page: from the last block back, each block that sounds like readers is theirs;
    # the first that does not is the article's, and so is everything before it.
    before = [0]
    for block in blocks:
        before.append(before[-1] + sum(b - a for a, b in (state.kept[k] for k in block)))
    drop: set[int] = set()
    for n in range(len(blocks) - 1, -1, -1):
        block = blocks[n]
        if n and len(block) == 1 and len(state.raw[slice(*state.kept[block[0]])]) < LONE_LINE_CHARS:
            continue
        if n and before[n] >= ARTICLE_BEFORE_COMMENTS and _readers_block(state, block, lang):
            drop.update(block)
            continue
        # The article's last block: readers may follow it with no furniture between.
        drop.update(_readers_tail(state, block, before[n], lang))
        break
    _drop_kept(state, drop, "comments")


def _readers_tail(state: _State, block: list[int], before: int, lang: LanguageData) -> list[int]:
    """The readers' comments that close ``block`` with no furniture above them (a site that prints
    them right under the article): the block's last lines past two lines in a row without a reader's
    voice (an article's paragraphs), from the first that exclaims, trails off or is written as no
    editor would print it (a paragraph that asks a question is the article's), when they are
    ``MIN_TAIL_LINES`` or more, two thirds of them in a reader's voice, more than half exclaiming,
    trailing off or shouting, one at least starting in lower case under a finished sentence, none
    introducing words with a colon — an op-ed's exclamations and questions, an interview's answers, a
    live blog's entries, a blog's quoted posts are the article's."""
    voices = [_reader_voice(state.raw, *state.kept[k], lang) for k in block]
    start = len(block)
    while start > 0 and (voices[start - 1] or (start > 1 and voices[start - 2])):
        start -= 1
    while start < len(block) and voices[start] < _UNEDITED:
        start += 1
    tail = voices[start:]
    kept = before + sum(b - a for a, b in (state.kept[k] for k in block[:start]))
    lines = [state.raw[slice(*state.kept[k])] for k in block]
    # A line in lower case under a finished sentence — not under one that trails off or an "etc.", which
    # it may go on.
    lower = any(
        _lower_start(lines[i]) and _FINISHED.search(lines[i - 1]) for i in range(max(start, 1), len(block))
    )
    if (
        len(tail) < MIN_TAIL_LINES
        or kept < ARTICLE_BEFORE_COMMENTS
        or 3 * sum(v > 0 for v in tail) < 2 * len(tail)
        or 2 * sum(v >= _UNEDITED for v in tail) <= len(tail)
        or not lower
        or any(line.rstrip().endswith(":") for line in lines[start:])  # the article introducing words
    ):
        return []
    return block[start:]


def _readers_block(state: _State, block: list[int], lang: LanguageData) -> bool:
    """Whether a block of kept lines sounds like readers: half its lines or more, of which at least
    one line in more than a question or an address — two in a block of four lines or more (an
    interview's questions and answers, an op-ed's exclamation, are the article's)."""
    if len(block) < 2:
        return False
    voices = [_reader_voice(state.raw, *state.kept[k], lang) for k in block]
    unedited = sum(v >= _UNEDITED for v in voices)
    return sum(v > 0 for v in voices) >= COMMENT_SHARE * len(block) and unedited >= (
        2 if len(block) >= 4 else 1
    )


WRAP_MIN_CHARS = 40  # a line of a paragraph wrapped at a fixed width is at least this long
SHORT_WRAP_CHARS = 25  # …or this long when the next line goes on in lower case (a narrow column)
COMMENT_GAP = 2
ARTICLE_BEFORE_COMMENTS = 400  # characters of content before a block can be readers' comments
COMMENT_SHARE = 0.5
LONE_LINE_CHARS = 80  # a lone line this short, between furniture at the page's end, is passed over
SHOUTED_WORDS = 10  # a line in capitals this long is shouted; a shorter one is a subheading
# Quoted words, and a quotation left open to the line's end (a paragraph of a long quotation).
_QUOTED = re.compile(r"«[^»]*(?:»|$)|“[^”]*(?:”|$)|\"[^\"]*\"|^\s*\"[^\"]*$")
_EXCLAIMS = re.compile(r"!|\?\?")
_TRAILS_OFF = re.compile(r"(?:\(\.\.\.\)|\.\.\.|…)\s*$")
MIN_TAIL_LINES = 3  # readers' comments right under the article, with no furniture between: this many lines
FRAGMENT_WORDS = 6  # a line cut off from the furniture line under it is this short
# …and that line is a site's furniture a sentence runs on into, not a byline, a date or an embed.
_FRAGMENT_REASONS = frozenset({"subscriber", "navigation", "share"})
_FINISHED = re.compile(r"(?<!\.)(?<!\betc)[.!?](?:\s*[\"»”')\]])*\s*$")
# A reader's voice: addressing or asking; exclaiming or trailing off; writing as no editor lets print.
_CONVERSES, _UNEDITED, _UNPRINTABLE = 1, 2, 3


def _reader_voice(raw: str, start: int, end: int, lang: LanguageData) -> int:
    """How much the line ``raw[start:end]`` sounds like a reader rather than a reporter, quotations
    aside: 0; ``_CONVERSES`` (the first or second person, a question); ``_UNEDITED`` (an exclamation
    mark, "??", a line trailing off); ``_UNPRINTABLE`` (in capitals, or starting in lower case after a
    finished sentence — text wrapped at a fixed width goes on in lower case)."""
    text = raw[start:end]
    bare = _QUOTED.sub("", text)
    letters = [c for c in text if c.isalpha()]
    after_sentence = start == 0 or bool(_SENTENCE_END.search(raw[max(0, start - 200) : start].rstrip()))
    if (text[:1].islower() and after_sentence) or (
        len(text.split()) >= SHOUTED_WORDS
        and letters
        and sum(c.isupper() for c in letters) > 0.6 * len(letters)
    ):
        return _UNPRINTABLE
    if _EXCLAIMS.search(bare) or _TRAILS_OFF.search(text):
        return _UNEDITED
    if (lang.reader_voice is not None and lang.reader_voice.search(bare)) or "?" in bare:
        return _CONVERSES
    return 0


def _strip_prefixes(state: _State, lang: LanguageData, line: Line) -> int:
    start = line.start
    changed = True
    while changed and start < line.end:
        changed = False
        rest = state.raw[start : line.end]
        for kind, pattern in lang.metadata_lines:
            m = pattern.match(rest)
            if m and m.group("value"):
                end = start + m.end()
                state.metadata.setdefault(kind, []).append(m.group("value").strip())
                state.remove(start, end, f"metadata:{kind}")
                start = _skip_spaces(state.raw, end, line.end)
                changed = True
                break
        if not changed and (m := lang.embed_caption.match(rest)):
            end = start + m.end()
            state.remove(start, end, "embed")
            start = _skip_spaces(state.raw, end, line.end)
            changed = True
    return start


def _skip_spaces(raw: str, i: int, end: int) -> int:
    while i < end and raw[i].isspace():
        i += 1
    return i


def _boilerplate_reason(text: str, lang: LanguageData) -> str | None:
    # A line is looked at up to three times and furniture recurs across pages: short lines are cached.
    return _short_boilerplate_reason(text, lang) if len(text) <= CACHED_LINE_CHARS else _reason(text, lang)


CACHED_LINE_CHARS = 300


@functools.lru_cache(maxsize=8192)
def _short_boilerplate_reason(text: str, lang: LanguageData) -> str | None:
    return _reason(text, lang)


def _reason(text: str, lang: LanguageData) -> str | None:
    for reason, pattern in lang.boilerplate_lines:
        if pattern.match(text):  # anchored at the line start: ``search`` would rescan every position
            return reason
    return None


def _looks_like_title(text: str, lines: list[Line], line: Line, wrapped: bool) -> bool:
    """The first content line is a title when it is short and more text follows. It may end like a
    sentence ("Armstrong au départ ?") only if it is one short sentence and the next line is longer."""
    words = len(text.split())
    if len(text) > TITLE_MAX_CHARS or words < 2:
        return False
    if wrapped and line.index + 1 < len(lines) and not lines[line.index + 1].empty:
        return False
    following = [other.text for other in lines[line.index + 1 :] if not other.empty][:3]
    if not following:
        return False
    if _SENTENCE_END.search(text):
        one_sentence = not _INNER_SENTENCE_END.search(text)
        longest = max(len(other.split()) for other in following)
        return words <= SHORT_TITLE_WORDS and one_sentence and longest > 2 * words
    return True


def _headline_below(lines: list[Line], line: Line, lang: LanguageData, wrapped: bool) -> bool:
    """Whether ``line``, at the top of the content, is a scrap of the page (``PAGE_SCRAP_WORDS`` words
    at most) above the real title: a headline of more words among the next lines, with prose under it."""
    if wrapped or len(line.text.split()) > PAGE_SCRAP_WORDS:
        return False
    below = [other for other in lines[line.index + 1 :] if not other.empty][:PAGE_SCRAP_LOOKAHEAD]
    for other in below:
        text = other.text
        if _named_furniture(text, lang):
            continue
        if len(text.split()) <= PAGE_SCRAP_WORDS:
            continue  # another scrap
        if _SENTENCE_END.search(text) or len(text) > TITLE_MAX_CHARS:
            return False  # prose: the content has begun, and ``line`` heads it
        if not _prose_follows(lines, other.index, lang):
            return False
        # A short title ("Mort de Kadhafi") names what the headline and the lead are about; a scrap
        # shares no word of five letters or more with them.
        lead = [o.text for o in lines[other.index : other.index + 6] if not o.empty][:3]
        told = " ".join(lead).casefold()
        return not any(word.casefold() in told for word in _CONTENT_WORD.findall(line.text))
    return False


_CONTENT_WORD = re.compile(r"[^\W\d_]{5,}")


def _prose_follows(lines: list[Line], index: int, lang: LanguageData) -> bool:
    """Whether prose comes right under line ``index``, past blank lines and lines the language data
    names (a byline, "4 minutes de lecture")."""
    under = (o.text for o in lines[index + 1 :] if not o.empty and not _named_furniture(o.text, lang))
    return any(_SENTENCE_END.search(t) or len(t) > LINK_MAX_CHARS for t in itertools.islice(under, 2))


def _named_furniture(text: str, lang: LanguageData) -> bool:
    """A line the language data names: boilerplate or metadata."""
    return _boilerplate_reason(text, lang) is not None or any(p.match(text) for _, p in lang.metadata_lines)


def _link_runs(lines: list[Line], lang: LanguageData) -> set[int]:
    """Indices of lines in runs of at least ``MIN_LINK_RUN`` consecutive headline-like lines, of
    ``LINK_MEAN_WORDS`` words on average. A blank line, a list item and a line the language data
    already names (a byline, "4 minutes de lecture") end a run, except a link it names (a headline
    flagged "Abonnés"): that one is in the run. The last line of a run stays, and does not count, when prose follows it (past blank
    lines and named lines such as a byline): that one heads the text under it (a site's link list,
    then the article's own title)."""
    found: set[int] = set()
    run: list[int] = []

    def close() -> None:
        heads_prose = bool(run) and _prose_follows(lines, run[-1], lang)
        links = run[:-1] if heads_prose else run
        words = sum(len(lines[i].text.split()) for i in links)
        if len(links) >= MIN_LINK_RUN and words >= LINK_MEAN_WORDS * len(links):
            found.update(links)
        run.clear()

    for line in lines:
        if not line.empty and (
            (_link_like(line.text, lang) and not _wraps(lines, line))
            or _boilerplate_reason(line.text, lang) == "related"
        ):
            run.append(line.index)
        else:
            close()
    close()
    return found


def _remove_teasers(state: _State, lines: list[Line], lang: LanguageData) -> None:
    """Remove runs of at least ``MIN_TEASER_PAIRS`` teasers after the article: a headline-like line,
    then a short blurb of at most ``TEASER_BLURB_SENTENCES`` sentences and ``TEASER_BLURB_WORDS``
    words, then the next headline ("Slate x Titiou" / "Tous les vendredis matin, …"). Only past
    furniture (a removed line right above) and ``ARTICLE_BEFORE_COMMENTS`` characters of kept text: an
    interview's questions, a live blog's entries, an article's short sections are the article's. A
    title and its standfirst above prose end a run and stay."""
    position = {index: k for k, index in enumerate(state.kept_lines)}
    filled = [line for line in lines if not line.empty]
    drop: set[int] = set()
    i = 0
    while i < len(filled):
        run: list[Line] = []
        j = i
        while (
            j + 1 < len(filled)
            and filled[j].index in position
            and filled[j + 1].index in position
            and _teaser(filled[j], filled[j + 1], lang)
        ):
            run += [filled[j], filled[j + 1]]
            j += 2
        if run and j < len(filled) and filled[j].index in position and _prose(filled[j].text, lang):
            run = run[:-2]  # the article's own title and standfirst, above its text
        past_furniture = i > 0 and filled[i - 1].index in state.removed_lines
        before = sum(b - a for a, b in state.kept[: position[run[0].index]]) if run else 0
        if len(run) >= 2 * MIN_TEASER_PAIRS and past_furniture and before >= ARTICLE_BEFORE_COMMENTS:
            drop.update(position[line.index] for line in run)
            i = j
        else:
            i += 1
    _drop_kept(state, drop, "related")


def _remove_furniture_fragments(state: _State, lines: list[Line]) -> None:
    """Remove the start of a furniture line cut off from the rest of it, between two removed lines:
    "Pour ce faire, renseignez" above "votre numéro d'abonné dans les paramètres …" — a short line that
    does not end its sentence, under a removed line, over a site's notice going on in lower case (not
    over a byline or a date: "Pourquoi il faut soutenir le CNT" / "par Bernard-Henri Lévy")."""
    filled = [line for line in lines if not line.empty]
    position = {index: k for k, index in enumerate(state.kept_lines)}
    reasons = {r.start: r.reason for r in state.removed}
    for before, line, after in zip(filled, filled[1:], filled[2:], strict=False):
        if (
            line.index in position
            and before.index in state.removed_lines
            and after.index in state.removed_lines
            and len(line.text.split()) <= FRAGMENT_WORDS
            and reasons.get(after.start) in _FRAGMENT_REASONS
            and (
                (not _SENTENCE_END.search(line.text) and _lower_start(after.text))
                # a notice's own question between its answers ("Y a-t-il d'autres limites ?")
                or (
                    reasons.get(before.start) == reasons.get(after.start) == "subscriber"
                    and line.text.rstrip().endswith("?")
                )
            )
        ):
            _drop_kept(state, {position[line.index]}, reasons[after.start])
            position = {index: k for k, index in enumerate(state.kept_lines)}


def _drop_kept(state: _State, drop: set[int], reason: str) -> None:
    """Remove the kept lines at positions ``drop`` of ``state.kept`` after the fact, with ``reason``."""
    if not drop:
        return
    for k in sorted(drop):
        state.remove(*state.kept[k], reason)
        state.removed_lines.add(state.kept_lines[k])
    keep = [k for k in range(len(state.kept)) if k not in drop]
    state.kept = [state.kept[k] for k in keep]
    state.breaks = [state.breaks[k] for k in keep]
    state.kept_lines = [state.kept_lines[k] for k in keep]


def _prose(text: str, lang: LanguageData) -> bool:
    """A paragraph of some length that is no headline: the text of an article under its standfirst."""
    return not _link_like(text, lang) and len(text.split()) >= PROSE_MIN_WORDS


def _teaser(head: Line, blurb: Line, lang: LanguageData) -> bool:
    text = blurb.text
    return (
        # a teaser's headline may trail off ("Le communisme a de l'avenir..."); a blurb cut short too
        _link_like(_TRAILS_OFF.sub("", head.text), lang)
        and TEASER_HEAD_MIN_WORDS <= len(head.text.split()) <= SHORT_TITLE_WORDS + 3
        and not _link_like(text, lang)
        and not _named_furniture(text, lang)
        and not _lower_start(text)
        and not _SOCIAL_POST.search(text)
        and not _LIST_ITEM.match(text)
        and len(text.split()) <= TEASER_BLURB_WORDS
        and len(_INNER_SENTENCE_END.findall(text)) < TEASER_BLURB_SENTENCES
    )


def _wraps(lines: list[Line], line: Line) -> bool:
    """Whether ``line`` is part of a paragraph wrapped at a fixed width, not a headline: filled to the
    width, it starts in lower case ("corps puisque, selon le porte-parole…"), or the line right under
    it does and is filled too or ends the paragraph ("… identifier les" / "corps puisque…"). A headline
    starts with a capital, and so does the next one; a short line ("il y a 2 heures") is its stamp."""
    if len(line.text) < WRAP_MIN_CHARS:
        return False
    below = lines[line.index + 1] if line.index + 1 < len(lines) else None
    return _lower_start(line.text) or (
        below is not None
        and _lower_start(below.text)
        and (len(below.text) >= WRAP_MIN_CHARS or bool(_SENTENCE_END.search(below.text)))
    )


def _lower_start(text: str) -> bool:
    """Starts with a lower-case word ("corps", "l'acide»"), not a brand ("iPhone", "eBay")."""
    return text[:1].islower() and not text[1:2].isupper()


def _link_like(text: str, lang: LanguageData) -> bool:
    return (
        3 <= len(text) <= LINK_MAX_CHARS
        and not _STATEMENT_END.search(text)
        and not _SOCIAL_POST.search(text)  # "@CurtMonash: … #Libya": a post quoted in the text
        and not _LIST_ITEM.match(text)
        and not _named_furniture(text, lang)
    )


def _hard_wrapped(lines: list[Line]) -> bool:
    """Text wrapped at a fixed width (paragraphs as blocks of short lines) rather than one line a paragraph."""
    lengths = [len(line.text) for line in lines if not line.empty]
    if len(lengths) < 6:
        return False
    blank = sum(1 for line in lines if line.empty)
    short = sum(1 for n in lengths if 40 <= n <= 80)
    return blank > 0 and len(lengths) >= 2 * blank and short >= 0.8 * len(lengths)


def _assemble(state: _State) -> tuple[str, list[Segment]]:
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for i, ((start, end), brk) in enumerate(zip(state.kept, state.breaks, strict=True)):
        if i:
            sep = "\n\n" if brk else " "
            parts.append(sep)
            pos += len(sep)
        segments.append(Segment(pos, start, end - start))
        parts.append(state.raw[start:end])
        pos += end - start
    return "".join(parts), segments
