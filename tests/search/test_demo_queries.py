"""Realistic queries over the demo site (`manage.py load_demo_content`, with its pl, ro, ar and ti
translations): the page a visitor is looking for is among the first three results.

Every case runs on SQLite and PostgreSQL except those marked POSTGRES_ONLY: they need a
stemmer ("exploited" → "exploitation", Arabic "شرطة" → "الشرطة"), which SQLite's FTS5 does not
have. Misspelled and unfinished words ("pasport", "trafficing", "accomod") work on both: they
are respelled from the words of the locale's pages (search/spelling.py).
"""

from django.db import connection

POSTGRES_ONLY = "stemming: PostgreSQL only"

# (language, query, URL that must be in the top three, why the case is here, reason it is PostgreSQL-only)
QUERIES = [
    ("en", "spot the signs", "/en/advice/spot-the-signs/", "title words", None),
    ("en", "signs of modern slavery", "/en/advice/spot-the-signs/", "title words", None),
    ("en", "my rights", "/en/advice/your-rights/", "no page has every word: any word", None),
    ("en", "passport", "/en/advice/your-rights/", "a body word", None),
    ("en", "pasport", "/en/advice/your-rights/", "misspelled", None),
    ("en", "trafficing", "/en/about/", "misspelled", None),
    ("en", "accomod", "/en/services/salvation-army-referral-helpline/", "unfinished and misspelled", None),
    ("en", "exploitaton", "/en/advice/sexual-exploitation/", "misspelled", None),
    ("en", "helplin", "/en/services/nspcc-helpline/", "unfinished", None),
    ("en", "labour exploitation", "/en/advice/labour-exploitation/", "title", None),
    ("en", "county lines", "/en/advice/county-lines-and-criminal-exploitation/", "advice above news", None),
    ("en", "afraid of police", "/en/advice/afraid-of-the-police-or-deportation/", "stop word", None),
    ("en", "report anonymously", "/en/services/crimestoppers/", "service", None),
    ("en", "national referral mechanism", "/en/advice/the-national-referral-mechanism/", "phrase", None),
    ("en", "interpreter", "/en/services/norwich-interpreting-service/", "service", None),
    ("en", "housing great yarmouth", "/en/services/great-yarmouth-housing-advice/", "service and town", None),
    ("en", "asylum", "/en/services/migrant-help-asylum-advice/", "service", None),
    ("en", "duty to notify", "/en/professionals/duty-to-notify/", "standard page", None),
    ("en", "worried about a child", "/en/advice/children-at-risk/", "advice", None),
    ("en", "cover your tracks", "/en/cover-your-tracks/", "standard page", None),
    ("en", "doctor", "/en/services/norwich-walk-in-health-clinic/", "service", None),
    ("en", "exploited", "/en/advice/sexual-exploitation/", "exploited → exploitation", POSTGRES_ONLY),
    ("en", "employer", "/en/advice/support-for-employers/", "employer → employers", POSTGRES_ONLY),
    ("pl", "pomoc", "/pl/advice/getting-help/", "title", None),
    ("pl", "paszport", "/pl/advice/your-rights/", "body", None),
    ("pl", "policja", "/pl/advice/afraid-of-the-police-or-deportation/", "body", None),
    ("pl", "deportacja", "/pl/advice/afraid-of-the-police-or-deportation/", "another case ending", None),
    ("pl", "zglos", "/pl/report/", "typed without diacritics (zgłoś)", None),
    ("pl", "uzyskac pomoc", "/pl/advice/getting-help/", "typed without diacritics (uzyskać)", None),
    ("pl", "zatrzyj slady", "/pl/cover-your-tracks/", "typed without diacritics (ślady)", None),
    ("pl", "passport", "/pl/advice/your-rights/", "the English word, respelled to paszport", None),
    ("ro", "drepturi", "/ro/advice/your-rights/", "title", None),
    ("ro", "ajutor", "/ro/advice/getting-help/", "title", None),
    ("ro", "politie", "/ro/advice/afraid-of-the-police-or-deportation/", "typed without diacritics (poliție)", None),
    ("ro", "semnele sclaviei", "/ro/advice/spot-the-signs/", "title", None),
    ("ar", "حقوقك", "/ar/advice/your-rights/", "title", None),
    ("ar", "الشرطة", "/ar/advice/afraid-of-the-police-or-deportation/", "title", None),
    ("ar", "شرطة", "/ar/advice/afraid-of-the-police-or-deportation/", "without the article ال", POSTGRES_ONLY),
    ("ti", "መሰላትኩም", "/ti/advice/your-rights/", "title", None),
    ("ti", "ፖሊስ", "/ti/advice/afraid-of-the-police-or-deportation/", "title", None),
]


class DemoQueryChecks:
    """Run on the demo site built once for them and the other checks of it, in tests/test_demo_site.py."""

    def top_three(self, language, query):
        response = self.client.get(f"/{language}/search/", {"q": query})
        self.assertEqual(response.status_code, 200)
        search = response.context["search"]
        pages = [pick.page for pick in search.promoted] + list(response.context["search_results"].object_list)
        return [page.url for page in pages[:3]]

    def test_the_page_looked_for_is_in_the_top_three(self):
        for language, query, url, why, postgres_only in QUERIES:
            with self.subTest(language=language, query=query, why=why):
                if postgres_only and connection.vendor != "postgresql":
                    self.skipTest(postgres_only)
                self.assertIn(url, self.top_three(language, query))

    def test_at_least_twenty_cases_in_three_languages_run_on_every_database(self):
        everywhere = [case for case in QUERIES if not case[4]]

        self.assertGreaterEqual(len(everywhere), 20)
        self.assertGreaterEqual(len({case[0] for case in everywhere}), 3)

    def test_a_respelled_query_says_what_was_searched_for(self):
        response = self.client.get("/en/search/", {"q": "pasport"})

        self.assertContains(response, "Showing results for “passport”.")

    def test_a_query_with_no_results_in_polish_shows_english_pages_labelled_english(self):
        response = self.client.get("/pl/search/", {"q": "GLAA"})

        english = response.context["search"].english
        self.assertIn("/en/services/glaa-report-labour-abuse/", [page.url for page in english])
        self.assertContains(response, 'lang="en" dir="ltr"><a href="/pl/services/glaa-report-labour-abuse/">')
