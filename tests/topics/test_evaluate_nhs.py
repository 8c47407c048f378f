"""Topic quality against human categories: NMI/ARI/purity on real NHS feedback, next to BERTopic defaults."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from respmine.themes.labelled import LabelledRow, read_labelled
from respmine.topics.evaluate import evaluate_topics, format_topic_scores
from respmine.topics.tfidf import TfidfSvdEmbedder
from tests.topics.helpers import synthetic


def test_scores_on_a_small_labelled_set() -> None:
    rows = [LabelledRow(id=str(i), text=t, themes=(g,)) for i, (g, t) in
            enumerate(synthetic(["funding", "staffing", "transport", "parking"], 25))]
    rows.append(LabelledRow(id="uncoded", text="not coded, skipped"))
    d = evaluate_topics(rows, embedder=TfidfSvdEmbedder())
    assert d["n"] == 100 and d["categories"] == 4
    assert {"nmi", "ari", "purity", "topics", "outlier_share"} <= set(d)
    assert d["nmi"] > 0.5 and d["purity"] > 0.7
    json.dumps(d)
    assert "NMI" in format_topic_scores(d)


def test_no_coded_rows_is_an_error() -> None:
    with pytest.raises(ValueError, match="no coded rows"):
        evaluate_topics([LabelledRow(id="1", text="hello")])


@pytest.mark.slow
def test_nmi_above_bertopic_defaults_on_nhs_feedback(datasets: Path) -> None:
    """Every second coded comment (2,500; ~1,800 distinct texts), first theme as the category.

    Measured when written: respmine NMI 0.445 / ARI 0.447 (34 topics, 0% outliers) against BERTopic's
    defaults NMI 0.422 / ARI 0.341 (38 topics, 21% outliers), on the same MiniLM vectors; on all 5,941
    comments 0.405 / 0.388 against 0.361 / 0.021.
    """
    rows = [r for r in read_labelled(datasets / "nhs-fft" / "train.csv") if r.coded][::2][:2500]
    d = evaluate_topics(rows, seed=0, baseline=True)
    base = d["bertopic_defaults"]
    assert d["nmi"] >= base["nmi"] + 0.01, format_topic_scores(d)
    assert d["ari"] > base["ari"]
    assert d["outlier_share"] < 0.05 < base["outlier_share"]
