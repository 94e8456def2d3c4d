"""Small PDF documents for partners, written by hand (no PDF library needed).

A document is a list of (style, text) lines laid out on A4 pages in the standard Helvetica
fonts, which every PDF reader has. Text must fit WinAnsi (Latin-1): typographic dashes and
quotes are replaced with plain ones.
"""

import textwrap
from dataclasses import dataclass

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56

# style: (font resource, size, space before, wrap width in characters, prefix, hanging indent)
STYLES = {
    "title": ("F2", 22, 0, 40, "", 0),
    "heading": ("F2", 14, 14, 60, "", 0),
    "text": ("F1", 11, 6, 88, "", 0),
    "bullet": ("F1", 11, 3, 84, "- ", 10),
    "step": ("F1", 11, 3, 84, "", 14),
    "small": ("F1", 9, 12, 104, "", 0),
}
PLAIN = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "..."})


@dataclass(frozen=True)
class DocumentSpec:
    title: str
    filename: str
    lines: tuple  # (style, text)


def render_pdf(spec):
    pages = _layout(spec.lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,  # the page tree, once the page objects are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title " + _pdf_string(spec.title) + b" /Producer (nasn load_demo_content) >>",
    ]
    page_numbers = []
    for content in pages:
        stream = content.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, len(objects))
        )
        page_numbers.append(len(objects))
    kids = b" ".join(b"%d 0 R" % number for number in page_numbers)
    objects[1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(page_numbers)
    return _serialise(objects, info=5)


def _layout(lines):
    """Wrap the lines and split them into pages; returns one content stream per page."""
    pages, commands, y = [], [], PAGE_HEIGHT - MARGIN
    for style, text in lines:
        font, size, space_before, width, prefix, hanging = STYLES[style]
        wrapped = textwrap.wrap(prefix + text.translate(PLAIN), width) or [""]
        for number, line in enumerate(wrapped):
            y -= (space_before if number == 0 else 0) + size * 1.3
            if y < MARGIN:
                pages.append("\n".join(commands))
                commands, y = [], PAGE_HEIGHT - MARGIN - size * 1.3
            indent = hanging if number else 0
            commands.append(f"BT /{font} {size} Tf {MARGIN + indent} {y:.1f} Td ({_escape(line)}) Tj ET")
    pages.append("\n".join(commands))
    return pages


def _escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf_string(text):
    return b"(" + _escape(text.translate(PLAIN)).encode("latin-1") + b")"


def _serialise(objects, info):
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, info)
    output += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(output)


FOOTER = ("small", "Norfolk Anti-Slavery Network. Demo document created for a local copy of the website.")

DOCUMENTS = [
    DocumentSpec(
        title="Spot the signs poster",
        filename="spot-the-signs-poster.pdf",
        lines=(
            ("title", "Modern slavery is happening in Norfolk"),
            (
                "text",
                "People are forced to work, or made to do things they do not want to do. It can happen on "
                "farms, in factories, car washes, nail bars, hotels, on building sites and in people's homes.",
            ),
            ("heading", "Spot the signs"),
            ("bullet", "They look unwell, hungry, dirty or hurt."),
            ("bullet", "They are rarely alone. Someone else speaks for them."),
            ("bullet", "They live where they work, or in an overcrowded house."),
            ("bullet", "Someone else keeps their passport or ID."),
            ("bullet", "They are picked up very early and dropped off very late."),
            ("bullet", "They are afraid of the police, of being deported, or of the people they work for."),
            ("heading", "What to do"),
            ("text", "In danger now? Call 999. On a mobile, if you cannot speak, stay on the line and press 55."),
            (
                "text",
                "Modern Slavery & Exploitation Helpline: 08000 121 700. Free, confidential, 24 hours a day. "
                "Interpreters are available.",
            ),
            ("text", "Crimestoppers: 0800 555 111. 100% anonymous, 24 hours a day."),
            FOOTER,
        ),
    ),
    DocumentSpec(
        title="National Referral Mechanism: quick guide",
        filename="nrm-referral-quick-guide.pdf",
        lines=(
            ("title", "The National Referral Mechanism (NRM)"),
            ("text", "A quick guide for staff in Norfolk who meet possible victims of modern slavery."),
            ("heading", "What the NRM is"),
            (
                "text",
                "The NRM is how the UK identifies victims of modern slavery and makes sure they get "
                "support. A person cannot refer themselves. A First Responder refers them.",
            ),
            ("heading", "Who can refer"),
            (
                "text",
                "First Responders include the police, councils and certain charities. If you work for "
                "one of them, find out who in your organisation makes referrals.",
            ),
            ("heading", "Consent"),
            (
                "bullet",
                "Adults must agree to be referred. Explain what the NRM is, in a language they "
                "understand, with an interpreter if needed.",
            ),
            ("bullet", "Children do not need to consent. Follow your child safeguarding procedures too."),
            ("heading", "What support follows"),
            (
                "text",
                "Adults who are referred can get government-funded support. This includes safe "
                "accommodation, medical care and legal advice.",
            ),
            ("heading", "Steps"),
            ("step", "1. Make sure the person is safe. In an emergency, call 999."),
            ("step", "2. Listen, and write down what they tell you, in their words."),
            ("step", "3. Ask an adult for consent to an NRM referral."),
            ("step", "4. Make the referral, or pass the case to your organisation's First Responder."),
            (
                "step",
                "5. If you need support for an adult tonight, call the Salvation Army Referral "
                "Helpline on 0800 808 3733, 24 hours a day.",
            ),
            ("heading", "If an adult does not consent"),
            (
                "text",
                "Some public authorities in England and Wales must still tell the Home Office, without "
                "naming the person. This is the duty to notify. It uses the MS1 form.",
            ),
            ("heading", "Advice for professionals"),
            ("text", "Modern Slavery & Exploitation Helpline: 08000 121 700, 24 hours a day."),
            ("text", "Norfolk County Council, professionals' line: 0344 800 8021."),
            FOOTER,
        ),
    ),
    DocumentSpec(
        title="Supply-chain checklist for employers",
        filename="supply-chain-checklist-for-employers.pdf",
        lines=(
            ("title", "Supply-chain checklist for employers"),
            (
                "text",
                "Simple checks that help keep forced labour out of your business and the businesses you buy from.",
            ),
            ("heading", "Your own workers"),
            ("bullet", "Check every worker's right to work yourself. Do not let anyone else hold their documents."),
            ("bullet", "Pay wages into an account in the worker's own name."),
            ("bullet", "Watch for several workers giving the same bank account or address."),
            ("bullet", "Make sure nobody pays a fee to get a job with you."),
            ("bullet", "Give contracts and payslips in a language workers understand."),
            ("heading", "Agencies and labour providers"),
            (
                "bullet",
                "In farming, food processing and shellfish gathering, use licensed labour providers. "
                "The GLAA publishes the list of licence holders.",
            ),
            ("bullet", "Ask how workers are recruited, housed and transported."),
            ("bullet", "Visit sites without notice from time to time."),
            ("heading", "Suppliers"),
            ("bullet", "Know who your main suppliers are, and who supplies them."),
            ("bullet", "Put clear rules about forced labour in your contracts."),
            ("bullet", "Ask suppliers what they do when they find a problem."),
            ("heading", "If you are worried"),
            (
                "text",
                "Modern Slavery & Exploitation Helpline: 08000 121 700. GLAA: 0800 432 0804. "
                "In an emergency, call 999.",
            ),
            FOOTER,
        ),
    ),
    DocumentSpec(
        title="Useful numbers card",
        filename="useful-numbers-card.pdf",
        lines=(
            ("title", "Useful numbers"),
            ("text", "In danger now? Call 999. On a mobile, if you cannot speak, stay on the line and press 55."),
            ("text", "Deaf or speech-impaired: text relay 18000 in an emergency, 18001 101 when it is not."),
            ("heading", "Free, 24 hours a day"),
            ("bullet", "Modern Slavery & Exploitation Helpline: 08000 121 700 (interpreters available)"),
            ("bullet", "Crimestoppers, anonymous: 0800 555 111"),
            ("bullet", "Salvation Army Referral Helpline: 0800 808 3733"),
            ("heading", "Other help"),
            ("bullet", "Police non-emergency: 101"),
            ("bullet", "Victim Support Supportline: 0808 168 9111"),
            ("bullet", "Norfolk & Suffolk Victim Care: 0300 303 3706 (Monday to Friday, 8am to 5pm)"),
            ("bullet", "Norfolk County Council, worried about a child or an adult: 0344 800 8020"),
            ("bullet", "NSPCC Helpline: 0808 800 5000. Childline: 0800 1111"),
            ("bullet", "Migrant Help: 0808 8010 503"),
            ("bullet", "British Transport Police: 0800 40 50 40, or text 61016"),
            FOOTER,
        ),
    ),
]
