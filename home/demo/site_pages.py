"""The home page and the site's sections, in the order they appear in the page tree."""

from . import snippets as numbers
from .advice import ADVICE_PAGES
from .news import NEWS_PAGES
from .services import SERVICE_PAGES
from .specs import HomeSpec, IndexPageSpec, ReportPageSpec, StandardPageSpec
from .stream import (
    callout,
    document,
    heading,
    helpline,
    image,
    in_danger,
    quote,
    signs,
    subheading,
    text,
)

CONTACT = '<a href="mailto:contact@example.org">contact@example.org</a>'

HOME = HomeSpec(
    summary="Help and advice about modern slavery and exploitation in Norfolk, in plain language.",
    introduction="Modern slavery happens in Norfolk. People are forced to work, made to commit crime, "
    "or kept in someone's home and not allowed to leave. If this is happening to you or someone "
    "you know, you are not alone. Help is free and confidential.",
    help_heading="Get help now",
    help_text="If you are in danger, call 999. If you cannot speak, stay on the line and press 55 on "
    "a mobile. For advice at any time, call the Modern Slavery & Exploitation Helpline. You do not "
    "need to speak English.",
    featured_advice=[
        "spot-the-signs",
        "getting-help",
        "your-rights",
        "what-happens-when-you-call-the-helpline",
        "afraid-of-the-police-or-deportation",
    ],
    directory_page="services",
    directory_text="Find advice centres, health services, somewhere safe to stay and help in your "
    "language, across Norfolk.",
)

GET_HELP = StandardPageSpec(
    slug="get-help",
    key_page=True,
    title="Get help now",
    summary="Who to call if you or someone you know is being exploited, including in an emergency.",
    show_in_menus=True,
    body=[
        in_danger(),
        text(
            "<p>You can get help even if you are not sure it is modern slavery. "
            "You do not have to give your name. You do not need to speak English.</p>"
        ),
        heading("Talk to someone today"),
        helpline(numbers.MODERN_SLAVERY_HELPLINE),
        text(
            "<p>The helpline is free and open all day and all night. They can get an interpreter "
            'for you. Read <a page="advice/what-happens-when-you-call-the-helpline">what happens '
            "when you call</a>.</p>"
        ),
        heading("Tell someone without giving your name"),
        helpline(numbers.CRIMESTOPPERS),
        heading("Somewhere safe to stay"),
        text(
            "<p>If you are an adult and you have escaped, or want to escape, the Salvation Army "
            "can help you find a safe place to stay.</p>"
        ),
        helpline(numbers.SALVATION_ARMY),
        heading("Children and young people"),
        helpline(numbers.CHILDLINE),
        helpline(numbers.NSPCC),
        heading("Help near you"),
        text(
            '<p><a page="services">Find a service</a> in Norfolk: advice centres, doctors, '
            "housing, and help in your language.</p>"
        ),
        callout(
            '<p>Worried someone may see that you visited this site? Read <a page="cover-your-tracks">'
            "how to cover your tracks</a>. Press the Leave this site button at any time.</p>",
            title="Staying safe online",
        ),
    ],
)

REPORT = ReportPageSpec(
    slug="report",
    key_page=True,
    title="Report a concern",
    summary="Tell us if you are worried that someone is being exploited. You do not have to give your name.",
    show_in_menus=True,
    body=[
        text(
            "<p>Use this form to tell the Norfolk Anti-Slavery Network what you have seen or heard. "
            "You do not have to be sure, and you do not have to give your name.</p>"
        ),
        subheading("What happens next"),
        text(
            "<p>A member of our safeguarding team reads each report during office hours. If you leave "
            "contact details, they may get in touch. They can pass what you tell them to the police or "
            "to a support service.</p>"
        ),
        text(
            '<p>Worried someone may see that you visited this site? Read <a page="cover-your-tracks">'
            "how to cover your tracks</a>.</p>"
        ),
        subheading("Report without giving your name"),
        text("<p>Crimestoppers never ask who you are. You can call them at any time.</p>"),
        helpline(numbers.CRIMESTOPPERS),
        subheading("Tell the police"),
        text(
            "<p>Call 101 to speak to Norfolk Constabulary when it is not an emergency. "
            "If you are deaf or speech-impaired, use text relay: 18001 101.</p>"
        ),
        subheading("At work: farms, factories, packhouses"),
        helpline(numbers.GLAA),
    ],
    thank_you=(
        "<p>Thank you. We have your report. A member of our safeguarding team will read it during "
        "office hours.</p><p>If someone is in danger now, call 999.</p>"
    ),
)

COVER_YOUR_TRACKS = StandardPageSpec(
    slug="cover-your-tracks",
    key_page=True,
    title="Cover your tracks",
    summary="How to visit this site more safely if someone checks your phone or computer.",
    body=[
        callout(
            "<p>The safest way is to use a device the other person cannot see, for example a "
            "friend's phone or a computer in a library.</p>",
            title="Safest: use another device",
            style="warning",
        ),
        heading("Use private browsing"),
        text(
            "<p>Private browsing (also called incognito) does not keep the pages you visit. "
            "Open it from your browser's menu before you visit this site. When you close the "
            "private window, the pages are not saved on your device.</p>"
        ),
        heading("Delete only this site from your history"),
        text(
            "<p>If someone checks your phone, an empty history can look suspicious. Instead, delete only "
            "the pages from this site:</p><ol><li>Open your browser's history.</li>"
            "<li>Find the pages from this site.</li><li>Delete those pages only.</li></ol>"
        ),
        heading("Shared and checked phones"),
        text(
            "<p>Someone may share your phone, know your passcode, or make you show them your messages. "
            "They may also see your calls. Some phones show the numbers you called.</p>"
            "<ul><li>After a call, you can delete it from your call list.</li>"
            "<li>Freephone numbers starting 0800 and 0808 are free from UK phones.</li>"
            "<li>If you think your phone is being tracked, use another phone to ask for help.</li></ul>"
        ),
        heading("Leave this site quickly"),
        text(
            "<p>Every page has a Leave this site button. It takes you to a weather page. "
            "You can also press the Shift key three times.</p>"
        ),
        helpline(numbers.MODERN_SLAVERY_HELPLINE),
    ],
)

PROFESSIONALS = StandardPageSpec(
    slug="professionals",
    title="For professionals and businesses",
    summary="Guidance, referral information and resources for frontline staff, public authorities "
    "and employers in Norfolk.",
    show_in_menus=True,
    body=[
        text(
            "<p>The Norfolk Anti-Slavery Network brings together police, councils, charities, faith "
            "groups and other agencies. This section helps you spot exploitation, refer people for "
            "support and keep it out of your business.</p>"
        ),
        callout(
            "<p>Call 999 if someone is in immediate danger. For advice about a case at any time, call "
            "the Modern Slavery & Exploitation Helpline on 08000 121 700.</p>",
            title="Need advice about a case?",
        ),
        helpline(numbers.NORFOLK_COUNTY_COUNCIL),
    ],
    children=[
        StandardPageSpec(
            slug="national-referral-mechanism",
            title="How the National Referral Mechanism works",
            summary="Who can refer someone to the National Referral Mechanism, when you need consent, "
            "and what support follows.",
            body=[
                text(
                    "<p>The National Referral Mechanism (NRM) is how the UK identifies victims of "
                    "modern slavery and makes sure they get support.</p>"
                ),
                heading("Who makes referrals"),
                text(
                    "<p>A person cannot refer themselves. A First Responder refers them. First Responders "
                    "include the police, councils and certain charities. If your organisation is a First "
                    "Responder, find out who makes referrals for you.</p>"
                ),
                heading("Consent"),
                text(
                    "<p>An adult must agree to be referred. Explain what the NRM is and what it can lead to, "
                    "in a language they understand. Use a professional interpreter, not a friend or "
                    "family member. Children do not need to consent: follow your child safeguarding "
                    "procedures as well.</p>"
                ),
                heading("What support follows"),
                text(
                    "<p>Adults who are referred can get government-funded support. It includes safe "
                    "accommodation, medical care and legal advice. The Salvation Army helpline can "
                    "arrange support for adults in England and Wales at any time.</p>"
                ),
                helpline(numbers.SALVATION_ARMY),
                heading("If an adult does not consent"),
                text(
                    '<p>Some public authorities must still tell the Home Office. See <a page="professionals/'
                    'duty-to-notify">the duty to notify</a>.</p>'
                ),
                document(
                    "National Referral Mechanism: quick guide",
                    "Two minutes to read: who refers, consent, and the steps to take.",
                ),
            ],
        ),
        StandardPageSpec(
            slug="duty-to-notify",
            title="The duty to notify",
            summary="What public authorities in England and Wales must do when they meet a possible "
            "victim of modern slavery.",
            body=[
                text(
                    "<p>Certain public authorities in England and Wales have a duty to tell the Home Office "
                    "when they come across a possible victim of modern slavery. This includes the police "
                    "and councils.</p>"
                ),
                heading("How to notify"),
                text(
                    "<ul><li>If an adult agrees, refer them to the National Referral Mechanism. "
                    "The referral also meets your duty to notify.</li>"
                    "<li>If an adult does not agree, you must still notify the Home Office, using the "
                    "MS1 form. Do not include details that could identify the person.</li>"
                    "<li>Children are always referred to the National Referral Mechanism. Their consent "
                    "is not needed.</li></ul>"
                ),
                callout(
                    "<p>Check the current Home Office guidance before you notify: forms and processes can change.</p>",
                    title="Before you start",
                    style="warning",
                ),
                heading("Why it matters"),
                text(
                    "<p>Notifications help build a picture of modern slavery in Norfolk and across the "
                    "country, so that police and partners can act.</p>"
                ),
            ],
        ),
        StandardPageSpec(
            slug="supply-chain-checks",
            title="Supply-chain checks for employers",
            summary="Practical checks that help keep forced labour out of your business and the "
            "businesses you buy from.",
            body=[
                text(
                    "<p>In Norfolk, labour exploitation has been found in farming, food processing, "
                    "construction, hospitality, factories, car washes and nail bars. Any business can be "
                    "affected, often through agencies or suppliers.</p>"
                ),
                image(
                    "Paths across the hills",
                    "Layered hills, for a page about supply chains.",
                ),
                heading("Check your own workplace"),
                signs(
                    "Warning signs among workers",
                    [
                        "Several workers share one bank account or address",
                        "Workers are dropped off and collected together by the same person",
                        "Someone else holds their passports or ID cards",
                        "Workers seem afraid, or let someone else speak for them",
                        "Workers owe money to the person who found them the job",
                    ],
                    "<p>If you see these signs, call the Modern Slavery & Exploitation Helpline for "
                    "advice. Do not confront the person you suspect.</p>",
                ),
                heading("Labour providers"),
                text(
                    "<p>In farming, food processing and shellfish gathering, labour providers must be "
                    "licensed by the Gangmasters & Labour Abuse Authority (GLAA).</p>"
                ),
                helpline(numbers.GLAA),
                heading("Modern slavery statements"),
                text(
                    "<p>Under the Modern Slavery Act 2015, larger businesses (with a yearly turnover of "
                    "£36 million or more) must publish a modern slavery statement every year. Smaller "
                    "businesses can use the same steps as good practice.</p>"
                ),
                document(
                    "Supply-chain checklist for employers",
                    "A one-page checklist for your own workers, your agencies and your suppliers.",
                ),
            ],
        ),
        StandardPageSpec(
            slug="partner-resources",
            title="Partner resources",
            summary="Posters, quick guides and checklists to download, print and share.",
            body=[
                text(
                    "<p>These resources are free for partners to print and share. Please do not change "
                    "the phone numbers in them.</p>"
                ),
                document(
                    "Spot the signs poster",
                    "An A4 poster for staff rooms, waiting rooms and noticeboards.",
                ),
                document(
                    "National Referral Mechanism: quick guide",
                    "For First Responders and anyone who may meet a possible victim.",
                ),
                document(
                    "Supply-chain checklist for employers",
                    "Simple checks for employers, agencies and buyers.",
                ),
                document(
                    "Useful numbers card",
                    "The main helplines on one page, to print and keep.",
                ),
                quote(
                    "Having the numbers on the wall of the staff room made it easy for our team to act.",
                    "A Norfolk partner organisation",
                ),
            ],
        ),
    ],
)

ABOUT = StandardPageSpec(
    slug="about",
    title="About the network",
    summary="The Norfolk Anti-Slavery Network brings together police, councils, charities, faith groups "
    "and statutory agencies.",
    body=[
        text(
            "<p>The Norfolk Anti-Slavery Network brings together police, councils, charities, faith "
            "groups and statutory agencies to tackle modern slavery and human trafficking in Norfolk.</p>"
        ),
        image("Many colours, one network", "Colourful upright shapes standing side by side."),
        heading("What we do"),
        text(
            "<ol><li>Identify, support, protect and empower victims of modern slavery and human "
            "trafficking.</li><li>Support local organisations with skills, knowledge and processes.</li>"
            "<li>Help partners work together.</li><li>Increase reporting of suspected modern slavery "
            "and trafficking.</li><li>Raise awareness in Norfolk's communities.</li></ol>"
        ),
        heading("This website"),
        text(
            "<p>This website was launched in October 2020 with money from the Norfolk Police and Crime "
            "Commissioner's Hidden Victims Fund.</p>"
        ),
        heading("Contact us"),
        text(
            f"<p>Email {CONTACT}. We cannot take reports of modern slavery: "
            '<a page="report">read how to report a concern</a>.</p>'
        ),
    ],
)

CONTACT_PAGE = StandardPageSpec(
    slug="contact",
    title="Contact us",
    summary="How to contact the Norfolk Anti-Slavery Network about this website or about joining.",
    body=[
        callout(
            "<p>We cannot take reports or give advice about a situation. If someone is in danger, call "
            '999. Otherwise, see <a page="get-help">get help now</a> or <a page="report">report a '
            "concern</a>.</p>",
            title="Need help or want to report something?",
            style="warning",
        ),
        heading("Email us"),
        text(f"<p>Email {CONTACT} about this website, training, or your organisation joining the network.</p>"),
        heading("For professionals"),
        text(
            '<p>Guidance, referral information and resources are in our <a page="professionals">section '
            "for professionals and businesses</a>.</p>"
        ),
    ],
)

PRIVACY = StandardPageSpec(
    slug="privacy",
    title="Privacy",
    summary="What information this website keeps, and what it does not.",
    body=[
        text("<p>We want you to be able to use this website safely. We keep as little information as we can.</p>"),
        heading("What we do not do"),
        text(
            "<ul><li>We do not use advertising or tracking cookies.</li>"
            "<li>We do not ask for your location. To find services near you, you type a town or "
            "the first part of a postcode.</li><li>We do not show videos or maps from other websites, "
            "so other companies do not see your visit.</li></ul>"
        ),
        heading("What we keep"),
        text(
            "<p>We count the words people search for, so we can improve the website. We do not link "
            "searches to you. Our web server keeps short technical logs to keep the site secure.</p>"
        ),
        heading("Contact"),
        text(f"<p>If you have a question about your information, email {CONTACT}.</p>"),
    ],
)

ACCESSIBILITY = StandardPageSpec(
    slug="accessibility",
    title="Accessibility statement",
    summary="How accessible this website is, and how to tell us about a problem.",
    body=[
        text(
            "<p>We want as many people as possible to be able to use this website. You should be able to:</p>"
            "<ul><li>zoom in up to 400% without the text spilling off the screen</li>"
            "<li>move around the website using just a keyboard</li>"
            "<li>listen to the website using a screen reader</li>"
            "<li>read the main pages in 15 languages, including Arabic and Persian, "
            "which read from right to left</li></ul>"
            "<p>We have tried to make the text as simple as possible.</p>"
        ),
        heading("How accessible this website is"),
        text(
            "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2, level AA. "
            "Some older documents to download may not be fully accessible.</p>"
        ),
        heading("Reporting a problem"),
        text(
            f"<p>If you find a problem, or need information in a different format, email {CONTACT}. "
            "Tell us the web address of the page and what the problem is.</p>"
        ),
        heading("Enforcement procedure"),
        text(
            "<p>If you are not happy with how we respond to your complaint, contact the Equality "
            "Advisory and Support Service (EASS).</p>"
        ),
    ],
)

ADVICE_INDEX = IndexPageSpec(
    model="advice.AdviceIndexPage",
    slug="advice",
    title="Advice",
    summary="Plain-language advice about modern slavery: the signs, your rights and where to get help.",
    introduction="Read about the signs of modern slavery, your rights, and how to get help. "
    "Choose a topic to see fewer pages.",
    children=ADVICE_PAGES,
)

DIRECTORY_INDEX = IndexPageSpec(
    model="directory.DirectoryIndexPage",
    slug="services",
    title="Find a service",
    summary="Services in Norfolk and national helplines for people affected by modern slavery.",
    introduction="Find free help near you: advice, health, housing, and help in your language. "
    "Choose a type of help, an area or a language.",
    children=SERVICE_PAGES,
)

NEWS_INDEX = IndexPageSpec(
    model="news.NewsIndexPage",
    slug="news",
    title="News",
    summary="News from the Norfolk Anti-Slavery Network and its partners.",
    introduction="Training, awareness campaigns and news from partners across Norfolk.",
    key_page=False,
    children=NEWS_PAGES,
)

# Children of the home page, in menu order.
PAGE_TREE = [
    GET_HELP,
    ADVICE_INDEX,
    DIRECTORY_INDEX,
    REPORT,
    PROFESSIONALS,
    NEWS_INDEX,
    COVER_YOUR_TRACKS,
    ABOUT,
    CONTACT_PAGE,
    PRIVACY,
    ACCESSIBILITY,
]
