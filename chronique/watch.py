"""``chronique watch``: poll folders, files and feed URLs, and ingest what is new.

What has been read is remembered in the store (stage state ``watch``): each file's size and
modification time, each feed entry's link. A file is read again only when it changes; a feed entry's
page is fetched once. The state is saved after each poll's articles are committed; if the process
dies in between, the next poll reads those inputs again and the store's content ids make the second
reading add nothing — a restart never ingests anything twice.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chronique.errors import InputError
from chronique.ingest.feeds import read_url
from chronique.ingest.readers import Item
from chronique.ingest.sources import URL, expand, read_path
from chronique.pipeline import RunResult, ingest_items
from chronique.settings import Settings
from chronique.store import Store

STATE = "watch"


@dataclass
class WatchState:
    files: dict[str, list[int]] = field(default_factory=dict)  # path -> [size, mtime_ns]
    links: set[str] = field(default_factory=set)  # feed entries already read

    def dump(self) -> bytes:
        return json.dumps({"files": self.files, "links": sorted(self.links)}, sort_keys=True).encode()

    @classmethod
    def load(cls, store: Store) -> WatchState:
        saved = store.load_state(STATE)
        if saved is None:
            return cls()
        data = json.loads(saved[0])
        return cls(files=dict(data.get("files", {})), links=set(data.get("links", [])))


def _changed_files(specs: Sequence[str], state: WatchState) -> tuple[list[Path], list[InputError]]:
    changed, errors = [], []
    for item in expand([s for s in specs if not URL.match(s)]):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        path = Path(item)
        try:
            stat = path.stat()
        except OSError:
            continue  # gone since it was listed
        signature = [stat.st_size, stat.st_mtime_ns]
        if state.files.get(str(path.resolve())) != signature:
            changed.append(path)
    return changed, errors


def poll(
    specs: Sequence[str], store: Store, settings: Settings, state: WatchState, today: dt.date | None = None
) -> RunResult:
    """One pass: read the changed files and the feeds' new entries, ingest them, save the state."""
    changed, errors = _changed_files(specs, state)
    links = set(state.links)

    def items() -> Iterator[Item]:
        yield from errors
        for path in changed:
            yield from read_path(path, settings.max_file_bytes, settings.max_line_bytes)
        for url in (s for s in specs if URL.match(s)):
            yield from read_url(url, settings.max_file_bytes, links)

    result = ingest_items(items(), store, settings, today=today)
    for path in changed:
        try:
            stat = path.stat()
        except OSError:
            continue
        state.files[str(path.resolve())] = [stat.st_size, stat.st_mtime_ns]
    state.links = links
    store.save_state(STATE, state.dump(), store.count())
    return result


def watch(
    specs: Sequence[str],
    store: Store,
    settings: Settings,
    interval: float,
    on_poll: Callable[[RunResult], None],
    should_stop: Callable[[], bool],
    once: bool = False,
) -> RunResult:
    """Poll every ``interval`` seconds until ``should_stop()`` (checked between polls and while waiting).

    Returns the last poll's result.
    """
    state = WatchState.load(store)
    while True:
        result = poll(specs, store, settings, state)
        on_poll(result)
        if once:
            return result
        deadline = time.monotonic() + interval
        while time.monotonic() < deadline:
            if should_stop():
                return result
            time.sleep(min(0.2, interval))
        if should_stop():
            return result
