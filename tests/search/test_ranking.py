"""Relevance: titles and summaries before body text, advice and services before news."""

from django.db import connection
from django.test import TestCase

from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    DirectoryIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    home_page,
    paragraph,
)

FILLER = "Read this if you are not sure what to do next. " * 3


class RankingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        cls.advice_index = AdviceIndexPageFactory(parent=home)
        cls.news_index = NewsIndexPageFactory(parent=home)
        cls.directory = DirectoryIndexPageFactory(parent=home)

    def ranked(self, query):
        response = self.client.get("/en/search/", {"q": query})
        return [page.pk for page in response.context["search_results"]]

    def advice(self, title, summary="A short summary.", body=FILLER):
        return AdvicePageFactory(parent=self.advice_index, title=title, summary=summary, body=paragraph(body))

    def test_a_word_in_the_title_beats_the_same_word_in_the_body(self):
        in_body = self.advice("Staying safe", body=f"{FILLER} Your payslip matters. Keep every payslip. {FILLER}")
        in_title = self.advice("Your payslip")

        self.assertEqual(self.ranked("payslip"), [in_title.pk, in_body.pk])

    def test_a_word_in_the_summary_beats_the_same_word_in_the_body(self):
        if connection.vendor != "postgresql":
            self.skipTest("SQLite's FTS5 index keeps summaries with the body text: no field weights")
        in_body = self.advice("Staying safe", body=f"{FILLER} Your payslip matters. Keep every payslip. {FILLER}")
        in_summary = self.advice("Money at work", summary="Check your payslip.")

        self.assertEqual(self.ranked("payslip"), [in_summary.pk, in_body.pk])

    def test_advice_and_services_come_before_news_for_the_same_match(self):
        text = {"title": "Overtime pay", "summary": "What you should be paid.", "body": paragraph(FILLER)}
        news = NewsPageFactory(parent=self.news_index, **text)
        advice = AdvicePageFactory(parent=self.advice_index, **text)
        service = ServicePageFactory(
            parent=self.directory, title=text["title"], summary=text["summary"], description=f"<p>{FILLER}</p>"
        )

        ranked = self.ranked("overtime")

        self.assertEqual(set(ranked[:2]), {advice.pk, service.pk})
        self.assertEqual(ranked[2], news.pk)

    def test_news_with_a_much_better_match_still_comes_first(self):
        advice = self.advice("Staying safe", body=f"{FILLER} Overtime. {FILLER}")
        news = NewsPageFactory(parent=self.news_index, title="Overtime", summary="Overtime rules change.")

        self.assertEqual(self.ranked("overtime"), [news.pk, advice.pk])
