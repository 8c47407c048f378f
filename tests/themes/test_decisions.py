"""Analysts' codebook decisions as the coder sees them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from respmine.themes.codebook import Codebook, Theme
from respmine.themes.decisions import Decision, effective_codebook


def _merge(theme: str, into: str) -> Decision:
    return Decision(at=datetime(2026, 5, 1, tzinfo=UTC), user="a", action="merge", theme=theme,
                    value={"into": into})


def test_a_merged_themes_phrases_and_examples_join_its_target() -> None:
    book = Codebook(name="b", version="1", themes=(
        Theme(id="groups", label="Groups"),
        Theme(id="families", label="Families", parent="groups", phrases=("family ties",),
              examples=("Visits keep families together.",)),
        Theme(id="women", label="Women", parent="groups", phrases=("women's centre",),
              examples=("Most of the women we see are mothers.",), exclusions=("women's institute",)),
    ))
    target = effective_codebook(book, [_merge("women", "families")]).theme("families")
    assert target.phrases == ("family ties", "women's centre")
    assert target.examples == ("Visits keep families together.", "Most of the women we see are mothers.")
    assert target.exclusions == ()  # the merged theme's exclusions would drop the target's own mentions
    assert target.fingerprint != book.theme("families").fingerprint  # so the plan recodes what it moves


def test_a_target_merging_the_opposite_position_implies_no_stance() -> None:
    """Merging a position into one implying the other side leaves a theme holding both, implying neither:
    kept, the target's stance dropped the merged theme's supporters on the rerun (the sample's "Core delivery
    partner" merged into "Complementary to statutory services": "We would favour a core contract ..." was
    coded by similarity, read as support and dropped as contradicting the target, 5 segments lost). A theme
    implying the same stance, or none, leaves the target's."""
    book = Codebook(name="b", version="1", themes=(
        Theme(id="role", label="Role"),
        Theme(id="core", label="Core partner", parent="role", stance="support"),
        Theme(id="lead", label="Lead provider", parent="role", stance="support"),
        Theme(id="extra", label="Complementary", parent="role", stance="oppose"),
        Theme(id="cost", label="Cost", parent="role"),
    ))
    assert effective_codebook(book, [_merge("core", "extra")]).theme("extra").stance is None
    assert effective_codebook(book, [_merge("extra", "core")]).theme("core").stance is None
    assert effective_codebook(book, [_merge("lead", "core")]).theme("core").stance == "support"
    assert effective_codebook(book, [_merge("cost", "extra")]).theme("extra").stance == "oppose"
    assert effective_codebook(book, [_merge("core", "cost")]).theme("cost").stance is None


def test_a_theme_found_by_its_label_brings_the_label_when_merged() -> None:
    book = Codebook(name="b", version="1", themes=(
        Theme(id="increased_anxiety", label="increased_anxiety"),
        Theme(id="stress", label="stress", phrases=("under pressure",)),
        Theme(id="on_blackboard", label="on_blackboard"),
    ))
    merged = effective_codebook(book, [_merge("increased_anxiety", "stress"),
                                       _merge("on_blackboard", "stress")])
    assert merged.theme("stress").phrases == ("under pressure", "increased anxiety", "on blackboard")


def test_an_accept_after_a_reject_restores_the_code_rejected() -> None:
    """The review app's "Restore" (an accept after a reject) brings back the machine's code with its own
    evidence, or the code the analyst had added; it had been re-added as the whole segment."""
    from respmine.records import Code, Span
    from respmine.themes.decisions import apply_decisions

    book = Codebook(name="b", version="1", themes=(Theme(id="a", label="A"), Theme(id="b", label="B")))
    text = "Alpha is here. Beta too."
    machine = Code(segment="s", theme="a", confidence=0.7, method="rule", evidence=Span(0, 14),
                   evidence_text="Alpha is here.", codebook="b@1")
    t0 = datetime(2026, 1, 1, tzinfo=UTC)

    def decided(*steps: tuple[str, str, dict[str, int] | None]) -> list[Code]:
        log = [Decision(at=t0 + timedelta(minutes=k), user="ana", action=action, segment="s", theme=theme,
                        value=value) for k, (action, theme, value) in enumerate(steps)]
        return apply_decisions([machine], log, {"s": text}, book)

    [restored] = decided(("reject", "a", None), ("accept", "a", None))
    assert (restored.method, restored.evidence_text, restored.reviewed) == ("rule", "Alpha is here.", True)
    [added] = decided(("add", "b", {"start": 15, "end": 24}), ("reject", "b", None), ("accept", "b", None),
                      ("reject", "a", None))
    assert (added.theme, added.method, added.evidence_text) == ("b", "analyst", "Beta too.")
    assert decided(("reject", "a", None)) == []


def test_decisions_an_undo_gives_the_codebook_a_revision_of_its_own() -> None:
    """"merge A, undo, merge B" was stamped '+r1' as "merge A" was, though their themes differ (reports
    and "What changed" could not tell the two apart); an undo is a revision (the reviewer's case)."""
    from datetime import UTC, datetime, timedelta

    from respmine.themes.codebook import load_codebook
    from respmine.themes.decisions import Decision, effective_codebook, in_force
    from tests.review.helpers import CODEBOOK

    at = datetime(2026, 1, 1, tzinfo=UTC)
    book = load_codebook(CODEBOOK)
    a, b, c = "funding.contract_length", "funding.payment_by_results", "funding.full_cost_recovery"
    merge_a = Decision(at, "ana", "merge", None, a, {"into": c}, None, 1)
    undo = Decision(at + timedelta(1), "ana", "undo", None, a, {"decision": 1}, None, 2)
    merge_b = Decision(at + timedelta(2), "ana", "merge", None, b, {"into": c}, None, 3)
    stamps = {effective_codebook(book, in_force(log)).stamp for log in
              ([merge_a], [merge_a, undo], [merge_a, undo, merge_b])}
    assert len(stamps) == 3 and book.stamp not in stamps
    assert effective_codebook(book, in_force([merge_a, undo])).ids == book.ids  # (the themes are the file's)
