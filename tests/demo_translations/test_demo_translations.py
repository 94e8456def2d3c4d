"""`manage.py load_demo_content` translates the key pages and snippets through wagtail-localize.

The checks of the demo site run in tests/test_demo_site.py, which builds it once (in `setUpTestData`,
rolled back afterwards), then runs the command a second time so the tests can check that nothing
changed.
"""

import html
import re
from io import StringIO

import polib
from django.core.management import call_command
from wagtail.models import Comment, Page, PageLogEntry, Revision
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from advice.models import AdvicePage, AdviceTopic
from demo.localize import DEMO_USERNAME, LANGUAGES, PAGE_PATHS, REVIEW_NOTE, TOOL_NAME, TRANSLATIONS
from directory.models import Area, ServiceCategory
from editorial.translation_report import translation_coverage
from home.models import Helpline

# The key pages of the issue: home, get help now, spot the signs, your rights, report, cover your
# tracks and three more advice pages ("" is the home page).
KEY_PAGES = [
    "",
    "get-help",
    "advice/spot-the-signs",
    "advice/your-rights",
    "advice/getting-help",
    "advice/what-happens-when-you-call-the-helpline",
    "advice/afraid-of-the-police-or-deportation",
    "report",
    "cover-your-tracks",
]
SNIPPET_MODELS = [Helpline, ServiceCategory, Area, AdviceTopic]
# Every translated page says, in these words, that the helpline has interpreters.
NO_ENGLISH_NEEDED = {
    "pl": "nie musisz mówić po angielsku",
    "ro": "nu trebuie să vorbiți limba engleză",
    "ar": "لا تحتاج إلى التحدث باللغة الإنجليزية",
    "ti": "እንግሊዝኛ ክትዛረቡ ኣየድልየኩምን",
}
TAG = re.compile(r"</?[a-z][^>]*>")


def run_command(*args):
    stdout = StringIO()
    call_command("load_demo_content", *args, stdout=stdout)
    return stdout.getvalue()


def database_counts():
    models = [Page, Revision, Comment, PageLogEntry, StringTranslation, Translation, TranslationSource, TranslationLog]
    return {
        **{model.__name__: model.objects.count() for model in models},
        **{model.__name__: model.objects.count() for model in SNIPPET_MODELS},
    }


def english_page(path):
    home = Page.objects.get(locale__language_code="en", depth=2)
    url_path = f"{home.url_path}{path}/" if path else home.url_path
    return Page.objects.get(locale__language_code="en", url_path=url_path).specific


class DemoTranslationChecks:
    """Run on the demo site built once for them and the other checks of it, in tests/test_demo_site.py."""

    def translation_of(self, page, code):
        return Page.objects.get(translation_key=page.translation_key, locale=self.locales[code]).specific

    def test_key_pages_are_wagtail_localize_translations(self):
        for path in KEY_PAGES:
            source = english_page(path)
            for code in LANGUAGES:
                with self.subTest(page=path or "home", language=code):
                    page = self.translation_of(source, code)

                    self.assertTrue(page.live)
                    self.assertNotEqual(page.title, source.title)
                    self.assertTrue(
                        Translation.objects.filter(
                            source__object_id=source.translation_key,
                            source__locale=source.locale,
                            target_locale=self.locales[code],
                        ).exists()
                    )

    def test_every_target_page_is_translated_under_its_translated_parent(self):
        for path in PAGE_PATHS:
            source = english_page(path)
            for code in LANGUAGES:
                with self.subTest(page=path or "home", language=code):
                    page = self.translation_of(source, code)

                    if path:
                        self.assertEqual(page.get_parent().translation_key, source.get_parent().translation_key)
                        self.assertEqual(page.get_parent().locale, self.locales[code])

    def test_snippets_visitors_see_are_translated(self):
        for model in SNIPPET_MODELS:
            for source in model.objects.filter(locale__language_code="en"):
                for code in LANGUAGES:
                    with self.subTest(snippet=str(source), language=code):
                        translated = model.objects.get(
                            translation_key=source.translation_key, locale=self.locales[code]
                        )

                        self.assertTrue(
                            Translation.objects.filter(
                                source__object_id=source.translation_key, target_locale=self.locales[code]
                            ).exists()
                        )
                        self.assertEqual(getattr(translated, "slug", None), getattr(source, "slug", None))

    def test_helpline_numbers_are_synchronised_not_translated(self):
        for source in Helpline.objects.filter(locale__language_code="en"):
            for code in LANGUAGES:
                with self.subTest(helpline=source.name, language=code):
                    translated = Helpline.objects.get(translation_key=source.translation_key, locale=self.locales[code])

                    self.assertEqual((translated.number, translated.tel), (source.number, source.tel))
                    self.assertNotEqual(translated.description, source.description)

    def test_advice_pages_keep_the_synchronised_fields(self):
        for source in AdvicePage.objects.filter(
            locale__language_code="en", slug__in=[p.split("/")[-1] for p in KEY_PAGES]
        ):
            for code in LANGUAGES:
                with self.subTest(page=source.slug, language=code):
                    page = self.translation_of(source, code)

                    self.assertEqual(page.last_reviewed, source.last_reviewed)
                    self.assertEqual(page.audience, source.audience)
                    self.assertEqual(set(page.topics.all()), set(source.topics.all()))

    def test_home_page_keeps_its_synchronised_links(self):
        source = english_page("")
        for code in LANGUAGES:
            with self.subTest(language=code):
                page = self.translation_of(source, code)

                self.assertEqual(page.directory_page_id, source.directory_page_id)
                self.assertEqual(
                    [item.page_id for item in page.featured_advice.all()],
                    [item.page_id for item in source.featured_advice.all()],
                )

    def test_each_translated_page_carries_one_review_comment_by_the_demo_user(self):
        for path in PAGE_PATHS:
            source = english_page(path)
            for code in LANGUAGES:
                with self.subTest(page=path or "home", language=code):
                    page = self.translation_of(source, code)
                    comments = Comment.objects.filter(page=page)

                    self.assertEqual([(c.user.username, c.text) for c in comments], [(DEMO_USERNAME, REVIEW_NOTE)])
        self.assertFalse(Comment.objects.filter(page__locale__language_code="en").exists())

    def test_the_demo_user_cannot_log_in(self):
        user = Comment.objects.filter(text=REVIEW_NOTE).first().user

        self.assertFalse(user.is_active)
        self.assertFalse(user.has_usable_password())

    def test_every_translated_page_says_you_do_not_need_to_speak_english(self):
        for code in LANGUAGES:
            phrase = NO_ENGLISH_NEEDED[code].lower()
            for path in PAGE_PATHS:
                source = english_page(path)
                with self.subTest(page=path or "home", language=code):
                    texts = StringTranslation.objects.filter(
                        locale=self.locales[code], context__object_id=source.translation_key
                    ).values_list("data", flat=True)

                    self.assertTrue(any(phrase in text.lower() for text in texts))

    def test_no_string_is_left_in_english(self):
        for code in LANGUAGES:
            with self.subTest(language=code):
                self.assertRegex(
                    self.first_output, rf"(?m)^{code}: \d+ pages, \d+ snippets translated, 0 strings missing"
                )
                for path in PAGE_PATHS:
                    source = TranslationSource.objects.get_for_instance(english_page(path))
                    untranslated = StringSegment.objects.filter(source=source).annotate_translation(self.locales[code])

                    self.assertEqual([s.string.data for s in untranslated if s.translation is None], [])

    def test_translated_strings_are_labelled_as_unchecked_in_the_translation_editor(self):
        strings = StringTranslation.objects.filter(locale__in=self.locales.values())

        self.assertGreater(strings.count(), 0)
        self.assertEqual(
            set(strings.values_list("tool_name", "last_translated_by__username")), {(TOOL_NAME, DEMO_USERNAME)}
        )

    def test_an_edited_english_page_is_synced_again_keeping_edited_translations(self):
        source = english_page("cover-your-tracks")
        source.summary = "A new English summary."
        source.save_revision().publish()
        title = StringTranslation.objects.get(
            locale=self.locales["pl"], translation_of__data=source.title, context__path="title"
        )
        title.data = "Zatrzyj ślady (poprawione)"
        title.save()

        output = run_command()

        for code in LANGUAGES:
            with self.subTest(language=code):
                page = self.translation_of(source, code)

                self.assertEqual(page.summary, "A new English summary.")  # no translation yet: English
                self.assertEqual(Comment.objects.filter(page=page).count(), 1)
                self.assertRegex(output, rf"(?m)^{code}: 1 pages, 0 snippets translated, 1 strings missing")
        self.assertEqual(self.translation_of(source, "pl").title, "Zatrzyj ślady (poprawione)")
        self.assertIn("A new English summary.", output)

    def test_translation_report_shows_the_key_pages_translated_and_up_to_date(self):
        report = {coverage.locale.language_code: coverage.groups["key"] for coverage in translation_coverage()}
        key_titles = {english_page(path).title for path in KEY_PAGES}
        for code in LANGUAGES:
            with self.subTest(language=code):
                self.assertEqual(key_titles & {page.title for page in report[code].missing}, set())
                self.assertEqual(report[code].out_of_date, [])

    def test_translated_pages_are_served_in_their_language(self):
        for url, path, code in [
            ("/pl/", "", "pl"),
            ("/pl/advice/spot-the-signs/", "advice/spot-the-signs", "pl"),
            ("/ar/advice/spot-the-signs/", "advice/spot-the-signs", "ar"),
            ("/ti/cover-your-tracks/", "cover-your-tracks", "ti"),
            ("/ro/get-help/", "get-help", "ro"),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)

                self.assertEqual(response.status_code, 200)
                self.assertContains(response, html.escape(self.translation_of(english_page(path), code).title))

    def test_every_entry_of_the_po_files_matches_a_segment_of_its_page(self):
        for code in LANGUAGES:
            for path in PAGE_PATHS:
                source = TranslationSource.objects.get_for_instance(english_page(path))
                segments = {(s.context.path, s.string.data) for s in StringSegment.objects.filter(source=source)}
                po = polib.pofile(str(TRANSLATIONS / code / "pages" / f"{path or 'home'}.po"))
                with self.subTest(page=path or "home", language=code):
                    self.assertEqual({(entry.msgctxt, entry.msgid) for entry in po}, segments)

    def test_running_it_again_changes_nothing(self):
        self.assertEqual(self.counts_after_second_run, self.counts_after_first_run)
        for code in LANGUAGES:
            self.assertIn(f"{code}: 0 pages, 0 snippets translated, 0 strings missing", self.second_output)

    def test_skip_translations_leaves_translations_alone(self):
        output = run_command("--skip-translations")

        self.assertNotIn("snippets translated", output)
        self.assertEqual(database_counts(), self.counts_after_first_run)


def po_files(code):
    return sorted((TRANSLATIONS / code).rglob("*.po"))


def test_every_language_file_is_marked_as_unchecked():
    for code in LANGUAGES:
        assert po_files(code)
        for path in po_files(code):
            first_line = path.read_text(encoding="utf-8").splitlines()[0]

            assert first_line == "# Demo translations, not yet checked by a native speaker.", path


def test_translations_keep_the_markup_of_the_english_segments():
    for code in LANGUAGES:
        for english, translated in ((e.msgid, e.msgstr) for path in po_files(code) for e in polib.pofile(str(path))):
            assert sorted(TAG.findall(translated)) == sorted(TAG.findall(english)), (code, english)
            # Segment text is HTML: a bare "&" or "<" would be read as markup.
            assert not re.search(r"&(?![a-z]+;|#\d+;)", translated), (code, translated)
            assert "<" not in TAG.sub("", translated), (code, translated)
            assert translated.strip(), (code, english)
