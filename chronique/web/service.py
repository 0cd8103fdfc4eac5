"""What the HTTP API and the web UI both read: the Python API's operations, with the corpus-wide views
(stories, events, reuse) cached until the store changes, and writes serialised behind one lock."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any, TypeVar

from chronique.api import Chronique
from chronique.cluster.describe import Event, Story
from chronique.cluster.online import Member
from chronique.errors import InputError
from chronique.ingest.readers import Item, document_from_json_line, read_jsonl, read_text
from chronique.model import Article
from chronique.pipeline import RunResult, ingest_items
from chronique.report.export import article_record, stories_of
from chronique.reuse import ReuseDetector
from chronique.reuse.persist import load_reuse
from chronique.timeline import Entry

T = TypeVar("T")

ORIGIN = "<request>"


class Service:
    """One store served to many threads: reads run concurrently, writes one at a time."""

    def __init__(self, chq: Chronique) -> None:
        self.chq = chq
        self.store = chq.store
        self.settings = chq.settings
        self._write_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._cache: dict[str, tuple[tuple[int, int], Any]] = {}
        # story id → (signature of its articles, events and dates; its description and events)
        self._described: dict[str, tuple[int, tuple[Story, list[Event]]]] = {}

    # -- cached corpus-wide views -------------------------------------------------------------
    def _state(self) -> tuple[int, int]:
        return self.store.count(), self.store.clustered_through()

    def _cached(self, name: str, build: Callable[[], T]) -> T:
        state = self._state()
        with self._cache_lock:
            hit = self._cache.get(name)
            if hit is not None and hit[0] == state:
                return hit[1]  # type: ignore[no-any-return]
        value = build()
        with self._cache_lock:
            self._cache[name] = (state, value)
        return value

    def stories_and_events(self) -> tuple[list[Story], list[Event]]:
        return self._cached("stories", self._describe_changed)

    def _describe_changed(self) -> tuple[list[Story], list[Event]]:
        """Every story and event, describing again only the stories whose articles, events or
        publication dates changed since the last call (after an ingest of a few articles, a few)."""
        members = self.store.members()
        published = self.store.published_values()
        by_story: dict[str, list[Member]] = {}
        for member in members:
            by_story.setdefault(member.story_id, []).append(member)
        signatures = {
            sid: hash(tuple(sorted((m.article_id, m.event_id, published.get(m.article_id)) for m in rows)))
            for sid, rows in by_story.items()
        }
        with self._cache_lock:
            known = dict(self._described)
        changed = [sid for sid, sig in signatures.items() if known.get(sid, (None,))[0] != sig]
        fresh: dict[str, tuple[Story, list[Event]]] = {}
        chunk: list[Member] = []
        for n, sid in enumerate(changed):  # whole stories per read, a few thousand articles at a time
            chunk += by_story[sid]
            if len(chunk) >= 2000 or n == len(changed) - 1:
                # The memberships read above, not the store's now: a writer may have merged a story
                # since, and the description must match the signature it is cached under.
                stories, events = stories_of(
                    self.store, members=chunk, limit=self.settings.description_articles
                )
                for story in stories:
                    fresh[story.id] = (story, [e for e in events if e.story_id == story.id])
                chunk = []
        described = {
            sid: (signatures[sid], fresh[sid] if sid in fresh else known[sid][1]) for sid in signatures
        }
        with self._cache_lock:
            self._described = described
        stories = [pair[0] for _, pair in described.values()]
        stories.sort(key=lambda st: (-len(st.article_ids), st.first_date or "9999", st.id))
        events = [e for _, pair in described.values() for e in pair[1]]
        events.sort(key=lambda e: (e.date or "9999", e.id))
        return stories, events

    def stories(self) -> list[Story]:
        return self.stories_and_events()[0]

    def events(self, story: str | None = None) -> list[Event]:
        """Every event (cached), or those of one story (computed from its articles alone)."""
        if story is None:
            return self.stories_and_events()[1]
        return self.chq.events(story) if story else []

    def story(self, story_id: str) -> Story | None:
        """A story by id or unique id prefix, described from its own articles (no corpus-wide pass)."""
        return self.chq.story(story_id) if story_id else None

    def event(self, event_id: str) -> Event | None:
        """An event by id or unique id prefix (an event merged into another finds that one)."""
        if not event_id:
            return None
        matches = [e for e in self.events() if e.id.startswith(event_id)]
        if not matches:
            merged = set(self.store.merged_into("event", event_id))
            matches = [e for e in self.events() if e.id in merged]
        exact = [e for e in matches if e.id == event_id]
        return (exact or matches)[0] if len(exact or matches) == 1 else None

    def reuse(self) -> ReuseDetector:
        return self._cached("reuse", lambda: load_reuse(self.store))

    def timeline(self, **params: Any) -> list[Entry]:
        return self.chq.timeline(**params)

    # -- one article ----------------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        return self.store.get(article_id)

    def article_record(self, article: Article) -> dict[str, Any]:
        """The contract object of one article, with its story, event, originality and reuse pairs."""
        record = article_record(article, self.store)
        record["story_id"], record["event_id"] = self.store.memberships([article.id]).get(
            article.id, (None, None)
        )
        detector = self.reuse()
        record["originality"] = round(detector.originality(article.id), 4)
        record["reuse"] = [pair.as_dict() for pair in detector.pairs_for(article.id)]
        return record

    # -- writes -------------------------------------------------------------------------------
    def ingest(self, items: Iterable[Item]) -> RunResult:
        with self._write_lock:
            return ingest_items(items, self.store, self.settings)


def request_items(
    body: bytes, media_type: str, known: dict[str, str | None], max_line_bytes: int
) -> list[Item]:
    """The documents of a POST body: one JSON article, a JSONL batch, an HTML page or plain text."""
    if media_type in {"application/x-ndjson", "application/jsonl", "application/x-jsonlines"}:
        return list(read_jsonl(io.BytesIO(body), ORIGIN, max_line_bytes))
    if media_type == "application/json":
        try:
            return [document_from_json_line(body, ORIGIN)]
        except InputError as exc:
            return [exc]
    kind = "html" if media_type in {"text/html", "application/xhtml+xml"} else "text"
    try:
        doc = read_text(body, ORIGIN, known.get("file"), kind)
    except InputError as exc:
        return [exc]
    fields = {k: v for k, v in known.items() if v and k != "file"}
    if "published" in fields:
        fields["declared_published"] = fields.pop("published")
    return [replace(doc, **fields)]  # what the client says wins over the page's own metadata
