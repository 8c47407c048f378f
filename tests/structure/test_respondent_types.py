"""A consultation's own respondent types: listed in its file, used to type respondents (their words in an
organisation's name or a form's answer before the built-in rules), and a type it does not list is never
given; the list's changes re-type stored respondents."""

from __future__ import annotations

from pathlib import Path

import pytest

from respmine.consultation import ConsultationError, load_consultation
from respmine.records import Document
from respmine.structure import stage
from respmine.structure.respondent_types import BUILT_IN, DEFAULT_TYPES, RespondentType, TypeList, type_list
from respmine.structure.respondents import profile

BUSES = """title: Rural buses
respondent_types:
  - id: bus_operator
    label: bus operator
    words: [buses, coaches, bus company]
  - id: trade_union
    label: trade union
    words: [union, RMT]
  - local_authority
  - id: charity
    label: charity or community transport group
    plural: charities and community transport groups
    words: [community transport]
"""


def _types(tmp_path: Path, text: str = BUSES) -> TypeList:
    path = tmp_path / "consultation.yaml"
    path.write_text(text, encoding="utf-8")
    return load_consultation(path).respondent_type_list()


def _doc(text: str, metadata: dict[str, str] | None = None, fmt: str = "txt") -> Document:
    return Document(f"synthetic.{fmt}", "0" * 64, fmt, "test", text, metadata=metadata or {})


def test_respondent_types_consultation_list_in_order_with_individuals_last(tmp_path: Path) -> None:
    types = _types(tmp_path)
    assert types.ids == ("bus_operator", "trade_union", "local_authority", "charity", "individual", "unknown")
    assert (types.name("bus_operator", 1), types.name("bus_operator", 3)) == ("bus operator", "bus operators")
    assert types.name("local_authority") == "local authorities"  # a built-in id keeps its names ...
    assert types.name("charity") == "charities and community transport groups"  # ... unless relabelled
    assert types.rank("private_company") == len(types.ids)  # not listed: shown after every listed type
    assert types.name("private_company") == "private companies"  # (a stored type, before a rerun)


def test_respondent_types_bad_lists_are_refused_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ConsultationError, match=r"'school' is no built-in type: the built-in ids are "
                       r"charity, public_body, .*; give a type of your own as an entry"):
        _types(tmp_path, "title: T\nrespondent_types: [charity, school]\n")
    with pytest.raises(ConsultationError, match="'probation_body' is no built-in type \\(did you mean "
                       "'probation'\\?\\)"):  # (README names it "probation body")
        _types(tmp_path, "title: T\nrespondent_types: [charity, probation_body]\n")
    with pytest.raises(ConsultationError, match="'charity' is listed twice"):
        _types(tmp_path, "title: T\nrespondent_types: [charity, {id: charity, words: [church]}]\n")
    with pytest.raises(ConsultationError, match="field 'respondent_type': did you mean 'respondent_types'"):
        _types(tmp_path, "title: T\nrespondent_type: [charity]\n")
    with pytest.raises(ConsultationError, match="unknown field 'word': did you mean 'words'"):
        _types(tmp_path, "title: T\nrespondent_types: [{id: x, word: [y]}]\n")
    with pytest.raises(ConsultationError, match=r"respondent_types\.0\.id"):
        _types(tmp_path, "title: T\nrespondent_types: [{id: Bus Operator}]\n")


def test_respondent_types_plurals_of_labels(tmp_path: Path) -> None:
    types = _types(tmp_path, "title: T\nrespondent_types:\n  - {id: a, label: faith body}\n"
                             "  - {id: b, label: church}\n  - {id: c, label: academy trust}\n")
    assert [types.name(t) for t in ("a", "b", "c")] == ["faith bodies", "churches", "academy trusts"]


def test_respondent_types_own_words_come_before_the_built_in_rules(tmp_path: Path) -> None:
    types = _types(tmp_path)
    letter = "Westmoor Buses Ltd\n\nWe run 40 routes and agree with the proposals.\n\nWestmoor Buses Ltd"
    assert profile(_doc(letter)).respondent_type == "private_company"  # built-in: a company
    assert profile(_doc(letter), types=types).respondent_type == "bus_operator"
    union = "Unite the Union\n\nWe represent 2,000 drivers and we oppose the cuts.\n\nUnite the Union"
    assert profile(_doc(union), types=types).respondent_type == "trade_union"


def test_respondent_types_form_answer_in_a_consultations_words(tmp_path: Path) -> None:
    row = _doc("Q1 Keep the 42 running.", fmt="form-row",
               metadata={"Organisation": "Valley Coaches", "Respondent type": "Bus operator"})
    assert profile(row).respondent_type != "bus_operator"
    got = profile(row, types=_types(tmp_path))
    assert (got.kind, got.respondent_type, got.provenance["type"]) == (
        "organisation", "bus_operator", "form:Respondent type")


def test_respondent_types_a_type_not_listed_is_never_given(tmp_path: Path) -> None:
    types = _types(tmp_path)
    letter = ("Northshire Probation Trust\n\nWe supervise 3,000 people on licence and we agree with the "
              "proposals.\n\nNorthshire Probation Trust")
    assert profile(_doc(letter)).respondent_type == "probation"
    got = profile(_doc(letter), types=types)
    assert (got.kind, got.organisation, got.respondent_type) == (
        "organisation", "Northshire Probation Trust", "unknown")


def test_respondent_types_default_list_is_the_built_in_one() -> None:
    assert DEFAULT_TYPES.ids == tuple(t.id for t in BUILT_IN) and DEFAULT_TYPES.digest == ""
    assert type_list([]).ids == ("individual", "unknown")


def test_respondent_types_changed_words_restamp_documents() -> None:
    """A consultation's changed list re-types its stored respondents; labels alone do not."""
    doc = _doc("Valley Coaches\n\nWe agree.")
    own = TypeList((RespondentType("bus_operator", "bus operator", "bus operators", ("coaches",)),))
    relabelled = TypeList((RespondentType("bus_operator", "coach firm", "coach firms", ("coaches",)),))
    more = TypeList((RespondentType("bus_operator", "bus operator", "bus operators", ("coaches", "buses")),))
    plain = stage.document_stamp(doc, None)
    assert plain == stage.document_stamp(doc, None, types=DEFAULT_TYPES)
    assert len({plain, stage.document_stamp(doc, None, types=own),
                stage.document_stamp(doc, None, types=more)}) == 3
    assert stage.document_stamp(doc, None, types=own) == stage.document_stamp(doc, None, types=relabelled)


def test_respondent_types_individuals_never_take_an_organisations_type(tmp_path: Path) -> None:
    """A form's "Individual (member of the public)" answer gave an individual a type whose words include
    "member"; listing individuals with words typed "Oakfield Residents Association" an individual."""
    types = _types(tmp_path, "title: T\nrespondent_types:\n  - {id: community_group, label: community group, "
                             "words: [member, residents]}\n")
    row = _doc("Q1 Keep the 42 running.", fmt="form-row",
               metadata={"Name": "Ann Lee", "Respondent type": "Individual (member of the public)"})
    assert (profile(row, types=types).kind, profile(row, types=types).respondent_type) == (
        "individual", "individual")
    with pytest.raises(ConsultationError, match="individual: no words"):
        _types(tmp_path, "title: T\nrespondent_types: [{id: individual, words: [residents]}]\n")
    placed = _types(tmp_path, "title: T\nrespondent_types: [individual, {id: unknown, label: other}, "
                              "charity]\n")
    assert placed.ids == ("individual", "unknown", "charity") and placed.own_type("Other Things Ltd") is None


def test_respondent_types_names_keep_acronyms_and_fit_the_store(tmp_path: Path) -> None:
    types = _types(tmp_path, "title: T\nrespondent_types: [{id: nhs, label: NHS trust}]\n")
    assert (types.heading("nhs"), types.heading("nhs", 1), types.name("nhs")) == (
        "NHS trusts", "NHS trust", "NHS trusts")  # (not "Nhs trusts")
    assert types.heading("local_authority") == "Local authorities"
    with pytest.raises(ConsultationError, match="at most 30 characters"):
        _types(tmp_path, f"title: T\nrespondent_types: [{{id: {'a' * 31}, label: x}}]\n")
    with pytest.raises(ConsultationError, match="label"):
        _types(tmp_path, "title: T\nrespondent_types: [{id: x, label: '  '}]\n")


def test_respondent_types_a_names_head_and_a_bodys_own_words_choose_among_own_types(tmp_path: Path) -> None:
    """"National Federation of Convenience Retailers" was a retailer (the first listed type whose words it
    has); "Clean Shores Wales is an environmental charity" and "we are a small brewery" were unknown (what
    a body says it is was read for the built-in types only)."""
    types = _types(tmp_path, "title: T\nrespondent_types:\n"
                             "  - {id: retailer, label: retailer, words: [retailers, stores, shop]}\n"
                             "  - {id: trade_association, label: trade association, words: [federation]}\n"
                             "  - {id: env_charity, label: environmental charity}\n"
                             "  - {id: producer, label: drinks producer, words: [brewery]}\n")
    assert types.own_type("National Federation of Convenience Retailers") == "trade_association"
    assert types.own_type("Hadley Village Stores") == "retailer"
    shores = profile(_doc("Clean Shores Wales\n\nClean Shores Wales is an environmental charity working on "
                          "the coast. We support the scheme.\n\nClean Shores Wales"), types=types)
    assert (shores.organisation, shores.respondent_type) == ("Clean Shores Wales", "env_charity")
    brew = profile(_doc("Harbour Brewing Co Ltd\n\nWe are a small brewery in Devon and we oppose glass "
                        "being included.\n\nHarbour Brewing Co Ltd"), types=types)
    assert brew.respondent_type == "producer"


def test_respondent_types_a_names_head_word_decides_over_an_earlier_types_word(tmp_path: Path) -> None:
    """(A new user's trial.) "Justice and Probation Workers' Union" was a probation body, the first listed
    type whose word ("probation") it has, though the consultation listed trade unions: a name's head word
    (its first noun phrase's last, less a legal form) says what it is; else the first found, as before."""
    types = _types(tmp_path, "title: T\nrespondent_types:\n"
                             "  - {id: probation_body, label: probation body, words: [probation]}\n"
                             "  - {id: trade_union, label: trade union, words: [union]}\n"
                             "  - {id: bus_operator, label: bus operator, words: [buses]}\n")
    assert types.own_type("Justice and Probation Workers' Union") == "trade_union"
    assert types.own_type("Union of Probation Staff") == "trade_union"  # (head "Union", before "of")
    assert types.own_type("Wyvern Probation Delivery Unit") == "probation_body"  # (none at its head)
    assert types.own_type("Westmoor Buses Ltd") == "bus_operator"  # (the legal form is no head)
    assert types.own_type("we are a small trade union representing probation staff") == "trade_union"
