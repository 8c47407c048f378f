"""The HTML report: one self-contained, printable page (inline CSS and SVG charts, no script, no CDN).

Charts are drawn here as SVG so the page opens offline and prints crisply; each has a title and a text
description for screen readers, and every figure in a chart is also in a table on the page. Colours are
the Okabe-Ito palette, readable with colour-blindness.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from respmine.records import STANCES
from respmine.report.register import annex_note, organisations_by_type
from respmine.report.summaries import (
    STANCE_NAMES,
    counted_once,
    featured_quotes,
    language_sentence,
    late_sentence,
    letters_note,
    plural,
    quarantine_sentence,
    stance_basis,
    stance_note,
    type_counts_line,
)
from respmine.report.tables import ThemeRow
from respmine.structure.respondent_types import DEFAULT_TYPES, TypeList

if TYPE_CHECKING:
    from respmine.report.outputs import Report, ThemeText

TYPE_COLOURS = dict(zip(DEFAULT_TYPES.ids, ("#0072B2", "#56B4E9", "#009E73", "#CC79A7", "#D55E00", "#E69F00",
                                             "#6A3D9A", "#B15928", "#1B9E77", "#8C8C8C",
                                             "#C8C8C8"), strict=True))
OWN_TYPE_COLOURS = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
                    "#AA4499")  # (Tol's palette) a consultation's own types, in their order
STANCE_COLOURS = {"support": "#009E73", "oppose": "#D55E00", "mixed": "#E69F00", "neutral": "#BDBDBD"}
WIDTH, LABEL_W, ROW_H = 860, 360, 24


def render_html(report: Report) -> str:
    """The report as one HTML document."""
    env = Environment(loader=PackageLoader("respmine.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["type_heading"] = report.types.heading
    env.filters["plural"] = plural
    env.filters["pct"] = lambda k, n: f"{round(100 * k / n)}%" if n else "–"
    top = [t for t in report.themes if t.depth == 0]
    stanced = [t for t in top if report.carries_stance(t.row.theme)]
    colours = type_colours(report.types)
    charts = {
        "types": bar_chart([(report.types.heading(t), n, colours.get(t, "#999999"))
                            for t, n in _ordered(report.bases, report.types)],
                           "Respondents by type",
                           "Number of respondents of each type; campaigns count once."),
        "themes_by_type": stacked_chart(
            [(t.row.label, dict(t.row.by_type)) for t in top],
            [t for t in report.types.ids if t in report.bases],
            colours, {t: report.types.heading(t) for t in report.types.ids},
            "Themes by respondent type", "Respondents raising each main theme, split by respondent type."),
        "stance": stacked_chart(
            [(t.row.label, _stance_with_silent(t.row)) for t in stanced], list(STANCES), STANCE_COLOURS,
            STANCE_NAMES, "Stance by theme",
            f"Respondents raising each main theme, by stance towards the proposals "
            f"{stance_basis(report.stanced is not None)}.",
        ) if stanced else "",
    }
    blocks = _blocks(report, top)
    stanced_row = report.carries_stance
    sections = [{"section": s,
                 "rows": [_row_view(r, s.answered, report.depths, stanced_row(r.theme), report.types)
                          for r in s.rows],
                 "quoted": featured_quotes(s.rows, report.depths)} for s in report.sections]
    template = env.get_template("report.html.j2")
    return template.render(r=report, charts=charts, sections=sections, blocks=blocks,
                           stance_names=STANCE_NAMES, stances=STANCES,
                           stance_basis=stance_basis(report.stanced is not None),
                           type_order=_ordered(report.bases, report.types),
                           who_line=type_counts_line(report.bases, report.types),
                           counted_once=counted_once(report.campaigns, report.joint),
                           stance_note=stance_note(report.stanced_labels(), report.proposals),
                           unread=quarantine_sentence(report.unread, report.unread_from),
                           late_line=late_sentence(report.late, report.late_letters,
                                                   report.late_by_file_time),
                           languages=language_sentence(report.languages),
                           annex=organisations_by_type(report.register, report.types),
                           annex_note=annex_note(report.register, report.types))


def write_html(report: Report, path: Path) -> None:
    path.write_text(render_html(report), encoding="utf-8")


@dataclass(frozen=True)
class _Kid:
    text: ThemeText
    stance: dict[str, int] | dict[str, str]  # "–" for a sub-theme carrying no stance on the proposals

    @property
    def row(self) -> ThemeRow:
        return self.text.row

    @property
    def depth(self) -> int:
        return self.text.depth


def _blocks(report: Report, top: Sequence[ThemeText]) -> list[tuple[ThemeText, list[_Kid], bool]]:
    """Each main theme with its sub-themes (all levels, in codebook order), and whether it carries a
    stance on the proposals (else its table has no stance columns)."""
    cb = report.codebook
    def kid(k: ThemeText) -> _Kid:
        stanced = report.carries_stance(k.row.theme)
        return _Kid(k, _stance_with_silent(k.row) if stanced else dict.fromkeys(STANCES, "–"))

    def under(t: ThemeText, k: ThemeText) -> bool:
        return k.row.theme in cb.ids and t.row.theme in cb.ancestors(k.row.theme)

    return [(t, [kid(k) for k in report.themes if under(t, k)], report.carries_stance(t.row.theme))
            for t in top]


def type_colours(types: TypeList) -> dict[str, str]:
    """A colour for each type: the built-in types' own, the consultation's others in turn from Tol's."""
    own = iter(OWN_TYPE_COLOURS * (1 + len(types.ids) // len(OWN_TYPE_COLOURS)))
    return {t: TYPE_COLOURS[t] if t in TYPE_COLOURS else next(own) for t in types.ids}


def _ordered(counts: Mapping[str, int], types: TypeList) -> list[tuple[str, int]]:
    return sorted(((t, n) for t, n in counts.items() if n), key=lambda kv: (types.rank(kv[0]), kv[0]))


def _stance_with_silent(row: ThemeRow) -> dict[str, int]:
    """Stance counts where respondents with no recorded stance join "no clear position"."""
    out = dict(row.stance)
    out["neutral"] = row.respondents - sum(v for k, v in row.stance.items() if k != "neutral")
    return out


def _row_view(row: ThemeRow, answered: int, depths: Mapping[str, int], stanced: bool,
              types: TypeList) -> dict[str, object]:
    """A question table's row; a theme carrying no stance on the proposals shows none (`stanced`)."""
    groups = sorted(row.by_type.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return {
        "row": row, "level": depths.get(row.theme, 0),
        "stance": _stance_with_silent(row) if stanced else dict.fromkeys(STANCES, "–"),
        "letters": letters_note(row),
        "groups": " · ".join(f"{types.heading(t, n)} {n}" for t, n in groups),
        "bar": mini_bar(_stance_with_silent(row), row.respondents) if stanced else "",
        "share": f"{round(100 * row.respondents / answered)}%" if answered else "–",
    }


# --- SVG ------------------------------------------------------------------------------------------------


def _svg(height: int, title: str, desc: str, body: list[str]) -> Markup:
    key = _slug(title)
    return Markup(
        f'<svg class="chart" role="img" aria-labelledby="{key}-t {key}-d" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg" font-family="Arial, Helvetica, sans-serif" '
        f'font-size="13"><title id="{key}-t">{escape(title)}</title><desc id="{key}-d">{escape(desc)}</desc>'
        + "".join(body) + "</svg>"
    )


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


def _label(text: str, limit: int = 52) -> str:
    return escape(text if len(text) <= limit else text[: limit - 1].rstrip() + "…")


def bar_chart(items: Sequence[tuple[str, int, str]], title: str, desc: str) -> Markup:
    """Horizontal bars, one per item, the value written at the bar's end."""
    top = max((n for _, n, _ in items), default=1) or 1
    scale = (WIDTH - LABEL_W - 60) / top
    body = []
    for i, (name, n, colour) in enumerate(items):
        y = 8 + i * ROW_H
        body.append(f'<text x="{LABEL_W - 8}" y="{y + 15}" text-anchor="end" fill="#0b0c0c">'
                    f'{_label(name)}</text>'
                    f'<rect x="{LABEL_W}" y="{y + 3}" width="{max(1.0, n * scale):.1f}" height="{ROW_H - 8}" '
                    f'fill="{colour}"><title>{escape(name)}: {n}</title></rect>'
                    f'<text x="{LABEL_W + n * scale + 6:.1f}" y="{y + 15}" fill="#0b0c0c">{n}</text>')
    return _svg(16 + len(items) * ROW_H, title, desc, body)


def stacked_chart(
    rows: Sequence[tuple[str, Mapping[str, int]]], keys: Sequence[str], colours: Mapping[str, str],
    names: Mapping[str, str], title: str, desc: str,
) -> Markup:
    """One stacked bar per row (segments in `keys` order), a legend above, the total at the bar's end."""
    legend, lines = _legend(keys, colours, names)
    top = max((sum(v.values()) for _, v in rows), default=1) or 1
    scale = (WIDTH - LABEL_W - 50) / top
    head = 10 + 18 * lines
    body = list(legend)
    for i, (name, values) in enumerate(rows):
        y = head + i * ROW_H
        body.append(f'<text x="{LABEL_W - 8}" y="{y + 15}" text-anchor="end" fill="#0b0c0c">{_label(name)}'
                    f'<title>{escape(name)}</title></text>')
        pos = float(LABEL_W)
        for key in keys:
            n = values.get(key, 0)
            if n:
                body.append(f'<rect x="{pos:.1f}" y="{y + 3}" width="{n * scale:.1f}" height="{ROW_H - 8}" '
                            f'fill="{colours.get(key, "#999")}" stroke="#ffffff" stroke-width="0.5">'
                            f'<title>{escape(name)} – {escape(names.get(key, key))}: {n}</title></rect>')
                pos += n * scale
        body.append(f'<text x="{pos + 6:.1f}" y="{y + 15}" fill="#0b0c0c">{sum(values.values())}</text>')
    return _svg(head + 8 + len(rows) * ROW_H, title, desc, body)


def _legend(
    keys: Sequence[str], colours: Mapping[str, str], names: Mapping[str, str]
) -> tuple[list[str], int]:
    """Colour keys laid out left to right, wrapping onto further lines; returns the parts and line count."""
    out, x, line = [], 0.0, 0
    for key in keys:
        text = names.get(key, key)
        width = 30 + 6.8 * len(text)
        if x and x + width > WIDTH:
            x, line = 0.0, line + 1
        y = 4 + line * 18
        out.append(f'<rect x="{x:.0f}" y="{y}" width="12" height="12" fill="{colours.get(key, "#999")}"/>'
                   f'<text x="{x + 16:.0f}" y="{y + 11}" font-size="12" fill="#0b0c0c">{escape(text)}</text>')
        x += width
    return out, line + 1


def mini_bar(values: Mapping[str, int], total: int, width: int = 120) -> Markup:
    """A small stance bar for a table cell (the counts are in the neighbouring cells)."""
    if not total:
        return Markup("")
    parts, pos = [], 0.0
    for key in STANCES:
        w = width * values.get(key, 0) / total
        if w:
            colour = STANCE_COLOURS[key]
            parts.append(f'<rect x="{pos:.1f}" y="0" width="{w:.1f}" height="10" fill="{colour}"/>')
            pos += w
    inner = "".join(parts)
    return Markup(f'<svg width="{width}" height="10" aria-hidden="true" focusable="false">{inner}</svg>')
