"""The header and footer link to the pages chosen in Settings → Navigation, in the visitor's language."""

import importlib
import re

from django.apps import apps
from django.test import TestCase

from home.models import NavigationSettings
from tests.factories import (
    AdviceIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    choose_navigation,
    home_page,
    make_private,
    translate_page,
)
from tests.utils import AdminTestCase, count_queries

fill_navigation = importlib.import_module("home.migrations.0005_navigation_from_existing_pages").fill_navigation


def main_menu(response):
    """[(label, url, aria-current)] of the header's main menu."""
    nav = re.search(r'<nav class="primary-nav".*?</nav>', response.content.decode(), re.S)
    links = re.findall(r'<a href="([^"]*)"(?: aria-current="([^"]*)")?>([^<]*)</a>', nav[0] if nav else "")
    return [(label, url, current) for url, current, label in links]


class NavigationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.advice = AdviceIndexPageFactory(parent=cls.home, title="Advice", slug="advice")
        cls.about = StandardPageFactory(parent=cls.home, title="Who we are", slug="who-we-are")
        cls.safety = StandardPageFactory(parent=cls.home, title="Stay safe online", slug="stay-safe")
        translate_page(cls.home, "pl")
        cls.advice_pl = translate_page(cls.advice, "pl", title="Porady")

    def test_the_menus_link_to_the_chosen_pages_only(self):
        choose_navigation(advice=self.advice, about=self.about)

        response = self.client.get("/en/")

        self.assertEqual(main_menu(response), [("Advice", "/en/advice/", "")])
        self.assertContains(response, '<li><a href="/en/who-we-are/">About us</a></li>', html=True)
        self.assertNotContains(response, "Contact us")

    def test_nothing_chosen_no_menu(self):
        response = self.client.get("/en/")

        self.assertEqual(main_menu(response), [])
        self.assertNotContains(response, 'class="primary-nav"')

    def test_a_page_and_those_below_it_mark_their_menu_item_current(self):
        choose_navigation(advice=self.advice)

        self.assertEqual(main_menu(self.client.get("/en/advice/")), [("Advice", "/en/advice/", "page")])

    def test_visitors_get_the_translation_or_else_the_english_page_in_their_language(self):
        choose_navigation(advice=self.advice, safety=self.safety)

        response = self.client.get("/pl/")

        self.assertEqual(main_menu(response), [("Porady", self.advice_pl.url, "")])
        # Not translated: the English page, under /pl/ (served in English with a notice), marked as English.
        self.assertContains(
            response, '<li><a href="/pl/stay-safe/" lang="en" dir="ltr">Stay safe online</a></li>', html=True
        )

    def test_drafts_and_private_pages_are_left_out(self):
        self.about.unpublish()
        make_private(self.safety)
        choose_navigation(about=self.about, safety=self.safety)

        response = self.client.get("/en/")

        self.assertNotContains(response, "About us")
        self.assertNotContains(response, "Stay safe online")

    def test_same_queries_with_one_and_ten_links(self):
        news = NewsIndexPageFactory(parent=self.home, slug="news")
        NewsPageFactory(parent=news)
        pages = {key: StandardPageFactory(parent=self.home) for key in ("get_help", "report", "contact", "privacy")}
        choose_navigation(news=news)
        with_1 = count_queries(self.client, "/en/")

        choose_navigation(advice=self.advice, about=self.about, safety=self.safety, directory=self.about, **pages)
        NavigationSettings.objects.update(accessibility_page=self.about)
        with_10 = count_queries(self.client, "/en/")

        self.assertEqual(with_10, with_1)

    def test_choosing_an_unknown_link_is_refused(self):
        with self.assertRaises(ValueError):
            choose_navigation(blog=self.about)


class HomePageNewsTests(TestCase):
    def test_latest_news_come_from_the_chosen_news_index(self):
        news = NewsIndexPageFactory(parent=home_page())
        NewsPageFactory(parent=news, title="Spring meeting")

        self.assertNotContains(self.client.get("/en/"), "Spring meeting")

        choose_navigation(news=news)
        self.assertContains(self.client.get("/en/"), "Spring meeting")


class NavigationMigrationTests(TestCase):
    """home/migrations/0005 chooses what the menus used to find by slug and page type."""

    def test_existing_pages_are_chosen_by_the_old_rules(self):
        home = home_page()
        advice = AdviceIndexPageFactory(parent=home, slug="our-advice")
        about = StandardPageFactory(parent=home, slug="about-us")
        StandardPageFactory(parent=home, slug="about")  # a second match: the first in the tree wins
        privacy = StandardPageFactory(parent=home, slug="privacy-notice")
        StandardPageFactory(parent=home, slug="contact").unpublish()
        make_private(StandardPageFactory(parent=home, slug="accessibility"))
        StandardPageFactory(parent=about, slug="get-help")  # not below the home page directly

        fill_navigation(apps, None)

        navigation = NavigationSettings.objects.get(site=home.get_site())
        self.assertEqual(
            {key: page.pk for key, page in navigation.chosen_pages().items()},
            {"advice": advice.pk, "about": about.pk, "privacy": privacy.pk},
        )

    def test_a_site_without_such_pages_gets_no_navigation_row(self):
        fill_navigation(apps, None)

        self.assertFalse(NavigationSettings.objects.exists())


class NavigationAdminTests(AdminTestCase):
    def test_settings_navigation_form_saves_the_chosen_pages(self):
        home = home_page()
        advice = AdviceIndexPageFactory(parent=home)
        site = home.get_site()
        url = f"/admin/settings/home/navigationsettings/{site.pk}/"

        self.assertContains(self.client.get(url), "Main menu")
        response = self.client.post(url, {"advice_page": advice.pk, "about_page": home.pk})

        self.assertEqual(response.status_code, 302)
        navigation = NavigationSettings.for_site(site)
        self.assertEqual((navigation.advice_page_id, navigation.about_page_id), (advice.pk, home.pk))
