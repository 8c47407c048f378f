"""Ingestion: any submission file to a `Document` with provenance, or a `Quarantined` reason."""

from respmine.ingest.dispatch import READERS, extract, extract_source
from respmine.ingest.source import Limits, Source

__all__ = ["READERS", "Limits", "Source", "extract", "extract_source"]
