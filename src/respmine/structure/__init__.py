"""Structuring: per-question segments, respondent profiles, campaigns and personal-data redaction."""
