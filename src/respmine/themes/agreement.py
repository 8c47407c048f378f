"""Agreement between two codings of the same answers: analyst vs analyst, or analyst vs machine.

Agreement between two analysts is the ceiling a machine coder can be held to, so both comparisons use
the same figures: per-theme Cohen's kappa, Jaccard (of the sets of rows each side gave the theme) and
F1, and overall mean row Jaccard, micro/macro F1 and mean kappa. Only answers both sides coded are
compared; the report says how many were left out and why, so a low overlap is never silent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from respmine.themes.codebook import HIERARCHY, code_id
from respmine.themes.labelled import LabelledRow, read_labelled
from respmine.themes.metrics import Interval, _ci_list, _cut, _headline, _table, multilabel_scores


@dataclass(frozen=True)
class ThemeAgreement:
    count_a: int  # rows A gave the theme
    count_b: int
    both: int
    kappa: float
    jaccard: float  # both / rows either gave it
    f1: float


@dataclass(frozen=True)
class Agreement:
    names: tuple[str, str]
    n: int  # answers coded by both: everything below is computed on them
    shared: int  # rows paired by id (ids in both files)
    only_a: int  # ids only in A
    only_b: int
    uncoded_a: int  # shared ids A did not code
    uncoded_b: int  # with empty_b="no theme": 0, B's empty rows are scored as choosing no theme
    blank_ids: int
    repeated_ids: int
    text_mismatches: int  # paired rows whose texts differ: a sign the ids do not match
    depth: int | None
    mean_kappa: float
    weighted_kappa: float  # weighted by prevalence: mean of the two coders' counts
    micro_f1: float
    micro_f1_ci: Interval | None
    macro_f1: float
    macro_f1_ci: Interval | None
    mean_jaccard: float  # per-row Jaccard of the two code sets, averaged
    exact_match: float  # share of answers coded identically
    per_theme: Mapping[str, ThemeAgreement]  # most used first

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            key: value for key, value in vars(self).items() if key not in {"names", "per_theme"}
        }
        out.update(
            names=list(self.names), micro_f1_ci=_ci_list(self.micro_f1_ci),
            macro_f1_ci=_ci_list(self.macro_f1_ci),
            per_theme={t: vars(s).copy() for t, s in self.per_theme.items()},
        )
        return out

    def format(self) -> str:
        """Coverage first (what was compared), then headline agreement, then one line per theme."""
        a, b = self.names
        lines = [
            f"Agreement: {a} (A) vs {b} (B)" + (f", codes cut to depth {self.depth}" if self.depth else ""),
            f"  compared     {self.n:,} answers coded by both, of {self.shared:,} paired by id "
            f"(uncoded in A: {self.uncoded_a:,}, in B: {self.uncoded_b:,})",
            f"  unpaired     ids only in A: {self.only_a:,}, only in B: {self.only_b:,}",
            f"  themes       {len(self.per_theme)}",
            _headline("mean kappa", self.mean_kappa, None, f"prevalence-weighted {self.weighted_kappa:.3f}"),
            _headline("micro F1", self.micro_f1, self.micro_f1_ci),
            _headline("macro F1", self.macro_f1, self.macro_f1_ci),
            _headline("row Jaccard", self.mean_jaccard, None, "mean over answers"),
            _headline("identical", self.exact_match, None, "share of answers coded the same"),
        ]
        lines += self._notes()
        rows = [(t, s.count_a, s.count_b, s.both, s.kappa, s.jaccard, s.f1)
                for t, s in self.per_theme.items()]
        lines += ["", *_table(["theme", "A", "B", "both", "kappa", "Jaccard", "F1"], rows)]
        return "\n".join(lines)

    def _notes(self) -> list[str]:
        notes = []
        if self.repeated_ids:
            notes.append(f"{self.repeated_ids} id(s) repeated within a file: their rows were paired in order")
        if self.blank_ids:
            notes.append(f"{self.blank_ids} row(s) without an id were left out")
        if self.text_mismatches:
            notes.append(f"{self.text_mismatches} paired row(s) have different texts: check the ids match")
        return [f"  note: {note}" for note in notes]


def agreement(
    a: Sequence[LabelledRow],
    b: Sequence[LabelledRow],
    *,
    names: tuple[str, str] = ("A", "B"),
    depth: int | None = None,
    empty_b: Literal["uncoded", "no theme"] = "uncoded",
    bootstrap: int = 1000,
    seed: int = 0,
) -> Agreement:
    """Agreement of coding B with coding A on the answers both coded, aligned by id.

    A is the reference for precision and recall; F1, Jaccard and kappa are symmetric. Codes are matched
    across spellings (`parent->child` equals the codebook id `parent/child`); `depth=1` compares parent
    themes only. An empty row means "not coded" and is left out; for a machine coding, where an empty
    row means "no theme applies", pass `empty_b="no theme"` so those rows count against it.
    Raises ValueError when the files share no id or no shared answer is coded by both.
    """
    aligned = align_rows(a, b)
    if not aligned.pairs:
        raise ValueError(f"{names[0]} and {names[1]} share no ids ({_sample_ids(a)} vs {_sample_ids(b)}): "
                         "are they codings of the same answers?")
    b_done = (lambda row: True) if empty_b == "no theme" else (lambda row: row.coded)
    coded = [(x, y) for x, y in aligned.pairs if x.coded and b_done(y)]
    if not coded:
        raise ValueError(f"{names[0]} and {names[1]} share {len(aligned.pairs)} ids but no answer is coded "
                         "in both")
    codes_a, codes_b = unify_spellings([x.themes for x, _ in coded], [y.themes for _, y in coded],
                                       depth=depth)
    scores = multilabel_scores(codes_a, codes_b, bootstrap=bootstrap, seed=seed)
    per_theme = {
        theme: ThemeAgreement(count_a=s.support, count_b=s.predicted, both=s.agreed, kappa=s.kappa,
                              jaccard=s.agreed / (s.support + s.predicted - s.agreed), f1=s.f1)
        for theme, s in sorted(scores.per_theme.items(), key=lambda t: -(t[1].support + t[1].predicted))
    }
    kappas = np.array([s.kappa for s in per_theme.values()])
    weights = np.array([(s.count_a + s.count_b) / 2 for s in per_theme.values()])
    row_jaccard = [len(set(x) & set(y)) / len(set(x) | set(y)) for x, y in zip(codes_a, codes_b, strict=True)]
    return Agreement(
        names=names, n=len(coded), shared=len(aligned.pairs), only_a=aligned.only_a, only_b=aligned.only_b,
        uncoded_a=sum(not x.coded for x, _ in aligned.pairs),
        uncoded_b=sum(not b_done(y) for _, y in aligned.pairs),
        blank_ids=aligned.blank_ids, repeated_ids=aligned.repeated_ids,
        text_mismatches=sum(_differ(x.text, y.text) for x, y in aligned.pairs), depth=depth,
        mean_kappa=float(kappas.mean()), weighted_kappa=float((kappas * weights).sum() / weights.sum()),
        micro_f1=scores.micro_f1, micro_f1_ci=scores.micro_f1_ci, macro_f1=scores.macro_f1,
        macro_f1_ci=scores.macro_f1_ci, mean_jaccard=float(np.mean(row_jaccard)),
        exact_match=scores.exact_match, per_theme=per_theme,
    )


def read_and_compare(
    path_a: Path | str,
    path_b: Path | str,
    *,
    depth: int | None = None,
    empty_b: Literal["uncoded", "no theme"] = "uncoded",
) -> Agreement:
    """`respmine agreement FILE_A FILE_B`: read two labelled files and compare them (A = reference)."""
    path_a, path_b = Path(path_a), Path(path_b)
    names = (path_a.name, path_b.name) if path_a.name != path_b.name else (str(path_a), str(path_b))
    return agreement(read_labelled(path_a), read_labelled(path_b), names=names, depth=depth, empty_b=empty_b)


def _sample_ids(rows: Sequence[LabelledRow]) -> str:
    ids = [r.id for r in rows if r.id][:2]
    return "ids " + ", ".join(_cut(i, 24) for i in ids) if ids else "no ids"


def _differ(x: str, y: str) -> bool:
    """Texts differ beyond whitespace (both present: a machine file may leave text out)."""
    return bool(x.strip() and y.strip()) and " ".join(x.split()) != " ".join(y.split())


# --- aligning labelled rows ---------------------------------------------------------------------


@dataclass(frozen=True)
class Alignment:
    """Rows of two codings of the same answers, paired by id."""

    pairs: tuple[tuple[LabelledRow, LabelledRow], ...]  # (row of A, row of B), in A's order
    only_a: int  # ids in A but not in B
    only_b: int
    blank_ids: int  # rows without an id (in either file): they cannot be paired
    repeated_ids: int  # ids used by more than one row of a file: their rows are paired in file order


def align_rows(a: Sequence[LabelledRow], b: Sequence[LabelledRow]) -> Alignment:
    """Pair rows by id. A repeated id (one respondent, several answers) pairs its k-th rows in order."""
    keyed_a, keyed_b = _keyed(a), _keyed(b)
    pairs = tuple((row, keyed_b[key]) for key, row in keyed_a.items() if key in keyed_b)
    repeated = {key[0] for keyed in (keyed_a, keyed_b) for key in keyed if key[1] > 1}
    return Alignment(
        pairs=pairs, only_a=len(keyed_a.keys() - keyed_b.keys()), only_b=len(keyed_b.keys() - keyed_a.keys()),
        blank_ids=sum(not r.id for r in (*a, *b)), repeated_ids=len(repeated),
    )


def _keyed(rows: Sequence[LabelledRow]) -> dict[tuple[str, int], LabelledRow]:
    out: dict[tuple[str, int], LabelledRow] = {}
    seen: dict[str, int] = {}
    for row in rows:
        if row.id:
            seen[row.id] = seen.get(row.id, 0) + 1
            out[(row.id, seen[row.id])] = row
    return out


def theme_key(code: str) -> str:
    """What two spellings of one theme share: `a->b` (labelled file), `a/b` (codebook id) -> `a b`.

    Labels with a slash (`Transport to/ from services`) match their codebook id the same way.
    """
    return " ".join(code_id(code.strip()).replace("/", " ").split())


def unify_spellings(
    first: Sequence[Sequence[str]], second: Sequence[Sequence[str]], *, depth: int | None = None
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Both codings with one spelling per theme (the first seen, `first` before `second`).

    `depth` keeps only the top `depth` levels of `parent->child` codes (1: parent themes only).
    """
    if depth is not None and depth < 1:
        raise ValueError("depth must be at least 1")
    names: dict[str, str] = {}

    def spell(codes: Sequence[str]) -> tuple[str, ...]:
        out = []
        for code in codes:
            if depth is not None:
                code = HIERARCHY.join(part.strip() for part in code.split(HIERARCHY)[:depth])
            out.append(names.setdefault(theme_key(code), code.strip()))
        return tuple(dict.fromkeys(out))

    spelled_first = [spell(codes) for codes in first]
    return spelled_first, [spell(codes) for codes in second]


@dataclass(frozen=True)
class CodedPairs:
    ids: tuple[str, ...]
    gold: tuple[tuple[str, ...], ...]
    pred: tuple[tuple[str, ...], ...]
    uncoded: int  # gold rows dropped because the gold coder did not code them
    missing: int  # coded gold rows with no prediction row: scored as predicting nothing
    unmatched: int  # prediction rows whose id gold does not have: ignored


def coded_pairs(
    gold_rows: Sequence[LabelledRow], pred_rows: Sequence[LabelledRow], *, depth: int | None = None
) -> CodedPairs:
    """Inputs for `multilabel_scores`: gold and predicted codes of every row the gold coder coded.

    Uncoded gold rows are dropped (empty means "not coded", not "no theme"). A coded gold row without a
    prediction row counts as an empty prediction, so a coder that skips rows is not flattered; an empty
    prediction row is kept as "predicted nothing". Codes are matched across spellings (`theme_key`).
    """
    keyed_pred = _keyed(pred_rows)
    keyed_gold = {key: row for key, row in _keyed(gold_rows).items() if row.coded}
    ids = tuple(i if k == 1 else f"{i}#{k}" for i, k in keyed_gold)
    missing = sum(key not in keyed_pred for key in keyed_gold)
    empty = LabelledRow(id="", text="")
    gold, pred = unify_spellings(
        [row.themes for row in keyed_gold.values()],
        [keyed_pred.get(key, empty).themes for key in keyed_gold], depth=depth,
    )
    return CodedPairs(
        ids=ids, gold=tuple(gold), pred=tuple(pred),
        uncoded=sum(bool(r.id) and not r.coded for r in gold_rows), missing=missing,
        unmatched=len(keyed_pred.keys() - _keyed(gold_rows).keys()),
    )


