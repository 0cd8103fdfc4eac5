"""The reuse detector kept in the store: its state saved after each run, new articles added to it
incrementally, pairs turned round when a publication date changes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from chronique.model import Article, PublicationDate
from chronique.reuse.detect import ReuseDetector
from chronique.store import Store

REUSE_STATE = "reuse"


def load_reuse(store: Store) -> ReuseDetector:
    """The reuse detector of the store: its saved state when it covers every stored article, else
    rebuilt from all of them (a database from before reuse, a run killed before saving it)."""
    saved = store.load_state(REUSE_STATE)
    if saved is not None and saved[1] == store.count():
        return _detector(store, saved[0])
    return _rebuilt(store)


def _detector(store: Store, data: bytes) -> ReuseDetector:
    with tempfile.NamedTemporaryFile(suffix=".npz") as tmp:
        tmp.write(data)
        tmp.flush()
        return ReuseDetector.load(tmp.name, texts=store.texts())


def _rebuilt(store: Store) -> ReuseDetector:
    detector = ReuseDetector(texts=store.texts())
    detector.add_many(store.iter_articles())
    return detector


def save_reuse(store: Store, detector: ReuseDetector) -> None:
    with tempfile.NamedTemporaryFile(suffix=".npz") as tmp:
        detector.save(tmp.name)
        data = Path(tmp.name).read_bytes()
    store.save_state(REUSE_STATE, data, len(detector))


def update_reuse(store: Store, new: list[Article], redated: dict[str, PublicationDate]) -> int:
    """Add the run's new articles to the stored reuse index (earlier articles are not compared again)
    and turn round pairs whose direction a new publication date changes. Returns the pairs found or
    turned; the state is saved in the store."""
    saved = store.load_state(REUSE_STATE)
    before = store.count() - len(new)
    if saved is not None and saved[1] == before and not new and not redated:
        return 0  # nothing new, nothing moved: the saved state stands
    if saved is None or saved[1] != before:  # no usable state: everything, new articles included
        detector = _rebuilt(store)
        found = len(detector.pairs())
    else:
        detector = _detector(store, saved[0])
        turned = [detector.redate(i, pub) for i, pub in redated.items() if i in detector.index]
        found = sum(len(t) for t in turned) + len(detector.add_many(new))
    save_reuse(store, detector)
    return found
