"""Questions that ask respondents to choose between lettered (or numbered) options ("Which option do you
prefer: A (all-in), B (on-the-go only) or C (no scheme)?"), and the option an answer chose.

A minister's first question about such a question is how many chose each option, as it is how many agreed
for a "Do you agree ...?" one. The options are the consultation's (`Question.options`) or read from the
words of a question that asks for a choice ("option", "prefer", "which", "choose"). An answer chooses the
option it says it prefers ("We prefer option B"), else the one it opens with ("Option B.", "B", "C. No
scheme", Welsh "Opsiwn A"), else the first it names without arguing against it ("rather than option C"),
else the one whose label its first sentence is or backs, in the label's words or its own ("I would back
handing the branches to community groups only if the council keeps paying for the book stock": option A).
A conditional choice is a choice: the condition is its reason, and the stance read from the answer (which
may be mixed) says how far it goes. An option named and then turned against is not chosen: someone else's
proposal judged wrong ("The council wants to hand the library to a community group, which is wrong"), an
option's heading over text saying it is bad or that the respondent cannot support it (`_turned_against`).
A respondent's closed cell ("B") decides over what their reasons go on to mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from respmine.structure.furniture import text_words
from respmine.structure.ticks import unticked

MIN_OPTIONS = 2
SEARCHED_CHARS = 300  # an answer names its choice at its start
SEVERAL = "several"  # a respondent who chose more than one option

_KEY = r"(?:[A-F]|[1-9])"
_WORD = r"(?:option|opsiwn|opción|opzione)"  # (English, Welsh; other languages' answers name it too)
_ASKS_CHOICE = re.compile(r"\b(?:options?|prefer(?:red|ence)?|choose|choice|which|select)\b", re.IGNORECASE)
_NOT_AN_OPTION = re.compile(  # a lettered thing that is not a choice offered: "Part A", "Annex D", "Plan B"
    r"\b(?:part|parts|annex|annexe|appendix|schedule|table|figure|type|grade|class|section|plan|vitamin|step"
    r"|phase|tier|band|category|article|paragraph|question|box|column|row|page|zone)\W*$", re.IGNORECASE)
_LABELLED = re.compile(  # "A (all-in: ...)", "(A) all-in", "A) all-in", "option B - on-the-go", "C: none"
    rf"(?:\b{_WORD}[ \t]+(?P<k1>{_KEY})\b|(?<![\w'’-])\((?P<k2>[A-Fa-f])\)"
    r"|(?<![\w'’(-])(?P<k3>[A-F])(?![\w'’-]))[ \t]*"
    r"(?:\((?P<l1>[^()]{1,120})\)|[:–—)-][ \t]*(?P<l2>[^,;.?()\n]{1,60}))?")
_LISTED = re.compile(  # "options A, B and C", "option A or B", "prefer, A or B?"
    rf"\b(?:{_WORD}s?|prefer\w*|choose)\W+(?P<keys>{_KEY}(?:[ \t]*(?:,|/|\bor\b|\band\b)[ \t]*{_KEY})+)\b",
    re.IGNORECASE)
_PREFERS = re.compile(  # "we prefer option B", "I support B", "we would choose option 2"
    rf"\b(?:prefer|preferred|support|supports|choose|chose|favou?r|back|opt for|go for|go with|vote for)\s+"
    rf"(?:for\s+)?(?:{_WORD}\s+)?({_KEY})\b(?!\s*(?:or|and|/)\s*(?:{_WORD}\s+)?{_KEY}\b)", re.IGNORECASE)
_EMPHASIS = r"(?:obviously|definitely|clearly|certainly|absolutely|of\s+course|for\s+sure)"  # "C obviously"
_OPENING = re.compile(  # "Option B ...", "B", "B.", "A - include everything", "C (no scheme)", "C. No scheme"
    # , "Q2 - C obviously", "Definitely B" (a key with a word of emphasis is as bare)
    rf"\W{{0,3}}(?:Q\d{{1,2}}[a-z]?[ \t]*[-–—:.)][ \t]*)?(?:{_EMPHASIS}[ \t,]+)?(?:{_WORD}[ \t]+({_KEY})\b"
    rf"|({_KEY})(?=[ \t]*(?:$|\n|[,:;)\]–—]|-[ \t]|\(|[ \t]{_EMPHASIS}[ \t]*(?:$|\n|[.,;:!])"
    r"|\.[ \t]*(?:$|\n|(?-i:[A-Z0-9\"“(]))))"  # (not "C. difficile")
    rf"|({_KEY})(?=[ \t]+[-–—][ \t]))", re.IGNORECASE)
_ALTERNATIVES = re.compile(rf"\s*(?:or|and|/|,)\s*(?:{_WORD}\s+)?{_KEY}\b", re.IGNORECASE)  # "A or B"
_NAMED = re.compile(rf"\b{_WORD}[ \t]+({_KEY})\b", re.IGNORECASE)
_AGAINST = re.compile(r"(?:\b(?:not|cannot|no|never|against|oppose[sd]?|reject|rather than|instead of|over"
                      r"|than|but|dislike)|n['’]t)(?:\W+\w+){0,2}\W*$", re.IGNORECASE)
_BARE = re.compile(rf"\W*(?:{_WORD}[ \t]+)?(?:[A-Fa-f]|[1-9])\W*", re.IGNORECASE)


def question_options(text: str, given: Mapping[str, str] | None = None) -> dict[str, str]:
    """The options a question offers, key ("A", or "1") -> its short label ("" when it has none): the
    consultation's own (`given`), else those the words of a question asking for a choice letter in order
    from A (or number from 1), at least two of them; {} for any other question ("Do you agree with the
    duties in Part A and Part B?", "What is your view on Plan B?")."""
    if given:
        return {str(k).strip().upper(): str(v).strip() for k, v in given.items()}
    if not _ASKS_CHOICE.search(text):
        return {}
    found: dict[str, str] = {}
    for m in _LABELLED.finditer(text):
        key = (m["k1"] or m["k2"] or m["k3"]).upper()
        label = (m["l1"] or m["l2"] or "").strip()
        named = bool(m["k1"] or m["k2"])
        if key in found or _NOT_AN_OPTION.search(text[: m.start()]) or not (named or label):
            continue
        found[key] = re.split(r"[:;,]", label, maxsplit=1)[0].strip()
    for m in _LISTED.finditer(text):
        for key in re.findall(_KEY, m["keys"]):
            found.setdefault(key.upper(), "")
    keys = sorted(found, key=lambda k: (k.isdigit(), k))
    first = "A" if keys and not keys[0].isdigit() else "1"
    run = "ABCDEF" if first == "A" else "123456789"
    if len(keys) < MIN_OPTIONS or not run.startswith("".join(keys)):
        return {}
    return {k: found[k] for k in keys}


def chosen(answer: str, options: Mapping[str, str]) -> str | None:
    """The option an answer chose: the one it says it prefers, else the one it opens with (not "Option A or
    B"), else the first it names without arguing against it; None when it names none of the options."""
    head = unticked(answer)[:SEARCHED_CHARS]  # ("[ ] Option A [X] Option B": the one ticked)
    if _BARE.fullmatch(head):  # a form's cell: "b", "Option 2"
        key = re.findall(_KEY, head.upper())[-1]
        return key if key in options else None
    if lists_every_option(head, options):
        return None
    stated = _stated(head, options)
    if stated:
        return stated[0]
    opening = _OPENING.match(head)
    if opening is not None and _ALTERNATIVES.match(head, opening.end()):
        return None  # "Option A or B": no one choice
    for m in _NAMED.finditer(head):
        key = m.group(1).upper()
        if key in options and not (_AGAINST.search(head[: m.start()])
                                   or _turned_against(head, m.end(), key, options)):
            return key
    return None


def _stated(head: str, options: Mapping[str, str]) -> tuple[str, int] | None:
    """(the option, where its mention ends) the answer says it prefers, opens with or backs by its label's
    words, unless what follows turns against it (`_turned_against`): then the choice, if any, is in what
    comes after ("The council wants to hand the library to a community group, which is wrong. We prefer
    option B.")."""
    stated = _preferred(head, options) or _opened_with(head, options) or _labelled(head, options)
    if stated is None or not _turned_against(head, stated[1], stated[0], options):
        return stated
    rest = _SENTENCE_END.search(head, stated[1])
    if rest is None:
        return None
    later = _stated(head[rest.end() :], options)
    return (later[0], rest.end() + later[1]) if later and later[0] != stated[0] else None


_SENTENCE_END = re.compile(r"[.!?\n]+\s*")
_BAD = (r"(?:mistake|error|wrong|bad idea|backward step|step backwards?|misguided|unworkable|disaster"
        r"|disastrous|unacceptable|unfair|damaging|harmful|short-sighted|non-starter|no good)")
_JUDGED = re.compile(  # the rest of its sentence judges what was named: "..., which is wrong"
    r"[^.!?\n]*?(?:,|;|:|\s[-–—])\s*(?:which|and\s+this|but\s+this|this|that|and\s+that)\s+(?:is|would\s+be"
    r"|will\s+be|seems|was)\s+(?:(?:also|simply|clearly|surely|plainly|just)\s+)?(?:(?:a|an|the)\s+)?"
    r"(?:(?:serious|big|major|grave|real|great|complete|terrible|huge)\s+)?" + _BAD + r"\b", re.IGNORECASE)
_WONT_BACK = (  # the respondent will not back it: "We cannot support it.", "we do not support this option"
    r"\b(?:we|i)\s+(?:\w+\s+)?(?:cannot|can['’]t|can\s+not|could\s+not|couldn['’]t|do\s+not|don['’]t|will\s+not"
    r"|won['’]t|would\s+not|wouldn['’]t|are\s+not\s+able\s+to)\s+(?:\w+\s+)?(?:support|back|endorse|accept"
    r"|agree\s+with|favou?r|recommend|choose)\b\s*(?:it|this|that|them|(?:this|that|the)\s+option"
    r"|(?:option|opsiwn)\s+{key})?\s*(?:[.!:;,]|$)")
_SAID_BAD = re.compile(  # a heading's first sentence calls it bad: "A mobile library is a bad idea"
    r"[^.!?\n]*?\b(?:is|are|would\s+be|will\s+be|seems)\s+(?:(?:a|an|the)\s+)?(?:(?:\w+)\s+)?" + _BAD + r"\b",
    re.IGNORECASE)


_REASON = re.compile(r"\b(?:because|since|as|unlike|whereas|while|given)\b", re.IGNORECASE)
_NOT_SO = re.compile(  # a judgement denied or someone else's, not the respondent's: "It is not a mistake to
    # trust volunteers", "Some say this is a mistake, but we disagree", "Some people think it is a bad idea"
    r"(?:\bnot|n['’]t|\bnever|\bhardly|\bno)\s+(?:(?:a|an|the|such|so|at|all|any|really|necessarily|by)\s+)*"
    r"(?:\w+\s+)?(?:" + _BAD[3:-1] + "|failed|fails|disaster|mistake)"
    r"|\b(?:some|many|others|people|critics|opponents|they)\b(?:\s+[\w'’-]+){0,3}?\s+(?:say|said|think|claim"
    r"|argue|believe|feel|fear|suggest)s?\b|\bwe\s+(?:\w+\s+)?disagree\b", re.IGNORECASE)


def _turned_against(head: str, end: int, key: str, options: Mapping[str, str]) -> bool:
    """What follows the option named (ending at `end`) turns against it: the rest of its sentence judges it
    wrong ("The council wants to hand the library to a community group, which is wrong": someone else's
    proposal, judged), the next sentence does by a pronoun for it (`_TURNS_ON`: "Option B. This would be a
    disaster"), a later one says the respondent cannot support it ("We cannot support it."; not another
    option named: "We cannot support option A"), or, under the option as a heading (a line of its own), the
    first sentence calls it bad ("A mobile library is a bad idea")."""
    judged = _JUDGED.match(head, end)
    if judged and not (_NOT_SO.search(judged.group()) or _names_other(judged.group(), key)
                       or _REASON.search(judged.group())):  # (not "A, as C would shut it, which is wrong")
        return True
    rest = _SENTENCE_END.search(head, end)
    if rest is None:
        return False
    following = _SENTENCE.search(head, rest.end())
    turned = _TURNS_ON.match(head, rest.start())  # (the next sentence: not "We support A, and that would be
    # a big improvement; closing it would be wrong")
    other = following is not None and _names_other(following.group(), key)
    if turned and not (other or _NOT_SO.search(turned.group())):
        return True
    wont = re.compile(_WONT_BACK.replace("{key}", re.escape(key)), re.IGNORECASE)
    for i, sentence in enumerate(_SENTENCE.finditer(head, rest.start())):
        text = sentence.group()  # (after the next sentence, "it" may be anything: "the option" names it)
        if (wont.search(text) and not _names_other(text, key) and not _NOT_SO.search(text)
                and (i == 0 or re.search(r"\b(?:option|opsiwn)\b", text, re.IGNORECASE))):
            return True
    heading = "\n" in head[end : rest.end()] and not head[end : rest.start()].strip()
    said = _SAID_BAD.match(following.group()) if heading and following is not None else None
    return (said is not None and not _NAMED.search(said.group()) and not _NOT_SO.search(said.group())
            and not _of_another(said.group(), key, options))


def _of_another(judged: str, key: str, options: Mapping[str, str]) -> bool:
    """Whether a judgement under option `key`'s heading ("A mobile library is a bad idea") is of another
    option: it uses words only another option's label has (a reason for `key`), none only `key`'s has."""
    from respmine.structure.question_matcher import stems  # (it reads options with this module)

    said = stems(judged)
    labels = {k: stems(label) for k, label in options.items()}
    own = labels.get(key, set()) - set().union(*(v for k, v in labels.items() if k != key))
    others = set().union(*(v for k, v in labels.items() if k != key)) - labels.get(key, set())
    return bool(said & others) and not said & own


def _names_other(sentence: str, key: str) -> bool:
    return any(m.group(1).upper() != key for m in _NAMED.finditer(sentence))


def respondents_choice(answers: Iterable[str], options: Mapping[str, str]) -> str | None:
    """One respondent's choice from their answers to the question (a form's closed cell and its reasons,
    a letter's paragraphs): a closed cell's ("B") decides; else the choices their answers state (preferring
    one, or opening with it), SEVERAL when they differ; else the first option they name. Reasons that
    mention another option ("Option A would leave small charities out") are no second choice."""
    texts = list(answers)
    for picked in ({c for t in texts if only_a_choice(t) and (c := chosen(t, options))},
                   {c for t in texts if (c := _states_choice(t, options))}):
        if picked:
            return SEVERAL if len(picked) > 1 else picked.pop()
    return next((c for t in texts if (c := chosen(t, options)) is not None), None)


def _states_choice(answer: str, options: Mapping[str, str]) -> str | None:
    """The option an answer states as its choice (preferring it, or opening with it to choose it), not
    one it only names or discusses ("Option A would leave ...")."""
    head = unticked(answer)[:SEARCHED_CHARS]
    stated = None if lists_every_option(head, options) else _stated(head, options)
    discussed = stated and re.match(r"(?:is|are|was|would|will|could|has|had)\b",
                                    head[stated[1]:].lstrip(" \t.,:;-–—"))
    return stated[0] if stated and not discussed else None


def _preferred(head: str, options: Mapping[str, str]) -> tuple[str, int] | None:
    """(the option, where its mention ends) the answer says it prefers ("we prefer option B"), not after
    a negation ("we do not support option A")."""
    for m in _PREFERS.finditer(head):
        written = m.group(1)  # ("support a national ban": an article, no option A; "support a." is one)
        if written == "a" and re.match(r"[ \t]+[a-z]", head[m.end() :]) and not re.search(
                rf"{_WORD}\s+\S+$", m.group(0), re.IGNORECASE):
            continue
        if written.upper() in options and not _AGAINST.search(head[: m.start()]):
            return written.upper(), m.end()
    return None


def _opened_with(head: str, options: Mapping[str, str]) -> tuple[str, int] | None:
    """(the option, where its mention ends) the answer opens with, unless it opens with several ("Option
    A or B")."""
    opening = _OPENING.match(head)
    if opening is None or _ALTERNATIVES.match(head, opening.end()):
        return None
    key = next(g for g in opening.groups() if g).upper()
    return (key, opening.end()) if key in options else None


def names_one_option(text: str, options: Mapping[str, str]) -> str | None:
    """The option a short piece names and says nothing else: its key with its label's words or some of
    them ("Option B, mixed use with housing", "C - keep as now"), or its label's words alone where they are
    no other option's ("Mixed use with housing", "National prohibition"): a closed answer written out. A
    piece naming several ("Option A: retail-led, Option B: ...") or saying more names none."""
    words = text_words(text)
    words = words[1:] if words[:1] in (["option"], ["opsiwn"]) else words
    labels = {key.lower(): set(text_words(label)) - _LINKING_WORDS for key, label in options.items()}
    if words and words[0] in labels and set(words[1:]) - _LINKING_WORDS <= labels[words[0]]:
        return words[0].upper()
    said = set(words) - _LINKING_WORDS  # (else the label alone: "A national prohibition" is no option A)
    fits = [key for key, label in labels.items() if said and said <= label]
    if len(fits) != 1:
        return None
    others = set().union(*(label for key, label in labels.items() if key != fits[0]))
    return fits[0].upper() if said - others else None


_LINKING_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "with", "as", "is"})
_SENTENCE = re.compile(r"[^.!?\n]+")
_PREFERS_LABEL = re.compile(  # "We would support a national prohibition, ...", "I prefer mixed use", "The
    # council supports closing the branches", "We are in favour of handing libraries to community groups"
    r"\b(?:prefers?|supports?|favou?rs?|choose|opt for|go for|go with|back|backs|vote for|wants?"
    r"|(?:are|am|is|be) in favou?r of)\s+"
    r"(?P<named>[^.,;:!?()\n]{3,80})",
    re.IGNORECASE)
_CONDITION = re.compile(  # where what is backed ends and its condition or reason begins
    r"\b(?:only\s+if|if|unless|provided|providing|as\s+long\s+as|so\s+long\s+as|on\s+condition|subject\s+to"
    r"|because|since|as|but|though|although|while|whereas|which|so\s+that|where|when|rather\s+than"
    r"|instead\s+of)\b", re.IGNORECASE)
CORE_WORDS = 3  # words of what an option does (its label's first clause) an answer in other words must use


def names_in_other_words(text: str, options: Mapping[str, str]) -> str | None:
    """The option whose label a piece backed (`_PREFERS_LABEL`'s `named`) says in its own inflections and
    order, with more words of its own: "handing the branches to community groups only if the council keeps
    paying" for "hand the library to a community group, with a council grant for three years". Up to its
    condition or reason (`_CONDITION`), the piece uses CORE_WORDS of the words (stems, `stems`) of the
    label's first clause (what the option does; all of them where it has fewer), two of them no other
    option's label uses (words every option shares name the subject, not the choice: "the move to reduce
    standing charges" is not "move part of the standing charge onto unit rates"), half or more of the
    piece's own words are the label's, and no other option's label has as many of them.
    A word or two of a label ("a council grant for the book stock") names none."""
    from respmine.structure.question_matcher import stems  # (it reads options with this module)

    said = stems(_CONDITION.split(text, maxsplit=1)[0])
    labels = {key: stems(label) for key, label in options.items()}
    shared = {key: said & label for key, label in labels.items()}
    ranked = sorted(shared, key=lambda k: -len(shared[k]))
    if not said or not ranked or (len(ranked) > 1 and len(shared[ranked[0]]) == len(shared[ranked[1]])):
        return None
    key = ranked[0]
    core = stems(re.split(r"[,;:(]", options[key], maxsplit=1)[0])
    others = set().union(*(label for k, label in labels.items() if k != key))
    distinct = core - others  # (not the subject all the options share: "library", "standing charge")
    enough = (len(said & core) >= min(CORE_WORDS, len(core)) and len(said & core) >= 2
              and len(said & distinct) >= min(2, len(distinct)))
    return key if enough and shared[key] - others and 2 * len(shared[key]) >= len(said) else None


_TURN = (r"(?:oppose[sd]?|against|reject(?:ed)?|failed|fails|would fail|not work|no good|wrong|mistake"
         r"|disaster|unworkable)\b")
_TURNS_ON = re.compile(  # the next sentence argues against what the first named, by a pronoun for it
    # ("Regional commissioning. We oppose it", "Local licensing\nThis has been tried and failed"; not "No
    # change. We do not think any change is needed.", "National prohibition. Local licensing would not work")
    r"[.!\s]*[^.!?\n]{0,60}?(?:\b(?:it|this|that|they|these)\b[^.!?\n]{0,60}?\b" + _TURN
    + r"|\b" + _TURN + r"\s+(?:it|this|that|them|these)\b)", re.IGNORECASE)
OTHERS_PREFER = re.compile(  # the preference is someone else's, or a past or hard one ("Some councils
    # support local licensing", "Few of our members support ...", "We used to support ...")
    r"\b(?:some|many|most|few|several|others?|those|they|people|nobody|no one|anyone|everyone|who|which"
    r"|used to|hard to|difficult to|impossible to|why would|councils|members)\b", re.IGNORECASE)


def _label_first(head: str, first: re.Match[str], options: Mapping[str, str]) -> str | None:
    """The option whose label the answer's first sentence is, unless that sentence is only a key (left to
    `_opened_with`, which knows "C. difficile" is none) or a question ("Local licensing? It has failed."),
    or what follows argues against it ("Regional commissioning. We oppose it") or prefers another ("No
    ban. We want a national ban.")."""
    words = [w for w in text_words(first.group()) if w not in ("option", "opsiwn")]
    key = names_one_option(first.group(), options) if len(words) > 1 else None
    if key is None or head[first.end() : first.end() + 1] == "?" or _TURNS_ON.match(head, first.end()):
        return None
    later = {names_one_option(m["named"], options) for m in _PREFERS_LABEL.finditer(head, first.end())
             if not _AGAINST.search(head[_sentence_start(head, m.start()) : m.start()])}  # (not "We would
    # not support a national ban")
    return key if later <= {None, key} else None


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(mark, 0, at) for mark in ".!?\n") + 1


def _labelled(head: str, options: Mapping[str, str]) -> tuple[str, int] | None:
    """(the option, where its mention ends) the answer's first sentence chooses by its label's words: the
    sentence is the label ("Mixed use with housing."), or prefers it ("We support a national
    prohibition, with exemptions"; or in other words, `names_in_other_words`), not after a negation ("we do
    not support a national prohibition")."""
    first = _SENTENCE.search(head)
    if first is None:
        return None
    if key := _label_first(head, first, options):
        return key, first.end()
    for m in _PREFERS_LABEL.finditer(head, first.start(), first.end()):
        key = names_one_option(m["named"], options) or names_in_other_words(m["named"], options)
        if key and not _AGAINST.search(head[: m.start()]) and not OTHERS_PREFER.search(head, first.start(),
                                                                                          m.start()):
            return key, m.end()
    return None


def lists_every_option(text: str, options: Mapping[str, str]) -> bool:
    """The text names every option of the question and says nothing besides their labels ("Option 1 Option
    2 Option 3", "Option A: retail-led Option B: mixed use ..."): the question's printed list (a form's
    boxes whose ticks were not read), no choice."""
    named = {m.group(1).upper() for m in _NAMED.finditer(text)}
    if len(options) < MIN_OPTIONS or not set(options) <= named:
        return False
    said = set(text_words(_NAMED.sub(" ", text))) - _LINKING_WORDS
    return said <= set().union(*(set(text_words(label)) for label in options.values()))


def letters_choice(text: str, options: Mapping[str, str]) -> str | None:
    """The option a letter's paragraph chooses by name ("We prefer a national ban (option 3).", "which I
    understand is option 3"): its word and its key as written (a capital or a digit: not "the only option
    a small shop has"), not argued against before it, nor discussed after it ("Option 3 would be a
    disaster"), nor a number going on ("my only option 1 day a week"). None when it names none so, or only
    lists them all (`lists_every_option`)."""
    if lists_every_option(text, options):
        return None
    for m in _NAMED.finditer(text):
        key, after = m.group(1), text[m.end() : m.end() + 40]
        if not (key.isdigit() or key.isupper()) or key.upper() not in options:
            continue
        if _DISCUSSED.match(after) or _GOES_ON.match(after) or _AGAINST.search(text[: m.start()]):
            continue
        return key.upper()
    return None


_DISCUSSED = re.compile(r"\s*(?:is|are|was|were|would|will|could|can|has|had|must|may|might|does|do)\b",
                        re.IGNORECASE)
_GOES_ON = re.compile(  # a lower-case word goes on after the key, not a linking word: "option 1 day a week"
    r"[ \t]+(?!(?:as|because|since|which|with|and|or|for|so|to|in|of|over|rather|instead)\b)[a-z]")


def only_a_choice(text: str) -> bool:
    """The text is nothing but an option's key ("B", "Option A.", "2"): a form's cell, no view of its own."""
    return _BARE.fullmatch(unticked(text)) is not None
