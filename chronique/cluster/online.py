"""Online clustering of articles into stories, and of a story's articles into events.

Each new article joins the most similar existing cluster or starts one (single pass, deterministic for
a given ingest order), in the manner of Miranda et al. (2018) and Event Registry: similarity is the
cosine between the article's vector and the cluster's centroid, decayed by the time between the
article and the cluster's dates. Candidates come from an inverted index of the clusters' strongest
features, kept in the store, so adding an article costs the same however many are stored.

A story is found first (a broad thread: low threshold, slow decay); the event is then chosen among
that story's events only (a happening: higher threshold, decay over days), so events never straddle
stories. A story's time is the span of its articles' dates, so it can follow a thread for months; an
event's is their mean, so an event cannot creep along a story covered day after day: an article a week
away from where its articles are centred weighs less, however long the chain of articles between.

A single pass fragments: the first articles of a story, each compared with one or two others, often
start clusters of their own that later articles find equally close. So when an article is close enough
to join several clusters, those it bridges are merged into one if they are close as wholes — if the mean
cosine between their articles (the dot product of their mean vectors, decayed by the time between them)
reaches the level's ``merge_link``. A merge only touches the clusters the article was scored against, so
the cost of adding an article stays bounded; the larger cluster keeps its id, and the merged one's id is
remembered as an alias of it, so links to it still resolve.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, select, text

from chronique.cluster.vectors import Vector, add_into, cosine, top
from chronique.store import schema


@dataclass(frozen=True)
class Level:
    """Parameters of one level of clustering (tuned on rpm2, a French corpus of 20 stories)."""

    name: str  # "story" | "event"
    threshold: float  # cosine (after decay) to join a cluster
    grace_days: int  # no decay while the article is within this many days of the cluster
    decay_days: float  # then similarity is multiplied by exp(-(gap - grace) / decay_days)
    centroid_terms: int = 200  # features kept in a centroid
    index_terms: int = 30  # of which these are in the candidate index
    query_terms: int = 15  # an article looks up clusters by its strongest features
    max_candidates: int = 12  # best-matching candidates scored in full
    merge_link: float = 1.0  # mean article-to-article cosine at which two bridged clusters merge
    time: str = "span"  # a cluster's time: "span" (first to last article) or "mean" (their mean day)


POSTINGS = 200  # clusters read per feature when looking up candidates
# merge_link: about the 99th percentile of the cosine between two rpm2 articles of different stories
# (0.061), while two of one story have a median of 0.11.
STORY = Level("story", threshold=0.07, grace_days=120, decay_days=365.0, query_terms=30, merge_link=0.06)
EVENT = Level("event", threshold=0.16, grace_days=2, decay_days=7.0, merge_link=0.10, time="mean")


@dataclass(frozen=True)
class Assignment:
    story_id: str
    event_id: str
    story_similarity: float
    event_similarity: float


def day_number(value: str | None) -> int | None:
    """Days since 0001-01-01 of an ISO date, a month (its 15th) or None."""
    if not value or value[:4] == "XXXX":
        return None
    try:
        if len(value) >= 10:
            return dt.date.fromisoformat(value[:10]).toordinal()
        if len(value) == 7:
            return dt.date.fromisoformat(value + "-15").toordinal()
    except ValueError:
        return None
    return None


def decay(
    level: Level,
    day: float | None,
    first: float | None,
    last: float | None,
    until: float | None = None,
) -> float:
    """How much time weakens a similarity: that of an article of ``day`` (or of a cluster spanning
    ``day``–``until``) to a cluster spanning ``first``–``last``."""
    until = day if until is None else until
    if day is None or until is None or first is None or last is None:
        return 1.0  # an undated article or cluster: content alone decides
    gap = max(first - until, day - last, 0)
    if gap <= level.grace_days:
        return 1.0
    return math.exp(-(gap - level.grace_days) / level.decay_days)


def month_day(partial: str | None) -> tuple[int, int | None] | None:
    """The month and day (the day may be unknown) of a date whose year is not: "XXXX-05-15"."""
    parts = (partial or "").split("-")
    if len(parts) < 2 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 12:
        return None
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None
    return int(parts[1]), day


def nearest(
    within: tuple[int, int | None], first: float | None, last: float | None
) -> tuple[int, int] | None:
    """The days (first, last) that a month and day of an unknown year cover in the year that brings
    them nearest to a cluster spanning ``first``–``last``: however the year falls, the article is at
    least that far from the cluster."""
    if first is None or last is None:
        return None
    year = dt.date.fromordinal(int((first + last) / 2)).year
    spans = []
    for y in (year - 1, year, year + 1):
        month, day = within
        try:
            lo = dt.date(y, month, day or 1)
            hi = lo if day else (dt.date(y + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
        except ValueError:  # 29 February of a common year
            continue
        spans.append((lo.toordinal(), hi.toordinal()))
    return min(spans, key=lambda s: (max(first - s[1], s[0] - last, 0), s), default=None)


def cluster_id(level: Level, article_id: str) -> str:
    prefix = "S" if level.name == "story" else "V"
    return prefix + hashlib.sha1(f"{level.name}:{article_id}".encode()).hexdigest()[:12]


# The hot statements, built once (SQLAlchemy caches their compiled form).
_POSTINGS = text(
    "SELECT cluster_id FROM cluster_terms WHERE level = :level AND term = :term ORDER BY seq DESC LIMIT :limit"
)
_COLUMNS = "id, centroid, n, first_day, last_day, mean_day, dated"
_CLUSTERS = text(f"SELECT {_COLUMNS} FROM clusters WHERE level = :level AND id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_EVENTS = text(
    f"SELECT {_COLUMNS} FROM clusters WHERE level = :level AND parent = :parent "
    "ORDER BY last_day DESC NULLS LAST, id LIMIT :limit"  # NULLS LAST: PostgreSQL puts them first
)
_UPDATE = text(
    "UPDATE clusters SET centroid = :centroid, n = :n, first_day = :first, last_day = :last, "
    "mean_day = :mean, dated = :dated WHERE level = :level AND id = :id"
)
_INSERT = text(
    "INSERT INTO clusters (level, id, parent, centroid, n, first_day, last_day, mean_day, dated) "
    "VALUES (:level, :id, :parent, :centroid, 1, :day, :day, :mean, :dated)"
)
_TIME = text("SELECT first_day, last_day FROM clusters WHERE level = :level AND id = :id")
_UNINDEX = text("DELETE FROM cluster_terms WHERE level = :level AND cluster_id = :id")
_INDEX = text("INSERT INTO cluster_terms (level, term, cluster_id) VALUES (:level, :term, :id)")


@dataclass
class _Cluster:
    id: str
    centroid: Vector  # the mean of its members' vectors, pruned to the level's centroid_terms
    n: int
    first: int | None
    last: int | None
    mean: float | None  # the mean day of its dated articles
    dated: int  # how many are dated

    def time(self, level: Level) -> tuple[float | None, float | None]:
        """Its time as the level sees it: from its first to its last day, or its mean day."""
        return (self.mean, self.mean) if level.time == "mean" else (self.first, self.last)


def _rows(rows: Any) -> list[_Cluster]:
    out = []
    for cid, centroid, n, first, last, mean, dated in rows:
        if mean is None and first is not None:  # a cluster stored before means were kept
            mean, dated = (first + last) / 2, max(1, dated or 0)
        out.append(_Cluster(cid, json.loads(centroid), n, first, last, mean, dated or 0))
    return out


def _mean(a: float | None, a_dated: int, b: float | None, b_dated: int) -> float | None:
    if a is None or not a_dated:
        return b
    if b is None or not b_dated:
        return a
    return (a * a_dated + b * b_dated) / (a_dated + b_dated)


def _candidates(conn: Connection, level: Level, vector: Vector, parent: str | None) -> list[_Cluster]:
    """Clusters worth scoring: a story's own events, or the stories that index the article's strongest
    features — at most ``POSTINGS`` per feature, the most recently updated first, then the
    ``max_candidates`` sharing the most weight — so a lookup costs the same however many are stored."""
    if parent is not None:  # a story's events, the most recently updated first
        return _rows(
            conn.execute(_EVENTS, {"level": level.name, "parent": parent, "limit": level.max_candidates})
        )
    hits: dict[str, float] = {}
    for term in top(vector, level.query_terms):
        for (cid,) in conn.execute(_POSTINGS, {"level": level.name, "term": term, "limit": POSTINGS}):
            hits[cid] = hits.get(cid, 0.0) + vector[term]
    best = sorted(hits, key=lambda k: (-hits[k], k))[: level.max_candidates]
    if not best:
        return []
    return _rows(conn.execute(_CLUSTERS, {"level": level.name, "ids": best}))


def _similarity(vector: Vector, centroid: Vector) -> float:
    norm = math.sqrt(sum(x * x for x in centroid.values()))
    return cosine(vector, centroid) / norm if norm > 0 else 0.0


def _span(*days: int | None) -> tuple[int | None, int | None]:
    known = [d for d in days if d is not None]
    return (min(known), max(known)) if known else (None, None)


def _decay(level: Level, c: _Cluster, day: int | None, within: tuple[int, int | None] | None) -> float:
    if within is not None:  # a month and day of unknown year: however near the year puts them
        placed = nearest(within, *c.time(level))
        if placed is not None:
            return decay(level, placed[0], *c.time(level), placed[1])
    return decay(level, day, *c.time(level))


def _assign(
    conn: Connection,
    level: Level,
    article_id: str,
    vector: Vector,
    day: int | None,
    parent: str | None,
    within: tuple[int, int | None] | None = None,
) -> tuple[str, float]:
    scored = sorted(
        (
            (_similarity(vector, c.centroid) * _decay(level, c, day, within), c)
            for c in _candidates(conn, level, vector, parent)
        ),
        key=lambda s: (s[0], s[1].id),
        reverse=True,
    )
    if not scored or scored[0][0] < level.threshold:
        cid = cluster_id(level, article_id)
        conn.execute(
            _INSERT,
            {
                "level": level.name,
                "id": cid,
                "parent": parent,
                "centroid": json.dumps(vector, sort_keys=True),
                "day": day,
                "mean": None if day is None else float(day),
                "dated": int(day is not None),
            },
        )
        _index(conn, level, cid, vector)
        return cid, 1.0
    sim, best = scored[0]
    joined = _Cluster(
        best.id,
        add_into(best.centroid, vector, best.n, level.centroid_terms),
        best.n + 1,
        *_span(best.first, best.last, day),
        _mean(best.mean, best.dated, day, 1),
        best.dated + (day is not None),
    )
    for other_sim, other in scored[1:]:
        if other_sim < level.threshold:
            break
        start, end = joined.time(level)
        link = cosine(joined.centroid, other.centroid) * decay(level, start, *other.time(level), end)
        if link >= level.merge_link:
            joined = _merge(conn, level, joined, other)
    conn.execute(
        _UPDATE,
        {
            "centroid": json.dumps(joined.centroid, sort_keys=True),
            "n": joined.n,
            "first": joined.first,
            "last": joined.last,
            "mean": joined.mean,
            "dated": joined.dated,
            "level": level.name,
            "id": joined.id,
        },
    )
    _index(conn, level, joined.id, joined.centroid)
    return joined.id, sim


_RELABEL = {
    "story": text("UPDATE cluster_members SET story_id = :into WHERE story_id = :id"),
    "event": text("UPDATE cluster_members SET event_id = :into WHERE event_id = :id"),
}
_REPARENT = text("UPDATE clusters SET parent = :into WHERE level = 'event' AND parent = :id")
_DELETE = text("DELETE FROM clusters WHERE level = :level AND id = :id")
_REALIAS = text("UPDATE cluster_aliases SET merged_into = :into WHERE level = :level AND merged_into = :id")
_ALIAS = text("INSERT INTO cluster_aliases (level, id, merged_into) VALUES (:level, :id, :into)")


def _merge(conn: Connection, level: Level, a: _Cluster, b: _Cluster) -> _Cluster:
    """One cluster of two: the larger keeps its id (the smaller's members, events and aliases move to
    it, and its id becomes an alias), the centroid is the members' mean."""
    keep, gone = (a, b) if (a.n, b.id) >= (b.n, a.id) else (b, a)
    centroid = add_into(keep.centroid, gone.centroid, keep.n, level.centroid_terms, weight=gone.n)
    moved = {"into": keep.id, "id": gone.id}
    at_level = {"level": level.name, "id": gone.id}
    conn.execute(_RELABEL[level.name], moved)
    if level.name == "story":
        conn.execute(_REPARENT, moved)
    conn.execute(_DELETE, at_level)
    conn.execute(_UNINDEX, at_level)
    conn.execute(_REALIAS, {**moved, "level": level.name})
    conn.execute(_ALIAS, {**moved, "level": level.name})
    return _Cluster(
        keep.id,
        centroid,
        keep.n + gone.n,
        *_span(keep.first, keep.last, gone.first, gone.last),
        _mean(keep.mean, keep.dated, gone.mean, gone.dated),
        keep.dated + gone.dated,
    )


def _index(conn: Connection, level: Level, cid: str, centroid: Vector) -> None:
    conn.execute(_UNINDEX, {"level": level.name, "id": cid})
    rows = [{"level": level.name, "term": term, "id": cid} for term in top(centroid, level.index_terms)]
    if rows:
        conn.execute(_INDEX, rows)


def assign(
    conn: Connection, article_id: str, vector: Vector, date: str | None, partial: str | None = None
) -> Assignment:
    """Put one article into a story and an event (creating them when nothing is close enough). An
    undated article whose month and day are known (``partial`` "XXXX-05-15") is as far from a cluster
    as the nearest year puts it (the article of 15 May is no part of an event of mid-July), and its
    event takes the year nearest the story's time for its own."""
    day = day_number(date)
    within = month_day(partial) if day is None else None
    story, s_sim = _assign(conn, STORY, article_id, vector, day, None, within)
    if within is not None:
        row = conn.execute(_TIME, {"level": STORY.name, "id": story}).first()
        placed = nearest(within, *row) if row is not None else None
        if placed is not None:
            day = (placed[0] + placed[1]) // 2
    event, e_sim = _assign(conn, EVENT, article_id, vector, day, story, within)
    conn.execute(
        schema.cluster_members.insert().values(
            article_id=article_id, story_id=story, event_id=event, similarity=round(e_sim, 4)
        )
    )
    return Assignment(story, event, s_sim, e_sim)


def members(conn: Connection, article_ids: Sequence[str] | None = None) -> dict[str, tuple[str, str]]:
    """article id → (story id, event id), of every article or of ``article_ids``."""
    m = schema.cluster_members
    stmt = select(m.c.article_id, m.c.story_id, m.c.event_id)
    if article_ids is not None:
        stmt = stmt.where(m.c.article_id.in_(list(article_ids)))
    return {r[0]: (r[1], r[2]) for r in conn.execute(stmt)}


class Member(NamedTuple):
    """An article's place: its story, its event, and how similar it was to the event when it joined
    (1.0 for the article that started it)."""

    article_id: str
    story_id: str
    event_id: str
    similarity: float


_CHUNK = 500


def ranked_members(
    conn: Connection, article_ids: Sequence[str] | None = None, story_id: str | None = None
) -> list[Member]:
    """The members of every story, of ``article_ids`` or of one story, in ingest order."""
    m, a = schema.cluster_members, schema.articles
    stmt = select(a.c.seq, m.c.article_id, m.c.story_id, m.c.event_id, m.c.similarity).join(
        a, a.c.id == m.c.article_id
    )
    if story_id is not None:
        stmt = stmt.where(m.c.story_id == story_id)
    if article_ids is None:
        rows = list(conn.execute(stmt))
    else:
        ids = list(dict.fromkeys(article_ids))
        rows = []
        for i in range(0, len(ids), _CHUNK):  # databases bound the number of values in one statement
            rows += conn.execute(stmt.where(m.c.article_id.in_(ids[i : i + _CHUNK])))
    return [Member(*row[1:]) for row in sorted(rows, key=lambda row: row[0])]


def to_read(members: Sequence[Member], limit: int | None, *, every_event: bool = False) -> list[str]:
    """The articles to read of the stories of ``members`` (in ingest order), in ingest order: all of
    a story of at most ``limit`` articles; of a larger one, each event's most central article (the
    most similar to the event when it joined), then each event's next one, and so on up to ``limit``
    — so that every event, small or large, is read. With ``every_event``, every event gives its most
    central article even beyond ``limit``."""
    by_story: dict[str, list[int]] = {}
    for i, row in enumerate(members):
        by_story.setdefault(row.story_id, []).append(i)
    chosen: list[int] = []
    for rows in by_story.values():
        if limit is None or len(rows) <= limit:
            chosen += rows
            continue
        by_event: dict[str, list[int]] = {}
        for i in sorted(rows, key=lambda i: (-members[i].similarity, i)):
            by_event.setdefault(members[i].event_id, []).append(i)
        queues = sorted(by_event.values(), key=lambda q: q[0])
        taken: list[int] = [q[0] for q in queues] if every_event else []
        turn = 1 if every_event else 0
        while len(taken) < limit and turn < max(len(q) for q in queues):
            taken += [q[turn] for q in queues if turn < len(q)][: limit - len(taken)]
            turn += 1
        chosen += taken
    return [members[i].article_id for i in sorted(chosen)]


def centroid_of(conn: Connection, level: str, cid: str) -> dict[str, Any]:
    c = schema.clusters
    row = conn.execute(select(c.c.centroid).where(c.c.level == level, c.c.id == cid)).first()
    return json.loads(row[0]) if row else {}
