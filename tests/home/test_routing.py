"""Pages routed by url_path (home.views.quick_route) end where Wagtail's own routing ends."""

from django.test import RequestFactory, TestCase
from django.utils import translation
from wagtail.models import Locale, Page

from home.views import quick_route
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    home_page,
    translate_page,
)


class QuickRouteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.advice_index = AdviceIndexPageFactory(parent=cls.home)
        cls.advice = AdvicePageFactory(parent=cls.advice_index)
        cls.about = StandardPageFactory(parent=cls.home, title="About")
        cls.team = StandardPageFactory(parent=cls.about, title="Team")
        cls.news_index = NewsIndexPageFactory(parent=cls.home)
        cls.news = NewsPageFactory(parent=cls.news_index)
        cls.draft = AdvicePageFactory(parent=cls.advice_index, live=False)
        translate_page(cls.home, "pl")
        cls.advice_index_pl = translate_page(cls.advice_index, "pl")

    def routes(self, language, path):
        request = RequestFactory().get(f"/{language}/{path}")
        with translation.override(language):
            locales = [Locale.get_active(), Locale.get_default()]
            quick = quick_route(request, path, locales[:1])
            wagtail = Page.route_for_request(RequestFactory().get(f"/{language}/{path}"), path)
        return quick, wagtail

    def test_finds_the_same_page_as_wagtail_at_every_depth(self):
        for page in [self.home, self.advice_index, self.advice, self.about, self.team, self.news_index, self.news]:
            path = page.url.removeprefix("/en/")
            with self.subTest(path=path):
                quick, wagtail = self.routes("en", path)
                self.assertEqual(quick[0].pk, page.pk)
                # The same view and arguments (a routable page's view is bound to each copy).
                self.assertEqual((quick[0].pk, repr(quick[1:])), (wagtail[0].pk, repr(wagtail[1:])))

    def test_finds_the_translation_in_the_visitors_language(self):
        quick, _wagtail = self.routes("pl", self.advice_index.url.removeprefix("/en/"))
        self.assertEqual(quick[0].pk, self.advice_index_pl.pk)

    def test_finds_no_draft_and_no_unknown_path(self):
        for path in [self.draft.url_path.removeprefix(self.home.url_path), "advice/nothing-here/"]:
            with self.subTest(path=path):
                quick, wagtail = self.routes("en", path)
                self.assertIsNone(quick)
                self.assertIsNone(wagtail)

    def test_leaves_a_routable_pages_own_routes_to_wagtail(self):
        # The news index answers feed/ itself (RoutablePageMixin): no page has that url_path.
        quick, wagtail = self.routes("en", self.news_index.url.removeprefix("/en/") + "feed/")
        self.assertIsNone(quick)
        self.assertEqual(wagtail[0].pk, self.news_index.pk)

    def test_serves_the_english_page_where_the_polish_one_is_missing(self):
        response = self.client.get("/pl/" + self.advice.url.removeprefix("/en/"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["page"].pk, self.advice.pk)
        self.assertTrue(response.wsgi_request.is_untranslated_fallback)
