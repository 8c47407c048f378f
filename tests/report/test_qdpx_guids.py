"""QDPX GUIDs: the fast path gives exactly `uuid5` (so projects exported before keep their GUIDs), and
text with markup characters still makes well-formed XML."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

from respmine.report import qdpx


def test_guid_is_uuid5_of_the_joined_parts() -> None:
    for parts in [("user", "respmine"), ("selection", "ab" * 32, "funding.fcr"), ("code", "é€😀"), ("",)]:
        expected = uuid.uuid5(qdpx._GUIDS, "\x1f".join(parts))
        assert qdpx.guid(*parts) == str(expected)
        assert uuid.UUID(qdpx.guid(*parts)).version == 5


def test_elements_escape_text_and_attributes() -> None:
    name = 'Smith & Sons "Ltd" <north>\n\tbranch'
    xml = qdpx._el("Code", {"guid": qdpx.guid("code", name), "name": name},
                   qdpx._el("Description", {}, qdpx._text("a < b & c > d")) + qdpx._el("Empty", {}))
    root = ET.fromstring(xml)
    assert root.get("name") == name
    assert root.find("Description").text == "a < b & c > d"  # type: ignore[union-attr]
    assert xml.endswith("<Empty /></Code>")


def test_selection_name_reads_only_the_start_it_needs() -> None:
    """`_name` reads a prefix of a long passage: the same name as collapsing the whole passage."""
    word = "consultation "
    texts = ["", "   ", "short passage", "a" * 500, word * 40, " \n\t " * 60 + word * 10,
             "x " + " " * 200 + "y", ("word\n\n" * 30) + "tail & <end>", "é€😀 " * 50]
    for text in texts:
        for start in (0, 1, 7):
            for end in (start, start + 5, start + 119, start + 120, start + 121, len(text)):
                whole = " ".join(text[start:end].split())[:60] or "(empty)"
                assert qdpx._name(text, start, end) == qdpx._attr(whole), (text[:20], start, end)
