"""Helpers for the topic tests: a store filled with segments, a fast counting embedder, corpora."""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from respmine.ingest.dispatch import reader_version
from respmine.store.models import RespondentRow, SegmentRow, SubmissionRow
from respmine.store.repository import Store


class CountingEmbedder:
    """Hashed bag of words (fast, deterministic, lexical), counting every text it is asked to embed."""

    name = "hashed-words-256"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.embedded: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded.extend(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z]{3,}", text.lower()):
                out[i, int(hashlib.md5(word.encode()).hexdigest()[:8], 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


def segment_key(text_id: str) -> str:
    return hashlib.sha256(text_id.encode()).hexdigest()


def add_segments(store: Store, items: Sequence[tuple[str, str, str, str]]) -> list[str]:
    """(item id, question, text, respondent type) -> one submission and one segment each; segment ids."""
    now = datetime.now(UTC)
    ids = []
    with store.session() as s, s.begin():
        for item, question, text, kind in items:
            sha = segment_key("sub:" + item)
            s.add(SubmissionRow(sha256=sha, kind="file", source=f"{item}.txt", format="txt", status="ok",
                                text=text, extractor_version=reader_version("txt"), first_seen_at=now,
                                updated_at=now))
            s.flush()
            s.add(RespondentRow(submission=sha, kind="individual", respondent_type=kind))
            seg = segment_key("seg:" + item)
            s.add(SegmentRow(id=seg, submission=sha, question=question, start=0, end=len(text), page=None,
                             text=text, method="general", confidence=1.0))
            ids.append(seg)
    return ids


def add_letters(store: Store, letters: Sequence[tuple[str, Sequence[str]]],
                organisations: dict[str, str] | None = None) -> dict[str, list[str]]:
    """(letter id, its passages) -> one submission each with a segment per passage; segment ids by letter.
    `organisations`: letter id -> the organisation it is from."""
    now = datetime.now(UTC)
    out: dict[str, list[str]] = {}
    with store.session() as s, s.begin():
        for letter, passages in letters:
            sha = segment_key("sub:" + letter)
            text = "\n\n".join(passages)
            s.add(SubmissionRow(sha256=sha, kind="file", source=f"{letter}.txt", format="txt", status="ok",
                                text=text, extractor_version=reader_version("txt"), first_seen_at=now,
                                updated_at=now))
            s.flush()
            org = (organisations or {}).get(letter)
            s.add(RespondentRow(submission=sha, kind="organisation" if org else "individual",
                                respondent_type="organisation" if org else "individual", organisation=org,
                                organisations=[org] if org else []))
            start = 0
            for i, passage in enumerate(passages):
                seg = segment_key(f"seg:{letter}:{i}")
                s.add(SegmentRow(id=seg, submission=sha, question="Q1", start=start, end=start + len(passage),
                                 page=None, text=passage, method="general", confidence=1.0))
                start += len(passage) + 2
                out.setdefault(letter, []).append(seg)
    return out


def nhs_rows(datasets: Path, n: int | None = None) -> list[tuple[str, str, str, str]]:
    """Coded NHS feedback rows as (id, question, text, first theme), in file order."""
    with (datasets / "nhs-fft" / "train.csv").open(encoding="utf-8", newline="") as f:
        rows = [(r["id"], " ".join(r["question"].split())[:40], r["text"], r["themes"].split(";")[0].strip())
                for r in csv.DictReader(f) if r["themes"].strip() and r["text"].strip()]
    return rows[:n] if n else rows


GROUPS = {
    "funding": ("funding", ["budget", "grant", "money", "council", "cuts", "finance", "spending", "taxes"]),
    "staffing": ("staffing", ["nurses", "staff", "shortage", "recruitment", "workload", "shifts", "burnout"]),
    "transport": ("transport", ["bus", "buses", "route", "timetable", "train", "travel", "fares", "station"]),
    "parking": ("parking", ["parking", "car", "park", "charges", "spaces", "permit", "fines", "tickets"]),
}
OPENERS = ["I think", "In my view", "Honestly", "We believe", "Please note", "Our concern is that", ""]


def synthetic(groups: Sequence[str], per_group: int, seed: int = 0) -> list[tuple[str, str]]:
    """(group, text): sentences built from each group's own vocabulary, seeded, all distinct."""
    import random

    rng = random.Random(seed)
    out, seen = [], set()
    for group in groups:
        _, words = GROUPS[group]
        while sum(g == group for g, _ in out) < per_group:
            picked = rng.sample(words, 4)
            opener = rng.choice(OPENERS)
            text = f"{opener} the {picked[0]} and {picked[1]} issue: {picked[2]}, {picked[3]}.".strip()
            if text not in seen:
                seen.add(text)
                out.append((group, text))
    return out
