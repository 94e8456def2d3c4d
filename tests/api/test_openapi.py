"""The OpenAPI document is valid and real responses match it."""

from contextlib import ExitStack

from django.test import SimpleTestCase
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.models import Page, get_page_models

from nasn.api import api_router, openapi_document
from tests.api.content import APITestCase, openapi_schema

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


class DocumentTests(SimpleTestCase):
    def test_document_is_openapi_3_1_and_describes_every_endpoint(self):
        document = openapi_document()
        self.assertEqual(document["openapi"], "3.1.0")
        for name in api_router._endpoints:
            self.assertTrue(any(path.startswith(f"/{name}/") for path in document["paths"]), name)

    def test_document_says_how_snippet_locales_fall_back(self):
        description = " ".join(openapi_document()["info"]["description"].split())
        self.assertIn("Polish translation where there is one and the English row where there is not", description)

    def test_every_page_type_is_described(self):
        options = openapi_document()["components"]["schemas"]["Page"]["anyOf"]
        self.assertEqual(
            {option["$ref"].rsplit("/", 1)[1] for option in options},
            {model.__name__ for model in get_page_models() if model is not Page},
        )


class ResponseTests(APITestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stack = ExitStack()
        cls.schema = cls.stack.enter_context(openapi_schema())

    @classmethod
    def tearDownClass(cls):
        cls.stack.close()
        super().tearDownClass()

    def call(self, path, **kwargs):
        case = self.schema[path]["GET"].Case(**kwargs)
        response = case.call()
        case.validate_response(response, checks=CHECKS)
        return response

    def test_the_document_is_served(self):
        response = self.client.get("/api/v2/openapi.json")
        self.assertEqual(response.json(), openapi_document())

    def test_page_listings_match(self):
        for query in [
            {},
            {"fields": "*", "limit": 100},
            {"type": "directory.ServicePage", "fields": "*"},
            {"type": "advice.AdvicePage", "fields": "*", "locale": "pl"},
            {"type": "news.NewsPage", "fields": "*"},
            {"type": "home.HomePage", "fields": "*"},
            {"type": "home.StandardPage", "fields": "*"},
            {"type": "directory.ServicePage", "category": "legal-advice", "fields": "_,title"},
            {"search": "legal", "locale": "en"},
            {"locale": "xx"},
            {"limit": 1000},
        ]:
            with self.subTest(**query):
                self.call("/pages/", query=query)

    def test_every_page_matches(self):
        for page in Page.objects.live().public().filter(depth__gt=1):
            with self.subTest(page=page.title):
                self.call("/pages/{id}/", path_parameters={"id": page.pk})
        self.call("/pages/{id}/", path_parameters={"id": self.s.draft.pk})

    def test_snippet_and_media_listings_and_details_match(self):
        for name, endpoint in api_router._endpoints.items():
            if name in ("pages", "page_preview"):
                continue
            with self.subTest(name):
                items = self.call(f"/{name}/", query={"fields": "*"}).json()["items"]
                for item in items:
                    self.call(f"/{name}/{{id}}/", path_parameters={"id": item["id"]})
                if "locale" in endpoint.known_query_parameters:
                    self.call(f"/{name}/", query={"locale": "pl"})

    def test_find_matches(self):
        self.call("/pages/find/", query={"html_path": "/pl/advice/signs-of-labour-exploitation/"})
        self.call("/pages/find/", query={"html_path": "/nowhere/"})
