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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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


POSTINGS = 200  # clusters read per feature when looking up candidates
STORY = Level("story", threshold=0.07, grace_days=120, decay_days=365.0, query_terms=30)
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


# The hot statements, built once (SQLAlchemy caches their compiled form).
_POSTINGS = text(
    "SELECT cluster_id FROM cluster_terms WHERE level = :level AND term = :term ORDER BY seq DESC LIMIT :limit"
)
_CLUSTERS = text(
    "SELECT id, centroid, n, first_day, last_day FROM clusters WHERE level = :level AND id IN :ids"
).bindparams(bindparam("ids", expanding=True))
_EVENTS = text(
    "SELECT id, centroid, n, first_day, last_day FROM clusters WHERE level = :level AND parent = :parent "
    "ORDER BY last_day DESC, id LIMIT :limit"
)
_UPDATE = text(
    "UPDATE clusters SET centroid = :centroid, n = :n, first_day = :first, last_day = :last "
    "WHERE level = :level AND id = :id"
)
_INSERT = text(
    "INSERT INTO clusters (level, id, parent, centroid, n, first_day, last_day) "
    "VALUES (:level, :id, :parent, :centroid, 1, :day, :day)"
)
_UNINDEX = text("DELETE FROM cluster_terms WHERE level = :level AND cluster_id = :id")
_INDEX = text("INSERT INTO cluster_terms (level, term, cluster_id) VALUES (:level, :term, :id)")

_Candidate = tuple[str, Vector, int, int | None, int | None]


def _candidates(conn: Connection, level: Level, vector: Vector, parent: str | None) -> list[_Candidate]:
    """Clusters worth scoring: a story's own events, or the stories that index the article's strongest
    features — at most ``POSTINGS`` per feature, the most recently updated first, then the
    ``max_candidates`` sharing the most weight — so a lookup costs the same however many are stored."""
    if parent is not None:  # a story's events, the most recently updated first
        rows = conn.execute(_EVENTS, {"level": level.name, "parent": parent, "limit": level.max_candidates})
        return [(r[0], json.loads(r[1]), r[2], r[3], r[4]) for r in rows]
    hits: dict[str, float] = {}
    for term in top(vector, level.query_terms):
        for (cid,) in conn.execute(_POSTINGS, {"level": level.name, "term": term, "limit": POSTINGS}):
            hits[cid] = hits.get(cid, 0.0) + vector[term]
    best = sorted(hits, key=lambda k: (-hits[k], k))[: level.max_candidates]
    if not best:
        return []
    rows = conn.execute(_CLUSTERS, {"level": level.name, "ids": best})
    return [(r[0], json.loads(r[1]), r[2], r[3], r[4]) for r in rows]


def _similarity(vector: Vector, centroid: Vector) -> float:
    norm = math.sqrt(sum(x * x for x in centroid.values()))
    return cosine(vector, centroid) / norm if norm > 0 else 0.0


def _assign(
    conn: Connection, level: Level, article_id: str, vector: Vector, day: int | None, parent: str | None
) -> tuple[str, float]:
    scored = []
    for cid, centroid, n, first, last in _candidates(conn, level, vector, parent):
        sim = _similarity(vector, centroid) * decay(level, day, first, last)
        scored.append((sim, cid, centroid, n, first, last))
    if scored:
        sim, cid, centroid, n, first, last = max(scored, key=lambda s: (s[0], s[1]))
        if sim >= level.threshold:
            centroid = add_into(centroid, vector, n, level.centroid_terms)
            days = [d for d in (first, last, day) if d is not None]
            conn.execute(
                _UPDATE,
                {
                    "centroid": json.dumps(centroid, sort_keys=True),
                    "n": n + 1,
                    "first": min(days) if days else None,
                    "last": max(days) if days else None,
                    "level": level.name,
                    "id": cid,
                },
            )
            _index(conn, level, cid, centroid)
            return cid, sim
    cid = cluster_id(level, article_id)
    conn.execute(
        _INSERT,
        {
            "level": level.name,
            "id": cid,
            "parent": parent,
            "centroid": json.dumps(vector, sort_keys=True),
            "day": day,
        },
    )
    _index(conn, level, cid, vector)
    return cid, 1.0


def _index(conn: Connection, level: Level, cid: str, centroid: Vector) -> None:
    conn.execute(_UNINDEX, {"level": level.name, "id": cid})
    rows = [{"level": level.name, "term": term, "id": cid} for term in top(centroid, level.index_terms)]
    if rows:
        conn.execute(_INDEX, rows)


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


def members(conn: Connection, article_ids: Sequence[str] | None = None) -> dict[str, tuple[str, str]]:
    """article id → (story id, event id), of every article or of ``article_ids``."""
    m = schema.cluster_members
    stmt = select(m.c.article_id, m.c.story_id, m.c.event_id)
    if article_ids is not None:
        stmt = stmt.where(m.c.article_id.in_(list(article_ids)))
    return {r[0]: (r[1], r[2]) for r in conn.execute(stmt)}


def centroid_of(conn: Connection, level: str, cid: str) -> dict[str, Any]:
    c = schema.clusters
    row = conn.execute(select(c.c.centroid).where(c.c.level == level, c.c.id == cid)).first()
    return json.loads(row[0]) if row else {}
