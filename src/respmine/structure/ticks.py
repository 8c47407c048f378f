"""Tick boxes typed into a response form: "☒ Yes ☐ No ☐ Don't know", "[ ] Option A (16) [X] Option B (18)".

The box ticked is the answer. Read as text, every label is there, and the first named won: a form ticking
option B was counted as choosing A, and one ticking "Yes" as no clear answer. `unticked` blanks the boxes
and the labels not ticked (offsets kept, so evidence spans still point into the original text), and what
reads closed answers (`themes.stance`, `structure.choices`) reads that instead.
"""

from __future__ import annotations

import re

_TICKED = r"[☑☒✓✔✗✘■]|\[[ \t]*[xX✓✔✗✘][ \t]*\]|\([ \t]*[xX✓✔✗✘][ \t]*\)"
_EMPTY = r"[☐□]|\[[ \t]*\]|\([ \t]*\)"
_BOX = re.compile(rf"(?P<ticked>{_TICKED})|(?P<empty>{_EMPTY})")
MIN_BOXES = 2  # a run of choices: one box alone is no choice between options


def unticked(text: str) -> str:
    """`text` with each line's run of tick boxes (at least two, exactly one ticked) read as its ticked
    label alone: the boxes and the labels of the boxes not ticked are blanked, every offset kept. A line
    with no ticked box, or several, is left as it is."""
    if not _BOX.search(text):
        return text
    out = list(text)
    start = 0
    for line in text.split("\n"):
        boxes = list(_BOX.finditer(line))
        if len(boxes) >= MIN_BOXES and sum(b["ticked"] is not None for b in boxes) == 1:
            for i, box in enumerate(boxes):
                label_end = boxes[i + 1].start() if i + 1 < len(boxes) else len(line)
                blank_to = box.end() if box["ticked"] is not None else label_end
                for k in range(start + box.start(), start + blank_to):
                    out[k] = " "
        start += len(line) + 1
    return "".join(out)
