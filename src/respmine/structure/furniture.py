"""Letter furniture: what surrounds a response but is not part of it.

Salutations, sign-offs and contact offers, covering notes, a response form's instructions, reference
lines ("Re: ...", "Subject: ..."), titles, name-and-role lines, addresses, dates and page furniture, and
where a letter's closing begins. Segmentation leaves these out, so they never reach theme coding, topics
or quotes; every rule keeps a short statement ("We oppose this.") as content.
"""

from __future__ import annotations

import re

# "Regards" on its own closes a letter; "Regards the plan, ..." does not
_VALEDICTION = (r"yours (?:faithfully|sincerely|truly|ever)|(?:kind|best|warm|warmest) (?:regards|wishes)"
                r"|with best wishes|regards(?:,|[ \t]*(?:\n|$))")
_CONTACT_OFFER = (r"please (?:do not hesitate to |don't hesitate to |feel free to )?(?:contact|get in touch)"
                  r"|if you (?:would like|wish|have any|need|require) .{0,60}"
                  r"(?:discuss|questions|contact|further|information)"
                  r"|(?:i|we) (?:can|may) be (?:contacted|reached)")
_CLOSING = re.compile(  # where a letter's closing begins: what follows is not the last answer
    rf"^\s*(?:{_VALEDICTION}|{_CONTACT_OFFER}|thank you for (?:the|this) opportunity)", re.IGNORECASE)
_FURNITURE_START = re.compile(  # a salutation, sign-off or contact offer, with what follows it
    rf"^\s*(?:{_VALEDICTION}|{_CONTACT_OFFER}|many thanks,|dear\b|to whom it may concern"
    r"|(?:my|our) contact details)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z0-9']+")
# A word followed by a full stop, question or exclamation mark. Tried only where a run of these characters
# begins (a quote or bracket may open it: "'yes."), not at each of its letters: each try reads to the
# run's end, which made a long run ("aaaa...") quadratic. Only whether it is found is used.
_SENTENCE = re.compile(r"(?<![a-z)\]'\"”’])[)\]'\"”’]*[a-z][a-z)\]'\"”’]*[.?!]")
_NEXT_SENTENCE = re.compile(r"[.?!][\"”’')]*\s+[A-Z]")  # a second sentence starts
SHOUTED_WORDS = 5  # text in capitals with this many words or more is shouted prose, read as if in lower case
_LOWER = re.compile(r"[^\W\d_A-Z]")  # (any letter not a capital: a lower-case one, in any alphabet)
_CAPITAL = re.compile(r"[A-Z]")
_SHOUT_END = re.compile(r"[.?!][)\]'\"”’]*\s*\Z")  # shouted prose ends a sentence
_EXCLAIMED = re.compile(r"[A-Z]!+[)\]'\"”’]*\s*\Z")  # "SCRAP THE STANDING CHARGE!": no heading, however short
_CONTACT_LINE = re.compile(  # a postcode, an e-mail address or a labelled phone/e-mail line: an address block
    r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b|(?<!\S)\S[^\s@]*@\S+\.\w+"  # e-mail: see `_NOT_A_FULL_STOP`
    r"|^[^\S\n]*(tel|telephone|phone|mobile|e-?mail|fax)\b"  # (within its line: linear on blank lines)
    r"|\bregistered (charity|company)|\b(charity|company) (no|number)\b",
    re.MULTILINE | re.IGNORECASE,
)
_NOT_A_FULL_STOP = re.compile(  # dots that end no sentence: e-mail addresses, URLs, "no. 12"
    # (an address is the whole run of non-spaces around a '@': matched from the run's start only, as
    # `\S+@\S+` matched it, without reading the run again from each of its characters)
    r"(?<!\S)\S[^\s@]*@\S+|\b(?:https?://|www\.)\S+|\bno\.(?=\s*\d)", re.IGNORECASE)
_BROKEN = re.compile(  # a piece of a sentence cut by a line break, not a heading: starts in lower case or
    # ends mid-phrase (a comma, a hyphen, "of", "the", ...)
    r"\A\s*[a-z]|(?:[,;(\-–]|\b(?:and|or|of|the|a|an|to|for|in|with|on|by|that|which|as|at|from|its|their))\s*\Z"
)
_TITLE = re.compile(  # "X: response to the consultation on ...", "Consultation response"
    r"\b(response|submission|reply|evidence)\b.{0,80}\bconsultation\b|\bconsultation (response|submission)\b",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(  # a letter's or e-mail's reference line, not what the respondent says
    r"^\s*(?:(?:re|fw|fwd|subject|ref|reference|our ref|your ref|date|from|to|cc|sent)\s*:|submitted by\b"
    r"|-{2,}\s*(?:forwarded|original) message\s*-{2,}|begin forwarded message:)",
    re.IGNORECASE,
)
_REPLY = re.compile(r"\s*(?:-{2,}\s*original message\s*-{2,}|on\b[^\n]{5,150}\bwrote:[ \t]*$)",
                    re.IGNORECASE | re.MULTILINE)
_RESPONSE_ATTACHED = (  # "Our response to the Library Service Review is attached.": where the response is
    r"(?:(?:my|our|the|this|[\w&.-]+['’]s?)\s+)?(?:[\w'’&.-]+\s+){0,4}?(?:response|submission|reply|comments"
    r"|answers)(?:\s+(?:to|on)\s+(?P<attached_title>[^.!?;:]{3,150}?))?\s+(?:is|are)\s+(?:attached|enclosed"
    r"|(?:set out )?below)(?:\s+(?:to|with)\s+this\s+(?:e-?mail|letter|message))?")
_COVER = re.compile(  # a covering note's one sentence: what is sent, by whom, in reply to what
    r"^\s*(?:please find (?:attached|enclosed|below)|(?:attached|enclosed) (?:is|are|please find)"
    r"|(?:forwarded|sent|submitted) on behalf of"
    # in whose name: "I am writing in a personal capacity and not on behalf of the council or my group."
    r"|(?:i am|i[’']m) (?:writing|responding|replying)(?: to (?:you|this consultation))?"
    r" (?:purely |solely |entirely |only )?(?:in (?:a|my) (?:personal|private|individual) capacity"
    r"|as an? (?:private )?individual|as a member of the public)"
    r"(?:,? (?:and )?not (?:on behalf of|for|as a representative of) [^.!?;:]{3,80})?\W*$"
    r"|(?:i am|i[’']m|we are) writing (?:as an? (?:supporter|member) of [^.!?;:,]{3,80}? )?(?:in response to"
    r"|to respond to|in reply to|regarding|with regard to|about) (?:the|your|this)\b"
    r"|(?:i|we) would like to (?:respond|reply) to (?:the|your|this)\b"  # ... and nothing more ("I would
    r"(?=[^.!?;:,]{0,80}\b(?:consultation|call for evidence|review)[.!\s]*$)"  # like to respond to the
    # consultation by saying that a ban is overdue" says something)
    r"|" + _RESPONSE_ATTACHED + ")",  # "Our response to the Library Service Review is attached."
    re.IGNORECASE,
)
_CAMPAIGN_COVER = re.compile(  # "I am writing in support of the Clear Our Pavements campaign.": what the
    # letter is (what it says follows), no theme
    r"^\W*(?:i am|i[’']m|we are) writing (?:in support of|as (?:an? )?supporters? of) (?:the )?(?-i:[A-Z])"
    r"[^.!?;:,]{2,80}\bcampaign\W*$", re.IGNORECASE)
_ONLY_WHICH = (r"(?:(?!\b(?:because|as|but|since|so|which|although|though|while|whereas|we|i|is|are|was|were"
               r"|be|should|must|need|needs|would|will|can|cannot|could|support|oppose|agree|disagree)\b)"
               r"[^.!?;])")  # which questions are answered, not why (a reason, or a view stated after it)
_BARE_OPENER = re.compile(  # a whole paragraph that only greets or introduces the answers below it
    r"^\W*(?:(?:hello|hi|greetings|good (?:morning|afternoon|evening))(?:\s+(?:there|all|everyone|both|team"
    r"|colleagues|(?-i:[A-Z][\w'’.-]*)))?[ \t]*[,.!:]?"  # "Hello,", "Hi Jane," (not "Hello I oppose this.")
    r"|here (?:are|is) (?:my|our) (?:views|comments|response|answers|thoughts|submission)"
    r"(?: (?:to|on) (?:the|your|this) (?:consultation(?: questions)?|questions))?(?: below)?"
    r"|(?:my|our) (?:views|comments|answers|responses?) (?:are|is|follows?)(?: set out)? (?:below|as follows"
    r"|attached)|please see (?:below|attached|(?:my|our) (?:response|comments|views|answers)(?: below"
    r"| attached)?)"
    # "We will confine our response to questions 2 and 4.", "We have answered only the questions relevant
    # to our work.": which questions follow, no view (a trial's was coded as the consultation process)
    r"|(?:we|i) (?:will|shall|have|would like to)? ?(?:confine|limit|restrict)(?:ed)? (?:our|my) (?:response"
    r"|comments|answers|remarks|submission) to (?:the |those |a few )?(?:questions?|sections?|parts?"
    r"|chapters?|q\d+|(?:areas?|matters?|issues?|proposals?) (?:relevant to|within"
    r"|in (?:part|section|chapter))\b)\b"
    + _ONLY_WHICH + "{0,80}"  # (to questions: "... to the appalling state of resettlement" is a view)
    r"|(?:we|i) (?:have|will|shall)? ?(?:only )?(?:answered|respond(?:ed)?|comment(?:ed)?)(?: only)? "
    r"(?:to |on )?(?:the |those )?questions? (?:\d[\d, and]*|(?:most |directly )?relevant to (?:us|me"
    r"|our (?:work|organisation"
    r"|members))|where we have (?:experience|expertise|something to say))" + _ONLY_WHICH + r"{0,80})\W*$",
    re.IGNORECASE,
)
_LATE_APOLOGY = re.compile(  # an apology for the response's own lateness, nothing else
    r"^\W*(?:(?:my |our )?apologies|(?:i|we) apologi[sz]e|(?:i am|i'm|we are|we're) sorry|sorry)\b"
    r"(?=[^.!?\n]*\b(?:response|reply|submission|comments|this|it)\b)"
    r"(?=[^.!?\n]*\b(?:late|lateness|delay(?:ed)?|after the (?:deadline|closing date))\b)"
    r"(?![^.!?\n]*(?:\b(?:but|however|although|though|because|as|and)\b|[-–—:;]))"  # nothing else said
    r"[^.!?\n]{0,140}\W*$",
    re.IGNORECASE,
)
_INSTRUCTION = re.compile(  # a response form's own instructions to whoever fills it in, perhaps after the
    # department's name ("Department of Health and Social Care. Please answer as many of the questions ...")
    r"^\s*(?:(?=[^.\n]*\b(?:Department|Ministry|Office|Agency|Council|Government|Executive|Authority)\b)"
    r"(?-i:[A-Z])[\w&'’-]*(?:[ \t]+(?:of|and|for|the|(?-i:[A-Z])[\w&'’-]*)){0,8}\.[ \t]+)?"
    r"please (?:answer|complete|tick|type|use|return|fill in|read|write|continue)\b[^.\n]{0,80}"
    r"\b(?:questions?|box(?:es)?|form|sections?|space)\b",
    re.IGNORECASE,
)
_MAIL_FOOTER = re.compile(  # a mail program's line under a message, alone in its paragraph
    r"^\s*(?:sent from (?:my )?(?:[\w-]+[ \t]+){0,3}[\w-]+|get outlook for \w+)[ \t]*\.?\s*$", re.IGNORECASE)
_DEADLINE = re.compile(  # the form's closing date beside its instructions, not the respondent's "must"
    r"(?:^|(?<=[.!?])\s+)(?:(?:all |completed )?(?:responses?|forms?|comments|submissions?|replies)"
    r" (?:must|should) (?:be )?(?:received|returned|submitted|sent)\b|the consultation (?:closes|ends)\b)"
    r"[^.!?\n,;]{0,80}[.!]?",
    re.IGNORECASE,
)
_VIEW = re.compile(  # ... unless it also states a view
    r"\b(?:support|oppose|object|agree|disagree|welcome|concern(?:ed|s)?|urge|should|must|reject)\b",
    re.IGNORECASE,
)
_THANKS = (r"(?:many |warm )?thanks?(?: you)?|(?:is|are|am|we[’']re|i[’']m) (?:very |most )?grateful"
           r"|welcomes?|appreciates?|(?:is|are|am|we[’']re|i[’']m) (?:very )?(?:pleased|glad|delighted|happy)"
           r" to (?:have|be given)")
_RESPOND = (r"(?:comment|respond|reply|contribute|take part|submit(?: evidence)?|participate"
            r"|share (?:our|my) views|give (?:our|my) views)")
_CHANCE = (rf"(?:the|this|an) (?:opportunity|chance|invitation) to {_RESPOND}"
           r"|the consultation|this consultation")
_ITS_TITLE = (r"(?:\s+(?:on|to|in)\s+(?:this|the|your)\s+(?:[\w-]+\s+){0,3}?(?:consultation|proposals"
              r"|consultation paper|consultation document|call for evidence|review))?"
              r"(?:\s+on\s+(?P<title>[^.!?;:,]{3,60}))?")  # "... on <its title>" (`_title_case`)
_COURTESY = re.compile(  # a whole sentence of thanks, welcome or hope; nothing else in it
    r"^\W*(?:"
    rf"(?:(?:[\w'’&.-]+\s+){{0,8}}?(?:{_THANKS})\s+(?:you\s+)?(?:for\s+)?(?:{_CHANCE})"
    rf"|(?:(?:we|i) (?:are|am)|i[’']m|we[’']re) (?:very )?(?:pleased|glad|delighted|happy) to {_RESPOND})"
    + _ITS_TITLE
    + r"|(?:many )?thanks?(?: you)? for (?:your (?:time|attention|consideration)|considering (?:our|my|these)"
    r" (?:views|response|comments|submission))"
    # thanks alone, as its own sentence ("Thank you!", "THANK YOU!", "Diolch yn fawr."): read as shouted
    # prose in capitals (`shouted`), it had become a general comment under the message it closes
    r"|(?:many |warm )?thanks?(?: you)?(?: (?:very|so) much| again)?|diolch(?: yn fawr)?(?: iawn)?"
    r"|(?:we|i) (?:hope|trust) (?:that )?(?:this|these|our|my)(?: (?:response|comments?|submission|views"
    r"|reply))? (?:is|are|will be|proves?|prove) (?:helpful|useful|of (?:some )?(?:help|use|assistance"
    r"|interest))"
    # an offer to say more: "We would be happy to discuss it with officers."
    r"|(?:we|i) (?:would|will|should|shall) (?:also )?be (?:very )?(?:happy|pleased|glad|delighted|willing)"
    r" to (?:discuss|meet|talk|expand on|explain|provide (?:further|more) (?:information|detail|evidence))"
    r"(?: (?:it|this|these|them|our (?:response|comments|views|submission)"
    r"|(?:any of )?(?:these|the) points))?"
    r"(?: (?:further|in (?:more|greater|further) detail))?"
    r"(?: (?:(?:with|to) )?(?:you|officers|council officers"
    r"|(?:the|your) (?:council|department|team|officials)))?"
    r"(?: to discuss (?:it|this|these|them|our (?:response|comments|views|submission)))?"
    r")\W*$",
    re.IGNORECASE,
)
_BARE_COVER = re.compile(  # the cover's own words, the consultation it answers, its title: nothing else
    r"^\W*(?:please find (?:attached|enclosed|below)|(?:attached|enclosed) (?:is|are|please find)"
    r"|(?:forwarded|sent|submitted) on behalf of|(?:i am|i[’']m|we are) writing (?:as an? "
    r"(?:supporter|member) of [^.!?;:,]{3,80}? )?(?:in response to|to respond to|in reply to|regarding"
    r"|with regard to|about)"
    r"|(?:i|we) would like to (?:respond|reply) to)\s+(?:[\w'’&.()-]+\s+){0,6}?"
    r"(?:(?:consultation|consultation paper|consultation document|call for evidence|review)"
    r"(?:\s+(?:on|about|regarding)\s+(?P<title>[^.!?;,]{3,150}?))?|response|submission|comments|views)"
    r"(?:,?\s+(?:as an? (?:supporter|member|volunteer|resident)|on behalf) of\s+[^.!?;:,]{3,80})?\W*$",
    re.IGNORECASE,
)
_ATTACHED = re.compile(r"^\W*" + _RESPONSE_ATTACHED + r"\W*$", re.IGNORECASE)  # and nothing more
_A_CHANGE = re.compile(  # what a title does not say: a change the respondent is writing about
    r"\b(?:proposals?|plans?|our|my|clos(?:e|es|ed|ing|ure)|cut(?:s|ting)?|scrap\w*|abolish\w*"
    r"|end(?:s|ed|ing)?|reduc\w*|privati[sz]\w*|merg\w*|replac\w*|remov\w*|withdraw\w*)\b",
    re.IGNORECASE)
_NOT_A_TITLE = re.compile(  # "... comment on behalf of the Trust", "... on this", "... on these proposals"
    r"(?:behalf of\b|(?:this|these|them|it|the proposals?|these proposals?|the consultation)\W*$)",
    re.IGNORECASE)
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")  # a word of a title, in any alphabet
_TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "the", "of", "in", "on", "for", "to", "with", "by", "at",
                                "from", "or", "its", "their", "our"})
_NOT_COURTESY = re.compile(  # a contrast, a negation or a view: the sentence says something
    r"\b(?:but|however|although|though|yet|while|whilst|not|no|never|concern(?:s|ed)?|oppose[sd]?|object"
    r"|disagree|urge|should|must|reject|too|short|insufficient|inadequate|disappoint\w*)\b|n[’']t\b",
    re.IGNORECASE,
)
_PAGE_AT_END = re.compile(r"(?<!\d)\d{1,4}\Z")  # a contents line's page number ...
_LEADER_AT_END = re.compile(r"(?:\.\s?){3}\.\Z|…\s?…\Z")  # ... after a dot leader: "Summary ..... 3"
_BULLET = re.compile(r"^[^\S\n]*([-•*▪‣◦]|\(?[a-z0-9]{1,2}[.)])\s", re.MULTILINE)  # (within its line)
_SIGNED_CONTACT = re.compile(  # a labelled phone number or an e-mail address anywhere in a short paragraph
    r"\b(?:tel|telephone|phone|mobile|mob)\b[.:]?[^\S\n]*[+(\d][\d ()-]{5,}|(?<!\S)\S[^\s@]*@\S+\.\w+",
    re.IGNORECASE)  # (a number of six digits or more: "Phone 999 and they hang up" is said)
FURNITURE_MAX_WORDS = 40  # a sign-off or contact block longer than this is read as content
HEADING_MAX_WORDS = 20  # a title, heading or name-and-role line; longer unpunctuated text is read as content
TITLE_SHARE = 0.75  # share of the words naming the consultation that must be its title's (`names_title`)
STEM_LETTERS = 5  # a title's words compare by their first letters: "reduce" and "reducing" are one
SHORT_LINE_WORDS = 8  # lines this short are headings, names, roles or address lines, whatever their case
_STATEMENT = re.compile(  # words that make a fragment a statement rather than a heading or a name line
    r"\b(i|we|our|my|me|us|is|are|was|were|be|been|should|must|will|would|can|cannot|could|do|does|did|"
    r"don't|not|no|support|supports|oppose|opposes|agree|disagree|want|need|needs|welcome|please)\b",
    re.IGNORECASE,
)


def shouted(text: str) -> bool:
    """Written all in capitals, SHOUTED_WORDS words or more ("STANDING CHARGES SHOULD BE SCRAPPED. I PAY
    OVER 300 POUNDS A YEAR ..."): prose in capitals, not a heading or a letterhead line, so its sentences
    are read as if in lower case (`has_sentence`). In capitals it had no sentence: a trial's e-mail
    written so answered no question and chose no option. It ends a sentence, or is longer than a heading
    (HEADING_MAX_WORDS): read in lower case, a heading's label or abbreviation ("PART A. GENERAL COMMENTS
    ON ...", "ST. JOHN'S PARISH COUNCIL RESPONSE ...") made a sentence, and the heading content. Shorter,
    an exclamation of two words or more ("SCRAP THE STANDING CHARGE!", "I OPPOSE THIS!"): no heading ends
    so, and as one the e-mail that said only that was dropped."""
    words = len(text_words(text))
    return (_LOWER.search(text) is None and _CAPITAL.search(text) is not None
            and ((words >= SHOUTED_WORDS
                  and (_SHOUT_END.search(text) is not None or words > HEADING_MAX_WORDS))
                 or (words >= 2 and _EXCLAIMED.search(text) is not None)))


# a consultation's call to respond, as its leaflet's or document's banner prints it ("HAVE YOUR SAY!")
_CALL = re.compile(
    r"\b(?:have your say|tell us what you think|we want to hear from you|we want (?:to hear )?your views"
    r"|your (?:views?|voice|say) (?:matters?|counts?)|get involved|take part|join the (?:conversation|debate)"
    r"|(?:share|give) (?:us )?your views|help (?:us )?shape|(?:the )?future of|(?:public )?consultation"
    r"|engagement|survey|response form|(?:is )?(?:now )?open|now)\b", re.IGNORECASE)


def is_banner(text: str, title: str = "") -> bool:
    """A line in capitals of nothing but a consultation's call to respond (`_CALL`: "HAVE YOUR SAY!",
    "PUBLIC CONSULTATION: TELL US WHAT YOU THINK") and, given the consultation's `title`, the title's own
    words ("HAVE YOUR SAY ON STROKE SERVICES"): the banner of the consultation's leaflet or document copied
    into a response, which states no view. Shouted ("HAVE YOUR SAY!") it read as an exclamation, a
    sentence the respondent said. A word that is neither ("SAVE WESTBURY STROKE UNIT!", "HAVE YOUR SAY:
    KEEP WESTBURY OPEN!") makes it the respondent's; in lower case it is a sentence's words."""
    line = text.strip()
    if (not line or "\n" in line or _LOWER.search(line) is not None
            or len(text_words(line)) > HEADING_MAX_WORDS or not _CALL.search(line)):
        return False
    rest = _title_words(_CALL.sub(" ", line))
    own = title_stems(title) if title else set()
    return all(_stem(w.lower()) in own for w in rest)


def _sentence_in(text: str) -> bool:
    """`has_sentence` on text with its e-mail addresses, URLs and "no. 12" blanked."""
    return has_sentence(_NOT_A_FULL_STOP.sub(" ", text))


def is_header_line(line: str) -> bool:
    """A reference line at a paragraph's head: "Re: ...", "Subject: ...", "Submitted by ...", a
    "... consultation response" title, a forwarded-message separator."""
    if _sentence_in(line):
        return False  # "Re: our response is below." says something
    return _HEADER_LINE.match(line) is not None or (  # a title, not a wrapped line of a sentence
        _TITLE.search(line) is not None and len(text_words(line)) <= HEADING_MAX_WORDS
        and not _STATEMENT.search(line) and not _BROKEN.search(line)
    )


_LABEL_LINE = re.compile(  # a line that only labels or covers a document, in capitals as in lower case
    r"\W*(?:(?:please\s+)?see\s+(?:attached|enclosed|below)|(?:for\s+(?:your\s+)?information|fyi)"
    r"|(?:private\s+(?:and|&)\s+|strictly\s+)?confidential|official(?:\s+sensitive)?|not\s+for\s+publication"
    r"|in\s+confidence|(?:annex|appendix|attachment|enclosure|schedule|atodiad)\s+\w{1,4}"
    r"|gweler\s+(?:ynghlwm|atodedig|isod)|cyfrinachol"  # (Welsh: see attached / below; annex; confidential)
    r"|.*\b(?:ltd|limited|plc|llp|cic|inc|cyf)\.?)\W*", re.IGNORECASE)


def said_in_a_line(text: str) -> bool:
    """A short line in capitals, of two words or more, read as a heading (`is_heading`; not a salutation,
    sign-off, reference line or contact line): in a document with nothing else ("SCRAP THE STANDING
    CHARGE" as an e-mail's whole body) it heads nothing, and is what the respondent says
    (`structure.questions`). Not a line in lower case: "See attached", "FYI", "Our response", a name; nor
    one that only labels or covers a document, whose capitals say no more ("SEE ATTACHED", "PRIVATE AND
    CONFIDENTIAL", "ANNEX A", "ACME ENERGY LTD": `_LABEL_LINE`)."""
    return (_LOWER.search(text) is None and _CAPITAL.search(text) is not None and len(text_words(text)) >= 2
            and is_heading(text) and _FURNITURE_START.match(text) is None and not is_header_line(text)
            and _CONTACT_LINE.search(text) is None and _MAIL_FOOTER.match(text) is None
            and _BARE_OPENER.match(text) is None and _LABEL_LINE.fullmatch(text.strip()) is None)


def signs_in_mixed_case(text: str) -> bool:
    """A line with lower-case letters that is no mail program's footer, contact or reference line ("John
    Smith", "Regards, Ann"): under lines in capitals (`said_in_a_line`) the message is signed there, so the
    last of them is said, not a name signing it (`structure.questions`)."""
    return (_LOWER.search(text) is not None and _MAIL_FOOTER.match(text) is None
            and _CONTACT_LINE.search(text) is None and not is_header_line(text))


_CHOICE_STATED = re.compile(  # a line naming an option and ending in a full stop after its key
    r"\b(?:option|opsiwn)\b[^\n.?!]*?(?<![\w-])(?-i:[A-F]|[1-9])\.[\"'”’)]*\s*\Z", re.IGNORECASE)
_BARE_OPTION = re.compile(r"\W*(?:option|opsiwn)\s+\w\W*", re.IGNORECASE)


def states_a_choice(text: str) -> bool:
    """A short line naming an option, more than the option alone, that ends in a full stop after its key
    ("Keep Westbury open, option 2.", "Preferred option: Option 1."): a choice stated, an answer, though a
    full stop after a digit or a capital makes no sentence (`has_sentence`). (Not "Option 1 Option 2 Option
    3", a printed list, nor "Option C." alone, which `questions._only_option_named` reads.)"""
    line = " ".join(text.split())
    return (len(text_words(line)) <= HEADING_MAX_WORDS and _CHOICE_STATED.search(line) is not None
            and not _BARE_OPTION.fullmatch(line))


def is_heading(text: str) -> bool:
    """One short line that heads a section ("Annex: detailed comments", "OUR VIEWS"): no sentence, no
    word that makes a statement, not a piece of a sentence cut by a line break, no choice stated
    (`states_a_choice`)."""
    line = " ".join(text.split())
    return (0 < len(text_words(line)) <= SHORT_LINE_WORDS and not states_a_choice(line)
            and "\n" not in text.strip()
            and not _sentence_in(line) and not line.endswith("?")
            and not _STATEMENT.search(line) and not _BROKEN.search(line))


def is_furniture(text: str, title: str = "") -> bool:
    """Letter furniture, not an answer: a salutation, sign-off or contact offer (with the name, role and
    address that follow it); a covering note's one sentence that states no view ("Please find attached
    our response.", "I am writing in response to the consultation on ..."); a response form's instructions
    ("Please answer as many of the questions as you wish."); a title, heading, date,
    name-and-role or "Page 2 of 5" line (no sentence, no word that makes a statement, not a sentence cut
    short by a line break); with the consultation's `title`, a title line of a name and that title
    (`is_title_line`); an address block (a postcode, e-mail or phone line, no sentence); a table of
    contents ("4. How can we encourage innovation? ........ 16").
    A short statement is kept, punctuated or not ("We oppose this.", "I support keeping probation local").
    """
    if title and is_title_line(text, title):
        return True
    words = text_words(text)
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and sum(_contents_line(line) for line in lines) * 2 >= len(lines):
        return True  # a table of contents: its entries are headings, their page numbers
    if _FURNITURE_START.match(text):
        return len(words) <= FURNITURE_MAX_WORDS
    if (is_cover_sentence(text) or presents_cover(text)) and len(words) <= FURNITURE_MAX_WORDS:
        return not _NEXT_SENTENCE.search(_NOT_A_FULL_STOP.sub(" ", text))  # one sentence, not a paragraph
    if _INSTRUCTION.match(text) and not _VIEW.search(_DEADLINE.sub(" ", text)):
        return len(words) <= FURNITURE_MAX_WORDS  # ("... as you wish. Responses must be received by ...")
    if _MAIL_FOOTER.match(text) or is_banner(text):
        return True  # "Sent from my iPhone", "HAVE YOUR SAY!"
    if _BARE_OPENER.match(text) or (_LATE_APOLOGY.match(text) and not _VIEW.search(text)):
        return True  # "Hello,", "Here are my views.", "Apologies that this response is a few days late."
    if len(words) <= HEADING_MAX_WORDS and _SIGNED_CONTACT.search(text) and not _STATEMENT.search(text):
        return True  # "Imran Hassan, Proprietor. Phone 07700 900321": a signature and its contact line
    if _sentence_in(text) or _BULLET.search(text) or states_a_choice(text):
        return False
    if len(words) <= HEADING_MAX_WORDS and not _STATEMENT.search(text) and not _BROKEN.search(text):
        return _heading_like(text)
    return len(words) <= FURNITURE_MAX_WORDS and _CONTACT_LINE.search(text) is not None


_RESPONSE_TITLE = re.compile(  # "<name>: response to the <title>", "Response of <name> to <title>"
    r"^\W*(?:(?P<who>[^\n:.!?]{2,100}?)\s*(?:[:\-–—|]\s*|\s))?(?:(?:a|the|our|my|this)\s+)?"
    r"(?:consultation\s+)?(?:response|submission|reply|comments|evidence)"
    r"(?:\s+(?:of|from|by)\s+(?P<by>[^\n:.!?]{2,100}?))?\s+(?:to|on)\s+(?:the\s+|this\s+)?"
    r"(?:consultation\s+(?:on\s+|about\s+)?(?:the\s+)?)?(?P<title>[^\n.!?;]{3,200}?)[\s.:]*$",
    re.IGNORECASE)


def is_title_line(text: str, title: str) -> bool:
    """A response's title line: a respondent's name and the consultation's `title`, nothing more ("Safe
    Homes Northam: response to the Proposed selective licensing scheme for private rented homes", "Response
    of the Landlords Forum to <title>"), whoever's name heads it. What follows "response to" must name the
    title (`names_title`: nearly all its words the title's, none speaking of a change or a view); a line
    that says more ("..., which we oppose", "... is that it will raise rents") is kept. In one line, with
    no sentence in it: six respondents' title lines made an emerging topic of their own in a trial."""
    flat = text.strip()
    if not title or not flat or "\n" in flat or len(text_words(flat)) > HEADING_MAX_WORDS + len(
            text_words(title)):
        return False
    m = _RESPONSE_TITLE.match(flat)
    if m is None or _NOT_COURTESY.search(m["title"]) or _STATEMENT.search(m["who"] or ""):
        return False
    return names_title(m["title"], title) and len(title_stems(m["title"]) & title_stems(title)) * 2 >= len(
        title_stems(title))


def _contents_line(line: str) -> bool:
    r"""An entry of a table of contents: a dot leader (four dots or two ellipses, a space allowed after
    each) and a page number of up to four digits ending the line. The number is found first and the
    leader looked for just before it (`(?:\.\s?){4,}\s*\d{1,4}\s*$` searched the line from every dot)."""
    body = line.rstrip()
    page = _PAGE_AT_END.search(body, max(0, len(body) - 5))
    return page is not None and _LEADER_AT_END.search(body[: page.start()].rstrip()[-7:]) is not None


def is_cover_sentence(sentence: str) -> bool:
    """A covering note's sentence that states no view ("I am writing in response to the consultation on
    ...", "Please find attached our response")."""
    return _COVER.match(sentence) is not None and not _VIEW.search(sentence)


_COVERING = re.compile(r"\b(?:response|respond(?:ing)?|reply|replying|submission|submit(?:ting)?|consultation"
                       r"|proposals?|on\s+behalf\s+of)\b", re.IGNORECASE)


def presents_cover(sentence: str) -> bool:
    """A covering line that presents the response and states no view (`scope.presents_response`), and
    speaks of it: what is sent, on whose behalf, in reply to what ("Please accept this email as the
    response of the Access to Justice Disability Network.", "I write as the Police and Crime Commissioner
    for Westmarch in response to the Ministry's proposals on electronic monitoring."). Not "I write as a
    victim of domestic abuse." (who writes, said as experience), nor one that goes on to a view ("...,
    which I broadly support")."""
    from respmine.themes.scope import presents_response  # (a pure function: patterns only)

    return _COVERING.search(sentence) is not None and presents_response(sentence)


def is_bare_cover(sentence: str, *, titled: bool = True, title: str = "") -> bool:
    """A cover sentence and nothing more: what is sent in reply to which consultation, named by its title
    ("I am writing in response to the consultation on Working with the Third Sector."), not "... because
    the closure of our women's centre will leave women with nowhere to go" or "... on closing our centre".
    With `titled` (what is blanked before coding), what follows "consultation on" must be written as a
    title ("Proposals for Payment by Results in Offender Services") in a sentence that is not itself in
    capitals: in lower case it cannot be told from what the respondent writes about. Without it (a
    covering line before a self-description), any words may follow that do not speak of a change
    ("proposals to close", "scrapping", "cuts"). `title`: the consultation's, which is a title in any case
    (`names_title`)."""
    flat = " ".join(sentence.split())
    if _CAMPAIGN_COVER.match(flat):
        return True
    attached = _ATTACHED.match(flat)
    if attached is not None and not _NOT_COURTESY.search(flat):
        named = attached["attached_title"]
        return named is None or (_title_named(flat, named, attached.start("attached_title"), title) if titled
                                 else not _A_CHANGE.search(named))
    m = _BARE_COVER.match(flat) if is_cover_sentence(flat) and not _NOT_COURTESY.search(flat) else None
    if m is None or m["title"] is None:
        return m is not None
    return _named_by_title(flat, m, title) if titled else not _A_CHANGE.search(m["title"])


def _named_by_title(flat: str, m: re.Match[str], title: str) -> bool:
    """The match's `title` is the consultation's (`names_title`), or is written as a title in a sentence
    that is not itself all title case."""
    return _title_named(flat, m["title"], m.start("title"), title)


def _title_named(flat: str, named: str, start: int, title: str) -> bool:
    """`named` (at `start` of `flat`) is the consultation's `title` or is written as a title in a sentence
    that is not itself all title case."""
    return names_title(named, title) or (_title_case(named) and not _title_case(flat[:start]))


def names_title(named: str, title: str) -> bool:
    """The words name the consultation's own title, in whatever case and order, as a campaign's letter
    paraphrases it ("the role of the voluntary and community sector in offender services" for "... the role
    of voluntary and community organisations in contestable probation and prison services"): nearly all of
    their words are the title's, and none of the others speaks of a change or a view ("the closure of
    prison and probation services", "... and support contestability")."""
    words, own = title_stems(named), title_stems(title)
    if len(words) < 2 or len(words & own) < TITLE_SHARE * len(words):
        return False
    return not any(_A_CHANGE.search(w) or _VIEW.search(w) for w in _title_words(named)
                   if _stem(w.lower()) not in own)


def title_stems(text: str) -> set[str]:
    """A title's words but its small ones, each cut to its first letters ("reduce", "reducing")."""
    return {_stem(w.lower()) for w in _title_words(text)}


def _title_words(text: str) -> list[str]:
    """A title's words but its small ones ("a", "of", "the"), as written."""
    return [w for w in _TITLE_WORD.findall(text) if w.lower() not in _TITLE_SMALL_WORDS]


def _stem(word: str) -> str:
    return re.sub(r"['’-]", "", word)[:STEM_LETTERS]


def _title_case(text: str) -> bool:
    """Written as a title ("Working with the Third Sector to Reduce Re-offending"): "the consultation on
    closing our women's centre" says what the respondent is writing about, which is content."""
    words = _title_words(text)
    return bool(words) and all(w[0].isupper() for w in words)


def is_courtesy(sentence: str, title: str = "") -> bool:
    """A sentence of thanks, welcome or hope that takes no view: "Thank you for the chance to comment.",
    "Northshire Police welcomes the consultation.", "We hope these comments are helpful." Its words are no
    theme mention (they name the consultation and the chance to respond to it), and a paragraph of
    nothing else answers no question. "We are grateful for the engagement events" says something.
    `title`: the consultation's (`is_bare_cover`)."""
    flat = " ".join(sentence.split())
    m = _COURTESY.match(flat) if len(text_words(flat)) <= HEADING_MAX_WORDS + 5 else None
    if m is None or _NOT_COURTESY.search(flat):
        return False
    if m["title"] is None or _NOT_A_TITLE.match(m["title"]):
        return True
    return _named_by_title(flat, m, title)  # "the consultation on scrapping full cost recovery" is content


_PLAIN = (r"(?!(?:and|but|which|that|who|where|when|because|as|so|would|will|is|are|was|were|has|have|had"
          r"|with|without|despite|amid|amidst)\b)"  # (nor how it was taken: "... on 10 November with dismay")
          r"[\w'’&,/().-]+")  # a word of a name or a date, no clause's
_MEETING = (  # "its meeting on 10 November 2026", "the meeting of the Community Safety Committee held on ..."
    r"(?:(?:its|their|our|the|a|an)\s+)?(?:[\w'’&-]+\s+){0,4}?(?:meeting|session|committee)"
    r"(?:\s+(?:of|on|in|held\s+on)(?:\s+" + _PLAIN + r"){1,12})?")
_CONSULTATION = (r"(?:the|this|your|these)\s+(?:[\w'’-]+\s+){0,3}?(?:consultation(?:\s+(?:paper|document))?"
                 r"|proposals?|consultation\s+questions)")
_MINUTED = re.compile(  # a body's minute of having discussed the consultation: who met, when, nothing said
    r"^\W*(?:(?:at|during)\s+" + _MEETING + r",?\s+)?"
    r"(?:[\w'’&().-]+\s+){1,8}?(?:(?:has|have|had|was|were)\s+)?(?:(?:briefly|formally|fully|recently)\s+)?"
    r"(?:discussed|considered|debated|reviewed|examined|looked\s+at|noted|received|met\s+to\s+(?:discuss"
    r"|consider))\s+" + _CONSULTATION
    + r"(?:\s+(?:on|about|regarding)(?:\s+" + _PLAIN + r"){1,20}?)?"
    r"(?:\s+(?:at|during|in)\s+" + _MEETING + r")?"
    r"(?:,?\s+and\s+(?:agreed|resolved|decided)\s+(?:the\s+following\s+(?:response|comments)|to\s+(?:respond"
    r"|reply|submit|make)(?:\s+(?:the\s+following|these|this))?(?:\s+(?:response|comments))?"
    r"(?:\s+as\s+follows)?))?\W*$"
    # "The consultation was discussed at the council's meeting on 3 November."
    r"|^\W*" + _CONSULTATION + r"\s+(?:was|were)\s+(?:discussed|considered|debated|reviewed)\s+"
    r"(?:at|during|by)\s+(?:" + _PLAIN + r"\s*){1,16}\W*$",
    re.IGNORECASE)


_NOTED = re.compile(  # a meeting note's own heading, attendance and chair: who met, where, when
    r"^\W*(?:[^:.;]{1,80}:\s*)?(?:an?\s+|the\s+)?(?:notes?|minutes|record|summary)\s+of\s+(?:the\s+|an?\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:meeting|session|drop-in|event|forum)\b[^.;!?]*[.!]?\s*$"
    r"|^\W*(?:(?:about|around|approximately|roughly|some|over|more\s+than|nearly|almost|fewer\s+than)\s+)?"
    r"[\d,]+\s+(?:people|residents|members(?:\s+of\s+the\s+public)?|attendees|persons)\s+"
    r"(?:attended|came|were\s+present|took\s+part)(?:\s+(?:the\s+)?(?:meeting|event|session))?\W*$"
    r"|^\W*(?:[\w'’&().,-]+\s+){1,8}?chaired(?:\s+(?:the\s+)?(?:meeting|event|session))?\W*$"
    r"|^\W*the\s+(?:meeting|event|session)\s+was\s+chaired\s+by\s+(?:[\w'’&().,-]+\s+){0,7}[\w'’&().,-]+\W*$",
    re.IGNORECASE)
_PRESENTED = re.compile(  # someone else's presentation of the proposals, and what the presenter explained
    r"^\W*(?!(?:we|i|our|my)\b)(?:[\w'’&().,-]+\s+){1,10}?(?:presented|introduced|outlined|set\s+out)\s+"
    r"(?:the|its|their)\s+(?:(?!(?:own|alternative|counter)\b)[\w'’-]+\s+){0,3}?"
    r"(?:proposals?|consultation|options|plans?|case\s+for\s+change)"  # (not "their alternative ...")
    r"(?:\s+to\s+the\s+(?:meeting|audience))?(?:,?\s+and\s+(?:explained|said|stated|told\s+\w+|set\s+out"
    r"|described)\b[^;]*)?\W*$", re.IGNORECASE)
_TURNS = re.compile(r"\b(?:but|however|although|though|whereas|yet)\b", re.IGNORECASE)


def _noted(sentence: str) -> bool:
    """A meeting note's heading, attendance or chair (`_NOTED`), saying nothing more; or the presentation
    of the proposals by someone other than the writer ("The ICB's Director of Strategy presented the
    proposals and explained that ..."): the consultor's words reported, not the respondent's view, unless
    the sentence turns to another's ("..., but residents were not convinced")."""
    return ((_NOTED.match(sentence) is not None and not _NOT_COURTESY.search(sentence)
             and not _VIEW.search(sentence))
            or (_PRESENTED.match(sentence) is not None and not _TURNS.search(sentence)))


def reports_meeting(sentence: str) -> bool:
    """A minute's preamble: a body discussed, considered or met about the consultation, at a meeting, on
    a date ("Little Brampton Town Council discussed the consultation at its meeting on 10 November 2026.",
    "The proposals were considered by the Planning Committee on 4 May."): it says no view, like a covering
    line, though its words (a council, the consultation) are near a theme's (a trial's was filed to "Any
    other comments?", coded the consultation process and quoted). Not one that goes on to a view
    ("... and strongly opposes them", "... but members were concerned that ..."). So is a meeting note's
    heading, attendance, chair, and the consultor's presentation of the proposals (`_noted`)."""
    flat = " ".join(sentence.split())
    if len(text_words(flat)) > HEADING_MAX_WORDS + 15:
        return False
    return (_MINUTED.match(flat) is not None and not _NOT_COURTESY.search(flat)
            and not _VIEW.search(flat)) or _noted(flat)


def is_formality(sentence: str, title: str = "") -> bool:
    """Thanks, welcome, a bare covering sentence or a minute's preamble (`is_courtesy`, `is_bare_cover`,
    `reports_meeting`): it names the consultation and the chance to answer it, no theme, and answers no
    question. `title`: the consultation's, if known."""
    return is_courtesy(sentence, title) or is_bare_cover(sentence, title=title) or reports_meeting(sentence)


def only_meeting(text: str) -> bool:
    """A paragraph of nothing but a minute's preamble (`reports_meeting`): who met about the consultation
    and when, kept as what it says of the respondent (never coded, clustered into topics or quoted)."""
    from respmine.themes.sentences import sentence_spans  # the one splitter (a pure function)

    spans = sentence_spans(text)
    return bool(spans) and all(reports_meeting(text[a:z]) for a, z in spans)


def only_formalities(text: str, title: str = "") -> bool:
    """A paragraph of nothing but formalities (`is_formality`): it answers no question."""
    from respmine.themes.sentences import sentence_spans  # the one splitter (a pure function)

    spans = sentence_spans(text)
    return bool(spans) and all(is_formality(text[a:z], title) for a, z in spans)


def _heading_like(text: str) -> bool:
    """Short lines (a heading, a name and role, an address) or a title in capitals; a longer line of
    ordinary prose is a piece of a sentence the extraction cut off, kept as content."""
    lines = [line.split() for line in text.splitlines() if line.strip()]
    if all(len(line) <= SHORT_LINE_WORDS for line in lines) or _TITLE.search(text):
        return True
    tokens = [t for line in lines for t in line if any(c.isalpha() for c in t)]
    return sum(t[0].isupper() for t in tokens) * 2 >= len(tokens)


def text_words(text: str) -> list[str]:
    """Lower-case words (letters, digits, apostrophes): what headings, titles and questions compare."""
    return _WORD.findall(text.lower())


def closes_letter(text: str) -> bool:
    """The paragraph begins a letter's closing ("Yours faithfully", "Thank you for the opportunity ...")."""
    return _CLOSING.match(text) is not None


def has_sentence(text: str) -> bool:
    """A word followed by a full stop, question or exclamation mark; in shouted text (`shouted`), as if
    it were in lower case."""
    return _SENTENCE.search(text.lower() if shouted(text) else text) is not None


def starts_quoted_reply(text: str) -> bool:
    """The paragraph opens a quoted e-mail: "-----Original Message-----", "On ... wrote:"."""
    return _REPLY.match(text) is not None
