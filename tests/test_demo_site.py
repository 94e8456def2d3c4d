"""The demo site, built once for every check that only reads it.

Building the demo site (`manage.py load_demo_content`, with its translations) takes about a minute.
The checks of its content (tests/home/test_demo_content.py), of its translations
(tests/demo_translations/) and of realistic searches over it (tests/search/test_demo_queries.py)
are written beside their subjects as mixins and run here on one build: in `setUpTestData`, rolled
back after the class. The command then runs a second time, as the checks of a re-run expect.
"""

from django.test import TestCase
from wagtail.models import Locale

from demo.localize import LANGUAGES
from tests.demo_translations.test_demo_translations import DemoTranslationChecks, database_counts, run_command
from tests.home.test_demo_content import DemoContentChecks, content_counts
from tests.search.test_demo_queries import DemoQueryChecks


class DemoSiteTests(DemoContentChecks, DemoTranslationChecks, DemoQueryChecks, TestCase):
    @classmethod
    def setUpTestData(cls):
        # Inside the test's transaction, as a caller's atomic block would be: nothing may wait for a commit.
        cls.first_output = run_command()
        cls.counts_after_first_run = database_counts()
        cls.content_counts_after_first_run = content_counts()
        cls.second_output = run_command()
        cls.counts_after_second_run = database_counts()
        cls.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
