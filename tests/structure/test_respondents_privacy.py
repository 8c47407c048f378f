"""Privacy of respondent detection, measured on 5,405 generated submissions (privacy_cases.py here).

A private person's name must never be published as an organisation. The cases merge the template families of
the three differential harnesses of the review of the respondents' fifth round (review-resp4, review-resp6,
h5): letterheads, sign-offs on several lines and on one, "Response from X", bilingual lines, joint responses,
e-mails, form labels, running footers and headers, "About" sections, copyright lines; names with particles,
diacritics, double-barrelled and in CAPS, names that are words, bodies named after people.

For every family of templates the test counts:

- leaks: cases where an organisation profile() published (`organisation` or `organisations`) is the person's
  name, is inside it or holds it, or shares one of its words of 3+ letters (particles aside) that no true
  organisation of the case has (review-resp4's `leaks()`);
- organisation recall: org/mixed cases whose published `organisation` is the true lead organisation (accents
  and case aside).

It asserts no exception, no leak beyond each family's ceiling (zero, except the families below) and recall at
least each family's floor (today's figure: a change that stops leaks by dropping organisations fails). When a
change does better, lower the ceiling or raise the floor here, so the gain is kept.

Slow: about 20 s for the 5,405 profile() calls on a 2-core machine (19-21 s measured, loading spaCy included).
"""

from __future__ import annotations

import pytest

from respmine.structure.respondents import profile
from tests.structure.privacy_cases import Tally, generate, measure

# Inherently ambiguous: the person is named with words ("Grace Church", "Bill Board", "Crystal Waters") or
# with words of bodies' names ("Jordan Trust", "Sydney Group", "Mercy Union", "Ashley Council"), in whatever
# template: "Revd Sydney Group" on a letterhead, a first-person letter signed "Grace Church", "Stirling
# Alliance" signing a body's e-mail under its name. Nothing in the text tells such a name from a body's;
# ceilings are today's counts.
AMBIGUOUS_LEAKS: dict[str, int] = {
    "r6.word-names": 2,  # of 373 cases (11 before session 31: a letter written as "I" signed by the name; 6
    # before session 32)
    # of 362 cases (80 before session 31; 60 before session 32: a name over its writer's role, or signing
    # beside another body the text names, is a person's; "We at X" names X)
    "r6.orgword-names": 20,
    # the paper says the titled name is a body ("As a trade union, we ...", "X is a registered charity"): Sue
    # Ryder and Marie Curie are charities, so a full name is published there (test_respondents.py); a part
    # of a name never is ("Thi Huong" of "La Thi Huong")
    "r4p.title_body": 3, "r4p.about_body": 2, "r6b.we_charity_title": 3,
}

# TODO: fix. People's names published as organisations today, in families that are not ambiguous; the
# ceilings are today's counts and should go down to zero (delete the entry then). All are two-word names
# with nothing in their shape that only people's have ("Aoife Brennan", "Hanna Bank", "Ikechukwu Obi",
# "Olumide Adeyemi", "Ibrahima Câmara"; spaCy calls some of them an organisation) as the subject of "X
# welcomes" / "X is a ...", after "Submitted by" / "on behalf of", or on a letterhead the paper repeats: only
# knowing given names would tell them from "Thames Water" or "Citizens Advice".
KNOWN_LEAKS: dict[str, int] = {
    "r4p.about": 2, "r4p.behalf": 4, "r4p.is_a": 2, "r4p.letterhead_rep": 5, "r4p.submitted": 4,
    "r4p.title": 1, "r4p.title_colon": 1, "r4p.welcomes": 5, "r4p.welcomes2": 5,
}

# Organisation recall floors: the true organisation is published in at least n of the family's org/mixed
# cases (today's figures). The zeros are today's too: "Organisation: Lloyd" from a form's label,
# "Meridian Analytics Ltd. We" after "on behalf of", nothing from "X – consultation response" ("We at X" is
# read since session 32: "We at X have read ..." names the writers' body X) ("I am writing as Chair of
# X" is found from the "Chair, X" under the name). "r4o.behalf" is 50, not the 54 of before: "on behalf
# of X" alone no longer publishes a name shaped as only people's are ("Jan van der Berg", "Le Quang
# Minh"), and so withholds bodies so shaped too ("La Poste", "El Corte Inglés", "Caixa Geral de Depósitos",
# "Bolt-Hansen Logistik").
# "r6.sign_comma" ("Jane Smith, Chair, X") publishes X when it is a body's name or one word ("Oxfam",
# "Lloyd's"), not a name that may be a person's ("Sue Ryder", "Anthony Nolan": "Jane Smith, Chair, Amina
# Yusuf" must not publish Amina Yusuf).
RECALL_FLOORS: dict[str, int] = {
    "r4m.sign_p_de_o": 44, "r4m.title_o_sign_p": 60, "r4o.about": 39, "r4o.behalf": 50, "r4o.copy_reg": 32,
    "r4o.copy_reg_next": 32, "r4o.letterhead": 25, "r4o.ltd_footer": 50, "r4o.signoff": 25, "r4o.title": 47,
    "r4o.title_body": 49, "r4o.title_colon": 42, "r4o.welcomes": 47, "r4p.joint": 70, "r4p.signoff_org": 70,
    "r6.about_org": 28, "r6.attachment_org": 32, "r6.bilingual_org": 28, "r6.dash_title_org": 0,
    "r6.email_org_sig": 40, "r6.form_block_org": 0, "r6.joint": 32, "r6.joint_with_person": 37,
    "r6.letter_org": 26, "r6.on_behalf_org": 34, "r6.orgword-names": 97, "r6.pdf_footer_org": 34,
    "r6.reg_charity": 38, "r6.response_from_org": 33, "r6.sign_comma": 27, "r6.we_at": 36,
    "r6.word-names": 104, "r6.writing_as_chair": 33, "r6b.copyright_reg_org": 32,
    "r6b.role_first_signoff_org": 29, "r6b.running_header_org": 36,
}

MAX_LINES = 30  # of the failure message
EXAMPLES = 3  # cases shown per failing family
LINE_CHARS = 240


def _failures(tallies: dict[str, Tally]) -> list[str]:
    """One line per failing family and check (with a few of its cases): exceptions, leaks, then recall."""
    ceilings = {**KNOWN_LEAKS, **AMBIGUOUS_LEAKS}
    errors, leaks, lost = [], [], []
    for family, t in sorted(tallies.items()):
        if t.errors:
            errors.append(f"{family}: {len(t.errors)} exceptions, e.g. {'; '.join(t.errors[:EXAMPLES])}")
        if len(t.leaks) > ceilings.get(family, 0):
            leaks.append(f"{family}: {len(t.leaks)} leaks of {t.cases} (ceiling {ceilings.get(family, 0)}), "
                         f"e.g. {'; '.join(t.leaks[:EXAMPLES])}")
        if t.found < RECALL_FLOORS.get(family, 0):
            lost.append(f"{family}: organisation recall {t.found}/{t.with_org} < {RECALL_FLOORS[family]}, "
                        f"e.g. {'; '.join(t.lost[:EXAMPLES])}")
    lines = [line if len(line) <= LINE_CHARS else line[: LINE_CHARS - 3] + "..."
             for line in errors + leaks + lost]
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], f"... and {len(lines) - MAX_LINES + 1} more"]
    return lines


@pytest.mark.slow
def test_respondents_privacy_generated_families() -> None:
    cases = generate()
    tallies = measure(cases, profile)
    with_org = {family for family, t in tallies.items() if t.with_org}
    # the tables follow the generator: a family added, renamed or dropped is noticed
    assert set(RECALL_FLOORS) == with_org, sorted(set(RECALL_FLOORS) ^ with_org)
    assert set(KNOWN_LEAKS) | set(AMBIGUOUS_LEAKS) <= set(tallies)
    failures = _failures(tallies)
    leaks = sum(len(t.leaks) for t in tallies.values())
    if failures:
        pytest.fail(f"{len(cases)} cases, {leaks} leaks in all; failing families:\n" + "\n".join(failures),
                    pytrace=False)
