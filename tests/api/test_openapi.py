"""The OpenAPI document is valid and real responses match it, as a typed client reads them."""

from contextlib import ExitStack

import jsonschema
from django.test import SimpleTestCase
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.models import Page, get_page_models

from nasn.api import api_router, openapi_document
from reports.models import ReportPage
from tests.api.content import APITestCase, openapi_schema
from tests.factories import MaterialPageFactory, MaterialsIndexPageFactory

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
        options = openapi_document()["components"]["schemas"]["Page"]["oneOf"]
        self.assertEqual(
            {option["$ref"].rsplit("/", 1)[1] for option in options},
            {model.__name__ for model in get_page_models() if model is not Page},
        )

    def test_the_page_union_has_a_discriminator_naming_each_type(self):
        schemas = openapi_document()["components"]["schemas"]
        discriminator = schemas["Page"]["discriminator"]
        self.assertEqual(discriminator["propertyName"], "type")
        self.assertEqual(len(discriminator["mapping"]), len(schemas["Page"]["oneOf"]))
        for label, target in discriminator["mapping"].items():
            with self.subTest(label):
                page_schema = schemas[target.rsplit("/", 1)[1]]
                self.assertEqual(page_schema["properties"]["type"], {"const": label})
                self.assertIn("type", page_schema["required"])

    def test_every_object_requires_what_it_always_has(self):
        schemas = openapi_document()["components"]["schemas"]
        for name in ["ServicePage", "AdvicePage", "HomePage", "StandardPage", "NewsPage"]:
            with self.subTest(name):
                self.assertEqual(schemas[name]["required"], ["id", "meta", "type", "title"])
                self.assertEqual(schemas[name]["properties"]["meta"]["required"], ["type"])
        for name in ["Helpline", "Area", "Organisation", "Image", "Document", "NestedImage"]:
            with self.subTest(name):
                self.assertEqual(schemas[name]["required"], ["id", "meta"])
        self.assertEqual(schemas["Error"]["required"], ["message"])
        self.assertEqual(schemas["ListingMeta"]["required"], ["total_count"])
        listing = openapi_document()["paths"]["/pages/"]["get"]["responses"]["200"]["content"]["application/json"]
        self.assertEqual(listing["schema"]["required"], ["meta", "items"])

    def test_an_empty_object_is_not_a_page(self):
        validator = TypedClient(openapi_document())
        for name in ["Page", "ServicePage", "Helpline"]:
            with self.subTest(name):
                self.assertFalse(validator.validator(name).is_valid({}))


class TypedClient:
    """What a client generated from the document relies on: each response validated against its
    component with ``required`` and ``additionalProperties`` enforced, a page narrowed to its
    own type by the discriminator (never the looser union)."""

    def __init__(self, document):
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self.registry = Registry().with_resource("urn:nasn-api", resource)

    def validator(self, name):
        schema = {"$ref": f"urn:nasn-api#/components/schemas/{name}"}
        return jsonschema.Draft202012Validator(schema, registry=self.registry)

    def page_schema_name(self, page):
        mapping = self.document["components"]["schemas"]["Page"]["discriminator"]["mapping"]
        return mapping[page["type"]].rsplit("/", 1)[1]

    def check(self, name, instance):
        errors = [f"{error.json_path}: {error.message[:200]}" for error in self.validator(name).iter_errors(instance)]
        assert not errors, f"{name}: {errors}"

    def check_page(self, page):
        self.check(self.page_schema_name(page), page)

    def check_listing(self, name, listing):
        self.check("ListingMeta", listing["meta"])
        assert set(listing) == {"meta", "items"}, set(listing)
        for item in listing["items"]:
            if name == "Page":
                self.check_page(item)
            else:
                self.check(name, item)


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


class TypedClientTests(APITestCase):
    """Real responses read by a typed client: every page type in full, listings, snippets,
    images, documents and errors each match their own component exactly."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # The page types build_site() has no use for.
        materials = MaterialsIndexPageFactory(parent=cls.s.home, slug="posters-and-leaflets")
        MaterialPageFactory(parent=materials, slug="spot-the-signs", helplines=[cls.s.helpline])
        cls.s.home.add_child(
            instance=ReportPage(
                title="Report a concern",
                slug="report",
                intro=[("text", "<p>Who reads it.</p>")],
                thank_you="<p>Thanks.</p>",
            )
        )

    def setUp(self):
        self.client_model = TypedClient(openapi_document())

    def test_every_page_in_full_matches_its_own_type(self):
        pages = Page.objects.live().public().filter(depth__gt=1).specific()
        self.assertGreaterEqual(len({type(page) for page in pages}), len(get_page_models()) - 1)
        for page in pages:
            with self.subTest(page=page.title):
                data = self.get(f"/pages/{page.pk}/")
                self.assertEqual(data["type"], data["meta"]["type"])
                self.client_model.check_page(data)

    def test_page_listings_narrow_to_their_own_types(self):
        for query in [{}, {"fields": "*"}, {"fields": "_"}, {"fields": "_,html_url"}, {"locale": "pl"}]:
            with self.subTest(**query):
                self.client_model.check_listing("Page", self.get("/pages/", **query))
        for model in get_page_models():
            if model is Page:
                continue
            with self.subTest(model.__name__):
                listing = self.get("/pages/", type=f"{model._meta.app_label}.{model.__name__}", fields="*")
                self.client_model.check_listing("Page", listing)

    def test_fields_cannot_leave_out_what_is_required(self):
        page = self.items("/pages/", fields="_", type="directory.ServicePage")[0]
        self.assertEqual(set(page), {"id", "type", "title", "meta"})
        self.assertEqual(page["meta"], {"type": "directory.ServicePage"})
        helpline = self.items("/helplines/", fields="_")[0]
        self.assertEqual(helpline, {"id": self.s.helpline.pk, "meta": {"type": "home.Helpline"}})

    def test_snippets_images_and_documents_match(self):
        for name, endpoint in api_router._endpoints.items():
            if name in ("pages", "page_preview"):
                continue
            component = endpoint.model.__name__
            with self.subTest(name):
                listing = self.get(f"/{name}/", fields="*")
                self.assertTrue(listing["items"])
                self.client_model.check_listing(component, listing)
                self.client_model.check_listing(component, self.get(f"/{name}/"))
                self.client_model.check(component, self.get(f"/{name}/{listing['items'][0]['id']}/"))

    def test_errors_match(self):
        for path, params, status in [
            ("/pages/", {"locale": "xx"}, 400),
            ("/pages/", {"fields": "nothing"}, 400),
            ("/pages/999999/", {}, 404),
            ("/pages/", {"child_of": 999999}, 404),
            ("/pages/", {"category": "no-such-category"}, 404),
            ("/helplines/", {"order": "nothing"}, 400),
        ]:
            with self.subTest(path, **params):
                self.client_model.check("Error", self.get(path, expect=status, **params))


class ParameterExampleTests(APITestCase):
    """Every example in the document is valid for its parameter and accepted where it is."""

    def test_every_parameter_example_is_valid_and_accepted(self):
        document = openapi_document()
        checked = 0
        for path, operations in document["paths"].items():
            if "{" in path or path == "/page_preview/":
                continue
            for parameter in operations["get"]["parameters"]:
                for example_name, example in parameter.get("examples", {}).items():
                    with self.subTest(path, parameter=parameter["name"], example=example_name):
                        jsonschema.validate(example["value"], parameter["schema"])
                        self.get(path, **{parameter["name"]: example["value"]})
                        checked += 1
        self.assertGreater(checked, 30)
