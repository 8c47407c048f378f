"""The REFI-QDA project: valid structure, every reference resolves, every selection inside its source and
covering the evidence it codes; no personal data in the sources."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from respmine.report.outputs import write_reports
from respmine.store import Store
from tests.report.helpers import CODEBOOK, CONSULTATION

NS = "{urn:QDA-XML:project:1.0}"


def test_project_references_and_positions(made: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    archive = zipfile.ZipFile(write_reports(made[0], CODEBOOK, tmp_path, CONSULTATION)["qdpx"])
    root = ET.fromstring(archive.read("project.qde"))
    assert root.tag == f"{NS}Project" and root.get("name") == CONSULTATION.title
    assert [c.tag.removeprefix(NS) for c in root] == [
        "Users",
        "CodeBook",
        "Variables",
        "Cases",
        "Sources",
        "Description",
    ]
    guids = [e.get("guid") for e in root.iter() if e.get("guid")]
    assert len(guids) == len(set(guids))
    targets = {e.get("targetGUID") for e in root.iter() if e.get("targetGUID")}
    users = {e.get(a) for e in root.iter() for a in ("creatingUser", "creatingUserGUID") if e.get(a)}
    assert targets | users <= set(guids)
    codes = {c.get("guid"): c.get("name") for c in root.iter(f"{NS}Code")}
    funding = next(c for c in root.iter(f"{NS}Code") if c.get("name") == "Funding")
    assert {c.get("name") for c in funding.findall(f"{NS}Code")} == {"Full cost recovery", "Contract length"}
    names = {source.get("name") for source in root.iter(f"{NS}TextSource")}
    assert "jane.txt" not in names and not {f"c{i}.txt" for i in range(1, 5)} & names  # people's files by id
    coded = 0
    for source in root.iter(f"{NS}TextSource"):
        path = "sources/" + source.get("plainTextPath", "").removeprefix("internal://")
        text = archive.read(path).decode("utf-8")
        assert "John Smith" not in text
        if source.get("name") == "hope.pdf":
            assert "[NAME]" in text
        for sel in source.iter(f"{NS}PlainTextSelection"):
            start, end = int(sel.get("startPosition", -1)), int(sel.get("endPosition", -1))
            assert 0 <= start <= end <= len(text)
            names = {codes[r.get("targetGUID")] for r in sel.iter(f"{NS}CodeRef")}
            if "Full cost recovery" in names and source.get("name") == "hope.pdf":
                assert text[start:end] == "We need full cost recovery so that our services survive."
            coded += "Full cost recovery" in names
    assert coded == 8  # Hope, River, the council's e-mail and letter, and the 4 campaign letters
