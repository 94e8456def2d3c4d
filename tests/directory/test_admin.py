import datetime

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directory.models import Area, DirectoryIndexPage, Language, Organisation, ServiceCategory, ServicePage
from tests.factories import (
    AreaFactory,
    DirectoryIndexPageFactory,
    LanguageFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    home_page,
)
from tests.utils import AdminTestCase, second_home_page


class DirectoryAdminViewTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        cls.category = ServiceCategoryFactory()
        cls.area = AreaFactory()
        cls.language = LanguageFactory(code="pl", name="Polish", native_name="Polski")
        cls.organisation = OrganisationFactory()
        cls.service = ServicePageFactory(
            parent=cls.index,
            organisation=cls.organisation,
            categories=[cls.category],
            areas=[cls.area],
            languages=[cls.language],
        )

    def test_directory_index_add_view_loads(self):
        response = self.client.get(self.add_url(DirectoryIndexPage, second_home_page()))

        self.assertEqual(response.status_code, 200)

    def test_directory_index_edit_view_loads(self):
        response = self.client.get(self.edit_url(self.index))

        self.assertEqual(response.status_code, 200)

    def test_service_add_view_loads(self):
        response = self.client.get(self.add_url(ServicePage, self.index))

        self.assertEqual(response.status_code, 200)

    def test_service_edit_view_loads(self):
        response = self.client.get(self.edit_url(self.service))

        self.assertEqual(response.status_code, 200)

    def test_snippet_add_views_load(self):
        for model in (ServiceCategory, Area, Organisation):
            with self.subTest(model=model.__name__):
                response = self.client.get(self.snippet_add_url(model))

                self.assertEqual(response.status_code, 200)

    def test_language_add_view_loads(self):
        # Languages are not translatable: the add view takes no locale.
        response = self.client.get(self.snippet_add_url(Language, locale=None))

        self.assertEqual(response.status_code, 200)

    def test_snippet_edit_views_load(self):
        for obj in (self.category, self.area, self.language, self.organisation):
            with self.subTest(model=type(obj).__name__):
                response = self.client.get(self.snippet_edit_url(obj))

                self.assertEqual(response.status_code, 200)

    def test_service_form_offers_only_english_categories_and_areas(self):
        polish = Locale.objects.get(language_code="pl")
        for obj in (self.category, self.area):
            obj.copy_for_translation(polish).save()

        response = self.client.get(self.add_url(ServicePage, self.index))

        fields = response.context["form"].fields
        self.assertEqual(list(fields["categories"].queryset), [self.category])
        self.assertEqual(list(fields["areas"].queryset), [self.area])


class DirectoryAdminCreateTests(AdminTestCase):
    def test_service_published_from_the_add_form_is_served_at_its_url(self):
        index = DirectoryIndexPageFactory(parent=home_page(), slug="find-support")
        category = ServiceCategoryFactory(name="Legal advice")
        area = AreaFactory(name="Norwich", gss_code="E07000148")
        language = LanguageFactory(code="pl", name="Polish", native_name="Polski")
        data = nested_form_data(
            {
                "title": "Drop-in legal clinic",
                "slug": "legal-clinic",
                "summary": "Free immigration and employment advice.",
                "status": "active",
                "description": rich_text("<p>Advice from solicitors, in confidence.</p>"),
                "town": "Norwich",
                "postcode": "NR1 1AA",
                "phone": "01603 123456",
                "access": "self",
                "cost": "free",
                "last_verified": "2026-01-15",
                "opening_hours": inline_formset([{"weekday": "0", "opens": "09:00", "closes": "17:00"}]),
            }
        )
        data.update(categories=[str(category.pk)], areas=[str(area.pk)], languages=[str(language.pk)])

        page = self.create_through_admin(ServicePage, index, data)

        self.assertTrue(page.live)
        self.assertEqual(list(page.categories.all()), [category])
        self.assertEqual(list(page.areas.all()), [area])
        self.assertEqual(list(page.languages.all()), [language])
        self.assertEqual(str(page.opening_hours.get()), "Monday 09:00–17:00")
        self.assertEqual(page.last_verified, datetime.date(2026, 1, 15))
        self.assertEqual(page.url, "/en/find-support/legal-clinic/")
        response = self.client.get(page.url)
        self.assertContains(response, "Advice from solicitors, in confidence.")
        self.assertContains(response, 'href="tel:+441603123456"')
