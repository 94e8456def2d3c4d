"""Short constructors for body StreamField blocks (see home.blocks.BodyBlock)."""

from .specs import document_ref, helpline_ref, image_ref


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def subheading(text):
    return ("heading", {"text": text, "level": "h3"})


def text(html):
    return ("text", html)


def callout(html, title="", style="info"):
    return ("callout", {"style": style, "title": title, "text": html})


def helpline(tel):
    return ("helpline", {"helpline": helpline_ref(tel)})


def faq(title, *items):
    return ("faq", {"title": title, "items": [{"question": q, "answer": a} for q, a in items]})


def signs(title, items, advice=""):
    return ("signs", {"title": title, "signs": list(items), "advice": advice})


def document(title, description=""):
    return ("document", {"document": document_ref(title), "title": "", "description": description})


def quote(words, attribution=""):
    return ("quote", {"quote": words, "attribution": attribution})


def image(title, alt_text, caption=""):
    return ("image", {"image": image_ref(title), "alt_text": alt_text, "caption": caption})


def in_danger():
    """The urgent 999 box that opens most advice pages."""
    return callout(
        "<p>Call 999. If you are on a mobile and cannot speak, stay on the line and press 55. "
        "If you are deaf or speech-impaired, use text relay on 18000.</p>",
        title="In danger now?",
        style="urgent",
    )
