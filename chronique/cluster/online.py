"""Online clustering of articles into stories, and of a story's articles into events.

Each new article joins the most similar existing cluster or starts one (single pass, deterministic for
a given ingest order), in the manner of Miranda et al. (2018) and Event Registry: similarity is the
cosine between the article's vector and the cluster's centroid, decayed by the time between the
article and the cluster's dates. Candidates come from an inverted index of the clusters' strongest
features, kept in the store, so adding an article costs the same however many are stored.

A story is found first (a broad thread: low threshold, slow decay); the event is then chosen among
that story's events only (a happening: higher threshold, decay over days), so events never straddle
stories.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, delete, select, update

from chronique.cluster.vectors import Vector, add_into, cosine, normalise, top
from chronique.store import schema


@dataclass(frozen=True)
class Level:
    """Parameters of one level of clustering (tuned on rpm2, a French corpus of 20 stories)."""

    name: str  # "story" | "event"
    threshold: float  # cosine (after decay) to join a cluster
    grace_days: int  # no decay while the article is within this many days of the cluster
    decay_days: float  # then similarity is multiplied by exp(-(gap - grace) / decay_days)
    centroid_terms: int = 300  # features kept in a centroid
    index_terms: int = 30  # of which these are in the candidate index
    query_terms: int = 15  # an article looks up clusters by its strongest features
    max_candidates: int = 50  # best-matching candidates scored in full


STORY = Level("story", threshold=0.10, grace_days=120, decay_days=365.0)
EVENT = Level("event", threshold=0.13, grace_days=2, decay_days=7.0)


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


def decay(level: Level, day: int | None, first: int | None, last: int | None) -> float:
    if day is None or first is None or last is None:
        return 1.0  # an undated article or cluster: content alone decides
    gap = max(first - day, day - last, 0)
    if gap <= level.grace_days:
        return 1.0
    return math.exp(-(gap - level.grace_days) / level.decay_days)


def cluster_id(level: Level, article_id: str) -> str:
    prefix = "S" if level.name == "story" else "V"
    return prefix + hashlib.sha1(f"{level.name}:{article_id}".encode()).hexdigest()[:12]


def _candidates(
    conn: Connection, level: Level, vector: Vector, parent: str | None
) -> list[tuple[str, Vector, int, int | None, int | None]]:
    c, t = schema.clusters, schema.cluster_terms
    terms = list(top(vector, level.query_terms))
    if not terms:
        return []
    hits: dict[str, float] = {}
    for cid, term in conn.execute(
        select(t.c.cluster_id, t.c.term).where(t.c.level == level.name, t.c.term.in_(terms))
    ):
        hits[cid] = hits.get(cid, 0.0) + vector.get(term, 0.0)
    best = sorted(hits, key=lambda k: (-hits[k], k))[: level.max_candidates]
    if not best:
        return []
    stmt = select(c.c.id, c.c.centroid, c.c.n, c.c.first_day, c.c.last_day).where(
        c.c.level == level.name, c.c.id.in_(best)
    )
    if parent is not None:
        stmt = stmt.where(c.c.parent == parent)
    return [(r[0], json.loads(r[1]), r[2], r[3], r[4]) for r in conn.execute(stmt)]


def _assign(
    conn: Connection, level: Level, article_id: str, vector: Vector, day: int | None, parent: str | None
) -> tuple[str, float]:
    scored = []
    for cid, centroid, n, first, last in _candidates(conn, level, vector, parent):
        sim = cosine(vector, normalise(centroid)) * decay(level, day, first, last)
        scored.append((sim, cid, centroid, n, first, last))
    c = schema.clusters
    if scored:
        sim, cid, centroid, n, first, last = max(scored, key=lambda s: (s[0], s[1]))
        if sim >= level.threshold:
            centroid = add_into(centroid, vector, n, level.centroid_terms)
            days = [d for d in (first, last, day) if d is not None]
            conn.execute(
                update(c)
                .where(and_(c.c.level == level.name, c.c.id == cid))
                .values(
                    centroid=json.dumps(centroid, sort_keys=True),
                    n=n + 1,
                    first_day=min(days) if days else None,
                    last_day=max(days) if days else None,
                )
            )
            _index(conn, level, cid, centroid)
            return cid, sim
    cid = cluster_id(level, article_id)
    conn.execute(
        c.insert().values(
            level=level.name,
            id=cid,
            parent=parent,
            centroid=json.dumps(vector, sort_keys=True),
            n=1,
            first_day=day,
            last_day=day,
        )
    )
    _index(conn, level, cid, vector)
    return cid, 1.0


def _index(conn: Connection, level: Level, cid: str, centroid: Vector) -> None:
    t = schema.cluster_terms
    conn.execute(delete(t).where(and_(t.c.level == level.name, t.c.cluster_id == cid)))
    rows = [
        {"level": level.name, "term": term, "cluster_id": cid} for term in top(centroid, level.index_terms)
    ]
    if rows:
        conn.execute(t.insert(), rows)


def assign(conn: Connection, article_id: str, vector: Vector, date: str | None) -> Assignment:
    """Put one article into a story and an event (creating them when nothing is close enough)."""
    day = day_number(date)
    story, s_sim = _assign(conn, STORY, article_id, vector, day, None)
    event, e_sim = _assign(conn, EVENT, article_id, vector, day, story)
    conn.execute(
        schema.cluster_members.insert().values(
            article_id=article_id, story_id=story, event_id=event, similarity=round(e_sim, 4)
        )
    )
    return Assignment(story, event, s_sim, e_sim)


def members(conn: Connection) -> dict[str, tuple[str, str]]:
    """article id → (story id, event id)."""
    m = schema.cluster_members
    return {r[0]: (r[1], r[2]) for r in conn.execute(select(m.c.article_id, m.c.story_id, m.c.event_id))}


def centroid_of(conn: Connection, level: str, cid: str) -> dict[str, Any]:
    c = schema.clusters
    row = conn.execute(select(c.c.centroid).where(c.c.level == level, c.c.id == cid)).first()
    return json.loads(row[0]) if row else {}
