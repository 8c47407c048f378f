"""The theme coder: phrase rules, similarity and a trained classifier, each used where it is good.

- The classifier decides the themes it has enough coded examples for (per-theme tuned thresholds):
  with examples, it is the most accurate of the three.
- Themes it cannot learn yet are left to the codebook: a phrase rule hit (high precision, explainable;
  a theme without phrases is found by its label's words, `themes.rules`)
  or a clear similarity match to the theme's description and examples (close, and clearly closer than any
  other theme, learned or not: SIMILARITY_MARGIN; works with no examples; the
  coded examples of themes too rare to learn join the codebook's). On the exam-proctoring questions
  (26-125 coded answers, most codes with one or two), similarity beats a classifier trained on fewer than
  MIN_EXAMPLES examples.
- A segment nothing codes (when `at_least_one`; not a general remark of a few words, `_pickable`) takes the
  classifier's relatively strongest theme
  (method `classifier-fallback`) unless out of fold that pick clearly cost (`classifier._fallback_pays`), or
  without a classifier its closest theme by similarity (clearly the closest, as above).
- Sentences of thanks, welcome and bare covering notes ("Thank you for the chance to comment.",
  `furniture.is_formality`), title, subject and name lines are blanked first: they name the consultation,
  the chance to respond or the respondent. A sentence saying who the respondent is, by name, gets no code
  (`_self_described`); one only taking a side on the proposal in its words none by similarity (`_unsaid`).
- Every code carries its evidence: the sentence the rule fired in, or the sentence closest to (or
  scoring highest for) the theme. A child theme implies its parents.
- A rule hit on a position theme (`Theme.position`) whose sentence argues against it ("regional
  commissioning would be a mistake") codes the topic it is a position on (`Codebook.topic`) instead.

Incremental recoding (`themes.plan`) relies on three properties of this combination: a theme's rule hits
depend only on that theme's phrases, exclusions and label (and, for a topic, those of the positions on it,
`CodebookState`); similarity reads every sentence and depends, beside every theme's prototypes, only on the
hierarchy, the rule and classifier codes and the rule hits of its segment (`_add_similarity`); an implied
parent depends only on the codes under it. A change that breaks one of them must update `themes.plan` too.

Stored codes carry `coder_version()`: CODER_VERSION plus a hash of the modules that decide codes, so a
code edit recodes every segment on the next run without anyone remembering to bump a number (as
segmentation and stance do).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import numpy as np

from respmine.records import GENERAL
from respmine.structure.cells import only_a_form_cell
from respmine.structure.question_matcher import asks_anything_else
from respmine.themes.classifier import ThemeClassifier
from respmine.themes.codebook import Codebook, example_text
from respmine.themes.rules import RULE_FLOOR, Hit, passing_themes
from respmine.themes.scope import presents_response, takes_no_view
from respmine.themes.sentences import sentence_spans
from respmine.themes.similarity import ThemeSimilarity
from respmine.themes.words import FUNCTION_WORDS, word_root
from respmine.topics.embed import Embedder
from respmine.versions import source_digest

CODER_VERSION = "coder-6"  # bump for a change the source hash cannot see (`coder_version`)
_CODER_MODULES = (  # every module whose change can change codes (`coder_version`)
    "respmine.themes.coder", "respmine.themes.rules", "respmine.themes.scope", "respmine.themes.words",
    "respmine.themes.similarity", "respmine.themes.classifier", "respmine.themes.features",
    "respmine.themes.sentences", "respmine.themes.codebook",
    "respmine.themes.stage",  # (a code's stance is read there from the sentence holding its evidence)
    "respmine.themes.plan",  # (which segments a rerun recodes: codes it leaves are kept as they are)
    "respmine.themes.chosen",  # (an answer choosing an option takes the view it is)
    "respmine.themes.stated",  # (the view an agreement question states, taken by agreeing)
    "respmine.themes.stance",  # (closed answers, `only_closed_answer`: a form cell saying only that is
    "respmine.structure.ticks",  # blanked before coding; the ticks left unticked, too)
    "respmine.structure.cells", "respmine.structure.choices",  # (form cells; an option chosen)
    "respmine.structure.question_matcher",  # (`stems`: an option chosen by its label's words; a catch-all
    # question, `asks_anything_else`, has no subject)
    "respmine.structure.language",  # (a letter in another language is never off the subject, read blank)
    "respmine.structure.furniture", "respmine.structure.about",  # (formalities, self-descriptions)
    "respmine.structure.nlp",  # (the spaCy model the rules' lemmas come from)
    "respmine.page_breaks",  # (sentence splitting keeps a page-cut sentence whole by its rule)
    "respmine.records",  # (the questions never coded, `UNCODED`)
)
NEGATED_RULE = "rule-negated"  # a phrase rule's hit in the scope of a negation ("we do not think ...")
# RULE_FLOOR (`themes.rules`): rule hits below it are not codes (sample: paragraph precision 0.778 -> 0.808,
# recall 0.975 -> 0.971, respondents per theme off by 2.1 -> 1.6)
SIMILARITY_FLOOR = 0.5  # similarity a span needs to its closest theme to be coded with it by similarity alone
SIMILARITY_MARGIN = 0.07  # ... and how far ahead of every theme outside its line (`_rivals`), learned ones
# too: a sentence about the consultation's subject in general is near several themes at once ("I think all
# violent men coming out of prison should be tagged": victims' safety 0.41, the next theme 0.38), and a
# theme too rare to learn is no better evidenced where a learned theme is closer (the classifier decided
# that one). Also for the no-classifier pick (FALLBACK_FLOOR). Measured (margin none -> 0 -> 0.05 -> 0.07
# -> 0.1): trial 26a (GPS tagging, no training) theme cells F1 0.633 -> 0.633 -> 0.642 -> 0.654 -> 0.654,
# macro 0.617 -> 0.617 -> 0.625 -> 0.633 -> 0.635, similarity codes 20 of 47 right -> 20 of 33 at 0.07;
# NHS feedback held out, micro / macro 0.744 / 0.546 -> 0.745 / 0.549 -> 0.745 / 0.563 (no similarity
# code left, all four had been wrong); exam-proctoring cross-validated mean micro / macro 0.640 / 0.542
# -> 0.640 / 0.543 -> 0.633 / 0.536 -> 0.637 / 0.538 -> 0.638 / 0.533, similarity codes right 32 of 62
# -> 22 of 28 at 0.07; sample paragraph precision / recall unchanged (0.860 / 0.980), respondents per theme
# off by 0.57 -> 0.49.
FAMILY_RANK = 3  # a rule tag by a brief phrase in passing stays if its family is among this many closest to
# its sentence (`rules.passing_themes`; a sentence of SHORT_SENTENCE_WORDS or fewer needs no such check)
# (sample: 23 such codes dropped, 16 of them wrong by the truth; respondents per theme off by 0.97 on
# average -> 0.57, volunteers 16 -> 10 (truth 8); 7 right ones lost, "every local housing authority should
# have a named lead for offender accommodation" among them)
FALLBACK_FLOOR = 0.35  # a segment with no code takes its closest theme if at least this similar (zero-shot
# exam-proctoring codes: 5 of 19 right between 0.25 and 0.35, 18 of 46 from 0.35 to 0.5, 280 of 463 above)
PICK_MIN_WORDS = 8  # a general remark shorter than this gets no `at_least_one` pick (`_pickable`)
FALLBACK = "classifier-fallback"  # method of a code no method chose, the classifier's strongest theme
SUBJECT_FLOOR = 0.5  # a question's subject (`ThemeCoder._subjects`): the theme its text is closest to, at
SUBJECT_MARGIN = 0.1  # least this close and this far ahead of every theme outside its line ("What impact
# would the scheme have on tenants' rents?": rents 0.70, supply 0.54; "Which option ...: Option A (the whole
# city), Option B ...": enforcement 0.80, six wards 0.79, none; "Do you have any other comments?": none)
SUBJECT_SLACK = 0.05  # an answer's span gives its question's subject where that theme is its closest or
SUBJECT_SPAN_FLOOR = 0.15  # within this of its closest outside its line, and at least this close: read
# with its question, "They will go up, by at least the fee, probably more." (fee 0.45, rents 0.42) says
# rents go up; an answer about something else ("Use the powers you already have against rogue landlords")
# is nearer that and gives no subject
SUBJECT_VAGUE = 0.2  # ... or where no theme is this close to it: a span of SUBJECT_WORDS or more naming no
SUBJECT_WORDS = 4  # theme of its own is about what it was asked ("Far too much for what we get." to "Is the
# licence fee reasonable?": fee 0.09, every theme under 0.15)


@lru_cache(maxsize=1)
def coder_version() -> str:
    """CODER_VERSION and a hash of the theme coder's modules: the stamp that says stored codes are current."""
    return f"{CODER_VERSION}-{source_digest(*coder_sources())[:8]}"


def coder_sources() -> list[str]:
    """The source files of the modules that decide codes (`_CODER_MODULES`), hashed by `coder_version`."""
    return [str(importlib.import_module(name).__file__) for name in _CODER_MODULES]


@dataclass(frozen=True)
class Tag:
    theme: str
    confidence: float
    method: str  # rule | similarity | classifier, or a combination ("rule+classifier")
    start: int  # evidence span in the text
    end: int


class ThemeCoder:
    """Multi-label coding against a codebook; `fit` on coded examples when there are some."""

    def __init__(
        self,
        codebook: Codebook,
        embedder: Embedder | None = None,
        *,
        use_rules: bool = True,
        at_least_one: bool = True,
        seed: int = 0,
        title: str = "",
    ) -> None:
        self.codebook = codebook
        self.title = title  # the consultation's: a covering sentence naming it is a formality
        self.embedder = embedder
        self.at_least_one = at_least_one
        self.classifier = ThemeClassifier(embedder, seed=seed)
        self._rules = None
        if use_rules:  # phrases, or a label's words for themes with no phrases (`themes.rules`)
            from respmine.themes.rules import PhraseRules

            self._rules = PhraseRules(codebook)
        self._examples: dict[str, list[str]] = {}  # coded answers of themes too rare to learn
        self._similarity: ThemeSimilarity | None = None  # built when first needed (embeds prototypes)
        self._subject_of: dict[str, str | None] = {}  # question text -> its subject theme (`_subjects`)

    @property
    def version(self) -> str:
        parts = [coder_version(), self.codebook.stamp]
        if self.classifier.fitted:
            parts.append(self.classifier.version)
        if self.embedder is not None:
            parts.append(self.embedder.name)
        return "+".join(parts)

    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[Sequence[str]],
        questions: Sequence[str | None] | None = None,
    ) -> ThemeCoder:
        """Learn from coded examples (theme ids of this codebook; unknown ids are ignored)."""
        known = set(self.codebook.ids)
        labels = [[t for t in row if t in known] for row in labels]
        read = without_formalities(texts, self.title)  # as `code` reads them
        self.classifier.fit(read, labels, questions)
        learned = set(self.classifier.themes)
        self._examples = {}  # themes too rare to learn: their coded texts are more examples
        for text, row in zip(read, labels, strict=True):
            for theme in sorted(set(row) - learned) if text.strip() else ():
                self._examples.setdefault(theme, []).append(example_text(text))
        self._similarity = None
        self._subject_of = {}
        return self

    def similarity(self) -> ThemeSimilarity | None:
        """Theme prototypes (codebook and rare themes' coded answers), embedded once, when first used."""
        if self._similarity is None and self.embedder is not None:
            self._similarity = ThemeSimilarity(self.codebook, self.embedder, self._examples)
        return self._similarity

    def code(self, texts: Sequence[str], questions: Sequence[str | None] | None = None,
             names: Sequence[Sequence[str]] | None = None,
             asked: Sequence[str | None] | None = None,
             asking: Sequence[str | None] | None = None) -> list[list[Tag]]:
        """Tags per text. `names` (per text): the organisations it is from, whose names' words are no
        mention ("Riverside Women's Centre is a small organisation"): the phrase rules skip them and
        similarity reads the text with them blanked. `asked` (per text): the agreement question it answers,
        if any ("Do you agree that secure schools should replace ...?"), whose proposal an answer may only
        restate (`_pickable`); not given, the questions are not known (an evaluation's coded file).
        A form's stock cell ("N/A", "No opinion", "See above", a bare "Agree": `structure.cells`) takes a
        theme only from the classifier, which learned it from analysts' codes (NHS feedback's analysts code
        "Nothing." to "What could we do better?" as a positive experience: 62 of its 1,178 held-out
        comments); rules, similarity and the fallback pick give it none (a bare "Agree" still agrees with
        the view its question states: `themes.stated`). `asking` (per text): the text of the question it
        answers, any question (none: not known), whose subject theme an answer's sentence near it takes
        (`_add_subjects`)."""
        if not texts:
            return []
        texts = without_formalities(texts, self.title, names)
        learned = set(self.classifier.themes)
        found: list[dict[str, Tag]] = [{} for _ in texts]
        probs = self.classifier.probabilities(texts, questions)  # texts x learned themes (maybe none)
        self._add_classifier(found, texts, questions, probs)
        texts = [" " * len(t) if only_a_form_cell(t) else t for t in texts]  # (the classifier read them)
        judged: list[list[tuple[int, int, str]]] = [[] for _ in texts]  # rule hits, coded or not
        weak = self._add_rules(found, texts, learned, names, judged)
        self._drop_uncorroborated(found, _unnamed(texts, names), weak)
        questioned = [asked[i] if asked is not None else _UNKNOWN for i in range(len(texts))]
        picks = [_pickable(t, questions[i] if questions is not None else None, questioned[i])
                 for i, t in enumerate(texts)]
        heard = _unsaid(texts, _unnamed(texts, names), names, questioned, self.title)
        self._add_similarity(found, texts, heard, learned, picks, judged, asking)
        self._add_fallback(found, texts, questions, probs, picks)
        out = []
        for tags in found:
            full = self.codebook.with_ancestors(tags)
            out.append([tags[t] if t in tags else _parent_tag(t, tags, self.codebook) for t in full])
        return out

    def _add_classifier(
        self,
        found: list[dict[str, Tag]],
        texts: Sequence[str],
        questions: Sequence[str | None] | None,
        probs: np.ndarray,
    ) -> None:
        if not self.classifier.fitted:
            return
        for i, preds in enumerate(self.classifier.predict(texts, questions, at_least_one=False, probs=probs)):
            for p in preds:
                found[i][p.theme] = Tag(p.theme, p.confidence, "classifier", *p.evidence)

    def _add_rules(self, found: list[dict[str, Tag]], texts: Sequence[str], learned: set[str],
                   names: Sequence[Sequence[str]] | None,
                   judged: list[list[tuple[int, int, str]]]) -> list[set[str]]:
        """Phrase rules' tags; returns, per text, the themes a rule tagged on a brief phrase said once (one
        sentence's phrase of `rules.BRIEF_WORDS` content words or fewer: `_drop_uncorroborated`). A sentence
        that says who the respondent is, by name (`_self_described`: "Clearway supports more than 40,000
        blind and partially sighted people ..." was coded access and quoted as the theme's lead), makes no
        point about a theme its words name: no rule codes it."""
        weak: list[set[str]] = [set() for _ in texts]
        if self._rules is None:
            return weak
        for i, hits in enumerate(self._rules.find_many(texts, names=names)):
            judged[i] += [(h.start, h.end, h.theme) for h in hits]  # (`_add_similarity`)
            passing = passing_themes(hits, texts[i])
            own = _self_described(texts[i], names[i] if names is not None else ())
            for h in sorted(hits, key=lambda h: (h.negated, -h.confidence)):  # an assertion before a negation
                if h.confidence < RULE_FLOOR or _described(h, texts[i], own):
                    continue
                original = h.theme
                topic = self.codebook.topic(h.theme) if h.rejected else h.theme
                if topic is None:  # argued against: a position is not held, its topic is discussed
                    continue
                if topic != h.theme:
                    h = replace(h, theme=topic, negated=False, rejected=False)
                have = found[i].get(h.theme)
                rule = NEGATED_RULE if h.negated else "rule"  # (a negated mention states no position)
                if have is not None:  # found again (a position argued against codes its topic): kept
                    weak[i].discard(h.theme)
                if have is None and h.theme not in learned:
                    found[i][h.theme] = Tag(h.theme, h.confidence, rule, h.start, h.end)
                    if h.theme in passing and topic == original and not h.argued:
                        weak[i].add(h.theme)
                elif have is not None and "rule" not in have.method:
                    conf = 1 - (1 - have.confidence) * (1 - h.confidence)
                    found[i][h.theme] = Tag(h.theme, conf, f"{rule}+{have.method}", h.start, h.end)
        return weak

    def _drop_uncorroborated(self, found: list[dict[str, Tag]], texts: Sequence[str],
                             weak: Sequence[set[str]]) -> None:
        """A theme a rule found by a brief phrase in passing (`rules.passing_themes`) stays only where its
        sentence's meaning is near it too: its family (top-level theme) among the FAMILY_RANK closest to
        the sentence. A word or two in passing ("... will frequently talk to a volunteer or a peer mentor"
        in a sentence on whom charities reach, "should know the local streets, hostels and employers") is no
        point made about volunteers or housing. Without the embedding model every rule tag stays. (This is
        where a rule-coded segment consults similarity: `plan` recodes such segments when prototypes
        change.)"""
        todo = [(i, theme) for i, themes in enumerate(weak) for theme in sorted(themes) if theme in found[i]]
        similarity = self.similarity() if todo else None
        if similarity is None:
            return
        sentences = [texts[i][found[i][t].start : found[i][t].end] for i, t in todo]
        unique = list(dict.fromkeys(sentences))  # (form letters repeat them; a sentence may hold two words)
        scores = similarity.score(unique)
        near = {text: self._closest_families(scores.themes, m) for text, m in zip(unique, scores.matrices,
                                                                                     strict=True)}
        for (i, theme), sentence in zip(todo, sentences, strict=True):
            if near[sentence] and self._family(theme) not in near[sentence]:
                del found[i][theme]

    def _closest_families(self, themes: Sequence[str], matrix: np.ndarray) -> list[str]:
        """The FAMILY_RANK families (top-level themes) closest to any span of a scored text."""
        if not matrix.size:
            return []
        closest: dict[str, float] = {}
        for theme, score in zip(themes, matrix.max(axis=0), strict=True):
            family = self._family(theme)
            closest[family] = max(closest.get(family, -1.0), float(score))
        return sorted(closest, key=lambda f: -closest[f])[:FAMILY_RANK]

    def _family(self, theme: str) -> str:
        """The top-level theme `theme` falls under (itself if it is one)."""
        return ([theme, *self.codebook.ancestors(theme)])[-1] if theme in self.codebook.ids else theme

    def _add_similarity(self, found: list[dict[str, Tag]], texts: Sequence[str], unnamed: Sequence[str],
                        learned: set[str], picks: Sequence[bool],
                        judged: Sequence[Sequence[tuple[int, int, str]]] = (),
                        asking: Sequence[str | None] | None = None) -> None:
        """Similarity codes the points the rules and classifier left uncoded, with themes the classifier has
        not learned. Each span (sentence, or clause of a short answer) of every segment gives its closest
        theme when it is close enough and clearly closer than any other (SIMILARITY_MARGIN ahead of every
        theme outside its line, learned ones and those the rules found included): one point, one code. In a
        segment the rules or classifier coded, their codes stand (`_standing`: a span closest to one of them,
        or to a theme above one, adds nothing), and a span clearly about another theme adds it: a sentence
        with no rule hit ("We run 420 vans delivering groceries ..." after a loading exemption), or one whose
        rule hit is not its point ("Councils should be required to publish how many penalty charges they
        issue, so that disabled people can see ..." was coded access by its words, and only that). Nor does
        a span give a theme a rule found in its sentence (`judged`) and did not code there: argued
        against ("Ember cargo would be a mistake"), negated, in passing or in a self-description, the
        rules read it so on purpose. A span stating no view gives none
        (`_viewless`: declining one, describing the respondent, presenting the response; its words name or
        near a theme it says nothing of). Without a classifier it also
        makes the `at_least_one` pick for a segment nothing coded. Similarity reads the `unnamed` texts
        (organisations' names blanked, same offsets), its evidence is the sentence as written in `texts`
        (name and all: the stance of a code is read from its evidence, and "strongly supports the extension
        ..." without "Southvale Constabulary" before it took none). A view needs its words (`_names_view`).
        A span near its question's subject
        theme gives it with a looser margin (`_subjects`, `asking`: the question texts)."""
        if self.embedder is None or learned.issuperset(self.codebook.ids):
            return  # (every theme learned: nothing for similarity to pick, no sentence to embed)
        todo = [i for i, text in enumerate(texts) if text.strip()]
        similarity = self.similarity()
        if not todo or similarity is None:
            return
        scores = similarity.score([texts[i] for i in todo], [unnamed[i] for i in todo])
        ids = scores.themes
        unlearned = np.array([t not in learned for t in ids])
        others = self._rivals(ids)
        subjects = self._subjects([asking[i] if asking is not None else None for i in todo], learned)
        for i, spans, matrix, subject in zip(todo, scores.spans, scores.matrices, subjects, strict=True):
            standing = self._standing(found[i])
            declined = _viewless(texts[i], spans, unnamed[i])  # "We have no view on staff workload."
            matrix = np.where(np.array(declined)[:, None], -1.0, matrix) if any(declined) else matrix
            lead = _leads(matrix, others)
            masked = np.where(unlearned, matrix, -1.0)
            hit = judged[i] if judged else ()
            for (start, end), row, ahead in zip(spans, masked, lead, strict=True):
                j = int(row.argmax())
                have = found[i].get(ids[j])
                ruled = any(a <= (start + end) // 2 < b and t == ids[j] for a, b, t in hit)
                floor = SIMILARITY_FLOOR + SIMILARITY_MARGIN * (bool(standing) and ids[j] in self._subthemes)
                if (row[j] >= floor and ahead[j] >= SIMILARITY_MARGIN and ids[j] not in standing
                        and not ruled and not self._beside(ids[j], standing)
                        and self._names_view(ids[j], texts[i][start:end])
                        and (have is None or have.confidence < row[j])):
                    found[i][ids[j]] = Tag(ids[j], float(row[j]), "similarity", start, end)
            if (subject is not None and subject not in found[i] and subject not in standing
                    and not self._beside(subject, standing)):
                s = ids.index(subject)
                for k, (start, end) in enumerate(spans):
                    ruled = any(a <= (start + end) // 2 < b and t == subject for a, b, t in hit)
                    near = matrix[k, s] >= SUBJECT_SPAN_FLOOR and lead[k, s] >= -SUBJECT_SLACK
                    vague = (-1.0 < matrix[k].max() < SUBJECT_VAGUE
                             and len(re.findall(r"\w+", texts[i][start:end])) >= SUBJECT_WORDS
                             and not _gives_no_answer(texts[i], start, end))
                    if (near or vague) and not ruled:
                        found[i][subject] = Tag(subject, float(matrix[k, s]), "similarity", start, end)
                        break
            if not found[i] and self.at_least_one and picks[i] and not self.classifier.fitted and matrix.size:
                k, best = (int(x) for x in np.unravel_index(int(matrix.argmax()), matrix.shape))
                if (matrix[k, best] >= FALLBACK_FLOOR and lead[k, best] >= SIMILARITY_MARGIN
                        and self._names_view(ids[best], texts[i][slice(*spans[k])])):
                    found[i][ids[best]] = Tag(ids[best], float(matrix[k, best]), "similarity", *spans[k])

    def _subjects(self, questions: Sequence[str | None], learned: set[str]) -> list[str | None]:
        """Per question text, its subject: the theme its text is closest to, when clearly (SUBJECT_FLOOR,
        SUBJECT_MARGIN ahead of every theme outside its line) and not one the classifier learned (it decides
        those). An answer is read with its question: "They will go up, by at least the fee, probably more."
        to "What impact would the scheme have on tenants' rents?" says rents go up, and its words alone are
        nearer the fee. Each question is scored once (cached)."""
        similarity = self.similarity()
        todo = sorted({q for q in questions if q and q.strip() and q not in self._subject_of})
        for question in [q for q in todo if asks_anything_else(q)]:  # "Do you have any other comments on
            self._subject_of[question] = None  # the proposals or on this consultation?" asks for anything
            todo.remove(question)  # else, though its words are near the process theme (28a: 5 of 5 wrong)
        if todo and similarity is not None:
            scores = similarity.score(todo)
            others = self._rivals(scores.themes)
            for question, matrix in zip(todo, scores.matrices, strict=True):
                best = matrix.max(axis=0, initial=-1.0)[None, :] if matrix.size else matrix
                lead = _leads(best, others)
                j = int(best.argmax()) if best.size else -1
                clear = j >= 0 and best[0, j] >= SUBJECT_FLOOR and lead[0, j] >= SUBJECT_MARGIN
                # (a view is no subject: an answer near it takes its topic, `Codebook.topic`)
                self._subject_of[question] = self.codebook.topic(scores.themes[j]) if clear else None
        return [self._subject_of.get(q) if q and q in self._subject_of and self._subject_of[q] not in learned
                else None for q in questions]

    def _standing(self, tags: dict[str, Tag]) -> set[str]:
        """The themes a segment's rule and classifier codes settle: their own and those above them (a parent
        is implied by its child), which similarity does not recode."""
        return {t for theme, tag in tags.items() if tag.method != "similarity"
                for t in (theme, *self.codebook.ancestors(theme))}

    def _beside(self, theme: str, standing: set[str]) -> bool:
        """Whether similarity leaves `theme` out of a segment the rules or classifier coded (`standing`: their
        themes and those above them; empty where they coded nothing), where it adds only a further point:
        - a theme with sub-themes is too broad a reading to add beside a coded point ("Large contracts will
          push them out." took offender groups, "Small local charities know their communities and do work
          that big organisations cannot do." funding, in each of the sample's campaign letters);
        - a sibling of a coded theme (under the same parent) is a neighbour similarity confuses with it, not
          a second point: siblings share their parent's words, and positions on one topic are rival views
          ("We strongly support a greater role for voluntary and community organisations ... The sector has
          a long record of work in this field" was coded core services by its words, and similarity added
          complementary services, the opposite view, in 9 of the sample's responses; "On balance we favour
          commissioning at regional level" took local commissioning beside regional).
        Measured on the sample against its truth: precision 0.785 -> 0.841, respondents per theme off by 1.31
        -> 0.60 (0.86 / 0.46 when similarity coded only segments with no code); the trials' codebooks are
        flat, their gain unchanged."""
        if not standing or theme not in self.codebook.ids:
            return False
        if theme in self._topics:
            return True
        parent = self.codebook.theme(theme).parent
        return parent is not None and any(parent in self.codebook.ancestors(t) for t in standing
                                          if t != theme and t in self.codebook.ids)

    def _names_view(self, theme: str, span: str) -> bool:
        """Whether similarity may code `theme` for this span: any theme but a view (`Theme.position`), and a
        view only where the span says what the view is, a word of its label or phrases that its topic's
        label lacks ("We strongly favour handing libraries to community groups." for "Hand branch libraries
        to community groups (Option A)"). A view is taken in its words or by choosing its option
        (`themes.chosen`), not by nearness alone: "I agree with licensing: my landlord has not repaired
        the broken window in my child's room." was coded the whole city (Option A), nearest its example
        "License the whole city, bad landlords are everywhere" (trial 31a: both such codes wrong, and the
        topic each left by `chosen.aside`, 5 of 5)."""
        words = self._view_words.get(theme)
        return words is None or bool(words & _content_roots(span))

    @cached_property
    def _view_words(self) -> dict[str, frozenset[str]]:
        """view -> the content words (roots) of its label and phrases its topics' labels lack."""
        out = {}
        for t in self.codebook.themes:
            if t.position:
                above = set().union(*(_content_roots(self.codebook.theme(a).label)
                                      for a in self.codebook.ancestors(t.id)))
                own = _content_roots(" ".join([t.label, *t.phrases]))
                out[t.id] = frozenset(w for w in own - above - _OPTION_WORDS if len(w) > 1)
        return out

    @cached_property
    def _topics(self) -> frozenset[str]:
        """The themes with sub-themes."""
        return frozenset(t.parent for t in self.codebook.themes if t.parent is not None)

    @cached_property
    def _subthemes(self) -> frozenset[str]:
        """The themes under another. Beside a rule's or classifier's code, similarity adds one only when it is
        clearly close (SIMILARITY_MARGIN above the floor): a sub-theme is a narrow reading of its topic,
        siblings share the topic's words, and a sentence on the topic that is only just near one is a
        remark, not a further point (the sample's "We would favour a core contract that meets the full cost
        of the service" took core partner at 0.53 in 5 responses, "... work with children should be
        recognised in any new commissioning framework" local commissioning at 0.54). Where nothing else
        coded the segment, the plain floor holds. Measured on the sample against its truth: paragraph
        precision 0.841 -> 0.861, recall 0.985 kept, respondents per theme off 0.60 -> 0.43 (similarity in
        gaps only: 0.861 / 0.980 / 0.46); the trials' codebooks are flat, their figures unchanged."""
        return frozenset(t.id for t in self.codebook.themes if t.parent is not None)

    def _rivals(self, ids: Sequence[str]) -> np.ndarray:
        """themes x themes: whether the second is a rival of the first, a theme outside its line (neither
        itself, nor an ancestor, nor a descendant: a sentence close to a child is close to its parent)."""
        line = [{t, *self.codebook.ancestors(t)} for t in ids]
        return np.array([[ids[b] not in line[a] and ids[a] not in line[b] for b in range(len(ids))]
                         for a in range(len(ids))], dtype=bool)

    def _add_fallback(
        self,
        found: list[dict[str, Tag]],
        texts: Sequence[str],
        questions: Sequence[str | None] | None,
        probs: np.ndarray,
        picks: Sequence[bool],
    ) -> None:
        """`at_least_one`: a segment still uncoded takes the classifier's relatively strongest theme."""
        gaps = [i for i in _gaps(found, texts) if picks[i]]
        if not (self.at_least_one and self.classifier.fitted and gaps):
            return
        qs = [questions[i] for i in gaps] if questions is not None else None
        preds = self.classifier.predict([texts[i] for i in gaps], qs, probs=probs[gaps])
        for i, row in zip(gaps, preds, strict=True):
            for p in row:
                found[i][p.theme] = Tag(p.theme, p.confidence, FALLBACK, *p.evidence)


def without_formalities(texts: Sequence[str], title: str,
                        names: Sequence[Sequence[str]] | None = None) -> list[str]:
    """Texts with their sentences of thanks, welcome and bare covering notes blanked (same offsets):
    "Thank you for the chance to comment" and "I am writing in response to the consultation on Working
    with the Third Sector" name the consultation and the chance to respond, which are no theme, and a
    segment of nothing else is left uncoded (no fallback pick); so are title, subject and name lines
    (`_title_line`, `_name_line`). `title`: the consultation's, if known; `names` (per text): the
    organisations it is from, if known."""
    from respmine.structure.furniture import is_formality

    out = []
    for i, text in enumerate(texts):
        own = names[i] if names is not None else ()
        for start, end in sentence_spans(text):
            said = text[start:end]
            if is_formality(said, title) or _title_line(said, title) or _name_line(said, own):
                text = text[:start] + " " * (end - start) + text[end:]
        out.append(text)
    return out


_TITLE_LINE = re.compile(  # a response's own title: "Submission to the Department for Education: mobile
    # phones in schools", "Deposit return scheme: response of Northfield District Council", "Response from X"
    r"\W*(?:(?:our|a|the|joint|consultation|written)\s+)?(?:response|submission|reply|evidence|comments)\s+"
    r"(?:to|from|of|by|on)\b[^.!?\n]*|[^.!?\n:]{3,120}:\s*(?:(?:a|the|our|joint)\s+)?(?:response|submission)\s+"
    r"(?:of|from|by)\b[^.!?\n]*", re.IGNORECASE)
TITLE_WORDS = 20  # a title is short, and says nothing: no verb, no one speaking
_SAYS = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|should|must|can|could|may|might"
                   r"|shows?|showed|need|needs|we|i|they|it|our views?)\b", re.IGNORECASE)


_SUBJECT_PARTS = re.compile(r"\s*(?::|\s[-–—|]\s)\s*")  # "Pavement parking consultation: Clear Our Paths"
_NAMES_CONSULTATION = re.compile(r"\b(?:consultation|call\s+for\s+evidence)(?:\s+(?:response|submission))?$",
                                 re.IGNORECASE)


def _title_line(sentence: str, title: str = "") -> bool:
    """The response's own title or subject line, naming the consultation or the respondent: no view, and its
    words name the consultation's topic (a title line was quoted as evidence of a theme). A subject line
    is in two parts, one naming the consultation ("... consultation", its `title`) and the other a name,
    written as one ("Pavement parking consultation: Clear Our Paths", a campaign's letters' subject, was
    coded signage in each of them; "Clear Our Paths - Pavement parking consultation")."""
    from respmine.structure.furniture import names_title

    line = sentence.strip().rstrip(".")
    if len(line.split()) > TITLE_WORDS or _SAYS.search(line) or re.search(r"[.!?]", line):
        return False
    if _TITLE_LINE.fullmatch(line) is not None:
        return True
    parts = [p for p in _SUBJECT_PARTS.split(line) if p]
    if len(parts) != 2:
        return False
    named = [bool(_NAMES_CONSULTATION.search(p)) or (bool(title) and names_title(p, title)) for p in parts]
    return any(named) and all(n or _written_as_name(p) for n, p in zip(named, parts, strict=True))


_SMALL = frozenset({"a", "an", "and", "the", "of", "in", "on", "for", "to", "with", "by", "at", "our", "&"})


def _written_as_name(text: str) -> bool:
    """Every word but the small ones capitalised ("Clear Our Paths", "Walk Safe Alliance"): a name."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’&-]*", text) if w.lower() not in _SMALL]
    return bool(words) and all(w[0].isupper() for w in words)


_APPOSITION = re.compile(r"\s*(?:[-–—|:,]\s*)?(?:(?:the|a|an|[A-Z][\w’']*['’]s)\s+[^.!?;]*)?", re.IGNORECASE)


def _name_line(sentence: str, names: Sequence[str]) -> bool:
    """A name line: the respondent's name alone or with what it is, no verb ("Walk Safe Alliance - the
    national charity for everyday walking", a letterhead, was coded access): who writes, no point made.
    `names`: the organisations the text is from (unknown, none is a name line)."""
    line = " ".join(sentence.split()).rstrip(".")
    if len(line.split()) > TITLE_WORDS or _SAYS.search(line):
        return False
    for name in names:
        flat = " ".join(name.split())
        if flat and line.lower().startswith(flat.lower()) and _APPOSITION.fullmatch(line[len(flat):]):
            return not _VERB_LIKE.search(line[len(flat):])
    return False


_VERB_LIKE = re.compile(  # what makes an apposition a statement: "Walk Safe Alliance - pavement parking
    # blocks us" is not a letterhead
    r"\b(?:\w+(?:ed|s)\s+(?:the|a|an|our|us|them|it|people|pedestrians|by|to|on|from)|not|no|never|should"
    r"|must|please|support\w*|oppos\w*|agree\w*|welcome\w*|urge\w*)\b", re.IGNORECASE)


def _gives_no_answer(text: str, start: int, end: int) -> bool:
    """The sentence holding the span `start:end` of `text` (a clause of a short answer: "no idea at all")
    says the respondent does not know or gives no answer ("Not sure about this question, to be honest.",
    "Don't know, sorry, no idea at all.", "No opinion, see my answer to question 1."): naming no theme, it
    is still no point on the question's subject (`ThemeCoder._add_similarity`'s vague span)."""
    from respmine.themes.stance import says_unsure  # (stance reads codes: imported when first needed)

    a, b = next(((a, b) for a, b in sentence_spans(text) if a <= start < b), (start, end))
    return says_unsure(text[a:b]) or only_a_form_cell(text[a:b])


def _leads(matrix: np.ndarray, rivals: np.ndarray) -> np.ndarray:
    """spans x themes: how far each theme's score is ahead of the best of its `rivals` (`ThemeCoder._rivals`)
    for the span; a theme without rivals leads by its score plus one."""
    if not matrix.size:
        return matrix
    best = np.where(rivals[None, :, :], matrix[:, None, :], -1.0).max(axis=2)  # spans x themes
    return np.asarray(matrix - best, dtype=np.float32)


def _viewless(text: str, spans: Sequence[tuple[int, int]], read: str | None = None) -> list[bool]:
    """For each span (a sentence, or a clause of a short answer), whether it is in a sentence that states
    no view: one that only declines to give one (`takes_no_view`), says who the respondent is
    (`about.describes_respondent` by name: "Kinship Voices supports the families of children in custody
    across the north of England." was coded mental health and quoted; in the first person it may be
    experience offered as evidence, "We employ 30 people with convictions ...") or presents the response
    (`scope.presents_response`: "I write as manager of the Youth Offending Team, on behalf of the County
    Council." was coded staffing). Its words are near a theme's, and it makes no point about it. `read`:
    the text as similarity reads it (names blanked, same offsets), whose sentences (as written in `text`)
    are judged."""
    from respmine.structure.about import describes_respondent

    read = text if read is None else read
    said = [(a, b, read[a:b].strip()) for a, b in sentence_spans(text)]
    declined = [(a, b) for a, b, s in said
                if takes_no_view(s) or presents_response(s) or describes_respondent(s, by_name=True)]
    return [any(a <= start and end <= b for a, b in declined) for start, end in spans]


def _self_described(text: str, names: Sequence[str]) -> list[tuple[int, int, int]]:
    """Spans of the sentences that say who the respondent is, by name (`about.describes_respondent`, with
    its own `names`: "Clearway supports more than 40,000 blind and partially sighted people ...", "The
    Forum is a network of 30 older people's groups across Hexbridge."). Not in the first person: "We
    employ 30 people with convictions" inside an answer is experience offered as evidence. A sentence
    going on to what befalls the people it serves ("..., many of whom have been forced into the road by
    parked cars", "... who have been hit by cars") is a self-description to that clause only: what follows
    is a point. (start, end of its describing words, end of the sentence)."""
    from respmine.structure.about import describes_respondent

    out = []
    for a, b in sentence_spans(text):
        if describes_respondent(text[a:b], by_name=True, names=names):
            clause = _RELATIVE.search(text, a, b)
            out.append((a, clause.start() if clause else b, b))
    return out


def _described(hit: Hit, text: str, own: Sequence[tuple[int, int, int]]) -> bool:
    """The rule's hit is in a sentence saying who the respondent is (`_self_described`), and not in what it
    goes on to say of the people the respondent serves (its phrase's words are not all in that clause)."""
    middle = (hit.start + hit.end) // 2
    for a, cut, b in own:
        if a <= middle < b:
            said = {w[:5] for w in re.findall(r"\w+", text[cut:b].lower())}
            return cut == b or not all(w[:5] in said for w in re.findall(r"\w+", hit.phrase.lower()))
    return False


_RELATIVE = re.compile(  # a relative clause on the people a respondent serves: "..., many of whom have been",
    # "... who are forced", "... whose homes"
    r",?\s+(?:(?:many|most|some|all|each|half|one|none|several|thousands|hundreds)\s+of\s+(?:whom|which)"
    r"|who|whom|whose)\b", re.IGNORECASE)


def _unsaid(texts: Sequence[str], read: Sequence[str], names: Sequence[Sequence[str]] | None,
            asked: Sequence[str | None], title: str) -> list[str]:
    """The texts as similarity reads them: `read` (names blanked) with the sentences blanked that only say
    who the respondent is, by name (`_self_described`), or only take a side on the proposal in its own
    words (`takes_side_only`): their words are near a theme's and they make no point about it. A blank
    span scores no theme (`ThemeSimilarity.score`), nor gives the closest-theme pick."""
    out = []
    for i, (text, heard) in enumerate(zip(texts, read, strict=True)):
        own = names[i] if names is not None else ()
        question = asked[i] if asked[i] not in (None, _UNKNOWN) else ""
        proposal = " ".join(p for p in (title, question) if p)
        sides = [(a, b) for a, b in sentence_spans(text) if proposal and takes_side_only(text[a:b], proposal)]
        for a, b in [*((a, cut) for a, cut, _ in _self_described(text, own)), *sides]:
            heard = heard[:a] + " " * (b - a) + heard[b:]
        out.append(heard)
    return out


_TAKES_SIDE = re.compile(  # "I am writing to support a ban on pavement parking across England.", "We strongly
    # oppose the proposal.", "I agree that pavement parking should be banned."
    r"\W*(?:(?:yes|no)\W+)?(?:we|i)\s+(?:(?:am|are)\s+writing\s+to\s+|(?:would\s+like|wish|want)\s+to\s+)?"
    r"(?:(?:very\s+much|strongly|fully|wholeheartedly|firmly|entirely|completely|totally|wholly)\s+)?"
    r"(?:support|oppose|back|endorse|welcome|reject|object\s+to|(?:agree|disagree)\s+with"
    r"|(?:agree|disagree|accept)\s+that"
    r"|(?:am|are)\s+(?:(?:very|strongly|fully|firmly|wholly)\s+)?(?:in\s+favour\s+of|against|opposed\s+to"
    r"|supportive\s+of)|(?:express|register|voice|add|give)\s+(?:my|our)\s+(?:\w+\s+)?(?:support|opposition)"
    r"\s+(?:for|to))\b"
    r"(?P<object>(?![^.!?]*\b(?:because|as|since|but|so|although|though|however|while|whilst|given|which|who"
    r"|unless|if|especially|particularly|except)\b)[^.!?;:]*)[.!]?\s*",
    re.IGNORECASE)
_THE_PROPOSAL = frozenset({"proposal", "plan", "change", "idea", "measure", "option", "move", "ban"})
SIDE_SHARE = 0.75  # this share of what a side is taken on must be the proposal's words: a restatement


def takes_side_only(sentence: str, proposal: str) -> bool:
    """The sentence only takes a side on the consultation's proposal, in its own words (`proposal`: the
    consultation's title and the question answered, if known): "I am writing to support a ban on pavement
    parking across England." (coded displaced parking in each of a campaign's letters, the question's top
    theme), "We oppose the proposals.". Its stance is counted; it raises no theme. Not with a reason or a
    qualification ("..., because ...", "except ..."), nor on something else ("a ban near schools")."""
    m = _TAKES_SIDE.fullmatch(" ".join(sentence.split()))
    if m is None:
        return False
    said = _content_roots(m["object"]) - _THE_PROPOSAL
    own = _content_roots(proposal)
    return len(said & own) >= SIDE_SHARE * len(said)


def _unnamed(texts: Sequence[str], names: Sequence[Sequence[str]] | None) -> Sequence[str]:
    """Texts with their organisations' names blanked (same offsets): a name's words are no mention."""
    if names is None or not any(names):
        return texts
    from respmine.themes.rules import without_names

    return [without_names(t, n) if n else t for t, n in zip(texts, names, strict=True)]


_AGREES_THAT = re.compile(  # "We agree that secure schools should replace young offender institutions."
    r"\W*(?:(?:yes|no)\W+)?(?:we|i)\s+(?:\w+\s+)?(?:agree|disagree|accept)\s+(?:with\s+the\s+\w+\s+)?that\b"
    r"(?![^.!?]*\b(?:because|as|since|but|so|although|though|however|while|given)\b)[^.!?]*[.!?]?\s*",
    re.IGNORECASE)


_OPTION_WORDS = frozenset({"option", "question", "opsiwn", "cwestiwn"})  # (naming the option is `chosen`'s)
RESTATED_SHARE = 0.6  # this share of an agreeing sentence's content words are its question's: a restatement


def _content_roots(text: str) -> set[str]:
    return {word_root(w) for w in re.findall(r"[a-z][a-z'-]*", text.lower()) if w not in FUNCTION_WORDS}


_UNKNOWN = "\0"  # the question a text answers is not known: its form alone says whether it only agrees


def _restates(text: str, asked: str | None) -> bool:
    """The answer only says it agrees, in the agreement question's words and with no reason
    (`_AGREES_THAT`; RESTATED_SHARE of its content words are the question's): "We agree that secure schools
    should replace young offender institutions for under-18s." to "Do you agree that secure schools should
    replace young offender institutions for under-18s?". Not a point of its own ("We agree that families
    must be told the release date well in advance." to an open question, or in other words)."""
    if _AGREES_THAT.fullmatch(text.strip()) is None or not asked:
        return False
    if asked == _UNKNOWN:
        return True
    said = _content_roots(text[text.lower().find(" that ") :])
    return bool(said) and len(said & _content_roots(asked)) >= RESTATED_SHARE * len(said)


def _pickable(text: str, question: str | None, asked: str | None) -> bool:
    """Whether `at_least_one` may pick a theme for this text when nothing codes it: an answer, or a longer
    passage, yes; a remark of a few words outside any question ("Please keep justice local.", a
    campaign's closing line) gives a model too little to go on and a coder no question to read it by; nor
    an answer that only restates the proposal it agrees with (`_restates`: "We agree that secure schools
    should replace young offender institutions for under-18s." was picked resettlement, and quoted for it):
    its stance is counted, it raises no theme."""
    if _restates(text, asked):
        return False
    return question != GENERAL or len(text.split()) >= PICK_MIN_WORDS


def _gaps(found: list[dict[str, Tag]], texts: Sequence[str]) -> list[int]:
    """Segments with text that nothing has coded yet."""
    return [i for i, tags in enumerate(found) if not tags and texts[i].strip()]


def _parent_tag(theme: str, tags: dict[str, Tag], codebook: Codebook) -> Tag:
    """A parent implied by its children: their strongest evidence, marked as inherited."""
    kids = [t for t in tags.values() if theme in codebook.ancestors(t.theme)]
    best = max(kids, key=lambda t: t.confidence)
    return Tag(theme, best.confidence, f"{best.method.split('+')[0]}(child)", best.start, best.end)
