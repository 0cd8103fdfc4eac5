"""Ingest: files, folders, globs and stdin (``.txt``, ``.html``, ``.jsonl``) → :class:`~chronique.model.Document`."""

from chronique.ingest.readers import Item, read_jsonl, read_text
from chronique.ingest.sources import expand, read_inputs

__all__ = ["Item", "expand", "read_inputs", "read_jsonl", "read_text"]
