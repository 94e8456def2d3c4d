"""The one listing rule (home.localization.in_locale_or_source) and the listings of the base app."""

from django.test import TestCase
from wagtail.models import Locale, Page

from advice.models import AdvicePage
from home.localization import in_locale_or_source, localize_pages
from tests.listings import build_listing_site, url_in


class InLocaleOrSourceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.s = build_listing_site()
        cls.polish = Locale.objects.get(language_code="pl")
        cls.lithuanian = Locale.objects.get(language_code="lt")

    def titles(self, locale):
        return sorted(in_locale_or_source(AdvicePage.objects.all(), locale).values_list("title", flat=True))

    def test_translation_where_there_is_one_english_otherwise_never_both(self):
        self.assertEqual(self.titles(self.polish), ["Rozpoznaj sygnały", "Your rights"])

    def test_untranslated_language_gets_the_english_pages(self):
        self.assertEqual(self.titles(self.lithuanian), ["Spot the signs", "Your rights"])

    def test_english_gets_english_live_public_pages_only(self):
        self.assertEqual(self.titles(Locale.get_default()), ["Spot the signs", "Your rights"])

    def test_a_draft_translation_hides_nothing(self):
        self.s.signs_translations["pl"].unpublish()

        self.assertEqual(self.titles(self.polish), ["Spot the signs", "Your rights"])

    def test_one_query_that_still_composes(self):
        with self.assertNumQueries(3):  # view restrictions (for .public()), the default locale, the listing
            found = list(
                in_locale_or_source(AdvicePage.objects.all(), self.polish).order_by("-title").prefetch_related()[:1]
            )
        self.assertEqual([page.title for page in found], ["Your rights"])

    def test_localize_pages_leaves_out_drafts_and_private_pages(self):
        pages = [self.s.signs, self.s.draft_advice, self.s.private_advice, self.s.rights]

        self.assertEqual(
            [page.title for page in localize_pages(pages, self.polish)], ["Rozpoznaj sygnały", "Your rights"]
        )


class StandardPageChildrenTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.s = build_listing_site()

    def children(self, response):
        return [(page.title, page.locale.language_code) for page in response.context["child_pages"]]

    def test_polish_children_in_the_english_order_english_where_untranslated(self):
        response = self.client.get(self.s.abouts["pl"].url)

        self.assertEqual(
            self.children(response), [("Nasz zespół", "pl"), ("Our partners", "en"), ("Our history", "en")]
        )
        self.assertContains(response, '<li class="link-list__item" lang="en" dir="ltr">', count=2)
        self.assertContains(response, "Po angielsku", count=2)
        self.assertNotContains(response, "secret")

    def test_arabic_and_lithuanian_children_are_the_english_pages(self):
        for url in (self.s.abouts["ar"].url, url_in(self.s.about, "lt")):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(
                    self.children(response), [("Our team", "en"), ("Our partners", "en"), ("Our history", "en")]
                )
                self.assertContains(response, 'class="fallback-label"', count=3)

    def test_english_children_are_unmarked(self):
        response = self.client.get(self.s.about.url)

        self.assertEqual(
            [title for title, _code in self.children(response)], ["Our team", "Our partners", "Our history"]
        )
        self.assertNotContains(response, "fallback-label")
        self.assertFalse(Page.objects.filter(title="Draft child secret", live=True).exists())
