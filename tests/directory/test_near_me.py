"""Search by town or postcode, without geolocation or a network geocoder."""

import logging
from decimal import Decimal

from django.test import SimpleTestCase, TestCase

from directory import geo
from directory.models import AreaKind, Place, PlaceKind, ServicePage
from tests.factories import AreaFactory, DirectoryIndexPageFactory, ServicePageFactory, home_page
from tests.utils import count_queries


class OutwardCodeTests(SimpleTestCase):
    def test_full_postcodes_are_reduced_to_the_outward_code(self):
        cases = {
            "NR2 4AB": "NR2",
            "nr2 4ab": "NR2",
            "NR24AB": "NR2",
            "  NR2   4AB ": "NR2",
            "PE30 1AA": "PE30",
            "IP24 3AB": "IP24",
            "NR2 4": "NR2",
            "NR19": "NR19",
        }
        for text, expected in cases.items():
            with self.subTest(text=text):
                self.assertEqual(geo.place_key(text), expected)
        self.assertEqual(geo.outward_code("NR24AB"), "NR2")
        self.assertEqual(geo.outward_code("nr2 4ab"), "NR2")
        self.assertEqual(geo.outward_code("PE30 1AA"), "PE30")
        self.assertEqual(geo.outward_code("NR19"), "NR19")

    def test_town_names_are_normalised(self):
        self.assertEqual(geo.place_key("  King’s   Lynn "), "king's lynn")
        self.assertEqual(geo.place_key("Wells-next-the-Sea"), "wells next the sea")
        self.assertIsNone(geo.outward_code("Dereham"))

    def test_distance_in_miles(self):
        # Norwich to Great Yarmouth is about 18 miles as the crow flies.
        miles = geo.haversine_miles(52.6309, 1.2974, 52.6083, 1.7305)
        self.assertAlmostEqual(miles, 18.2, delta=0.5)


class SeededPlacesTests(TestCase):
    def test_norfolk_towns_and_outward_codes_are_seeded(self):
        for name in ["Norwich", "Dereham", "King's Lynn", "Thetford", "Great Yarmouth", "Cromer"]:
            self.assertIsNotNone(geo.find_place(name), name)
        for number in range(1, 32):
            self.assertEqual(geo.find_place(f"NR{number}").kind, PlaceKind.OUTCODE)
        for code in [*(f"PE{n}" for n in range(30, 39)), *(f"IP{n}" for n in range(20, 27))]:
            self.assertIsNotNone(geo.find_place(code), code)
        self.assertIsNone(geo.find_place("NR32"))  # Suffolk

    def test_places_are_inside_norfolk_roughly(self):
        for place in Place.objects.all():
            self.assertTrue(52.3 < place.latitude < 53.0 and 0.2 < place.longitude < 1.8, place.name)


class NearMeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        national = AreaFactory(name="Anywhere in the UK", slug="uk", kind=AreaKind.NATIONAL)
        norfolk = AreaFactory(name="All of Norfolk", slug="norfolk", kind=AreaKind.COUNTY)

        def service(title, lat=None, lon=None, areas=(norfolk,)):
            return ServicePageFactory(parent=cls.index, title=title, latitude=lat, longitude=lon, areas=areas)

        service("Norwich centre", Decimal("52.6309"), Decimal("1.2974"))
        service("Dereham centre", Decimal("52.6814"), Decimal("0.9403"))
        service("Yarmouth centre", Decimal("52.6083"), Decimal("1.7305"))
        service("Phone line")
        service("National charity office", Decimal("51.5"), Decimal("-0.12"), areas=(national,))

    def get(self, query):
        response = self.client.get(self.index.url + query, follow=True)
        self.assertEqual(response.status_code, 200)
        return response

    def test_sorted_by_distance_from_a_town(self):
        response = self.get("?near=Dereham")
        self.assertEqual(
            [s.title for s in response.context["services"]], ["Dereham centre", "Norwich centre", "Yarmouth centre"]
        )
        self.assertEqual(
            [s.title for s in response.context["anywhere_services"]], ["National charity office", "Phone line"]
        )
        self.assertContains(response, "Available anywhere")
        self.assertContains(response, "Less than 0.1 miles away")
        self.assertNotContains(response, "0.0 miles away")
        self.assertContains(response, "Nearest to Dereham")

    def test_sorted_by_distance_from_a_postcode(self):
        response = self.client.get(self.index.url + "?near=nr30+1aa", follow=True)
        self.assertEqual([s.title for s in response.context["services"]][0], "Yarmouth centre")

    def test_full_postcode_is_never_echoed_stored_or_logged(self):
        places = Place.objects.count()
        with self.assertLogs(level=logging.DEBUG) as logs:
            logging.getLogger("tests").debug("start")
            redirect = self.client.get(self.index.url + "?near=NR30+1AA&page=2&open_now=1")
            self.assertRedirects(redirect, self.index.url + "?near=NR30&open_now=1")
            response = self.client.get(redirect.url)
        self.assertNotContains(response, "1AA")
        self.assertNotContains(response, "1aa")
        self.assertContains(response, 'value="NR30"')
        self.assertFalse(any("1AA" in line.upper() for line in logs.output))
        self.assertEqual(Place.objects.count(), places)
        self.assertFalse(ServicePage.objects.filter(search_description__icontains="1AA").exists())

    def test_unknown_place_says_so_and_lists_everything(self):
        for query in ["?near=Atlantis", "?near=ZZ9+9ZZ", "?near=" + "x" * 5000, "?near=%F0%9F%98%80"]:
            with self.subTest(query=query[:30]):
                response = self.get(query)
                self.assertContains(response, "We could not find that town or postcode")
                self.assertEqual(response.context["services"].paginator.count, 5)

    def test_junk_never_breaks_the_page(self):
        for query in ["?near=%00", "?near=NR2%00", "?near=%E2%80%AE", "?near[]=NR2", "?near=NR2&near=Diss"]:
            with self.subTest(query=query):
                self.assertEqual(self.get(query).context["services"].paginator.count >= 3, True)

    def test_empty_near_is_ignored(self):
        response = self.get("?near=+")
        self.assertNotContains(response, "We could not find that town")
        self.assertEqual(response.context["anywhere_services"], [])

    def test_combines_with_open_now_and_area(self):
        response = self.get("?near=Norwich&area=norfolk&open_now=1")
        self.assertEqual(list(response.context["services"]), [])

    def test_query_count_is_constant(self):
        url = self.index.url + "?near=NR2"
        before = count_queries(self.client, url)
        for number in range(10):
            ServicePageFactory(
                parent=self.index, title=f"Extra {number}", latitude=Decimal("52.6"), longitude=Decimal("1.2")
            )
        self.assertEqual(count_queries(self.client, url), before)


class PlaceSnippetTests(TestCase):
    def test_key_follows_the_name(self):
        place = Place.objects.create(name="Little Snoring", kind=PlaceKind.TOWN, latitude=52.86, longitude=0.91)
        self.assertEqual(place.key, "little snoring")
        self.assertEqual(geo.find_place("little  snoring"), place)
