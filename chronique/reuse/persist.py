"""The reuse detector kept in the store: its state saved after each run, new articles added to it
incrementally, pairs turned round when a publication date changes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from chronique.model import Article, PublicationDate
from chronique.reuse.detect import ReuseDetector
from chronique.store import Store

REUSE_STATE = "reuse"


def load_reuse(store: Store, covering: int | None = None) -> ReuseDetector:
    """The reuse detector of the store: its saved state when it covers ``covering`` articles (default:
    all stored), else rebuilt from every stored article (a database from before reuse, a run killed
    before saving it)."""
    saved = store.load_state(REUSE_STATE)
    if saved is not None and saved[1] == (store.count() if covering is None else covering):
        with tempfile.NamedTemporaryFile(suffix=".npz") as tmp:
            tmp.write(saved[0])
            tmp.flush()
            return ReuseDetector.load(tmp.name, texts=store.texts())
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
        detector = load_reuse(store)
        found = len(detector.pairs())
    else:
        detector = load_reuse(store, covering=before)
        turned = [detector.redate(i, pub) for i, pub in redated.items() if i in detector.index]
        found = sum(len(t) for t in turned) + len(detector.add_many(new))
    save_reuse(store, detector)
    return found
