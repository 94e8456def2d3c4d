"""English results after few results in the visitor's language, and editors' picks before everything."""

from django.test import TestCase
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.results import ENGLISH_RESULTS, FEW_RESULTS
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    home_page,
    make_private,
    paragraph,
    translate_page,
)


def promote(query_string, page=None, **fields):
    query = Query.objects.get_or_create(query_string=query_string)[0]
    return SearchPromotion.objects.create(query=query, page=page, **fields)


class EnglishFallbackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        translate_page(home, "pl", title="Strona główna")
        cls.index = AdviceIndexPageFactory(parent=home)
        translate_page(cls.index, "pl", title="Porady")
        cls.visa = AdvicePageFactory(parent=cls.index, title="Visa problems", summary="When your visa runs out.")
        cls.visa_pl = translate_page(
            cls.visa, "pl", title="Problemy z wizą", summary="Gdy wiza wygasa.", body=paragraph("Co robić.")
        )
        cls.untranslated = AdvicePageFactory(parent=cls.index, title="Visa sponsors", summary="Sponsored work visas.")

    def search(self, query, language="pl", **params):
        response = self.client.get(f"/{language}/search/", {"q": query, **params})
        self.assertEqual(response.status_code, 200)
        return response

    def test_with_no_results_in_polish_english_pages_follow_labelled_english(self):
        response = self.search("sponsors")

        self.assertEqual(list(response.context["search_results"]), [])
        self.assertEqual(response.context["search"].english, [self.untranslated])
        with translation.override("pl"):
            label = translation.gettext("In English")
        self.assertContains(response, f'<span class="fallback-label" lang="pl" dir="ltr">{label}</span>', html=True)
        self.assertContains(response, '<h3 class="search-result__title" lang="en" dir="ltr">')

    def test_an_english_match_that_is_translated_is_shown_in_the_visitors_language(self):
        response = self.search("visa")

        english = response.context["search"].english
        self.assertIn(self.visa_pl, english)
        self.assertNotIn(self.visa, english)

    def test_a_page_found_in_polish_is_not_repeated_in_english(self):
        response = self.search("wiza")

        self.assertEqual(list(response.context["search_results"]), [self.visa_pl])
        self.assertNotIn(self.visa_pl, response.context["search"].english)
        self.assertNotIn(self.visa, response.context["search"].english)

    def test_english_results_link_in_the_visitors_language(self):
        response = self.search("sponsors")

        self.assertContains(response, f'href="/pl/{self.index.slug}/{self.untranslated.slug}/"')

    def test_no_english_results_when_there_are_enough_in_the_visitors_language(self):
        for number in range(FEW_RESULTS):
            page = AdvicePageFactory(parent=self.index, title=f"Visa {number}")
            translate_page(page, "pl", title=f"Wiza {number}")

        response = self.search("wiza")

        self.assertGreaterEqual(len(response.context["search_results"].object_list), FEW_RESULTS)
        self.assertEqual(response.context["search"].english, [])

    def test_at_most_a_few_english_results(self):
        for number in range(ENGLISH_RESULTS + 2):
            AdvicePageFactory(parent=self.index, title=f"Sponsors {number}")

        self.assertEqual(len(self.search("sponsors").context["search"].english), ENGLISH_RESULTS)

    def test_no_english_fallback_on_the_english_site(self):
        response = self.search("wiza", language="en")

        self.assertEqual(response.context["search"].english, [])


class PromotionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        translate_page(home, "pl", title="Strona główna")
        index = AdviceIndexPageFactory(parent=home)
        translate_page(index, "pl", title="Porady")
        cls.wages = AdvicePageFactory(parent=index, title="Unpaid wages", summary="Getting paid what you are owed.")
        cls.rights = AdvicePageFactory(parent=index, title="Your rights", summary="Rights at work.")
        cls.rights_pl = translate_page(cls.rights, "pl", title="Twoje prawa", summary="Prawa w pracy.")
        cls.hidden = AdvicePageFactory(parent=index, title="Hidden wages page")
        make_private(cls.hidden)
        cls.draft = AdvicePageFactory(parent=index, title="Draft wages page", live=False)

    def results(self, query, language="en", **params):
        response = self.client.get(f"/{language}/search/", {"q": query, **params})
        self.assertEqual(response.status_code, 200)
        return response

    def test_a_promoted_page_comes_first_and_is_marked(self):
        promote("wages", self.rights, description="Know what you should be paid.")

        response = self.results("wages")

        self.assertEqual([pick.page for pick in response.context["search"].promoted], [self.rights])
        content = response.content.decode()
        self.assertLess(content.index("Your rights"), content.index("Unpaid wages"))
        self.assertContains(response, "Recommended")
        self.assertContains(response, "Know what you should be paid.")

    def test_a_promoted_page_is_not_repeated_in_the_results(self):
        promote("wages", self.wages)

        response = self.results("wages")

        self.assertEqual(list(response.context["search_results"]), [])
        self.assertEqual(response.content.decode().count(f'href="{self.wages.url}"'), 1)

    def test_promotions_match_whatever_the_case_and_punctuation(self):
        promote("wages", self.rights)

        for query in ("Wages", "wages?", "  WAGES "):
            with self.subTest(query=query):
                self.assertEqual(len(self.results(query).context["search"].promoted), 1)

    def test_promotions_are_per_locale(self):
        promote("prawa", self.rights_pl)
        promote("wages", self.rights)

        self.assertEqual(
            [pick.page for pick in self.results("prawa", "pl").context["search"].promoted], [self.rights_pl]
        )
        self.assertEqual(self.results("prawa", "en").context["search"].promoted, [])
        self.assertEqual(self.results("wages", "pl").context["search"].promoted, [])

    def test_private_and_unpublished_pages_are_never_promoted(self):
        promote("wages", self.hidden)
        promote("wages", self.draft)

        self.assertEqual(self.results("wages").context["search"].promoted, [])

    def test_an_external_link_can_be_promoted(self):
        promote(
            "visa",
            external_link_url="https://www.gov.uk/browse/visas-immigration",
            external_link_text="Visas and immigration (GOV.UK)",
        )

        response = self.results("visa")

        self.assertContains(response, '<a href="https://www.gov.uk/browse/visas-immigration">', html=False)
        self.assertContains(response, "Recommended")

    def test_promotions_head_the_first_page_only(self):
        promote("wages", self.rights)
        for number in range(10):
            AdvicePageFactory(parent=self.wages.get_parent(), title=f"Wages {number}")

        self.assertEqual(self.results("wages", page=2).context["search"].promoted, [])

    def test_the_results_count_includes_promoted_pages(self):
        promote("wages", self.rights)

        self.assertContains(self.results("wages"), "2 results for “wages”")
