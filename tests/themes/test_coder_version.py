"""The coder's version (`coder_version`, what decides recoding on a rerun) hashes every module whose change
can change codes: an edit to any of them recodes every segment, and a module the coding reaches is either
hashed or named below with why its change changes no code."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from respmine.themes import coder
from respmine.themes.coder import _CODER_MODULES, coder_sources, coder_version

SRC = Path(coder.__file__).resolve().parents[2]
NOT_CODES = {  # reached from the theme stage, but a change to them changes no code
    "respmine.versions": "the hashing itself",
    "respmine.topics.embed": "the embedder: its name is in each segment's stamp, its vectors cached under it",
    "respmine.consultation": "reading the consultation file: what coding reads of it (questions, title, "
                             "options) is in each segment's stamp",
    "respmine.structure.respondent_types": "the consultation's respondent types (not read in coding)",
    "respmine.yamlfile": "reading YAML files",
    "respmine.structure.blocks": "question_matcher's segmenting (its NUMBERED headings), not `stems`",
    **{f"respmine.ingest.{m}": "reading the consultation's `document` (segmentation's, in its version; "
       "coding never reads it)" for m in ("dispatch", "detect", "errors", "source")},
}


def _imports(module: str) -> set[str]:
    """The respmine modules `module` imports, at its top or in a function (not for type checking only)."""
    tree = ast.parse(_path(module).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if _path(a.name).exists())
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("respmine"):
            for alias in node.names:  # ("from respmine.structure import ticks": the module ticks)
                name = f"{node.module}.{alias.name}"
                out.add(name if _path(name).exists() else str(node.module))
    return {m for m in out if _path(m).exists()}


def _path(module: str) -> Path:
    return SRC / (module.replace(".", "/") + ".py")


def test_every_module_the_coding_reaches_is_hashed_or_changes_no_code() -> None:
    reached, todo = set(), ["respmine.themes.stage", "respmine.themes.coder"]
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            todo.extend(_imports(module))
    assert {"respmine.themes.stance", "respmine.structure.ticks", "respmine.themes.chosen"} <= reached
    assert sorted(reached - set(_CODER_MODULES) - set(NOT_CODES)) == []
    assert sorted(set(NOT_CODES) - reached) == []  # (an exemption no longer needed goes)


@pytest.mark.parametrize("module", _CODER_MODULES)
def test_an_edit_to_a_hashed_module_changes_the_version(module: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each module listed, edited (a copy with one more line, read in its place): the version changes."""
    before = coder_version()
    loaded = importlib.import_module(module)
    edited = tmp_path / Path(str(loaded.__file__)).name
    edited.write_bytes(Path(str(loaded.__file__)).read_bytes() + b"\n# edited\n")
    monkeypatch.setattr(loaded, "__file__", str(edited))
    coder_version.cache_clear()
    try:
        assert str(edited) in coder_sources() and coder_version() != before
    finally:
        monkeypatch.undo()
        coder_version.cache_clear()
    assert coder_version() == before
