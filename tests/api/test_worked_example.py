"""README "API", worked example: a Polish advice page rendered from the API alone, in two HTTP
calls however many links, images and related services it has.

The front end below is what a client writes: it turns the visitor's path into the page's id
(``find``), loads the page, and renders the body, the service cards and the language switch
from that one response. The test counts its HTTP calls and checks that everything it needed was
in the response (no further call for a link's target, a service's phone or an image size).
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.test import TestCase

from tests.factories import translate_page
from tests.performance.content import DemoLikeSite


class CountingClient:
    """The Django test client as a front end's HTTP client: every request counted."""

    def __init__(self, client):
        self.client = client
        self.calls = []

    def get(self, url):
        self.calls.append(url)
        return self.client.get(url)


class Links(HTMLParser):
    """The page links (``<a href data-page-id>``) in rich text."""

    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "data-page-id" in attrs:
            self.links.append((attrs["href"], int(attrs["data-page-id"])))


def render_page(http, path):
    """Renders the page at a site path (``/pl/advice/…``) from the API; returns what it drew."""
    found = http.get(f"/api/v2/pages/find/?html_path={path}")  # call 1: path -> the page's detail URL
    assert found.status_code == 302, found.status_code
    page = http.get(urlsplit(found["Location"]).path).json()  # call 2: the page, every field
    drawn = {"title": page["title"], "lang": page["meta"]["locale"], "links": [], "images": [], "cards": []}
    for block in page["body"]:
        value = block["value"]
        texts = [value] if isinstance(value, str) else []
        if block["type"] == "callout":
            texts.append(value["text"])
        if block["type"] == "faq":
            texts += [item["answer"] for item in value["items"]]
        for text in texts:
            parser = Links()
            parser.feed(text)
            drawn["links"] += parser.links  # routed by href, loaded later by id: no call now
        if block["type"] == "image":
            drawn["images"].append(
                f'<picture><source type="{value["type"]}" srcset="{value["srcset"]}">'
                f'<img src="{value["fallback"]["url"]}" width="{value["width"]}" height="{value["height"]}" '
                f'alt="{value["alt"]}"></picture>'
            )
    for service in page["related_services"]:
        drawn["cards"].append(
            {
                "title": service["title"],
                "href": service["meta"]["html_url"],
                "phone": service["phone"],
                "areas": [area["name"] for area in service["areas"]],
                "hours": [(hours["weekday"], hours["opens"], hours["closes"]) for hours in service["opening_hours"]],
            }
        )
    drawn["languages"] = [version["locale"] for version in page["meta"]["translations"]]
    return drawn


class WorkedExampleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = DemoLikeSite()
        cls.small = translate_page(cls.site.advice(1), "pl", title="Porada (1)")
        cls.large = translate_page(cls.site.advice(5), "pl", title="Porada (5)")

    def render(self, page):
        http = CountingClient(self.client)
        return render_page(http, page.url), http.calls

    def test_a_polish_advice_page_takes_two_calls_whatever_its_links_and_services(self):
        small, small_calls = self.render(self.small)
        large, large_calls = self.render(self.large)
        self.assertEqual(len(small_calls), 2)
        self.assertEqual(len(large_calls), 2)
        self.assertEqual((len(small["cards"]), len(large["cards"])), (1, 5))
        self.assertEqual((len(small["images"]), len(large["images"])), (1, 5))
        self.assertGreater(len(large["links"]), len(small["links"]))

    def test_the_response_holds_everything_the_page_draws(self):
        drawn, _calls = self.render(self.large)
        self.assertEqual((drawn["title"], drawn["lang"]), ("Porada (5)", "pl"))
        self.assertEqual(drawn["languages"], ["en", "pl"])
        self.assertEqual(drawn["cards"][0]["phone"], "01603 123456")
        self.assertEqual(drawn["cards"][0]["hours"], [(0, "09:00:00", "17:00:00"), (2, "09:00:00", "17:00:00")])
        # Translated services come in Polish and link to their Polish page; the others in English.
        translated = [card for card in drawn["cards"] if "(pl)" in card["title"]]
        untranslated = [card for card in drawn["cards"] if "(pl)" not in card["title"]]
        self.assertTrue(translated and untranslated)
        for card in translated:
            self.assertIn("/pl/", card["href"])
            self.assertTrue(any("(pl)" in area for area in card["areas"]))  # areas in Polish where translated
        for card in untranslated:
            self.assertNotIn("/pl/", card["href"])
        self.assertIn('<source type="image/webp" srcset="/media/images/', drawn["images"][0])

    def test_every_link_carries_the_id_of_the_page_its_path_leads_to(self):
        drawn, _calls = self.render(self.large)
        translated, untranslated = self.site.targets[0], self.site.targets[1]
        polish = translated.get_translation(self.large.locale)
        self.assertIn((polish.url, polish.pk), drawn["links"])  # the Polish translation
        self.assertIn((untranslated.url, untranslated.pk), drawn["links"])  # else the English page
        for href, page_id in drawn["links"]:
            detail = self.client.get(f"/api/v2/pages/{page_id}/").json()
            self.assertEqual(urlsplit(detail["meta"]["html_url"]).path, href)
