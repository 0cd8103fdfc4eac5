"""Publication dates inferred across articles: an article whose own evidence stops at a month, or at a
day without a year, or at nothing, borrows from articles on the same events.

Two moves, repeated until nothing changes (each round sees the dates the previous one settled):
1. *Year from a similar article*: the most similar article whose year is known lends it, when the
   resulting date lies within ``MAX_GAP_DAYS`` of that article's (same events, same weeks); the
   article's own text is then re-read with that year.
2. *Day from a dated report of the same event*: every day-resolved expression in the other articles
   ("le 16 juillet", their own publication day) is a candidate, kept when it lies inside what the
   article already knows (its month) and fits its relative expressions; the candidate whose sentence
   is most similar to the article wins if the similarity clears ``MIN_SENTENCE_SIMILARITY`` and
   stands out: ``MARGIN`` times the best sentence for another day. Weekdays and relative days
   ("lundi", "hier") are candidates only from articles that date themselves, never from one whose own
   date was lent, so that one guess does not spread from article to article.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from chronique.dates.calendar import PartialDate, safe_date
from chronique.dates.publication import WINDOW_DAYS, DateEvidence, date_article, partial_of
from chronique.dates.timex import resolve_value
from chronique.lang import LanguageData
from chronique.model import PublicationDate

# Tuned on the sample corpus and checked on rpm2 (unrelated stories stay below 0.1 article similarity).
MIN_ARTICLE_SIMILARITY = 0.1
MIN_SENTENCE_SIMILARITY = 0.12
MAX_GAP_DAYS = 31
MIN_DUPLICATE_SIMILARITY = 0.5  # an article this similar reports the same news
# The lending sentence must stand out: on a corpus of one long story (a war), many sentences about
# other days are about as close as the best, and then none of them says which day the article reports.
MARGIN = 1.5
# A report's own publication day is a weaker witness of an event's day than a date the text gives it.
WHOLE_ARTICLE_DISCOUNT = 0.9
MAX_ROUNDS = 4
MAX_LENDERS = 3  # the most similar dated articles tried as lenders of a year
TOP_TERMS = 12  # an article's heaviest terms, through which similar articles are found

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
Vector = dict[str, float]
log = logging.getLogger(__name__)


@dataclass
class Dated:
    """One article as cross-article dating sees it."""

    key: str  # article id
    label: str  # file name or id, for evidence
    text: str
    evidence: DateEvidence
    published: PublicationDate
    refinable: bool = True  # False for articles already stored (references only)


def tokens(text: str, lang: LanguageData) -> list[str]:
    out = []
    for w in _WORD.findall(text.lower()):
        w = w.split("'")[-1].split("’")[-1]
        if len(w) > 2 and w not in lang.stopwords:
            out.append(w)
    return out


class _Space:
    """TF-IDF vectors over the pool of articles, for cosine similarity.

    Document frequencies add the pool's to the language's background counts (general French news), so
    that "président" or "déclaré" weigh little even in a pool of five articles on one story.
    """

    def __init__(self, docs: Sequence[list[str]], lang: LanguageData) -> None:
        background, n_background = lang.document_frequencies()
        df: Counter[str] = Counter()
        for toks in docs:
            df.update(set(toks))
        self.n = len(docs) + n_background
        self.idf = {w: math.log((1 + self.n) / (1 + c + background.get(w, 0))) + 1.0 for w, c in df.items()}

    def vector(self, toks: list[str]) -> Vector:
        tf = Counter(toks)
        vec = {w: (1 + math.log(c)) * self.idf.get(w, math.log(1 + self.n) + 1.0) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _window(text: str, start: int, end: int, stops: tuple[str, ...]) -> str:
    left = max(text.rfind(s, 0, start) for s in stops) + 1
    right = [p for p in (text.find(s, end) for s in stops) if p != -1]
    return text[left : min(right) if right else len(text)]


def _context(text: str, start: int, end: int, lang: LanguageData) -> str:
    """The words a dated expression dates: its sentence, or only its clause when that clause attributes
    speech ("…, a déclaré mardi le conseiller": Tuesday is when he spoke, not when the summit was)."""
    clause = _window(text, start, end, (",", ". ", "\n", ";"))
    if lang.attribution.match(clause):
        return clause
    return _window(text, start, end, (". ", "\n"))


def refine(pool: Sequence[Dated], lang: LanguageData, today: dt.date) -> dict[str, PublicationDate]:
    """New publication dates for the refinable articles of ``pool`` that other articles improve."""
    toks = [tokens(d.text, lang) for d in pool]
    space = _Space(toks, lang)
    vectors = [space.vector(t) for t in toks]
    current = {d.key: d.published for d in pool}
    changed: dict[str, PublicationDate] = {}
    related = _related(vectors)
    moved: set[int] | None = None  # articles whose date changed in the last round (None: first round)
    for _ in range(MAX_ROUNDS):
        refs_by_owner: dict[int, list[_Ref]] = {}
        for ref in _references(pool, current, space, vectors, lang):
            refs_by_owner.setdefault(ref.owner, []).append(ref)
        updates: dict[str, PublicationDate] = {}
        for i, art in enumerate(pool):
            pub = current[art.key]
            if not art.refinable or pub.granularity == "day":
                continue
            near = related[i]
            if moved is not None and not near & moved:
                continue  # nothing around it changed since it was last tried
            near_refs = [r for j in sorted(near) for r in refs_by_owner.get(j, ())]
            better = _refine_one(i, art, pub, pool, vectors, current, near, near_refs, lang, today)
            if better is not None and better != pub:
                updates[art.key] = better
        if not updates:
            break
        moved = {i for i, art in enumerate(pool) if art.key in updates}
        current.update(updates)
        changed.update(updates)
    return changed


@dataclass(frozen=True)
class _Ref:
    day: dt.date
    vector: Vector
    owner: int
    label: str
    whole: bool = False  # the ref stands for a whole article (its publication day)


def _references(
    pool: Sequence[Dated],
    current: dict[str, PublicationDate],
    space: _Space,
    vectors: list[Vector],
    lang: LanguageData,
) -> list[_Ref]:
    refs: list[_Ref] = []
    for i, art in enumerate(pool):
        pub = current[art.key]
        anchor = partial_of(pub)
        if pub.granularity == "day" and anchor.to_date() is not None:
            day = anchor.to_date()
            assert day is not None
            # Its publication day is the day of its own news: a candidate for near-duplicates only.
            refs.append(_Ref(day, vectors[i], i, f"{art.label} (published {pub.value})", whole=True))
        if anchor.year is None or anchor.month is None:
            continue
        # A weekday is only as good as the day it counts from: not one another article lent.
        kinds = {"date"} if pub.method == "corpus" else {"date", "weekday", "relative-day"}
        for m in art.evidence.matches:
            if m.kind not in kinds or m.direction > 0:
                continue
            value = resolve_value(m, anchor)
            if value is None or len(value) != 10:
                continue
            day = dt.date.fromisoformat(value)
            sentence = _context(art.text, m.start, m.end, lang)
            refs.append(
                _Ref(day, space.vector(tokens(sentence, lang)), i, f"{art.label} ({m.text!r} = {value})")
            )
    return refs


def _refine_one(
    i: int,
    art: Dated,
    pub: PublicationDate,
    pool: Sequence[Dated],
    vectors: list[Vector],
    current: dict[str, PublicationDate],
    near: set[int],
    refs: list[_Ref],
    lang: LanguageData,
    today: dt.date,
) -> PublicationDate | None:
    known = partial_of(pub)
    neighbours = _similar_dated(i, near, pool, vectors, current)
    neighbour = neighbours[0] if neighbours else None
    if known.year is None:
        for j, sim in neighbours[:MAX_LENDERS]:
            other = partial_of(current[pool[j].key])
            assert other.year is not None
            redated = date_article(art.evidence, lang, today, year_hint=other.year)
            mine = partial_of(redated) if redated.known else known.with_year(other.year)
            if mine.month is None or _gap_days(mine, other) > MAX_GAP_DAYS:
                continue  # the same year would put the two articles months apart: not the same events
            if redated.known:
                note = f": {pool[j].label} (similarity {sim:.2f})"
                redated = replace(redated, evidence=redated.evidence + note, method="corpus",
                                  confidence=min(redated.confidence, 0.7))  # fmt: skip
                if redated.granularity == "day":
                    return redated
                pub, known = redated, partial_of(redated)
            break
    # A day for what is known only to the month (or not at all, near a similar dated article).
    lo, hi = _bounds(known, neighbour, pool, current)
    if lo is None or hi is None:
        return pub if pub.known else None
    best: tuple[float, _Ref] | None = None
    by_day: dict[dt.date, float] = {}
    for ref in refs:
        if ref.owner == i or not lo <= ref.day <= hi or ref.day > today:
            continue
        if not _fits(ref.day, art.evidence):
            continue
        sim = cosine(ref.vector, vectors[i])
        if ref.whole:  # a near-duplicate's own day: another kind of witness, with its own bar
            if sim < MIN_DUPLICATE_SIMILARITY:
                continue
            sim *= WHOLE_ARTICLE_DISCOUNT
            log.debug("date candidate for %s: %s, similarity %.3f", art.label, ref.label, sim)
        else:
            by_day[ref.day] = max(sim, by_day.get(ref.day, 0.0))
        if best is None or sim > best[0]:
            best = (sim, ref)
    if best is None or best[0] < MIN_SENTENCE_SIMILARITY:
        return pub if pub.known else None
    sim, ref = best
    rival = max((s for day, s in by_day.items() if day != ref.day), default=0.0)
    if sim < MARGIN * rival:
        log.debug("no day for %s: %s (%.3f) against another day at %.3f", art.label, ref.label, sim, rival)
        return pub if pub.known else None
    return PublicationDate(
        ref.day.isoformat(), "day",
        f"reports the event dated by {ref.label} (similarity {sim:.2f})"
        + (f"; within {pub.evidence}" if pub.known else ""),
        round(min(0.8, 0.4 + sim), 3), "corpus",
    )  # fmt: skip


def _related(vectors: list[Vector]) -> list[set[int]]:
    """For each article, the articles sharing at least two of its heaviest terms (an inverted index:
    the cost follows the number of related articles, not the size of the pool)."""
    tops = [sorted(v, key=lambda w: (-v[w], w))[:TOP_TERMS] for v in vectors]
    index: dict[str, list[int]] = {}
    for i, top in enumerate(tops):
        for w in top:
            index.setdefault(w, []).append(i)
    related = []
    for i, top in enumerate(tops):
        shared: Counter[int] = Counter()
        for w in top:
            if len(index[w]) <= 1000:  # a term in that many articles says nothing about any two
                shared.update(index[w])
        related.append({j for j, n in shared.items() if n >= 2 and j != i})
    return related


def _fits(day: dt.date, ev: DateEvidence) -> bool:
    """Whether ``day`` can be the publication day of an article with evidence ``ev``: the dates its
    text reports in the past without a year ("le 16 juillet": recent by nature) lie before it, the
    latest within ``WINDOW_DAYS`` * 2."""
    anchor = PartialDate(day.year, day.month, day.day)
    reported = []
    for m in ev.matches:
        if m.kind == "date" and m.direction < 0 and m.day is not None and m.year is None:
            value = resolve_value(m, anchor)
            if value is not None:
                reported.append(dt.date.fromisoformat(value))
    if not reported:
        return True
    latest = max(reported)
    return latest <= day and (day - latest).days <= 2 * WINDOW_DAYS


def _similar_dated(
    i: int, near: set[int], pool: Sequence[Dated], vectors: list[Vector], current: dict[str, PublicationDate]
) -> list[tuple[int, float]]:
    """Related articles with a known year, most similar first, above the similarity threshold."""
    out = []
    for j in sorted(near):
        other = pool[j]
        if partial_of(current[other.key]).year is None:
            continue
        sim = cosine(vectors[i], vectors[j])
        if sim >= MIN_ARTICLE_SIMILARITY:
            out.append((j, sim))
    return sorted(out, key=lambda x: (-x[1], x[0]))


def _gap_days(a: PartialDate, b: PartialDate) -> int:
    """Days between two partial dates, each taken at its middle when the day is unknown."""
    da = safe_date(a.year or 1, a.month or 7, a.day or 15)
    db = safe_date(b.year or 1, b.month or 7, b.day or 15)
    return abs((da - db).days) if da and db else 10**6


def _bounds(
    known: PartialDate,
    neighbour: tuple[int, float] | None,
    pool: Sequence[Dated],
    current: dict[str, PublicationDate],
) -> tuple[dt.date | None, dt.date | None]:
    if known.year is not None and known.month is not None:
        first = dt.date(known.year, known.month, 1)
        nxt = dt.date(known.year + (known.month == 12), known.month % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    if known.year is None and known.month is None and neighbour is not None:
        other = partial_of(current[pool[neighbour[0]].key])
        if other.year is not None and other.month is not None:
            centre = dt.date(other.year, other.month, other.day or 15)
            span = dt.timedelta(days=7 if other.day else 31)
            return centre - span, centre + span
    return None, None
