"""Tick boxes typed into a response form: "☒ Yes ☐ No ☐ Don't know", "[ ] Option A (16) [X] Option B (18)".

The box ticked is the answer. Read as text, every label is there, and the first named won: a form ticking
option B was counted as choosing A, and one ticking "Yes" as no clear answer. `unticked` blanks the boxes
and the labels not ticked (offsets kept, so evidence spans still point into the original text), and what
reads closed answers (`themes.stance`, `structure.choices`) reads that instead. Boxes may come before
their labels or after them ("Yes ☐ No ☒"), several to a line or one to a line.
"""

from __future__ import annotations

import re

_TICKED = r"[☑☒✓✔✗✘■]|\[[ \t]*[xX✓✔✗✘][ \t]*\]|\([ \t]*[xX✓✔✗✘][ \t]*\)"
_EMPTY = r"[☐□]|\[[ \t]*\]|\([ \t]*\)"
_BOX = re.compile(rf"(?P<ticked>{_TICKED})|(?P<empty>{_EMPTY})")
_LABEL_END = re.compile(r"[.!?;:]\s")  # the last label ends at its sentence's end: what follows is said
MIN_BOXES = 2  # a run of choices: one box alone is no choice between options


def unticked(text: str) -> str:
    """`text` with each run of tick boxes (at least two, exactly one ticked; on one line, or one to a line
    on consecutive lines) read as its ticked label alone: the boxes and the labels of the boxes not ticked
    are blanked, every offset kept. A run with no box ticked, or several, is left as it is."""
    if not _BOX.search(text):
        return text
    out = list(text)
    for run in _runs(text):
        if sum(kind == "ticked" for kind, _, _ in run) != 1:
            continue
        for kind, (a, b), (la, lb) in run:
            for k in range(a, b) if kind == "ticked" else (*range(a, b), *range(la, lb)):
                out[k] = " "
    return "".join(out)


def ticks_one(text: str) -> bool:
    """`text` holds a run of tick boxes with exactly one ticked ("☐ Agree ☒ Disagree"): a choice made, an
    answer, even where every label is the question's own word."""
    return bool(_BOX.search(text)) and any(sum(kind == "ticked" for kind, _, _ in run) == 1
                                           for run in _runs(text))


Run = list[tuple[str, tuple[int, int], tuple[int, int]]]  # (ticked | empty, box span, its label's span)


def _runs(text: str) -> list[Run]:
    """The runs of boxes with their labels: each line of two or more boxes, and each stretch of
    consecutive lines of one box each."""
    runs: list[Run] = []
    single: Run = []
    start = 0
    for line in text.split("\n"):
        boxes = list(_BOX.finditer(line))
        labelled = _labelled(line, boxes, start)
        if len(boxes) >= MIN_BOXES:
            runs.append(labelled)
        if len(boxes) == 1:
            single += labelled
        elif single:
            runs.append(single)
            single = []
        start += len(line) + 1
    if single:
        runs.append(single)
    return [run for run in runs if len(run) >= MIN_BOXES]


def _labelled(line: str, boxes: list[re.Match[str]], start: int) -> Run:
    """Each box of a line with its label: the text after it up to the next box (boxes first, "☒ Yes ☐
    No"), or before it from the one before ("Yes ☐ No ☒"); the last label stops at its sentence's end."""
    before = bool(boxes) and bool(line[: boxes[0].start()].strip()) and not line[boxes[-1].end():].strip()
    run: Run = []
    for i, box in enumerate(boxes):
        if before:
            la = boxes[i - 1].end() if i else 0
            lb = box.start()
        else:
            la = box.end()
            lb = boxes[i + 1].start() if i + 1 < len(boxes) else len(line)
            if i + 1 == len(boxes) and (stop := _LABEL_END.search(line, la, lb)):
                lb = stop.start() + 1
        kind = "ticked" if box["ticked"] is not None else "empty"
        run.append((kind, (start + box.start(), start + box.end()), (start + la, start + lb)))
    return run
