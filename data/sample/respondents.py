"""Invented respondents for the sample consultation. Every name, address, e-mail address and phone
number here is fictitious: phone numbers are in Ofcom's drama ranges, e-mail domains are example.*,
and postcode areas (NS, EM, KM, WE) do not exist.

`stances` lists the questions a respondent answers and its position on each (keys of
templates.ORG / templates.IND). `writer` picks the file format, `shape` the layout of the text.
"""

_LONDON = "Tel 020 7946 0{}"

ORGS = [
    dict(
        file="Harbourlight_Trust_response.pdf", writer="pdf", shape="question", font="Helvetica", long=True,
        name="Catherine Ellwood", role="Director of Policy", org="Harbourlight Trust", type="charity",
        about="Harbourlight Trust is a national charity founded in 1961. We work with around 14,000 people "
        "in prisons and in the community each year, through 60 projects in England and Wales, and we "
        "employ 410 staff supported by more than 900 volunteers.",
        stances="Q1=central Q2=full_cost_recovery Q3=mixed Q4=conditional Q5=hybrid Q6=mentoring "
        "Q7=partner Q8=quality_first Q9=critical Q10=volunteers",
        ctx=dict(area="England and Wales", region="any one region", client="people leaving prison",
                 service="Gateway mentoring service", prison="HMP Greystone", n=1240),
        extra={"Q6": "Independent evaluation of the Gateway service found that 71 per cent of participants "
               "were in settled accommodation six months after release."},
        letterhead=["Harbourlight Trust", "4 Cardew Street, Eastmoor EM1 4TX", _LONDON.format(412)],
        contact=dict(email="c.ellwood@harbourlight.example.org", phone="020 7946 0418"),
        date="22 April 2026", received="2026-04-22T16:40:00+01:00",
    ),
    dict(
        file="Northshire Probation Trust - consultation response.pdf", writer="pdf", shape="quoted",
        long=True, font="Times-Roman", name="Andrew Kettering", role="Chief Executive",
        org="Northshire Probation Trust", type="probation",
        about="Northshire Probation Trust supervises around 6,500 offenders in the community and "
        "prepares some 4,000 pre-sentence reports a year. We already commission about 8 per cent of our "
        "budget from voluntary and community organisations.",
        stances="Q1=complementary Q2=mixed Q3=mixed Q4=conditional Q5=local Q6=case_management "
        "Q7=partner Q8=balanced Q9=critical",
        ctx=dict(area="Northshire", region="the North East", client="offenders under supervision",
                 service="approved premises", prison="HMP Greystone", n=380),
        extra={"Q5": "Northshire's own experience of co-commissioning with the county council's community "
               "safety team shows that local arrangements can be both efficient and responsive."},
        letterhead=["Northshire Probation Trust", "Beaumont House, 2 Quay Road, Ashby Cross NS1 6DB"],
        date="17 April 2026", received="2026-04-17T11:05:00+01:00",
    ),
    dict(
        file="CLAE response NOMS VCS consultation.pdf", writer="pdf", shape="number", font="Helvetica",
        name="Cllr Rosemary Vane", role="Chair, Safer Communities Board",
        org="Council of Local Authorities in England", type="representative_body",
        about="The Council of Local Authorities in England (CLAE) represents 350 councils. This response "
        "has been agreed by our Safer Communities Board.",
        stances="Q1=central Q2=full_cost_recovery Q3=small_lots Q5=local Q7=lead_role Q8=quality_first "
        "Q9=critical",
        ctx=dict(area="many areas", region="a region", client="offenders and their families",
                 service="member councils' work with charities", prison="local prisons", n=350),
        pick="Q5:1",
        contact=dict(email="saferc@clae.example.org", phone="020 7946 0871"),
        date="24 April 2026", received="2026-04-24T15:30:00+01:00",
    ),
    dict(
        file="Sentinel_Justice_Services_submission.pdf", writer="pdf", shape="q_colon",
        font="Helvetica", name="Mark Ridley", role="Managing Director, Justice Division",
        org="Sentinel Justice Services Ltd", type="private_company",
        about="Sentinel Justice Services Ltd operates two prisons under contract and provides electronic "
        "monitoring and facilities management services to the public sector. We employ 2,300 people.",
        stances="Q1=market Q2=outcome_based Q3=large_contracts Q4=supportive Q5=regional "
        "Q6=case_management Q7=limited Q8=value_for_money Q9=positive",
        ctx=dict(area="the North West", region="a region", client="offenders", service="resettlement unit",
                 prison="HMP Ashwell", n=900),
        contact=dict(email="mark.ridley@sentinel-js.example.com", phone="0161 496 0554"),
        date="23 April 2026", received="2026-04-23T09:12:00+01:00",
    ),
    dict(
        file="Joint response - Westvale VCS Forum.pdf", writer="pdf", shape="question",
        font="Times-Roman", hyphenate=True, name="Fiona McAllister", role="Co-ordinator",
        org="Westvale Voluntary Sector Forum", type="representative_body",
        joint=["Westvale Voluntary Sector Forum", "Bridgewell Housing Association",
               "St Brendan's Night Shelter", "Pathways Recovery Service", "Westvale Women's Centre"],
        signatories=[("Fiona McAllister", "Westvale Voluntary Sector Forum"),
                     ("Desmond Achebe", "Bridgewell Housing Association"),
                     ("Sister Bernadette Flynn", "St Brendan's Night Shelter"),
                     ("Owen Pritchard", "Pathways Recovery Service"),
                     ("Lorraine Castle", "Westvale Women's Centre")],
        about="This is a joint response from the Westvale Voluntary Sector Forum, Bridgewell Housing "
        "Association, St Brendan's Night Shelter, Pathways Recovery Service and Westvale Women's Centre. "
        "Together our organisations provide accommodation, drug and alcohol treatment, advice and "
        "support to several hundred people in contact with the criminal justice system each year.",
        stances="Q1=central Q2=full_cost_recovery Q3=small_lots Q4=wary Q5=local Q6=housing_first "
        "Q7=lead_role Q8=quality_first Q9=critical Q10=women",
        ctx=dict(area="Westvale", region="the West Midlands", client="people with nowhere to go on release",
                 service="resettlement hostel", prison="HMP Kingsmere", n=260, staff=35, volunteers=120),
        contact=dict(email="fiona@westvalevsf.example.org", phone="0121 496 0233"),
        date="21 April 2026", received="2026-04-21T13:48:00+01:00",
    ),
    dict(
        file="VSJN_consultation_response_final.pdf", writer="pdf", shape="quoted_plain",
        font="Times-Roman", hyphenate=True, name="Dr Priya Raman", role="Chief Executive",
        org="Voluntary Sector Justice Network", type="representative_body",
        about="The Voluntary Sector Justice Network is the national umbrella body for voluntary and "
        "community organisations working with offenders and their families, with over 500 members. In "
        "preparing this response we held seven regional workshops attended by 180 organisations.",
        stances="Q1=central Q2=full_cost_recovery Q3=small_lots Q4=conditional Q5=hybrid Q6=mentoring "
        "Q7=partner Q8=quality_first Q9=critical Q10=bme",
        ctx=dict(area="every region", region="a whole region", client="offenders and their families",
                 service="members' mentoring network", prison="many prisons", n=5600),
        contact=dict(email="p.raman@vsjn.example.org", phone="020 7946 0650"),
        date="25 April 2026", received="2026-04-25T17:20:00+01:00",
    ),
    dict(
        file="Lakeside Trust letter.pdf", writer="pdf", shape="letter", font="Helvetica",
        name="Gillian Royle", role="Manager", org="Lakeside Trust", type="charity",
        about="Lakeside Trust is a small charity in Kingsmere that runs a drop-in centre and a befriending "
        "scheme for men leaving HMP Kingsmere.",
        stances="Q1=central Q3=small_lots+Q4=wary Q6=mentoring Q9=critical",
        ctx=dict(area="Kingsmere", region="the West Midlands", client="men leaving prison",
                 service="befriending scheme", prison="HMP Kingsmere", n=84, staff=4, volunteers=30),
        letterhead=["Lakeside Trust", "The Old Boathouse, Mere Lane, Kingsmere KM2 9BN",
                    "Tel 0121 496 0718  Registered charity no. 1100000"],
        date="24 April 2026", received="2026-04-27T10:02:00+01:00",
    ),
    dict(
        file="NHS Eastmoor ICB - response.pdf", writer="pdf", shape="number", font="Helvetica",
        name="Dr Nadia Farouk", role="Director of Health and Justice Commissioning",
        org="NHS Eastmoor Integrated Care Board", type="public_body",
        about="NHS Eastmoor Integrated Care Board commissions health services for a population of 1.1 "
        "million, including healthcare in three prisons.",
        stances="Q1=complementary Q6=case_management Q7=partner Q10=mental_health",
        ctx=dict(area="Eastmoor", region="the North East", client="prisoners with health needs",
                 service="liaison and diversion service", prison="HMP Greystone", n=2100),
        date="20 April 2026", received="2026-04-20T10:30:00+01:00",
    ),
    dict(
        file="Greystone IMB response.pdf", writer="pdf", shape="q_colon", font="Times-Roman",
        name="Robert Anstey", role="Chair", org="Independent Monitoring Board, HMP Greystone",
        type="public_body", duplicate_as="Greystone IMB response - resent.pdf",
        duplicate_received="2026-04-16T08:55:00+01:00",
        about="The Independent Monitoring Board at HMP Greystone is a group of unpaid volunteers appointed "
        "to monitor the fair and humane treatment of prisoners.",
        stances="Q1=complementary Q6=housing_first Q8=quality_first Q10=families",
        ctx=dict(area="Northshire", region="the North East", client="men at HMP Greystone",
                 service="visits centre", prison="HMP Greystone", n=700),
        date="14 April 2026", received="2026-04-14T16:10:00+01:00",
    ),
    dict(
        file="Response form - Hillfoot Mentoring Project.docx", writer="docx_form", shape="form",
        name="Sunita Kaur", role="Project Co-ordinator", org="Hillfoot Mentoring Project", type="charity",
        about="", stances="Q1=central Q2=mixed Q3=small_lots Q4=wary Q5=local Q6=mentoring",
        ctx=dict(area="Hillfoot", region="the North East", client="young adults leaving custody",
                 service="peer mentoring project", prison="HMP Greystone", n=46, staff=3, volunteers=22),
        contact=dict(email="sunita@hillfootmentoring.example.org", phone="0191 498 0342",
                     address="Unit 6, Station Yard, Hillfoot NS9 2HW"),
        date="10 April 2026", received="2026-04-10T12:00:00+01:00",
    ),
    dict(
        file="Open Road Foundation response.docx", writer="docx", shape="question", header=True,
        name="James Whitford", role="Head of Public Affairs", org="Open Road Foundation", type="charity",
        about="Open Road Foundation is a national charity helping people with convictions into "
        "employment. Last year we placed 2,800 people in jobs with more than 400 employers.",
        stances="Q1=central Q2=outcome_based Q3=mixed Q4=supportive Q5=regional Q6=mentoring "
        "Q8=balanced Q9=positive",
        ctx=dict(area="England", region="a region", client="people with convictions",
                 service="Jobs Bridge programme", prison="HMP Ashwell", n=2800),
        contact=dict(email="j.whitford@openroad.example.org", phone="020 7946 0733"),
        date="18 April 2026", received="2026-04-18T14:25:00+01:00",
    ),
    dict(
        file="NFPB draft response v3 (tracked).docx", writer="docx_tracked", shape="question",
        name="Elaine Marchetti", role="Director", org="National Forum of Probation Boards",
        type="representative_body",
        about="The National Forum of Probation Boards represents the boards and trusts responsible for "
        "probation services in England and Wales.",
        stances="Q1=complementary Q2=mixed Q3=large_contracts Q4=conditional Q5=regional "
        "Q6=case_management Q7=partner Q8=balanced Q9=critical",
        ctx=dict(area="England and Wales", region="a region", client="offenders under supervision",
                 service="offender management", prison="local prisons", n=240000),
        contact=dict(email="e.marchetti@nfpb.example.org", phone="020 7946 0291"),
        date="23 April 2026", received="2026-04-23T18:02:00+01:00",
    ),
    dict(
        file="Carrick Group - NOMS VCS consultation.docx", writer="docx", shape="number",
        name="Helen Drury", role="Bid Director", org="Carrick Facilities Group plc", type="private_company",
        about="Carrick Facilities Group plc provides facilities management, custodial escort and "
        "rehabilitation services to central and local government.",
        stances="Q1=market Q2=outcome_based Q3=large_contracts Q4=supportive Q5=regional Q8=value_for_money",
        ctx=dict(area="the Midlands", region="a region", client="offenders", service="employment workshops",
                 prison="HMP Ashwell", n=1500),
        date="24 April 2026", received="2026-04-24T11:45:00+01:00",
    ),
    dict(
        file="Westmarch Probation Trust response.docx", writer="docx", shape="quoted",
        name="Trevor Onions", role="Director of Interventions", org="Westmarch Probation Trust",
        type="probation",
        about="Westmarch Probation Trust covers a largely rural area with two small cities and supervises "
        "3,100 offenders.",
        stances="Q1=complementary Q3=small_lots Q5=local Q6=housing_first Q7=lead_role Q8=quality_first",
        ctx=dict(area="Westmarch", region="the South West", client="offenders in rural areas",
                 service="accommodation project", prison="HMP Ashwell", n=310),
        date="25 April 2026", received="2026-04-26T00:03:00+01:00",
    ),
    dict(
        file="Al-Noor Chaplaincy Volunteers.docx", writer="docx", shape="letter",
        name="Imam Yusuf Rahman", role="Co-ordinator", org="Al-Noor Mosque Chaplaincy Volunteers",
        type="charity",
        about="We are a group of volunteers from the Al-Noor Mosque in Eastmoor who visit Muslim prisoners "
        "at HMP Greystone and support them and their families after release.",
        stances="Q1=central Q10=bme Q6=mentoring+Q10=families Q4=wary",
        ctx=dict(area="Eastmoor", region="the North East", client="Muslim prisoners and their families",
                 service="visiting scheme", prison="HMP Greystone", n=60, staff=0, volunteers=18),
        letterhead=["Al-Noor Mosque Chaplaincy Volunteers", "41 Victoria Street, Eastmoor EM3 8PL"],
        date="19 April 2026", received="2026-04-19T15:00:00+01:00",
    ),
    dict(
        file="Dr H Marsh - University of Eastmoor.doc", writer="doc", shape="quoted",
        name="Dr Helen Marsh", role="Senior Lecturer in Criminology",
        org="Centre for Criminal Justice Studies, University of Eastmoor", type="academic",
        about="The Centre for Criminal Justice Studies at the University of Eastmoor researches the "
        "voluntary sector's role in resettlement. This response draws on interviews with 64 voluntary "
        "organisations carried out by Dr Helen Marsh between 2023 and 2025.",
        stances="Q1=complementary Q3=mixed Q4=wary Q5=hybrid Q6=case_management Q8=balanced Q9=mixed",
        ctx=dict(area="the North East", region="a region", client="offenders",
                 service="research", prison="the prisons we studied", n=64),
        contact=dict(email="h.marsh@eastmoor.example.ac.uk", phone="0191 498 0610"),
        date="22 April 2026", received="2026-04-22T09:30:00+01:00",
    ),
    dict(
        file="Eastmoor City Council response.odt", writer="odt", shape="number",
        name="Councillor Brian Hepworth", role="Cabinet Member for Communities",
        org="Eastmoor City Council", type="local_authority",
        about="Eastmoor City Council welcomes the consultation. The city has one of the highest rates of "
        "re-offending in the region, and the Council leads the Safer Eastmoor Partnership.",
        stances="Q1=central Q2=full_cost_recovery Q5=local Q6=housing_first Q7=lead_role Q9=critical",
        ctx=dict(area="Eastmoor", region="the North East", client="offenders returning to the city",
                 service="partnership with local charities", prison="HMP Greystone", n=640),
        date="24 April 2026", received="2026-04-24T16:55:00+01:00",
    ),
    dict(
        file="Churches Together in Kingsmere.rtf", writer="rtf", shape="letter",
        name="Revd Michael Ashdown", role="Secretary", org="Churches Together in Kingsmere", type="charity",
        about="Churches Together in Kingsmere brings together eleven churches in the town, several of "
        "which run projects for prisoners, ex-prisoners and their families.",
        stances="Q1=central Q4=wary Q5=local+Q7=lead_role Q10=families",
        ctx=dict(area="Kingsmere", region="the West Midlands", client="prisoners' families",
                 service="prison visitors' centre", prison="HMP Kingsmere", n=1500),
        letterhead=["Churches Together in Kingsmere",
                    "c/o St Luke's Vicarage, Church Walk, Kingsmere KM1 3EF"],
        date="25 April 2026", received="2026-04-25T23:58:00+01:00",
    ),
    dict(
        file="Kingsmere Quakers response.txt", writer="txt", encoding="cp1252", shape="q_colon",
        name="Ruth Fenwick", role="Clerk", org="Kingsmere Quaker Meeting", type="charity",
        about="Kingsmere Quaker Meeting has visited prisoners at HMP Kingsmere for over forty years. Our "
        "concern is for the whole person, and for the communities to which prisoners return.",
        stances="Q1=complementary Q2=full_cost_recovery Q4=wary Q8=quality_first Q9=critical", pick="Q2:0",
        ctx=dict(area="Kingsmere", region="the West Midlands", client="prisoners",
                 service="prison visiting", prison="HMP Kingsmere", n=40),
        extra={"Q2": "We note that the consultation paper suggests savings of up to £40 million; we fear "
               "that the phrase “value for money” will in practice mean “cheapest”."},
        date="20 April 2026", received="2026-04-20T19:40:00+01:00",
    ),
    dict(
        file="Riverside Womens Centre.txt", writer="txt", encoding="utf-8", wrap=72, shape="letter",
        name="Zoë Hartigan", role="Director", org="Riverside Women's Centre", type="charity",
        about="Riverside Women's Centre is a small charity in Westvale offering a safe space, advice and "
        "group work for women, including women on probation.",
        stances="Q10=women Q3=small_lots+Q2=full_cost_recovery Q1=central Q6=housing_first",
        ctx=dict(area="Westvale", region="the West Midlands", client="women on probation",
                 service="women's group programme", prison="HMP Kingsmere", n=112, staff=6, volunteers=15),
        letterhead=["Riverside Women's Centre", "2 Riverside Walk, Westvale WE1 4AR", "Tel 0121 496 0905"],
        contact=dict(email="zoe.hartigan@riversidewomen.example.org", phone="0121 496 0906"),
        date="23 April 2026", received="2026-04-23T12:10:00+01:00",
    ),
    dict(
        file="Beacon Recovery Service response.txt", writer="txt", encoding="utf-8", shape="number",
        name="Colin Yates", role="Chief Officer", org="Beacon Recovery Service", type="charity",
        about="Beacon Recovery Service provides drug and alcohol treatment in prison and in the community "
        "across Northshire.",
        stances="Q1=central Q2=mixed Q3=mixed Q4=conditional Q6=mentoring Q10=mental_health",
        ctx=dict(area="Northshire", region="the North East",
                 client="prisoners with drug and alcohol problems", service="recovery mentoring scheme",
                 prison="HMP Greystone", n=390),
        date="16 April 2026", received="2026-04-16T10:20:00+01:00",
    ),
    dict(
        file="Consultation response - Union of Probation Staff.eml", writer="eml_attach", attach="docx",
        attachment="UPS response to NOMS VCS consultation.docx", shape="question",
        name="Kevin Marlow", role="Assistant General Secretary", org="Union of Probation Staff",
        type="representative_body",
        about="The Union of Probation Staff represents 8,000 probation officers and other staff in "
        "probation trusts.",
        stances="Q1=complementary Q2=mixed Q3=large_contracts Q4=wary Q5=local Q6=case_management "
        "Q7=partner Q8=quality_first Q9=critical",
        ctx=dict(area="every probation area", region="any region", client="offenders", service="supervision",
                 prison="local prisons", n=8000),
        pick="Q5:1",
        contact=dict(email="k.marlow@ups-union.example.org", phone="020 7946 0177"),
        sent="2026-04-24T17:31:00+01:00", date="24 April 2026",
    ),
    dict(
        file="FW_ Response to NOMS consultation.eml", writer="eml_attach", attach="pdf",
        attachment="Northshire Police response.pdf", shape="number",
        name="Ch Supt Alison Garner", role="Head of Criminal Justice", org="Northshire Police",
        type="public_body",
        about="Northshire Police welcomes the consultation and the emphasis on partnership.",
        stances="Q1=market Q5=regional Q6=case_management Q10=victims",
        ctx=dict(area="Northshire", region="the North East", client="prolific offenders",
                 service="integrated offender management scheme", prison="HMP Greystone", n=210),
        contact=dict(email="alison.garner@northshire.police.example.uk", phone="0113 496 0850"),
        sent="2026-04-25T23:40:12+00:00", date="25 April 2026",
    ),
    dict(
        file="Our response.eml", writer="eml_body", shape="q_colon",
        name="Dean Carver", role="Youth Worker", org="Step Forward Youth Trust", type="charity",
        about="Step Forward Youth Trust works with young people aged 16 to 24 in Eastmoor, many of whom "
        "have been in custody.",
        stances="Q1=central Q3=small_lots Q6=mentoring Q8=quality_first",
        ctx=dict(area="Eastmoor", region="the North East", client="young people leaving custody",
                 service="outreach project", prison="HMYOI Eastmoor", n=75, staff=5, volunteers=12),
        contact=dict(email="dean@stepforwardyouth.example.org", phone="07700 900561"),
        sent="2026-04-27T09:15:00+01:00", date="27 April 2026",
    ),
    dict(
        file="Northshire County Council response.eml", writer="eml_body", shape="number",
        name="Janet Okoro", role="Head of Community Safety", org="Northshire County Council",
        type="local_authority",
        about="Northshire County Council's response is set out below.",
        stances="Q1=complementary Q3=mixed Q5=hybrid Q7=partner Q9=positive",
        ctx=dict(area="Northshire", region="the North East", client="offenders",
                 service="community safety partnership", prison="HMP Greystone", n=12),
        contact=dict(email="janet.okoro@northshire.gov.example.uk", phone="0113 496 0212"),
        sent="2026-04-24T10:05:00+01:00", date="24 April 2026",
    ),
    dict(
        file="Meridian Rehabilitation - NOMS submission.pdf", writer="pdf", shape="quoted", font="Helvetica",
        name="Stuart Pendry", role="Director of Justice Services", org="Meridian Rehabilitation Services Ltd",
        type="private_company",
        about="Meridian Rehabilitation Services Ltd delivers employment, skills and resettlement services "
        "under contract to government departments, and works with 40 voluntary sector partners.",
        stances="Q1=market Q2=mixed Q3=mixed Q4=conditional Q5=regional Q6=mentoring Q8=balanced Q9=positive",
        ctx=dict(area="Yorkshire", region="a region", client="offenders",
                 service="through-the-gate employment service", prison="HMP Ashwell", n=1100),
        contact=dict(email="s.pendry@meridian-rs.example.com", phone="0113 496 0967"),
        date="24 April 2026", received="2026-04-24T18:30:00+01:00",
    ),
    dict(
        file="Response from VictimVoice Northshire.eml", writer="eml_body", shape="q_colon",
        name="Angela Brookes", role="Chief Executive", org="VictimVoice Northshire", type="charity",
        about="VictimVoice Northshire supports victims and witnesses of crime across the county.",
        stances="Q1=complementary Q5=local Q8=quality_first Q10=victims",
        ctx=dict(area="Northshire", region="the North East", client="victims of crime",
                 service="restorative justice service", prison="HMP Greystone", n=3200),
        contact=dict(email="angela.brookes@victimvoice.example.org", phone="0113 496 0344"),
        sent="2026-04-22T13:05:00+01:00", date="22 April 2026",
    ),
    dict(
        file="Northshire Bench response.docx", writer="docx", shape="number", name="Jonathan Rees JP",
        role="Chairman of the Bench", org="Northshire Bench of Magistrates", type="public_body",
        about="The Northshire Bench is made up of 140 magistrates sitting in three courthouses. Magistrates "
        "rely on probation reports and on community sentences that command public confidence.",
        stances="Q1=complementary Q5=local Q6=case_management Q8=quality_first Q10=victims",
        ctx=dict(area="Northshire", region="the North East", client="offenders sentenced locally",
                 service="community sentences", prison="HMP Greystone", n=140),
        date="21 April 2026", received="2026-04-21T10:00:00+01:00",
    ),
]

# Individuals: first-person letters; personal details must be redacted later.
PEOPLE = [
    dict(
        file="response from J Okafor.docx", writer="docx", shape="letter", name="Jerome Okafor",
        background="ex_offender", stances="Q1=central Q6=mentoring Q3=small_lots Q8=quality_first",
        address=["Flat 3", "27 Tanner Street", "Eastmoor", "EM4 2RW"], email="jerome.okafor@example.com",
        phone="07700 900417", ctx=dict(year=2021, area="Eastmoor"),
        date="12 April 2026", received="2026-04-12T20:14:00+01:00",
    ),
    dict(
        file="scan_20260414_101522.pdf", writer="scan", shape="letter", name="Margaret Thorne",
        background="retired_po",
        stances="Q1=complementary Q2=full_cost_recovery Q4=wary Q5=local Q6=mentoring Q8=quality_first "
        "Q9=critical",
        address=["9 Orchard Rise", "Ashby Cross", "Northshire", "NS7 4QT"], email="m.thorne@example.net",
        phone="(0113) 496 0721", ctx=dict(years=31, area="Ashby Cross"),
        extra={"Q1": "As my former colleague Gerald Whitcombe used to say, probation is a relationship "
               "and not a transaction."},
        third_party=["Gerald Whitcombe"],
        date="11 April 2026", received="2026-04-14T10:15:22+01:00",
    ),
    dict(
        file="response - mr d pryce.txt", writer="txt", encoding="utf-8", shape="letter", name="David Pryce",
        background="magistrate", stances="Q1=complementary Q5=local Q7=lead_role Q8=quality_first",
        address=["14 Larkspur Close", "Kingsmere", "KM3 8LP"], email="dpryce@example.net",
        phone="0161 496 0388", ctx=dict(years=12, area="Kingsmere"),
        date="30 April 2026", received="2026-05-01T11:20:00+01:00",
    ),
    dict(
        file="Response - Mrs P Adeyemi.txt", writer="txt", encoding="utf-8", wrap=68, shape="letter",
        name="Patience Adeyemi", background="parent",
        stances="Q6=housing_first Q1=central Q2=full_cost_recovery Q9=critical",
        address=["118 Cromwell Road", "Westvale", "WE2 5NF"], email="p.adeyemi@example.com",
        phone="07700 900862", ctx=dict(prison="HMP Kingsmere", area="Westvale"),
        extra={"Q6": "My son, Daniel Adeyemi, is due for release in the autumn and still has no "
               "address to go to."},
        third_party=["Daniel Adeyemi"],
        date="18 April 2026", received="2026-04-20T09:00:00+01:00",
    ),
    dict(
        file="RE_ NOMS consultation.eml", writer="eml_reply", shape="letter", name="Siân Llewellyn",
        background="volunteer", stances="Q1=central Q3=small_lots Q4=wary Q6=mentoring",
        address=["Ty Gwyn", "4 Chapel Row", "Kingsmere", "KM5 1JS"], email="sian.llewellyn@example.org",
        phone="07700 900235", ctx=dict(years=9, prison="HMP Kingsmere"),
        sent="2026-03-09T21:47:00+00:00", date="9 March 2026",
    ),
    dict(
        file="Consultation.eml", writer="eml_body", shape="letter", name="Graham Tofts",
        background="resident", stances="Q2=outcome_based Q4=supportive Q5=regional Q8=value_for_money",
        address=["27 Beech Avenue", "Ashby Cross", "NS3 2UB"], email="graham.tofts@example.com",
        phone="07700 900119", ctx=dict(area="Ashby Cross"),
        sent="2026-04-02T07:58:00+01:00", date="2 April 2026",
    ),
]

# The campaign letters: (file, name, town, postcode or None, email or None, date/time).
CAMPAIGNERS = [
    ("Keep Justice Local - A Brennan.txt", "Alison Brennan", "Kingsmere", "KM2 6RT", None,
     "2026-04-08T10:00:00+01:00"),
    ("letter from Tom Whitlock.txt", "Tom Whitlock", "Ashby Cross", None, None, "2026-04-09T14:30:00+01:00"),
    ("KJL campaign letter R Begum.txt", "Rukhsana Begum", "Eastmoor", "EM6 1NB", None,
     "2026-04-13T09:45:00+01:00"),
    ("Peter and Jean Marsden.txt", "Peter and Jean Marsden", "Hillfoot", None, None,
     "2026-04-28T09:30:00+01:00"),
    ("Keep justice local.eml", "Callum Reid", "Westvale", None, "callum.reid@example.com",
     "2026-04-06T19:22:00+01:00"),
    ("Consultation - keep justice local.eml", "Mary O'Donnell", "Kingsmere", "KM4 2DD",
     "mary.odonnell@example.net", "2026-04-11T08:03:00+01:00"),
    ("NOMS consultation response.eml", "Femi Adebayo", "Eastmoor", None, "femi.adebayo@example.org",
     "2026-04-15T22:41:00+01:00"),
    ("Keep Justice Local - H Kowalski.txt", "Hannah Kowalski", "Greystone", None, None,
     "2026-04-16T12:00:00+01:00"),
]

# Online form export rows. answers: question id -> stance key, or literal text prefixed with "=".
FORM_TYPES = {
    "individual": "Individual", "charity": "Charity or voluntary organisation",
    "local_authority": "Local authority", "private_company": "Private sector",
    "probation": "Probation board or trust", "academic": "Academic or researcher",
}
FORM_ROWS = [
    ("R-1001", "2026-02-03 14:22:10", "Karen Doherty", "karen.doherty@example.com", "", "individual",
     {"Q1": "central", "Q5": "local", "Q8": "quality_first"}),
    ("R-1002", "2026-02-19 09:05:44", "Gary Ashworth", "g.ashworth@example.net", "", "individual",
     {"Q1": "central", "Q6": "mentoring", "Q9": "=Not enough people know about it."}),
    ("R-1003", "2026-03-02 16:40:03", "Hazel Crompton", "clerk@ashbycrosstc.example.org",
     "Ashby Cross Town Council", "local_authority", {"Q5": "local", "Q7": "lead_role", "Q3": "small_lots"}),
    ("R-1004", "2026-03-15 11:12:56", "Pastor Samuel Ogunleye", "s.ogunleye@example.org",
     "Emmanuel Baptist Church Prison Ministry", "charity",
     {"Q1": "central", "Q4": "wary", "Q6": "mentoring", "Q10": "families"}),
    ("R-1005", "2026-03-28 20:31:17", "Lucy Fairclough", "lucyfairclough@example.com", "", "individual",
     {"Q2": "full_cost_recovery", "Q3": "=Smaller contracts please.", "Q4": "wary"}),
    ("R-1006", "2026-04-07 13:00:29", "Neil Barraclough", "n.barraclough@thornbury-sec.example.com",
     "Thornbury Security Services Ltd", "private_company",
     {"Q1": "market", "Q3": "large_contracts", "Q5": "regional", "Q8": "value_for_money"}),
    ("R-1007", "2026-04-19 18:44:51", "Anthony Osei", "tony.osei@example.net", "", "individual",
     {"Q1": "complementary", "Q2": "outcome_based", "Q8": "value_for_money"}),
    ("R-1008", "2026-04-22 08:14:37", "Derek Hollins", "derek.hollins@example.net", "", "individual",
     {"Q1": "complementary", "Q4": "supportive", "Q5": "regional"}),
    ("R-1009", "2026-04-24 21:02:19", "Sister Mary Kelleher", "m.kelleher@example.org",
     "St Vincent's Prison Visitors Group", "charity",
     {"Q1": "central", "Q2": "full_cost_recovery", "Q6": "mentoring", "Q10": "families"}),
    ("R-1010", "2026-04-25 23:51:40", "Moira Gallacher", "moira.g@example.org",
     "Northshire Rural Community Council", "charity",
     {"Q3": "small_lots", "Q5": "local", "Q7": "partner", "Q9": "critical"}),
    ("R-1011", "2026-04-26 00:05:12", "Rebecca Stone", "rebecca.stone@example.com", "", "individual",
     {"Q5": "regional", "Q6": "housing_first", "Q10": "=Thank you for the chance to comment."}),
    ("R-1012", "2026-04-29 10:14:00", "Imran Qureshi", "imran.qureshi@example.com", "", "individual",
     {"Q1": "central", "Q4": "wary", "Q9": "critical"}),
]
XLSX_ROWS = [
    ("R-2001", "2026-04-21 12:30:00", "Joan Whitfield", "joan.whitfield@example.net", "", "individual",
     {"Q2": "full_cost_recovery", "Q6": "mentoring"}),
    ("R-2002", "2026-04-22 15:02:33", "Prof. Alan Greaves", "a.greaves@westvale.example.ac.uk",
     "University of Westvale", "academic", {"Q4": "conditional", "Q5": "hybrid", "Q8": "balanced"}),
    ("R-2003", "2026-04-24 09:47:08", "Sarah Lindqvist", "sarah@wipsk.example.org",
     "Women in Prison Support Kingsmere", "charity", {"Q3": "small_lots", "Q10": "women", "Q1": "central"}),
    ("R-2004", "2026-04-27 08:10:45", "Martin Cole", "martin.cole@example.com", "", "individual",
     {"Q5": "local", "Q8": "quality_first"}),
]

# The response inside the zip archive (responses_batch.zip), as a forwarding network sends it.
ZIPPED = dict(
    file="Tannery Lane Mentoring Circle response.docx", writer="docx", shape="question",
    name="Delroy Hampton", role="Coordinator", org="Tannery Lane Mentoring Circle", type="charity",
    about="Tannery Lane Mentoring Circle is a small volunteer-led charity in Eastmoor: 24 volunteer mentors "
    "meet men in the month before and the months after they leave prison.",
    stances="Q1=central Q3=small_lots Q6=mentoring Q8=quality_first",
    ctx=dict(area="Eastmoor", region="the North East", client="men leaving prison",
             service="mentoring circle", prison="HMP Greystone", n=60),
    date="14 April 2026", received="2026-04-15T09:30:00+01:00", smart=True,
)
