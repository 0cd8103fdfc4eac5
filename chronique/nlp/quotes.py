"""Quotations and who said them.

Direct speech ("…", « … », padded " … ", AFP's +…+ inside), mixed speech (a quoted fragment inside
reported speech) and indirect speech, found from the reporting cue:

- forward: ``X a déclaré que …``, ``X a répondu : « … »``, ``X a confié avoir « … »``, ``Il a appelé à …``;
- inverted, after the content: ``« … », a déclaré M. X``, ``…, a-t-il ajouté``, ``…, a poursuivi le conseiller``;
- continued: ``…, en précisant que …``, ``…, précisant que …``, ``avant de préciser que …`` (same speaker);
- ``Selon X, …`` and ``…, selon X.``;
- passive: ``qualifié de « … » par X``;
- a sentence that is one quotation and has no cue: direct, its speaker carried over from the quotation
  before it in the same paragraph, else unknown (it may inherit one from another article).

Speakers are mentions of ``chronique.nlp.mentions`` (names, roles, periphrases) or pronouns, resolved
to the last speaker. Sentences are split so that none ends inside a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronique.dates.events import sentences
from chronique.lang import LanguageData
from chronique.nlp.lexicon import WORD, Lexicon, lexicon
from chronique.nlp.mentions import Entities, Mention

_OPENERS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
_CLOSERS = {"»", "”", "›"}
_STRAIGHT = '"'
_QUOTE_CHARS = set(_OPENERS) | _CLOSERS | {_STRAIGHT}
_EDGE = " \t\n,;:.!?…-–—"
_SELON_END = re.compile(r"\s*[,(]\s*$")
_PAR = re.compile(r"^\s*par\s+", re.IGNORECASE)
_CONTINUATION = re.compile(r"(?:,\s*|\b)(?:en|avant\s+de|après\s+avoir)\s+$", re.IGNORECASE)

# Confidence of an attribution, by how the speaker was found.
CONFIDENCE = {"name": 0.9, "role": 0.85, "pronoun": 0.75, "continued": 0.8, "carried": 0.5, "none": 0.4}
INDIRECT_FACTOR = 0.9  # reported speech is less certain than quoted words
CARRY_SENTENCES = 3  # a pronoun refers to a speaker at most this many sentences back
MIN_STANDALONE_WORDS = 4  # a cue-less quotation shorter than this is a scare quote, not speech


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct | indirect | mixed
    cue: str
    cue_start: int
    cue_end: int
    speaker: int | None  # index of the article's entity
    speaker_text: str | None  # the words that name the speaker here ("il", "le conseiller", "M. X")
    speaker_start: int | None  # where those words are, when they are a mention
    confidence: float
    evidence: str  # how the speaker was found: name, role, pronoun, continued, carried, none


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    verb_end: int
    pronoun: str | None  # "il" of "a-t-il ajouté"
    kind: str  # finite | participle | gerund | inverted


@dataclass(slots=True)
class _Speaker:
    entity: int | None
    text: str | None
    how: str
    start: int | None = None


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(open, close) offsets of balanced quotation marks in ``text[start:end]``; unbalanced marks are
    left out, quotations nested in another are part of it."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch not in _QUOTE_CHARS:
            continue
        if open_at is None:
            if ch in _OPENERS or ch == _STRAIGHT:
                open_at, closer, depth = i, _OPENERS.get(ch, _STRAIGHT), 0
            continue
        if ch == closer and depth == 0:
            spans.append((open_at, i))
            open_at = None
        elif ch in _OPENERS and closer != _STRAIGHT and ch != closer:
            depth += 1
        elif ch in _CLOSERS and depth > 0:
            depth -= 1
    return spans


def _sentences(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans of one line, none ending inside a quotation."""
    out: list[tuple[int, int]] = []
    for s, e in sentences(text[start:end]):
        s, e = s + start, e + start
        if out and any(qs < out[-1][1] <= qe for qs, qe in quotes):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def find_quotes(text: str, found: Entities, lang: LanguageData) -> list[Quote]:
    """Every quotation of ``text`` with its cue and speaker, in reading order."""
    return _Finder(text, found, lexicon(lang)).run()


class _Finder:
    def __init__(self, text: str, found: Entities, lx: Lexicon) -> None:
        self.text = text
        self.mentions = found.mentions
        self.lx = lx
        self.quotes: list[Quote] = []
        self.last_speaker: tuple[int, _Speaker] | None = None  # (sentence number, speaker)
        self.sentence_no = 0

    def run(self) -> list[Quote]:
        pos = 0
        for line in self.text.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            if not line.strip():
                continue
            qspans = quote_spans(self.text, start, end)
            paragraph_first = len(self.quotes)
            for s, e in _sentences(self.text, start, end, qspans):
                self.sentence_no += 1
                inside = [q for q in qspans if s <= q[0] and q[1] < e]
                self._sentence(s, e, inside, paragraph_first)
        return self.quotes

    # --- one sentence --------------------------------------------------------------------------

    def _sentence(self, s: int, e: int, qspans: list[tuple[int, int]], paragraph_first: int) -> None:
        text = self.text
        cues = [c for c in self._cues(s, e, qspans)]
        claimed: list[tuple[int, int]] = []
        sentence_quotes: list[Quote] = []
        clause_start = s
        for n, cue in enumerate(cues):
            if any(a <= cue.start < b for a, b in claimed):
                continue  # reported speech inside reported speech stays part of the outer quotation
            # The content of a cue runs to the next cue that opens a clause of its own (after a comma
            # or a closing quote), not to a verb inside it ("que M. Trump avait évoqué ce sujet").
            nxt = next((c.start for c in cues[n + 1 :] if self._opens_clause(c, s)), e)
            content = self._content_after(cue, nxt, qspans)
            if content is not None:
                cs, ce = content
                if cue.kind == "gerund" or _CONTINUATION.search(text, s, cue.start + 1):
                    speaker = sentence_quotes[-1] if sentence_quotes else None
                    who = (
                        _Speaker(speaker.speaker, speaker.speaker_text, "continued", speaker.speaker_start)
                        if speaker
                        else self._subject_before(s, cue)
                    )
                else:
                    who = self._subject_before(s, cue)
                q = self._add(cs, ce, cue, who, qspans)
                if q:
                    sentence_quotes.append(q)
                    claimed.append((cs, ce))
                clause_start = max(clause_start, ce)
                continue
            if cue.kind == "gerund":
                continue
            # Inverted: the content is what precedes the cue, after a comma or a closing quote.
            before = text[clause_start : cue.start].rstrip()
            if not before or not (before.endswith(",") or before[-1] in _CLOSERS or before[-1] == _STRAIGHT):
                continue
            link = self.lx.content_link.match(text, cue.verb_end, nxt)
            if link and (link.group("que") or link.group("colon")):
                continue
            after_quote = before.rstrip(", ")[-1:] in _CLOSERS | {_STRAIGHT}
            if cue_word(text, cue) in self.lx.weak and not after_quote:
                continue  # "…, a lancé X" reports speech after a quotation, not after any clause
            after = self._subject_after(cue, nxt)
            if after is None:
                continue
            who = after
            cs, ce = clause_start, clause_start + len(before.rstrip(","))
            last = next((q for q in qspans if q[1] + 1 == ce), None)
            if last is not None and text[cs : last[0]].strip().endswith(":"):
                cs = last[0]  # « …: "quoted words", a expliqué X »: the words are the quotation
            if any(a <= cs < b or a < ce <= b for a, b in claimed):
                clause_start = cue.end
                continue  # already a quotation of another cue ("a répondu : « … », a rapporté X")
            q = self._add(cs, ce, cue, who, qspans)
            if q:
                sentence_quotes.append(q)
                claimed.append((cs, ce))
            clause_start = cue.end
        self._according_to(s, e, qspans, claimed)
        self._passive(s, e, qspans, claimed)
        self._standalone(s, e, qspans, claimed, paragraph_first)

    def _opens_clause(self, cue: _Cue, s: int) -> bool:
        before = self.text[s : cue.start].rstrip()
        return not before or before[-1] in ",;:" or before[-1] in _CLOSERS or before[-1] == _STRAIGHT

    def _cues(self, s: int, e: int, qspans: list[tuple[int, int]]) -> list[_Cue]:
        text, lx = self.text, self.lx
        out: list[_Cue] = []
        consumed = s
        for m in WORD.finditer(text, s, e):
            if m.start() < consumed or any(a < m.start() < b for a, b in qspans):
                continue
            word = m.group(0).lower().rstrip("'")
            inv = lx.inverted.match(word) if "-" in word else None
            if inv:
                verb = inv.group("verb")
                if verb in {"a", "avait", "ont", "avaient", "aurait"}:
                    part = self._participle_after(m.end(), e)
                    if part is None:
                        continue
                    out.append(_Cue(m.start(), part, part, inv.group("pronoun"), "inverted"))
                    consumed = part
                else:
                    out.append(_Cue(m.start(), m.end(), m.end(), inv.group("pronoun"), "inverted"))
                    consumed = m.end()
                continue
            if word in lx.gerunds:
                lead = re.search(r"(?:,\s*|\ben\s+)$", text[max(s, m.start() - 4) : m.start()])
                if lead:
                    out.append(_Cue(m.start(), m.end(), m.end(), None, "gerund"))
                continue
            if word in lx.participles:
                aux = lx.auxiliary_before.search(text, s, m.start())
                if aux:
                    pronoun = aux.group("p1") or aux.group("p2")
                    kind = "inverted" if pronoun else "participle"
                    out.append(_Cue(aux.start(), m.end(), m.end(), pronoun, kind))
                    continue
                if _CONTINUATION.search(text, s, m.start()):
                    out.append(_Cue(m.start(), m.end(), m.end(), None, "gerund"))
                    continue
            if word in lx.finite and word not in {"a", "ont"}:
                prev = text[max(s, m.start() - 8) : m.start()].lower()
                if re.search(r"(?:\b(?:le|la|les|un|une|des|cette|sa|son|ses|leur|du)\s+|\bl['’])$", prev):
                    continue  # a noun: "la demande", "l'appel"
                out.append(_Cue(m.start(), m.end(), m.end(), None, "finite"))
        return out

    def _participle_after(self, pos: int, e: int) -> int | None:
        rest = self.text[pos:e]
        offset = 0
        while True:
            f = self.lx.fillers.match(rest, offset)
            if not f or f.end() == offset:
                break
            offset = f.end()
        m = WORD.search(rest, offset)
        if (
            m
            and not rest[offset : m.start()].strip()
            and m.group(0).lower().rstrip("'") in self.lx.participles
        ):
            return pos + m.end()
        return None

    def _content_after(self, cue: _Cue, limit: int, qspans: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The reported content a forward cue introduces, up to ``limit`` (the next cue or the end)."""
        text, lx = self.text, self.lx
        pos = cue.verb_end
        for _ in range(3):  # "a déclaré mardi aux journalistes que": skip fillers, days, addressees
            f = lx.fillers.match(text, pos, limit) or lx.addressee.match(text, pos, limit)
            if f and f.end() > pos:
                pos = f.end()
                continue
            day = re.match(
                r"\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)\b", text[pos:limit]
            )
            if day:
                pos += day.end()
                continue
            break
        link = lx.content_link.match(text, pos, limit)
        if link is None:
            return None
        if link.group("colon") or link.group("quote"):
            q = next((q for q in qspans if q[0] >= pos and not text[pos : q[0]].strip(" :")), None)
            if q is not None:
                return q[0], q[1] + 1
            if link.group("quote"):
                return None
            return link.end(), _clause_end(text, link.end(), limit)
        start = (
            link.end()
            if link.group("que")
            else link.start() + len(link.group(0)) - len(link.group(0).lstrip())
        )
        end = _clause_end(text, start, limit)
        return (start, end) if end > start else None

    # --- speakers ------------------------------------------------------------------------------

    def _subject_before(self, s: int, cue: _Cue) -> _Speaker:
        text = self.text
        if cue.pronoun:
            return self._pronoun(cue.pronoun)
        head = text[s : cue.start]
        pron = re.search(r"(?<![\w'])(il|elle|ils|elles)(?:\s+(?:ne|n['’]))?\s*$", head, re.IGNORECASE)
        if pron:
            return self._pronoun(pron.group(1).lower())
        best: Mention | None = None
        for m in self.mentions:
            if s <= m.start and m.end <= cue.start:
                gap = text[m.end : cue.start]
                if _is_subject_gap(gap, self.lx) and (
                    best is None or (m.end, -m.start) > (best.end, -best.start)
                ):
                    best = m
        if best is None:
            return _Speaker(None, None, "none")
        coordinated = re.search(r"\s(?:et|ou)\s+$", text[max(s, best.start - 6) : best.start])
        if coordinated:  # "X et Y ont indiqué": several speakers, none of them alone
            first = next((m for m in self.mentions if s <= m.start and m.end <= best.start), best)
            return _Speaker(None, text[first.start : best.end], "none")
        return self._speaker_of(best)

    def _subject_after(self, cue: _Cue, limit: int) -> _Speaker | None:
        if cue.pronoun:
            return self._pronoun(cue.pronoun)
        text = self.text
        window_end = min(limit, cue.verb_end + 160)
        for m in self.mentions:
            if cue.verb_end <= m.start < window_end:
                gap = text[cue.verb_end : m.start]
                if re.search(r"[,.;:!?«»\"“”]", gap) or len(gap.split()) > 3:
                    return None
                return self._speaker_of(m)
        return None

    def _speaker_of(self, m: Mention) -> _Speaker:
        how = "name" if m.kind == "name" else "role"
        return _Speaker(m.entity, m.text, how, m.start)

    def _pronoun(self, pronoun: str) -> _Speaker:
        if self.last_speaker and self.sentence_no - self.last_speaker[0] <= CARRY_SENTENCES:
            last = self.last_speaker[1]
            return _Speaker(last.entity, pronoun, "pronoun")
        return _Speaker(None, pronoun, "none")

    # --- other constructions -------------------------------------------------------------------

    def _according_to(
        self, s: int, e: int, qspans: list[tuple[int, int]], claimed: list[tuple[int, int]]
    ) -> None:
        text = self.text
        for m in self.lx.according_to.finditer(text, s, e):
            lead = text[s : m.start()].strip()
            speaker_m = next(
                (x for x in self.mentions if x.start >= m.end() and x.start - m.end() < 40), None
            )
            who = self._speaker_of(speaker_m) if speaker_m else _Speaker(None, None, "none")
            if not lead:  # "Selon X, la porte-parole …, content."
                comma = text.find(",", m.end(), e)
                if comma < 0:
                    continue
                cs = comma + 1
                nxt = next((x for x in self.mentions if x.kind == "role" and 0 <= x.start - cs <= 2), None)
                if nxt is not None and text[nxt.end : nxt.end + 1] == ",":
                    cs = nxt.end + 1
                ce = e
            elif _SELON_END.search(text, s, m.start()) or lead.endswith(","):  # "content, selon X."
                cs, ce = s, m.start()
                noun_end = re.search(r"[,.;]", text[m.end() : e])
                if speaker_m is None or (noun_end and speaker_m.start > m.end() + noun_end.start()):
                    phrase = text[m.end() : m.end() + noun_end.start()] if noun_end else text[m.end() : e]
                    who = _Speaker(None, phrase.strip(" .") or None, "none")
            else:
                continue
            cs, ce = _strip(text, cs, ce)
            if ce <= cs or any(a < ce and cs < b for a, b in claimed):
                continue
            cue = _Cue(m.start(), m.end(), m.end(), None, "according")
            if self._add(cs, ce, cue, who, qspans):
                claimed.append((cs, ce))

    def _passive(self, s: int, e: int, qspans: list[tuple[int, int]], claimed: list[tuple[int, int]]) -> None:
        text = self.text
        for qs, qe in qspans:
            if any(a <= qs < b for a, b in claimed):
                continue
            par = _PAR.match(text[qe + 1 : e])
            if not par:
                continue
            at = qe + 1 + par.end()
            m = next((x for x in self.mentions if x.start == at), None)
            words = [w.group(0).lower() for w in WORD.finditer(text, s, qs)]
            if m is None or not any(w in self.lx.passive for w in words):
                continue
            cue = _Cue(qe + 1, m.end, m.end, None, "passive")
            if self._add(qs, qe + 1, cue, self._speaker_of(m), qspans, kind="mixed"):
                claimed.append((qs, qe + 1))

    def _standalone(
        self,
        s: int,
        e: int,
        qspans: list[tuple[int, int]],
        claimed: list[tuple[int, int]],
        paragraph_first: int,
    ) -> None:
        text = self.text
        for qs, qe in qspans:
            if any(a <= qs < b or a < qe + 1 <= b for a, b in claimed):
                continue
            outside = (text[s:qs] + text[qe + 1 : e]).strip(_EDGE)
            if outside or len(text[qs + 1 : qe].split()) < MIN_STANDALONE_WORDS:
                continue
            same_paragraph = [q for q in self.quotes[paragraph_first:] if q.speaker is not None]
            if same_paragraph:
                last = same_paragraph[-1]
                who = _Speaker(last.speaker, last.speaker_text, "carried", last.speaker_start)
            else:
                who = _Speaker(None, None, "none")
            cue = _Cue(qs, qs, qs, None, "none")
            self._add(qs, qe + 1, cue, who, qspans, kind="direct")

    # --- output --------------------------------------------------------------------------------

    def _add(
        self,
        cs: int,
        ce: int,
        cue: _Cue,
        who: _Speaker,
        qspans: list[tuple[int, int]],
        kind: str | None = None,
    ) -> Quote | None:
        text = self.text
        whole = next((q for q in qspans if _strip(text, cs, ce) == (q[0], q[1] + 1)), None)
        if whole is not None:  # the content is one quotation: its words, without the marks
            cs, ce = whole[0] + 1, whole[1]
            kind = kind or "direct"
        elif kind is None:
            kind = "mixed" if any(cs <= q[0] and q[1] < ce for q in qspans) else "indirect"
        cs, ce = _strip(text, cs, ce)
        if ce - cs < 2 or not any(ch.isalpha() for ch in text[cs:ce]):
            return None
        confidence = CONFIDENCE.get(who.how, 0.5) if who.entity is not None or who.how == "none" else 0.5
        if who.entity is None:
            confidence = CONFIDENCE["none"]
        if kind == "indirect":
            confidence *= INDIRECT_FACTOR
        cue_text = text[cue.start : cue.end] if cue.end > cue.start else ""
        if cue.kind == "passive":
            passive = next(
                (
                    w
                    for w in WORD.finditer(text, max(0, cs - 80), cs)
                    if w.group(0).lower() in self.lx.passive
                ),
                None,
            )
            cue_text = f"{passive.group(0) if passive else ''} … {text[cue.start : cue.end].strip()}".strip()
        quote = Quote(
            start=cs,
            end=ce,
            text=text[cs:ce],
            kind=kind,
            cue=" ".join(cue_text.split()),
            cue_start=cue.start,
            cue_end=cue.end,
            speaker=who.entity,
            speaker_text=who.text,
            speaker_start=who.start,
            confidence=round(confidence, 2),
            evidence=who.how,
        )
        self.quotes.append(quote)
        if who.entity is not None and who.how != "carried":
            self.last_speaker = (self.sentence_no, who)
        return quote


def cue_word(text: str, cue: _Cue) -> str:
    words = WORD.findall(text, cue.start, cue.verb_end)
    return words[-1].lower() if words else ""


def _clause_end(text: str, start: int, limit: int) -> int:
    """The end of a reported clause: the limit (next cue or sentence end) or a continuation cue."""
    cut = re.search(
        r",\s*(?:en|avant\s+de|après\s+avoir)\s+\w+ant\b|,\s*(?:en|avant\s+de)\s", text[start:limit]
    )
    end = start + cut.start() if cut else limit
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _is_subject_gap(gap: str, lx: Lexicon) -> bool:
    rest = gap
    while True:
        stripped = rest.strip(" ,")
        if not stripped:
            return True
        f = lx.fillers.match(stripped)
        if not f:
            return False
        rest = stripped[f.end() :]
