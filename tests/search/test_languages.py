"""Search across the site's languages: results in English marked as such, "nothing found" only
when nothing is, and words of another site language pointing to that language's results."""

from django.test import TestCase
from django.utils import translation
from django.utils.translation import get_language_info

from search.results import OTHER_LANGUAGES
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    home_page,
    make_private,
    translate_page,
)
from tests.search.test_search import AWKWARD_QUERIES
from tests.utils import count_queries

LANGUAGES = ("pl", "ro", "ar", "ti")


def in_language(code, msgid, **values):
    with translation.override(code):
        return translation.gettext(msgid) % values


def other_language_link(language, other, count):
    with translation.override(language):
        text = translation.ngettext(
            "Results in %(language)s (%(language_local)s): %(counter)s page",
            "Results in %(language)s (%(language_local)s): %(counter)s pages",
            count,
        )
        info = get_language_info(other)
        direction = "rtl" if info["bidi"] else "ltr"
        local = f'<bdi lang="{other}" dir="{direction}">{info["name_local"]}</bdi>'
        return text % {"language": info["name_translated"], "language_local": local, "counter": count}


class SiteLanguagesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        cls.index = AdviceIndexPageFactory(parent=home)
        for language in LANGUAGES:
            translate_page(home, language)
            translate_page(cls.index, language)
        # Translated into every language; the English text mentions a passport.
        cls.rights = AdvicePageFactory(parent=cls.index, title="Your rights", summary="Keep your passport.")
        cls.rights_pl = translate_page(cls.rights, "pl", title="Twoje prawa", summary="Pomoc prawna.")
        cls.rights_ro = translate_page(cls.rights, "ro", title="Drepturile tale", summary="Ajutor juridic.")
        cls.rights_ar = translate_page(cls.rights, "ar", title="حقوقك", summary="مساعدة قانونية.")
        cls.rights_ti = translate_page(cls.rights, "ti", title="መሰላትኩም", summary="ሕጋዊ ሓገዝ።")
        # English only.
        cls.servitude = AdvicePageFactory(
            parent=cls.index, title="Domestic servitude", summary="Your passport was taken from you."
        )

    def search(self, language, query, **params):
        response = self.client.get(f"/{language}/search/", {"q": query, **params})
        self.assertEqual(response.status_code, 200)
        return response


class EnglishResultsTests(SiteLanguagesTestCase):
    def test_an_english_result_carries_its_language_and_the_shared_label(self):
        for language in ("pl", "ar", "ti"):
            with self.subTest(language=language):
                response = self.search(language, "servitude")

                direction = "rtl" if language == "ar" else "ltr"
                label = in_language(language, "In English")
                self.assertContains(
                    response,
                    '<h3 class="search-result__title" lang="en" dir="ltr">'
                    f'<a href="/{language}/{self.index.slug}/{self.servitude.slug}/">Domestic servitude</a> '
                    f'<span class="fallback-label" lang="{language}" dir="{direction}">{label}</span></h3>',
                    html=True,
                )
                self.assertContains(response, '<p lang="en" dir="ltr">Your passport was taken from you.</p>', html=True)

    def test_the_kind_of_an_english_result_is_not_labelled_a_second_way(self):
        response = self.search("ar", "servitude")

        self.assertContains(response, '<p class="search-result__kind">نصائح</p>', html=True)
        self.assertNotContains(response, f"· {in_language('ar', 'In English')}")

    def test_a_translation_found_through_its_english_text_is_not_marked_english(self):
        response = self.search("ar", "passport")

        self.assertIn(self.rights_ar, response.context["search"].english)
        self.assertContains(
            response,
            f'<h3 class="search-result__title"><a href="{self.rights_ar.url}">حقوقك</a></h3>',
            html=True,
        )

    def test_results_in_the_visitors_language_are_not_marked(self):
        content = self.search("pl", "prawa").content.decode()
        results = content[content.index('<section class="results"') : content.index("</section>")]

        self.assertIn("Twoje prawa", results)
        self.assertNotIn("lang=", results)
        self.assertNotIn("fallback-label", results)


class NothingFoundTests(SiteLanguagesTestCase):
    def test_english_pages_after_none_in_the_visitors_language_are_introduced_as_such(self):
        for language in ("pl", "ar", "ti"):
            with self.subTest(language=language):
                response = self.search(language, "passport")

                self.assertEqual(response.context["search"].found_count, 0)
                heading = in_language(
                    language,
                    "Nothing found in %(language)s for “%(query)s”",
                    language=get_language_info(language)["name_local"],
                    query="<bdi>passport</bdi>",
                )
                self.assertContains(response, heading)
                self.assertContains(response, in_language(language, "These pages found in English may help."))
                self.assertContains(response, f'href="/{language}/{self.index.slug}/{self.servitude.slug}/"')
                self.assertNotContains(response, in_language(language, "Nothing found. Try fewer or different words."))
                # One list, under that heading: not a second "more pages" section.
                self.assertNotContains(response, in_language(language, "More pages that may help"))

    def test_the_query_in_that_heading_is_escaped_and_isolated(self):
        response = self.search("ar", "passport <img src=x>")

        self.assertEqual(response.context["search"].found_count, 0)
        self.assertNotContains(response, "<img src=x")
        self.assertContains(response, "<bdi>passport &lt;img src=x&gt;</bdi>")

    def test_nothing_found_only_when_nothing_is_found_in_any_language(self):
        for language in ("en", "pl", "ar", "ti"):
            with self.subTest(language=language):
                response = self.search(language, "zzyzzx")

                search = response.context["search"]
                self.assertEqual((search.found_count, search.english, search.other_languages), (0, [], []))
                self.assertContains(response, in_language(language, "Nothing found. Try fewer or different words."))

    def test_english_pages_after_a_few_in_the_visitors_language_follow_them(self):
        AdvicePageFactory(parent=self.index, title="Passport checks", summary="Who may see it.")
        translate_page(self.servitude, "pl", title="Praca w domu", summary="Paszport został zabrany.")

        response = self.search("pl", "passport")

        self.assertGreater(response.context["search"].found_count, 0)
        self.assertContains(response, in_language("pl", "More pages that may help"))
        self.assertNotContains(response, in_language("pl", "These pages found in English may help."))


class OtherLanguageTests(SiteLanguagesTestCase):
    def test_words_of_another_site_language_offer_its_results(self):
        response = self.search("en", "pomoc")

        search = response.context["search"]
        self.assertEqual(search.found_count, 0)
        self.assertEqual([(other.code, other.count) for other in search.other_languages], [("pl", 1)])
        self.assertContains(
            response,
            f'<a href="/pl/search/?q=pomoc" hreflang="pl">{other_language_link("en", "pl", 1)}</a>',
            html=True,
        )
        self.assertContains(
            response,
            in_language(
                "en", "Nothing found in %(language)s for “%(query)s”", language="English", query="<bdi>pomoc</bdi>"
            ),
        )
        self.assertNotContains(response, "Nothing found. Try fewer or different words.")

    def test_the_offer_names_the_language_in_the_visitors_language_and_its_own(self):
        response = self.search("ar", "pomoc")

        self.assertEqual([other.code for other in response.context["search"].other_languages], ["pl"])
        self.assertContains(
            response,
            f'<a href="/pl/search/?q=pomoc" hreflang="pl">{other_language_link("ar", "pl", 1)}</a>',
            html=True,
        )

    def test_tigrinya_words_are_offered_on_the_english_site(self):
        response = self.search("en", "መሰላትኩም")

        self.assertEqual([other.code for other in response.context["search"].other_languages], ["ti"])
        self.assertContains(response, '<bdi lang="ti" dir="ltr">ትግርኛ</bdi>')

    def test_the_language_with_the_most_matches_comes_first(self):
        translate_page(self.servitude, "pl", title="Zorilla")
        for number in range(2):
            page = AdvicePageFactory(parent=self.index, title=f"Legal {number}")
            translate_page(page, "ro", title=f"Zorilla {number}")

        others = self.search("en", "zorilla").context["search"].other_languages

        self.assertEqual([(other.code, other.count) for other in others], [("ro", 2), ("pl", 1)])

    def test_only_a_language_with_all_the_words_is_offered(self):
        self.assertEqual(self.search("en", "pomoc ajutor").context["search"].other_languages, [])

    def test_at_most_a_few_languages_are_offered(self):
        for language in LANGUAGES:
            translate_page(self.servitude, language, title=f"Norfolk {language}")

        others = self.search("en", "Norfolk").context["search"].other_languages

        self.assertEqual(len(others), OTHER_LANGUAGES)

    def test_no_offer_when_the_words_are_found_in_the_visitors_language(self):
        self.assertEqual(self.search("pl", "pomoc").context["search"].other_languages, [])

    def test_no_offer_when_english_pages_were_found_for_the_visitor(self):
        translate_page(self.servitude, "ro", title="Servitute", summary="Paszport passport.")

        search = self.search("ar", "passport").context["search"]

        self.assertTrue(search.english)
        self.assertEqual(search.other_languages, [])

    def test_drafts_and_private_pages_are_never_counted(self):
        draft = AdvicePageFactory(parent=self.index, title="Hidden draft")
        translate_page(draft, "pl", title="Wsparcie szkic").unpublish()
        private = AdvicePageFactory(parent=self.index, title="Hidden private")
        make_private(translate_page(private, "pl", title="Wsparcie prywatne"))

        self.assertEqual(self.search("en", "wsparcie").context["search"].other_languages, [])

    def test_awkward_queries_are_harmless_in_every_language(self):
        for language in ("en", "ar", "ti"):
            for query in AWKWARD_QUERIES:
                with self.subTest(language=language, query=query):
                    self.search(language, query)


class OtherLanguageQueryCountTests(SiteLanguagesTestCase):
    """Looking in the other languages costs a small, fixed number of queries (STYLE habit 7)."""

    def add_polish_matches(self, count):
        for _ in range(count):
            page = AdvicePageFactory(parent=self.index)
            translate_page(page, "pl", summary="Pomoc dla ciebie.")

    def test_the_same_queries_for_1_and_11_matches(self):
        with_1 = count_queries(self.client, "/en/search/?q=pomoc")

        self.add_polish_matches(10)
        with_11 = count_queries(self.client, "/en/search/?q=pomoc")

        self.assertEqual(with_1, with_11)

    def test_the_same_queries_however_many_languages_have_the_words(self):
        for language in ("pl", "ro"):
            translate_page(self.servitude, language, title="Norfolk")
        with_2 = count_queries(self.client, "/en/search/?q=Norfolk")

        for language in ("ar", "ti"):
            translate_page(self.servitude, language, title="Norfolk")
        with_4 = count_queries(self.client, "/en/search/?q=Norfolk")

        self.assertEqual(with_2, with_4)

    def test_an_offer_costs_at_most_a_few_queries_more_than_finding_nothing(self):
        nothing = count_queries(self.client, "/en/search/?q=zzyzzx")
        offer = count_queries(self.client, "/en/search/?q=pomoc")

        self.assertLessEqual(offer - nothing, 1 + OTHER_LANGUAGES)
