"""Codebook edits on the sample consultation, through the theme stage and its store.

After each edit the store holds exactly what coding every segment from scratch with the edited codebook
gives (segment, theme, method, evidence, confidence, stance); only the segments the edit can affect were
recoded; rows that did not change were not touched (same row id); and every row carries the new codebook
stamp.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from respmine import pipeline
from respmine.config import Settings
from respmine.consultation import Consultation
from respmine.store import Store
from respmine.store import themes as themes_store
from respmine.store.models import CodeRow
from respmine.store.views import read_segments
from respmine.themes.codebook import Codebook, Theme, dump_codebook, load_codebook, named_codebook
from respmine.themes.stage import _passing, _probe, code_segments
from respmine.topics.embed import default_embedder
from tests.themes.helpers import copy_work

Row = tuple[object, ...]


def _rows(store: Store) -> dict[tuple[str, str], tuple[int, Row]]:
    """(segment, theme) -> (row id, what the row says)."""
    with store.session() as s:
        return {
            (r.segment, r.theme): (r.id, (r.method, r.evidence_start, r.evidence_end, r.confidence, r.stance))
            for r in s.scalars(select(CodeRow))
        }


def _edit(codebook: Codebook, version: str, change: Callable[[list[Theme]], list[Theme]]) -> Codebook:
    return Codebook(name=codebook.name, version=version, description=codebook.description,
                    themes=tuple(change(list(codebook.themes))))


def _update(theme_id: str, **fields: Any) -> Callable[[list[Theme]], list[Theme]]:
    def change(themes: list[Theme]) -> list[Theme]:
        out = []
        for t in themes:
            if t.id == theme_id:
                values = {k: (*getattr(t, k), *v) for k, v in fields.items()}
                t = Theme.model_validate({**t.model_dump(), **values})
            out.append(t)
        return out

    return change


def _move(theme_id: str, parent: str) -> Callable[[list[Theme]], list[Theme]]:
    return lambda themes: [t.model_copy(update={"parent": parent}) if t.id == theme_id else t for t in themes]


def _add(theme: Theme) -> Callable[[list[Theme]], list[Theme]]:
    return lambda themes: [*themes, theme]


def _remove(theme_id: str) -> Callable[[list[Theme]], list[Theme]]:
    return lambda themes: [t for t in themes if t.id != theme_id]


class Harness:
    def __init__(self, consultation: Consultation, settings: Settings, folder: Path) -> None:
        self.consultation, self.settings, self.folder = consultation, settings, folder
        self.store = Store(settings.store_url)
        self.segments = pipeline.coding_inputs(self.store)

    def run(self, codebook: Codebook, changed: set[str], prototypes: bool) -> dict[str, Any]:
        """The stage with `codebook`; checks it against coding from scratch and returns its summary.

        `changed`: the themes the edit changes; `prototypes`: whether it changes similarity prototypes.
        """
        path = self.folder / f"codebook-{codebook.version}.yaml"
        dump_codebook(codebook, path)
        codebook = load_codebook(path)
        before = _rows(self.store)
        previous = themes_store.previous_coding(self.store)
        summary = pipeline.themes_stage(self.consultation.model_copy(update={"codebook": str(path)}),
                                        self.settings)
        after = _rows(self.store)
        scratch = code_segments(  # (read with the questions and options the stage reads them with)
            self.segments, codebook, default_embedder(), title=self.consultation.title,
            questions=pipeline.coding_questions(self.consultation, read_segments(self.store)),
            options=self.consultation.offered())
        expected = {(c.segment, c.theme): (c.method, c.evidence.start, c.evidence.end, c.confidence, c.stance)
                    for c in scratch.codes}
        assert {k: v for k, (_, v) in after.items()} == expected
        stored = themes_store.machine_codes(self.store)
        stamps = {(c.segment, c.theme, c.codebook, c.fingerprint) for c in stored}
        assert stamps == {(c.segment, c.theme, codebook.stamp, c.fingerprint) for c in scratch.codes}
        stances = {k: (v.stance, v.confidence, v.evidence)
                   for k, v in themes_store.stances(self.store).items()}
        assert stances == {x.segment: (x.stance, x.confidence, x.evidence) for x in scratch.stances}
        # only what the edit can affect was recoded
        by_similarity = {s.id for s in self.segments if s.text.strip()}  # similarity reads every sentence
        probed = [t for t in codebook.themes  # the changed themes' rules, as the plan probes them
                  if t.id in changed or (t.position and codebook.topic(t.id) in changed)]
        fires = _probe(probed, self.segments) if probed else [False] * len(self.segments)
        hit = {s.id for s, fired in zip(self.segments, fires, strict=True) if fired}
        had = {seg for seg, theme in before if theme in changed}
        passing = {s.id for s, leans in zip(self.segments, _passing(codebook, self.segments), strict=True)
                   if leans}  # a word in passing, which similarity keeps or drops
        recode = had | hit | ((by_similarity | passing) if prototypes else set())
        if not previous.states:  # the first run codes everything
            recode = {s.id for s in self.segments}
        assert summary["segments_coded"] == len(recode), (summary, len(recode))
        assert summary["themes_recoded"] == sorted(changed)
        # rows that did not change were not touched; the summary counts what did
        same = {k for k in before.keys() & after.keys() if before[k][1] == after[k][1]}
        assert all(before[k][0] == after[k][0] for k in same)
        assert summary["codes_unchanged"] == len(same)
        assert summary["codes_added"] == len(after.keys() - before.keys())
        assert summary["codes_removed"] == len(before.keys() - after.keys())
        assert summary["codes_changed"] == len(before.keys() & after.keys()) - len(same)
        return summary


@pytest.mark.slow
def test_codebook_edits_recode_only_what_they_affect(
    structured_sample: tuple[Consultation, Settings], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    consultation, structured = structured_sample
    h = Harness(consultation, copy_work(structured, tmp_path / "work"), tmp_path)
    codebook = named_codebook(consultation.codebook_path())
    first = h.run(codebook, set(), prototypes=False)
    total = sum(first[k] for k in ("codes_added", "codes_unchanged"))
    assert first["segments_coded"] == len(h.segments) and total > 600

    bumped = _edit(codebook, "9.1", list)  # a version bump alone: nothing recoded, every row restamped
    summary = h.run(bumped, set(), prototypes=False)
    assert summary["codes"] == 0 and summary["codes_restamped"] == total == summary["codes_unchanged"]

    steps = [  # (edit, version, changed themes, changes similarity prototypes)
        (_update("volunteers", phrases=("trustee",)), "9.2", {"volunteers"}, True),  # a phrase
        (_update("resettlement.case_management", phrases=("evaluation",)), "9.3",  # a child's phrase
         {"resettlement.case_management"}, True),
        (_add(Theme(id="funding.grants", label="Grant funding", parent="funding",
                    description="Grants rather than contracts for small voluntary organisations.",
                    phrases=("grant", "grant funding"))), "9.4", {"funding.grants"}, True),
        (_remove("groups.victims"), "9.5", {"groups.victims"}, True),
        (_move("volunteers", "resettlement"), "9.55", {"volunteers"}, True),  # a family a word's sentence is
        # near, or not: which words in passing stay
        (_update("funding", exclusions=("short-term",)), "9.6", {"funding"}, False),  # exclusion only
    ]
    for change, version, changed, prototypes in steps:
        codebook = _edit(codebook, version, change)
        summary = h.run(codebook, changed, prototypes)
        assert summary["segments_changed"] < len(h.segments) // 10, summary
        assert summary["codes_unchanged"] > 0.9 * total, summary
    assert set(summary["recoded_because"]) <= {"codes", "phrases"}  # an exclusion: no similarity rescoring

    monkeypatch.setattr("respmine.themes.stance.VERSION", "stance-test")  # a new stance model
    summary = h.run(codebook, set(), prototypes=False)
    assert summary["segments_coded"] == 0 and summary["stances_recomputed"] == len(h.segments)
