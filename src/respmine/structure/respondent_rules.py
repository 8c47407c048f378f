"""Word lists and text rules for respondent profiling (no NLP model: cheap, testable, explainable).

Kept apart from `respondents.py` so the evidence logic there reads as a list of sources, and so the
rules (which respondent type a name like "Northshire Probation Trust" implies, what a signature line
looks like) can be reviewed and extended by policy staff without touching the scoring.
"""

from __future__ import annotations

import re
import unicodedata
from email.utils import parseaddr
from itertools import islice

from respmine.records import Document
from respmine.structure.about import ABOUT_HEADING
from respmine.structure.nlp import common_word

# --- form labels ---------------------------------------------------------------------------------------
RESPONDING_AS = re.compile(r"responding as|individual or|capacity", re.IGNORECASE)
# "Respondent type", "Type of organisation", "Organisation sector"; not "Sector you work in" (a person's job).
FORM_TYPE_LABEL = re.compile(
    r"^(?!.*\bname\b).*(?:\btype\b|category|(?:respondent|organi[sz]ation)s? sector)"
)
FORM_ORG_LABEL = re.compile(r"^(?!.*\btype\b).*(?:organi[sz]ation|company|employer|representing)")
FORM_NAME_LABELS = {"name", "full name", "your name", "contact name", "respondent name", "respondent"}
FORM_ROLE_LABELS = {"position", "role", "job title", "your role", "position in organisation"}
# A form's name label written in the text ("Name: Jane Smith"): the value is a person's, never a letterhead.
NAME_LABEL = re.compile(r"(?:full |your |contact |respondent(?:'s)? )?name\s*:", re.IGNORECASE)
PLACEHOLDERS = {"", "n a", "na", "none", "no", "not applicable", "individual", "myself", "self"}
# After a sentence's subject: acronym, footnote mark, appositive ("X (PGEU), the body of ..., welcomes").
APPOSITION = re.compile(r"^\s*(?:\([^)]{1,60}\)\s*)?(?:[®™*\d]+\s*)?(?:[,–—-]\s[^,–—]{1,120}[,–—]\s*)?")

# --- text patterns -------------------------------------------------------------------------------------
LINE_PATTERN = re.compile(
    r"\b(?P<kw>submitted (?:jointly )?by|on behalf of|(?:response|submission|feedback|comments|"
    r"contribution|remarks|position paper) (?:from|by|of))\s+"
    r"(?:the\s+)?(?P<rest>.+)$",
    re.IGNORECASE,
)
_OTHERS = re.compile(  # what comes before another body's response the writer refers to: "We agree with the
    # response of Energy UK", "We endorse the submission from", "as set out in the comments of"
    # ("share" only the views in another's: "we are pleased to share the response of X" is X's own; "see",
    # "read" not after "please": "Please see the response from X below" is a cover note's, X's own)
    r"\b(?:agree(?:s|d)?\s+with|support(?:s|ed)?|endorse(?:s|d)?|echo(?:es|ed)?|concur(?:s|red)?"
    r"\s+with|align(?:s|ed)?\s+(?:ourselves\s+|itself\s+)?with|associate(?:s|d)?\s+(?:ourselves|itself)\s+"
    r"with|refer(?:s|red)?\s+(?:you\s+)?to|(?<!please\s)(?:see|read)|set\s+out\s+in|made\s+in"
    r"|in\s+addition\s+to|share(?:s|d)?\s+(?:the\s+|many\s+of\s+the\s+)?(?:views|points|concerns)"
    r"(?:\s+(?:made|set\s+out|expressed))?\s+in)\s+"
    r"(?:(?:the|all|much|most|many)\s+(?:of\s+)?)?(?:points\s+(?:made\s+)?in\s+|views\s+in\s+)?"
    r"(?:the\s+)?$", re.IGNORECASE)


def response_line(line: str) -> re.Match[str] | None:
    """Where a line says whose response it is ("Response from X", "Submitted by X", "on behalf of X");
    not another body's response the writer agrees with or refers to ("We agree with the response of
    Energy UK and add only ...": the writer is not Energy UK)."""
    found = LINE_PATTERN.search(line)
    while found and not found["kw"].lower().startswith(("submitted", "on behalf")) and _OTHERS.search(
            line, 0, found.start()):
        found = LINE_PATTERN.search(line, found.end("kw"))  # "We agree with the response of Energy UK;
        # this is the response of Coastal Power Co-operative": the next one on the line may be the writer's
    return found
TITLE_WORD = re.compile(  # (a space run is matched from its first space only: linear on long runs)
    r"(?:['’]s\s+|:\s*|(?<!\s)\s+[-–—]\s+|(?<!\s)\s+)(?:response|position|positions|positioning|feedback|comments?|views|"
    r"submission|statement|remarks|contribution|observations|evidence|reply)\b",
    re.IGNORECASE,
)
VERB = re.compile(
    r"^(?:(?:very much|much|strongly|warmly|broadly|fully|generally|greatly|highly|also|hereby)\s+)?"
    r"(?:welcomes|commends|applauds|supports|would like|wishes|is pleased|appreciates|thanks|represents|"
    r"(?:respectfully )?submits|(?:firmly )?believes|is (?:a|an|the|one of)\b|brings together|provides|"
    r"expresses|acknowledges|is committed|has (?:long|been)|works|was (?:founded|established)|runs|operates|"
    r"delivers|supervises|commissions|covers|researches|campaigns|"
    # a view said in the body's name ("The Howard Trust agrees that ...", "X does not support ..."): the
    # writer speaks as the body, as "X welcomes ..." does
    r"agrees|disagrees|opposes|objects|recognises|recognizes|considers|urges|recommends|is (?:concerned|"
    r"grateful|opposed)|has (?:concerns|serious concerns)|(?:does not|cannot) (?:support|agree)|"
    r"serves|hosts|has (?:hosted|supported|served|worked)|manages|"  # "X serves 400 meals a week", "X has
    # supported", "Castle Lettings manages 300 homes"
    # German and French: "X begrüßt ...", "X ist die ...", "X représente ...", "X est une ..."
    r"begrüßt|unterstützt|vertritt|repräsentiert|(?:ist|est) (?:die|der|das|ein|eine|la|le|un|une|l['’])|"
    r"salue|accueille|soutient|représente)",
    re.IGNORECASE,
)
# Of `VERB`, those a person says of themselves as often as a body does ("Grace Hill agrees that ...", "Rhian
# Mair Davies has worked in probation ..."): no body's on their own where the name may be a person's
PERSONS_VERB = re.compile(
    r"^(?:(?:very much|much|strongly|warmly|broadly|fully|generally|greatly|highly|also|hereby)\s+)?"
    r"(?:agrees|disagrees|opposes|objects|recognises|recognizes|considers|urges|recommends|is (?:concerned|"
    r"grateful|opposed)|has (?:concerns|serious concerns)|(?:does not|cannot) (?:support|agree)|"
    r"serves|hosts|has (?:hosted|supported|served|worked)|manages)\b",
    re.IGNORECASE,
)
# The plural verbs a firm named in the plural takes ("Hartley & Cole Estate Agents manage 300 homes", "Smith
# & Jones Solicitors welcome ..."): a body's only when its name says what it is (`org_type`); no one person's
# name takes them
PLURAL_VERB = re.compile(
    r"^(?:(?:very much|much|strongly|warmly|broadly|fully|generally|greatly|also)\s+)?"
    r"(?:welcome|support|represent|provide|manage|operate|run|act for|let|are (?:a|an|the|one of)\b)\b",
    re.IGNORECASE,
)
IS_A = re.compile(r"^(?:is|ist|est) (?:a|an|the|one of|die|der|das|ein|eine|la|le|un|une|l['’])",
                  re.IGNORECASE)
# Articles before a sentence's subject: "The X", "We, at the X," (English), "Die X" / "L'X" (German, French).
ARTICLE = re.compile(r"^(?:(?:the|die|der|das|la|le|les)\s+|l['’]\s*|we,?\s+(?:at\s+)?(?:the\s+)?)",
                     re.IGNORECASE)
# An opening clause before the subject: "Founded in 1990, X is ...", "With 5,000 staff in 40 countries, X".
LEAD_IN = re.compile(
    r"^(?:(?:founded|established|created|set up|formed|incorporated|headquartered|based|registered)\b"
    r"[^,]{0,80}|since (?:its (?:creation|founding|foundation)|\d{4})[^,]{0,60}|with (?:over |more than |"
    r"nearly |almost |around |about |some )?[\d,.]+\b[^,]{0,100}|today|(?:for|over) (?:over |more than )?"
    r"\d+ years)\s*,\s*",
    re.IGNORECASE,
)
IS_CHARITY = re.compile(r"^is (?:a|an|the)\b[^.]{0,60}\bcharit(?:y|able)", re.IGNORECASE)
REPRESENTS = re.compile(
    r"^(?:represents|is the [\w ]{0,30}(?:umbrella|membership|trade|representative) body|vertritt|"
    r"repräsentiert|représente)", re.IGNORECASE
)
JOINT = re.compile(  # ("submitted jointly by A, B and C" too; not "we work jointly with the council")
    r"\b(?:joint(?:ly)? (?:response|submission|statement|letter|paper|submitted)\b[^.\n]{0,40}?\b"
    r"(?:from|of|by|on behalf of)|submitted jointly by)\s+(?:the\s+)?"
    r"(?P<list>[^\n]+?)(?:(?<!\b(?-i:[A-Z]))(?<!\bS[tT])\.(?:\s|$)|\n|$)",
    re.IGNORECASE,  # (not at an initial or a saint: "J. R. Hartley", "Mary St. Clair"; but at "Barnardo's.")
)
# "on behalf of A, B and C": a list of bodies one letter speaks for is a joint response (`body_list`)
BEHALF = re.compile(r"\bon behalf of\s+(?:the\s+)?(?P<list>[^\n]+?)"
                    r"(?:(?<!\b(?-i:[A-Z]))(?<!\bS[tT])\.(?:\s|$)|\n|$)", re.IGNORECASE)
# "This response is submitted jointly with the Association of School Nurses": partners of the sender
JOINT_WITH = re.compile(
    r"\b(?:this|our)\s+(?:response|submission|reply|letter|paper|evidence)\s+(?:is|was|has\s+been)\s+"
    r"(?:submitted|written|prepared|made|sent|produced)\s+(?:jointly|together)\s+with\s+(?:the\s+)?"
    r"(?P<list>[^\n]+?)(?:(?<!\b(?-i:[A-Z]))(?<!\bS[tT])\.(?:\s|$)|\n|$)",
    re.IGNORECASE,
)  # (not "the evaluation, produced jointly with X": another paper's authors)
QUOTE_CUT = re.compile(r"^(?:-{2,}\s*original message\s*-{2,}|on .{5,120} wrote:|_{10,})\s*$", re.IGNORECASE)
FORWARD = re.compile(r"forwarded message|begin forwarded", re.IGNORECASE)
SKIP_HEAD = re.compile(r"^(?:page \d|\d{1,2}[ /.][\w]+[ /.]\d{2,4}|date\b|dear\b|re:|ref\b|unclassified|"
                        r"confidential|copyright|©|draft\b|version\b|"
                        # the letter's addressee: "To the DRS Consultation Team, Department for ..." was
                        # taken for a corner shop's name
                        r"to\b|fao\b|f\.a\.o\.|for the attention of\b|attn\b|attention:)", re.IGNORECASE)
REG_CHARITY = re.compile(r"\bregistered charity\b|\bcharity (?:no|number|reg)", re.IGNORECASE)
WE_CHARITY = re.compile(r"\bwe are an? (?:small |local |national |independent |registered )*charit",
                         re.IGNORECASE)
# the people a body says it supports ("for many of the older people we support", "the families we work with"):
# a charity's or community group's words; a members' body speaks of "our members"
WE_SUPPORT = re.compile(r"\b(?:people|families|children|adults|carers|women|survivors|victims|clients|those"
                        r"|learners|users)\s+we\s+(?:support|serve|help|care\s+for|work\s+with|befriend"
                        r"|look\s+after)\b", re.IGNORECASE)
WE_REPRESENT = re.compile(r"\bwe represent\b|\bour members\b|\bumbrella (?:body|organisation)\b",
                           re.IGNORECASE)
# "We are a ...", "As a trade union, we ...": the writers describing their own body.
WE_ARE = re.compile(r"\bwe are (?P<desc>(?:an?|the|one of)\b[^.\n]{3,120})|"
                    r"\bas (?P<as>(?:an?|the) [^,.\n]{3,80}),\s+(?:we|our)\b", re.IGNORECASE)
# A "we are ..." description is of the writers only up to its first relative clause: "one of the many
# families whose children attend Eastmoor Primary, run by Westvale County Council" is no council.
RELATIVE = re.compile(r",?\s*\b(?:whose|who|which|run by|supported by|funded by)\b", re.IGNORECASE)
# Writers who say they are people, not a body: "We are a family of four", "We are working parents", "We are
# a group of local residents"; not a body named after people ("a residents' association", "a parents and
# carers forum", "a family-run business", "a family owned company"), nor a body's verb ("we are supporting
# families", "we are providing families with ...": an -ing word only from a list of people's).
_PEOPLE_ING = (r"(?:hard-)?working|grieving|long-standing|caring|loving|struggling|ag(?:e)?ing|growing|"
               r"expecting|farming|fostering|adopting|home-educating|commuting|shielding|retiring|"
               r"remaining|surviving|existing")
WE_PEOPLE = re.compile(
    r"\bwe are (?:(?:an?|the|two|both|one of the(?: many)?|among the(?: many)?)\s+)?"
    r"(?:(?:small\s+|informal\s+)?group\s+of\s+)?"
    r"(?:(?!(?:charity|charities|organi[sz]ations?|network|groups?|trust|association|body|bodies|service|"
    r"company|forum|alliance|federation|union|council|enterprise|ngo|project|foundation|campaign|club|"
    r"business|firm|of|for|with|by|to|from|in|on|at|alongside)\b|(?!(?:" + _PEOPLE_ING + r")\b)[\w-]*ing\b)"
    r"[\w-]+\s+){0,3}?"
    r"(?:famil(?:y|ies)|parents|grandparents|residents|neighbours|neighbors|couple|householders|pensioners|"
    r"retired|carers|husband and wife|mothers|fathers|mums|dads|siblings|local people|villagers)\b"
    r"(?!['’]?[ \t]+(?:[\w-]+[ \t]+){0,2}(?:associations?|groups?|forums?|business(?:es)?|networks?|"
    r"committees?|council|charity|trust|club|society|union|alliance|project|firms?|compan(?:y|ies)|"
    r"organi[sz]ations?|foundations?|enterprises?|partnerships?|co-?operatives?|federations?)\b|"
    r"-(?:run|led|owned)\b)",
    re.IGNORECASE,
)
# "© 2021 X", "Copyright © X 2021. All rights reserved.": who owns (and so, usually, wrote) the paper.
# "©" or a year after "Copyright": "Copyright Clearance Center data shows ..." is no copyright line.
COPYRIGHT = re.compile(r"(?:(?:\bcopyright[ \t]{0,3})?©|(?:\bcopyright\b|\(c\))"
                       r"(?=[ \t]{0,3}(?:19|20)\d\d\b))"
                       r"[ \t]{0,3}(?:(?:19|20)\d\d(?:[ \t]{0,3}[-–][ \t]{0,3}\d{2,4})?"
                       r"[ \t]{0,3},?[ \t]{0,3})?"
                       r"(?P<rest>.+)$", re.IGNORECASE)
# Author bylines and credit lists: the names that follow are people, never the organisation.
BYLINE = re.compile(r"^(?:authors?|authored by|written by|prepared by|by)\b\s*:?\s*(?P<rest>.*)$",
                    re.IGNORECASE)
CREDITS = re.compile(r"^(?:contributors?|co-?authors?|editors?|edited by|reviewers?|contacts?(?: persons?)?|"
                     r"ansprechpartner(?:in)?|kontakt)\b[^:\n]{0,60}:?\s*(?P<rest>.*)$", re.IGNORECASE)
# (a run of marks is matched from its first mark only: searching from every mark of a long run is quadratic)
FOOTNOTE_MARK = re.compile(r"(?:(?<![∗*†‡§¹²³⁴⁵⁶⁷⁸⁹])[∗*†‡§¹²³⁴⁵⁶⁷⁸⁹]+|(?<=[a-z])\d)$")
# "X, a not-for-profit company registered in England and Wales": a footer stating what the body is.
REGISTERED = re.compile(r"^,?\s*(?:is\s+)?an?\b(?P<desc>[^.]{0,80}?)\b(?:registered (?:in|with|under|as)|"
                        r"incorporated in|company (?:no|number|registration))", re.IGNORECASE)


def lines(text: str) -> list[str]:
    """Non-empty lines, stripped: layout (blank lines, indents) differs by reader and carries no evidence."""
    return [line.strip() for line in text.splitlines() if line.strip()]


_MESSAGE_HEADER = re.compile(r"\s*(?:sent|to|subject|date|cc|reply-to):", re.IGNORECASE)


def _headers_follow(lines: list[str]) -> bool:
    """A quoted message's header block goes on ("Sent:", "To:", "Subject:"); a letter's "From: Rajesh
    Patel" line has an address under it, and the letter goes on."""
    return any(_MESSAGE_HEADER.match(line) for line in lines)


def strip_quoted(text: str) -> tuple[str, str | None]:
    """Body without quoted replies ("> ...", "-----Original Message-----"), and a forwarded From header."""
    out: list[str] = []
    forwarded_from = None
    in_forward = False
    lines = text.splitlines()
    for i, line in enumerate(lines):
        stripped = line.strip()
        if FORWARD.search(stripped):
            in_forward = True
            continue
        if in_forward and forwarded_from is None and stripped.lower().startswith("from:"):
            forwarded_from = stripped[5:].strip()
            continue
        if QUOTE_CUT.match(stripped) or (stripped.lower().startswith("from:") and not in_forward and out
                                         and _headers_follow(lines[i + 1: i + 5])):
            break
        if not stripped.startswith(">"):
            out.append(line)
    return "\n".join(out), forwarded_from


# A university's unit named with it ("Department of Information Studies, Aberhafren University", "School of
# Law, X College"): the part before the comma a unit's word, not a person's description ("Individual, student
# at a university" was typed academic, "parents, both working at the local college" a body's own words)
_UNIVERSITY_UNIT = (r"^(?:(?:the|a|an)\s+)?(?:department|dept|school|faculty|centre|center|institute|unit"
                    r"|division|group|lab|laboratory|library|ysgol|adran|canolfan)\b[^,]*,[^,]*"
                    r"\b(?:universit(?:y|ies)|college|prifysgol)\b[^,]*$")

# A GP's surgery or practice, a health or medical centre (its name's last words)
_HEALTH_BODY = (r"\bsurgery$|\b(?:medical|gp|doctors['’]?|family|general|group|dental|health)[ \t]+practice$"
                r"|\b(?:health|medical|healthy living)[ \t]+cent(?:re|er)$")

# --- respondent type from an organisation's name ------------------------------------------------------
# Ordered: the first matching rule wins, so specific rules ("Probation Trust", "NHS ... Trust",
# "Council of ...", "Prison Ministry") come before the generic words they contain ("Trust", "Council").
_TYPE_RULES: tuple[tuple[str, str], ...] = (
    # a university's unit named with it ("Department of Information Studies, Aberhafren University": not a
    # government department)
    (_UNIVERSITY_UNIT, "academic"),
    # a GP surgery or practice, a health centre: the NHS's, a public body ("Capel Street Surgery" had been a
    # chapel's, a charity; "The Old School Surgery" no school)
    (_HEALTH_BODY, "public_body"),
    # a community association, a women's institute: community groups ("association" is a members' body's)
    (r"\bcommunity association\b|\bwomen'?s institutes?\b|(?-i:\bWI$)", "charity"),
    (r"\bcitizens['’]? advice\b|housing association|rural community council|council for voluntary service|"
     r"\bcvs\b|voluntary action|"
     r"\bchurch(es)?\b|\bmosque\b|\bchaplaincy\b|prison ministry|\bquakers?\b|\bsynagogue\b|"
     r"\bgurdwara\b|\bdiocese\b|\btemple\b|\bchapel$", "charity"),
    (r"\bassociation\b|\bfederation\b|\bunion\b|\bnetwork\b|\bforum\b|\bconfederation\b|\balliance\b|"
     # a group of its members' kind of people speaks for them ("Northam HMO Landlords Group", "Eastgate
     # Traders' Group"), no company group
     r"\b(?:landlords|tenants|traders|businesses|farmers|growers|owners|operators|members|retailers"
     r"|employers|agents|residents|leaseholders|householders|homeowners|parents|carers|patients|users"
     r"|neighbours)['’]?[ \t]+group\b|"
     r"\bcouncil of\b|\bchamber\b|\bsociety of\b|\bcoalition\b|\bleague\b|\bguild\b|royal college of|"
     r"chartered institute|\bcommittee\b|industry council|business council|\bconsortium\b|"
     r"\b(youth|young people'?s|school|pupils'?|students'?) council\b|\bcymdeithas\b|\bundeb\b|"
     r"\bverband\b|\bverein\b", "representative_body"),
    (r"\bprobation\b|community rehabilitation company", "probation"),
    (r"\bltd\b|\blimited\b|\bplc\b|\bllp\b|\binc\b|\bllc\b|\bgmbh\b|\bag$|\bs\.?a\.?$|\bn\.?v\.?$|"
     r"\bb\.?v\.?$|\bcorporation\b|\bcorp\b"
     r"|\blettings\b|\bestate agents?\b|\bletting agents?\b"
     r"|(?<!\bof )\b(?:solicitors|accountants|architects|surveyors)$", "private_company"),
    # (a letting agent's trading name: "Castle Lettings", "Hartley & Cole Estate Agents"; a firm of
    # solicitors, "Smith and Jones Solicitors", not "Institution of Chartered Surveyors")
    (r"\b(city|county|borough|district|town|parish|metropolitan|unitary|community) council\b|"
     r"\bcouncil$|local authority|combined authority|\bborough\b|greater london authority|"
     r"\bcyngor (sir|cymuned|tref|dinas|bwrdeistref)\b",
     "local_authority"),
    (r"\bnhs\b|\bicb\b|integrated care|clinical commissioning|health board|public health|\bpolice\b|"
     r"constabulary|commissioner|\bhmp\b|\bhmyoi\b|hmpps|prison service|monitoring board|\bimb\b|"
     r"magistrates|\bbench\b|\bcourts?\b|tribunal|inspectorate|ombudsman|\bministry of\b|\bdepartment\b|"
     r"\bagency\b|\bauthority\b|\bregulator\b|"
     # (not a sector's branch of a union: "UNISON Hafren Vale Local Government Branch")
     r"\bgovernment\b(?![ \t]+(?:branch|section|sector|workers|employees|staff))|"
     r"youth justice board|crown prosecution|"
     r"^region\b|\bmunicipality\b|\bfire (?:and|&) rescue\b|\bfire (?:service|brigade)\b|"
     r"\bambulance service\b|\bbwrdd iechyd\b|\bllywodraeth\b|\bheddlu\b", "public_body"),
    # a school (state-funded, as most that answer are), not a seat of learning: "Hollybrook Primary School",
    # "St Aidan's Catholic Academy", "Riverside Nursery" ("School of Law", "Academy of Sciences" are academic)
    (r"\b(?:primary|secondary|high|grammar|infant|infants|junior|middle|special|free|community|village"
     r"|catholic|church|c of e|ce|rc|upper|lower|first|studio)[ \t]+(?:school|academy)\b|\bschool$"
     r"|\bacademy$|\bnursery(?: school)?$|\bsixth form\b|\bacademy trust\b"
     r"|^ysgol\b(?![ \t]+(?:y|yr|of)\b)", "public_body"),  # (Welsh "Ysgol Gynradd X": X Primary School; not
    # a university's "Ysgol y Gyfraith", School of Law)
    (r"\buniversity\b|\bcollege\b|\bprifysgol\b|\bcoleg\b|\binstitute\b|"
     r"\bcentre for\b.*\b(studies|research)\b|\bschool of\b|\bresearch (centre|center|group|unit)\b"
     r"|\bacademy\b", "academic"),
    (r"\btrust\b|\bcharit(y|able)\b|\bfoundation\b|\bministry\b|\bparish\b|\bmission\b|\bproject\b|"
     r"\bvolunteers\b|\bshelter\b|(women'?s|community|recovery) centre|visitors group|support group|"
     r"youth (?:club|group)|community group|\bcic\b|\bc\.i\.c\b|\bscio\b|community interest company|"
     r"\bhospice\b|"
     # a food bank, a pantry, a community kitchen: charities' and community groups' shops of help
     r"\b(?:food|fuel|baby|clothes|school uniform)[ \t]?banks?\b|\bpantry\b|\blarder\b|"
     r"\b(?:soup|community)[ \t]+kitchen\b|\bcommunity fridge\b|"
     r"\bsamaritans\b", "charity"),
    (r"\bgroup\b|\bholdings\b|\btechnologies\b|\bsolutions\b|\bconsulting\b|\bsecurity services\b",
     "private_company"),
)
TYPE_RULES = tuple((re.compile(p, re.IGNORECASE), t) for p, t in _TYPE_RULES)

# A form's answer that is a person's role, not a body ("A tenant", "Landlord", "A local resident", "Student",
# "Homeowner"): the whole answer, so "Tenants' association" or "A landlords' group" stays a body's
_ROLE_HEAD = (
    r"(?:tenant|renter|landlord|resident|home[\s-]?owner|owner[\s-]occupier|leaseholder|student|parent|carer"
    r"|pensioner|patient|service user|customer|consumer|tax\s?payer|voter|worker|employee|volunteer|nurse"
    r"|doctor|gp|clinician|paramedic|therapist|midwife|professional|practitioner|survivor|relative"
    r"|member of (?:the )?(?:public|community|staff)|staff member|family member)")
# one role, with up to two words saying which ("An NHS or care worker", "A stroke nurse", "Care worker")
# (no body's word: "Organisation representing patients", "A charity for carers" are bodies)
_NO_BODY = (r"(?!(?:organi[sz]ations?|groups?|associations?|bod(?:y|ies)|compan(?:y|ies)|business(?:es)?"
            r"|charit(?:y|ies)|trusts?|councils?|unions?|representing|on|for|behalf)\b)")
_ROLE = rf"(?:an?\s+)?(?:{_NO_BODY}[a-z-]+\s+(?:or\s+{_NO_BODY}[a-z-]+\s+)?){{0,2}}?{_ROLE_HEAD}s?"
_PERSON_ROLE = (
    rf"^\W*(?:i\s+am\s+)?{_ROLE}(?:\s*(?:\bor\b|\band\b|/|,)\s*{_ROLE})*"  # ("A patient or carer")
    r"(?:\s+(?:with|of|in|who|living|renting|letting)\b[^()]*)?(?:\s*\([^()]*\))?\W*$")
PERSON_ROLE_ANSWER = re.compile(_PERSON_ROLE, re.IGNORECASE)

# Answers to a form's "respondent type" question, mapped by keyword (first match wins).
_FORM_TYPE_RULES: tuple[tuple[str, str], ...] = (
    (r"individual|member of the public|personal|citizen|myself", "individual"),  # (first: "Individual,
    # member of the community association" is a person's answer)
    (_PERSON_ROLE, "individual"),  # ("A tenant", "A landlord": a person in a role)
    (_UNIVERSITY_UNIT, "academic"),  # a university's unit ("Department of X, Y University")
    # a community association, a women's institute: community groups ("association" is a members' body's)
    (r"\bcommunity association\b|\bwomen'?s institutes?\b|(?-i:\bWI$)", "charity"),
    (r"academic|research|universit", "academic"),
    (r"probation", "probation"),
    (r"local (authority|government)|council", "local_authority"),
    (r"charit|voluntary|community|faith|third sector|social enterprise|ngo|non-profit|not-for-profit",
     "charity"),
    (r"private|business|company|commercial|industry|\bagen(?:t|cy)\b|letting|estate agent",
     "private_company"),
    (r"representative|association|union|trade body|professional body|membership", "representative_body"),
    (r"public (sector|body)|government|nhs|police|statutory|public authority", "public_body"),
)
FORM_TYPE_RULES = tuple((re.compile(p, re.IGNORECASE), t) for p, t in _FORM_TYPE_RULES)

# A school's name ("Hollybrook Primary School", "St Aidan's Catholic Academy"): "School", "Academy" alone are
# no organisation words ("Sam Nursery", "School Teacher", "Priya Dunmore - School Nurse" are a person's)
SCHOOL_NAME = re.compile(
    r"\b(?:primary|secondary|high|grammar|infant|infants|junior|middle|special|free|community|village|catholic"
    r"|church|c of e|ce|rc|upper|lower|first|studio|nursery)[ \t]+(?:school|academy)$"
    r"|^ysgol[ \t]+(?:gynradd|uwchradd|feithrin|gyfun|arbennig|babanod|iau|ganol)\b",  # (Welsh: "Ysgol
    re.IGNORECASE)  # Gynradd Cwm Eithin", primary; uwchradd secondary, feithrin nursery, gyfun comprehensive)
# Words that make a line or phrase an organisation name rather than a person or a place.
ORG_WORDS = re.compile(
    r"\b(citizens['’]? advice|ltd|limited|plc|llp|inc|gmbh|group|trust|charity|foundation|council|"
    r"association|network|forum|"
    r"federation|union|society|institute|university|college|centre|center|project|service|services|board|"
    r"committee|church|churches|mosque|chaplaincy|ministry|quakers?|meeting|police|nhs|hmp|partnership|"
    r"alliance|agency|organi[sz]ation|company|corporation|campaign|coalition|volunteers|shelter|office|"
    r"authority|commission(er)?|department|bench|magistrates|consortium|chamber|league|holdings|"
    r"confederation|industries|technologies|solutions|e\.v|aisbl|co-?operatives?|"
    r"cic|c\.i\.c|scio|"  # a community interest company, a Scottish charitable incorporated organisation
    # Welsh: a UK department hears from "Cyngor Cymuned ..." (community council), "Cymdeithas ..." (society)
    r"cyngor|cymdeithas|ymddiriedolaeth|prifysgol|coleg|bwrdd|undeb|canolfan|menter|fforwm|rhwydwaith|"
    r"elusen|ysgol|llywodraeth|heddlu|eglwys|clwb|gwasanaeth|gwasanaethau|pwyllgor|partneriaeth|sefydliad|"
    r"cwmni|awdurdod|mudiad|comisiynydd|grŵp|grwp|"
    # bodies' words of other languages, which names with particles hold ("Conseil des Ministres", "Banco do
    # Brasil", "Universität zu Köln"): the particles alone would make them people's names
    r"conseil|consejo|consiglio|caisse|banque|banco|chambre|ordre|"
    # words that are people's surnames too ("Moussa Camara", "Klaus Kammer", "Hanna Bank", "Marco Cassa") are
    # a body's only with a connector after them ("Cámara de Comercio", "Caja de Ahorros", "Bank of England")
    r"(?:caja|cassa|banca|bank|c[aá]mara|kammer)(?=[ \t]+(?:(?:of|for|de|del|do|dos|da|das|di|dei|della|des|"
    r"du|für|der|zu|zur)\b|d['’]))|"
    r"ordem|ordine|colegio|universit[äéàa]t?|universidad|universidade|hochschule|stiftung|stichting|"
    r"fondation|fondazione|fundaci[oó]n|funda[cç][aã]o|institut|instituto|istituto|verband|verein|"
    r"gesellschaft|asociaci[oó]n|associa[cç][aã]o|associazione|f[eé]d[eé]ration|federaci[oó]n|syndicat|"
    r"sindicato|minist[eè]re|ministerio|ministero|comit[eé]|comisi[oó]n|commissione|agence|agencia|"
    r"soci[eé]t[eé]|sociedad|compagnie|compa[nñ][ií]a|entreprise|empresa|konzern)\b",
    re.IGNORECASE,
)
# A mailbox's display name that is a part of a body, not the body ("Children's Services Policy", "Policy
# Team", "Planning Department"): "Home Office", "Beacon Recovery Service" are bodies.
DEPARTMENT_MAILBOX = re.compile(r"\b(?:policy|team|unit|directorate|department|division|section|inbox|mailbox"
                                r"|enquiries|consultations?|secretariat|responses)\W*$", re.IGNORECASE)
ROLE_WORDS = re.compile(
    r"\b(director|chair|chairman|chairwoman|chairperson|chief|officer|manager|secretary|executive|"
    r"president|head|co-?ordinator|clerk|lecturer|professor|member|worker|trustee|treasurer|founder|"
    r"partner|advis[eo]r|counsel|lead|vice|ceo|coo|cfo|policy|consultant|volunteer|governor|"
    r"representative|researcher|fellow|deputy|assistant|convenor|organiser|minister|pa to|analyst|"
    r"specialist|leader|principal|editor|owner|solicitor|superintendent|headteacher|head[ \t]+teacher|"
    r"headmaster|headmistress|bursar|"
    r"pennaeth|cadeirydd|clerc|ysgrifennydd|trysorydd|swyddog|cyfarwyddwr|rheolwr)\b",  # (Welsh: head, chair,
    re.IGNORECASE,  # clerk, secretary, treasurer, officer, director, manager)
)
TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor|revd|rev|reverend|cllr|councillor|sir|dame|lord|lady|"
    r"baroness|imam|rabbi|father|fr|sister|brother|pastor|canon|bishop|ch supt|chief superintendent|"
    r"supt|dci|insp|sgt|rt hon|hon|judge|capt)\.?\s+)+",
    re.IGNORECASE,
)
NAME_SUFFIXES = re.compile(r"(?:,?\s+(?:jp|mbe|obe|cbe|qc|kc|mp|msp|phd|frsa|dl|ma|msc|bsc))+\.?$",
                           re.IGNORECASE)
CONNECTORS = {"of", "for", "the", "and", "in", "de", "du", "des", "la", "le", "für", "der", "die", "van",
              "von", "del", "y", "et", "&", "upon", "under", "do", "dos", "da", "zu", "zur", "di",
              "della"}
LOWER_SUFFIXES = {"plc", "e.v.", "aisbl", "asbl", "vzw", "ivzw", "ggmbh", "e.g.", "ltd", "ltd."}
# Words that cannot be an organisation on their own: the consultation, its instrument, its addressees.
GENERIC = {
    "public", "consultation", "draft", "final", "joint", "written", "formal", "our", "my", "key", "general",
    "further", "detailed", "summary", "ai", "act", "eu", "the", "european", "commission", "regulation",
    "proposal", "response", "position", "paper", "feedback", "comments", "introduction", "executive",
    "contents", "table", "annex", "appendix", "page", "statement", "date", "version", "we", "this", "it",
    "i", "in", "dear", "re", "note", "overview", "background", "members", "parliament", "council",
    "government", "union", "artificial", "intelligence", "question", "questions", "answer", "unclassified",
    "confidential", "copyright", "mr", "mrs", "ms", "dr", "sir", "madam", "yours", "regards", "key messages",
    "he", "she", "they", "you", "us", "me", "them",
}
DETERMINERS = {
    "this", "these", "that", "those", "our", "its", "their", "his", "her", "a", "an", "each", "every", "all",
    "some", "any", "many", "most", "such", "both", "in", "for", "with", "as", "if", "when",
}
ANSWER_WORDS = {"no", "yes", "none"}  # a name of these alone is an answer ("3. No comment.": "No")
# A name ending in one of these is a document or an idea ("New Legislative Framework"), not a body.
NOT_ORG_HEADS = {
    "framework", "act", "regulation", "directive", "proposal", "approach", "paper", "report", "strategy",
    "plan", "principle", "principles", "system", "systems", "law", "code", "standard", "standards",
    "requirement", "requirements", "article", "annex", "title", "chapter", "section", "consultation",
    "response", "summary", "introduction", "recommendations", "conclusion",
}
STOP_ORGS = {"european commission", "commission", "european parliament", "council", "european union", "eu",
             "ai act", "artificial intelligence act", "government", "hm government", "parliament",
             "the council", "member states", "commission europeenne", "europaische kommission"}

HOME_ADDRESS = re.compile(
    r"^(?:flat \d+|\d+[a-z]?\s+[a-z][\w' ]*\b(?:road|street|avenue|close|lane|drive|way|rise|row|crescent|"
    r"gardens|grove|place|court|terrace|walk|hill|park|mews|square|view))\b|"
    r"^[a-z][\w ]*\s[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$|^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$",
    re.IGNORECASE,
)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
VALEDICTION = re.compile(
    r"^(?:yours\s+(?:faithfully|sincerely|truly|respectfully)|your faithfully|kind(?:est)? regards|"
    r"best regards|warm regards|regards|best wishes|with (?:best|kind) wishes|(?:many )?thanks|thank you|"
    r"sincerely|"
    r"respectfully|signed(?: on behalf of[^:]*)?:?)\s*[,.!:]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
CONTACT_LINE = re.compile(r"^(?:tel|telephone|phone|mob|mobile|fax|e-?mail|web|www|t:|e:|m:)\b|@|https?://|"
                          r"^-{2,}|^(from|sent|to|subject|date):|"
                          # a telephone number on its own line under a signature ("07811 909191", "+44 (0)20
                          # 7946 0958"): it had hidden the name above it
                          r"^\+?\(?\d[\d \t()-]{8,18}\d$", re.IGNORECASE)
PERSONAL = re.compile(
    r"\b(?:in a personal capacity|as an? (?:private )?individual|as a member of the public|"
    r"my own (?:personal )?views?|personal (?:response|view)|as a supporter of the|as an ordinary|"
    r"i am writing as (?:a|an|someone))\b",
    re.IGNORECASE,
)
# A writer naming the body they write for by their office in it ("I write as chair of the Marlow Road
# Residents' Association", "I am responding in my capacity as Clerk to Westvale Parish Council"): the body
# responds. Not "as a member of" (one of many, who may write for themselves).
WRITES_AS = re.compile(
    r"\bI(?: am|['’]m)? (?:write|writing|respond|responding|submit|submitting|reply|replying)\b[^.\n]{0,40}?"
    r"\b(?:as|in my capacity as) (?:the )?(?P<role>(?:(?:vice|deputy|honorary|acting|joint)[ -])?"
    r"(?:chair|chairman|chairwoman|chairperson|secretary|clerk|president|director|chief executive|treasurer|"
    r"convenor|co-?ordinator|manager|head|leader|founder|organiser))"
    r" (?:of|for|to|at) (?:the )?(?P<rest>[^\n]{3,200})",
    re.IGNORECASE,
)
WEBMAIL = {"gmail", "googlemail", "hotmail", "outlook", "yahoo", "btinternet", "icloud", "aol", "live",
           "sky", "virginmedia", "talktalk", "protonmail", "gmx", "me"}

UP = "A-ZÀ-ÖØ-ÞĀ-ŽΑ-Ω"  # capitals, for name patterns (Latin, accented, Greek)
_BREAK_TOKEN = re.compile(r"^(?:\d+[.)]?|[•·▪◦*–—-]|\d+(?:st|nd|rd|th))$")  # numbering and bullets end a name
_CAP_TOKEN = re.compile(rf"^[\"“‘(]?[{UP}0-9&][\w'’.&\-/]*[\"”’)]?[,;:]?$")


def fold(text: str) -> str:
    """Lower-case, accents and punctuation removed: for comparing names written different ways."""
    text = unicodedata.normalize("NFKD", text.replace("&", " and ")).encode("ascii", "ignore").decode()
    text = re.sub(r"['’]s\b", "", text.lower())
    return " ".join(re.findall(r"[a-z0-9]+", text))


def org_key(name: str) -> str:
    """Comparison key of an organisation name: folded, without a leading "the"."""
    return re.sub(r"^the ", "", fold(name))


def same_org(a: str, b: str) -> bool:
    """Same organisation written differently: equal keys, one inside the other, or an acronym of it."""
    ka, kb = org_key(a), org_key(b)
    if not ka or not kb:
        return False
    if ka == kb or f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} ":
        return min(len(ka), len(kb)) >= 3
    return acronym(a) == kb.replace(" ", "") or acronym(b) == ka.replace(" ", "") or spelled_out(a, b) \
        or spelled_out(b, a)


def spelled_out(short: str, full: str) -> bool:
    """`full` is `short` with its last word, an acronym in capitals, spelled out ("Pontnewydd WI",
    "Pontnewydd Women's Institute"; "Hafren Vale CVS", "Hafren Vale Council for Voluntary Service")."""
    words = short.split()
    if len(words) < 2 or not re.fullmatch(r"[A-Z]{2,6}", words[-1]):
        return False
    head, rest = org_key(" ".join(words[:-1])), org_key(full)
    return rest.startswith(head + " ") and acronym(rest[len(head):]) == words[-1].lower()


def acronym(name: str) -> str:
    """Initials of a multi-word name ("Voluntary Sector Justice Network" -> "vsjn"), else ""."""
    words = [w for w in fold(name).split() if w not in CONNECTORS]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _is_cap(token: str) -> bool:
    return bool(_CAP_TOKEN.match(token)) or token.lower().rstrip(",") in LOWER_SUFFIXES


def clean_org(name: str) -> str:
    """Trim articles, possessives and punctuation left over from the sentence an org was read from."""
    name = re.sub(r"\s+", " ", name).strip(" \t,;:-–—\"“”‘’()")
    name = re.sub(r"^(?:the|our|on behalf of|from[ \t]*:)\s+", "", name, flags=re.IGNORECASE)  # ("From: X":
    # a document's own sender line)
    name = re.sub(r"['’][sS]$", "", name)
    if name.endswith(".") and not re.search(r"(?:\b[A-Za-z]\.){2,}$|\b(?:Ltd|Inc|Co|Corp)\.$", name):
        name = name[:-1]
    words = name.split()  # a name written twice in a row, as extraction joins a signature's last two lines
    half = len(words) // 2  # ("on behalf of Northshire County Council" / "Northshire County Council")
    if len(words) >= 4 and not len(words) % 2 and fold(" ".join(words[:half])) == fold(
            " ".join(words[half:])):
        name = " ".join(words[:half])
    return name.strip(" ,;:")


# What a place is said to be ("Millbrook is a small village and ...", "X is a market town"): not a body
# ("X is a town council", "X is the county's charity", "X is a city-wide network" are, or may be)
PLACE_SAID = re.compile(
    r"^is (?:a|an|the)\b(?:(?!\b(?:council|authority|board|trust|partnership|group|association|society|forum"
    r"|network|charity|service|project|centre|center)\b)[^.,;:]){0,40}?"  # ("a small parish council serving
    r"\b(?:village|town|city|hamlet|suburb|county|borough|parish|region|"  # a village": a body)
    r"neighbourhood|neighborhood|settlement|conurbation|island|country)(?![-'’\w])(?![ \t]+(?:\w+[ \t]+)?"
    r"(?:council|authority|board|trust|partnership|group|association|society|forum|network|charity)\b)",
    re.IGNORECASE)
# The end of a street's or place's name ("Mill Lane", "Station Road"), which two capitalised words share with
# a person's
STREET_LAST = re.compile(r"\b(?:road|street|avenue|close|lane|drive|way|rise|row|crescent|gardens|grove|"
                         r"place|court|terrace|walk|hill|park|mews|square|view|green|fields?|meadows?)$",
                         re.IGNORECASE)
# A file's name that is its writer's, as intake teams name post ("D Okafor response.pdf", "Comments - S
# Pike", "Letter from Sarah Jennings", "Mrs M Ellis"): the words left of a part once words about the paper go
FILE_PAPER_WORDS = re.compile(
    r"^(?i:(?:letter|response|comments?|submission|reply|email|e-mail|note)s?[ \t]+(?:from|of|by)[ \t]+)"
    r"|(?:[ \t]+[a-z][\w-]*)+$|(?:[ \t]+(?:Response|Comments?|Letter|Submission|Reply|Consultation))+$")
FILE_INITIALS_NAME = re.compile(rf"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)?(?:[{UP}]\.?[ \t]*){{1,2}}[ \t]"
                                rf"[{UP}][a-z]+(?:[-'’][{UP}][a-z]+)?")


# A question's number opening a form's label ("Q3 Infrastructure comments", "Question 2 - views"): a
# label, never a body's name
QUESTION_LABEL = re.compile(r"(?:q|question)[ \t.]*\d+[a-z]?\b", re.IGNORECASE)


def valid_org(name: str | None) -> bool:
    """Plausible organisation name: short, not only generic words, not the consultation's addressees."""
    if not name:
        return False
    words = fold(name).split()
    if not words or len(words) > 14 or len(name) > 120:
        return False
    if all(w in GENERIC or w in CONNECTORS for w in words) or org_key(name) in STOP_ORGS:
        return False
    if words[0] in DETERMINERS or words[-1] in NOT_ORG_HEADS or QUESTION_LABEL.match(name):
        return False
    if len(words) == 1 and (ORG_WORDS.fullmatch(words[0]) or words[0] in ANSWER_WORDS):  # "Association": a
        # kind of body, not a name
        return False
    return not re.search(r"\d{3,}|@|https?:|www\.", name)


_SENTENCE_OPENER = re.compile(r"(?:We|Our|I|It|Its|This|These|They|Their|He|She|His|Her|You|As|In)\b")


def split_org_prefix(text: str) -> tuple[str | None, str]:
    """The capitalised run at the start of `text` and the text after it.

    "Union of Probation Staff to the ..." -> the union. Commas are kept only when the rest of the line is
    still a name ("Centre for X, University of Y").
    """
    tokens = text.split()
    out: list[str] = []
    i = 0
    name_to_end: list[bool] | None = None  # [k]: tokens[k:] are all name words (worked out once: linear)
    while i < len(tokens):
        tok = tokens[i]
        if ((tok.startswith("(") or tok == "The") and out) or _BREAK_TOKEN.match(tok):
            break
        if _is_cap(tok):
            out.append(tok)
            i += 1
            if tok.endswith(".") and len(tok.rstrip(".")) > 1 and i < len(tokens) \
                    and _SENTENCE_OPENER.match(tokens[i]):
                break  # "on behalf of Barnardo's. We welcome ...", "Meridian Analytics Ltd. We": a sentence
                # ends
            if tok.endswith((",", ";", ":")):
                if name_to_end is None:
                    name_to_end = [True] * (len(tokens) + 1)
                    for k in range(len(tokens) - 1, -1, -1):
                        name_to_end[k] = name_to_end[k + 1] and (
                            _is_cap(tokens[k]) or tokens[k].lower() in CONNECTORS)
                if not name_to_end[i]:
                    break
        elif tok.lower() in CONNECTORS and out and i + 1 < len(tokens):
            out.append(tok)
            i += 1
        else:
            break
    while out and out[-1].lower().rstrip(",") in CONNECTORS:
        out.pop()
        i -= 1
    rest = " ".join(tokens[i:])
    if out and out[-1].endswith((",", ";", ":")):
        rest = out[-1][-1] + " " + rest
    name = clean_org(" ".join(out))
    return (name if valid_org(name) else None), rest


_ACRONYM_SUBJECT = re.compile(r"^(?P<name>[^()\n]{3,120}?)\s*\(\s*(?P<acr>[A-Z][\w&]{1,10})\s*\)\s*"
                              r"(?P<rest>.*)$")


def split_acronym_subject(text: str) -> tuple[str | None, str]:
    """A name followed by its acronym at the start of `text` ("Association française des Sociétés Financières
    (ASF) représente ..."): the acronym's letters, the initials of the name's capitalised words (or of all
    but its connectors: "Association nationale des ... (AN...)"), vouch for lower-case words inside the
    name that `split_org_prefix` stops at. (None, text) otherwise."""
    found = _ACRONYM_SUBJECT.match(text)
    if not found or len(found["name"].split()) > 10:
        return None, text
    words = [w for w in re.split(r"[\s\-]+", found["name"]) if w and w.lower() not in CONNECTORS]
    initials = {"".join(w[0] for w in words if w[0].isupper()), "".join(w[0] for w in words)}
    name = clean_org(found["name"])
    if found["acr"].lower() not in {i.lower() for i in initials} or not valid_org(name):
        return None, text
    return name, found["rest"]


def org_prefix(text: str) -> str | None:
    """The organisation name `text` starts with, if any."""
    return split_org_prefix(text)[0]


def org_suffix(text: str) -> str | None:
    """The capitalised run at the end of `text`, e.g. the org before "response to" in a title line."""
    tokens = text.split()
    out: list[str] = []
    for tok in reversed(tokens):
        if _BREAK_TOKEN.match(tok):
            break
        if tok == "The":
            break
        if (_is_cap(tok) and not tok.endswith((",", ";", ":"))) or (tok.lower() in CONNECTORS and out):
            out.insert(0, tok)
        else:
            break
    while out and out[0].lower() in CONNECTORS - {"the"}:
        out.pop(0)
    name = clean_org(" ".join(out))
    return name if valid_org(name) else None


def org_type(name: str) -> str | None:
    """Respondent type implied by keywords in an organisation's name, None when the name says nothing. A
    Welsh name opening with its body's word is read in English first (`welsh_gloss`: "Ysgol y Graig" is
    typed as "Graig School" would be)."""
    for candidate in filter(None, (welsh_gloss(name), name)):
        if rtype := _rule_type(candidate):
            return rtype
    return None


def _rule_type(name: str) -> str | None:
    """The first of `TYPE_RULES` a name's words match."""
    return next((rtype for pattern, rtype in TYPE_RULES if pattern.search(name)), None)


# Welsh bodies' words that open a Welsh body's name, with their mutated forms, in English
_WELSH_HEAD = {
    "ysgol": "School", "canolfan": "Centre", "ganolfan": "Centre", "clwb": "Club", "glwb": "Club",
    "grŵp": "Group", "grwp": "Group", "ymddiriedolaeth": "Trust", "elusen": "Charity", "cymdeithas":
    "Association", "gymdeithas": "Association", "eglwys": "Church", "capel": "Chapel", "sefydliad":
    "Institute", "pwyllgor": "Committee", "fforwm": "Forum", "rhwydwaith": "Network", "partneriaeth":
    "Partnership", "gwasanaeth": "Service", "gwasanaethau": "Services", "comisiynydd": "Commissioner",
    "awdurdod": "Authority", "cwmni": "Company", "mudiad": "Movement", "menter": "Enterprise",
    "cylch": "Circle", "meithrinfa": "Nursery",  # ("Cylch Meithrin", a playgroup: no type, not a "group")
}
# words after it that describe the body, in English (Welsh puts them after the noun: "Canolfan Gymunedol",
# community centre; "Cymdeithas Tai", housing association; "Sefydliad y Merched", women's institute)
_WELSH_WORD = {
    "gymunedol": "Community", "cymunedol": "Community", "cymuned": "Community", "gymuned": "Community",
    "ieuenctid": "Youth", "tai": "Housing", "merched": "Women's", "gynradd": "Primary", "uwchradd":
    "Secondary", "gyfun": "Comprehensive", "feithrin": "Nursery", "meithrin": "Nursery", "babanod": "Infant",
    "iau": "Junior", "arbennig": "Special", "anabledd": "Disability", "neuadd": "Hall", "pentref": "Village",
    "bentref": "Village", "parc": "Park", "cenedlaethol": "National", "bysiau": "Bus", "iechyd": "Health",
    "llyfrgell": "Library", "lyfrgell": "Library", "gwirfoddol": "Voluntary", "gwirfoddolwyr": "Volunteers",
    "cyf": "Ltd", "cyfyngedig": "Limited", "cymorth": "Support", "cefnogi": "Support", "gofalwyr": "Carers",
}
# a university's school's subject ("Ysgol y Gyfraith", school of law; "Ysgol Addysg", of education)
_WELSH_SUBJECT = {
    "gyfraith": "Law", "cyfraith": "Law", "addysg": "Education", "feddygaeth": "Medicine", "fusnes":
    "Business", "busnes": "Business", "gymraeg": "Welsh", "hanes": "History", "gwyddorau": "Sciences",
    "seicoleg": "Psychology", "gerddoriaeth": "Music", "beirianneg": "Engineering", "peirianneg":
    "Engineering", "nyrsio": "Nursing", "gelf": "Art", "celfyddydau": "Arts", "ieithoedd": "Languages",
    "athroniaeth": "Philosophy", "ddiwinyddiaeth": "Theology", "fathemateg": "Mathematics", "gemeg":
    "Chemistry", "ffiseg": "Physics", "ddaearyddiaeth": "Geography", "economeg": "Economics",
    "wleidyddiaeth": "Politics", "gyfrifiadureg": "Computing", "amaeth": "Agriculture", "ieithyddiaeth":
    "Linguistics", "newyddiaduraeth": "Journalism", "fferylliaeth": "Pharmacy", "ddeintyddiaeth": "Dentistry",
    "gwyddor": "Science", "astudiaethau": "Studies",
}
_WELSH_ARTICLES = {"y", "yr", "'r", "’r"}


def welsh_gloss(name: str) -> str | None:
    """A Welsh body's name in English word order, for its type: the body's word (`_WELSH_HEAD`) last, the
    words describing it before (`_WELSH_WORD`, in reverse: "Pwyllgor Neuadd y Pentref" is a village hall
    committee), its own name first ("Ysgol y Graig": "Graig School"); a school of a subject is a university's
    ("Ysgol y Gyfraith": "School of Law"). None when the name does not open with a Welsh body's word, or when
    the words after it are typed in English already: an English name whose first word is a Welsh body's word
    too ("Capel Manor College", "Capel Street Surgery": no chapel)."""
    words = name.split()
    head = _WELSH_HEAD.get(words[0].lower()) if words else None
    if head is None or _rule_type(" ".join(words[1:])):
        return None
    rest = [w for w in words[1:] if w.lower() not in _WELSH_ARTICLES]
    if rest and (subject := _WELSH_SUBJECT.get(rest[0].lower())):
        return f"{head} of {subject}"
    own = [w for w in rest if w.lower() not in _WELSH_WORD]
    said = [_WELSH_WORD[w.lower()] for w in rest if w.lower() in _WELSH_WORD]
    legal = [w for w in said if w in ("Ltd", "Limited")]
    return " ".join([*own, *reversed([w for w in said if w not in legal]), head, *legal])


# What a body says it is, in its own words ("X is a European non-profit association", "As a trade union,
# we ...", "X, an independent private company, ..."). First match wins, so the kind of body comes before what
# it is for: a "non-profit association" is an association, a "not-for-profit company" a charity, a
# "non-profit research organisation" academic. Words of the main EU languages are included: consultations
# in Brussels receive papers written in German and French.
_SELF_TYPE_RULES: tuple[tuple[str, str], ...] = (
    # a university's unit named with it ("Department of Information Studies, Aberhafren University": not a
    # government department)
    (_UNIVERSITY_UNIT, "academic"),
    # a community association, a women's institute: community groups ("association" is a members' body's)
    (r"\bcommunity association\b|\bwomen'?s institutes?\b|(?-i:\bWI$)", "charity"),
    (r"\bhousing association\b|\bcommunity interest company\b", "charity"),  # (as their names are: "X is a
    # housing association managing 14,500 homes")
    (r"\b(?:trade|labou?r|students['’]?) unions?\b|\bunion of\b|\b(?:con)?f[eé]d[eé]ration\b|"
     r"\bassociation\b|\bchambers? of\b|\bumbrella (?:body|organi[sz]ation|group)\b|\b(?:trade|industry|"
     r"business|professional|membership|representative|sector) (?:body|organi[sz]ation)s?\b|"
     r"\b(?:network|alliance|coalition) of\b|\b(?:learned|professional|scientific|medical) society\b|"
     r"\bsociety of\b|\bvoice of (?:the )?(?:\w+ ){1,3}(?:industry|sector|profession)\b|"
     r"\bverband\b|\bkammer\b|\bvereinigung\b|\binteressenvertretung\b|\bgesetzliche vertretung\b|"
     r"\bsyndicat\b", "representative_body"),
    (r"\buniversit(?:y|ies|ät|é)\b|\bthink[- ]tank\b|"
     r"\bresearch (?:institute|institution|organi[sz]ation|cent(?:re|er)|group|unit|lab(?:oratory)?|body)\b|"
     r"\bacademic (?:institution|body|cent(?:re|er)|network)\b|\bhigher education (?:institution|provider)\b",
     "academic"),
    (r"\blocal (?:authority|government)\b|\bmunicipality\b|\b(?:county|city|borough|district|town|parish) "
     r"council\b", "local_authority"),
    (r"\b(?:public|statutory|governmental|government) (?:body|authority|agency|institution)\b|\b(?:national|"
     r"federal|regulatory|supervisory|competent) (?:authority|agency|regulator)\b|\bministry\b|"
     r"\bgovernment department\b|\bregulator\b", "public_body"),
    (r"\bcharit(?:y|able)\b|\bnon-?profit\b|\bnot[- ]for[- ]profit\b|\bngo\b|\bnon-governmental\b|"
     r"\bcivil society organi[sz]ation\b|\bvoluntary organi[sz]ation\b|\bcampaign(?:ing)? (?:group|"
     r"organi[sz]ation)\b|\badvocacy (?:group|organi[sz]ation)\b|\bfoundation\b|\bcivic movement\b|"
     r"\bsocial enterprise\b|\bcommunity group\b|\b(?:peer|mutual|self-help) support group\b|"
     r"\bsupport group run by\b|\bvoluntary group\b", "charity"),
    (r"\bcompan(?:y|ies)\b|\bcorporation\b|\bfirm\b|\bmanufacturer\b|\bsupplier\b|\bprovider of\b|"
     r"\bmultinational\b|\blisted on\b|\bpublicly (?:traded|listed)\b|\bstart-?up\b|"
     r"\b(?:a|family) business\b|\((?:nyse|nasdaq|euronext|lse|aex|xetra|ftse)\s*:|\bunternehmen\b|"
     r"\bentreprise\b", "private_company"),
)
SELF_TYPE_RULES = tuple((re.compile(p, re.IGNORECASE), t) for p, t in _SELF_TYPE_RULES)
# A description stops being about the body itself where it names something the body belongs to or works with.
_NOT_ITSELF = re.compile(r"\b(?:members?|part|partner|signator(?:y|ies)|affiliate|subsidiary) of\b|"
                         r"\bin association with\b|\bfunded by\b|\bon behalf of\b|\bworking with\b",
                         re.IGNORECASE)


def what_it_is(description: str) -> str:
    """What a body says it is, up to where the description turns to something else ("a member of the X
    Association" says nothing of the member)."""
    return _NOT_ITSELF.split(description[:160], maxsplit=1)[0]


def is_a_type(description: str) -> str | None:
    """Type from what a body says it is ("NEC is a Japanese ... company"), `what_it_is`."""
    own = what_it_is(description)
    for pattern, rtype in SELF_TYPE_RULES:
        if pattern.search(own):
            return rtype
    return None


# A predicate saying the subject serves many people ("supports 2,300 unpaid carers", "serves 400 meals a
# week", "represents 40,000 members"): a body's, though its name has no body's word and may be read as a
# person's ("Carers Together Northam"); not a share or a span ("supports 30 per cent", "20 hours")
SERVES_MANY = re.compile(
    r"^(?:supports|serves|represents|works with|helps|cares for|feeds|houses|manages?|has (?:supported|served"
    r"|helped))"
    r"[ \t]+(?:more than[ \t]+|over[ \t]+|around[ \t]+|about[ \t]+|some[ \t]+|nearly[ \t]+)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d{2,})\+?[ \t]+"
    r"(?!per[ \t]?cent|percent|%|hours?|days?|weeks?|months?|years?)[a-z]",
    re.IGNORECASE)
# A predicate or appositive saying the subject is a body ("X, a not-for-profit company registered in ...", "X
# is a charity"), not a person's job ("a company director", "an independent consultant").
SAYS_BODY = re.compile(
    r"^[,\s]{0,3}(?:is[ \t]+)?(?:an?|the)[ \t]+(?:[\w'-]+[ \t]+){0,4}?(?:company|charity|association|"
    r"organi[sz]ation|foundation|federation|union|institute|network|body|co-?operative|society|trust|ngo|"
    r"firm|corporation|enterprise|consortium|alliance|coalition|agency|authority|council|collective)\b"
    r"(?![ \t]+(?!registered|based|founded|established|incorporated|that|which|with|in|of|for|and|"
    r"limited|[a-z]+ing\b)\w)",  # (what it does: "a housing association managing 14,500 homes")
    re.IGNORECASE,
)


# Legal forms written after a name ("DIN e. V.", "Getty Images (UK) Ltd"): what kind of body the law says.
_LEGAL_FORMS: tuple[tuple[str, str], ...] = (
    (r"e\.\s?V\.|a\.?i\.?s\.?b\.?l\.?|asbl|i?vzw|eingetragener Verein", "representative_body"),
    (r"Ltd\.?|Limited|plc|PLC|LLP|LLC|Inc\.?|Corp\.?|Corporation|GmbH|AG|SE|S\.A\.|SA|S\.p\.A\.|SpA|N\.V\.|NV|"
     r"B\.V\.|BV|Oyj?|AB|A/S|ASA|SAS|S\.A\.S\.|SARL|KK", "private_company"),
)


# Legal forms that are no word of a person's sign-off ("Anne-Marie Dupont, SA Health", "SE Regional Manager",
# "AG Consultant" are): only these, written right after a name, say the name is a body's and not a person's.
_SURE_FORMS = (r"e\.\s?V\.|a\.i\.s\.b\.l\.|aisbl|asbl|i?vzw|eingetragener Verein|Ltd\.?|Limited|plc|"
               r"PLC|LLP|LLC|Inc\.?|GmbH|gGmbH|S\.A\.|S\.p\.A\.|SpA|N\.V\.|B\.V\.|Oyj|A/S|S\.A\.S\.|SARL")


def legal_form_type(name: str, text: str) -> str | None:
    """Type from a legal form the text writes after `name` (case-sensitive: "AG", "SE" are words too)."""
    base = re.escape(re.sub(r"\s+", " ", name.strip())).replace(r"\ ", r"[ \t]{1,3}")
    gap = r"[ \t]{0,3}"  # bounded, and on one line: unbounded runs make the search quadratic on long spaces
    for forms, rtype in _LEGAL_FORMS:
        if re.search(rf"(?<![\w-]){base}{gap},?{gap}(?:\([A-Z]{{2,3}}\){gap})?(?:{forms})(?![\w-])", text):
            return rtype
    return None


def legal_form_after(name: str, text: str) -> bool:
    """The text writes an unambiguous legal form right after `name`, no comma between ("Bolt-Hansen Logistik
    GmbH", "Rolls-Royce (UK) plc"): the name is a body's. Not "Anne-Marie Dupont, SA Health"."""
    base = re.escape(re.sub(r"\s+", " ", name.strip())).replace(r"\ ", r"[ \t]{1,3}")
    gap = r"[ \t]{1,3}"  # (bounded: linear on long runs of spaces)
    form = rf"(?<![\w-]){base}{gap}(?:\([A-Z]{{2,3}}\){gap})?(?:{_SURE_FORMS})(?![\w-])"
    return re.search(form, text) is not None


def form_type(value: str) -> str | None:
    """Type from a form's own answer ("Charity or voluntary organisation"), None for "Other" and the like."""
    for pattern, rtype in FORM_TYPE_RULES:
        if pattern.search(value):
            return rtype
    return None


def domain_type(address: str) -> str | None:
    """Respondent type hinted by an e-mail domain (".gov.uk" council, ".ac.uk", ".nhs.uk", ".police.uk")."""
    domain = address.rpartition("@")[2].lower()
    labels = [label for label in domain.split(".") if label and label != "example"]
    joined = ".".join(labels)
    if "probation" in joined:
        return "probation"
    if joined.endswith(("police.uk", "nhs.uk", "nhs.net", "justice.gov.uk", "homeoffice.gov.uk")):
        return "public_body"
    if joined.endswith(("ac.uk", ".edu")) or ".edu." in joined:
        return "academic"
    if joined.endswith("gov.uk"):
        return "local_authority"
    return None


def is_webmail(address: str) -> bool:
    """A personal mailbox (gmail, hotmail ...): weak evidence the sender writes as an individual."""
    labels = address.rpartition("@")[2].lower().split(".")
    return bool(labels) and labels[0] in WEBMAIL


def parse_from(header: str) -> tuple[str, str]:
    """(display name, address) of a From header; tolerates an unquoted comma ("Smith, Jane <j@x>") and a
    quoted part with more after it ('"Pennaeth / Headteacher", Ysgol Gynradd Cwm Eithin <p@x>': the school's
    part was lost, the whole read as an address)."""
    angle = re.match(r"^\s*([^<]*?)\s*<([^<>@\s]+@[^<>\s]+)>\s*$", header)
    display, address = (angle[1].replace('"', ""), angle[2]) if angle else parseaddr(header)
    return display.strip().strip("\"'"), address


def looks_like_name(line: str, brands: bool = True) -> bool:
    """A person's name line: optional title, 1-4 capitalised words ("Peter and Jean Marsden" too).
    `brands` rules out words with a capital inside ("VictimVoice"); a sign-off's name line keeps them
    ("CeeJay Addison"), since people spell their own names that way too."""
    line = " ".join(line.split()).strip(",")  # (single spaces: the suffix pattern is quadratic on runs)
    has_title = bool(TITLES.match(line))
    core = NAME_SUFFIXES.sub("", TITLES.sub("", line)).strip()
    words = core.split()
    if not words or len(words) > 5 or any(p.search(core) for p in (ORG_WORDS, ROLE_WORDS, SCHOOL_NAME)):
        return False
    if not has_title and len(words) < 2:
        return False
    if brands and any(re.search(r"[a-z][A-Z]", w) and not w.startswith(("Mc", "Mac")) for w in words):
        return False  # "VictimVoice": brand names, not people
    return all(re.match(rf"^[{UP}][\w'’\-.]*$", w) or w == "and" for w in words) and words[-1] != "and"


def about_heading(line: str) -> str | None:
    """What an "About X" heading (`about.ABOUT_HEADING`) is about: "" for "About us" / "Who we are", the
    name X for "About Royal Philips" / "ABOUT GETTY IMAGES", None for any other line."""
    found = ABOUT_HEADING.match(" ".join(line.split()))
    if not found:
        return None
    return re.sub(r"^the\s+", "", found["name"] or "", flags=re.IGNORECASE)


def person_names(line: str, some: bool = False) -> list[str]:
    """The names of a byline or credit line ("Laurent Dupont, Olivier Fliche, Su Yang", "Heleen L. Janssen*",
    "Jan van der Berg"), or [] when any part of it is not a person's name; with `some`, the parts that are
    ("Jane Smith, Westvale Trust": Jane Smith)."""
    line = " ".join(line.split())  # (single spaces: the split is quadratic on long runs)
    parts = [FOOTNOTE_MARK.sub("", part).strip() for part in re.split(r" ?[,;] ?| (?:and|&) ", line)]
    parts = [part for part in parts if part]
    names = [part for part in parts if looks_like_name(part) or (" " in part and person_like(part))]
    return names if names and (some or len(names) == len(parts)) else []


PARTICLES = {"van", "de", "der", "den", "la", "le", "von", "di", "du", "da", "del", "della", "dos", "das",
             "ten", "ter", "y", "bin", "al", "st", "ní", "nic", "ó", "ua", "ibn", "bint", "ben", "el", "los",
             "las", "des", "do", "zu", "zur", "ap", "af", "'t", "’t"}  # lower-case words in people's names
_INITIALS = re.compile(rf"^(?:[{UP}]\.){{1,3}}[,;]?$|^[{UP}]$")
# a capitalised name word, its parts joined by "-" or "'" ("Saint-Exupéry", "Smith-Jones", "O'Brien-Kelly",
# "Jean-Luc"), after a prefix ("McDonald", "D'Arcy", "DeVito")
_NAME_PART = rf"(?:Mc|Mac|O['’]|D['’]|De|Di|Da|La|Le)?[{UP}][a-zà-ÿā-ž]+"
_NAME_WORD = re.compile(rf"^{_NAME_PART}(?:[-'’](?:{_NAME_PART}|[a-zà-ÿā-ž]+))*\.?$")


def person_like(text: str) -> bool:
    """Names of people, tolerant of particles and initials ("Jan van der Berg", "Marie de la Tour", "Smith,
    J.", "J.R. Hartley", "Jane Smith & John Doe"): capitalised words, initials, particles and "and"/"&", no
    organisation word, no acronym, no brand capital inside a word. For vetoes: it says a name may be a
    person's, not that it is."""
    core = NAME_SUFFIXES.sub("", TITLES.sub("", " ".join(text.split()))).strip(" ,;")
    if not core or ORG_WORDS.search(core) or len(core) > 80:
        return False
    words = [w for w in re.split(r"[\s,;]+", core) if w and w.lower() not in {"and", "&"}]
    if not words or len(words) > 8:
        return False
    capitals = 0
    for word in words:
        if word.lower() in PARTICLES or _INITIALS.match(word):
            continue
        if not _NAME_WORD.match(word):
            return False
        capitals += 1
    return capitals >= 1


# "Las Vegas Sands", "Het Parool": a name opening with an article is a body's or a place's. Only articles that
# open no people's names: "Les Dawson", "El Amrani", "Lo Wai Ming", "Le Roux", "La Rosa", "Los Santos" do
ARTICLE_FIRST = re.compile(r"(?:Las|Het)\s")
# "Women's Aid", "Lloyd's Register", "St Mungo's": a possessive is a body's (or a place's), not a joined name
POSSESSIVE = re.compile(r"\w['’]s\b")
# "St Mungo's", "Saint-Gobain Glass": a name opening with a saint's is a body's or a place's
_SAINT = re.compile(r"^(?:St\.?|Saint|Sainte|San|Santa)(?:$|-)")


def person_shaped(name: str, text: str = "") -> bool:
    """A name of two or more words shaped as only people's are (`person_like` with a particle, a hyphenated or
    apostrophe-joined part, or an initial: "Antoine de Saint-Exupéry", "Jean-Luc Picard", "Gráinne Ní
    Mháille", "J. Smith"): spaCy's ORG label does not make it a body ("Railworkers Together" it may). One
    word ("Saint-Gobain", "Coca-Cola"), a possessive ("Lloyd's Register"), a leading saint's name ("St
    Mungo's") or a legal form the `text` writes after the name ("Rolls-Royce plc") is a body's shape."""
    if not person_like(name) or POSSESSIVE.search(name):
        return False
    words = [w for w in re.split(r"[\s,;]+", " ".join(name.split())) if w]
    words = words[1:] if words and _SAINT.match(words[0]) else words
    # a capitalised first particle is a person's ("Van Dyke", "Du Plessis", "Ní Bhriain"), not an article
    # opening a body's name ("Las Vegas Sands"; `person_like` already refuses an organisation word)
    first = not ARTICLE_FIRST.match(" ".join(words))
    shaped = any((w.lower() in PARTICLES and (i or w.islower() or first)) or re.search(r"\w[-'’]\w", w)
                 or _INITIALS.match(w) for i, w in enumerate(words))
    return len(words) >= 2 and shaped and not (text and legal_form_after(name, text))


def _legal_form_in(name: str) -> bool:
    return any(re.search(rf"(?<![\w-])(?:{forms})(?![\w-])", name) for forms, _ in _LEGAL_FORMS)


def looks_like_body(name: str) -> bool:
    """A name that positively looks like a body's, on its own: an organisation word, a legal form or an
    acronym ("ANEC", "DIN"), and not a single ordinary word ("Hartley")."""
    if ORG_WORDS.search(name) or _legal_form_in(name):
        return True
    return any(re.fullmatch(r"[A-Z][A-Z0-9&]{1,9}", w.strip("(),;:")) for w in name.split())


def copyright_holder(line: str, registration: str = "") -> str | None:
    """The organisation in a copyright line ("© Association of Test Publishers 2021. All rights reserved."),
    None for authors, publishers and licences (a journal's notice names the publisher, not the writer), and
    for a holder that may be a person: it must look like a body (`looks_like_body`), or be several words
    that are not a person's name, which the caller still has to find an organisation (spaCy's ORG). A one-word
    holder is a body when the line, or the `registration` line under it, registers it ("© 2021 Crisis" /
    "Registered charity no. 1082947")."""
    found = COPYRIGHT.search(line)
    if not found or re.search(r"\bauthors?\b|published by|licen[cs]|creative commons", found["rest"], re.I):
        return None
    rest = re.split(r"\s+(?:19|20)\d\d\b|(?<!\b[A-Z])[.;|]\s|\ball rights reserved\b", found["rest"],
                    flags=re.I)[0]  # (not after an initial: "© 2021 J. Smith. Registered ..." is J. Smith)
    name = org_prefix(rest)
    if CREDIT.search(line[: found.start()]):
        return None  # "Photography © Jane Smith": a credit for a picture, not the paper's holder
    full = " ".join(rest.split()).strip(" ,;:")
    if name and full != name and full.startswith(name) and person_like(full):
        return None  # "© 2021 Juan de los Santos": a person's name, never cut at a particle to "Juan"
    if name and registered_holder(name, line + "\n" + registration):
        return name  # "© 2021 Nacro. Registered charity no. 1234567": the line says it is a body
    if not name or (not looks_like_body(name) and (len(name.split()) < 2 or person_like(name))):
        return None  # "© 2021 Jane Smith & John Doe", "© Hartley": a person, or a word that may be one
    return name


# a registration on a copyright line: its holder is a body, even a one-word one
REGISTERED_BODY = re.compile(
    r"\bregistered (?:charity|company|society)\b|\b(?:charity|company) (?:no|number)\b", re.IGNORECASE)
# credit words before a "©": the mark is a picture's or a design's, its holder often a photographer
CREDIT = re.compile(r"\b(?:photo\w*|images?|pictures?|cover|illustrations?|illustrated|artwork|design|"
                    r"graphics?|credits?)\b[ \t:]{0,3}$", re.IGNORECASE)


def registered_holder(name: str, line: str) -> bool:
    """A copyright holder the line registers as a body ("© 2021 Nacro. Registered charity no. ..."): one plain
    word, or one that looks like a body. A person's name stays one whatever follows it ("© Dr Jane Smith.
    Company number ..." may be a sole trader's), and so does a word shaped as part of one: an initial, or
    parts joined by a hyphen, apostrophe or full stop ("J", "J.Smith", "Smith-Jones", "Jean-Luc")."""
    if not REGISTERED_BODY.search(line):
        return False
    if looks_like_body(name):
        return True
    word = name.strip()
    return " " not in word and len(word) >= 3 and not re.search(r"\w[-'’.]\w|^\w\.?$", word)


def looks_like_role(line: str) -> bool:
    """A job title line in a signature block ("Director of Policy", "Chair, Safer Communities Board")."""
    return bool(ROLE_WORDS.search(line)) and len(line.split()) <= 12 and not CONTACT_LINE.search(line)


# A last word only bodies' names end with ("Oakbridge Primary School", "Macmillan Cancer Support"), though
# no organisation word: a joint response's partner so named is kept.
BODY_LAST = re.compile(r"\b(?:school|academy|collective|support|hospice|hospital|clinic|library|museum|club|"
                       r"care|aid|action|housing|research|partners|surgery|practice)$", re.IGNORECASE)


_LIST_SPLIT = re.compile(
    rf"\s*[,;]\s*(?:(?:and|AND)\s+)?|(?<!['’][sS])\s+(?:and|AND)\s+(?=(?:the\s+)?[{UP}])")
# (a list's items: "HOPE TRUST AND JANE SMITH"; not "Guy's and St Thomas' NHS Foundation Trust")
_LIST_THE = re.compile(r"^\s*the\s+(?=[A-Z])")  # an item's lower-case article ("the Youth Advocacy Network")
JOINT_MAX_PARTS = 60  # a joint response's partners read; a longer "list" is no list of signatories


def body_list(text: str) -> list[str]:
    """The bodies of a list "A, the B and C" in which every item is a body's name and nothing else (at least
    two), else []: "on behalf of the Children's Rights Alliance, the Youth Advocacy Network and the Black
    Youth Justice Forum" speaks for three, but "on behalf of the Department for Environment, Food and Rural
    Affairs" (one body, commas in its name: "Food" is no body's name), "on behalf of Hope Trust and its
    members" and "on behalf of Jane Smith and Hope Trust" (a person's name may be there) for none."""
    text = " ".join(text.split()).rstrip(".")
    separators = [found[0] for found in islice(_LIST_SPLIT.finditer(text), JOINT_MAX_PARTS)]
    if not separators or not re.search(r"\b(?:and|AND)\b", separators[-1]):
        return []  # a list's last item follows "and": "Centre for Criminal Justice Studies, University of
        # Eastmoor" and "Independent Monitoring Board, HMP Greystone" are one body each
    items = [_LIST_THE.sub("", item).strip() for item in _LIST_SPLIT.split(text)[:JOINT_MAX_PARTS]]
    if len(items) < 2 or not all(
            listed_name(item) == item and (looks_like_body(item) or BODY_LAST.search(item))
            and not _may_be_person(item) for item in items):
        return []
    return split_org_list(text)


def split_org_list(text: str, lead: bool = True) -> list[str]:
    """Organisations in "A, B, C and D" (the lead first); items that are not names are dropped, and so
    are people's names ("..., Jane Smith and St Brendan's Night Shelter"): partners are published in the
    report's annex, and a two-word partner with no organisation word is not worth that risk. Without a
    `lead` ("submitted jointly with A and B": the sender leads), the first item is judged as a partner."""
    text = " ".join(text.split()).rstrip(".")  # (single spaces: a space run before "and" is quadratic)
    parts = _LIST_SPLIT.split(text)
    parts = [piece for part in parts[:JOINT_MAX_PARTS] for piece in _split_ampersand(_LIST_THE.sub("", part))
             for piece in _split_after_possessive(piece)]  # ("A, the B and the C": each item's article goes)
    out: list[str] = []
    for i, part in enumerate(parts[:JOINT_MAX_PARTS]):  # (each is compared with those kept: bounded)
        name = listed_name(part)
        if name and name != part.strip() and (_may_be_person(part.strip()) or person_shaped(part.strip())):
            continue  # "Juan" of "Juan de los Santos", "J" of "J. R. Hartley"
        shown = name.title() if name and name.isupper() else name  # (capitals hide acronyms: "JANE")
        opening = " ".join(part.split()[:2])
        if shown and not lead and not (looks_like_body(shown) and not _may_be_person(opening)):
            continue  # a partner with no lead beside it: a body's name only ("Jane", "Jane Smith of Acme")
        if name and (i or not lead) and (_may_be_person(name) or (
                looks_like_name(name) and not (BODY_LAST.search(name) or looks_like_body(name)
                                               or named_cause(name)))):
            continue  # (a lead that may be a person's is judged by the caller, on what the text says)
        if name and not any(same_org(name, seen) for seen in out):
            out.append(name)
    return out


def listed_name(part: str) -> str | None:
    """The organisation a list's item or a signature's part names: "Barnardo's" ("BARNARDO'S") is the name,
    not a possessive (as in "Barnardo's response")."""
    part = part.strip()
    name = org_prefix(part)
    return part if name and re.fullmatch(r"\w['’][sS]", part[len(name) - 1 :]) else name


def _split_after_possessive(part: str) -> list[str]:
    """"St. Mungo's and Pierre Le Roux" is two partners ("and" after a possessive is not split where a list's
    items are: "Guy's and St Thomas' NHS Foundation Trust" is one), the second a name that may be a person's
    (dropped from the list then)."""
    head, sep, tail = part.rpartition(" and ")
    tail = tail.strip()
    if sep and re.search(r"\w['’][sS]$", head) and (_may_be_person(tail) or person_shaped(tail)):
        return [head, tail]
    return [part]


# "X & Sons Ltd", "X & Co": a firm's name goes on after its "&"
_FIRM_TAIL = re.compile(r"(?:Sons?|Co\b|Company|Partners|Associates|Daughters|Brothers)\b", re.IGNORECASE)


def _split_ampersand(part: str) -> list[str]:
    """"Hope Trust & Westvale Forum" and "Hope Trust & Jane Smith" are two partners; "Marks & Spencer", "Smith
    Brothers & Sons Ltd" one: "&" ends a partner only after a body's word or before a name that may be a
    person's (dropped from the list then)."""
    out: list[str] = []
    for piece in part.split(" & "):
        if out and (_FIRM_TAIL.match(piece.strip()) or not (
                ORG_WORDS.search(out[-1].split()[-1] if out[-1].split() else "") or BODY_LAST.search(out[-1])
                or _may_be_person(piece.strip()) or _may_be_person(out[-1].strip()))):  # ("Anh Le & St
            # Brendan's Night Shelter" is two)
            out[-1] += " & " + piece
        else:
            out.append(piece)
    return out


# A cause's word inside a body's name, after common English words and before the place the body serves
# ("Dyslexia Support Hafren", "Age Concern Hafren Vale", "Victim Support Northshire", "Women's Aid Cardiff")
_CAUSE_WORD = re.compile(r"(?:support|aid|action|concern|watch|matters|advice|rescue|relief|carers)",
                         re.IGNORECASE)


# Groups of people a body is of or for, opening its name ("Carers Link", "Citizens Advice", "Tenants
# First"): no person's given name
_GROUP_PLURAL = re.compile(r"(?:carers|citizens|tenants|residents|parents|families|patients|survivors"
                           r"|victims|veterans|pensioners|neighbours|volunteers|farmers|workers|users"
                           r"|travellers)['’]?", re.IGNORECASE)


def named_cause(name: str) -> bool:
    """A body's name with a cause's word inside it (`_CAUSE_WORD`), after one or two common English words
    and before one to three more words, no job title ("Family Support Worker"): a name no person has, though
    it has no organisation word (a joint response's partner "Dyslexia Support Hafren" was dropped as a name
    that may be a person's). Without spaCy's word list, none is."""
    words = name.split()
    if len(words) == 2 and _GROUP_PLURAL.fullmatch(words[0]) and words[1][:1].isupper():
        return True  # "Carers Link", "Tenants Voice": no given name is a group of people
    if not 3 <= len(words) <= 6 or looks_like_role(name):
        return False
    if common_word("the") is None:
        return False
    return any(i < len(words) - 1 and _CAUSE_WORD.fullmatch(words[i])
               and all(w[:1].isupper() and common_word(w) for w in words[:i]) for i in (1, 2))


def _may_be_person(name: str) -> bool:
    """Two to four words that may be a person's name, capitals or not ("Małgorzata Żurek", "GIDEON
    OYELARAN", "Harriet Fortescue-Smythe"): no organisation word, legal form, acronym or possessive, no
    cause's word inside (`named_cause`)."""
    if name.isupper():  # capitals hide acronyms: every word is read as a name's ("DO VAN MINH", "MARY ST.
        name = name.title()  # CLAIR"; a partner "NHS PROVIDERS" is then dropped too)
    if BODY_LAST.search(name) or named_cause(name):
        return False
    return (2 <= len(name.split()) <= 4 and person_like(name) and not looks_like_body(name)
            and not POSSESSIVE.search(name) and not ARTICLE_FIRST.match(name))


_PDF_FIELD = re.compile(  # a response form's table printed to PDF loses its cells: "Organisation name X"
    r"^\s*(?P<label>organi[sz]ation name|name of (?:your )?organi[sz]ation|type of organi[sz]ation"
    r"|organi[sz]ation type|responding as)(?:\s*\((?:if applicable|optional|if any)\))?\s*:?\s+"
    r"(?P<value>[^.!?;]{1,80}?)[.\s]*$", re.IGNORECASE)
_PDF_VALUE_WORDS = 8  # a field's value, at most: longer, a sentence opening with the label's words


def _pdf_field(line: str) -> tuple[str, str, str] | None:
    """(label, value, source) of a PDF form's field line, when its value is a field's: a few words, no
    sentence, no placeholder, and, for the organisation's name, a body's word in it ("British Society for
    Paediatric Dentistry"; not "Jane Smith", "N/A", "The Smith household": a person's name must never come
    out as an organisation)."""
    found = _PDF_FIELD.match(line)
    if found is None:
        return None
    label, value = found["label"], found["value"].strip()
    if len(value.split()) > _PDF_VALUE_WORDS or fold(value) in PLACEHOLDERS or _SAYS.search(value):
        return None
    if "name" in label.lower() and not ORG_WORDS.search(value):
        return None
    return label, value, f"form-table:{label}"


_SAYS = re.compile(r"\b(?:i|we|is|are|should|must|will|would|think|back|support|oppose)\b", re.IGNORECASE)


def form_fields(doc: Document) -> list[tuple[str, str, str]]:
    """(label, value, source) of form-export columns and response-form table rows ("Organisation | X").

    Only form rows' metadata counts: other documents' metadata are file properties (author, company) that
    name whoever owns the template, not the respondent.
    """
    fields = []
    if doc.format == "form-row":
        fields = [(k, v, f"form:{k}") for k, v in doc.metadata.items() if isinstance(v, str)]
    if doc.format in {"docx", "doc", "odt", "rtf", "pdf"}:
        for line in lines(doc.text)[: 50]:
            label, sep, value = (part.strip() for part in line.partition(" | "))
            if sep and " | " not in value and (len(label.split()) <= 6 or RESPONDING_AS.search(label)):
                fields.append((label, value, f"form-table:{label[:40]}"))
            elif not sep and doc.format == "pdf" and (found := _pdf_field(line)):
                fields.append(found)
    for answer in doc.answers:
        if RESPONDING_AS.search(answer.question):
            fields.append((answer.question, answer.text, f"form-table:{answer.source}"))
    return fields


def aliases(text: str) -> dict[str, str]:
    """Acronyms defined in the text ("Voluntary Sector Justice Network (VSJN)") -> the full name."""
    out: dict[str, str] = {}
    for acronym in re.finditer(r"\(\s*[\"“']?([A-Za-z][\w&\-]{1,11})[\"”']?\s*\)", text[:20000]):
        before = text[max(0, acronym.start() - 150) : acronym.start()].rpartition("\n")[2]
        full = org_suffix(before.rstrip())
        if full and fold(acronym[1]) not in out and len(full.split()) >= 2:
            out[fold(acronym[1])] = full
    return out
