"""Print-ready PDFs of a material: an A4 poster, an A5 two-sided leaflet and a pocket card.

fpdf2 draws them, with HarfBuzz (uharfbuzz) shaping the text: Arabic and Persian joined and laid
right to left by the Unicode bidi algorithm, Ethiopic and Vietnamese marks placed. Both are
pip wheels with no system libraries, unlike WeasyPrint (Pango, Cairo), so a fresh `make run`
installs them; the fonts are Noto (SIL OFL, materials/fonts/) read from disk, so generating a
PDF never touches the network. Every word is real text (selectable, read aloud by screen readers);
the QR code is drawn as vector squares.

Everything printed comes in one ``Sheet`` whose digest names the file: the same content gives the
same name, so a changed helpline number or translation gives new PDFs and old ones are never
served for new content.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import qrcode
from fpdf import FPDF
from qrcode.constants import ERROR_CORRECT_M

FONTS = Path(__file__).with_name("fonts")
# Bump when the layout changes, so every cached PDF is made again.
LAYOUT_VERSION = 1
# The pocket card has room for this many numbers.
CARD_NUMBERS = 3

# Family, then the fallback that prints what the family lacks (digits, URLs, Latin names).
SCRIPT_FONTS = {
    "Arab": ("NotoSansArabic", "NotoSans"),
    "Ethi": ("NotoSansEthiopic", "NotoSans"),
    "Latn": ("NotoSans", None),
}
LANGUAGE_SCRIPTS = {"ar": "Arab", "fa": "Arab", "ti": "Ethi"}

# Dark blue on white and white on dark blue: contrast 12.6:1 (WCAG AAA for any size).
INK = (20, 33, 61)
PAPER = (255, 255, 255)
PT = 0.3528  # millimetres in a typographic point


@dataclass(frozen=True)
class Helpline:
    name: str
    number: str
    hours: str


@dataclass(frozen=True)
class Sheet:
    """What one material prints in one language, already translated."""

    language: str
    rtl: bool
    headline: str
    points: tuple[str, ...]
    helplines: tuple[Helpline, ...]
    call_to_action: str
    card_line: str
    url: str
    short_url: str
    publisher: str
    # The fixed words around the content, in the sheet's language.
    labels: dict = field(default_factory=dict)

    def digest(self, format_name, title):
        content = json.dumps([LAYOUT_VERSION, format_name, title, asdict(self)], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(content.encode()).hexdigest()[:32]


class MaterialPDF(FPDF):
    def __init__(self, sheet, title, scale, **kwargs):
        super().__init__(unit="mm", **kwargs)
        self.sheet = sheet
        self.scale = scale  # below 1 when the content is too long for the page at full size
        self.family, fallback = SCRIPT_FONTS[LANGUAGE_SCRIPTS.get(sheet.language, "Latn")]
        # Only the fonts this language needs: each takes time to load.
        for family in dict.fromkeys([self.family, "NotoSans"]):
            self.add_font(family, "", FONTS / f"{family}-Regular.ttf")
            self.add_font(family, "B", FONTS / f"{family}-Bold.ttf")
        if fallback:
            self.set_fallback_fonts([fallback], exact_match=False)
        self.set_text_shaping(True)
        self.set_auto_page_break(False)
        self.set_lang(sheet.language)
        self.set_title(title)
        self.set_author(sheet.publisher)
        self.set_creator(sheet.publisher)
        self.set_display_mode("fullpage")
        self.set_text_color(*INK)
        self.c_margin = 0
        self.overflow = 0.0  # how far text ran into the QR code or off the page, as a share of the room

    def check_room(self, bottom):
        """Notes an overflow if the text so far ends below ``bottom`` (mm from the page's top)."""
        self.overflow = max(self.overflow, self.get_y() / bottom - 1)

    @property
    def align(self):
        return "R" if self.sheet.rtl else "L"

    def write_text(self, text, size, *, bold=False, width=None, x=None, leading=1.3, colour=None, measure=False):
        """A paragraph at the current position, wrapped to ``width``; returns its height.
        With ``measure``, only the height: nothing is drawn."""
        size *= self.scale
        self.set_font(self.family, "B" if bold else "", size)
        if colour:
            self.set_text_color(*colour)
        if x is not None:
            self.set_x(x)
        width = width or (self.w - self.l_margin - self.r_margin)
        line = size * PT * leading
        if measure:
            return self.multi_cell(width, line, text, align=self.align, dry_run=True, output="HEIGHT")
        top = self.get_y()
        self.multi_cell(width, line, text, align=self.align, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)
        return self.get_y() - top

    def write_ltr(self, text, size, *, bold=False, width=None, x=None):
        """Numbers and addresses, in a cell of their own: left to right even on a right-to-left
        sheet (digits are weak characters that the bidi algorithm would reorder)."""
        size *= self.scale
        self.set_font("NotoSans", "B" if bold else "", size)
        if x is not None:
            self.set_x(x)
        width = width or (self.w - self.l_margin - self.r_margin)
        self.cell(width, size * PT * 1.3, text, align=self.align, new_x="LMARGIN", new_y="NEXT")

    def qr_code(self, x, y, size):
        """The page's address as a QR code of filled squares (no image: sharp at any size)."""
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
        code.add_data(self.sheet.url)
        code.make(fit=True)
        matrix = code.get_matrix()
        module = size / len(matrix)
        self.set_fill_color(*PAPER)
        self.rect(x, y, size, size, style="F")
        self.set_fill_color(0, 0, 0)
        for row, cells in enumerate(matrix):
            start = None
            for column, dark in enumerate([*cells, False]):
                if dark and start is None:
                    start = column
                elif not dark and start is not None:
                    self.rect(x + start * module, y + row * module, (column - start) * module, module, style="F")
                    start = None

    def headline_band(self, size, margin):
        """The headline, white on a dark band across the top of the page."""
        height = self.write_text(self.sheet.headline, size, bold=True, leading=1.2, measure=True)
        self.set_fill_color(*INK)
        self.rect(0, 0, self.w, height + 2 * margin, style="F")
        self.set_y(margin)
        self.write_text(self.sheet.headline, size, bold=True, colour=PAPER, leading=1.2)
        self.set_y(height + 3 * margin)

    def points(self, size, gap):
        bullet_width = size * self.scale * PT * 1.4
        width = self.w - self.l_margin - self.r_margin - bullet_width
        for point in self.sheet.points:
            top = self.get_y()
            bullet_x = self.w - self.r_margin - bullet_width if self.sheet.rtl else self.l_margin
            text_x = self.l_margin if self.sheet.rtl else self.l_margin + bullet_width
            self.set_fill_color(*INK)
            line = size * self.scale * PT
            self.circle(bullet_x + bullet_width / 2, top + line * 0.65, line * 0.18, style="F")
            self.set_xy(text_x, top)
            self.write_text(point, size, width=width, x=text_x)
            self.set_y(self.get_y() + gap * self.scale)

    def helpline_list(self, name_size, number_size, hours_size, gap):
        for helpline in self.sheet.helplines:
            self.write_text(helpline.name, name_size, bold=True)
            self.write_ltr(helpline.number, number_size, bold=True)
            if helpline.hours:
                self.write_text(helpline.hours, hours_size)
            self.set_y(self.get_y() + gap * self.scale)

    def address_block(self, qr_size, text_size, bottom):
        """The QR code and the short address beside it, ending ``bottom`` mm from the page's foot."""
        y = self.h - bottom - qr_size
        self.check_room(y - 2)
        qr_x = self.w - self.r_margin - qr_size if not self.sheet.rtl else self.l_margin
        self.qr_code(qr_x, y, qr_size)
        text_x = self.l_margin + (0 if not self.sheet.rtl else qr_size + 4)
        text_width = self.w - self.l_margin - self.r_margin - qr_size - 4
        self.set_xy(text_x, y + qr_size * 0.2)
        self.write_text(self.sheet.labels["scan"], text_size, width=text_width, x=text_x)
        self.set_x(text_x)
        self.write_ltr(self.sheet.short_url, text_size, bold=True, width=text_width, x=text_x)


def poster(sheet, title, scale):
    """A4 portrait: the headline on a dark band, the points, the helplines, the QR code."""
    pdf = MaterialPDF(sheet, title, scale, format="A4")
    pdf.set_margins(18, 18, 18)
    pdf.add_page()
    pdf.headline_band(40, 14)
    pdf.points(19, 4)
    pdf.set_y(pdf.get_y() + 3)
    pdf.write_text(sheet.call_to_action, 19, bold=True)
    pdf.set_y(pdf.get_y() + 5)
    pdf.helpline_list(13, 26, 11, 3)
    pdf.address_block(45, 13, 20)
    publisher_footer(pdf, 10)
    return pdf


def leaflet(sheet, title, scale):
    """A5 portrait, two sides: the message, then whom to call and where to read more."""
    pdf = MaterialPDF(sheet, title, scale, format=(148, 210))
    pdf.set_margins(14, 14, 14)
    pdf.add_page()
    pdf.headline_band(34, 12)
    pdf.points(20, 6)
    pdf.check_room(pdf.h - 16)
    publisher_footer(pdf, 8)
    pdf.add_page()
    pdf.set_y(14)
    pdf.write_text(sheet.call_to_action, 18, bold=True)
    pdf.set_y(pdf.get_y() + 6)
    pdf.helpline_list(12, 22, 10, 4)
    pdf.address_block(36, 11, 16)
    return pdf


def pocket_card(sheet, title, scale):
    """85.6 x 54 mm, two sides. The front shows a short line and bare numbers only, nothing that
    says what they are for, so it can be carried by someone who is watched; the back has the
    names, the QR code and the address."""
    pdf = MaterialPDF(sheet, title, scale, format=(85.6, 54))
    pdf.set_margins(5, 5, 5)
    pdf.add_page()
    pdf.set_y(5)
    pdf.write_text(sheet.card_line, 9, bold=True)
    pdf.set_y(pdf.get_y() + 2)
    for helpline in sheet.helplines[:CARD_NUMBERS]:
        pdf.write_ltr(helpline.number, 16, bold=True)
    pdf.check_room(pdf.h - 3)
    pdf.add_page()
    pdf.set_y(4)
    text_width = pdf.w - 10 - 26
    text_x = 5 if not sheet.rtl else 5 + 26
    for helpline in sheet.helplines[:CARD_NUMBERS]:
        pdf.write_text(helpline.name, 6.5, bold=True, width=text_width, x=text_x, leading=1.15)
        pdf.write_ltr(helpline.number, 7, width=text_width, x=text_x)
    pdf.check_room(pdf.h - 10)
    pdf.qr_code(pdf.w - 5 - 24 if not sheet.rtl else 5, 4, 24)
    pdf.set_y(pdf.h - 9)
    pdf.write_ltr(sheet.short_url, 6.5, bold=True)
    return pdf


def publisher_footer(pdf, size):
    pdf.set_y(pdf.h - 12)
    pdf.write_text(pdf.sheet.publisher, size)


FORMATS = {"poster": poster, "leaflet": leaflet, "card": pocket_card}


def render(sheet, format_name, title):
    """The PDF's bytes: at full size, or smaller in steps until a long text fits its page."""
    layout = FORMATS[format_name]
    scale = 1.0
    for _attempt in range(6):
        pdf = layout(sheet, title, scale)
        if pdf.overflow <= 0:
            break
        # Text height grows about as the type size: shrink by the overflow, and a little more.
        scale *= min(0.97, 0.98 / (1 + pdf.overflow))
    return bytes(pdf.output())
