"""Outputs for people: tables and summaries written from the store."""
