"""Prefect flows: wire respmine's stages, batch them, retry, and publish artifacts."""
