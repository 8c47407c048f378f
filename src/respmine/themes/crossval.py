"""`respmine evaluate --cv FILE`: how well would the machine have coded the answers analysts coded?

An analyst team that has coded the first hundred answers of a question wants to know, before trusting
the machine with the rest, how close it comes to them, and how close a second analyst came. Every coded
answer is coded by a coder trained on the other folds (so it never saw that answer), then compared with
the file's codes the same way two analysts are compared (`themes.agreement`), overall and per question.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass

from respmine.themes.agreement import Agreement, agreement
from respmine.themes.codebook import code_id, codebook_from_codes
from respmine.themes.labelled import LabelledRow
from respmine.themes.metrics import _table
from respmine.topics.embed import Embedder

MACHINE = "machine (cross-validated)"


def cross_validated_coding(
    rows: Sequence[LabelledRow], embedder: Embedder | None, folds: int = 5, seed: int = 0
) -> list[LabelledRow]:
    """Machine codes for every coded row, each from a coder trained on the other folds.

    For small coded sets (one question's answers): every answer is coded by a model that never saw it,
    so the result can be compared with a second human coder on the same answers. The coder gets the
    whole codebook (every code used in the file, as analysts code against a codebook written first),
    and example answers from the training folds only: a code seen only in the held-out fold can still be
    found by similarity to its name.
    """
    from respmine.themes.coder import ThemeCoder

    if folds < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    coded = [r for r in rows if r.coded]
    if len(coded) < folds:
        raise ValueError(f"{len(coded)} coded answer(s): cross-validation needs at least one per fold "
                         f"({folds} folds)")
    order = sorted(range(len(coded)), key=lambda i: _stable_key(coded[i].id, seed))
    out: dict[int, LabelledRow] = {}
    for k in range(folds):
        test = [i for n, i in enumerate(order) if n % folds == k]
        train = [coded[i] for n, i in enumerate(order) if n % folds != k]
        held = [coded[i] for i in test]
        codebook = codebook_from_codes([r.themes for r in train + held], "cv",
                                       examples=[r.text for r in train] + [""] * len(held))
        coder = ThemeCoder(codebook, embedder, seed=seed)
        coder.fit([r.text for r in train], [[code_id(c) for c in r.themes] for r in train],
                  [r.question for r in train])
        tags = coder.code([r.text for r in held], [r.question for r in held])
        for i, row in zip(test, tags, strict=True):
            themes = tuple(codebook.path(t.theme) for t in row)
            out[i] = LabelledRow(coded[i].id, coded[i].text, themes, question=coded[i].question)
    return [out[i] for i in range(len(coded))]


@dataclass(frozen=True)
class QuestionAgreement:
    question: str
    answers: int  # coded answers of this question
    machine_f1: float
    second_f1: float | None  # None: no second coding, or it coded none of these answers


@dataclass(frozen=True)
class CrossValidation:
    name: str  # the coded file
    folds: int
    machine: list[LabelledRow]  # the machine's codes of every coded answer
    vs_machine: Agreement  # the file (A) against the machine (B)
    vs_second: Agreement | None  # the file (A) against a second coder (B), when given
    vs_machine_shared: Agreement | None  # the machine on the answers the second coder coded: like for like
    per_question: list[QuestionAgreement]  # only when the file holds several questions
    seconds: float

    def as_dict(self) -> dict[str, object]:
        return {
            "task": "themes-cv", "file": self.name, "folds": self.folds, "seconds": round(self.seconds, 2),
            "machine": self.vs_machine.as_dict(),
            "second_coder": self.vs_second.as_dict() if self.vs_second else None,
            "machine_on_second_coders_answers": (
                self.vs_machine_shared.as_dict() if self.vs_machine_shared else None
            ),
            "per_question": [vars(q) for q in self.per_question],
        }

    def format(self) -> str:
        """Headline figures side by side (machine, second coder), per question, then the machine per theme."""
        m, s = self.vs_machine, self.vs_second
        lines = [
            f"Cross-validated coding of {self.name}: {self.folds} folds, {m.n:,} coded answers, "
            f"{len(m.per_theme)} codes ({self.seconds:.1f} s)",
            "  each answer coded by a coder trained on the other folds; codebook: every code in the file",
            "",
        ]
        rows: list[tuple[object, ...]] = [_summary(MACHINE, m)]
        if s is not None and self.vs_machine_shared is not None:
            rows.append(_summary(f"  machine on the second coder's {s.n:,}", self.vs_machine_shared))
            rows.append(_summary(f"second coder ({s.n:,} answers)", s))
        lines += _table(["against the file's codes", "micro F1", "95% CI", "macro F1", "mean kappa",
                         "row Jaccard"], rows)
        if self.per_question:
            table = [(q.question, q.answers, q.machine_f1,
                      "-" if q.second_f1 is None else q.second_f1) for q in self.per_question]
            lines += ["", *_table(["question", "answers", "machine F1", "second F1"], table)]
        lines += ["", *m.format().splitlines()]
        return "\n".join(lines)


def cross_validate(
    rows: Sequence[LabelledRow],
    embedder: Embedder | None,
    *,
    name: str = "coded file",
    second: Sequence[LabelledRow] | None = None,
    folds: int = 5,
    seed: int = 0,
) -> CrossValidation:
    """Cross-validated machine coding of `rows`, scored against their codes (and a second coder's)."""
    t0 = time.perf_counter()
    machine = cross_validated_coding(rows, embedder, folds, seed)
    seconds = time.perf_counter() - t0
    names = (name, MACHINE)
    vs_machine = agreement(rows, machine, names=names, empty_b="no theme", seed=seed)
    vs_second = shared = None
    if second:
        vs_second = agreement(rows, second, names=(name, "second coder"), seed=seed)
        theirs = {r.id for r in second if r.coded}
        shared = agreement([r for r in rows if r.id in theirs], machine, names=names, empty_b="no theme",
                           seed=seed)
    return CrossValidation(name, folds, machine, vs_machine, vs_second, shared,
                           _per_question(rows, machine, second), seconds)


def _per_question(
    rows: Sequence[LabelledRow], machine: Sequence[LabelledRow], second: Sequence[LabelledRow] | None
) -> list[QuestionAgreement]:
    questions = list(dict.fromkeys(r.question or "" for r in rows if r.coded))
    if len(questions) < 2:
        return []
    out = []
    for q in questions:
        mine = [r for r in rows if r.coded and (r.question or "") == q]
        ids = {r.id for r in mine}
        f1 = agreement(mine, [r for r in machine if r.id in ids], empty_b="no theme", bootstrap=0).micro_f1
        second_f1 = None
        if second and any(r.id in ids and r.coded for r in second):
            second_f1 = agreement(mine, [r for r in second if r.id in ids], bootstrap=0).micro_f1
        out.append(QuestionAgreement(q or "(no question)", len(mine), f1, second_f1))
    return out


def _summary(label: str, a: Agreement) -> tuple[object, ...]:
    ci = f"[{a.micro_f1_ci[0]:.3f}, {a.micro_f1_ci[1]:.3f}]" if a.micro_f1_ci else "-"
    return (label, a.micro_f1, ci, a.macro_f1, a.mean_kappa, a.mean_jaccard)


def _stable_key(value: str, seed: int) -> str:
    return hashlib.sha256(f"{seed}:{value}".encode()).hexdigest()
