"""Synthetic submissions for the respondent privacy test (test_respondents_privacy.py).

The template families of last session's three differential harnesses, merged into one seeded generator:

- "r4p." / "r4o." / "r4m.": the review-resp4 (and h5) letters: a person's name, a body's name, or both, in
  titles, letterheads, sign-offs, copyright and "About" lines, "welcomes" and "is a" sentences, joint
  responses and running headers; names of several cultures (particles first or inside, surnames that are
  bodies' words in other languages), bodies of several languages and bodies named after people.
- "r6." / "r6b.": the review-resp6 submissions: e-mails (display name in the `parent` or the document's
  `metadata["from"]`), letterheads, forms, running footers and headers, joint responses, bilingual lines,
  bylines, attachments with their covering e-mail, names with diacritics, double-barrelled and in CAPS.
- "r6.word-names" / "r6.orgword-names": the review-resp6 cases whose person is named with words
  ("Grace Church", "Hope Stone") or with words of bodies' names ("Jordan Trust", "Chase Bank"), whatever
  their template: the test lets these few leak (see AMBIGUOUS_LEAKS there).

Each case carries its truth: the people named in it and the bodies it is from (none for a private person).
Deterministic: a fixed seed, no files, no network.
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from respmine.records import Document, Page

SEED = 20240521
PER_FAMILY = 60  # cases of each review-resp6 family (the review-resp4 families are full products)


@dataclass(frozen=True)
class Case:
    family: str
    text: str
    persons: tuple[str, ...]  # people named in the submission: none of them may be published as a body
    orgs: tuple[str, ...]  # the bodies it is from, lead first (empty: a private person's submission)
    fmt: str = "txt"
    metadata: dict[str, str] = field(default_factory=dict)
    pages: tuple[tuple[int, int, int], ...] = ()  # (number, start, end)
    parent: tuple[str, dict[str, str]] | None = None  # covering e-mail: (text, metadata)

    @property
    def kind(self) -> str:
        return "person" if not self.orgs else "org" if not self.persons else "mixed"

    @property
    def person(self) -> str:
        return self.persons[0] if self.persons else ""

    @property
    def organisation(self) -> str | None:
        return self.orgs[0] if self.orgs else None

    def documents(self) -> tuple[Document, Document | None]:
        """The document to profile and its parent e-mail (None without one)."""
        digest = hashlib.sha256(f"{self.family}\n{self.text}".encode()).hexdigest()
        pages = tuple(Page(n, s, e, "text") for n, s, e in self.pages)
        doc = Document(source=f"synthetic.{self.fmt}", sha256=digest, format=self.fmt, method="test",
                       text=self.text, pages=pages, metadata=dict(self.metadata))
        if self.parent is None:
            return doc, None
        text, meta = self.parent
        parent = Document(source="cover.eml", sha256=hashlib.sha256(text.encode()).hexdigest(), format="eml",
                          method="test", text=text, pages=(Page(1, 0, len(text), "text"),),
                          metadata=dict(meta), children=(doc,))
        return doc, parent


# --- review-resp4 (and h5): full products of templates and names -------------------------------------
_WE = "We welcome the proposals. We believe our clients need help. We urge the government to act.\n"
_BODY = "\nThis paper responds to the consultation. The rules should be simpler.\n" + (
    "The consultation raises many issues of detail.\n" * 40)
_RWB = "Response to the consultation\n" + _WE + _BODY
_R4_PEOPLE = [
    # an article or capital particle first (Vietnamese, Cantonese, Afrikaans, Portuguese, Arabic...)
    "Le Quang Minh", "Le Thi Hoa", "La Thi Huong", "Lo Wai Ming", "Lo Kwok Wai", "Le Roux", "La Rosa",
    "Lo Bianco", "El Amrani", "Les Dawson", "Los Santos", "Il Hyun Kim",
    "De Souza", "Da Silva", "Di Stefano", "Del Toro", "Van Dyke", "Von Trapp", "Du Plessis", "Dos Santos",
    "Des Moines", "Ní Bhriain", "Van Niekerk", "De Villiers", "Ter Horst", "Al Mansouri", "Ben Ali",
    "Ap Rhys", "Zu Guttenberg", "Della Rovere",
    # surnames that are bodies' words in other languages
    "Fatoumata Camara", "Moussa Camara", "Ibrahima Câmara", "Klaus Kammer", "Marco Cassa", "Lucia Banca",
    "Pedro Caja", "Hanna Bank", "Sekou Camara",
    # particles inside, hyphens, initials, titles
    "Maria do Carmo Silva", "João dos Santos", "Ana da Costa", "Heinrich zu Stolberg", "Anna zur Linden",
    "Giulia della Rovere", "Luca di Marco", "Jean des Forêts", "Juan de los Santos", "María de las Mercedes",
    "Dafydd ap Rhys", "Siobhán Ní Bhriain", "Seán O'Brien", "Anne-Marie Dupont", "J. R. Hartley",
    "Dr Aoife Brennan", "Prof. Ikechukwu Obi", "Mary-Jane O'Neill", "Jan van der Berg", "Ludwig von Mises",
    "Ikechukwu Obi", "Aoife Brennan", "Wang Xiuying", "Nguyen Van An", "Tran Le Minh", "Kwame Mensah",
    "Priya Natarajan", "Olumide Adeyemi", "Sven-Erik Lindqvist", "Chidi Okafor", "Tomás Ó Súilleabháin",
]
_R4_ORGS = ["Conseil des Ministres", "Caisse des Dépôts", "Chambre des Métiers", "Ordre des Avocats",
            "Banco do Brasil", "Universität zu Köln", "Stiftung Mercator", "Fundación Telefónica",
            "Fondazione Cariplo", "Institut Pasteur", "Deutsche Bank", "Verein für Socialpolitik",
            "Cámara de Comercio de Bogotá", "Ordem dos Advogados", "Sindicato dos Bancários",
            "Associazione Italiana Editori", "Universidade de São Paulo", "Westvale Trust", "Women's Aid",
            "Citizens Advice", "Shelter", "Crisis", "Las Vegas Sands", "La Poste", "El Corte Inglés",
            "Kestrel Analytics", "Federación de Municipios", "Société Générale", "Banca d'Italia",
            "Cassa Depositi e Prestiti", "Consejo General de la Abogacía", "Landesärztekammer Hessen",
            "Open Rights Group", "Age UK"]
_R4_ORGS2 = ["Halden Medical", "Getty Images", "Rolls-Royce", "Bolt-Hansen Logistik", "Mott MacDonald",
             "Baker McKenzie", "Allen Overy", "Thames Water", "Octopus Energy", "Kestrel Analytics",
             "Voss Analytics", "Saint-Gobain Glass", "Greenpeace", "Oxfam", "Barnardo's", "Marie Curie",
             "Macmillan Cancer Support", "Joseph Rowntree Foundation", "Leonard Cheshire", "Sue Ryder",
             "Anthony Nolan", "Mencap", "Mind", "Scope", "Sightsavers", "Rethink Mental Illness",
             "Banco Santander", "Caja Madrid", "Caixa Geral de Depósitos", "Fundação Calouste Gulbenkian",
             "Fondation Abbé Pierre"]
_R4_EMPLOYER = "Westvale Trust"  # the body in the person templates that name one
_R4_PERSON: dict[str, str] = {
    "title": "{p} response to the consultation\n" + _WE + _BODY,
    "title_colon": "{p}: response\n" + _WE + _BODY,
    "title_body": "{p} response to the consultation\nAs a trade union, we welcome the proposals.\n" + _BODY,
    "letterhead": "{p}\nResponse to the consultation\n" + _WE + _BODY,
    "letterhead_rep": "{p}\nResponse to the consultation\n{p} welcomes the proposals.\n" + _WE + _BODY
    + "{p}\n",
    "signoff_org": _RWB + "Yours sincerely,\n{p}\nPolicy Officer, {o}\n",
    "signoff_role": _RWB + "Yours sincerely,\n{p}\nDirector\n",
    "signoff_bare": _RWB + "Yours sincerely,\n\n{p}\n",
    "copy_reg": _RWB + "© 2021 {p}. Registered charity no. 1234567\n",
    "copy_reg_next": _RWB + "© 2021 {p}\nRegistered company no. 1234567\n",
    "copy_arr": _RWB + "Copyright © {p} 2021. All rights reserved.\n",
    "about": _RWB
    + "About {p}\n{p} is an independent consultant on data policy.\n",
    "about_body": _RWB
    + "About {p}\n{p} is a registered charity working with families.\n",
    "welcomes": "{p} welcomes the proposals.\n" + _BODY,
    "welcomes2": "Response to the consultation\n{p} welcomes the proposals and supports the aims.\n"
    + _WE + _BODY,
    "is_a": "Response to the consultation\n{p} is a consultant who works on data policy.\n" + _BODY,
    "we_are": "Response to the consultation\nWe are {p} and we welcome the proposals.\n" + _BODY,
    "submitted": "Response to the consultation\nSubmitted by {p}\n" + _WE + _BODY,
    "behalf": _RWB + "Sent on behalf of {p}\n",
    "joint": "Joint response from {o}, {p} and Shelter\n" + _WE + _BODY,
    "long_title": "Consultation response – Call for evidence: views on the draft Code – {p} response\n"
    + _WE + _BODY,
    "long_title_body": "Consultation response – Call for evidence – Our views – Submission – {p} response\n"
    "As a charity, we welcome the proposals.\n" + _BODY,
    "pipe_header": "{p} | Consultation response\n" + _WE + _BODY + "{p} | Page 2\n",
}
_R4_ORG: dict[str, str] = {
    "title": "{o} response to the consultation\n" + _WE + _BODY,
    "title_colon": "{o}: response\n" + _WE + _BODY,
    "letterhead": "{o}\nResponse to the consultation\n" + _WE + _BODY,
    "signoff": _RWB + "Yours sincerely,\nJane Smith\nDirector, {o}\n",
    "copy_reg": _RWB + "© 2021 {o}. Registered charity no. 1234567\n",
    "copy_reg_next": _RWB + "© 2021 {o}\nRegistered charity no. 1234567\n",
    "about": _RWB
    + "About {o}\n{o} is a not-for-profit organisation founded in 1990.\n",
    "welcomes": "Response to the consultation\n{o} welcomes the proposals.\n" + _WE + _BODY,
    "behalf": "Response to the consultation\nThis response is submitted on behalf of {o}.\n" + _WE + _BODY,
    "title_body": "{o} response to the consultation\nAs a charity, we welcome the proposals.\n" + _BODY,
    "ltd_footer": "{o} response to the consultation\n" + _WE + _BODY + "{o} Ltd\n1 Quay Street, Leeds\n",
}


def _r4_cases() -> list[Case]:
    cases: list[Case] = []
    for (name, template), person in itertools.product(_R4_PERSON.items(), _R4_PEOPLE):
        orgs: tuple[str, ...] = ()
        # "Policy Officer, Westvale Trust"; "Joint response from Westvale Trust, X and Shelter"
        if "{o}" in template:
            orgs = (_R4_EMPLOYER, "Shelter") if name == "joint" else (_R4_EMPLOYER,)
        cases.append(Case(f"r4p.{name}", template.format(p=person, o=_R4_EMPLOYER), (person,), orgs))
    for (name, template), org in itertools.product(_R4_ORG.items(), _R4_ORGS2 + _R4_ORGS):
        persons = ("Jane Smith",) if name == "signoff" else ()
        cases.append(Case(f"r4o.{name}", template.format(o=org), persons, (org,)))
    for person, org in zip(_R4_PEOPLE, itertools.cycle(_R4_ORGS), strict=False):
        cases.append(Case("r4m.title_o_sign_p", f"{org} response to the consultation\n" + _WE + _BODY
                          + f"Yours sincerely,\n{person}\nChief Executive, {org}\n", (person,), (org,)))
        cases.append(Case("r4m.sign_p_de_o", _RWB
                          + f"Yours sincerely,\n{person}\n{org}\n", (person,), (org,)))
    return cases


# --- review-resp6: templates filled with seeded random names -------------------------------------------
_FIRST = ["Aoife", "Bartholomew", "Cerys", "Dmitri", "Eluned", "Fenella", "Gideon", "Hamish", "Imogen",
          "Jonty", "Kezia", "Lachlan", "Morwenna", "Niamh", "Oluwaseun", "Priya", "Quentin", "Rhiannon",
          "Saoirse", "Tobias", "Ulrike", "Verity", "Wilfred", "Xanthe", "Yusuf", "Zainab", "Cormac", "Ffion",
          "Ishbel", "Ravi", "Mehmet", "Tamsin"]
_LAST = ["Abernethy", "Blenkinsop", "Cartwright", "Dunmore", "Eccleston", "Featherstone", "Gallagher",
         "Huxley", "Ingleby", "Jefferies", "Kowalczyk", "Lyttelton", "McAllister", "Nwachukwu", "Oyelaran",
         "Pemberton", "Quayle", "Ramsbottom", "Sutcliffe", "Trevelyan", "Underhill", "Vasquez", "Whitworth",
         "Yardley", "Okonkwo", "Petrakis"]
_DIACRITIC = ["José Núñez", "Søren Ødegård", "François Lefèvre", "Łukasz Wójcik", "Siobhán Ní Bhriain",
              "Małgorzata Żurek", "Chloé Duprès", "Jürgen Schäfer", "Zoë Brontë", "Björn Åström",
              "Inês Gonçalves", "Dóra Kállai", "Ayşe Çelik", "Renée Thérèse Gagné"]
_DOUBLE = ["Harriet Fortescue-Smythe", "Rupert Bowes-Whitley", "Charlotte Ashton-Kerr", "Edmund Vane-Tempest",
           "Philippa Rees-Mogg", "Oliver Carew-Pole", "Arabella Holt-Wilson", "Gwen Parry-Jones"]
_WORDNAME = ["Rose Bush", "Hope Stone", "Grace Church", "Will Power", "Faith Bank", "Joy Hall",
             "Amber Street", "Ivy Mason", "Dawn Baker", "Robin Banks", "Holly Wood", "Summer Field",
             "Crystal Waters", "Rich Morning", "Mark Town", "Grant Money", "Victoria Station", "Bill Board",
             "Sky Castle", "Daisy Chain"]
_ORGWORDNAME = ["Jordan Trust", "Ashley Council", "Heather Forum", "Lucy Institute", "Kent Association",
                "Sydney Group", "Chase Bank", "Carmen Society", "Florence London", "Georgia Washington",
                "Jack York", "Chelsea Bristol", "Mercy Union", "Harmony College", "Guy Partnership",
                "Stirling Alliance"]
_PARTICLE = ["Pieter van den Berg", "Luca di Marzio", "Fatima bint Khalid", "Ana dos Reis", "Seán Ó Dálaigh",
             "Karin ter Horst", "Emyr ap Gwilym", "Juan Carlos de la Vega", "Marta de los Ríos",
             "Lars af Klint", "Hugo von Aschenbach", "Noor bin Hassan", "Inge zur Mühlen", "Rafael del Olmo"]
_HYPH = ["Anne-Sophie Marchetti", "Jean-Baptiste Okafor", "Mary-Kate O'Driscoll", "Hyun-woo Park",
         "Kofi Asante-Boateng", "Aled Lloyd-Hughes", "Siân Wyn-Roberts", "Eoin Mac Giolla Bhríde",
         "J. R. Pemberton", "A. Nwachukwu"]
_TITLES = ["Dr", "Mrs", "Mr", "Ms", "Prof.", "Cllr", "Revd", ""]
_ORGS = ["Northfield Tenants' Association", "Coastal Rivers Trust", "Federation of Independent Bakers",
         "Thornbury Parish Council", "Greywater Housing Co-operative", "Society of Rural Midwives",
         "Ashgrove Community Forum", "Institute of Canal Engineers", "Brightwater Youth Alliance",
         "Meridian Analytics Ltd", "Pennine Dairy Farmers Group", "Hollowmere Wildlife Trust",
         "National Federation of Allotment Holders", "Cumbrian Hill Farmers' Union",
         "Lantern Arts Collective CIC", "Kestrel Bus Company Limited", "Riverside Foodbank Network",
         "Association of Mobile Librarians", "West Marches Chamber of Commerce", "Tidewater Renewables plc",
         "Campaign for Quiet Lanes", "Royal College of Hearing Therapists", "Oakbridge Primary School",
         "Fenland District Council"]
_PERSONORGS = ["Marie Curie", "Sue Ryder", "Joseph Rowntree Foundation", "Barnardo's", "Lloyd's",
               "Leonard Cheshire", "Anthony Nolan", "Terrence Higgins Trust",
               "Florence Nightingale Foundation", "Macmillan Cancer Support", "John Lewis Partnership",
               "Nuffield Foundation", "Wellcome Trust", "Guy's and St Thomas' NHS Foundation Trust"]
_UNIS = ["University of Wessex", "Northgate University", "Borders College", "Institute for Fiscal Futures"]
_TOWNS = [("Harrogate", "HG1 4QP"), ("Lampeter", "SA48 7ED"), ("Keswick", "CA12 5DJ"), ("Frome", "BA11 1AH"),
          ("Bangor", "LL57 2DG"), ("Stroud", "GL5 1AB")]
_STREETS = ["4 Mill Lane", "17 Acacia Avenue", "Flat 3, 22 Queen's Road", "The Old Forge, Church Lane",
            "9 Rowan Close"]
_ROLES = ["Chief Executive", "Policy Officer", "Chair", "Secretary", "Head of Public Affairs", "Trustee",
          "Clerk to the Council"]
_INDIV_BODY = [
    "I am writing to respond to the consultation on the proposed changes to bus services. I use the route "
    "every day and I am worried the cuts will leave me unable to get to work.",
    "I have lived in this village for thirty years and I strongly oppose the plans. My family relies on the "
    "local surgery and I do not believe the proposals have been thought through.",
    "As a parent of two children I want to say that I support the proposal in principle, but I have concerns "
    "about how it will be funded.",
]
_ORG_BODY = [
    "We welcome the opportunity to respond to this consultation. Our members are concerned that the "
    "proposals will increase costs, and we urge the department to reconsider. We set out our views below.",
    "We represent over 4,000 members across the region. Our response draws on a survey of our members and we "
    "would be happy to discuss it further with officials. We support Option B.",
    "Our organisation has worked in this area for twenty years. We believe the proposals are broadly right "
    "but we have concerns about implementation, which we set out in our answers.",
]


class _Gen:
    """The review-resp6 generator's state: its random source, name pools and the cases made so far."""

    def __init__(self, rng: random.Random, family_prefix: str) -> None:
        self.rng = rng
        self.prefix = family_prefix
        self.cases: list[Case] = []
        self.pool = ""

    # names and helpers
    def person(self, particles: bool = False) -> tuple[str, str]:
        rng = self.rng
        if particles:  # review-resp6's second batch: more particles and hyphens
            r = rng.random()
            if r < 0.3:
                return rng.choice(_PARTICLE), "particle"
            if r < 0.55:
                return rng.choice(_HYPH), "hyph"
        pool = rng.choice(["plain", "plain", "diacritic", "double", "word", "orgword", "caps"])
        names = {"diacritic": _DIACRITIC, "double": _DOUBLE, "word": _WORDNAME, "orgword": _ORGWORDNAME}
        name = names.get(pool)
        return (rng.choice(name) if name else f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"), pool

    def org(self) -> str:
        rng = self.rng
        return rng.choice(_ORGS + _PERSONORGS) if rng.random() < 0.75 else rng.choice(_PERSONORGS)

    def addr(self) -> str:
        town, postcode = self.rng.choice(_TOWNS)
        return f"{self.rng.choice(_STREETS)}\n{town}\n{postcode}"

    def caps(self, name: str) -> str:
        return name.upper() if self.pool == "caps" else name

    def role(self) -> str:
        return self.rng.choice(_ROLES)

    def indiv(self) -> str:
        return self.rng.choice(_INDIV_BODY)

    def orgbody(self) -> str:
        return self.rng.choice(_ORG_BODY)

    def add(self, tpl: str, text: str, persons: list[str], orgs: list[str], fmt: str = "txt",
            meta: dict[str, str] | None = None, pages: list[tuple[int, int, int]] | None = None,
            parent: tuple[str, dict[str, str]] | None = None) -> None:
        # names that are words, whatever the template, are a family of their own (see the module's docstring)
        family = f"r6.{self.pool}-names" if self.pool in ("word", "orgword") else f"{self.prefix}.{tpl}"
        self.cases.append(Case(family, text, tuple(persons), tuple(orgs), fmt, meta or {},
                               tuple(pages or [(1, 0, len(text))]), parent))


def _email(name: str, domain: str = "gmail.com") -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return s.replace(" ", ".").replace("'", "") + "@" + domain


def _orgdom(org: str) -> str:
    return re.sub(r"[^a-z]", "", org.lower())[:14] + ".org.uk"


def _pdf_pages(chunks: list[str], head: str = "") -> tuple[str, list[tuple[int, int, int]]]:
    text, pages = head, []
    for i, chunk in enumerate(chunks, 1):
        pages.append((i, len(text), len(text) + len(chunk)))
        text += chunk
    return text, pages


Template = Callable[[_Gen, str, str], None]


def _r6_templates() -> dict[str, Template]:
    T: dict[str, Template] = {}

    def tpl(f: Template) -> Template:
        T[f.__name__] = f
        return f

    @tpl
    def email_indiv(g: _Gen, p: str, o: str) -> None:
        body = (f"Dear Consultation Team,\n\n{g.indiv()}\n\nKind regards,\n{g.caps(p)}\n{g.addr()}\n"
                f"07700 900{g.rng.randint(100, 999)}")
        meta = {"from": f"{p} <{_email(p)}>", "subject": "Consultation response"}
        g.add("email_indiv", body, [p], [], "eml", meta)

    @tpl
    def email_indiv_outlook(g: _Gen, p: str, o: str) -> None:
        first, last = p.rsplit(" ", 1)
        body = f"Hello,\n\n{g.indiv()}\n\nThanks\n{first}\n\nSent from my iPhone"
        meta = {"from": f'"{last}, {first}" <{_email(p, "outlook.com")}>'}
        g.add("email_indiv_outlook", body, [p], [], "eml", meta)

    @tpl
    def email_org_sig(g: _Gen, p: str, o: str) -> None:
        body = (f"Dear Sir or Madam,\n\nPlease find below the response of {o}.\n\n{g.orgbody()}\n\n"
                f"Best wishes,\n\n{g.caps(p)}\n{g.role()}\n{o}\nTel: 01632 960{g.rng.randint(100, 999)}")
        g.add("email_org_sig", body, [p], [o], "eml", {"from": f"{p} <{_email(p, _orgdom(o))}>"})

    @tpl
    def email_forwarded(g: _Gen, p: str, o: str) -> None:
        body = (f"Forwarding on behalf of a resident.\n\n-----Original Message-----\n"
                f"From: {p} <{_email(p)}>\n"
                f"Sent: 12 March 2024 09:14\nTo: consultation@dept.example\nSubject: My views\n\n"
                f"{g.indiv()}\n\n{p}")
        g.add("email_forwarded", body, [p], [], "eml",
              {"from": f"Parish Office <office@{_orgdom('Thornbury Parish Council')}>"})

    @tpl
    def letter_org(g: _Gen, p: str, o: str) -> None:
        town, postcode = g.rng.choice(_TOWNS)
        text = (f"{o}\n{g.rng.choice(_STREETS)}, {town} {postcode}\n\n14 February 2024\n\nDear Minister,\n\n"
                f"{g.orgbody()}\n\nYours faithfully,\n\n{g.caps(p)}\n{g.role()}")
        g.add("letter_org", text, [p], [o], "docx")

    @tpl
    def letter_indiv(g: _Gen, p: str, o: str) -> None:
        title = g.rng.choice(_TITLES)
        text = (f"{(title + ' ' if title else '')}{g.caps(p)}\n{g.addr()}\n\n2 April 2024\n\n"
                f"Dear Sir/Madam,\n\n"
                f"{g.indiv()}\n\nYours sincerely,\n\n{p}")
        g.add("letter_indiv", text, [p], [], "docx")

    @tpl
    def form_block_indiv(g: _Gen, p: str, o: str) -> None:
        na = g.rng.choice(["N/A", "n/a", "None", "-", "Not applicable", "Responding as an individual",
                           "Private individual"])
        text = (f"Consultation on rural transport: response form\n\nName: {g.caps(p)}\nOrganisation: {na}\n"
                f"Email: {_email(p)}\nAre you responding as an individual or on behalf of an organisation? "
                f"Individual\n\nQuestion 1\n{g.indiv()}")
        g.add("form_block_indiv", text, [p], [], "docx")

    @tpl
    def form_block_org(g: _Gen, p: str, o: str) -> None:
        text = (f"Response form\n\nName: {g.caps(p)}\nOrganisation: {o}\nPosition: {g.role()}\n\n"
                f"Question 1\n{g.orgbody()}")
        g.add("form_block_org", text, [p], [o], "docx")

    @tpl
    def form_table_indiv(g: _Gen, p: str, o: str) -> None:
        address = g.addr().replace("\n", ", ")
        text = (f"Respondent information\nFull name | {g.caps(p)}\nOrganisation (if applicable) | \n"
                f"Address | {address}\n\n{g.indiv()}")
        g.add("form_table_indiv", text, [p], [], "docx")

    @tpl
    def pdf_footer_indiv(g: _Gen, p: str, o: str) -> None:
        foot = g.rng.choice([f"{g.caps(p)} – Consultation response", f"Response from {p} | Page",
                             f"{p}, {g.rng.choice(_TOWNS)[0]}"])
        chunks = [f"{para}\n\n{foot} {i}\n\f" if "Page" in foot else f"{para}\n\n{foot}\n{i}\n\f"
                  for i, para in enumerate((_INDIV_BODY * 2)[:4], 1)]
        text, pages = _pdf_pages(chunks)
        g.add("pdf_footer_indiv", text, [p], [], "pdf", pages=pages)

    @tpl
    def pdf_footer_org(g: _Gen, p: str, o: str) -> None:
        foot = f"{o} – response to the consultation on rural transport"
        head = f"Prepared by {p}, {g.role()}\n\n"
        chunks = [f"{para}\n\n{foot}\nPage {i} of 3\n\f" for i, para in enumerate(_ORG_BODY, 1)]
        text, pages = _pdf_pages(chunks, head)
        g.add("pdf_footer_org", text, [p], [o], "pdf", pages=pages)

    @tpl
    def response_from_indiv(g: _Gen, p: str, o: str) -> None:
        text = f"Response from {g.caps(p)}\n\n{g.indiv()}\n\n{g.indiv()}"
        g.add("response_from_indiv", text, [p], [], "docx")

    @tpl
    def response_from_org(g: _Gen, p: str, o: str) -> None:
        text = f"Response from {o}\n\n{g.orgbody()}\n\nContact: {p}, {g.role()}"
        g.add("response_from_org", text, [p], [o], "docx")

    @tpl
    def dash_title_indiv(g: _Gen, p: str, o: str) -> None:
        text = f"{g.caps(p)} – consultation response\n\n{g.indiv()}\n\n{g.indiv()}"
        g.add("dash_title_indiv", text, [p], [], "pdf")

    @tpl
    def dash_title_org(g: _Gen, p: str, o: str) -> None:
        text = f"{o} – consultation response\n\nAuthor: {p}\n\n{g.orgbody()}"
        g.add("dash_title_org", text, [p], [o], "pdf")

    @tpl
    def on_behalf_org(g: _Gen, p: str, o: str) -> None:
        text = f"Dear Sir/Madam,\n\nI am writing on behalf of {o}. {g.orgbody()}\n\nRegards\n{g.caps(p)}"
        g.add("on_behalf_org", text, [p], [o], "eml", {"from": f"{p} <{_email(p, _orgdom(o))}>"})

    @tpl
    def on_behalf_person(g: _Gen, p: str, o: str) -> None:
        q = f"{g.rng.choice(_FIRST)} {g.rng.choice(_LAST)}"
        text = (f"Dear Sir/Madam,\n\nI am submitting this on behalf of my mother, {g.caps(p)}, "
                f"who is not online. "
                f"She has asked me to say that she opposes the closure. I agree with her.\n\nYours,\n{q}")
        g.add("on_behalf_person", text, [p, q], [], "eml", {"from": f"{q} <{_email(q)}>"})

    @tpl
    def writing_as(g: _Gen, p: str, o: str) -> None:
        role = g.rng.choice(["a local resident", "a retired GP", "a parent", "a member of the public",
                             "a carer"])
        text = (f"I am writing as {role}. My name is {g.caps(p)} and I live in {g.rng.choice(_TOWNS)[0]}.\n\n"
                f"{g.indiv()}")
        g.add("writing_as", text, [p], [])

    @tpl
    def writing_as_chair(g: _Gen, p: str, o: str) -> None:
        text = f"I am writing as Chair of {o}. {g.orgbody()}\n\n{g.caps(p)}\nChair, {o}"
        g.add("writing_as_chair", text, [p], [o], "eml", {"from": f"{p} <{_email(p, _orgdom(o))}>"})

    @tpl
    def we_at(g: _Gen, p: str, o: str) -> None:
        text = (f"We at {o} have read the proposals with interest. {g.orgbody()}\n\n"
                f"On behalf of the board,\n{g.caps(p)}")
        g.add("we_at", text, [p], [o])

    @tpl
    def reg_charity(g: _Gen, p: str, o: str) -> None:
        text = (f"{g.orgbody()}\n\nSigned: {g.caps(p)}, {g.role()}\n\n"
                f"{o} (registered charity {g.rng.randint(200000, 1199999)})")
        g.add("reg_charity", text, [p], [o], "pdf")

    @tpl
    def byline(g: _Gen, p: str, o: str) -> None:
        text = (f"Evidence on the economics of rural transport\n\nBy {g.caps(p)}, {g.rng.choice(_UNIS)}\n\n"
                "This submission sets out my research findings. "
                "I have studied bus subsidy for ten years.\n\n"
                f"{g.indiv()}")
        g.add("byline", text, [p], [], "pdf")

    @tpl
    def byline_two(g: _Gen, p: str, o: str) -> None:
        q = g.rng.choice(_DOUBLE + _DIACRITIC)
        text = (f"Submission of evidence\n{g.caps(p)} and {q}\n{g.rng.choice(_UNIS)}\n\n"
                f"We summarise our research "
                f"below. Our findings show that fares matter.\n\n" + _ORG_BODY[0])
        g.add("byline_two", text, [p, q], [], "pdf")

    @tpl
    def bilingual_indiv(g: _Gen, p: str, o: str) -> None:
        text = f"Ymateb gan {g.caps(p)} / Response from {g.caps(p)}\n\n{g.indiv()}\n\nRéponse de {p}"
        g.add("bilingual_indiv", text, [p], [], "docx")

    @tpl
    def bilingual_org(g: _Gen, p: str, o: str) -> None:
        text = (f"{o}\nYmateb i'r ymgynghoriad / Response to the consultation\n\n{g.orgbody()}\n\n"
                f"Cysylltwch â / Contact: {p}")
        g.add("bilingual_org", text, [p], [o], "docx")

    @tpl
    def joint(g: _Gen, p: str, o: str) -> None:
        o2 = g.rng.choice([x for x in _ORGS if x != o])
        text = (f"Joint response from {o} and {o2}\n\n{g.orgbody()}\n\n"
                f"Prepared by {g.caps(p)} with input from members.")
        g.add("joint", text, [p], [o, o2], "pdf")

    @tpl
    def joint_with_person(g: _Gen, p: str, o: str) -> None:
        o2 = g.rng.choice([x for x in _ORGS if x != o])
        text = f"This is a joint response from {o}, {o2} and {g.caps(p)}.\n\n{g.orgbody()}"
        g.add("joint_with_person", text, [p], [o, o2], "pdf")

    @tpl
    def submitted_by_person(g: _Gen, p: str, o: str) -> None:
        text = f"Submitted by: {g.caps(p)}\nDate: 5 May 2024\n\n{g.indiv()}"
        g.add("submitted_by_person", text, [p], [], "docx")

    @tpl
    def attachment_indiv(g: _Gen, p: str, o: str) -> None:
        cover = f"Please find my response attached.\n\nRegards\n{p}"
        text = f"{g.caps(p)}\n{g.addr()}\n\n{g.indiv()}\n\n{p}"
        g.add("attachment_indiv", text, [p], [], "pdf",
              parent=(cover, {"from": f"{p} <{_email(p, 'btinternet.com')}>"}))

    @tpl
    def attachment_org(g: _Gen, p: str, o: str) -> None:
        cover = (f"Dear colleagues,\n\nPlease find attached the response from {o}.\n\n"
                 f"Kind regards\n{p}\n{g.role()}")
        text = f"{o}\n\nConsultation response\n\n{g.orgbody()}"
        meta = {"from": f"{p} <{_email(p, _orgdom(o))}>"}
        g.add("attachment_org", text, [p], [o], "pdf", parent=(cover, meta))

    @tpl
    def sign_comma(g: _Gen, p: str, o: str) -> None:
        g.add("sign_comma", f"{g.orgbody()}\n\nYours faithfully,\n{g.caps(p)}, {g.role()}, {o}", [p], [o])

    @tpl
    def sign_indiv_only(g: _Gen, p: str, o: str) -> None:
        g.add("sign_indiv_only", f"{g.indiv()}\n\nYours faithfully,\n{g.caps(p)}", [p], [])

    @tpl
    def copyright_person(g: _Gen, p: str, o: str) -> None:
        text = f"A personal view on the proposals\n\n{g.indiv()}\n\n© {g.caps(p)} 2024. All rights reserved."
        g.add("copyright_person", text, [p], [], "pdf")

    @tpl
    def about_org(g: _Gen, p: str, o: str) -> None:
        text = (f"Consultation response\n\n{g.orgbody()}\n\nAbout {o}\n{o} is a registered charity working "
                f"across the UK. For more information contact {p}.")
        g.add("about_org", text, [p], [o], "pdf")

    @tpl
    def letterhead_person_caps(g: _Gen, p: str, o: str) -> None:
        town, postcode = g.rng.choice(_TOWNS)
        text = (f"{p.upper()}\n{g.rng.choice(_STREETS)} · {town} · {postcode}\n\nTo whom it may concern,\n\n"
                f"{g.indiv()}\n\n{p}")
        g.add("letterhead_person_caps", text, [p], [], "docx")

    @tpl
    def employer_mention(g: _Gen, p: str, o: str) -> None:
        text = (f"{g.indiv()} I work for {o} but I am responding in a personal capacity and these are my own "
                f"views.\n\nBest,\n{g.caps(p)}")
        g.add("employer_mention", text, [p], [], "eml", {"from": f"{p} <{_email(p)}>"})

    return T


def _r6b_templates() -> dict[str, Template]:
    """review-resp6's second batch (gen2.py): titles, sign-offs, copyright, running headers."""
    T: dict[str, Template] = {}

    def tpl(f: Template) -> Template:
        T[f.__name__] = f
        return f

    @tpl
    def possessive_title(g: _Gen, p: str, o: str) -> None:
        t = g.rng.choice(["response to the consultation", "submission", "consultation response",
                          "comments on the draft plan"])
        g.add("possessive_title", f"{p}'s {t}\n\n{g.indiv()}\n\n{g.indiv()}", [p], [], "docx")

    @tpl
    def colon_title(g: _Gen, p: str, o: str) -> None:
        text = f"{p}: response to the call for evidence – Consultation response – Submission\n\n{g.indiv()}"
        g.add("colon_title", text, [p], [], "pdf")

    @tpl
    def multi_title(g: _Gen, p: str, o: str) -> None:
        text = (f"Call for evidence – Consultation response – Submission – {p} response – Evidence\n\n"
                f"{g.indiv()}")
        g.add("multi_title", text, [p], [], "pdf")

    @tpl
    def role_first_signoff_org(g: _Gen, p: str, o: str) -> None:
        text = f"{g.orgbody()}\n\nYours sincerely,\n\n{p}\n{g.role()}, {o}"
        g.add("role_first_signoff_org", text, [p], [o])

    @tpl
    def role_first_signoff_person(g: _Gen, p: str, o: str) -> None:
        role = g.rng.choice(["Retired teacher", "Volunteer", "Local resident", "Governor"])
        g.add("role_first_signoff_person", f"{g.indiv()}\n\nYours sincerely,\n\n{role}, {p}", [p], [])

    @tpl
    def copyright_reg(g: _Gen, p: str, o: str) -> None:
        g.add("copyright_reg", f"{g.indiv()}\n\n© 2024 {p}\nRegistered company no. "
              f"{g.rng.randint(1000000, 9999999)}", [p], [], "pdf")

    @tpl
    def copyright_reg_org(g: _Gen, p: str, o: str) -> None:
        g.add("copyright_reg_org", f"{g.orgbody()}\n\nContact: {p}\n\n© 2024 {o}\nRegistered charity no. "
              f"{g.rng.randint(200000, 1199999)}", [p], [o], "pdf")

    @tpl
    def is_a_sentence(g: _Gen, p: str, o: str) -> None:
        d = g.rng.choice(["a retired civil engineer", "an independent consultant",
                          "a not-for-profit campaigner", "a registered nurse"])
        g.add("is_a_sentence", f"Consultation response\n\n{p} is {d} living in {g.rng.choice(_TOWNS)[0]}. "
              f"{g.indiv()}", [p], [], "pdf")

    @tpl
    def welcomes(g: _Gen, p: str, o: str) -> None:
        text = f"{p} welcomes the opportunity to respond to this consultation. {g.indiv()}"
        g.add("welcomes", text, [p], [], "pdf")

    @tpl
    def about_person(g: _Gen, p: str, o: str) -> None:
        text = (f"Consultation response\n\n{g.indiv()}\n\nAbout {p}\n{p} has worked in transport "
                "planning for 20 years and writes in a personal capacity.")
        g.add("about_person", text, [p], [], "pdf")

    @tpl
    def running_header(g: _Gen, p: str, o: str) -> None:
        text, pages = _pdf_pages([f"{p} | Page {i}\n{para}\n\f" for i, para in enumerate(_INDIV_BODY, 1)])
        g.add("running_header", text, [p], [], "pdf", pages=pages)

    @tpl
    def running_header_org(g: _Gen, p: str, o: str) -> None:
        text, pages = _pdf_pages([f"{o} | Page {i}\n{para}\n\f" for i, para in enumerate(_ORG_BODY, 1)],
                                 f"Author: {p}\n")
        g.add("running_header_org", text, [p], [o], "pdf", pages=pages)

    @tpl
    def we_charity_title(g: _Gen, p: str, o: str) -> None:
        text = f"{p} response to the consultation\n\nAs a charity, we welcome the proposals. {g.orgbody()}"
        g.add("we_charity_title", text, [p], [], "pdf")

    return T


def _r6_cases(per_family: int) -> list[Case]:
    rng = random.Random(SEED)
    cases: list[Case] = []
    for prefix, templates, particles in (("r6", _r6_templates(), False), ("r6b", _r6b_templates(), True)):
        g = _Gen(rng, prefix)
        for template in templates.values():
            for _ in range(per_family):
                p, g.pool = g.person(particles)
                template(g, p, g.org())
        cases += g.cases
    return cases


def generate(per_family: int = PER_FAMILY) -> list[Case]:
    """Every case, in a fixed order."""
    return _r4_cases() + _r6_cases(per_family)


# --- the harnesses' judgement -------------------------------------------------------------------------
PARTICLES = {"van", "de", "der", "den", "la", "le", "von", "di", "du", "da", "del", "della", "dos", "das",
             "ten", "ter", "y", "bin", "al", "ni", "ní", "o", "ua", "ibn", "ben", "el", "los", "las", "des",
             "do", "zu", "zur", "ap", "dr", "prof.", "prof", "lo", "il", "les"}


def fold(s: str) -> str:
    """Accents and case folded away."""
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def words(s: str) -> list[str]:
    """The words of a name, its particles aside."""
    return [w for w in re.split(r"[\s,.]+", fold(s)) if w and w not in PARTICLES]


def leaks(person: str, published: str | None, orgs: tuple[str, ...]) -> bool:
    """review-resp4's predicate: `published` (an organisation profile() gave) is `person`'s name, inside it or
    holding it, or shares a word of 3+ letters of it that no true organisation has."""
    if not published or any(fold(published) == fold(o) for o in orgs):
        return False
    pw, vw = words(person), words(published)
    org_words = {w for o in orgs for w in words(o)}
    return bool(vw) and (
        fold(published) in fold(person) or fold(person) in fold(published) or set(vw) <= set(pw)
        or any(w in vw for w in pw if len(w) > 2 and w not in org_words))


@dataclass
class Tally:
    """One family's figures: cases, the leaking ones, and organisation recall over its org/mixed cases."""

    cases: int = 0
    leaks: list[str] = field(default_factory=list)  # compact descriptions of the leaking cases
    with_org: int = 0
    found: int = 0
    lost: list[str] = field(default_factory=list)  # org/mixed cases whose organisation was not published
    errors: list[str] = field(default_factory=list)


def measure(cases: list[Case], profile: Callable[..., Any]) -> dict[str, Tally]:
    """profile() of every case, tallied per family."""
    tallies: dict[str, Tally] = {}
    for case in cases:
        tally = tallies.setdefault(case.family, Tally())
        tally.cases += 1
        doc, parent = case.documents()
        try:
            got = profile(doc, parent=parent)
        except Exception as exc:  # counted, and failed on by the test
            tally.errors.append(f"{case.person or case.organisation!r}: {exc!r}"[:160])
            continue
        published = [v for v in (got.organisation, *got.organisations) if v]
        leaked = sorted({v for p in case.persons for v in published if leaks(p, v, case.orgs)})
        if leaked:
            tally.leaks.append(f"{case.persons[0]!r} -> {leaked}")
        if case.organisation:
            tally.with_org += 1
            if got.organisation and fold(got.organisation) == fold(case.organisation):
                tally.found += 1
            else:
                tally.lost.append(f"{case.organisation!r} -> {got.organisation!r}")
    return tallies
