"""A view an agreement question states, taken by the respondents who answer that they agree.

"Do you agree that probation services should be commissioned locally rather than regionally?" states the
codebook's "Local commissioning" (a `position: true` theme whose phrases the question uses). A charity
answering "Yes." or "We agree, with one exception: ..." holds that view, though its words need not name
it again; without this the theme table counted 13 respondents for local commissioning while the
question's own count had 18 agreeing (a trial's truth: 19), and the key findings contradicted each other.
Such a code (method AGREED) is the respondent's answer, with its opening sentence as evidence: analysts
see it, and can reject it, like any other. An answer that opens by disagreeing ("No.", "We do not agree
that services should be commissioned locally.") argues against the view, so its mentions of it ("Local
commissioning sounds attractive but would leave the Ministry managing forty contracts") are coded with
the topic above it (method marked DISAGREED), as the rules code a view a sentence argues against.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from respmine.themes.codebook import Codebook
from respmine.themes.stance import asked_question, asks_agreement, opening_side

__all__ = ["AGREED", "DISAGREED", "answered_side", "stated_positions"]

AGREED = "agreement"  # the method of a code taken from agreeing with a question that states the view
DISAGREED = "disagreement"  # marks (method "rule+disagreement") a view's code moved to its topic


_REVERSES = re.compile(  # what the question proposes undoes what it names ("to end local commissioning")
    r"\b(?:end(?:s|ed|ing)?|abolish\w*|scrap\w*|stop\w*|phas\w*\s+out|remov\w*|replac\w*|reduc\w*|cut(?:s|ting)?"
    r"|withdraw\w*|revers\w*|away\s+from|no\s+longer|fail\w*|abandon\w*|ceas\w*|wind\w*\s+down|mistake"
    r"|not\s+work\w*|unsuccessful|too\s+(?:costly|expensive))\b", re.IGNORECASE)


def stated_positions(codebook: Codebook, questions: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """question id -> the view (a `position: true` theme) its agreement question states, and the topics
    above it: the one position whose phrases the question uses, not negated or argued against ("Do you
    agree that regional commissioning would be a mistake?" states no view to take). A question naming two
    views, or its topic by a phrase of its own ("... commissioned regionally or locally, as suits each?"),
    states neither; nor does one whose proposal undoes what it names ("Do you agree with the proposal to
    end local commissioning?", "... that local commissioning has failed?"), nor a preamble naming it
    ("Local commissioning was introduced in 2014. Do you agree with the proposals?": `asked_question`)."""
    from respmine.themes.rules import RULE_FLOOR, PhraseRules

    views = {t.id for t in codebook.themes if t.position}
    asked = {q: asked_question(text) for q, text in questions.items()
             if asks_agreement(text) and not _REVERSES.search(asked_question(text))}
    if not views or not asked:
        return {}
    found = PhraseRules(codebook).find_many(list(asked.values()))
    out: dict[str, tuple[str, ...]] = {}
    for question, hits in zip(asked, found, strict=True):
        held = {h.theme for h in hits
                if h.theme in views and h.confidence >= RULE_FLOOR and not (h.negated or h.rejected)}
        view = held.pop() if len(held) == 1 else None
        if view is not None and not {h.theme for h in hits} & set(codebook.ancestors(view)):
            out[question] = (view, *codebook.ancestors(view))
    return out


def answered_side(text: str, question: str, stance: str) -> tuple[str, tuple[int, int]] | None:
    """"support" or "oppose", and the opening sentence by which an answer (whose stance read with the
    `question` is `stance`) agrees or disagrees with the question: "Yes.", "We agree, with one exception
    ...", "Calderbridge City Council agrees."; "No.", "We do not agree that ...". None where the answer as
    a whole takes another side, or opens otherwise (a later "We welcome local partners" in a long answer
    is no answer to the question)."""
    side = opening_side(text, question)
    return side if side is not None and side[0] == stance else None
