"""Reading the materials' PDFs back: their text (pypdf), their metadata and their QR code
(rendered by PDFium, decoded by zxing-cpp)."""

import io

import pypdf
import pypdfium2
import zxingcpp


def pdf_text(data):
    """The text of each page, as a screen reader or a copy and paste gets it."""
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def flat(text):
    """Text with its line breaks (where the layout wrapped it) as single spaces."""
    return " ".join(text.split())


def pdf_info(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    return {
        "title": reader.metadata.title,
        "lang": str(reader.trailer["/Root"].get("/Lang")),
        "pages": len(reader.pages),
        "size_mm": [round(float(size) * 25.4 / 72, 1) for size in reader.pages[0].mediabox[2:]],
    }


def qr_codes(data, dpi=200):
    """What every QR code in the PDF says, page by page."""
    document = pypdfium2.PdfDocument(data)
    found = []
    for page in document:
        image = page.render(scale=dpi / 72).to_pil()
        found += [barcode.text for barcode in zxingcpp.read_barcodes(image)]
    return found
