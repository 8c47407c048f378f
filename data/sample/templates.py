"""Paragraph library for the sample consultation responses (British English, invented content).

ORG[question][stance] holds alternative paragraphs written in an organisation's voice ("we");
IND[question][stance] holds shorter first-person paragraphs for individual respondents.
Placeholders ({org}, {area}, {region}, {client}, {service}, {prison}, {n}, {staff}, {volunteers})
are filled from each respondent's profile in respondents.py.
"""

ORG = {
    "Q1": {
        "central": [
            "[charity]The voluntary and community sector should be treated as a core part of offender "
            "management, not as an optional extra bolted on at the end of a contract. Charities such "
            "as {org} reach people that statutory services often do not: {client} who have learned to "
            "distrust officialdom will frequently talk to a volunteer or a peer mentor when they will "
            "not talk to anyone in authority. We would like to see the sector involved at every stage "
            "of the process, in the design of services, in commissioning decisions and in delivery, and "
            "able to act as a lead provider where it has the capacity to do so.",
            "We strongly support a greater role for voluntary and community organisations in delivering "
            "services to offenders in prison and on licence. The sector has a long record of work in this "
            "field, much of it predating the probation service itself, and brings flexibility, local "
            "knowledge and the trust of service users. In {area} our {service} has shown what can be "
            "achieved when a charity is given room to work with {client} in its own way. We would urge "
            "NOMS to treat the sector as a partner in planning services and not simply as a supplier.",
        ],
        "complementary": [
            "Voluntary organisations have an important contribution to make, but it should complement "
            "rather than replace the work of the statutory probation service. The supervision of "
            "offenders and the assessment of risk are public responsibilities which carry coercive "
            "powers, and we do not believe charities should be asked to exercise them. The sector is at "
            "its best when it offers something different: support that people choose to take up, "
            "delivered by staff and volunteers who are not part of the enforcement machinery.",
            "We are cautious about the suggestion that the sector should take over core offender "
            "management. Many organisations in {area} are small, and their strength lies in a voluntary "
            "relationship with {client}. If charities become responsible for enforcing licence "
            "conditions or reporting breaches, that relationship is put at risk. We would prefer to see "
            "the sector delivering specialist interventions (housing advice, mentoring, family support, "
            "help with debt and employment) alongside a properly resourced public probation service.",
        ],
        "market": [
            "Providers should be chosen on the basis of their ability to deliver results, regardless of "
            "whether they are in the public, private or voluntary sector. We recognise the particular "
            "strengths of many charities, and we already work with a number of them in {area}, but we do "
            "not think any sector should be given preferential treatment in an open competition. A level "
            "playing field, with clear outcome measures, is the best way of ensuring that the taxpayer "
            "and the offender both receive a good service.",
            "We welcome the involvement of the voluntary sector, and we believe the best results will "
            "come from mixed partnerships in which each organisation does what it does best. Large "
            "contracts need management capacity, investment in systems and the ability to carry "
            "financial risk, which private providers are well placed to supply; charities bring "
            "specialist expertise and links with local communities. The commissioning framework should "
            "be neutral between sectors and should reward providers that build such partnerships.",
        ],
    },
    "Q2": {
        "full_cost_recovery": [
            "The single most important change NOMS could make would be to pay the full cost of the "
            "services it buys. At present many contracts cover direct delivery costs only, and charities "
            "are expected to meet overheads such as management, premises, training and IT from their own "
            "reserves or from donations. In effect the public are subsidising the state through their "
            "gifts to charity. We ask NOMS to adopt the principle of full cost recovery explicitly and to "
            "accept that a reasonable contribution to overheads is a legitimate cost of delivery.",
            "[charity]Short-term funding is the greatest obstacle to effective work with {client}. Last year "
            "{org} spent a considerable part of its senior staff time re-applying for contracts that had "
            "been extended for six or twelve months at a time, and we lost experienced workers who could "
            "not wait to find out whether their posts would continue. Contracts should run for at least "
            "three years, and preferably five, with at least six months' notice of any decision not to "
            "renew. Funding should also reflect the full cost of delivery, including overheads.",
        ],
        "outcome_based": [
            "We support a move towards payment linked to outcomes. Paying for activity tells us little "
            "about whether re-offending has fallen, and a well designed outcome-based contract gives "
            "providers the freedom to innovate. We accept that smaller organisations may struggle to "
            "carry the financial risk, and we would suggest that 10 to 20 per cent of each payment is "
            "linked to results at first, rising as reliable measures are established. Full cost "
            "recovery should not be guaranteed regardless of performance.",
            "We do not believe that a guarantee of full cost recovery is a sensible basis for public "
            "contracts. Providers in every sector should be expected to price their services "
            "competitively and to carry some risk. What matters more is stability: contracts of five "
            "years or longer would allow all providers, including charities, to invest in staff and "
            "systems and to recover those costs over the life of the contract.",
        ],
        "mixed": [
            "We recognise the case for linking some payment to results, but the measures chosen must be "
            "fair and the proportion of payment at risk must be modest. Re-offending is influenced by "
            "many factors beyond any one provider's control, and a charity with limited reserves cannot "
            "wait two years to learn whether it will be paid. We would favour a core contract that meets "
            "the full cost of the service, with a smaller performance element on top.",
            "Funding certainty matters at least as much as the level of funding. Annual contracts and "
            "late decisions on renewal make it very difficult to plan, to keep good staff or to attract "
            "other funding. We would accept a degree of payment by results if it were combined with "
            "contracts of three years or more and clear rules on how overheads may be charged.",
        ],
    },
    "Q3": {
        "small_lots": [
            "Large contracts will shut out small and local charities, however good their work. "
            "Organisations with a turnover of under £250,000 cannot produce the bid documentation, the "
            "financial guarantees or the performance bonds that a regional contract demands. We urge "
            "NOMS to divide services into smaller lots, to keep pre-qualification requirements "
            "proportionate and to consider ring-fencing a share of funding for community-based providers.",
            "{org} is a small organisation: we have {staff} staff and around {volunteers} volunteers. We "
            "simply could not bid for a contract covering the whole of {region}, and we doubt that we "
            "would be invited into a consortium on fair terms. If NOMS wishes to keep small specialist "
            "providers in the market, contracts need to be let in smaller packages, with simpler tender "
            "documents and with payment in advance rather than in arrears.",
        ],
        "large_contracts": [
            "There are sound reasons for letting larger contracts. They reduce the administrative burden "
            "on commissioners, allow economies of scale and make it easier to provide a consistent "
            "service across {region}. Small organisations can still take part through supply chains led "
            "by a prime contractor, provided the prime is required to pass on fair terms. We do not think "
            "that dividing services into very small lots would serve offenders well.",
            "We favour a small number of large contracts, each held by a lead provider that is "
            "accountable for results across the whole area. Fragmentation has been one of the weaknesses "
            "of the current arrangements: offenders are passed between many small services that do not "
            "talk to one another. A prime provider model, with a managed supply chain that includes "
            "specialist charities, would provide both accountability and diversity.",
        ],
        "mixed": [
            "We suggest a tiered approach. Some services, for example case management and accredited "
            "programmes, may need to be commissioned at scale, while others, such as mentoring, family "
            "support or work with women offenders, are best commissioned in smaller lots from local "
            "providers. Whichever model is chosen, prime contractors should be bound by a code of conduct "
            "covering payment terms, the sharing of risk and an honest description of their supply "
            "chain in bids.",
            "Contract size should follow the nature of the service rather than administrative "
            "convenience. We would support larger contracts where genuine economies of scale exist, but "
            "we ask NOMS to monitor the proportion of funding that reaches small and medium-sized "
            "organisations and to publish it, so that any squeeze on the local sector can be seen and "
            "corrected.",
        ],
    },
    "Q4": {
        "wary": [
            "We have serious concerns about consortia led by private companies. Our experience, and that "
            "of the charities we have spoken to, is that voluntary organisations are too often named in "
            "bids to add credibility and then given little or no work once the contract is won. There is "
            "also a real risk to the independence of charities: an organisation that depends on a "
            "private prime for most of its income will find it hard to speak out about problems in the "
            "service, or to campaign on behalf of {client}.",
            "[charity]Independence is not an optional extra for a charity; it is the reason people trust "
            "us. If we become a subcontractor to a commercial company whose first duty is to its "
            "shareholders, we will be bound by confidentiality clauses and commercial priorities that may"
            " conflict with our charitable objects. We would want any consortium agreement to include a "
            "written guarantee of the right of charities to comment publicly on policy, and we would not "
            "enter one without it.",
        ],
        "supportive": [
            "Consortia can be a very effective way of combining the strengths of different sectors. "
            "Private providers can bring investment, working capital and experience of managing large "
            "contracts, while charities bring specialist knowledge and community links. We have worked "
            "with voluntary sector partners in {area} for several years and believe the relationship has "
            "benefited both sides. We would encourage NOMS to support the development of consortia, for "
            "example by meeting some of the costs of forming them.",
            "We see consortia as the most practical way for smaller organisations to take part in larger "
            "contracts. Working in a consortium allows a charity to share back-office costs and risk, and "
            "gives it access to contracts it could never win alone. Concerns about independence are "
            "understandable, but they can be met through clear contracts and good governance; they are "
            "not a reason to avoid partnership altogether.",
        ],
        "conditional": [
            "We are not opposed in principle to consortia that include private companies, but they must "
            "be on fair terms. We would like NOMS to require prime contractors to sign up to a code of "
            "practice covering the flow of referrals, prompt payment, the fair sharing of risk and the "
            "freedom of partners to speak publicly. Commissioners should check after award that the "
            "organisations named in a bid are actually delivering services.",
            "Partnership with the private sector can work, but only if the independence of charities is "
            "protected in the contract itself. We suggest that NOMS publishes model subcontract terms, "
            "that bids are scored partly on the quality of their supply-chain arrangements, and that "
            "there is an independent route for subcontractors to raise concerns without fear of losing "
            "work.",
        ],
    },
    "Q5": {
        "local": [
            "Services should be commissioned as close as possible to the communities in which offenders "
            "live. Resettlement depends on local housing, local employers, local health services and "
            "local voluntary groups. A commissioner in a regional office will not know that the only "
            "night shelter in {area} closes its doors at four in the afternoon, or that a particular "
            "estate has no bus after six. Local commissioning, with the local authority and other "
            "partners, is the best way of building services that fit.",
            "We believe that commissioning at regional level would be a mistake. The regions are large "
            "and varied, and {region} would combine rural districts with large towns that have quite "
            "different needs. Local commissioning would also make it easier for small organisations to "
            "take part and for local people to hold services to account.",
        ],
        "regional": [
            "Regional commissioning offers clear advantages. It would avoid duplication, reduce the cost "
            "of procurement for commissioners and providers alike, and allow consistent standards to be "
            "set across a wide area. Many offenders move between local authority areas, and prisons "
            "serve a regional rather than a local population, so a regional approach fits the reality of "
            "the offender population better than a patchwork of local contracts.",
            "On balance we favour commissioning at regional level, with a requirement that providers "
            "show how they will meet local needs. Local commissioning would multiply the number of "
            "tendering exercises and put a heavy burden on commissioners and bidders. A regional "
            "framework, with local delivery plans agreed with each area, offers the best of both.",
        ],
        "hybrid": [
            "We do not think the choice is simply between regional and local commissioning. Some "
            "services, such as the management of high-risk offenders and accredited programmes, may be "
            "better commissioned regionally; others, including accommodation, mentoring and family "
            "support, should be commissioned locally. We suggest a regional framework agreement with "
            "local call-off contracts, so that local partners have a real say in what is bought for "
            "their area.",
            "A mixed model would work best: strategic planning at regional level, but commissioning of "
            "community-based services at the level of the local authority or the local criminal justice "
            "board. Whatever the structure, local partners, including the voluntary sector, should be "
            "involved in deciding what is needed before contracts are designed.",
        ],
    },
    "Q6": {
        "mentoring": [
            "The period immediately after release is when people are most likely to re-offend, and it is "
            "also when support is most often absent. We would like every prisoner who wants one to be "
            "offered a mentor who begins working with them in the months before release, meets them at "
            "the gate and stays with them through the first weeks in the community. Our {service} does "
            "exactly this for {client}, and last year {n} people took part. Volunteers who have "
            "themselves been through the system are particularly effective.",
            "A seamless service needs a person, not a process. Too often people leave {prison} with a "
            "discharge grant and an appointment letter, and nobody to help them on the first day, when "
            "they have to find somewhere to sleep, register with a doctor and sign on. We urge NOMS to "
            "fund through-the-gate mentoring as a core part of every contract, and to make it possible "
            "for community workers to get into prisons to start work before release.",
        ],
        "case_management": [
            "The key to a seamless service is continuity of case management. One offender manager "
            "should hold responsibility for each person from sentence to the end of their licence, with "
            "a single assessment and a single plan that follows them from custody into the community. "
            "Voluntary and private providers can deliver parts of that plan, but the plan itself must be "
            "owned by someone who is accountable for it.",
            "Through-the-gate work will only be seamless if information moves with the offender. At "
            "present assessments are repeated, prison and probation records are held on systems that do "
            "not communicate, and release dates change at short notice. We ask NOMS to resolve these "
            "problems of information-sharing before changing the structure of provision; otherwise a new "
            "contract will simply add another hand-over.",
        ],
        "housing_first": [
            "Nothing undermines resettlement more than releasing someone with nowhere to live. In our "
            "experience around a third of the people we see leave prison without settled accommodation, "
            "and many are released on a Friday afternoon when housing offices are about to close. A "
            "seamless service must start with housing: an assessment of accommodation needs on reception "
            "into custody, work with the local housing authority well before release, and an end to "
            "Friday releases wherever possible.",
            "We would like accommodation to be treated as the foundation of every resettlement plan. "
            "Resettlement should begin on the first day of a sentence and not in the final fortnight. "
            "People serving short sentences, who currently receive little or no statutory supervision "
            "after release, should not be left out, as they have the highest re-offending rates of all.",
        ],
    },
    "Q7": {
        "lead_role": [
            "Local authorities should play a leading part. They are responsible for housing, social "
            "care, children's services and community safety, all of which are central to reducing "
            "re-offending, and they are democratically accountable to the communities in which offenders "
            "live. We would support joint commissioning between NOMS and local authorities, with pooled "
            "budgets where possible, and a clear duty on councils to plan for the resettlement of "
            "offenders returning to their area.",
            "Councils already commission a wide range of services from the voluntary sector and have "
            "well-established relationships with local charities. It makes sense to build on that "
            "experience rather than creating a separate commissioning structure for offender services. "
            "The local strategic partnership and the community safety partnership should be at the "
            "centre of planning.",
        ],
        "partner": [
            "Local authorities are essential partners, particularly for housing and services for "
            "families, but we do not think they should become commissioners of probation services. They "
            "do not hold the relevant expertise and many are already stretched. A duty to co-operate, "
            "backed by clear protocols on accommodation for people leaving custody, would be more useful "
            "than a transfer of commissioning responsibility.",
            "We would welcome stronger involvement by councils, but through partnership rather than a "
            "change of responsibility. In particular, every local housing authority should have a named "
            "lead for offender accommodation, and councils should be represented on the boards that "
            "oversee offender services in their area.",
        ],
        "limited": [
            "We are wary of a large role for local authorities. Offender management is a specialist "
            "field, and councils have many competing priorities. There is a danger that, under pressure "
            "on local budgets, services for offenders would lose out to more popular causes. "
            "Commissioning should remain with NOMS and its regional structures, with local authorities "
            "consulted as stakeholders.",
            "Local authority boundaries do not match prison catchment areas, and offenders frequently "
            "move between areas on release. We therefore see difficulties in giving councils a "
            "commissioning role, although they must be involved in planning for housing and social care.",
        ],
    },
    "Q8": {
        "quality_first": [
            "Quality must come first. Contracts awarded on price alone will drive down the pay and "
            "training of front-line staff and will favour providers who promise the most for the least, "
            "whether or not they can deliver. We suggest that price should account for no more than 30 "
            "per cent of the evaluation, and that the views of service users and evidence of past "
            "performance should be given proper weight.",
            "Cheap services are not good value if they fail. An extra hour of a skilled worker's time "
            "with someone leaving custody costs little compared with a further prison sentence, which "
            "runs to tens of thousands of pounds a year. Commissioners should look at the long-term cost "
            "to the public purse, not simply at the unit price in the tender.",
        ],
        "value_for_money": [
            "Competition on cost is legitimate and healthy. Public money is limited, and every pound "
            "spent inefficiently is a pound that is not available for front-line services. We support "
            "evaluation that balances quality and cost, but we caution against setting minimum quality "
            "thresholds so high that they exclude new providers with different ways of working.",
            "We believe that competition will improve both quality and efficiency. The evidence from "
            "other public services is that contestability has driven innovation and reduced costs. "
            "Providers should be held to clear standards, but within those standards the most "
            "economically advantageous bid should win.",
        ],
        "balanced": [
            "We accept that cost must be a factor, but the evaluation model should be published in "
            "advance and should make clear how quality is assessed. Measures of quality should include "
            "outcomes for service users, the qualifications and supervision of staff, and the extent to "
            "which a provider works with others locally.",
            "Quality and cost need not be in conflict, but procurement processes often treat them as if "
            "they were. We would like to see longer contracts, which allow providers to reduce costs "
            "over time, combined with a firm floor below which quality standards may not fall.",
        ],
    },
    "Q9": {
        "critical": [
            "We are concerned that a consultation period of twelve weeks, which included the Easter "
            "holiday, has been too short for small organisations to consult their service users and "
            "trustees. We are also concerned that decisions on the structure of commissioning appear "
            "already to have been taken. We ask NOMS to publish a summary of the responses and to explain "
            "how they have influenced the final proposals.",
            "The timetable for implementation is very ambitious. Moving to competition within a year, "
            "while the new structures are still being set up, risks serious disruption to services and "
            "to the staff who deliver them. We urge a phased approach, beginning with pilots that are "
            "properly evaluated before any national roll-out.",
        ],
        "positive": [
            "We welcome the opportunity to respond to this consultation and the clear way in which the "
            "questions have been set out. We would be happy to take part in further discussions, "
            "including the regional events mentioned in the consultation paper.",
            "We are grateful to NOMS for the engagement events held during the consultation period, "
            "which were well attended and gave the sector a genuine opportunity to be heard. We hope this "
            "dialogue will continue as the proposals are developed.",
        ],
        "mixed": [
            "The consultation document is clear, but several of the questions are closely related and "
            "we have found it difficult to answer them separately. The timetable for the changes is "
            "tight, and we would welcome more detail on how the transition will be managed.",
        ],
    },
    "Q10": {
        "women": [
            "We would draw attention to the particular needs of women offenders, many of whom are "
            "themselves victims of abuse and are the main carers of children. Services for women should "
            "be commissioned separately, and small women's centres should not be absorbed into generic "
            "contracts."
        ],
        "volunteers": [
            "Volunteers are a great strength of the sector, but security vetting for volunteers working "
            "in prisons can take several months, by which time many have lost interest. We ask NOMS to "
            "look at ways of speeding up clearance."
        ],
        "bme": [
            "We ask NOMS to consider the needs of black and minority ethnic offenders, who are "
            "over-represented in prison and under-represented among those who benefit from resettlement "
            "services. Small community-based organisations often have the trust of these communities and "
            "should be supported to take part."
        ],
        "families": [
            "The families of offenders are too often overlooked. Maintaining family ties is one of the "
            "strongest protective factors against re-offending, and visits support, help with travel "
            "costs and work with children should be recognised in any new commissioning framework."
        ],
        "mental_health": [
            "Many of the people we work with have mental health problems, learning disabilities or both, "
            "and they are poorly served by generic services. We hope that specialist provision will be "
            "protected in any new arrangements."
        ],
        "victims": [
            "The views of victims and of the wider community should be taken into account in planning "
            "services. Public confidence in community sentences depends on people being able to see that "
            "they work."
        ],
    },
}

# First-person paragraphs for individual respondents.
IND = {
    "Q1": {
        "central": [
            "I believe charities should have a much bigger role. In my experience the people who made "
            "the real difference were the volunteers, who had time to listen and were not there to "
            "check up on anybody.",
            "Local charities should be at the heart of this work. They are trusted in a way that "
            "officials never will be, and they stay around when the statutory involvement ends.",
        ],
        "complementary": [
            "I am not convinced that charities should be running probation. Supervising offenders is a "
            "serious job that carries risks to the public, and it should be done by trained "
            "professionals who answer to the government. Charities should help, not take over."
        ],
    },
    "Q2": {
        "full_cost_recovery": [
            "It seems wrong that charities have to use money given by the public to make up for "
            "contracts that do not pay the full cost. If the government wants a service it should pay "
            "for it properly, and for long enough that the staff know they will still have a job next "
            "year.",
            "Charities should not have to go cap in hand every twelve months. Give them proper contracts "
            "that cover what the work actually costs, including the office and the training.",
        ],
        "outcome_based": [
            "As a taxpayer I think organisations should be paid for results. If re-offending does not "
            "come down, I do not see why the money should keep flowing."
        ],
    },
    "Q3": {
        "small_lots": [
            "I worry that big contracts will mean the small local groups, which in my view do the best "
            "work, will be squeezed out by large companies that can afford to write long tenders.",
            "Please keep the contracts small enough for local groups to apply. The little projects run on "
            "goodwill and cannot compete with big firms' bid-writing teams.",
        ]
    },
    "Q4": {
        "wary": [
            "I do not want private companies making a profit out of prisoners. If charities go into "
            "partnership with them I fear they will lose their independence and their voice.",
            "Charities that sign up with big private firms will end up doing what the firm tells them. "
            "Who will speak up for prisoners then?",
        ],
        "supportive": [
            "I do not mind who provides the service as long as it works. If a private company and a "
            "charity can do it better together, so be it."
        ],
    },
    "Q5": {
        "local": [
            "Decisions should be made locally, by people who know the area. A regional office many miles "
            "away has no idea what is available in a town like {area}.",
            "Keep it local. The people who run services should know the local streets, hostels and "
            "employers, not sit in an office in another city.",
        ],
        "regional": [
            "I can see the sense in organising things on a regional basis, because people do not stay in "
            "one town and the prisons take people from all over."
        ],
    },
    "Q6": {
        "mentoring": [
            "The first few days after release are the most dangerous. Someone to meet people at the "
            "gate and help them with housing, benefits and a doctor would make all the difference.",
            "Nobody should walk out of the prison gate alone. A mentor who knows the person before they "
            "are released, and who is there on the day, is worth more than any number of leaflets.",
        ],
        "housing_first": [
            "When my son was released last time he was given a list of hostels, every one of which was "
            "full. He was back in custody within three months. Without somewhere to live, nothing else "
            "works."
        ],
    },
    "Q7": {
        "lead_role": [
            "The council should be involved because it is responsible for housing. At the moment nobody "
            "seems to take responsibility for people coming out of prison."
        ]
    },
    "Q8": {
        "quality_first": [
            "Please do not simply give the contracts to whoever is cheapest. You get what you pay for, "
            "and the cost of failure is paid by the next victim.",
            "Quality should matter far more than price. A cheap service that does not work is a waste "
            "of everybody's money.",
        ],
        "value_for_money": [
            "I want to know that public money is spent efficiently. Competition should bring down costs, "
            "and I see nothing wrong with that."
        ],
    },
    "Q9": {
        "critical": [
            "I only heard about this consultation from a notice in the library a week before it closed. "
            "I doubt many of the people who use these services know it exists.",
            "The consultation seems to have been written for professionals. It should have been "
            "publicised far more widely and written in plain English.",
        ]
    },
}

# Opening paragraphs for individuals, by background.
IND_OPENERS = {
    "ex_offender": "I am writing as someone who served a prison sentence and was released in {year}. I "
    "have not offended since, and I owe a great deal of that to a volunteer mentor from a local "
    "charity who met me when I came out.",
    "retired_po": "I worked as a probation officer for {years} years until my retirement, and I have "
    "seen several reorganisations of the service. I write in a personal capacity.",
    "volunteer": "I have volunteered with a charity supporting prisoners' families at {prison} for "
    "{years} years.",
    "magistrate": "I have sat as a magistrate on the {area} bench for {years} years, although I write "
    "here in a personal capacity.",
    "parent": "My son is serving a sentence at {prison}, and I am writing because I am worried about "
    "what will happen when he is released.",
    "resident": "I live in {area} and I am writing as an ordinary member of the public.",
}

# The "Keep Justice Local" campaign letter: (questions, text) pairs; None marks optional slots.
CAMPAIGN_ID = "keep-justice-local"
CAMPAIGN_SALUTATIONS = ["Dear Sir or Madam,", "Dear NOMS consultation team,", "To whom it may concern,"]
CAMPAIGN_PARAS = [
    ([], "I am writing in response to the NOMS consultation on the role of the voluntary and "
     "community sector in offender services, as a supporter of the Keep Justice Local campaign."),
    (["Q5", "Q3"], "I believe that services for offenders should be commissioned locally and not in "
     "large regional contracts. Small local charities know their communities and do work that big "
     "organisations cannot do. Large contracts will push them out."),
    (["Q4"], "Charities must remain independent. They should not become junior partners of private "
     "companies whose first concern is profit, and they must stay free to speak up for the people "
     "they work with."),
    (["Q2"], "Charities should be paid the full cost of the work they do, on contracts long enough "
     "to allow them to plan."),
    ([], "Please keep justice local."),
]
CAMPAIGN_EXTRAS = [
    "I have volunteered at my local night shelter for six years and have seen this at first hand.",
    "My brother was helped by a small local project when he left prison, and he has now been in work "
    "for two years.",
    "As a former councillor I know how much small groups achieve on very little money.",
]
CAMPAIGN_CLOSES = ["Yours faithfully,", "Yours sincerely,", "Kind regards,"]
