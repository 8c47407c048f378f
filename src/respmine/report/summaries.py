"""Coded summaries in plain British English, computed from the theme tables (no language model).

Every sentence is built from counts, so a reader can check it against the table beside it. Small numbers
are given as counts ("3 of 5 charities"), never as percentages or "most"; the majority and minority views
come from stance and respondent type; "what changed" compares the table with the last run's snapshot.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from respmine.records import SIDES
from respmine.report.quotes import organisation_in_file_name
from respmine.report.tables import PositionSplit, Quote, ThemeRow
from respmine.store.views import SubmissionView
from respmine.structure.choices import SEVERAL
from respmine.structure.language import NAMES as LANGUAGE_NAMES
from respmine.structure.respondent_rules import same_org
from respmine.structure.respondent_types import DEFAULT_TYPES, TypeList

SMALL = 5  # below this base, say "3 of 4", never "most"
VIEW_FLOOR = 2  # a point made by fewer respondents is not named as one "made most often"
PERCENT_FROM = 20  # percentages only on bases at least this large
# Stance columns as a reader sees them (towards the proposals; on a theme row, as its sentences take it).
STANCE_NAMES = {"support": "Support", "oppose": "Oppose", "mixed": "Mixed", "neutral": "No clear position"}


def number(n: int) -> str:
    """Numerals, as GOV.UK style asks (sentences are built so that none starts with one)."""
    return f"{n:,}"


def plural(n: int, singular: str, many: str | None = None) -> str:
    return f"{number(n)} {singular if n == 1 else (many or singular + 's')}"


def letters_note(row: ThemeRow) -> str:
    """" (1 letter)", " (8 letters)": the campaign letters behind a theme row's count, or nothing."""
    return f" ({plural(row.campaign_letters, 'letter')})" if row.campaign_letters else ""


def share(k: int, n: int, name: str = "") -> str:
    """`k of n` (of `name`) in words that do not overstate small numbers: "most charities (9 of 12)"."""
    name = f" {name}" if name else ""
    if n < SMALL:
        return f"{k} of {n}{name}"
    if k == n:
        return f"all {n}{name}"
    ratio = k / n
    word = ("almost all" if ratio >= 0.9 else "most" if ratio > 0.5 else "half of the" if k * 2 == n
            else "a large minority of" if ratio >= 0.3 else "a minority of" if ratio >= 0.1 else "a few")
    return f"{word}{name} ({k} of {n})"


def percent(k: int, n: int) -> str:
    """" (18%)" on a base of PERCENT_FROM or more: halves round up, and a share that is neither none nor
    all never shows as 0% or 100% ("<1%", ">99%")."""
    if n < PERCENT_FROM:
        return ""
    value = int(100 * k / n + 0.5)
    if k > 0 and value == 0:
        return " (<1%)"
    if k < n and value == 100:
        return " (>99%)"
    return f" ({value}%)"


def _type_phrase(kind: str, k: int, n: int, types: TypeList) -> str:
    name = types.name(kind, n)
    if n == 1:
        return f"the only {name}"
    if k == n:
        return f"both {name}" if n == 2 else f"all {n} {name}"
    if n < SMALL:
        return f"{k} of {n} {name}"
    return share(k, n, name)


def quantity(k: int, n: int) -> str:
    """"All", "Almost all", "Most", "Half" for k of n (n of at least SMALL), else the count."""
    if k == n:
        return "All"
    ratio = k / n
    return "Almost all" if ratio >= 0.9 else "Most" if ratio > 0.5 else "Half" if 2 * k == n else f"{k}"


def _campaign_clause(row: ThemeRow) -> str:
    """How campaign letters count in a theme's total: each campaign once, however many of its letters
    raised the theme (one member's own words are one letter, not the whole campaign)."""
    n, k = row.campaign_letters, row.campaigns
    if not n:
        return ""
    if n == 1:
        return ", one of them through a single campaign letter"
    if k <= 1:
        return f", counting {n} letters of a campaign once"
    return f", counting {n} letters of {k} campaigns once each"


def theme_summary(
    row: ThemeRow,
    bases: Mapping[str, int],
    by_type: Mapping[str, ThemeRow] | None = None,
    children: Sequence[ThemeRow] = (),
    split: PositionSplit | None = None,
    stanced: bool = True,
    types: TypeList = DEFAULT_TYPES,
) -> str:
    """One paragraph on a theme across all questions: how many raised it, who, how they stand (for a
    topic with positions under it, `split`: which of them they took, `position_view`; only for a theme
    that carries a stance on the proposals, `stanced`: `stance.stance_scope`) and the points made within
    it, most raised first. `types`: the consultation's respondent types, which name the groups."""
    total = sum(bases.values())
    k = row.respondents
    campaign = _campaign_clause(row)
    late = f"; {row.late} of them replied after the closing date" if row.late else ""
    parts = [f"This theme was raised by {k} of {total} respondents{percent(k, total)}{campaign}{late}."]
    if k < SMALL:
        parts.append("This is a small number, so read it as individual views rather than a pattern.")
    parts.append(_who(row, bases, types))
    if split is not None:
        parts.append(f"{position_view(split)}.")
    elif stanced:
        parts.append(_stance_sentence(row.stance, k))
        parts += _type_views(row, by_type or {}, types)
    if children:
        parts.append(f"Within this theme: {counted_labels(children)}.")
    return " ".join(p for p in parts if p)


def counted_labels(rows: Sequence[ThemeRow], top: int | None = None) -> str:
    """"smaller lots and ring-fencing (20), bid costs and barriers to entry (13) and ...": the themes
    with their respondents, most raised first (`top`: only that many)."""
    ranked = sorted(rows, key=lambda r: (-r.respondents, r.label))[:top]
    return join_words([f"{r.label.lower() if _plain(r.label) else r.label} ({r.respondents})"
                       for r in ranked])


def _who(row: ThemeRow, bases: Mapping[str, int], types: TypeList) -> str:
    """The largest groups raising the theme, each with its share of that type's respondents."""
    ranked = sorted(row.by_type.items(), key=lambda kv: (-kv[1], -kv[1] / max(1, bases.get(kv[0], 1)), kv[0]))
    phrases = [_type_phrase(kind, n, max(n, bases.get(kind, n)), types) for kind, n in ranked[:3]]
    if not phrases:
        return ""
    rest = sum(n for _, n in ranked[3:])
    if rest:
        phrases.append(f"{plural(rest, 'other respondent')}")
    first, *others = phrases
    return f"{_cap(first)} raised it" + (f", as did {join_words(others)}." if others else ".")


def stance_view(stance: Mapping[str, int]) -> str:
    """The majority view among those who took a position (one clause, no trailing full stop)."""
    s, o, m = (stance.get(x, 0) for x in SIDES)
    stated = s + o + m
    if stated == 0:
        return "None took a clear position for or against the proposals"
    views = {"support": (s, "supported them"), "oppose": (o, "opposed them"), "mixed": (m, "had mixed views")}
    everyone = {1: "The one respondent who took a position", 2: "Both respondents who took a position"}
    for side, verb in (("support", "supported the proposals"), ("oppose", "opposed the proposals")):
        lead = views[side][0]
        if lead > stated - lead:
            rest = join_words([f"{number(n)} {what}" for key, (n, what) in views.items()
                               if key != side and n])
            words = quantity(lead, stated)
            head = (f"{everyone.get(stated, f'All {stated} who took a position')} {verb}" if lead == stated
                    else f"Of the {stated} who took a position, {lead} {verb}" if stated < SMALL
                    else f"{words} ({lead}) of the {stated} who took a position {verb}" if words[0].isupper()
                    else f"Of the {stated} who took a position, {lead} {verb}")
            return head + (f"; {rest}" if rest else "")
    if m == stated:
        return f"{everyone.get(stated, f'All {stated} who took a position')} had mixed views"
    held, named = [], False  # "the proposals" the first time, "them" after
    for n, verb in ((s, "supported"), (o, "opposed")):
        if n:
            held.append(f"{number(n)} {verb} {'them' if named else 'the proposals'}")
            named = True
    held += [f"{number(m)} had mixed views"] if m else []
    return f"Views were divided among the {stated} who took a position: {join_words(held)}"


def position_view(split: PositionSplit) -> str:
    """Which positions on a topic its respondents took (one clause, no full stop): "Of the 32 who raised
    it, 17 favoured local commissioning alone, 10 regional commissioning alone and 5 both"."""
    def name(label: str) -> str:
        return label.lower() if _plain(label) else label

    k = sum(split.counts.values())
    parts = [(split.counts[(label,)], f"{name(label)} alone") for label in split.labels
             if split.counts.get((label,))]
    for held, n in sorted(split.counts.items(), key=lambda kv: (-len(kv[0]), -kv[1], kv[0])):
        if len(held) > 1:
            names = join_words([name(x) for x in held])
            parts.append((n, "both" if len(held) == len(split.labels) == 2
                          else f"both {names}" if len(held) == 2 else f"all of {names}"))
    either = "either" if len(split.labels) == 2 else "any of them"
    if not parts:
        return (f"None of the {k} who raised it favoured {either}" if k > 1
                else "The one respondent who raised it favoured neither" if k and len(split.labels) == 2
                else "The one respondent who raised it favoured none of them" if k
                else "No respondent raised it")
    if len(parts) == 1 and not split.counts.get(()):
        n, which = parts[0]
        which = which.removesuffix(" alone")
        return (f"The one respondent who raised it favoured {which}" if n == 1
                else f"All {n} who raised it favoured {which}")
    said = [f"{number(n)} {which}" for n, which in parts]
    if split.counts.get(()):
        said.append(f"{number(split.counts[()])} {'neither' if len(split.labels) == 2 else 'none of them'}")
    said[0] = said[0].replace(" ", " favoured ", 1)
    return f"Of the {k} who raised it, {join_words(said)}"


def _stance_sentence(stance: Mapping[str, int], k: int) -> str:
    stated = sum(stance.get(x, 0) for x in SIDES)
    if stated == 0:
        return "None of them took a clear position for or against the proposals."
    silent = k - stated
    tail = (" The other respondent did not take a clear position." if silent == 1
            else f" The other {silent} did not take a clear position." if silent else "")
    return f"{stance_view(stance)}.{tail}"


_SIDES = (("support", "support came from"), ("oppose", "opposition from"), ("mixed", "mixed views from"),
          ("neutral", "no clear position from"))


def sides_by_type(by_type: Mapping[str, ThemeRow], bases: Mapping[str, int], top: int = 4,
                  types: TypeList = DEFAULT_TYPES) -> str:
    """Who stood where, by respondent type, for a reader who must say which groups back the proposals:
    "Support came from 12 charities and community groups, 5 individuals and 1 local authority; opposition
    from 4 individuals, 3 public bodies, both probation bodies and 8 other respondents; no clear position
    from all 4 private companies" (the `top` types with most on each side, ties to the type more of whose
    respondents are on it; "both", "all" only where every respondent of the type, `bases`, is on it)."""
    parts = []
    for side, lead in _SIDES:
        held = sorted(((sub.stance.get(side, 0), kind, sub.respondents) for kind, sub in by_type.items()
                       if sub.stance.get(side, 0)),
                      key=lambda t: (-t[0], -t[0] / t[2], types.rank(t[1]), t[1]))
        if not held:
            continue
        everyone = {kind: bases.get(kind, 0) for _, kind, _ in held}
        named = [f"both {types.name(kind)}" if n == everyone[kind] == 2
                 else f"all {n} {types.name(kind)}" if n == everyone[kind] > 2
                 else f"{n} {types.name(kind, n)}" for n, kind, _ in held[:top]]
        rest = sum(n for n, _, _ in held[top:])
        named += [plural(rest, "other respondent")] if rest else []
        parts.append(f"{lead} {join_words(named)}")
    return _cap("; ".join(parts)) + "." if parts else ""


def _type_views(row: ThemeRow, by_type: Mapping[str, ThemeRow], types: TypeList) -> list[str]:
    """Respondent types split among themselves, or leaning against the overall majority view."""
    s_all, o_all = row.stance.get("support", 0), row.stance.get("oppose", 0)
    stated = s_all + o_all + row.stance.get("mixed", 0)
    majority = "support" if 2 * s_all > stated else "oppose" if 2 * o_all > stated else ""
    out = []
    for kind in sorted(by_type, key=lambda t: (types.rank(t), t)):
        sub = by_type.get(kind)
        if sub is None:
            continue
        s, o = sub.stance.get("support", 0), sub.stance.get("oppose", 0)
        name = _cap(types.name(kind, 2))
        if s and o and max(s, o) <= 2 * min(s, o):
            out.append(f"{name} were divided: {s} supported the proposals and {o} opposed them.")
        elif (majority == "support" and o >= 2 and o > s) or (majority == "oppose" and s >= 2 and s > o):
            out.append(f"{name} leaned the other way: {s or 'none'} supported the proposals and "
                       f"{o or 'none'} opposed them.")
    return out


def question_summary(rows: Sequence[ThemeRow], answered: int, top_level: set[str],
                     agreement: Mapping[str, int] | None = None, general: bool = False,
                     children: Mapping[str, Sequence[ThemeRow]] | None = None, chose: str = "") -> str:
    """The question's lead sentences: how many answered (`general`: made comments not linked to a
    question), how many agreed (`agreement`: respondents by stance, for a question asking for agreement)
    or chose each option (`chose`: `choice_sentence`, for a question offering lettered options),
    the themes raised most often, and within the first of them (`children`: each theme's sub-theme rows
    for this question) the points made most often: a question about contract size is answered with
    contract size, and what matters is what they said about it."""
    if not answered:
        return "No respondent made such comments." if general else "No respondent answered this question."
    main = sorted((r for r in rows if r.theme in top_level), key=lambda r: (-r.respondents, r.label))[:3]
    lead = (f"Comments not linked to a particular question came from {plural(answered, 'respondent')}."
            if general else f"This question was answered by {plural(answered, 'respondent')}.")
    if agreement is not None:
        lead += " " + agreement_sentence(agreement, answered)
    elif chose:
        lead += " " + chose
    if not main:
        return lead + (" No codebook theme was found in the answers." if top_level else "")
    listed = counted_labels(main)
    text = (f"{lead} The themes raised most often were {listed}." if len(main) > 1
            else f"{lead} The theme raised most often was {listed}.")
    views = [r for r in (children or {}).get(main[0].theme, ()) if r.respondents >= VIEW_FLOOR]
    if views:
        first = main[0].label.lower() if _plain(main[0].label) else main[0].label
        text += f" Within {first}, the points made most often were {counted_labels(views, 3)}." if len(
            views) > 1 else f" Within {first}, the point made most often was {counted_labels(views)}."
    return text


AGREEMENT_VERBS = (("support", "agreed"), ("oppose", "disagreed"), ("mixed", "partly agreed"),
                   ("neither", "neither agreed nor disagreed"), ("unsure", "said they did not know"))
# (`tables.NEITHER`, `tables.UNSURE`: a scale's middle point and "Don't know" are answers)


def agreement_sentence(stances: Mapping[str, int], answered: int) -> str:
    """How many of those who answered a "Do you agree ...?" question agreed, disagreed, partly agreed,
    neither agreed nor disagreed or said they did not know, and how many did not say clearly (so the
    figures add up to those who answered)."""
    said = [(stances.get(s, 0), verb) for s, verb in AGREEMENT_VERBS]
    unclear = answered - sum(k for k, _ in said)
    if answered == 1:
        unsure = "They did not say clearly whether they agreed."
        return next((f"They {verb}." for k, verb in said if k), unsure)
    if not any(k for k, _ in said):
        return "None of them said clearly whether they agreed."
    parts = [f"{number(k)} {verb}{percent(k, answered)}" for k, verb in said if k]
    tail = f"; {number(unclear)} did not say clearly{percent(unclear, answered)}" if unclear > 0 else ""
    return f"Of them, {join_words(parts)}{tail}."


ASKED_CHARS = 140  # a question's text quoted in a key finding, at most (cut at a word)


def agreement_headline(title: str, asked: str, stances: Mapping[str, int], answered: int) -> str:
    """A key finding for a "Do you agree ...?" question: "Question 1 (Do you agree ...?): 12 respondents
    answered. Of them, 8 agreed (67%), 3 disagreed; 1 did not say clearly." The minister's first question
    about a consultation is how many agreed."""
    return question_headline(title, asked, answered, agreement_sentence(stances, answered))


def question_headline(title: str, asked: str, answered: int, sentence: str) -> str:
    """"Question 2 (Which option ...?): 19 respondents answered. <sentence>": a key finding on a closed
    question, with its words cut to a line."""
    asked = " ".join(asked.split())
    if len(asked) > ASKED_CHARS:
        asked = asked[:ASKED_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " ..."
    who = plural(answered, "respondent")
    return f"{title}{f' ({asked})' if asked else ''}: {who} answered. {sentence}"


def choice_sentence(choices: Mapping[str, int], options: Mapping[str, str], answered: int) -> str:
    """How many of those who answered a question offering lettered options chose each ("Of them, 10 (53%)
    chose option A (all-in), 7 option B (on-the-go only) and 2 option C (no scheme); 1 did not say which"),
    so the figures add up to those who answered."""
    def option(letter: str) -> str:
        return f"option {letter}" + (f" ({options[letter]})" if options.get(letter) else "")

    said = [(choices.get(k, 0), option(k)) for k in options if choices.get(k)]
    several = choices.get(SEVERAL, 0)
    unclear = answered - sum(k for k, _ in said) - several
    if answered == 1:
        return f"They chose {said[0][1]}." if said else (
            "They chose more than one option." if several else "They did not say which option they chose.")
    if not said and not several:
        return "None of them said which option they chose."
    parts = [f"{number(k)}{percent(k, answered)} {'chose ' if i == 0 else ''}{what}"
             for i, (k, what) in enumerate(said)]
    parts += [f"{number(several)} chose more than one"] if several else []
    tail = f"; {number(unclear)} did not say which{percent(unclear, answered)}" if unclear > 0 else ""
    return f"Of them, {join_words(parts)}{tail}."


def method(codebook: str, checked: int, passages: int, coded: bool = True,
           taken: Sequence[str] = (), positions: bool = True, chosen: Sequence[str] = ()) -> list[str]:
    """The report's "About this analysis" paragraphs, one text for every format. Whether analysts have
    checked the coding is said as it is: a report read as checked when nobody has is the worst kind of
    wrong. `taken`: the labels of views respondents were counted under for agreeing with a question that
    states them (`themes.stated`), which the reader should know are counted so. `positions`: whether the
    codebook marks positions on the proposals (how stance under a theme was counted). `chosen`: the labels
    of views respondents were counted under for choosing the option a question offers for them
    (`themes.chosen`)."""
    if not coded:
        coding = ("No codebook was named, so responses were not coded against themes; stances were read by "
                  "machine, and topic discovery grouped the answers into emerging themes.")
    elif not checked:
        coding = (f"Themes and stances were coded by machine against the codebook {codebook}; no analyst "
                  "has checked the coding yet, so read a theme's quotes before relying on its count.")
    else:
        what = "answer or comment" if passages == 1 else "answers and comments"
        of = f"{number(checked)} of the {number(passages)} {what}{percent(checked, passages)}"
        coding = (f"Themes and stances were coded by machine against the codebook {codebook}, and analysts "
                  f"checked {of}: their decisions override the machine's; the others carry the "
                  "machine's coding.")
    return [
        "Responses were read from every format received (letters, Word and PDF documents, e-mails and "
        "online forms). Personal data was removed before analysis; organisations are named, individuals "
        "are not, and a quote from an individual cites the response's reference in the submissions "
        "register rather than its file name.",
        "Counts are of respondents, not documents: an e-mail and its attachment are one respondent; each "
        "form-letter campaign counts once, with the number of its letters that raised the theme shown "
        "alongside; identical copies "
        f"count once. A respondent coded under a sub-theme also counts for its main theme.{_taken(taken)}"
        f"{_taken(chosen, 'chose an option a question offers counts under the view it is')} "
        "Percentages are "
        f"given on bases of {PERCENT_FROM} or more; where a base is under {number(SMALL)}, counts are "
        "given without words such as “most”.",
        coding + " Consultation responses are self-selected: the counts describe those who responded, not "
        "the wider population, and should be read alongside the arguments made.",
        _stance_method(positions),
    ]


def _stance_method(positions: bool) -> str:
    """How stance under a theme was counted: a codebook marking positions on the proposals gives each its
    side; one that marks none has topics, under which respondents are counted by how they stood."""
    if positions:
        return ("Stance is towards the consultation's proposals. Under a theme it is the stance respondents "
                "took in what they wrote on that theme, or the one the theme itself stands for (a theme the "
                "codebook marks as a position on the proposals): a respondent who supported the proposals "
                "overall but took no position in their sentences on a theme counts there as taking no clear "
                "position. Only the themes marked as positions and the topics above them carry a stance; "
                "the others are described by the points made within them.")
    return ("Stance is towards the consultation's proposals. Under a theme, respondents are counted by "
            "the side they took on the proposals where they raised it: in their sentence on the theme, "
            "else in that answer, else over all their answers; so a theme's stance says how those raising "
            "it stood on the proposals, not whether they were for or against the theme itself.")


def _taken(labels: Sequence[str], how: str = "agreed with a question stating a view counts under that view"
           ) -> str:
    """The sentence naming the views respondents take by how they answered (`how`), though their answer may
    not name them: by agreeing with a question stating one, or by choosing an option that is one."""
    if not labels:
        return ""
    views = " and ".join(f"“{label}”" for label in labels)
    return f" A respondent who {how} ({views}), though their answer may not name it again."


def stance_basis(marked: bool) -> str:
    """How a theme's respondents were given a stance towards the proposals, to follow "by stance towards
    the proposals": in their sentences on it where the codebook marks positions (`marked`), else where they
    raised it (their sentence, answer or all their answers: `tables.CodingData.counted_side`)."""
    return "in their sentences on it" if marked else "where they raised it"


def stance_note(stanced: Sequence[str] | None, proposals: str | None = None) -> str:
    """What "stance" means under the themes: towards the proposals (`proposals`: what they are, from the
    consultation file), as respondents took it on the theme; only the themes about the proposals carry
    one when the codebook marks them (`stanced`: their labels, None when it marks none: then those raising
    a theme are counted by the side they took on the proposals)."""
    proposals = (proposals or "").strip().rstrip(".").strip()
    towards = f"the consultation’s proposals ({proposals})" if proposals else "the consultation’s proposals"
    if stanced is None:
        return (f"Stance is towards {towards}: under each theme, those raising it are counted by the side "
                "they took, in what they wrote on the theme, else in that answer, else over all their "
                "answers.")
    which = "the theme" if len(stanced) == 1 else "the themes"
    return (f"Stance towards {towards} is given under {join_words(list(stanced))} ({which} about the "
            "proposals), as respondents took it in what they wrote on the theme; under the other themes, "
            "the points made within them are counted instead.")


# what a quarantined file needs, by its code (`ingest`): the sender, the team, or nothing
_RESEND = {"encrypted": "password-protected", "truncated": "incomplete", "corrupt": "damaged",
           "empty": "empty", "wrong_extension": "of another format than its name says",
           "no_text": "without readable text", "ocr_failed": "a scan that could not be read"}
_NOT_RESPONSES = {"not_a_response"}
_TEAM = {"too_large": "too large", "too_many_pages": "too long", "too_many_rows": "too large",
         "out_of_memory": "too large", "unsupported": "an archive or format to unpack or convert",
         "missing_tool": "a tool to install", "bomb": "an archive too large to unpack",
         "too_deep": "archives nested too deep", "ocr_timeout": "a scan too slow to read",
         "timeout": "a file too slow to read", "ocr_disabled": "scans to read with OCR turned on",
         "unreadable": "a file this machine could not open", "missing": "a file no longer in the inbox"}


def unread_senders(submissions: Iterable[SubmissionView], counted: Collection[str] = ()) -> list[str]:
    """The organisations whose files must be asked for again, as their file names say (`quotes.
    organisation_in_file_name`), "(late)" for one received after the closing date: a minister may be
    asked why their views are missing. Not one already counted (`counted`: the organisations that
    responded), whose resent copy was read."""
    out: dict[str, bool] = {}
    for s in submissions:
        name = organisation_in_file_name(s.source) if s.status == "quarantined" else None
        if name and s.code in _RESEND and not any(same_org(name, known) for known in counted):
            out[name] = out.get(name, True) and bool(s.late)
    return [f"{name} (late)" if late else name for name, late in sorted(out.items())]


def quarantine_sentence(codes: Mapping[str, int], senders: Sequence[str] = ()) -> str:
    """Why files could not be read, grouped by who has to act: "Of the files received, 6 could not be
    read: 4 may be responses not yet counted, whose senders should be asked to send them again (...; among
    them files from Meadowbank Community Trust); 1 is not a response; 1 needs the analysis team (...). The
    quarantine log says what to do with each." A response missing from the counts is said, not only
    logged; `senders`: the organisations named by those files (`unread_senders`)."""
    total = sum(codes.values())
    if not total:
        return "Every file received could be read."
    resend = {c: n for c, n in codes.items() if c in _RESEND}
    other = sum(n for c, n in codes.items() if c in _NOT_RESPONSES)
    team = {c: n for c, n in codes.items() if c not in _RESEND and c not in _NOT_RESPONSES}
    parts = []
    if resend:
        k = sum(resend.values())
        why = ", ".join(dict.fromkeys(_RESEND[c] for c in sorted(resend, key=lambda c: (-resend[c], c))))
        named = (f"; {'from' if k == 1 else 'among them files from'} {join_words(list(senders))}"
                 if senders else "")
        one = k == 1
        parts.append(f"{number(k)} may be {'a response' if one else 'responses'} not yet counted, whose "
                     f"{'sender' if one else 'senders'} should be asked to send {'it' if one else 'them'} "
                     f"again ({why}{named})")
    if other:
        parts.append(f"{number(other)} {'is not a response' if other == 1 else 'are not responses'}")
    if team:
        k = sum(team.values())
        what = ", ".join(dict.fromkeys(_TEAM.get(c, "another problem") for c in sorted(team)))
        parts.append(f"{number(k)} {'needs' if k == 1 else 'need'} the analysis team ({what})")
    if total == 1:
        return f"One file received could not be read: it{parts[0][1:]}. The quarantine log says what to do."
    return (f"Of the files received, {number(total)} could not be read: {'; '.join(parts)}. The quarantine "
            "log says what to do with each.")


def language_sentence(languages: Mapping[str, int]) -> str:
    """The responses not written in English ("2 responses were written in Welsh"): themes are found by
    English words and phrases, so what they say may be missing from the counts. "" if there are none."""
    if not (total := sum(languages.values())):
        return ""
    one = total == 1
    alone, each = _languages_named(languages)
    said = (f"{'was' if one else 'were'} written in {alone}, not English," if alone
            else f"were not written in English ({each})")
    return (f"{_cap(plural(total, 'response'))} {said} and {'needs' if one else 'need'} translation: "
            f"{'its' if one else 'their'} answers are read and coded from English words, so what "
            f"{'it says' if one else 'they say'} may be missing from the question and theme counts.")


def untranslated_sentence(languages: Mapping[str, int]) -> str:
    """Beside a question's counts: the responses in another language that answered no question as read
    (their passages all general comments: `outputs._untranslated`), so none of its counts include them
    ("Not counted here: 1 response in Polish, ..."). "" if there are none."""
    if not (total := sum(languages.values())):
        return ""
    one = total == 1
    alone, each = _languages_named(languages)
    which = f"{plural(total, 'response')} in {alone or f'other languages ({each})'}"
    return (f"Not counted here: {which}, which answered no question as read and "
            f"{'needs' if one else 'need'} translation.")


def _languages_named(languages: Mapping[str, int]) -> tuple[str, str]:
    """The one language named ("Polish", "") or, for several, each with its count ("", "one in Polish and
    two in Welsh"): how both language sentences name them."""
    names = {lang: LANGUAGE_NAMES.get(lang, lang) for lang in languages}
    if len(names) == 1:
        return next(iter(names.values())), ""
    return "", join_words([f"{number(n)} in {names[lang]}" for lang, n in sorted(languages.items())])


def late_sentence(respondents: int, letters: int, by_file_time: int = 0) -> str:
    """How late replies count, so that the report's late respondents and the intake's late letters agree:
    a campaign with one late letter, or a respondent who wrote again after the closing date, is not late.
    `by_file_time`: late letters dated only by when their file was saved (no e-mail date, form timestamp or
    received log), which is their arrival only if they were saved into the inbox as they arrived."""
    said = "Late responses are included and marked in every table."
    if letters != respondents:
        said += (f" {plural(letters, 'letter')} arrived after the closing date; a respondent counts as late "
                 f"only when all of its letters did ({plural(respondents, 'respondent')}).")
    if by_file_time:
        late = plural(letters, "late letter")
        some = f"Of the {late}, {number(by_file_time)} {'is' if by_file_time == 1 else 'are'}"
        which = ("The late letter is" if letters == 1 else f"All {late} are" if by_file_time >= letters
                 else some)
        said += f" {which} dated only by when the file was saved, as no arrival date was recorded."
    return said


def counted_once(campaigns: Sequence[tuple[str, int]], joint: Sequence[tuple[str, int]]) -> str:
    """The sentences under "who responded" that say which responses stand for several: form-letter
    campaigns (letters) and joint responses (organisations), each counted as one respondent."""
    out = [f"A form-letter campaign of {number(size)} letters is counted as one respondent."
           for _, size in campaigns]
    if len(joint) > 3:
        out.append(f"{_cap(plural(len(joint), 'response'))} were made jointly on behalf of several "
                   "organisations; each is counted as one respondent.")
    else:
        out += [f"{who} responded on behalf of {number(n)} organisations; the joint response is counted as "
                "one respondent." for who, n in joint]
    return " ".join(out)


def headlines(
    overall: Sequence[ThemeRow], top_level: set[str], bases: Mapping[str, int], top: int = 5,
    emerging: int | None = None, splits: Mapping[str, PositionSplit] | None = None,
    stanced: Collection[str] | None = None, children: Mapping[str, Sequence[ThemeRow]] | None = None,
    by_type: Mapping[str, Mapping[str, ThemeRow]] | None = None, types: TypeList = DEFAULT_TYPES,
) -> list[str]:
    """The executive summary's key findings: the most raised themes with how they stand on the proposals,
    in counts, and which respondent types stood where (`by_type`: theme -> type -> that type's row); for a
    topic with positions under it, which they took (`splits`); for a theme carrying no stance on the
    proposals, not in `stanced` (None: every theme carries one), the points made most often within it
    (`children`: its sub-themes' rows). `emerging` (topics found) when there is no codebook: then that is
    the finding, and what to do about it."""
    if emerging is not None:
        found = (f"Topic discovery grouped the answers into {plural(emerging, 'emerging theme')} (below)"
                 if emerging else "Topic discovery found no groups of answers yet")
        return [f"No codebook was named for this consultation, so responses were not coded against themes. "
                f"{found}: analysts can promote them into themes in the review app, or name a codebook in "
                "the consultation file (codebook:) and run again."]
    total = sum(bases.values())
    out = []
    ranked = sorted((r for r in overall if r.theme in top_level), key=lambda r: (-r.respondents, r.label))
    for row in ranked[:top]:
        k = row.respondents
        split = (splits or {}).get(row.theme)
        kids = [r for r in (children or {}).get(row.theme, ()) if r.respondents >= VIEW_FLOOR]
        sides = sides_by_type((by_type or {}).get(row.theme, {}), bases, types=types)
        view = (f" {position_view(split)}." if split is not None
                else f" {_stance_sentence(row.stance, k)}" + (f" {sides}" if sides else "")
                if stanced is None or row.theme in stanced
                else f" Most often: {counted_labels(kids, 3)}." if kids else "")
        out.append(f"{row.label}: raised by {k} of {total} respondents{percent(k, total)}.{view}")
    return out


# --- what changed since the last run --------------------------------------------------------------------


def snapshot(overall: Sequence[ThemeRow], rows: Sequence[ThemeRow], respondents: int, late: int,
             codebook: str, data_time: str, merged: Mapping[str, str] | None = None,
             by_type: Mapping[str, int] | None = None) -> dict[str, Any]:
    """What the next run compares against (JSON-safe, sorted keys): `merged` (theme -> the theme it was
    merged into) tells a merged theme from one no longer coded; `by_type` (respondents per type) shows an
    analyst's respondent correction, which moves no theme count."""
    return {
        "data_time": data_time, "codebook": codebook, "respondents": respondents, "late": late,
        "themes": {r.theme: {"label": r.label, "respondents": r.respondents, "late": r.late}
                   for r in overall},
        "questions": {f"{r.question}|{r.theme}": r.respondents for r in rows},
        "merged": dict(sorted((merged or {}).items())),
        "types": dict(sorted((by_type or {}).items())),
    }


def roll(stored: Mapping[str, Any] | None, current: Mapping[str, Any]) -> dict[str, Any]:
    """The snapshot file's new content: a rerun on unchanged data keeps the same `previous`, so its
    report (and every output) is byte-identical to the last one."""
    before = dict(stored or {})
    if before.get("current") == current:
        return {"current": dict(current), "previous": before.get("previous")}
    return {"current": dict(current), "previous": before.get("current")}


def changes(previous: Mapping[str, Any] | None, current: Mapping[str, Any], limit: int = 8,
            types: TypeList = DEFAULT_TYPES) -> list[str]:
    """Plain sentences on what moved since the previous snapshot."""
    if not previous:
        return ["This is the first report: there is no earlier run to compare with."]
    out: list[str] = []
    if previous.get("codebook") != current["codebook"]:
        out.append(f"The codebook changed from {previous.get('codebook')} to {current['codebook']}.")
    if previous.get("respondents") != current["respondents"]:
        out.append(f"Respondents: {previous.get('respondents', 0)} before, {current['respondents']} now.")
    new_late = current["late"] - int(previous.get("late", 0))
    if new_late > 0:
        out.append(f"New late responses since the last run: {new_late} ({current['late']} in all).")
    before, now = previous.get("themes", {}), current["themes"]
    added = [f"{now[t]['label']} ({now[t]['respondents']})" for t in now if t not in before]
    if added:
        out.append(f"New themes: {join_words(added)}.")
    into = current.get("merged", {})
    merged = [f"{before[t]['label']} into {now[into[t]]['label']}" for t in before
              if t not in now and into.get(t) in now]
    if merged:
        out.append(f"Merged by an analyst: {join_words(merged)}.")
    gone = [before[t]["label"] for t in before if t not in now and into.get(t) not in now]
    if gone:
        out.append(f"No longer coded: {join_words(gone)}.")
    renamed = [f"{before[t]['label']} is now {now[t]['label']}" for t in now
               if t in before and before[t]["label"] != now[t]["label"]]
    if renamed:
        out.append(f"Renamed: {join_words(renamed)}.")
    moved = sorted(((now[t]["respondents"] - before[t]["respondents"], now[t]["label"], t) for t in now
                    if t in before and now[t]["respondents"] != before[t]["respondents"]),
                   key=lambda m: (-abs(m[0]), m[1]))
    if moved:
        listed = [f"{label} {before[t]['respondents']} → {now[t]['respondents']}"
                  for _, label, t in moved[:limit]]
        more = f" and {len(moved) - limit} more" if len(moved) > limit else ""
        out.append(f"Counts that moved: {'; '.join(listed)}{more}.")
    was, kinds = previous.get("types"), current.get("types", {})
    if was is not None and was != kinds:  # (a snapshot from before types were kept: not compared)
        shifted = [f"{types.name(t)} {was.get(t, 0)} → {kinds.get(t, 0)}"
                   for t in sorted(was.keys() | kinds.keys(), key=lambda t: (types.rank(t), t))
                   if was.get(t, 0) != kinds.get(t, 0)]
        out.append(f"Respondents by type: {'; '.join(shifted)}.")
    if not out:
        when = previous.get("data_time")
        out.append(f"No change in the coded evidence since the run with data as of {when}.")
    return out


# --- wording helpers ------------------------------------------------------------------------------------


def join_words(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plain(label: str) -> bool:
    """A label can be lower-cased mid-sentence unless it has proper nouns after its start or an acronym
    anywhere ("SEND, medical and caring exemptions", "NHS funding")."""
    words = label.split()
    return not any(w[:1].isupper() for w in words[1:]) and not any(
        sum(c.isupper() for c in w) > 1 for w in words[:1])


def type_counts_line(bases: Counter[str] | Mapping[str, int], types: TypeList = DEFAULT_TYPES) -> str:
    """"15 charities and community groups, 23 individuals, ..." in respondent-type order."""
    order = sorted((t for t in bases if bases[t]), key=lambda t: (types.rank(t), t))
    return join_words([f"{bases[t]} {types.name(t, bases[t])}" for t in order])


def featured_quotes(
    rows: Sequence[ThemeRow], depths: Mapping[str, int], top: int = 3
) -> list[tuple[ThemeRow, tuple[Quote, ...]]]:
    """A question's most raised main themes with their quotes, no quote shown twice (one sentence can be
    evidence for several themes)."""
    shown: set[str] = set()
    out = []
    for row in sorted((r for r in rows if depths.get(r.theme, 0) == 0 and r.quotes),
                      key=lambda r: (-r.respondents, r.label)):
        fresh = tuple(q for q in row.quotes if q.text.casefold() not in shown)
        if fresh:
            out.append((row, fresh))
            shown.update(q.text.casefold() for q in fresh)
        if len(out) == top:
            break
    return out
