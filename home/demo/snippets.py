"""Helplines, site settings and the taxonomies, as plain data.

Every phone number here is from the verified table in DOMAIN.md. Hours are given only where
that table gives them; elsewhere the text asks people to check, until an editor fills them in.
"""

# Helplines are keyed by their number; content refers to them through these names.
MODERN_SLAVERY_HELPLINE = "+448000121700"
CRIMESTOPPERS = "+44800555111"
SALVATION_ARMY = "+448008083733"
VICTIM_SUPPORT = "+448081689111"
VICTIM_CARE = "+443003033706"
NORFOLK_COUNTY_COUNCIL = "+443448008020"
NSPCC = "+448088005000"
CHILDLINE = "+448001111"
MIGRANT_HELP = "+448088010503"
GLAA = "+448004320804"
BRITISH_TRANSPORT_POLICE = "+44800405040"
POLICE_NON_EMERGENCY = "101"

ALL_DAY = "24 hours a day, 7 days a week"
CHECK_HOURS = "Check opening times before you call"

HELPLINES = [
    {
        "name": "Modern Slavery & Exploitation Helpline",
        "number": "08000 121 700",
        "hours": ALL_DAY,
        "has_interpreters": True,
        "description": "Confidential advice if you are worried about yourself or someone else. "
        "They can get an interpreter in more than 200 languages. "
        "You can also report online.",
        "is_featured": True,
        "sort_order": 1,
    },
    {
        "name": "Crimestoppers",
        "number": "0800 555 111",
        "hours": ALL_DAY,
        "description": "Tell them what you know and stay 100% anonymous. They do not ask your name.",
        "is_featured": True,
        "sort_order": 2,
    },
    {
        "name": "Salvation Army Referral Helpline",
        "number": "0800 808 3733",
        "hours": ALL_DAY,
        "description": "Support for adult victims of modern slavery in England and Wales, "
        "including a safe place to stay.",
        "is_featured": True,
        "sort_order": 3,
    },
    {
        "name": "Childline",
        "number": "0800 1111",
        "hours": CHECK_HOURS,
        "description": "For children and young people. You can talk about anything that worries you.",
        "is_featured": True,
        "sort_order": 4,
    },
    {
        "name": "NSPCC Helpline",
        "number": "0808 800 5000",
        "hours": "Not open 24 hours. Check opening times before you call",
        "description": "For adults who are worried about a child.",
        "sort_order": 10,
    },
    {
        "name": "Norfolk County Council: worried about a child or an adult",
        "number": "0344 800 8020",
        "hours": CHECK_HOURS,
        "is_free": False,
        "description": "Tell the council if you are worried that a child or an adult is at risk. "
        "Professionals should call 0344 800 8021.",
        "sort_order": 11,
    },
    {
        "name": "Victim Support Supportline",
        "number": "0808 168 9111",
        "hours": CHECK_HOURS,
        "description": "Free, confidential support for anyone affected by crime, whether or not they told the police.",
        "sort_order": 12,
    },
    {
        "name": "Norfolk & Suffolk Victim Care",
        "number": "0300 303 3706",
        "hours": "Monday to Friday, 8am to 5pm",
        "is_free": False,
        "description": "Practical and emotional support for victims of crime in Norfolk and Suffolk.",
        "sort_order": 13,
    },
    {
        "name": "Migrant Help",
        "number": "0808 8010 503",
        "hours": CHECK_HOURS,
        "description": "Advice and guidance for people seeking asylum in the UK.",
        "sort_order": 14,
    },
    {
        "name": "Gangmasters & Labour Abuse Authority (GLAA)",
        "number": "0800 432 0804",
        "hours": CHECK_HOURS,
        "description": "Report labour exploitation, for example on farms, in factories or in packhouses.",
        "sort_order": 15,
    },
    {
        "name": "British Transport Police",
        "number": "0800 40 50 40",
        "hours": CHECK_HOURS,
        "description": "If you see something worrying on a train or at a station. You can also text 61016.",
        "sort_order": 16,
    },
    {
        "name": "Police non-emergency (Norfolk Constabulary)",
        "number": "101",
        "hours": CHECK_HOURS,
        "is_free": False,
        "description": "When it is not an emergency. If you are deaf or speech-impaired, use text relay: "
        "18001 101. In an emergency, always call 999.",
        "sort_order": 17,
    },
]

SITE_SETTINGS = {
    "emergency_number": "999",
    "non_emergency_number": "101",
    "leave_site_url": "https://www.bbc.co.uk/weather",
    "contact_email": "contact@example.org",
}

ADVICE_TOPICS = [
    {
        "slug": "spot-the-signs",
        "name": "Spot the signs",
        "description": "What modern slavery can look like, at work, at home and in the street.",
    },
    {
        "slug": "your-rights",
        "name": "Your rights",
        "description": "What everyone in the UK is entitled to, whatever their immigration status.",
    },
    {
        "slug": "getting-help",
        "name": "Getting help",
        "description": "Who to call, what happens next and what support you can get.",
    },
    {
        "slug": "for-employers",
        "name": "For employers",
        "description": "How businesses can keep exploitation out of their workplaces and supply chains.",
    },
    {
        "slug": "for-professionals",
        "name": "For professionals",
        "description": "Guidance for frontline staff, First Responders and public authorities.",
    },
]

SERVICE_CATEGORIES = [
    {"slug": "helplines", "name": "Helplines", "description": "Phone lines you can call for advice."},
    {
        "slug": "police-and-reporting",
        "name": "Police and reporting",
        "description": "Ways to report a crime or a concern, including anonymously.",
    },
    {
        "slug": "legal-advice",
        "name": "Legal advice",
        "description": "Free or low-cost advice about the law and your rights.",
    },
    {
        "slug": "immigration-advice",
        "name": "Immigration advice",
        "description": "Advice about visas, asylum and immigration status.",
    },
    {
        "slug": "housing-and-accommodation",
        "name": "Housing and accommodation",
        "description": "Somewhere safe to stay, and advice about housing.",
    },
    {"slug": "health", "name": "Health", "description": "Doctors, nurses and clinics."},
    {"slug": "mental-health", "name": "Mental health", "description": "Someone to talk to, and support to cope."},
    {
        "slug": "work-and-benefits",
        "name": "Work and benefits",
        "description": "Advice about pay, working conditions and benefits.",
    },
    {
        "slug": "interpreting-and-language-support",
        "name": "Interpreting and language support",
        "description": "Help in your own language, and help to learn English.",
    },
    {
        "slug": "children-and-young-people",
        "name": "Children and young people",
        "description": "Services for children, young people and their families.",
    },
    {
        "slug": "practical-support",
        "name": "Practical support",
        "description": "Food, clothes, a phone, and help with everyday things.",
    },
    {
        "slug": "drug-and-alcohol-support",
        "name": "Drug and alcohol support",
        "description": "Confidential help with drugs or alcohol.",
    },
]

# ONS GSS codes of Norfolk's seven districts (DOMAIN.md). Areas stay editable data.
AREAS = [
    {"slug": "breckland", "name": "Breckland", "kind": "district", "gss_code": "E07000143"},
    {"slug": "broadland", "name": "Broadland", "kind": "district", "gss_code": "E07000144"},
    {"slug": "great-yarmouth", "name": "Great Yarmouth", "kind": "district", "gss_code": "E07000145"},
    {
        "slug": "kings-lynn-and-west-norfolk",
        "name": "King's Lynn and West Norfolk",
        "kind": "district",
        "gss_code": "E07000146",
    },
    {"slug": "north-norfolk", "name": "North Norfolk", "kind": "district", "gss_code": "E07000147"},
    {"slug": "norwich", "name": "Norwich", "kind": "district", "gss_code": "E07000148"},
    {"slug": "south-norfolk", "name": "South Norfolk", "kind": "district", "gss_code": "E07000149"},
    {
        "slug": "all-of-norfolk",
        "name": "All of Norfolk",
        "kind": "county",
        "description": "Services for people anywhere in Norfolk.",
    },
    {
        "slug": "anywhere-in-the-uk",
        "name": "Anywhere in the UK",
        "kind": "national",
        "description": "National services: phone lines and online help.",
    },
]

# (code, English name, native name): English, the site's 14 translation languages, then a few
# more spoken by people supported in Norfolk.
LANGUAGES = [
    ("en", "English", "English"),
    ("pl", "Polish", "Polski"),
    ("lt", "Lithuanian", "Lietuvių"),
    ("ro", "Romanian", "Română"),
    ("pt", "Portuguese", "Português"),
    ("lv", "Latvian", "Latviešu"),
    ("bg", "Bulgarian", "Български"),
    ("sq", "Albanian", "Shqip"),
    ("vi", "Vietnamese", "Tiếng Việt"),
    ("ti", "Tigrinya", "ትግርኛ"),
    ("ar", "Arabic", "العربية"),
    ("so", "Somali", "Soomaali"),
    ("fa", "Persian (Farsi/Dari)", "فارسی"),
    ("uk", "Ukrainian", "Українська"),
    ("ru", "Russian", "Русский"),
    ("am", "Amharic", "አማርኛ"),
    ("ckb", "Kurdish (Sorani)", "کوردی"),
    ("ps", "Pashto", "پښتو"),
    ("ur", "Urdu", "اردو"),
]

DEMO = "Demo listing: "

# Real national and county organisations first, then fictional local ones (DEMO). Only websites
# of the organisations' well-known home pages are given.
ORGANISATIONS = [
    {
        "name": "Unseen",
        "description": "The charity that runs the Modern Slavery & Exploitation Helpline.",
        "website": "https://www.modernslaveryhelpline.org/",
    },
    {
        "name": "Crimestoppers",
        "description": "An independent charity. You can tell them about crime without giving your name.",
        "website": "https://crimestoppers-uk.org/",
    },
    {
        "name": "The Salvation Army",
        "description": "A church and charity. It runs the government-funded support for adult victims "
        "of modern slavery in England and Wales.",
        "website": "https://www.salvationarmy.org.uk/",
    },
    {
        "name": "Victim Support",
        "description": "An independent charity for people affected by crime.",
        "website": "https://www.victimsupport.org.uk/",
    },
    {
        "name": "Norfolk & Suffolk Victim Care",
        "description": "Support for victims of crime in Norfolk and Suffolk.",
    },
    {
        "name": "Norfolk County Council",
        "description": "The county council. Its social care teams help children and adults at risk.",
        "website": "https://www.norfolk.gov.uk/",
    },
    {
        "name": "NSPCC",
        "description": "The UK children's charity. It runs the NSPCC Helpline and Childline.",
        "website": "https://www.nspcc.org.uk/",
    },
    {
        "name": "Migrant Help",
        "description": "A charity that gives advice and guidance to people seeking asylum in the UK.",
        "website": "https://www.migranthelpuk.org/",
    },
    {
        "name": "Gangmasters & Labour Abuse Authority",
        "description": "The public body that protects workers from labour exploitation.",
        "website": "https://www.gla.gov.uk/",
    },
    {
        "name": "British Transport Police",
        "description": "The police force for Britain's railways.",
        "website": "https://www.btp.police.uk/",
    },
    {
        "name": "Norfolk Constabulary",
        "description": "The police force for Norfolk.",
        "website": "https://www.norfolk.police.uk/",
    },
    {
        "name": "Wensum Migrant Advice Centre",
        "description": DEMO + "a charity giving free legal and immigration advice to migrants and "
        "refugees, with drop-ins in Norwich and outreach across west and south Norfolk.",
        "website": "https://example.org/wensum-migrant-advice",
        "email": "advice@example.org",
    },
    {
        "name": "Harbour Light Night Shelter",
        "description": DEMO + "an evening shelter and drop-in in Norwich for anyone with nowhere safe to stay.",
        "website": "https://example.org/harbour-light",
        "email": "shelter@example.org",
    },
    {
        "name": "Norfolk Community Housing Partnership",
        "description": DEMO + "housing advice and emergency accommodation, run by local housing associations.",
        "website": "https://example.org/community-housing",
        "email": "housing@example.org",
    },
    {
        "name": "Marshes Health Collective",
        "description": DEMO + "nurses and doctors running walk-in clinics for people who find it hard "
        "to register with a GP.",
        "website": "https://example.org/marshes-health",
        "email": "clinic@example.org",
    },
    {
        "name": "Norfolk Language Link",
        "description": DEMO + "interpreting, translation and English conversation groups across Norfolk.",
        "website": "https://example.org/language-link",
        "email": "languages@example.org",
    },
    {
        "name": "East Coast Youth Project",
        "description": DEMO + "youth workers for young people aged 11 to 25 on the Norfolk coast.",
        "website": "https://example.org/east-coast-youth",
        "email": "youth@example.org",
    },
    {
        "name": "North Norfolk Community Advice",
        "description": DEMO + "free advice about work, money, benefits and housing in North Norfolk.",
        "website": "https://example.org/north-norfolk-advice",
        "email": "northadvice@example.org",
    },
    {
        "name": "Broadland Family Support",
        "description": DEMO + "family support workers and community hubs in Broadland and South Norfolk.",
        "website": "https://example.org/broadland-families",
        "email": "families@example.org",
    },
    {
        "name": "Breckland Wellbeing",
        "description": DEMO + "talking therapies and wellbeing groups in Dereham and Thetford.",
        "website": "https://example.org/breckland-wellbeing",
        "email": "wellbeing@example.org",
    },
    {
        "name": "South Norfolk Recovery Network",
        "description": DEMO + "confidential support with drugs and alcohol in South Norfolk.",
        "website": "https://example.org/recovery-network",
        "email": "recovery@example.org",
    },
    {
        "name": "Norfolk Workers' Rights Project",
        "description": DEMO + "advice for workers about pay, contracts, housing tied to work and unfair treatment.",
        "website": "https://example.org/workers-rights",
        "email": "workers@example.org",
    },
]
