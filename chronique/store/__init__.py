"""Store: SQLite by default (WAL, FTS5), any SQLAlchemy database by URL; versioned schema."""

from chronique.store.store import Store, database_url

__all__ = ["Store", "database_url"]
