"""The trained theme classifier: fold-averaged models, thresholds tuned on their out-of-fold scores."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from respmine.themes.classifier import ThemeClassifier, _fallback_pays

_FOOD = ["the food was cold", "lovely hot meals", "food portions too small", "tasty lunch and dinner"]
_STAFF = ["nurses were kind", "rude receptionist", "the doctor listened to me", "staff were caring"]


def _examples() -> tuple[list[str], list[list[str]]]:
    texts, labels = [], []
    for i in range(6):
        for food, staff in zip(_FOOD, _STAFF, strict=True):
            texts += [f"{food} {i}", f"{staff} {i}", f"{staff} and {food} {i}"]
            labels += [["food"], ["staff"], ["food", "staff"]]
    return texts, labels


def test_classifier_codes_held_out_texts_by_their_themes() -> None:
    texts, labels = _examples()
    model = ThemeClassifier(None).fit(texts, labels)
    assert model.themes == ["food", "staff"]
    predicted = model.predict(["cold food again", "the nurses were kind", "kind nurses, cold food"])
    assert [sorted(p.theme for p in row) for row in predicted] == [["food"], ["staff"], ["food", "staff"]]
    # every code points at the sentence that scores highest for its theme
    both = model.predict(["The nurses were kind. The food was cold."])[0]
    spans = {p.theme: "The nurses were kind. The food was cold."[p.evidence[0]:p.evidence[1]] for p in both}
    assert "food" in spans["food"] and "nurses" in spans["staff"]


def test_classifier_theme_no_fold_could_learn_is_fitted_on_everything() -> None:
    """With two rows each fold trains on one: no fold sees both classes, so the theme is refitted on all
    rows rather than left as the constant "never" of a one-class fold."""
    x = sparse.csr_matrix(np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32))
    y = np.array([[1], [0]], dtype=np.int8)
    weights, bias, thresholds = ThemeClassifier(None)._fit_folds(x, y)
    scores = x @ weights.T + bias
    assert scores[0, 0] > 0 > scores[1, 0]
    assert thresholds.shape == (1,)


def test_classifier_fallback_pick_only_where_it_pays_out_of_fold() -> None:
    """A text nothing codes gets its strongest theme only if, out of fold, that pick is right often enough
    to raise micro + macro F1. Few examples whose uncoded texts are about unlearned themes: no pick."""
    y = np.array([[1, 0], [0, 1], [1, 0], [0, 1], [1, 0], [0, 1]], dtype=np.int8)
    thresholds = np.array([0.5, 0.5], dtype=np.float32)
    # the last two rows clear no threshold; their strongest theme is their own: the pick pays
    right = np.array([[0.9, 0.1], [0.1, 0.9], [0.8, 0.2], [0.2, 0.8], [0.4, 0.1], [0.1, 0.3]])
    assert _fallback_pays(y, right, thresholds)
    # ... or the other one: it adds a wrong code to each, and costs
    wrong = np.array([[0.9, 0.1], [0.1, 0.9], [0.8, 0.2], [0.2, 0.8], [0.1, 0.4], [0.3, 0.1]])
    assert not _fallback_pays(y, wrong, thresholds)
    # rows whose codes the classifier never learned (all-zero label rows) cannot be picked right
    unlearned = np.vstack([y[:4], np.zeros((2, 2), dtype=np.int8)])
    assert not _fallback_pays(unlearned, right, thresholds)
    # a pick that costs a little (within FALLBACK_MARGIN) is still made: coders give every answer a code
    many = np.tile(y[:4], (50, 1))  # 200 texts coded right, then one uncoded whose pick is wrong
    scores = np.vstack([np.tile(right[:4], (50, 1)), [[0.1, 0.4]]])
    assert _fallback_pays(np.vstack([many, [[1, 0]]]), scores, thresholds)
    assert not _fallback_pays(np.vstack([many, np.tile([[1, 0]], (10, 1))]),
                              np.vstack([scores, np.tile([[0.1, 0.4]], (9, 1))]), thresholds)
    model = ThemeClassifier(None)
    model.themes, model.thresholds, model.fallback = ["a", "b"], thresholds, False
    assert model.decide(np.array([[0.4, 0.1]], dtype=np.float32)) == [[]]
    model.fallback = True
    assert model.decide(np.array([[0.4, 0.1]], dtype=np.float32)) == [[0]]


def test_classifier_codes_a_theme_one_sentence_of_a_longer_text_raises() -> None:
    """A comment praising the staff at length that says in one sentence that the food was cold is about
    food too: read as one piece, its food words are a small part of the text and it scores 0.23 for food
    (coded staff only); mixed with its best sentence's score (SENTENCE_WEIGHT) it is coded with both."""
    texts, labels = _examples()
    model = ThemeClassifier(None).fit(texts, labels)
    text = ("The nurses were kind and caring. Staff were caring all week. The doctor listened to me. "
            "The food was cold.")
    assert sorted(p.theme for p in model.predict([text], at_least_one=False)[0]) == ["food", "staff"]
    evidence = {p.theme: text[p.evidence[0]:p.evidence[1]] for p in model.predict([text])[0]}
    assert evidence["food"] == "The food was cold."
    # a one-sentence text scores as before: the whole text is its only sentence
    one = "the nurses were kind and the food was cold"
    assert np.allclose(model.probabilities([one]), model._whole([one], [None]))
