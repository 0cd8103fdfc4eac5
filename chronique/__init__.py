"""Chronique: what happened, when, who was involved, who said what, and which outlets reported it.

The Python API mirrors the CLI: :func:`open` a store, then ``ingest``, ``run``, ``articles``,
``article``, ``export``; :func:`evaluate` scores the pipeline against gold annotations.
"""

from chronique.api import Chronique, evaluate, open
from chronique.errors import ChroniqueError, InputError, StoreError
from chronique.model import Article, Document, PublicationDate, RemovedSpan
from chronique.pipeline import RunResult, analyse
from chronique.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Chronique",
    "ChroniqueError",
    "Document",
    "InputError",
    "PublicationDate",
    "RemovedSpan",
    "RunResult",
    "Settings",
    "StoreError",
    "__version__",
    "analyse",
    "evaluate",
    "load_settings",
    "open",
]
