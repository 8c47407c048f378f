"""The codebook: themes as versioned data (YAML), validated on load, stamped on every coded row.

Analysts edit codebooks by hand, so errors name the file, the theme and the field. Each theme has a
fingerprint of its content: when a codebook changes, only segments whose themes' fingerprints changed
need recoding.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from respmine.yamlfile import read_mapping, unknown_field

HIERARCHY = "->"  # `parent->child` in labelled files
_ID = re.compile(r"^[A-Za-z0-9][\w.&' ,/()?+-]*$")


class CodebookError(ValueError):
    """The codebook is missing or invalid; the message says what to fix."""


class Theme(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    label: str
    description: str = ""
    parent: str | None = None
    phrases: tuple[str, ...] = ()  # phrases that signal the theme (rules match them, with negation)
    examples: tuple[str, ...] = ()  # example answers (similarity compares against them)
    exclusions: tuple[str, ...] = ()  # phrases that look like the theme but are not
    # A theme that is itself a position on the proposal ("the sector should be a core partner") implies
    # its stance: an answer coded with it and saying nothing more explicit takes it.
    stance: Literal["support", "oppose"] | None = None
    # A theme that is a view on a question ("favours regional commissioning") rather than a topic: a
    # mention its sentence argues against ("regional commissioning would be a mistake") codes its parent,
    # the topic, not the view. (Not implied by `stance`: some positions are named by what they oppose,
    # "charities should not report breaches".)
    position: bool = False

    @field_validator("phrases", "examples", "exclusions", mode="before")
    @classmethod
    def _numbers_are_text(cls, value: Any) -> Any:
        """An unquoted number in a list ("phrases: [ambulance, 999]") is YAML's number: the phrase "999"."""
        if isinstance(value, list | tuple):
            return [str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v for v in value]
        return value

    @field_validator("id")
    @classmethod
    def _valid_id(cls, value: str) -> str:
        if not _ID.match(value) or HIERARCHY in value:
            raise ValueError(f"theme id {value!r}: use letters, digits, spaces and simple punctuation")
        return value

    @property
    def fingerprint(self) -> str:
        """Hash of everything that affects coding with this theme (not cached: `model_copy(update=...)`
        would carry a stale cached value over to the edited copy)."""
        unset = {"stance"} if self.stance is None else set()  # fields added later: unset, no recoding
        data = self.model_dump(mode="json", exclude=unset | ({"position"} if not self.position else set()))
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]

    def describe(self) -> str:
        """The theme in words, for similarity: label plus description. Underscores read as spaces: labels
        inferred from coded files are often identifiers (`privacy_concerns`)."""
        return f"{self.label.replace('_', ' ')}. {self.description}".strip().rstrip(".") + "."


class Codebook(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    version: str
    description: str = ""
    themes: tuple[Theme, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Codebook:
        counts = Counter(t.id for t in self.themes)
        repeated = sorted(i for i, n in counts.items() if n > 1)
        if repeated:
            raise ValueError(f"theme id(s) used more than once: {', '.join(repeated)}")
        ids = set(counts)
        for t in self.themes:
            if t.parent is not None and t.parent not in ids:
                raise ValueError(f"theme {t.id!r}: parent {t.parent!r} is not a theme in this codebook")
        for t in self.themes:  # a parent chain must end
            seen, node = {t.id}, t
            while node.parent is not None:
                if node.parent in seen:
                    raise ValueError(f"theme {t.id!r}: its parents form a cycle")
                seen.add(node.parent)
                node = self.theme(node.parent)
        return self

    @property
    def stamp(self) -> str:
        """`name@version`, written on every coded row."""
        return f"{self.name}@{self.version}"

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.themes]

    def theme(self, theme_id: str) -> Theme:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise KeyError(theme_id)

    def children(self, theme_id: str | None) -> list[Theme]:
        return [t for t in self.themes if t.parent == theme_id]

    def ancestors(self, theme_id: str) -> list[str]:
        out, node = [], self.theme(theme_id)
        while node.parent is not None:
            out.append(node.parent)
            node = self.theme(node.parent)
        return out

    def with_ancestors(self, theme_ids: Iterable[str]) -> list[str]:
        """Codes plus their parents (a child code implies its parent), in codebook order."""
        wanted = set()
        for i in theme_ids:
            wanted.add(i)
            wanted.update(self.ancestors(i))
        return [i for i in self.ids if i in wanted]

    def topic(self, theme_id: str) -> str | None:
        """What a mention argued against is about: the theme, or for a position its nearest ancestor that
        is not a position (None: a top-level position, nothing to code)."""
        for candidate in [theme_id, *self.ancestors(theme_id)]:
            if not self.theme(candidate).position:
                return candidate
        return None

    def path(self, theme_id: str) -> str:
        """`parent->child` (labels) as written in labelled files."""
        return HIERARCHY.join(self.theme(i).label for i in [*reversed(self.ancestors(theme_id)), theme_id])

    def fingerprints(self) -> dict[str, str]:
        return {t.id: t.fingerprint for t in self.themes}


NO_CODEBOOK = "no-codebook"


def no_codebook() -> Codebook:
    """What a consultation that names no codebook is coded against: nothing. Its responses are grouped by
    topic (emerging themes, which analysts promote into themes) and stanced, never coded against another
    consultation's themes (the bundled probation codebook coded Title IX comments "Women offenders").
    Built without validation: a codebook file still needs at least one theme."""
    return Codebook.model_construct(name=NO_CODEBOOK, version="0", description="No codebook was named.",
                                    themes=())


def named_codebook(path: Path | str | None) -> Codebook:
    """The codebook file named (by the consultation, or on the command line), else `no_codebook`."""
    return load_codebook(path) if path is not None else no_codebook()


def load_codebook(path: Path | str) -> Codebook:
    path = Path(path)
    raw = read_mapping(path, "codebook", "name, version and themes", CodebookError)
    raw.setdefault("name", path.stem)
    if "version" in raw:
        raw["version"] = str(raw["version"])
    try:
        return Codebook.model_validate(raw)
    except ValidationError as exc:
        problems = []
        errors = exc.errors()
        for err in errors:
            if err["type"] == "too_short" and err["loc"] == ("themes",) and len(errors) > 1:
                continue  # (its themes were there, each refused above: "needs at least one theme" misled)
            where = _where(raw, err["loc"])
            problems.append(f"  {where}: {_message(err)}")
        raise CodebookError(f"{path}: invalid codebook\n" + "\n".join(problems)) from exc


def _message(err: Any) -> str:
    """Pydantic's message in an analyst's words; for a misspelt field, the fields there are."""
    if err["type"] == "too_short" and err["loc"] == ("themes",):
        return "a codebook needs at least one theme"
    if err["type"] != "extra_forbidden":
        return str(err["msg"]).removeprefix("Value error, ")
    model: type[BaseModel] = Theme if "themes" in err["loc"] else Codebook
    return unknown_field(str(err["loc"][-1]), list(model.model_fields))


def _where(raw: dict, loc: Sequence[int | str]) -> str:
    """`themes[3] (funding).phrases` rather than `themes.3.phrases`."""
    parts: list[str] = []
    node: object = raw
    for key in loc:
        if isinstance(key, int) and isinstance(node, list) and key < len(node):
            node = node[key]
            name = node.get("id") if isinstance(node, dict) else None
            parts[-1] = f"{parts[-1]}[{key}]" + (f" ({name})" if name else "")
        else:
            node = node.get(key) if isinstance(node, dict) else None
            parts.append(str(key))
    return ".".join(parts) or "codebook"


def dump_codebook(codebook: Codebook, path: Path | str) -> None:
    data = codebook.model_dump(mode="json", exclude_defaults=True)
    data = {"name": codebook.name, "version": codebook.version, **data}
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    Path(path).write_text(text, encoding="utf-8")


def codebook_from_codes(
    codes: Iterable[Sequence[str]], name: str, version: str = "1", examples: Sequence[str] = ()
) -> Codebook:
    """A codebook inferred from coded rows (`parent->child` codes make a hierarchy).

    A child's id is its whole path (`parent/child`): the same child name can sit under two parents.
    `examples`, aligned with `codes`, supplies up to three example answers per theme.
    """
    found: dict[str, tuple[str, str | None]] = {}  # id -> (label, parent id)
    samples: dict[str, list[str]] = {}
    for i, row in enumerate(codes):
        for code in row:
            parts = [p.strip() for p in code.split(HIERARCHY) if p.strip()]
            for depth in range(len(parts)):
                found.setdefault(code_id(HIERARCHY.join(parts[: depth + 1])),
                                 (parts[depth], code_id(HIERARCHY.join(parts[:depth])) if depth else None))
            if parts and i < len(examples):
                bucket = samples.setdefault(code_id(code), [])
                text = example_text(examples[i])
                if text and text not in bucket and len(bucket) < 3:
                    bucket.append(text)
    themes = [
        Theme(id=theme_id, label=label, parent=parent, examples=tuple(samples.get(theme_id, ())))
        for theme_id, (label, parent) in found.items()
    ]
    return Codebook(name=name, version=version, themes=tuple(themes))


def codebook_outline(codebook: Codebook, label_words: Callable[[str], Iterable[str]] | None = None,
                     full: bool = False) -> str:
    """The themes as a tree, each with its label, what finds it (phrases, or its label's words) and its
    examples: what an analyst checks after importing or editing a codebook. `full`: each theme's
    description, phrases, examples and exclusions themselves, one per line, so they can be read through
    without the YAML."""
    tops = codebook.children(None)
    lines = [f"{codebook.stamp}: {len(codebook.themes)} themes, {len(tops)} at the top level"]

    def walk(themes: list[Theme], depth: int) -> None:
        for t in themes:
            if t.phrases:
                found = f"{len(t.phrases)} phrase(s)"
            elif label_words is not None:
                words = sorted(label_words(t.label))
                found = f"label words: {' + '.join(words)}" if words else "no phrases, no label words"
            else:
                found = "label words"
            implies = (f"; implies {t.stance}" if t.stance else "") + ("; a position" if t.position else "")
            named = f"  {t.label!r}" if t.label != t.id.rsplit("/", 1)[-1].rsplit(".", 1)[-1] else ""
            indent = "  " * (depth + 1)
            lines.append(f"{indent}{t.id}{named}  [{found}; {len(t.examples)} example(s){implies}]")
            if full:
                lines.extend(f"{indent}    {line}" for line in _theme_details(t))
            walk(codebook.children(t.id), depth + 1)

    walk(tops, 0)
    return "\n".join(lines)


def position_clashes(codebook: Codebook) -> list[str]:
    """Phrases of a theme that is a position (`stance:`) which the opposite position's own phrases or
    examples use ("national ban" for the ban, in "oppose a national ban" and "A blanket ban would penalise
    motorists"): any mention of the topic codes the position, so a sentence against it counts as for it.
    What `codebook check` warns of: a position's phrases should say its side ("support a national ban")."""
    out = []
    for t in codebook.themes:
        for other in codebook.themes:
            if t.stance is None or other.stance is None or other.stance == t.stance:
                continue
            said = [" ".join(_CLASH_WORD.findall(x.casefold())) for x in (*other.phrases, *other.examples)]
            used = [p for p in t.phrases if any(f" {' '.join(_CLASH_WORD.findall(p.casefold()))} " in f" {x} "
                                                 for x in said)]
            if used:
                listed = ", ".join(repr(p) for p in used[:3]) + (" ..." if len(used) > 3 else "")
                out.append(f"{t.id} (implies {t.stance}): {listed} also in {other.id}'s phrases or examples "
                           f"(implies {other.stance}): a sentence taking {other.id}'s side is coded {t.id} "
                           "too. Give positions phrases that say their side.")
    return out


_CLASH_WORD = re.compile(r"\w+")
_SHOWN_CHARS = 160  # an example's words shown by `codebook check --full`, at most


def _theme_details(theme: Theme) -> list[str]:
    """A theme's description, phrases, examples (each cut to a line) and exclusions (`--full`)."""
    out = [f"description: {' '.join(theme.description.split())}"] if theme.description.strip() else []
    if theme.phrases:
        out.append("phrases: " + "; ".join(theme.phrases))
    for example in theme.examples:
        said = " ".join(example.split())
        cut = said if len(said) <= _SHOWN_CHARS else said[:_SHOWN_CHARS].rsplit(" ", 1)[0] + " ..."
        out.append(f"example: {cut}")
    if theme.exclusions:
        out.append("not: " + "; ".join(theme.exclusions))
    return out


def example_text(text: str) -> str:
    """An answer as a theme example: whitespace collapsed, at most 500 characters."""
    return " ".join(text.split())[:500]


def code_id(code: str) -> str:
    """The codebook id of a labelled-file code: `parent->child` -> `parent/child`."""
    parts = [" ".join(re.sub(r"[^\w.&' ,()?+-]+", " ", p).split()) for p in code.split(HIERARCHY)]
    clean = "/".join(p for p in parts if p)
    return clean if clean and _ID.match(clean) else "theme-" + hashlib.sha256(code.encode()).hexdigest()[:8]
