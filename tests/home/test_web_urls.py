"""One rule for stored web addresses (home/validators.py): http(s) only, however a bad scheme is disguised."""

from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import SimpleTestCase
from wagtail.whitelist import check_url

from directory.models import ServicePage
from directory.snippets import Organisation
from home.models import SiteSettings
from home.validators import is_web_url, safe_web_url, validate_web_url

# Schemes a browser would run or load inline, and the disguises browsers see through.
BAD_URLS = [
    "javascript:alert(1)",
    "  JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\njavascript:alert(1)",
    "\x00javascript:alert(1)",
    "javascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "&#106;avascript:alert(1)",
    "%6Aavascript:alert(1)",
    "java\u200bscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    " data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/",
    "//example.org/",
    "mailto:someone@example.org",
    "https://exa mple.org/",
    "https://example.org/\t",
]
GOOD_URLS = ["https://example.org/", "http://example.org/path?q=1#top", "https://example.org/javascript:not-a-scheme"]


class WebUrlRuleTests(SimpleTestCase):
    def test_bad_urls_are_refused_and_never_rendered(self):
        for url in BAD_URLS:
            with self.subTest(url=url):
                self.assertFalse(is_web_url(url))
                self.assertEqual(safe_web_url(url), "")
                with self.assertRaises(ValidationError):
                    validate_web_url(url)

    def test_web_urls_are_accepted(self):
        for url in GOOD_URLS:
            with self.subTest(url=url):
                self.assertTrue(is_web_url(url))
                self.assertEqual(safe_web_url(url), url)
                validate_web_url(url)

    def test_every_url_field_in_the_models_uses_the_rule(self):
        """Model validators also cover the admin's forms (Wagtail builds them from the model)."""
        fields = [(ServicePage, "website"), (Organisation, "website"), (SiteSettings, "leave_site_url")]
        for model, name in fields:
            field = model._meta.get_field(name)
            for url in BAD_URLS:
                with self.subTest(model=model.__name__, url=url), self.assertRaises(ValidationError):
                    field.clean(url, None)
            self.assertEqual(field.clean(GOOD_URLS[0], None), GOOD_URLS[0])

    def test_the_template_filter_drops_bad_urls(self):
        template = Template("{% load nasn_tags %}[{{ url|safe_url }}]")
        for url in BAD_URLS:
            with self.subTest(url=url):
                self.assertEqual(template.render(Context({"url": url})), "[]")
        self.assertEqual(template.render(Context({"url": GOOD_URLS[0]})), f"[{GOOD_URLS[0]}]")

    def test_rich_text_links_are_checked_by_wagtail(self):
        """External links in rich text are Wagtail's own: its editor converter (link_entity) and HTML
        whitelist both pass hrefs through check_url, which refuses these schemes."""
        for url in ["javascript:alert(1)", "java\tscript:alert(1)", "  JaVaScRiPt:alert(1)", "data:text/html,x"]:
            with self.subTest(url=url):
                self.assertIsNone(check_url(url))
