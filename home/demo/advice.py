"""Advice pages: plain language, short sentences, for a reading age of about 9 to 11."""

from . import snippets as numbers
from .specs import AdviceSpec
from .stream import callout, document, faq, heading, helpline, image, in_danger, quote, signs, subheading, text

GENERAL_SIGNS = [
    "They look unwell, hungry, unwashed or hurt.",
    "They are rarely alone. Someone else speaks for them.",
    "They live where they work, or in an overcrowded house.",
    "Someone else keeps their passport or ID.",
    "They are picked up very early and dropped off very late.",
    "They are afraid of the police, of being deported, or of the people in control.",
]

WHAT_TO_DO = (
    "<p>Do not confront anyone. If someone is in danger, call 999. If not, call the Modern Slavery & "
    'Exploitation Helpline for advice, or <a page="report">report it another way</a>.</p>'
)

ADVICE_PAGES = [
    AdviceSpec(
        slug="spot-the-signs",
        key_page=True,
        title="Spot the signs of modern slavery",
        summary="Modern slavery is often hidden. These signs can help you notice when someone is being "
        "controlled or exploited.",
        topics=["spot-the-signs"],
        audience="everyone",
        reviewed_days_ago=35,
        related_services=["modern-slavery-and-exploitation-helpline", "crimestoppers"],
        body=[
            in_danger(),
            text(
                "<p>Modern slavery is when someone is forced to work or do things, and cannot leave. "
                "It happens in Norfolk: on farms, in factories, car washes, nail bars, hotels, on building "
                "sites and in people's homes.</p>"
            ),
            image(
                "Dawn over open fields",
                "Green fields under a pale morning sky.",
                "Many people are picked up before dawn to work in fields and factories.",
            ),
            signs("Signs to look for", GENERAL_SIGNS, WHAT_TO_DO),
            heading("Different kinds of exploitation"),
            text(
                '<ul><li><a page="advice/labour-exploitation">Labour exploitation</a></li>'
                '<li><a page="advice/sexual-exploitation">Sexual exploitation</a></li>'
                '<li><a page="advice/domestic-servitude">Domestic servitude</a></li>'
                '<li><a page="advice/county-lines-and-criminal-exploitation">County lines and criminal '
                "exploitation</a></li>"
                '<li><a page="advice/children-at-risk">Children at risk</a></li></ul>'
            ),
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
            faq(
                "Common questions",
                (
                    "What if I am wrong?",
                    "<p>That is fine. You do not need to be sure. Advisers will listen and help you "
                    "decide what to do.</p>",
                ),
                (
                    "Do I have to give my name?",
                    "<p>No. You can call Crimestoppers on 0800 555 111 and stay 100% anonymous.</p>",
                ),
            ),
        ],
    ),
    AdviceSpec(
        slug="your-rights",
        key_page=True,
        title="Your rights",
        summary="Everyone in the UK has rights, whatever their immigration status. Nobody can own you or "
        "force you to work.",
        topics=["your-rights"],
        audience="victims",
        reviewed_days_ago=60,
        related_services=[
            "norwich-migrant-advice-drop-in",
            "modern-slavery-and-exploitation-helpline",
            "kings-lynn-workers-advice-evening",
        ],
        body=[
            text(
                "<p>In the UK, nobody is allowed to force you to work, take your passport or keep you "
                "somewhere you do not want to be. This is true whatever your immigration status.</p>"
            ),
            heading("At work"),
            signs(
                "You have the right to",
                [
                    "be paid for the work you do",
                    "keep your own passport and ID",
                    "have your wages paid to you, into your own account",
                    "leave a job",
                    "rest breaks and time off",
                ],
            ),
            heading("If you need help"),
            text(
                "<p>You can talk to someone in confidence before you decide anything. "
                "Free advice is available in your language.</p>"
            ),
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
            subheading("Debts"),
            text(
                "<p>Some people are told they owe money for travel, a job or a room. A debt does not "
                "give anyone the right to control you or keep you working.</p>"
            ),
            quote(
                "I thought I had to work until the debt was paid. Nobody told me I had rights.",
                "A survivor supported in Norfolk",
            ),
            callout(
                '<p>Worried about the police or your immigration status? <a page="advice/'
                'afraid-of-the-police-or-deportation">Read our advice</a>.</p>',
                title="Afraid to ask for help?",
            ),
        ],
    ),
    AdviceSpec(
        slug="getting-help",
        key_page=True,
        title="Getting help",
        summary="Who to call, what happens next, and the support you can get. Help is free and confidential.",
        topics=["getting-help"],
        audience="victims",
        reviewed_days_ago=20,
        related_services=[
            "modern-slavery-and-exploitation-helpline",
            "salvation-army-referral-helpline",
            "norwich-night-shelter",
        ],
        body=[
            in_danger(),
            heading("Talk to someone now"),
            text(
                "<p>The Modern Slavery & Exploitation Helpline is free and open all day and all night. "
                "You do not need to speak English.</p>"
            ),
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
            image(
                "Circles of support",
                "Soft overlapping circles in teal, green and gold.",
            ),
            heading("A safe place to stay"),
            text(
                "<p>If you are an adult, the Salvation Army can help you find a safe place to stay and get support.</p>"
            ),
            helpline(numbers.SALVATION_ARMY),
            heading("Help near you"),
            text(
                '<p>Use <a page="services">Find a service</a> to find advice, health and housing '
                "services in Norfolk.</p>"
            ),
            faq(
                "Questions people ask",
                (
                    "Will it cost me anything?",
                    "<p>No. The helplines on this page are free to call from UK phones.</p>",
                ),
                (
                    "Do I have to talk to the police?",
                    "<p>No. You can get advice without talking to the police. It is your choice.</p>",
                ),
                (
                    "What if I do not speak English?",
                    "<p>Say the name of your language when you call. The helpline will get an interpreter.</p>",
                ),
            ),
        ],
    ),
    AdviceSpec(
        slug="labour-exploitation",
        title="Labour exploitation",
        summary="When someone is forced to work for little or no pay. In Norfolk it has been found on farms, "
        "in factories, car washes and on building sites.",
        topics=["spot-the-signs", "your-rights"],
        audience="everyone",
        reviewed_days_ago=90,
        related_services=["glaa-report-labour-abuse", "modern-slavery-and-exploitation-helpline"],
        body=[
            text(
                "<p>Labour exploitation is when someone is made to work for little or no pay, and cannot "
                "leave. In Norfolk it has been found in farming, food processing, construction, "
                "hospitality, factories, car washes and nail bars.</p>"
            ),
            signs(
                "Signs of labour exploitation",
                [
                    "Workers have no proper work clothes or safety equipment.",
                    "They are taken to work and back in a group, by the same person.",
                    "Someone else collects their wages.",
                    "They say they owe a big debt for travel or for the job.",
                    "They live at the workplace or in a crowded house.",
                ],
                WHAT_TO_DO,
            ),
            image("Paths across the hills", "Layered green and blue hills."),
            heading("Report it"),
            helpline(numbers.GLAA),
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
        ],
    ),
    AdviceSpec(
        slug="sexual-exploitation",
        title="Sexual exploitation",
        summary="When someone is forced or tricked into sex or sex work. It can happen to adults and children.",
        topics=["spot-the-signs"],
        audience="everyone",
        reviewed_days_ago=150,
        related_services=[
            "modern-slavery-and-exploitation-helpline",
            "victim-support-supportline",
            "norwich-walk-in-health-clinic",
        ],
        body=[
            in_danger(),
            text(
                "<p>Sexual exploitation is when someone is forced, pressured or tricked into sex. "
                "Sometimes they are promised a different job. It can happen to anyone.</p>"
            ),
            signs(
                "Signs of sexual exploitation",
                [
                    "Someone else arranges where they go and who they see.",
                    "They move between different addresses, often at night.",
                    "They have no money of their own, or no phone.",
                    "They seem frightened, or have injuries.",
                ],
                WHAT_TO_DO,
            ),
            heading("Help and support"),
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
            helpline(numbers.VICTIM_SUPPORT),
        ],
    ),
    AdviceSpec(
        slug="domestic-servitude",
        title="Domestic servitude",
        summary="When someone is forced to work in a home, cleaning or caring, and is not free to leave.",
        topics=["spot-the-signs"],
        audience="public",
        reviewed_days_ago=410,
        related_services=["modern-slavery-and-exploitation-helpline", "norfolk-county-council-worried-about-an-adult"],
        body=[
            text(
                "<p>Domestic servitude is when someone is made to live and work in a home, cleaning, "
                "cooking or looking after children. They are not paid properly and are not free to "
                "leave. It is hard to see from outside.</p>"
            ),
            signs(
                "Signs of domestic servitude",
                [
                    "They are rarely seen outside the house, or only with the family.",
                    "They work very long hours and never have a day off.",
                    "They sleep on the floor or in a shared room.",
                    "They do not have their own passport or phone.",
                ],
                WHAT_TO_DO,
            ),
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
            helpline(numbers.NORFOLK_COUNTY_COUNCIL),
        ],
    ),
    AdviceSpec(
        slug="county-lines-and-criminal-exploitation",
        title="County lines and criminal exploitation",
        summary="When someone is made to commit crime, like selling drugs or working on a cannabis farm.",
        topics=["spot-the-signs", "for-professionals"],
        audience="everyone",
        reviewed_days_ago=75,
        related_services=["childline", "crimestoppers", "great-yarmouth-youth-drop-in"],
        body=[
            in_danger(),
            text(
                "<p>Criminal exploitation is when someone is made to commit crime for someone else. "
                "County lines is one kind: gangs make children and adults carry and sell drugs in other "
                "towns. People are also forced to work on cannabis farms.</p>"
            ),
            signs(
                "Signs of county lines",
                [
                    "A young person goes missing, or travels to places they have no reason to go.",
                    "They have new phones, clothes or money they cannot explain.",
                    "They get lots of calls or messages and seem scared when they do.",
                    "Someone has moved into a vulnerable person's home (this is called cuckooing).",
                ],
                WHAT_TO_DO,
            ),
            callout(
                "<p>A young person who is made to sell drugs is a victim of exploitation. They need "
                "protection and support.</p>",
                title="Victims, not criminals",
            ),
            helpline(numbers.CHILDLINE),
            helpline(numbers.CRIMESTOPPERS),
        ],
    ),
    AdviceSpec(
        slug="children-at-risk",
        title="Children at risk",
        summary="Children can be trafficked and exploited. If you are worried about a child, tell someone.",
        topics=["spot-the-signs", "for-professionals", "getting-help"],
        audience="everyone",
        reviewed_days_ago=45,
        related_services=["norfolk-county-council-worried-about-a-child", "nspcc-helpline", "childline"],
        body=[
            in_danger(),
            text(
                "<p>Children can be exploited for work, for sex or for crime. They may not see "
                "themselves as victims. They may be afraid, or feel loyal to the person in control.</p>"
            ),
            signs(
                "Signs a child may be at risk",
                [
                    "They go missing from home, school or care.",
                    "They have an older friend or partner who controls them.",
                    "They have gifts, money or phones they cannot explain.",
                    "They are often tired, hungry or hurt.",
                ],
                "<p>If you are worried about a child in Norfolk, call Norfolk County Council. If a "
                "child is in danger now, call 999.</p>",
            ),
            helpline(numbers.NORFOLK_COUNTY_COUNCIL),
            helpline(numbers.NSPCC),
            subheading("If you are under 18"),
            helpline(numbers.CHILDLINE),
        ],
    ),
    AdviceSpec(
        slug="worried-about-someone-at-work",
        title="Worried about someone at work",
        summary="What to do if you think a colleague, or someone working at a business you visit, is being exploited.",
        topics=["getting-help", "for-employers"],
        audience="public",
        reviewed_days_ago=120,
        related_services=["modern-slavery-and-exploitation-helpline", "glaa-report-labour-abuse"],
        body=[
            text(
                "<p>You might notice something at your workplace, or at a car wash, nail bar or "
                "restaurant you visit. Trust your feelings.</p>"
            ),
            signs("Signs to look for", GENERAL_SIGNS),
            heading("What to do"),
            text(
                "<ol><li>Do not confront anyone, and do not put yourself at risk.</li>"
                "<li>Write down what you saw, where and when.</li>"
                "<li>Call the helpline for advice. You can stay anonymous.</li></ol>"
            ),
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
            helpline(numbers.GLAA),
        ],
    ),
    AdviceSpec(
        slug="what-happens-when-you-call-the-helpline",
        key_page=True,
        title="What happens when you call the helpline",
        summary="Calling the Modern Slavery & Exploitation Helpline is free and confidential. Here is what to expect.",
        topics=["getting-help"],
        audience="victims",
        reviewed_days_ago=15,
        related_services=["modern-slavery-and-exploitation-helpline"],
        body=[
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
            heading("When you call"),
            text(
                "<ol><li>An adviser answers. If you do not speak English, say your language. They will "
                "get an interpreter.</li>"
                "<li>They listen and ask some questions. You only say what you want to say.</li>"
                "<li>They tell you about your options and what help you can get.</li>"
                "<li>You decide what happens next.</li></ol>"
            ),
            image(
                "Calm river at dusk",
                "A still river in soft evening light.",
            ),
            faq(
                "Questions about calling",
                (
                    "Do I have to give my name?",
                    "<p>No. You can stay anonymous if you want to.</p>",
                ),
                (
                    "Will they call the police?",
                    "<p>If someone is in danger, they may need to. Otherwise they will talk to you about "
                    "what you want to happen.</p>",
                ),
                (
                    "Can I report online instead?",
                    "<p>Yes. The helpline also has an online form.</p>",
                ),
            ),
        ],
    ),
    AdviceSpec(
        slug="the-national-referral-mechanism",
        title="The National Referral Mechanism",
        summary="The National Referral Mechanism (NRM) is how victims of modern slavery in the UK get "
        "identified and supported.",
        topics=["getting-help", "your-rights", "for-professionals"],
        audience="victims",
        reviewed_days_ago=100,
        related_services=["salvation-army-referral-helpline", "norwich-migrant-advice-drop-in"],
        body=[
            text(
                "<p>The National Referral Mechanism (NRM) is the UK's way of finding victims of modern "
                "slavery and making sure they get help.</p>"
            ),
            heading("Who can refer you"),
            text(
                "<p>You cannot refer yourself. A First Responder does it for you. First Responders "
                "include the police, councils and some charities.</p>"
            ),
            heading("Your choice"),
            text(
                "<p>If you are an adult, you must agree before anyone refers you. Ask them to explain "
                "it first, in your language.</p>"
            ),
            heading("Support you can get"),
            signs(
                "Support can include",
                ["A safe place to stay", "Medical care", "Legal advice"],
            ),
            helpline(numbers.SALVATION_ARMY),
            text(
                '<p>Are you a professional? Read <a page="professionals/national-referral-mechanism">how '
                "the National Referral Mechanism works</a>.</p>"
            ),
        ],
    ),
    AdviceSpec(
        slug="support-for-employers",
        title="Support for employers",
        summary="How employers can spot exploitation, check their supply chains and get advice.",
        topics=["for-employers"],
        audience="businesses",
        reviewed_days_ago=450,
        related_services=["glaa-report-labour-abuse", "modern-slavery-and-exploitation-helpline"],
        body=[
            text(
                "<p>Exploitation can reach any business, often through agencies or suppliers. "
                "Simple checks make a big difference.</p>"
            ),
            signs(
                "Quick checks",
                [
                    "Check each worker's right to work yourself.",
                    "Pay wages into an account in the worker's own name.",
                    "Look out for several workers with the same address or bank account.",
                    "Make sure nobody pays a fee to get a job with you.",
                ],
            ),
            document(
                "Supply-chain checklist for employers",
                "A one-page checklist to print.",
            ),
            text('<p>Read more about <a page="professionals/supply-chain-checks">supply-chain checks</a>.</p>'),
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
        ],
    ),
    AdviceSpec(
        slug="afraid-of-the-police-or-deportation",
        key_page=True,
        title="If you are afraid of the police or deportation",
        summary="Many people are told that the police will hurt them or send them away. You can get "
        "advice first, in confidence.",
        topics=["your-rights", "getting-help"],
        audience="victims",
        reviewed_days_ago=55,
        related_services=[
            "migrant-help-asylum-advice",
            "norwich-migrant-advice-drop-in",
            "modern-slavery-and-exploitation-helpline",
        ],
        body=[
            text(
                "<p>People who control others often say that the police will arrest them, or that "
                "they will be deported. They say this to stop you asking for help.</p>"
            ),
            callout(
                "<p>You can call the Modern Slavery & Exploitation Helpline for advice without giving your "
                "name. They are not the police and not the immigration service.</p>",
                title="Advice first, in confidence",
            ),
            helpline(numbers.MODERN_SLAVERY_HELPLINE),
            heading("Free immigration advice"),
            text("<p>A qualified adviser can explain your options. Advice is free at the services below.</p>"),
            helpline(numbers.MIGRANT_HELP),
            quote(
                "They told me the police would send me home. The adviser explained what could really happen.",
                "A survivor supported in Norfolk",
            ),
        ],
    ),
    AdviceSpec(
        slug="guidance-for-frontline-staff",
        title="Guidance for frontline staff",
        summary="For health, housing, council and charity staff: how to respond when you think someone "
        "is being exploited.",
        topics=["for-professionals"],
        audience="professionals",
        reviewed_days_ago=390,
        related_services=[
            "norfolk-county-council-worried-about-an-adult",
            "salvation-army-referral-helpline",
        ],
        body=[
            text(
                "<p>You may be the only person outside their situation that a victim meets. "
                "A calm, private conversation can make it possible for them to ask for help.</p>"
            ),
            heading("In the conversation"),
            text(
                "<ul><li>Speak to the person alone, away from anyone who came with them.</li>"
                "<li>Use a professional interpreter, never a companion.</li>"
                "<li>Listen. Do not push for details.</li>"
                "<li>Write down what they say, in their words.</li></ul>"
            ),
            signs("Signs to look for", GENERAL_SIGNS),
            heading("Next steps"),
            text(
                '<p>Follow your safeguarding procedures. See <a page="professionals/national-referral-mechanism">'
                'the National Referral Mechanism</a> and <a page="professionals/duty-to-notify">the duty to '
                "notify</a>.</p>"
            ),
            document(
                "National Referral Mechanism: quick guide",
                "Consent, referrals and the steps to take.",
            ),
            helpline(numbers.NORFOLK_COUNTY_COUNCIL),
        ],
    ),
]
