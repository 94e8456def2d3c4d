"""The site's Ethiopic font (about 93 KB a weight) is fetched only on pages with Tigrinya content.

Every page names Tigrinya ("ትግርኛ") in its language lists; there the name uses the device's own
Ethiopic font, or else a 1 KB font of just those four letters. Debian's chromium on the test
machine has no Ethiopic font, so it fetches the site's fonts (a device with one fetches none).
"""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FULL_FONTS = ("NotoSansEthiopic-Regular.woff2", "NotoSansEthiopic-Bold.woff2")
NAME_FONT = "NotoSansEthiopic-LanguageName.woff2"

LOADED_FAMILIES = """
async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((face) => face.status === "loaded").map((face) => face.family);
}
"""


def visit(page, url):
    """Open url and the language switcher, let fonts settle; return the font files requested."""
    requested = []
    page.on(
        "request", lambda request: requested.append(request.url.rsplit("/", 1)[-1]) if ".woff2" in request.url else None
    )
    page.goto(url)
    page.locator(".language-switcher__toggle").click()
    page.wait_for_load_state("networkidle")
    page.evaluate(LOADED_FAMILIES)
    return requested


@pytest.mark.parametrize("language", ["en", "pl", "ar"])
def test_no_ethiopic_font_where_there_is_no_tigrinya_content(page, live_server, language):
    requested = visit(page, f"{live_server.url}/{language}/")

    assert requested == [NAME_FONT]
    assert "NASN Ethiopic" not in page.evaluate(LOADED_FAMILIES)


def test_the_language_lists_still_draw_the_name_tigrinya(page, live_server):
    visit(page, f"{live_server.url}/en/")

    names = page.locator(".language-list a[lang=ti]")
    assert names.first.is_visible()
    assert "NASN Ethiopic language name" in page.evaluate(LOADED_FAMILIES)
    assert page.evaluate("(text) => document.fonts.check('16px \"NASN Ethiopic language name\"', text)", "ትግርኛ")
    assert Path(finders.find(f"fonts/{NAME_FONT}")).stat().st_size < 2048


def test_tigrinya_pages_load_and_use_the_ethiopic_font(page, live_server):
    requested = visit(page, f"{live_server.url}/ti/")

    assert FULL_FONTS[0] in requested
    assert "NASN Ethiopic" in page.evaluate(LOADED_FAMILIES)
    # The header's Tigrinya text is drawn with it (the font is ready for its characters).
    label = page.locator(".language-switcher__label").inner_text()
    assert page.evaluate("(text) => document.fonts.check('16px \"NASN Ethiopic\"', text)", label)
