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
