"""The store: SQLAlchemy over SQLite (default, a file in the work folder) or PostgreSQL (by URL)."""

from respmine.store.repository import EXTRACTOR_VERSION, Arrival, Store

__all__ = ["EXTRACTOR_VERSION", "Arrival", "Store"]
