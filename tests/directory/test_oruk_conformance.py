"""The checks of the official ORUK validator, reproduced offline over the demo site's directory.

For every endpoint of the ORUK 3.0 OpenAPI document: the response validates against the ORUK 3.0
JSON schemas (``required`` enforced, nested objects included) with no null or empty optional
field; every list follows the paging rules; each filter selects exactly what it says; every
response, errors and 304s included, carries ``Access-Control-Allow-Origin: *``. The schemas are
the project's copy (tests/data/oruk, directory/oruk/schemas; see their README).
"""

import json
import math
import re
import uuid
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from jsonschema import Draft202012Validator

from directory import geo, oruk
from directory.models import ServiceCategory, ServicePage
from tests.directory.test_oruk import SCHEMAS, assert_no_nulls, validator
from tests.factories import translate_page

BASE = "/api/openreferral/"
REQUIRED_ENDPOINTS = ["", "services", "services/{id}"]
LISTS = {  # list endpoint → the schema of its items
    "services": "compiled/service_list.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
    "service_at_locations": "compiled/service_at_location_list.json",
}
DETAILS = {  # detail endpoint → (its list, the schema of the object)
    "services/{id}": ("services", "service.json"),
    "taxonomies/{id}": ("taxonomies", "taxonomy.json"),
    "taxonomy_terms/{id}": ("taxonomy_terms", "taxonomy_term.json"),
    "service_at_locations/{id}": ("service_at_locations", "compiled/service_at_location.json"),
}
PAGING_FIELDS = ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"]
NORWICH = "NR2 1AA"


def schema_errors(name, data):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(data)]


def schema_errors_for(schema, data):
    """Errors of ``data`` against an inline schema of the OpenAPI document, every property required."""
    return list(Draft202012Validator({**schema, "required": list(schema["properties"])}).iter_errors(data))


def openapi():
    return json.loads((SCHEMAS / "openapi.json").read_text())


class OrukConformanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=StringIO())

    def setUp(self):
        self.responses = []  # every response of the test: each must carry the CORS header

    def tearDown(self):
        for method, url, response in self.responses:
            self.assertEqual(response.get("Access-Control-Allow-Origin"), "*", f"{method} {url}: no CORS header")

    def request(self, method, path, params=None, **meta):
        response = getattr(self.client, method)(BASE + path, params or {}, **meta)
        self.responses.append((method.upper(), BASE + path, response))
        return response

    def get(self, path, status=200, **params):
        response = self.request("get", path, params)
        self.assertEqual(response.status_code, status, (path, params, response.content[:300]))
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()

    def every_item(self, path, **params):
        """Every item of a list endpoint, page by page."""
        items, page = [], 1
        while True:
            data = self.get(path, page=page, per_page=10, **params)
            items += data["contents"]
            if data["last_page"]:
                return items
            page += 1

    def ids(self, path, **params):
        return [item["id"] for item in self.every_item(path, **params)]

    def test_demo_directory_is_exported(self):
        self.assertGreater(len(self.ids("services")), 20)
        self.assertGreater(len(self.ids("service_at_locations")), 10)

    def test_every_endpoint_of_the_openapi_document_is_implemented(self):
        for path in openapi()["paths"]:
            path = path.strip("/")
            with self.subTest(path=path):
                if path in DETAILS:
                    first = self.get(DETAILS[path][0], per_page=1)["contents"][0]["id"]
                    self.get(path.replace("{id}", first))
                else:
                    self.get(path)
        self.assertTrue(set(REQUIRED_ENDPOINTS) <= {path.strip("/") for path in openapi()["paths"]})

    def test_root_says_the_profile_version_and_where_its_documents_are(self):
        data = self.get("")
        schema = openapi()["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        self.assertEqual(set(data), set(schema["properties"]))
        self.assertEqual(data["version"], "HSDS-UK-3.0")
        self.assertFalse(schema_errors_for(schema, data))
        for key in ("profile", "openapi_url"):
            self.assertTrue(data[key].startswith("https://"), key)
        self.assertTrue(data["openapi_url"].endswith("/openapi.json"))

    def test_every_list_item_validates(self):
        for path, schema in LISTS.items():
            for item in self.every_item(path):
                with self.subTest(path=path, id=item["id"]):
                    self.assertEqual(schema_errors(schema, item), [])
                    assert_no_nulls(item)

    def test_every_detail_validates(self):
        for path, (list_path, schema) in DETAILS.items():
            for item_id in self.ids(list_path):
                with self.subTest(path=path, id=item_id):
                    data = self.get(path.replace("{id}", item_id))
                    self.assertEqual(data["id"], item_id)
                    self.assertEqual(schema_errors(schema, data), [])
                    assert_no_nulls(data)

    def test_schedules_say_their_time_zone(self):
        for service_id in self.ids("services"):
            for schedule in self.get(f"services/{service_id}").get("schedules", []):
                for key in ("opens_at", "closes_at"):
                    with self.subTest(service=service_id, key=key):
                        self.assertRegex(schedule[key], r"^[0-2][0-9]:[0-5][0-9](Z|[+-][01][0-9]:[0-5][0-9])$")

    def test_paging_rules(self):
        page_schema = openapi()["components"]["schemas"]["Page"]
        for path in LISTS:
            total = len(self.ids(path))
            for per_page in (1, 2, 7, 200):
                total_pages = max(1, math.ceil(total / per_page))
                seen = []
                for page in range(1, total_pages + 2):  # and one past the end
                    with self.subTest(path=path, per_page=per_page, page=page):
                        data = self.get(path, page=page, per_page=per_page)
                        self.assertEqual(list(data), PAGING_FIELDS)
                        self.assertEqual(set(data) - {"contents"}, set(page_schema["properties"]))
                        expected_size = max(0, min(per_page, total - (page - 1) * per_page))
                        self.assertEqual(
                            {key: data[key] for key in PAGING_FIELDS[:-1]},
                            {
                                "total_items": total,
                                "total_pages": total_pages,
                                "page_number": page,
                                "size": expected_size,
                                "first_page": page == 1,
                                "last_page": page >= total_pages,
                                "empty": expected_size == 0,
                            },
                        )
                        self.assertEqual(len(data["contents"]), data["size"])
                        seen += [item["id"] for item in data["contents"]]
                self.assertEqual(len(seen), total)
                self.assertEqual(len(set(seen)), total, "an item on two pages")

    def test_default_and_capped_page_sizes(self):
        data = self.get("services")
        self.assertEqual(data["size"], min(50, data["total_items"]))
        self.assertLessEqual(self.get("services", per_page=100_000)["size"], 200)

    def test_taxonomy_term_filter(self):
        for path in ("services", "service_at_locations"):
            everything = self.every_item(path)
            for category in ServiceCategory.objects.filter(locale__language_code="en"):
                term = oruk.term_id(category)
                with self.subTest(path=path, term=category.slug):
                    expected = {
                        str(key)
                        for key in ServicePage.objects.live()
                        .public()
                        .filter(categories=category)
                        .values_list("translation_key", flat=True)
                    }
                    found = self.every_item(path, taxonomy_term_id=term)
                    service_ids = {item.get("service_id", item["id"]) for item in found}
                    located = {item.get("service_id", item["id"]) for item in everything}
                    self.assertEqual(service_ids, expected & located)
            self.assertEqual(self.ids(path, taxonomy_term_id=str(uuid.uuid4())), [])

    def test_service_terms_match_the_filter(self):
        for term in self.every_item("taxonomy_terms"):
            for service_id in self.ids("services", taxonomy_term_id=term["id"]):
                attributes = self.get(f"services/{service_id}")["attributes"]
                self.assertIn(term["id"], [attribute["taxonomy_term_id"] for attribute in attributes])

    def test_taxonomy_filter(self):
        for path in ("services", "service_at_locations", "taxonomy_terms"):
            with self.subTest(path=path):
                self.assertEqual(self.ids(path, taxonomy_id=oruk.TAXONOMY_ID), self.ids(path))
                self.assertEqual(self.ids(path, taxonomy_id=str(uuid.uuid4())), [])

    def test_search_filter(self):
        services = self.every_item("services")
        for path in ("services", "service_at_locations"):
            for service in services[:8]:
                with self.subTest(path=path, name=service["name"]):
                    found = self.every_item(path, search=service["name"])
                    found_ids = {item.get("service_id", item["id"]) for item in found}
                    if path == "services" or self.get(f"services/{service['id']}").get("service_at_locations"):
                        self.assertIn(service["id"], found_ids)
            self.assertEqual(self.ids(path, search="zzqxv nothing matches this"), [])

    def test_search_reads_descriptions(self):
        # A word of a service's description that is in neither its name nor its organisation's finds it.
        checked = 0
        for service in self.every_item("services"):
            other_text = f"{service['name']} {service['organization']['name']}".lower()
            words = [w for w in re.findall(r"[a-z]{7,}", service["description"].lower()) if w not in other_text]
            if words and checked < 5:
                with self.subTest(service=service["name"], word=words[0]):
                    self.assertIn(service["id"], self.ids("services", search=words[0]))
                checked += 1
        self.assertEqual(checked, 5)

    def test_modified_after_filter(self):
        services = self.every_item("services")
        for service in services[:: max(1, len(services) // 5)]:
            with self.subTest(modified_after=service["last_modified"]):
                found = self.every_item("services", modified_after=service["last_modified"])
                self.assertIn(service["id"], [item["id"] for item in found])  # on or after
                self.assertTrue(all(item["last_modified"] >= service["last_modified"] for item in found))
                earlier = [s["id"] for s in services if s["last_modified"] >= service["last_modified"]]
                self.assertEqual(sorted(item["id"] for item in found), sorted(earlier))

    def test_postcode_and_proximity_filters(self):
        everything = self.every_item("service_at_locations", postcode=NORWICH)
        distances = [item["proximity"] for item in everything]
        self.assertEqual(distances, sorted(distances))  # nearest first
        self.assertEqual(len(everything), len(self.ids("service_at_locations")))
        for metres in (1000, 5000, 20_000, 100_000):
            with self.subTest(proximity=metres):
                within = self.every_item("service_at_locations", postcode=NORWICH, proximity=str(metres))
                self.assertTrue(all(item["proximity"] <= metres for item in within))
                self.assertEqual(len(within), sum(1 for distance in distances if distance <= metres))
        self.assertLess(len(self.ids("service_at_locations", postcode=NORWICH, proximity="5000")), len(everything))

    def test_proximity_is_metres_from_the_postcode(self):
        place = geo.find_place(geo.outward_code(NORWICH))
        for item in self.every_item("service_at_locations", postcode=NORWICH)[:5]:
            location = item["location"]
            miles = geo.haversine_miles(place.latitude, place.longitude, location["latitude"], location["longitude"])
            self.assertAlmostEqual(item["proximity"], miles * geo.METRES_PER_MILE, delta=1)

    def test_locale_falls_back_to_english_per_item(self):
        if not ServicePage.objects.filter(locale__language_code="pl").exists():  # the demo translates no service
            service = ServicePage.objects.live().filter(locale__language_code="en").order_by("title").first()
            for ancestor in service.get_ancestors().filter(depth__gt=1).specific():
                if not ancestor.get_translations().filter(locale__language_code="pl").exists():
                    translate_page(ancestor, "pl")
            translate_page(service, "pl", title="Usługa po polsku")
        english = self.every_item("services")
        polish = self.every_item("services", locale="pl")
        self.assertEqual(sorted(s["id"] for s in polish), sorted(s["id"] for s in english))
        translated = ServicePage.objects.live().public().filter(locale__language_code="pl")
        polish_names = {str(page.translation_key): page.title for page in translated}
        self.assertTrue(polish_names, "the demo has Polish services")
        for service in polish:
            with self.subTest(id=service["id"]):
                english_name = next(s["name"] for s in english if s["id"] == service["id"])
                self.assertEqual(service["name"], polish_names.get(service["id"], english_name))
                self.assertEqual(schema_errors("compiled/service_list.json", service), [])

    def test_errors_are_json_with_cors(self):
        for path, params, status in [
            ("services", {"page": "x"}, 400),
            ("services", {"per_page": "0"}, 400),
            ("services", {"modified_after": "soon"}, 400),
            ("services", {"taxonomy_term_id": "x"}, 400),
            ("services", {"locale": "xx"}, 400),
            ("services", {"search": "word " * 150}, 400),
            ("service_at_locations", {"postcode": NORWICH, "proximity": "near"}, 400),
            (f"services/{uuid.uuid4()}", {}, 404),
            ("services/not-an-id", {}, 404),
            ("organizations", {}, 404),
        ]:
            with self.subTest(path=path, params=params):
                data = self.get(path, status=status, **params)
                self.assertEqual(data["status"], status)
                self.assertTrue(data["message"])

    def test_only_get_and_head_read_the_feed(self):
        self.assertEqual(self.request("head", "services").status_code, 200)
        for method in ("post", "put", "patch", "delete"):
            for path in ("", "services", "taxonomies"):
                with self.subTest(method=method, path=path):
                    response = self.request(method, path)
                    self.assertEqual(response.status_code, 405)
                    self.assertEqual(response.json()["status"], 405)
        preflight = self.request(
            "options", "services", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
        )
        self.assertEqual(preflight.status_code, 200)
        self.assertIn("GET", preflight["Access-Control-Allow-Methods"])

    def test_revalidation(self):
        for path in ["", *LISTS, f"services/{self.ids('services')[0]}"]:
            with self.subTest(path=path):
                first = self.request("get", path)
                self.assertIn("max-age", first["Cache-Control"])
                again = self.request("get", path, HTTP_IF_NONE_MATCH=first["ETag"])
                self.assertEqual(again.status_code, 304)
