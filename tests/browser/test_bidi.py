"""On right-to-left pages, numbers keep their written order on screen.

Digits and spaces are weak characters to the Unicode bidi algorithm: unless isolated, a phone
number "08000 121 700" inside Arabic text displays as "700 121 08000", and someone dialling by
hand calls the wrong number. These tests read the RENDERED positions of each digit group.
"""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HELPLINE = "modern-slavery-and-exploitation-helpline"
DROP_IN = "norwich-migrant-advice-drop-in"
VIEWPORTS = [{"width": 390, "height": 844}, {"width": 1280, "height": 900}]

# For every rendered text run holding a number written in groups ("08000 121 700", "18001 101")
# every pair of times in the opening-hours table and the first and last words of each address line
# ("14 Tanner's Row"), the x position of each group on screen, in written order. The groups must
# sit on one line and run left to right.
READ_NUMBERS = """
() => {
    const found = [];
    const rectOf = (node, start, end) => {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        return range.getBoundingClientRect();
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/\\+?\\d+(?:[ \\u00a0]\\d+)+/g)) {
            const groups = [];
            for (const group of match[0].matchAll(/\\+?\\d+/g)) {
                const start = match.index + group.index;
                const rect = rectOf(node, start, start + group[0].length);
                groups.push({text: group[0], x: rect.x, top: rect.top, width: rect.width});
            }
            if (groups.every((group) => group.width > 0)) {
                found.push({text: match[0], groups});
            }
        }
    }
    for (const cell of document.querySelectorAll(".hours td")) {
        const times = [...cell.querySelectorAll("time")];
        if (times.length === 2) {
            const groups = times.map((time) => {
                const rect = time.getBoundingClientRect();
                return {text: time.textContent, x: rect.x, top: rect.top, width: rect.width};
            });
            found.push({text: cell.textContent.trim(), groups});
        }
    }
    for (const address of document.querySelectorAll(".address")) {
        const lines = document.createTreeWalker(address, NodeFilter.SHOW_TEXT);
        for (let node = lines.nextNode(); node; node = lines.nextNode()) {
            const words = [...node.data.matchAll(/\\S+/g)];
            if (words.length > 1) {
                const groups = [words[0], words[words.length - 1]].map((word) => {
                    const rect = rectOf(node, word.index, word.index + word[0].length);
                    return {text: word[0], x: rect.x, top: rect.top, width: rect.width};
                });
                found.push({text: node.data.trim(), groups});
            }
        }
    }
    return found;
}
"""


# For every English name in brackets isolated in right-to-left text ("(NSPCC Helpline)"): where its
# brackets and the letters beside them are drawn. Each bracket must sit beside its letter, on its line.
READ_BRACKETS = """
() => {
    const found = [];
    for (const isolate of document.querySelectorAll('bdi[lang="en"]')) {
        const node = isolate.firstChild;
        if (!node || node.nodeType !== Node.TEXT_NODE || !/^\\(.*\\)$/.test(node.data)) continue;
        const rectOf = (start) => {
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + 1);
            return range.getBoundingClientRect();
        };
        const last = node.data.length - 1;
        found.push({
            text: node.data,
            open: rectOf(0), first: rectOf(1), last: rectOf(last - 1), close: rectOf(last),
        });
    }
    return found;
}
"""


def _split_brackets(names):
    """The bracketed names whose opening bracket is not just left of their first letter, or whose
    closing bracket is not just right of their last letter, on the same line."""
    return [
        name["text"]
        for name in names
        if not (
            abs(name["open"]["top"] - name["first"]["top"]) < 2
            and name["open"]["right"] <= name["first"]["left"] + 1
            and abs(name["close"]["top"] - name["last"]["top"]) < 2
            and name["close"]["left"] >= name["last"]["right"] - 1
        )
    ]


def _misordered(numbers):
    """The numbers whose groups are not on one line, left to right in written order."""
    wrong = []
    for number in numbers:
        groups = number["groups"]
        one_line = all(abs(group["top"] - groups[0]["top"]) < 2 for group in groups)
        left_to_right = all(a["x"] < b["x"] for a, b in zip(groups, groups[1:], strict=False))
        if not (one_line and left_to_right):
            wrong.append(
                f"{number['text']!r} shown as {' '.join(g['text'] for g in sorted(groups, key=lambda g: g['x']))!r}"
            )
    return wrong


def _translate_services_into_arabic():
    """The demo translates no service: give two an Arabic translation, so that their facts sit
    in right-to-left text (untranslated services are shown in English, left to right)."""
    from directory.models import ServicePage
    from tests.factories import translate_page

    helpline = ServicePage.objects.get(locale__language_code="en", slug=HELPLINE)
    title = "خط المساعدة للعبودية الحديثة (Modern Slavery Helpline)"
    translate_page(helpline, "ar", title=title, summary="مجاني وسري. اتصل على 08000 121 700.")
    drop_in = ServicePage.objects.get(locale__language_code="en", slug=DROP_IN)
    translate_page(drop_in, "ar", title="مركز استشارات للمهاجرين", hours_notes="للاستفسار اتصل على 01632 960101.")


def _read(page, url):
    page.goto(url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    return page.evaluate(READ_NUMBERS)


def test_numbers_read_left_to_right_on_right_to_left_pages(browser, live_server):
    call_command("load_demo_content", stdout=StringIO())
    _translate_services_into_arabic()
    paths = [
        f"/ar/services/{HELPLINE}/",
        f"/fa/services/{HELPLINE}/",
        f"/ar/services/{HELPLINE}/?print=plain",
        f"/ar/services/{DROP_IN}/",
        f"/fa/services/{DROP_IN}/",
        "/ar/services/",
        "/fa/services/",
        "/ar/",
        "/fa/",
        "/ar/search/?q=helpline",
        "/fa/search/?q=helpline",
        "/ar/report/",
        "/fa/report/",
        "/ar/no-such-page/",
    ]
    failures = {}
    seen = {}
    bracketed = {}
    for viewport in VIEWPORTS:
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for path in paths:
            numbers = _read(page, live_server.url + path)
            seen[path] = {number["text"] for number in numbers}
            wrong = _misordered(numbers)
            if wrong:
                failures[f"{path} at {viewport['width']}px"] = wrong
            names = page.evaluate(READ_BRACKETS)
            bracketed[path] = {name["text"] for name in names}
            if _split_brackets(names):
                failures[f"{path} at {viewport['width']}px, brackets"] = _split_brackets(names)
        page.goto(f"{live_server.url}/ar/services/{DROP_IN}/")
        service_direction = page.locator(".service__contact").evaluate("element => getComputedStyle(element).direction")
        context.close()

    assert not failures, "\n".join(f"{where}: {', '.join(wrong)}" for where, wrong in failures.items())
    # The pages really showed the numbers this test is about, the Arabic service in right-to-left text.
    assert "08000 121 700" in seen[f"/ar/services/{HELPLINE}/"]
    assert "08000 121 700" in seen["/ar/services/"]
    assert "08000 121 700" in seen["/fa/"]
    assert "08000 121 700" in seen["/ar/search/?q=helpline"]
    assert "08000 121 700" in seen["/ar/report/"]
    assert {"01632 960101", "10:00–16:00", "14 Tanner's Row"} <= seen[f"/ar/services/{DROP_IN}/"]
    assert service_direction == "rtl"
    # English names in brackets were there to check: the service's own title, the demo's helplines.
    assert "(Modern Slavery Helpline)" in bracketed[f"/ar/services/{HELPLINE}/"]
    assert "(Salvation Army Referral Helpline)" in bracketed["/ar/"]
