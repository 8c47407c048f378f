"""Incremental theme coding on a synthetic corpus: after any codebook edit, coding only what the edit can
affect gives exactly the codes of coding everything from scratch with the new codebook.

Random edits (phrases, labels, exclusions, descriptions, parents, themes added, removed and moved, versions)
over texts with rule hits, similarity-only segments and empty ones, through the real store functions.
The embedder is a hashed bag of words, so similarity and stance ties run without the model.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from respmine.records import ABOUT, Code
from respmine.store import Store
from respmine.store import themes as themes_store
from respmine.themes.codebook import Codebook, Theme
from respmine.themes.coder import CODER_VERSION, coder_version
from respmine.themes.stage import CodingResult, SegmentInput, code_segments
from tests.themes.helpers import WordEmbedder

WORDS = ["alpha", "beam", "cargo", "delta", "ember", "fjord", "glade", "harbour", "island", "jetty", "kelp",
         "lagoon", "meadow", "nectar", "orchard", "pasture", "quarry", "ridge", "spruce", "tundra", "valley",
         "willow", "yarrow", "zephyr"]


def _codebook() -> Codebook:
    themes = [
        Theme(id="a", label="Alpha beam", description="alpha beam cargo", phrases=("alpha beam",)),
        Theme(id="a.x", label="Cargo", parent="a", description="cargo delta", phrases=("cargo delta",)),
        Theme(id="a.y", label="Ember", parent="a", description="ember fjord glade", phrases=("ember",),
              position=True),
        Theme(id="a.w", label="Willow", parent="a", description="willow yarrow", phrases=("willow",),
              position=True),  # a second view on `a`: one argued for, the other talked about is not held
        Theme(id="b", label="Harbour", description="harbour island jetty", phrases=("harbour",),
              exclusions=("harbour master",)),
        Theme(id="b.z", label="Kelp", parent="b", description="kelp lagoon", phrases=("kelp lagoon",)),
        Theme(id="c", label="Meadow", description="meadow nectar orchard pasture"),
        Theme(id="d", label="Quarry", description="quarry ridge", examples=("the quarry ridge spruce",),
              phrases=("quarry",)),
    ]
    return Codebook(name="synthetic", version="1", themes=tuple(themes))


def _texts(rng: random.Random, n: int = 120) -> list[SegmentInput]:
    cues = ["We support the proposal.", "We oppose this plan.", "Ember would be a mistake.",
            "We are against cargo delta.", "We favour willow.", "", "", ""]
    out = []
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(1, 3)):
            words = rng.sample(WORDS, rng.randint(2, 6))
            sentences.append(" ".join(words).capitalize() + ".")
        sentences.append(rng.choice(cues))
        names: tuple[str, ...] = ()
        if i % 5 == 1:  # from an organisation whose name holds phrases: those words are no mentions
            names = ("Harbour Kelp Lagoon Trust",)
            sentences.insert(0, "Harbour Kelp Lagoon Trust writes.")
        text = " ".join(s for s in sentences if s) if i % 40 else "   "
        out.append(SegmentInput(f"s{i:03d}", text, rng.choice(["q1", "q2"]), names))
    return out


Edit = Callable[[random.Random, list[Theme]], list[Theme]]


def _add_phrase(rng: random.Random, themes: list[Theme]) -> list[Theme]:
    k = rng.randrange(len(themes))
    phrase = " ".join(rng.sample(WORDS, rng.choice([1, 1, 2])))
    themes[k] = themes[k].model_copy(update={"phrases": (*themes[k].phrases, phrase)})
    return themes


def _drop_phrase(rng: random.Random, themes: list[Theme]) -> list[Theme]:
    ks = [k for k, t in enumerate(themes) if t.phrases]
    if ks:
        k = rng.choice(ks)
        themes[k] = themes[k].model_copy(update={"phrases": themes[k].phrases[1:]})
    return themes


def _only_label(rng: random.Random, themes: list[Theme]) -> list[Theme]:
    """A theme loses its phrases: from now on its label's words find it (`themes.rules`)."""
    k = rng.randrange(len(themes))
    themes[k] = themes[k].model_copy(update={"phrases": ()})
    return themes


def _relabel(rng: random.Random, themes: list[Theme]) -> list[Theme]:
    k = rng.randrange(len(themes))
    themes[k] = themes[k].model_copy(update={"label": " ".join(rng.sample(WORDS, rng.choice([1, 2])))})
    return themes


def _exclusion(rng: random.Random, themes: list[Theme]) -> list[Theme]:
    k = rng.randrange(len(themes))
    themes[k] = themes[k].model_copy(update={"exclusions": (rng.choice(WORDS),)})
    return themes


def _describe(rng: random.Random, themes: list[Theme]) -> list[Theme]:
    k = rng.randrange(len(themes))
    themes[k] = themes[k].model_copy(update={"description": " ".join(rng.sample(WORDS, 3))})
    return themes


def _add_theme(rng: random.Random, themes: list[Theme]) -> list[Theme]:
    parent = rng.choice([None, *[t.id for t in themes]])
    new = Theme(id=f"n{len(themes)}{rng.randrange(999)}", label=rng.choice(WORDS).title(), parent=parent,
                description=" ".join(rng.sample(WORDS, 3)), phrases=(rng.choice(WORDS),))
    themes.insert(rng.randrange(len(themes) + 1), new)
    return themes


def _remove_leaf(rng: random.Random, themes: list[Theme]) -> list[Theme]:
    parents = {t.parent for t in themes}
    leaves = [k for k, t in enumerate(themes) if t.id not in parents]
    if len(themes) > 2:
        del themes[rng.choice(leaves)]
    return themes


def _move(rng: random.Random, themes: list[Theme]) -> list[Theme]:
    parents = {t.parent for t in themes}
    leaves = [k for k, t in enumerate(themes) if t.id not in parents]
    k = rng.choice(leaves)
    roots = [t.id for t in themes if t.parent is None and t.id != themes[k].id]
    themes[k] = themes[k].model_copy(update={"parent": rng.choice([None, *roots])})
    return themes


def _reorder(rng: random.Random, themes: list[Theme]) -> list[Theme]:
    rng.shuffle(themes)
    return themes


def _imply_stance(rng: random.Random, themes: list[Theme]) -> list[Theme]:
    """A theme becomes (or stops being) a position on the proposal: its answers' stances follow."""
    k = rng.randrange(len(themes))
    themes[k] = themes[k].model_copy(update={"stance": rng.choice([None, "support", "oppose"])})
    return themes


def _position(rng: random.Random, themes: list[Theme]) -> list[Theme]:
    """A theme becomes (or stops being) a position: mentions argued against code its topic instead."""
    k = rng.randrange(len(themes))
    theme = themes[k]
    themes[k] = theme.model_copy(update={"position": not theme.position})
    return themes


EDITS: list[Edit] = [_position, _imply_stance, _add_phrase, _drop_phrase, _only_label, _relabel, _exclusion,
                     _describe, _add_theme, _remove_leaf, _move, _reorder, _imply_stance, _position]


def _rows(codes: Sequence[Code]) -> set[tuple[object, ...]]:
    return {(c.segment, c.theme, c.method, c.evidence, round(c.confidence, 4), c.stance, c.fingerprint)
            for c in codes}


def _run(store: Store, segments: Sequence[SegmentInput], codebook: Codebook,
         questions: Mapping[str, str] | None = None) -> CodingResult:
    result = code_segments(segments, codebook, WordEmbedder(), previous=themes_store.previous_coding(store),
                           questions=questions)
    themes_store.write_coding(store, result)
    return result


def _coded(tmp_path: Path, seed: int) -> tuple[list[SegmentInput], Store, Codebook]:
    """A random synthetic corpus coded once into a fresh store, with its codebook."""
    segments = _texts(random.Random(seed))
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    codebook = _codebook()
    _run(store, segments, codebook)
    return segments, store, codebook


def _check(store: Store, segments: Sequence[SegmentInput], codebook: Codebook,
           questions: Mapping[str, str] | None = None) -> None:
    scratch = code_segments(segments, codebook, WordEmbedder(), questions=questions)
    assert _rows(themes_store.machine_codes(store)) == _rows(scratch.codes)
    stances = {k: (v.stance, v.confidence, v.evidence) for k, v in themes_store.stances(store).items()}
    assert stances == {x.segment: (x.stance, x.confidence, x.evidence) for x in scratch.stances}
    assert {c.codebook for c in themes_store.machine_codes(store)} <= {codebook.stamp}


def test_random_codebook_edits_match_coding_from_scratch(tmp_path: Path) -> None:
    rng = random.Random(7)
    segments = _texts(rng)
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    codebook = _codebook()
    first = _run(store, segments, codebook)
    assert len(first.recoded) == len(segments)
    methods = {c.method for c in themes_store.machine_codes(store)}
    assert {"rule", "similarity", "rule(child)"} <= methods, methods  # both paths are exercised
    argued_against = [c for c in themes_store.machine_codes(store)
                      if c.evidence_text == "Ember would be a mistake."]
    assert argued_against and {c.theme for c in argued_against} == {"a"}  # a position's topic, not a.y
    touched = []
    for step in range(24):
        edit = EDITS[step % len(EDITS)] if step < len(EDITS) else rng.choice(EDITS)
        themes = edit(rng, list(codebook.themes))
        codebook = Codebook(name="synthetic", version=str(step + 2), themes=tuple(themes))
        result = _run(store, segments, codebook)
        _check(store, segments, codebook)
        touched.append(len(result.recoded))
    assert min(touched) < len(segments) // 4, touched  # most edits recode a small part


STATES_EMBER = {"q1": "Do you agree that ember should be the way forward?", "q2": "Any other comments?"}


def test_random_edits_with_a_question_stating_a_view_match_coding_from_scratch(tmp_path: Path) -> None:
    """Answers agreeing with a question that states a view take it (`themes.stated`): codebook edits (the
    view's phrases, positions toggled, themes moved) and a reworded question leave exactly the codes of
    coding from scratch."""
    rng = random.Random(29)
    segments = [replace(s, text=f"{('Yes.', 'No.', 'We agree.', '')[k % 4]} {s.text}".strip())
                for k, s in enumerate(_texts(rng, 80))]
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    codebook = _codebook()
    _run(store, segments, codebook, STATES_EMBER)
    agreed = {c.segment for c in themes_store.machine_codes(store) if c.method == "agreement"}
    assert agreed and {c.theme for c in themes_store.machine_codes(store)
                       if c.segment in agreed and c.method.startswith("agreement")} == {"a.y", "a"}
    _check(store, segments, codebook, STATES_EMBER)
    questions = STATES_EMBER
    for step in range(16):
        if step == 8:  # reworded: it no longer states the view
            questions = {**STATES_EMBER, "q1": "Do you agree that the plan should go ahead?"}
        else:
            edit = EDITS[step % len(EDITS)]
            codebook = Codebook(name="synthetic", version=str(step + 2),
                                themes=tuple(edit(rng, list(codebook.themes))))
        _run(store, segments, codebook, questions)
        _check(store, segments, codebook, questions)
    assert not [c for c in themes_store.machine_codes(store) if c.method.startswith("agreement")]


def test_agreeing_with_a_question_that_states_a_view_takes_the_view(tmp_path: Path) -> None:
    """"Yes." to "Do you agree that ember ...?" is coded with the view (and its topic), the "Yes." its
    evidence; "No." and an answer whose words code the view already are not; removing the view's phrase
    from the codebook drops the taken view at the next run."""
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    segments = [SegmentInput("y", "Yes. Harbour island jetty.", "q1"),
                SegmentInput("n", "No. Harbour.", "q1"),
                SegmentInput("d", "No. Ember fjord glade is costly.", "q1"),
                SegmentInput("w", "Yes. We favour willow for the rest.", "q1"),  # its words hold another view
                SegmentInput("e", "We agree. Ember matters most.", "q1"),
                SegmentInput("o", "Yes. Harbour island.", "q2")]
    codebook = _codebook()
    _run(store, segments, codebook, STATES_EMBER)
    codes = {(c.segment, c.theme): c for c in themes_store.machine_codes(store)}
    assert codes["y", "a.y"].method == "agreement" and codes["y", "a.y"].evidence_text == "Yes."
    assert codes["y", "a"].method == "agreement(child)" and codes["y", "a.y"].stance == "support"
    assert ("n", "a.y") not in codes and ("o", "a.y") not in codes and ("w", "a.y") not in codes
    assert codes["e", "a.y"].method == "rule"  # the respondent's own words
    assert ("d", "a.y") not in codes and codes["d", "a"].method == "rule+disagreement"  # argued against
    themes = [t.model_copy(update={"phrases": ("ember fjord",)}) if t.id == "a.y" else t
              for t in codebook.themes]
    edited = Codebook(name="synthetic", version="2", themes=tuple(themes))
    _run(store, segments, edited, STATES_EMBER)  # the question no longer states the view: its words code it
    assert {c.segment for c in themes_store.machine_codes(store) if c.theme == "a.y"} == {"d"}
    _check(store, segments, edited, STATES_EMBER)
    _run(store, segments, codebook, STATES_EMBER)  # put back: probed by its question, taken again
    assert ("y", "a.y") in {(c.segment, c.theme) for c in themes_store.machine_codes(store)}
    _check(store, segments, codebook, STATES_EMBER)


def test_version_bump_recodes_nothing_and_restamps(tmp_path: Path) -> None:
    segments, store, codebook = _coded(tmp_path, 3)
    before = len(themes_store.machine_codes(store))
    bumped = codebook.model_copy(update={"version": "2"})
    result = code_segments(segments, bumped, WordEmbedder(), previous=themes_store.previous_coding(store))
    assert (result.recoded, result.codes, result.removed, result.stances) == ([], [], [], [])
    assert result.unchanged == before and result.themes == []
    assert themes_store.write_coding(store, result) == before
    _check(store, segments, bumped)


def test_a_changed_leaf_recodes_only_its_segments_and_similarity_ones(tmp_path: Path) -> None:
    """An exclusion changes no similarity prototype: only segments with the theme (or now hit by it)."""
    segments, store, codebook = _coded(tmp_path, 5)
    had = {c.segment for c in themes_store.machine_codes(store) if c.theme == "a.x"}
    themes = [t.model_copy(update={"exclusions": ("glade",)}) if t.id == "a.x" else t
              for t in codebook.themes]
    edited = Codebook(name="synthetic", version="2", themes=tuple(themes))
    result = _run(store, segments, edited)
    assert result.themes == ["a.x"] and set(result.recoded) == had
    _check(store, segments, edited)
    # a phrase is also a similarity prototype, and similarity reads every sentence: all are rescored
    by_similarity = {s.id for s in segments if s.text.strip()}
    had = {c.segment for c in themes_store.machine_codes(store) if c.theme == "a.x"}
    themes = [t.model_copy(update={"phrases": (*t.phrases, "zephyr")}) if t.id == "a.x" else t
              for t in themes]
    edited = Codebook(name="synthetic", version="3", themes=tuple(themes))
    result = _run(store, segments, edited)
    has = {c.segment for c in themes_store.machine_codes(store) if c.theme == "a.x"}
    assert set(result.recoded) == by_similarity | had | has
    _check(store, segments, edited)


def test_a_changed_position_also_recodes_its_topics_segments(tmp_path: Path) -> None:
    """An argued-against mention of a position codes its topic: editing the position can change those."""
    segments, store, codebook = _coded(tmp_path, 5)
    had = {c.segment for c in themes_store.machine_codes(store) if c.theme in {"a", "a.y"}}
    themes = [t.model_copy(update={"exclusions": ("mistake",)}) if t.id == "a.y" else t
              for t in codebook.themes]
    edited = Codebook(name="synthetic", version="2", themes=tuple(themes))
    result = _run(store, segments, edited)
    assert result.themes == ["a", "a.y"] and set(result.recoded) == had
    _check(store, segments, edited)
    assert not [c for c in themes_store.machine_codes(store)
                if c.evidence_text == "Ember would be a mistake." and c.method == "rule"]  # now excluded


def test_stance_model_change_recomputes_stances_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    segments, store, codebook = _coded(tmp_path, 11)
    monkeypatch.setattr("respmine.themes.stance.VERSION", "stance-test")
    result = _run(store, segments, codebook)
    assert result.recoded == [] and len(result.stances) == len(segments)
    stamped = {c.model.rsplit("+", 2)[-2] for c in themes_store.machine_codes(store)}
    assert len(stamped) == 1 and stamped.pop().startswith("stance-test-rules-")  # + the cue rules' hash
    _check(store, segments, codebook)


def test_a_yes_or_no_takes_its_stance_from_an_agreement_question(tmp_path: Path) -> None:
    """"No." answers "Do you agree ...?" against; to another question it says nothing. Rewording a question
    into (or out of) an agreement question recodes its answers only (what restates its proposal, and the view
    it states, depend on its words: `themes.stated`)."""
    segments, store, codebook = _coded(tmp_path, 17)
    header = "Do you support the alpha plan? (form column)"  # no question on file: its wording is its id
    answers = [SegmentInput("y1", "No. Alpha beam harbour.", "q1"),
               SegmentInput("y2", "No. Alpha beam.", "q2"), SegmentInput("y3", "Yes. Alpha beam.", header)]
    asked = {"q1": "Do you agree with the alpha plan?", "q2": "Do you have any other comments?"}

    def run(questions: dict[str, str]) -> CodingResult:
        result = code_segments([*segments, *answers], codebook, WordEmbedder(),
                               previous=themes_store.previous_coding(store), questions=questions)
        themes_store.write_coding(store, result)
        return result

    run(asked)
    stances = themes_store.stances(store)
    assert [stances[k].stance for k in ("y1", "y2", "y3")] == ["oppose", "neutral", "support"]
    assert stances["y1"].evidence.startswith("No.")  # ("No." read as an abbreviation: one sentence)
    rows = {c.theme: c.stance for c in themes_store.machine_codes(store) if c.segment == "y1"}
    assert rows and all(stance == "oppose" for stance in rows.values())  # their evidence opens with "No."
    reworded = {**asked, "q1": "What do you think of the alpha plan?"}
    again = run(reworded)
    q1 = {s.id for s in [*segments, *answers] if s.question == "q1"}
    assert set(again.recoded) == q1 and {x.segment for x in again.stances} == q1
    assert themes_store.stances(store)["y1"].stance == "neutral"
    assert {c.stance for c in themes_store.machine_codes(store) if c.segment == "y1"} == {None}
    assert run({**reworded, "q2": "Any other comments at all?"}).stances == []  # no agreement question


def test_a_coder_code_edit_recodes_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stored codes carry a hash of the coder's modules: an edited rule or classifier recodes on rerun."""
    segments, store, codebook = _coded(tmp_path, 12)
    before = coder_version()
    assert before.startswith(f"{CODER_VERSION}-") and _run(store, segments, codebook).recoded == []
    monkeypatch.setattr("respmine.themes.coder._CODER_MODULES", ("respmine.themes.rules",))  # (as if edited)
    coder_version.cache_clear()
    assert coder_version() != before
    result = _run(store, segments, codebook)
    assert len(result.recoded) == len(segments) and result.stances == []  # stance has its own version
    assert {c.model.split("+")[0] for c in themes_store.machine_codes(store)} == {coder_version()}
    _check(store, segments, codebook)
    monkeypatch.undo()
    coder_version.cache_clear()


def test_self_descriptions_are_never_coded_and_the_rest_is(tmp_path: Path) -> None:
    """ABOUT segments (a respondent saying who they are) mixed into a batch: not coded, the others coded
    exactly as without them; a segment that becomes ABOUT loses its codes on rerun."""
    segments, store, codebook = _coded(tmp_path, 14)
    before = {c.segment for c in themes_store.machine_codes(store)}
    mixed = [replace(s, question=ABOUT) if i % 3 == 0 else s for i, s in enumerate(segments)]
    result = _run(store, mixed, codebook)
    coded = {c.segment for c in themes_store.machine_codes(store)}
    assert set(result.recoded) == {s.id for s in mixed if s.question == ABOUT}
    assert coded == before - {s.id for s in mixed if s.question == ABOUT} and coded
    _check(store, mixed, codebook)


def test_new_text_recodes_that_segment_only(tmp_path: Path) -> None:
    segments, store, codebook = _coded(tmp_path, 13)
    changed = [*segments[:-1], SegmentInput(segments[-1].id, "Kelp lagoon harbour. We oppose it.", "q1")]
    result = _run(store, changed, codebook)
    assert result.recoded == [segments[-1].id] and [x.segment for x in result.stances] == [segments[-1].id]
    _check(store, changed, codebook)


def test_respondent_names_are_no_mentions_and_a_new_name_recodes_its_segments(tmp_path: Path) -> None:
    segments, store, codebook = _coded(tmp_path, 15)
    named = [s for s in segments if s.names and s.text.strip()]
    assert named
    name_only = SegmentInput("n1", "Harbour Kelp Lagoon Trust writes. Alpha beam.", "q1",
                             ("Harbour Kelp Lagoon Trust",))
    result = _run(store, [*segments, name_only], codebook)
    assert result.recoded == ["n1"]
    assert {c.theme for c in themes_store.machine_codes(store) if c.segment == "n1"} == {"a"}
    only_similar = SegmentInput("n2", "Nectar Orchard Pasture Trust writes.", "q1",
                                ("Nectar Orchard Pasture Trust",))  # similarity reads it without the name
    assert code_segments([only_similar], codebook, WordEmbedder()).codes == []
    assert {c.theme for c in code_segments([replace(only_similar, names=())], codebook, WordEmbedder()).codes
            if c.method == "similarity"} == {"c"}
    unnamed = [SegmentInput(s.id, s.text, s.question) if s.names else s for s in [*segments, name_only]]
    result = _run(store, unnamed, codebook)
    assert set(result.recoded) == {s.id for s in [*named, name_only]}  # the stamp holds the names
    now = {(c.segment, c.theme) for c in themes_store.machine_codes(store) if c.method.startswith("rule")}
    assert {("n1", "b"), ("n1", "b.z")} <= now
    assert all((s.id, "b") in now for s in named)  # "Harbour" in the name, read as words again
    _check(store, unnamed, codebook)


def test_the_consultations_title_is_no_mention_and_a_new_title_recodes_every_segment(tmp_path: Path) -> None:
    segments, store, codebook = _coded(tmp_path, 16)
    cover = SegmentInput("t1", "I am writing in response to the consultation on the harbour and kelp lagoon "
                               "islands. Cargo delta.", "q1")
    result = code_segments([*segments, cover], codebook, WordEmbedder(), title="Harbour Kelp Lagoon Islands",
                           previous=themes_store.previous_coding(store))
    assert set(result.recoded) == {s.id for s in [*segments, cover]}  # the stamp holds the title
    assert {c.theme for c in result.codes if c.segment == "t1"} == {"a", "a.x"}  # no "b", no "b.z"
    assert {c.theme for c in code_segments([cover], codebook, WordEmbedder()).codes} >= {"b", "b.z"}


def test_an_edit_probes_segments_with_their_names(tmp_path: Path) -> None:
    """An exclusion inside a name excludes nothing, for the probe of an edit as for the coder: "jetty"
    added to `b` codes a segment whose sentence holds "harbour master" only in its respondent's name."""
    segments, store, codebook = _coded(tmp_path, 16)
    guild = SegmentInput("g1", "Harbour Master Guild: the jetty is busy. Alpha beam.", "q1",
                         ("Harbour Master Guild",))
    _run(store, [*segments, guild], codebook)
    themes = [t.model_copy(update={"phrases": (*t.phrases, "jetty")}) if t.id == "b" else t
              for t in codebook.themes]
    edited = Codebook(name="synthetic", version="2", themes=tuple(themes))
    result = _run(store, [*segments, guild], edited)
    assert "g1" in result.recoded
    assert {c.theme for c in themes_store.machine_codes(store)
            if c.segment == "g1" and c.method.startswith("rule")} == {"a", "b"}
    _check(store, [*segments, guild], edited)


def test_with_a_trained_classifier_edits_match_and_new_examples_recode_all(tmp_path: Path) -> None:
    """The classifier decides its learned themes for every segment: new examples recode everything,
    while a codebook edit still recodes only what it affects (every segment with text where the similarity
    prototypes changed: similarity reads every sentence)."""
    rng = random.Random(17)
    segments = _texts(rng, 80)
    codebook = _codebook()
    learned = {"a": "alpha", "b": "harbour", "c": "meadow"}
    texts = [s.text for s in segments[:30]]
    labels = [[t for t, word in learned.items() if word in text.lower()] or ["d"] for text in texts]
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")

    def run(book: Codebook, examples: tuple[list[str], list[list[str]]]) -> CodingResult:
        previous = themes_store.previous_coding(store)
        result = code_segments(segments, book, WordEmbedder(), previous=previous, examples=examples)
        themes_store.write_coding(store, result)
        scratch = code_segments(segments, book, WordEmbedder(), examples=examples)
        assert _rows(themes_store.machine_codes(store)) == _rows(scratch.codes)
        return result

    run(codebook, (texts, labels))
    assert any("classifier" in c.method for c in themes_store.machine_codes(store))
    for step, edit in enumerate([_add_phrase, _exclusion, _add_theme, _describe]):
        themes = tuple(edit(rng, list(codebook.themes)))
        codebook = Codebook(name="synthetic", version=str(step + 2), themes=themes)
        result = run(codebook, (texts, labels))
        assert len(result.recoded) < len(segments) or edit is not _exclusion
    result = run(codebook, (texts[:-1], labels[:-1]))
    assert len(result.recoded) == len(segments)


def test_a_theme_that_is_a_position_gives_its_stance_where_nothing_is_said_outright() -> None:
    """"The sector should be a core partner" supports a proposal for a bigger role, but has no cue ("we
    support"): the sample's 13 such answers were neutral. A theme marked `stance:` gives the segment its
    stance where its words take no side; an explicit cue still decides, a negated position or a
    similarity code gives none, and a theme that is no position gives none."""
    from respmine.themes.stance import position_stance

    codebook = Codebook(name="positions", version="1", themes=(
        Theme(id="core", label="Core partner", phrases=("core partner", "core strategic delivery partner"),
              stance="support"),
        Theme(id="complement", label="Complementary", phrases=("complement the state",), stance="oppose"),
        Theme(id="harbour", label="Harbour", phrases=("harbour",)),
    ))
    segments = [SegmentInput("p1", "The sector should be a core partner in delivery.", "q1"),
                SegmentInput("p2", "We oppose the plan. The sector should be a core partner.", "q1"),
                SegmentInput("p3", "The sector should be a core partner and complement the state.", "q1"),
                SegmentInput("p4", "The harbour needs a new wall.", "q1"),
                SegmentInput("p5", "We do not think the sector should be a core partner.", "q1"),
                SegmentInput("p6", "We do not think every charity is a core strategic delivery partner. The "
                                   "sector should still be a core partner.", "q1")]
    result = code_segments(segments, codebook, WordEmbedder())
    stances = {x.segment: x for x in result.stances}
    assert stances["p1"].stance == "support" and stances["p1"].method == "theme"
    assert stances["p1"].evidence == "The sector should be a core partner in delivery."
    assert stances["p2"].stance == "oppose" and stances["p2"].method == "zero-shot"  # said outright
    assert stances["p3"].stance == "mixed" and stances["p4"].stance == "neutral"
    assert stances["p5"].method == "zero-shot"  # a negated position implies nothing
    assert stances["p6"].stance == "support"  # ... but it does not hide the position asserted beside it
    assert all(c.stance is None for c in result.codes if c.segment in ("p1", "p3"))  # rows read the segment's
    similar = [replace(c, method="similarity") for c in result.codes if c.segment == "p1"]
    assert position_stance(similar, {"core": "support"}) is None  # similarity reads negation badly


def test_a_topic_gained_by_nested_positions_is_coded_as_from_scratch(tmp_path: Path) -> None:
    """A position on a position: argued against, it codes nothing (no topic) until its parent stops being a
    position; then the unchanged child's mentions code the parent, on a rerun as from scratch."""
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    segments = [SegmentInput("s1", "Ember cargo would be a mistake. Harbour work matters.", "q1"),
                SegmentInput("s2", "Harbour work matters.", "q1")]
    themes = (Theme(id="a", label="Alpha", phrases=("alpha beam",), position=True),
              Theme(id="a.y", label="Ember", parent="a", phrases=("ember cargo",), position=True),
              Theme(id="b", label="Harbour", phrases=("harbour work",)))
    codebook = Codebook(name="nested", version="1", themes=themes)
    _run(store, segments, codebook)
    assert {c.theme for c in themes_store.machine_codes(store) if c.segment == "s1"} == {"b"}
    edited = Codebook(name="nested", version="2",
                      themes=(themes[0].model_copy(update={"position": False}), *themes[1:]))
    result = _run(store, segments, edited)
    assert result.recoded == ["s1", "s2"]  # (s2 too: similarity may code a theme that is no view anywhere,
    _check(store, segments, edited)  # a view only where its words are, `ThemeCoder._names_view`)
    assert {c.theme for c in themes_store.machine_codes(store) if c.segment == "s1"} == {"a", "b"}


def test_similarity_never_codes_a_position_its_sentence_argues_against() -> None:
    """"The council supports a statutory ban" was coded "Leave it to schools to decide" (a position against
    the proposals) by similarity, which counted a supporter among those holding it; the same sentence
    arguing that way keeps it, as does a rule's code."""
    codebook = Codebook(name="c", version="1", themes=(
        Theme(id="autonomy", label="Leave it to schools", stance="oppose",
              description="schools decide their own rules statutory ban unnecessary",
              examples=("Schools should decide their own rules.",)),
        Theme(id="cost", label="Cost", phrases=("full cost",)),
    ))
    texts = {"for": "The council supports a statutory ban so schools decide their own rules.",
             "against": "The council opposes a statutory ban so schools decide their own rules.",
             "neither": "Schools decide their own rules on a statutory ban."}
    result = code_segments([SegmentInput(k, t, "q1") for k, t in texts.items()], codebook, WordEmbedder())
    coded = {c.segment: (c.theme, c.method) for c in result.codes}
    assert "for" not in coded
    assert coded["against"] == ("autonomy", "similarity") and coded["neither"] == ("autonomy", "similarity")


def test_a_similarity_code_with_a_mixed_stance_is_kept_where_its_theme_is_no_position() -> None:
    """Only a position's similarity code can be contradicted by its sentence: "We partly agree: GPS should
    be available for all violent offenders but imposed after assessment." (mixed) lost its code of a theme
    implying no stance (none implied read as the opposite of mixed, which has none)."""
    codebook = Codebook(name="c", version="1", themes=(
        Theme(id="autonomy", label="Leave it to schools", description="schools decide their own rules",
              examples=("Schools should decide their own rules.",)),
        Theme(id="cost", label="Cost", phrases=("full cost",)),
    ))
    text = "We partly agree: schools should decide their own rules, but only after an assessment."
    result = code_segments([SegmentInput("m", text, "q1")], codebook, WordEmbedder(),
                           questions={"q1": "Do you agree that schools should decide?"})
    assert [(c.theme, c.method, c.stance) for c in result.codes] == [("autonomy", "similarity", "mixed")]


def test_a_sub_theme_moved_within_its_family_recodes_as_from_scratch(tmp_path: Path) -> None:
    """Beside a rule's code similarity adds no sibling of the coded theme (`ThemeCoder._beside`): a sub-theme
    moved under another parent in the same family (a deep codebook) stops or starts being a sibling, so a
    segment where it was left out may now take it. Its similarity prototypes and family are unchanged, and
    the segment had no code of it: the plan kept it, and the rerun differed from coding from scratch."""
    codebook = Codebook(name="c", version="1", themes=(
        Theme(id="role", label="Role"),
        Theme(id="role.core", label="Core services", parent="role", phrases=("core services",)),
        Theme(id="role.mid", label="Middle ground", parent="role", description="ground between sectors"),
        Theme(id="role.extra", label="Extra services", parent="role",
              examples=("long record of work in this field",)),
        Theme(id="cost", label="Cost", phrases=("running costs",)),
    ))
    segments = [SegmentInput("s1", "Charities should deliver core services. We have a long record of work "
                                   "in this field.", "q1"),
                SegmentInput("s2", "The running costs are high.", "q1")]
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    _run(store, segments, codebook)
    assert {c.theme for c in themes_store.machine_codes(store) if c.segment == "s1"} == {"role.core", "role"}
    moved = Codebook(name="c", version="2", themes=tuple(
        t.model_copy(update={"parent": "role.mid"}) if t.id == "role.extra" else t for t in codebook.themes))
    _run(store, segments, moved)
    _check(store, segments, moved)
    assert "role.extra" in {c.theme for c in themes_store.machine_codes(store) if c.segment == "s1"}
    _run(store, segments, codebook)  # and back: a sibling again, left out
    _check(store, segments, codebook)


def test_a_position_no_longer_implying_a_stance_recodes_as_from_scratch(tmp_path: Path) -> None:
    """A similarity code to a position its sentence argues against is dropped (`stage._contradicted`): when
    the theme stops implying that stance, the segment it was dropped from has no code of it, and the
    plan kept it without the code coding from scratch gives."""
    codebook = Codebook(name="c", version="1", themes=(
        Theme(id="autonomy", label="Leave it to schools", stance="oppose",
              description="schools decide their own rules statutory ban unnecessary",
              examples=("Schools should decide their own rules.",)),
        Theme(id="cost", label="Cost", phrases=("full cost",)),
    ))
    segments = [SegmentInput("for", "The council supports a statutory ban so schools decide their own rules.",
                             "q1")]
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    _run(store, segments, codebook)
    assert not themes_store.machine_codes(store)
    unstanced = Codebook(name="c", version="2", themes=tuple(
        t.model_copy(update={"stance": None}) if t.id == "autonomy" else t for t in codebook.themes))
    _run(store, segments, unstanced)
    _check(store, segments, unstanced)
    assert {c.theme for c in themes_store.machine_codes(store)} == {"autonomy"}


def test_an_exclusion_removing_a_hit_that_coded_nothing_recodes_as_from_scratch(tmp_path: Path) -> None:
    """Similarity does not give a theme a rule found in its sentence and did not code there: "such as housing,
    mentoring and employment" (an example in a list, below RULE_FLOOR) keeps housing from similarity. An
    exclusion removing that hit changes no similarity prototype, and the segment had no code of housing:
    the plan kept it, without the code coding from scratch gives."""
    sentence = ("We offer help such as housing, mentoring and employment, so that people leaving prison find "
                "homes and settle in the community for good.")
    codebook = Codebook(name="c", version="1", themes=(
        Theme(id="housing", label="Accommodation", phrases=("housing",), examples=(sentence,)),
        Theme(id="cost", label="Cost", phrases=("running costs",)),
    ))
    segments = [SegmentInput("s1", "The running costs are high. " + sentence, "q1")]
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    _run(store, segments, codebook)
    assert {c.theme for c in themes_store.machine_codes(store)} == {"cost"}
    excluded = Codebook(name="c", version="2", themes=tuple(
        t.model_copy(update={"exclusions": ("such as housing",)}) if t.id == "housing" else t
        for t in codebook.themes))
    _run(store, segments, excluded)
    _check(store, segments, excluded)
    assert {c.theme for c in themes_store.machine_codes(store)} == {"cost", "housing"}


def test_a_bare_agreement_cell_still_takes_the_view_a_non_answer_nothing(tmp_path: Path) -> None:
    """A form's stock cells raise no theme by their words (`structure.cells`), but "Agree" and "Yes - agree"
    to a question stating a view still agree with it; "N/A" and "No opinion" take nothing."""
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    segments = [SegmentInput("a", "Agree", "q1"), SegmentInput("y", "Yes - agree", "q1"),
                SegmentInput("n", "N/A", "q1"), SegmentInput("o", "No opinion", "q1")]
    _run(store, segments, _codebook(), STATES_EMBER)
    codes = {(c.segment, c.theme): c.method for c in themes_store.machine_codes(store)}
    assert codes == {("a", "a.y"): "agreement", ("a", "a"): "agreement(child)",
                     ("y", "a.y"): "agreement", ("y", "a"): "agreement(child)"}


def test_a_contradicted_sub_themes_parent_goes_with_it_unless_else_supported() -> None:
    """"The council supports a statutory ban ..." lost its similarity code of "Leave it to schools" (a
    position it argues against, `stage._contradicted`), but kept the parent that code implied
    ("similarity(child)"), counted as raising the topic on nothing but the dropped code. A parent another
    code supports stays."""
    codebook = Codebook(name="c", version="1", themes=(
        Theme(id="rules", label="Who sets the rules"),
        Theme(id="rules.autonomy", label="Leave it to schools", parent="rules", stance="oppose",
              description="schools decide their own rules statutory ban unnecessary",
              examples=("Schools should decide their own rules.",)),
        Theme(id="rules.fees", label="Fees", parent="rules", phrases=("full cost",)),
        Theme(id="cost", label="Cost", phrases=("running costs",)),
    ))
    text = "The council supports a statutory ban so schools decide their own rules."
    segments = [SegmentInput("for", text, "q1"),
                SegmentInput("both", f"{text} They must meet the full cost.", "q1")]
    coded = {(c.segment, c.theme): c.method for c in code_segments(segments, codebook, WordEmbedder()).codes}
    assert not any(s == "for" for s, _ in coded)
    assert ("both", "rules.autonomy") not in coded and ("both", "rules") in coded
