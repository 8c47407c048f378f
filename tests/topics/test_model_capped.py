"""One respondent's passages weigh at most twice the median respondent's in the clustering."""

from __future__ import annotations

import numpy as np

from respmine.topics.model import _capped


def test_model_capped_long_paper() -> None:
    owners = ["paper"] * 40 + [f"r{i // 2}" for i in range(20)]  # one of 40 passages, ten of two
    weights = _capped(owners)
    assert np.isclose(weights[:40].sum(), 4.0)  # 2 x the median respondent's 2 passages
    assert (weights[40:] == 1).all()
    assert (_capped([f"r{i}" for i in range(5)]) == 1).all()  # a comments export: one passage each
