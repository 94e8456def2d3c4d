"""News stories. No invented statistics: the only figures are the NRM numbers in DOMAIN.md."""

from . import snippets as numbers
from .specs import NewsSpec
from .stream import callout, document, heading, helpline, quote, signs, text

NEWS_PAGES = [
    NewsSpec(
        slug="anti-slavery-day-across-norfolk",
        title="Anti-Slavery Day across Norfolk",
        summary="Partners marked Anti-Slavery Day on 18 October with stalls, talks and training across the county.",
        published=(10, 18),
        image="Many colours, one network",
        tags=["awareness", "partnership"],
        body=[
            text(
                "<p>Anti-Slavery Day is on 18 October every year. Partners in the Norfolk Anti-Slavery "
                "Network marked the day with information stalls, talks for staff and posts on social "
                "media.</p>"
            ),
            heading("Spreading the word"),
            text(
                "<p>Volunteers handed out cards with the Modern Slavery & Exploitation Helpline number in "
                "several languages. Faith groups shared the signs of modern slavery with their "
                "congregations.</p>"
            ),
            quote(
                "Every conversation helps. The more people know the signs, the harder it is to hide exploitation.",
                "A member of the network",
            ),
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
        ],
    ),
    NewsSpec(
        slug="free-training-for-frontline-staff",
        title="Free training for frontline staff",
        summary="Network partners ran free sessions on spotting the signs of modern slavery and making referrals.",
        published=60,
        image="Circles of support",
        tags=["training"],
        body=[
            text(
                "<p>Staff from health, housing, councils and charities joined free online sessions run "
                "by network partners. The sessions covered the signs of modern slavery, talking to a "
                "possible victim, and the National Referral Mechanism.</p>"
            ),
            heading("Resources from the sessions"),
            document("National Referral Mechanism: quick guide", "The guide used in the sessions."),
            text('<p>More guidance is in our <a page="professionals">section for professionals</a>.</p>'),
        ],
    ),
    NewsSpec(
        slug="farm-workers-know-your-rights",
        title="Farm and packhouse workers: know your rights this season",
        summary="As the busy season starts on Norfolk's farms, partners are sharing information about "
        "workers' rights in several languages.",
        published=(6, 2),
        image="Dawn over open fields",
        tags=["farms", "awareness"],
        body=[
            text(
                "<p>Norfolk's farms and packhouses take on many seasonal workers. Most employers treat "
                "workers fairly. But labour exploitation does happen, often through people who "
                "recruit and house workers.</p>"
            ),
            signs(
                "Workers have the right to",
                [
                    "keep their own passport and ID",
                    "be paid for all the hours they work",
                    "leave a job",
                ],
            ),
            text("<p>Labour providers in farming and food processing must be licensed by the GLAA.</p>"),
            helpline(numbers.GLAA),
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
        ],
    ),
    NewsSpec(
        slug="county-lines-advice-for-parents",
        title="County lines: what parents and carers can look out for",
        summary="Partners have shared advice to help parents and carers spot the signs that a child is "
        "being drawn into county lines.",
        published=150,
        image="Quiet woodland",
        tags=["county lines", "awareness"],
        body=[
            text(
                "<p>Gangs use children and young people to carry and sell drugs in other towns. "
                "This is called county lines. Children who are exploited in this way are victims.</p>"
            ),
            signs(
                "Signs to look out for",
                [
                    "Going missing, or coming home very late",
                    "New phones, clothes or money",
                    "New, older friends",
                    "Seeming scared when their phone rings",
                ],
                "<p>If you are worried about a child, call Norfolk County Council on 0344 800 8020.</p>",
            ),
            helpline(numbers.NORFOLK_COUNTY_COUNCIL),
        ],
    ),
    NewsSpec(
        slug="new-partners-join-the-network",
        title="New partners join the network",
        summary="Faith groups and community organisations have joined the Norfolk Anti-Slavery Network.",
        published=230,
        image="Broad skies over the marshes",
        tags=["partnership"],
        body=[
            text(
                "<p>The Norfolk Anti-Slavery Network brings together police, councils, charities, faith "
                "groups and statutory agencies. New members from faith and community groups have "
                "joined, bringing links to communities across the county.</p>"
            ),
            text(
                "<p>Members share what they learn, take part in training and help people find support. "
                'If your organisation would like to join, <a page="about">contact us</a>.</p>'
            ),
        ],
    ),
    NewsSpec(
        slug="nrm-referrals-in-norfolk-2023",
        title="135 National Referral Mechanism referrals in Norfolk in 2023",
        summary="Norfolk Constabulary recorded 135 referrals to the National Referral Mechanism in 2023. "
        "72 of them were children.",
        published=500,
        image="Paths across the hills",
        tags=["awareness"],
        body=[
            text(
                "<p>Figures from the Norfolk Police and Crime Commissioner show that Norfolk Constabulary "
                "recorded 135 National Referral Mechanism (NRM) referrals in 2023. 72 of them were "
                "children.</p>"
            ),
            heading("What the figures mean"),
            text(
                "<p>Each referral is a person who may be a victim of modern slavery. Referrals also show "
                "that people are being noticed and helped. Many more victims are never identified.</p>"
            ),
            callout(
                '<p>Learn how to <a page="advice/spot-the-signs">spot the signs</a> and what to do.</p>',
                title="Could you spot it?",
            ),
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
        ],
    ),
    NewsSpec(
        slug="car-washes-and-nail-bars",
        title="Car washes and nail bars: know the signs",
        summary="A new awareness campaign asks customers to look out for signs of exploitation when they "
        "use hand car washes and nail bars.",
        published=320,
        image="Harbour at first light",
        tags=["awareness"],
        body=[
            text(
                "<p>Labour exploitation in Norfolk has been found in hand car washes and nail bars. "
                "Customers are well placed to notice when something is wrong.</p>"
            ),
            signs(
                "Things customers may notice",
                [
                    "Workers without protective gloves or boots",
                    "Workers who seem to live on site",
                    "Someone who answers for the workers",
                    "Very low prices",
                ],
                "<p>Do not confront anyone. Call the helpline, or report anonymously to Crimestoppers.</p>",
            ),
            helpline(numbers.CRIMESTOPPERS),
        ],
    ),
    NewsSpec(
        slug="hotels-and-hospitality-training",
        title="Hotels and hospitality staff learn the signs",
        summary="Hospitality businesses in Norfolk joined a session on spotting exploitation among staff and guests.",
        published=400,
        image="Calm river at dusk",
        tags=["training", "partnership"],
        body=[
            text(
                "<p>Hotel and restaurant staff can be the first to notice exploitation, among their "
                "own colleagues or among guests. Network partners ran a session with local "
                "hospitality businesses.</p>"
            ),
            document(
                "Spot the signs poster",
                "A poster for staff rooms, shared at the session.",
            ),
            text(
                '<p>Employers can read more about <a page="professionals/supply-chain-checks">supply-chain '
                "checks</a>.</p>"
            ),
        ],
    ),
    NewsSpec(
        slug="staying-safe-online-guide",
        title="New guide: visiting this site safely",
        summary="Our new page explains private browsing, shared phones and how to leave this site quickly.",
        published=20,
        image="Broad skies over the marshes",
        tags=["awareness"],
        body=[
            text(
                "<p>Some people who need help have their phones checked by the person controlling "
                'them. Our new <a page="cover-your-tracks">cover your tracks</a> page explains how to '
                "visit this site more safely.</p>"
            ),
            callout(
                "<p>Every page has a Leave this site button. You can also press Shift three times.</p>",
                title="Leave quickly",
            ),
        ],
    ),
]
