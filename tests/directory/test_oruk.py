"""The Open Referral UK 3.0 API at /api/openreferral/, validated against the ORUK schemas."""

import datetime
import json
import uuid
from decimal import Decimal
from functools import cache
from pathlib import Path
from unittest import mock

from django.test import TestCase
from django.utils import timezone
from jsonschema import Draft202012Validator

from directory import oruk
from directory.models import AreaKind, OpeningHours, ServicePage
from directory.oruk import serializers, validation
from tests.factories import (
    AreaFactory,
    DirectoryIndexPageFactory,
    LanguageFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    home_page,
    make_private,
    translate_page,
    translate_snippet,
)
from tests.utils import count_queries

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "oruk"
BASE = "/api/openreferral/"


def inline_refs(node):
    if isinstance(node, dict):
        if set(node) == {"$ref"} and not node["$ref"].startswith("#"):
            return inline_refs(json.loads((SCHEMAS / node["$ref"]).read_text()))
        return {key: inline_refs(value) for key, value in node.items()}
    if isinstance(node, list):
        return [inline_refs(value) for value in node]
    return node


@cache
def validator(name):
    if name == "service.json":  # the one the import uses, kept with the directory app
        return validation.validator()
    schema = inline_refs(json.loads((SCHEMAS / name).read_text()))
    return Draft202012Validator(schema, format_checker=validation.format_checker)


@cache
def page_validator():
    page = json.loads((SCHEMAS / "openapi.json").read_text())["components"]["schemas"]["Page"]
    return Draft202012Validator(
        {**page, "required": [*page["properties"]], "properties": {**page["properties"], "contents": {"type": "array"}}}
    )


def assert_valid(name, data):
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(data)]
    assert not errors, errors


def assert_no_nulls(data, path="$"):
    if isinstance(data, dict):
        for key, value in data.items():
            assert value is not None and value != "" and value != [], f"{path}.{key} is empty"
            assert_no_nulls(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            assert_no_nulls(value, f"{path}[{index}]")


class OrukApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        cls.legal = ServiceCategoryFactory(name="Legal advice", slug="legal-advice", description="Advice on the law")
        cls.housing = ServiceCategoryFactory(name="Safe housing", slug="safe-housing")
        norwich = AreaFactory(name="Norwich", slug="norwich", gss_code="E07000148")
        cls.national = AreaFactory(name="Anywhere in the UK", slug="uk", kind=AreaKind.NATIONAL)
        polish = LanguageFactory(code="pl", name="Polish", native_name="Polski")
        cls.org = OrganisationFactory(name="Norfolk Law Centre", description="A law centre", email="a@example.org")
        cls.clinic = ServicePageFactory(
            parent=cls.index,
            title="Legal clinic",
            organisation=cls.org,
            categories=[cls.legal],
            areas=[norwich],
            languages=[polish],
            phone="01603 123456",
            email="clinic@example.org",
            address_line_1="1 Elm Hill",
            town="Norwich",
            postcode="NR3 1HN",
            latitude=Decimal("52.6309"),
            longitude=Decimal("1.2974"),
            interpreters_available=True,
        )
        OpeningHours.objects.create(service=cls.clinic, weekday=4, opens=datetime.time(20), closes=datetime.time(2))
        cls.helpline = ServicePageFactory(
            parent=cls.index, title="Helpline", categories=[cls.housing], areas=[cls.national], open_24_7=True
        )
        ServicePageFactory(parent=cls.index, title="Draft service", categories=[cls.legal], live=False)
        make_private(ServicePageFactory(parent=cls.index, title="Private service", categories=[cls.legal]))

    def get(self, path, status=200, **params):
        response = self.client.get(BASE + path, params)
        self.assertEqual(response.status_code, status, response.content[:500])
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        return response.json()

    def assert_page(self, data, item_schema):
        self.assertTrue(page_validator().is_valid(data), data)
        for item in data["contents"]:
            assert_valid(item_schema, item)
        assert_no_nulls(data["contents"])

    def test_root(self):
        data = self.get("")
        self.assertEqual(data["version"], "HSDS-UK-3.0")  # what the official validator reads
        self.assertEqual(data["profile"], "https://open-referral-uk-profile.readthedocs.io/en/latest/")
        self.assertEqual(data["openapi_url"], "https://openreferraluk.org/specifications/3.0/openapi.json")

    def test_services_list(self):
        data = self.get("services")
        self.assert_page(data, "compiled/service_list.json")
        self.assertEqual([s["name"] for s in data["contents"]], ["Helpline", "Legal clinic"])
        self.assertEqual(data["total_items"], 2)
        self.assertTrue(data["first_page"] and data["last_page"])
        self.assertFalse(data["empty"])
        clinic = data["contents"][1]
        self.assertEqual(clinic["id"], str(self.clinic.translation_key))
        self.assertEqual(clinic["organization_id"], str(self.org.translation_key))
        self.assertEqual(clinic["organization"]["name"], "Norfolk Law Centre")

    def test_service_detail_is_fully_nested_and_valid(self):
        data = self.get(f"services/{self.clinic.translation_key}")
        assert_valid("service.json", data)
        assert_no_nulls(data)
        self.assertEqual(data["organization"]["id"], str(self.org.translation_key))
        location = data["service_at_locations"][0]["location"]
        self.assertEqual(location["addresses"][0]["postal_code"], "NR3 1HN")
        self.assertEqual(location["latitude"], 52.6309)
        self.assertEqual(data["phones"][0]["number"], "01603 123456")
        self.assertEqual(data["schedules"][0]["byday"], "FR")
        zone = serializers.utc_offset()
        self.assertEqual(
            (data["schedules"][0]["opens_at"], data["schedules"][0]["closes_at"]), (f"20:00{zone}", f"02:00{zone}")
        )
        self.assertEqual([lang["code"] for lang in data["languages"]], ["pl"])
        self.assertEqual(data["service_areas"][0]["name"], "Norwich")
        self.assertEqual(data["attributes"][0]["taxonomy_term"]["name"], "Legal advice")
        self.assertEqual(data["interpretation_services"], "Interpreters available")

    def test_24_7_service_without_location(self):
        data = self.get(f"services/{self.helpline.translation_key}")
        assert_valid("service.json", data)
        self.assertNotIn("service_at_locations", data)
        self.assertEqual(data["schedules"][0]["byday"], "MO,TU,WE,TH,FR,SA,SU")
        self.assertEqual(data["organization_id"], data["organization"]["id"])

    def test_ids_are_stable(self):
        first = self.get(f"services/{self.clinic.translation_key}")
        self.assertEqual(first, self.get(f"services/{self.clinic.translation_key}"))
        self.assertEqual(first["phones"][0]["id"], oruk.uid("phone", self.clinic.translation_key))

    def test_drafts_and_private_services_are_never_exported(self):
        names = [s["name"] for s in self.get("services", per_page=100)["contents"]]
        self.assertNotIn("Draft service", names)
        self.assertNotIn("Private service", names)
        self.assertNotIn("Draft service", json.dumps(self.get("service_at_locations")))

    def test_unknown_and_malformed_ids_are_404_json(self):
        for service_id in [uuid.uuid4(), "not-a-uuid", "%00"]:
            data = self.get(f"services/{service_id}", status=404)
            self.assertEqual(data["status"], 404)
        self.get(f"taxonomies/{uuid.uuid4()}", status=404)
        self.get(f"taxonomy_terms/{uuid.uuid4()}", status=404)
        self.get(f"service_at_locations/{uuid.uuid4()}", status=404)

    def test_bad_params_are_400_json(self):
        for params in [
            {"page": "abc"},
            {"page": "0"},
            {"per_page": "-1"},
            {"per_page": "9" * 20},
            {"modified_after": "yesterday"},
            {"modified_after": "2026-13-45"},
            {"taxonomy_term_id": "nope"},
            {"locale": "xx"},
            {"taxonomy_term_id": str(uuid.uuid4()), "modified_after": "soon"},  # checked whatever else selects
            {"taxonomy_id": str(uuid.uuid4()), "search": "x" * 501},
        ]:
            with self.subTest(params=params):
                self.assertEqual(self.get("services", status=400, **params)["status"], 400)
        self.get("service_at_locations", status=400, postcode="ZZ9 9ZZ")

    def test_bad_params_name_the_problem(self):
        self.assertEqual(self.get("services", status=400, page="x")["message"], "page must be a positive whole number.")
        self.assertEqual(self.get("services", status=400, search="a\x00")["message"], "null characters are not allowed")
        self.assertIn("unknown locale 'xx'", self.get("services", status=400, locale="xx")["message"])
        self.assertEqual(self.get("service_at_locations", status=400, postcode="ZZ9")["message"], "Unknown postcode.")

    def test_other_methods_are_json_405_with_cors(self):
        client = self.client_class(enforce_csrf_checks=True)  # as a browser's POST: no CSRF page
        for method in ("post", "put", "patch", "delete"):
            for path in ("services", f"services/{self.clinic.translation_key}", ""):
                with self.subTest(method=method, path=path):
                    response = getattr(client, method)(BASE + path)
                    self.assertEqual(response.status_code, 405)
                    self.assertEqual(response["Content-Type"], "application/json")
                    self.assertEqual(response["Access-Control-Allow-Origin"], "*")
                    self.assertEqual(response.json()["status"], 405)
                    self.assertIn("GET", response["Allow"])

    def test_options_preflight(self):
        response = self.client.options(
            BASE + "services",
            headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        self.assertIn("GET", response["Access-Control-Allow-Methods"])
        self.assertIn("If-None-Match", response["Access-Control-Allow-Headers"])

    def test_etag_cache_control_and_304(self):
        response = self.client.get(BASE + "services")
        self.assertIn("public", response["Cache-Control"])
        self.assertIn("max-age=", response["Cache-Control"])
        etag = response["ETag"]
        again = self.client.get(BASE + "services", headers={"If-None-Match": etag})
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again["Access-Control-Allow-Origin"], "*")
        self.assertEqual(again["ETag"], etag)
        self.assertNotEqual(self.client.get(BASE + "services", {"page": 1})["ETag"], etag)  # per URL

    def test_etag_follows_the_london_offset(self):
        # Schedules say today's UTC offset: at the BST/GMT change the ETag changes too.
        summer = datetime.datetime(2026, 7, 1, 12, tzinfo=datetime.UTC)
        winter = datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC)
        self.assertEqual((serializers.utc_offset(summer), serializers.utc_offset(winter)), ("+01:00", "Z"))
        with mock.patch("directory.oruk_urls.utc_offset", return_value="+01:00"):
            summer_etag = self.client.get(BASE + "services")["ETag"]
        with mock.patch("directory.oruk_urls.utc_offset", return_value="Z"):
            self.assertNotEqual(self.client.get(BASE + "services")["ETag"], summer_etag)

    def test_unknown_endpoint_is_json_404_with_cors(self):
        data = self.get("organizations/nope", status=404)
        self.assertEqual(data["status"], 404)

    def test_paging(self):
        data = self.get("services", per_page=1, page=2)
        self.assert_page(data, "compiled/service_list.json")
        self.assertEqual((data["total_pages"], data["page_number"], data["size"]), (2, 2, 1))
        self.assertFalse(data["first_page"])
        self.assertTrue(data["last_page"])
        beyond = self.get("services", page=5)
        self.assertEqual(beyond["contents"], [])
        self.assertEqual(
            {key: beyond[key] for key in ("total_items", "total_pages", "size", "first_page", "last_page", "empty")},
            {"total_items": 2, "total_pages": 1, "size": 0, "first_page": False, "last_page": True, "empty": True},
        )

    def test_search(self):
        self.assertEqual([s["name"] for s in self.get("services", search="clinic")["contents"]], ["Legal clinic"])
        self.assertEqual([s["name"] for s in self.get("services", search="law centre")["contents"]], ["Legal clinic"])

    def test_search_is_full_text_over_the_site_search_fields(self):
        # The description and who it is for, as the site search (ServicePage.search_fields).
        ServicePageFactory(
            parent=self.index,
            title="Drop-in",
            description="<p>Confidential help with wage theft.</p>",
            who_for="Fishermen",
            categories=[self.housing],
        )
        for words in ("wage theft", "fishermen"):
            with self.subTest(words=words):
                self.assertIn("Drop-in", [s["name"] for s in self.get("services", search=words)["contents"]])
        self.assertTrue(self.get("services", search="wage nothing-like-this")["empty"])

    def test_awkward_searches_are_harmless(self):
        for search in ["!!!", '"', "'", "*", "-", "(", "AND", "OR NOT", "NEAR(a b)", "%", "\\", "clinic*", "   "]:
            with self.subTest(search=search):
                self.get("services", search=search)
                self.get("service_at_locations", search=search)

    def test_overlong_search_is_400_json(self):
        for search in [" ".join(["word"] * 150), "x" * 10_000]:
            for path in ("services", "service_at_locations"):
                with self.subTest(path=path, length=len(search)):
                    message = self.get(path, status=400, search=search)["message"]
                    self.assertEqual(message, "search is too long: at most 100 words and 500 characters.")
        self.assertEqual(self.get("services", search=" ".join(["word"] * 100))["total_items"], 0)

    def test_taxonomy_filter(self):
        term = oruk.term_id(self.housing)
        self.assertEqual([s["name"] for s in self.get("services", taxonomy_term_id=term)["contents"]], ["Helpline"])
        self.assertTrue(self.get("services", taxonomy_term_id=str(uuid.uuid4()))["empty"])

    def test_modified_after(self):
        ServicePage.objects.update(last_published_at=timezone.now())
        self.assertEqual(self.get("services", modified_after="2000-01-01")["total_items"], 2)
        # On or after: a client passing back an item's last_modified gets that item again.
        last_modified = self.get(f"services/{self.clinic.translation_key}")["last_modified"]
        self.assertEqual(self.get("services", modified_after=last_modified)["total_items"], 2)
        future = (timezone.now() + datetime.timedelta(days=1)).isoformat()
        self.assertEqual(self.get("services", modified_after=future)["total_items"], 0)

    def test_taxonomies_and_terms(self):
        taxonomies = self.get("taxonomies")
        self.assert_page(taxonomies, "taxonomy.json")
        self.assertEqual(self.get(f"taxonomies/{oruk.TAXONOMY_ID}")["id"], oruk.TAXONOMY_ID)
        terms = self.get("taxonomy_terms")
        self.assert_page(terms, "taxonomy_term.json")
        self.assertEqual({t["name"] for t in terms["contents"]}, {"Legal advice", "Safe housing"})
        term = self.get(f"taxonomy_terms/{oruk.term_id(self.legal)}")
        assert_valid("taxonomy_term.json", term)
        self.assertEqual(term["description"], "Advice on the law")

    def test_service_at_locations_within_proximity(self):
        ServicePageFactory(  # Cromer, about 32 km from Norwich
            parent=self.index,
            title="Coast clinic",
            categories=[self.housing],
            latitude=Decimal("52.9311"),
            longitude=Decimal("1.3016"),
        )
        near = self.get("service_at_locations", postcode="NR3 1HN", proximity="5000")
        self.assertEqual([item["location"]["name"] for item in near["contents"]], ["Legal clinic"])
        self.assertLessEqual(near["contents"][0]["proximity"], 5000)
        both = self.get("service_at_locations", postcode="NR3 1HN", proximity="50000")
        self.assertEqual([item["location"]["name"] for item in both["contents"]], ["Legal clinic", "Coast clinic"])
        for value in ("-1", "0", "far", "nan", "inf"):
            with self.subTest(proximity=value):
                self.get("service_at_locations", status=400, postcode="NR3 1HN", proximity=value)
        self.get("service_at_locations", status=400, proximity="5000")  # from where?

    def test_service_at_locations_filters_like_services(self):
        ServicePageFactory(
            parent=self.index,
            title="Shelter",
            categories=[self.housing],
            latitude=Decimal("52.6"),
            longitude=Decimal("1.3"),
        )
        names = lambda **params: [i["location"]["name"] for i in self.get("service_at_locations", **params)["contents"]]  # noqa: E731
        self.assertEqual(names(taxonomy_term_id=oruk.term_id(self.housing)), ["Shelter"])
        self.assertEqual(names(taxonomy_term_id=oruk.term_id(self.legal)), ["Legal clinic"])
        self.assertEqual(names(taxonomy_id=oruk.TAXONOMY_ID), ["Legal clinic", "Shelter"])
        self.assertEqual(names(taxonomy_id=str(uuid.uuid4())), [])
        self.assertEqual(names(search="law centre"), ["Legal clinic"])

    def test_service_at_locations_with_proximity(self):
        data = self.get("service_at_locations", postcode="NR30 1AA")
        self.assert_page(data, "compiled/service_at_location_list.json")
        self.assertEqual(len(data["contents"]), 1)
        self.assertAlmostEqual(data["contents"][0]["proximity"], 29_300, delta=1500)  # Yarmouth → Norwich
        detail = self.get(f"service_at_locations/{data['contents'][0]['id']}")
        assert_valid("compiled/service_at_location.json", detail)

    def test_locale(self):
        translate_snippet(self.org, "pl", description="Centrum prawne")
        translate_page(home_page(), "pl")
        translate_page(self.index, "pl")
        translate_page(self.clinic, "pl", title="Klinika prawna")
        data = self.get("services", locale="pl")
        # The Polish translation where there is one, else English (home/localization.py's rule).
        self.assertEqual([s["name"] for s in data["contents"]], ["Helpline", "Klinika prawna"])
        self.assertEqual(data["contents"][1]["id"], str(self.clinic.translation_key))
        self.assertEqual(data["contents"][1]["organization"]["description"], "Centrum prawne")
        self.assertEqual(self.client.get(BASE + "services", {"locale": "pl"})["Content-Language"], "pl, en")
        self.assertEqual(
            self.client.get(BASE + "services", {"locale": "pl", "search": "klinika"})["Content-Language"], "pl"
        )
        helpline = self.client.get(BASE + f"services/{self.helpline.translation_key}", {"locale": "pl"})
        self.assertEqual((helpline.json()["name"], helpline["Content-Language"]), ("Helpline", "en"))
        self.assertEqual(self.get(f"services/{self.clinic.translation_key}", locale="pl")["name"], "Klinika prawna")
        self.assert_page(data, "compiled/service_list.json")

    def test_services_query_count_is_constant(self):
        before = count_queries(self.client, BASE + "services")
        for number in range(10):
            ServicePageFactory(
                parent=self.index, title=f"Extra {number}", organisation=OrganisationFactory(), categories=[self.legal]
            )
        self.assertEqual(count_queries(self.client, BASE + "services"), before)
