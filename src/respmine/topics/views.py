"""Reading topics back from the store for reports: breakdowns by question and respondent type, the topic
hierarchy, and the emerging themes as candidate codebook entries an analyst can promote.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from respmine.store import topics as topic_store
from respmine.store.repository import Store
from respmine.store.views import read_respondent_keys
from respmine.themes.codebook import Codebook, Theme
from respmine.topics.guide import emerging_now, suggested_theme


def topic_table(store: Store) -> list[dict[str, object]]:
    """Every topic ("other" first) with its size, keywords, theme and quotes."""
    return [{"id": t.id, "name": t.name, "size": t.size, "keywords": list(t.keywords), "theme": t.theme,
             "similarity": t.similarity, "emerging": t.emerging, "quotes": list(t.quotes),
             "model_version": t.model_version} for t in topic_store.topics(store)]


def _breakdown(store: Store, by: str) -> list[dict[str, object]]:
    names = {t.id: t.name for t in topic_store.topics(store)}
    counts = topic_store.topic_counts_by(store, by)
    totals: Counter[str] = Counter()
    per_topic: Counter[int] = Counter()
    for key, topic, n in counts:
        totals[key] += n
        per_topic[topic] += n
    return [{by: key, "topic": topic, "name": names.get(topic, ""), "segments": n,
             "share_of_" + by: round(n / totals[key], 4), "share_of_topic": round(n / per_topic[topic], 4)}
            for key, topic, n in counts]


def topics_by_question(store: Store) -> list[dict[str, object]]:
    """(question, topic) rows: how many segments, what share of the question's answers and of the topic."""
    return _breakdown(store, "question")


def topics_by_respondent_type(store: Store) -> list[dict[str, object]]:
    """(respondent type, topic) rows, as for questions: who raises what."""
    return _breakdown(store, "respondent_type")


def topic_hierarchy(store: Store) -> list[dict[str, object]]:
    """The latest fit's tree: nodes `n1..` merging topics `t<id>` (closest first), with a name each."""
    fit = topic_store.latest_fit(store)
    return list(fit.hierarchy) if fit is not None else []


MOSTLY_ONE = 0.5  # an emerging theme with more than this share of its passages from one respondent is flagged


@dataclass(frozen=True)
class EmergingTheme:
    """A topic no codebook theme matches: what respondents raise that nobody planned for."""

    id: int
    name: str
    keywords: list[str]
    size: int
    quotes: list[dict[str, str]] = field(default_factory=list)  # segment id and text
    respondents: int = 0  # who raised it (a campaign once, an attachment with its e-mail)
    lead_share: float = 0.0  # share of its passages from the respondent with the most of them
    lead_campaign: bool = False  # ... who is a form-letter campaign (its letters are many respondents' words)

    @property
    def mostly_one(self) -> bool:
        """Drawn mostly from one response (one long paper's sections, not a view many share)."""
        return self.lead_share > MOSTLY_ONE

    @property
    def concentration(self) -> str:
        """What readers are told of a theme drawn mostly from one respondent ("" if it is not)."""
        if not self.mostly_one:
            return ""
        return "mostly from one campaign" if self.lead_campaign else "mostly from one response"

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "keywords": list(self.keywords), "size": self.size,
                "respondents": self.respondents, "lead_share": self.lead_share, "mostly_one": self.mostly_one,
                "concentration": self.concentration,
                "quotes": [dict(q) for q in self.quotes]}

    def to_theme(self, codebook: Codebook | None = None) -> Theme:
        """A codebook entry to promote (label, phrases from keywords, examples from quotes)."""
        taken = codebook.ids if codebook is not None else []
        return suggested_theme(self.name, self.keywords, [q["text"] for q in self.quotes], taken)


def emerging_themes(store: Store) -> list[EmergingTheme]:
    """Emerging themes, those most respondents raised first (then by passages): id, name, keywords, size,
    respondents, the share of the one who wrote most of it, and three representative quotes. Not a topic
    most of whose passages say no view now (`guide.emerging_now`, as the run summary judges): the report
    and the review app both read this list.

    By respondents, not passages: on 39 AI Act submissions a topic 78% of whose 106 passages came from one
    paper (12 respondents) ranked above one raised by 25; 21 of 59 emerging themes took 60% or more of
    their passages from one submission."""
    spread = respondent_spread(store)
    rows = [t for t in topic_store.topics(store) if t.emerging and t.size > 0]
    said = _texts(store, [t.id for t in rows])
    found = [EmergingTheme(t.id, t.name, list(t.keywords), t.size, [dict(q) for q in t.quotes][:3],
                           *spread.get(t.id, (0, 0.0, False)))
             for t in rows if emerging_now(t.emerging, said.get(t.id, []))]
    return sorted(found, key=lambda e: (-e.respondents, -e.size, e.id))


def _texts(store: Store, topics: list[int]) -> dict[int, list[str]]:
    """topic -> the texts of its passages now (late ones too: the fit judged only its own, `emerging_now`)."""
    from sqlalchemy import select

    from respmine.store.models import SegmentRow, TopicAssignmentRow

    out: dict[int, list[str]] = {}
    if not topics:
        return out
    with store.session() as s:
        query = (select(TopicAssignmentRow.topic, SegmentRow.text)
                 .join(SegmentRow, SegmentRow.id == TopicAssignmentRow.segment)
                 .where(TopicAssignmentRow.topic.in_(topics)))
        for topic, text in s.execute(query):
            out.setdefault(topic, []).append(text)
    return out


def respondent_spread(store: Store) -> dict[int, tuple[int, float, bool]]:
    """topic -> (respondents, share of its passages from the one with most, whether that one is a
    campaign), counting respondents as the reports do (`store.views.respondent_keys`)."""
    keys = read_respondent_keys(store)
    per: dict[int, Counter[str]] = {}
    for submission, topic, n in topic_store.topic_counts_by(store, "submission"):
        per.setdefault(topic, Counter())[keys.get(submission, submission)] += n
    out = {}
    for t, c in per.items():
        lead, most = c.most_common(1)[0]
        out[t] = (len(c), round(most / sum(c.values()), 4), lead.startswith("campaign:"))
    return out


def promote(codebook: Codebook, emerging: EmergingTheme) -> Codebook:
    """The codebook with the emerging theme added (the next refit will match the topic to it)."""
    return Codebook(name=codebook.name, version=codebook.version, description=codebook.description,
                    themes=(*codebook.themes, emerging.to_theme(codebook)))
