"""The store: SQLAlchemy over SQLite (default, a file in the work folder) or PostgreSQL (by URL)."""

from respmine.store.repository import Arrival, Store

__all__ = ["Arrival", "Store"]
