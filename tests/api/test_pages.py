"""/api/v2/pages/: each page type's fields, rich text, localised references and translations."""

from tests.api.content import APITestCase


class PageTypeFieldsTests(APITestCase):
    def test_listing_shows_live_pages_with_their_locale(self):
        items = self.items("/pages/", limit=100)
        by_id = {item["id"]: item for item in items}
        self.assertEqual(by_id[self.s.advice.pk]["meta"]["locale"], "en")
        self.assertEqual(by_id[self.s.advice_pl.pk]["meta"]["locale"], "pl")
        self.assertEqual(by_id[self.s.advice_pl.pk]["meta"]["type"], "advice.AdvicePage")

    def test_home_page_links_to_live_advice_and_the_directory(self):
        page = self.get(f"/pages/{self.s.home.pk}/")
        self.assertEqual([link["id"] for link in page["featured_advice"]], [self.s.advice.pk, self.s.rights_advice.pk])
        self.assertEqual(page["featured_advice"][0]["title"], "Signs of labour exploitation")
        self.assertEqual(page["directory_page"]["id"], self.s.directory.pk)
        self.assertEqual(page["directory_page"]["meta"]["html_url"], "/en/find-support/")

    def test_polish_home_page_links_to_polish_versions_where_they_exist(self):
        page = self.get(f"/pages/{self.s.home_pl.pk}/")
        # The Polish home page was copied before its links were set: it has none of its own.
        self.assertEqual(page["featured_advice"], [])
        self.assertEqual(page["meta"]["locale"], "pl")

    def test_standard_page_body_is_structured_json_with_html_rich_text(self):
        body = self.get(f"/pages/{self.s.about.pk}/")["body"]
        blocks = {block["type"]: block["value"] for block in body}
        self.assertEqual(blocks["heading"], {"text": "Who we are", "level": "h2"})
        self.assertEqual(
            blocks["text"],
            '<p>Read <a href="/en/advice/signs-of-labour-exploitation/" '
            f'data-page-id="{self.s.advice.pk}">the signs</a>.</p>',
        )
        self.assertEqual(blocks["callout"]["text"], "<p>Call 999.</p>")
        self.assertEqual(
            blocks["faq"]["items"][0]["answer"], f'<p>Yes. <a href="{self.s.document.url}">Leaflet</a></p>'
        )
        self.assertEqual(blocks["signs"]["signs"], ["Documents held by someone else"])
        self.assertEqual(blocks["quote"], {"quote": "There is help.", "attribution": ""})
        self.assertTrue(all(isinstance(block["id"], str) for block in body))

    def test_body_images_are_renditions_with_alt_text(self):
        body = self.get(f"/pages/{self.s.about.pk}/")["body"]
        image = next(block["value"] for block in body if block["type"] == "image")
        self.assertEqual(image["alt"], "A harbour at dawn")
        self.assertRegex(image["url"], r"^/media/images/.+\.width-1200\.format-webp\.webp$")
        self.assertEqual(image["id"], self.s.image.pk)

    def test_body_helpline_and_document_blocks(self):
        body = {block["type"]: block["value"] for block in self.get(f"/pages/{self.s.about.pk}/")["body"]}
        self.assertEqual(body["helpline"]["tel"], "tel:+448000121700")
        self.assertEqual(body["helpline"]["name"], "Modern Slavery & Exploitation Helpline")
        self.assertEqual(body["document"]["title"], "Spot the signs leaflet")
        self.assertEqual(body["document"]["file_extension"], "pdf")

    def test_polish_body_links_to_polish_pages_and_shows_polish_helplines(self):
        body = {block["type"]: block["value"] for block in self.get(f"/pages/{self.s.about_pl.pk}/")["body"]}
        self.assertEqual(
            body["text"],
            '<p>Read <a href="/pl/advice/signs-of-labour-exploitation/" '
            f'data-page-id="{self.s.advice_pl.pk}">the signs</a>.</p>',
        )
        self.assertEqual(body["helpline"]["name"], "Infolinia ds. współczesnego niewolnictwa")

    def test_advice_page_fields(self):
        page = self.get(f"/pages/{self.s.advice.pk}/")
        self.assertEqual(page["audience"], "public")
        self.assertEqual(page["last_reviewed"], "2026-01-15")
        self.assertEqual(page["summary"], "Summary of Signs of labour exploitation.")
        self.assertEqual(
            [(t["name"], t["slug"], t["meta"]["locale"]) for t in page["topics"]],
            [("Spot the signs", "spot-the-signs", "en")],
        )

    def test_advice_related_services_leave_out_drafts(self):
        related = self.get(f"/pages/{self.s.advice.pk}/")["related_services"]
        self.assertEqual([service["title"] for service in related], ["Immigration legal help", "Safe house"])
        self.assertEqual(related[0]["meta"]["type"], "directory.ServicePage")
        self.assertEqual(related[0]["summary"], "Free advice on immigration status.")

    def test_polish_advice_shows_polish_topics_and_services_with_english_fallback(self):
        page = self.get(f"/pages/{self.s.advice_pl.pk}/")
        self.assertEqual([(t["name"], t["meta"]["locale"]) for t in page["topics"]], [("Rozpoznaj sygnały", "pl")])
        self.assertEqual(
            [(s["title"], s["meta"]["locale"]) for s in page["related_services"]],
            [("Pomoc prawna", "pl"), ("Safe house", "en")],
        )

    def test_service_page_directory_fields(self):
        page = self.get(f"/pages/{self.s.legal_service.pk}/")
        self.assertEqual(page["organisation"]["name"], "Norfolk Law Centre")
        self.assertEqual([c["slug"] for c in page["categories"]], ["legal-advice"])
        self.assertEqual([(a["slug"], a["gss_code"]) for a in page["areas"]], [("norwich", "E07000148")])
        self.assertEqual([(lang["code"], lang["native_name"]) for lang in page["languages"]], [("pl", "Polski")])
        self.assertEqual(
            [(h["weekday"], h["opens"], h["closes"]) for h in page["opening_hours"]], [(0, "09:00:00", "17:00:00")]
        )
        self.assertEqual((page["status"], page["access"], page["cost"]), ("active", "self", "free"))
        self.assertEqual((page["latitude"], page["longitude"]), ("52.630000", "1.297000"))
        self.assertEqual(page["last_verified"], "2026-01-15")

    def test_service_description_is_html_with_resolved_links(self):
        page = self.get(f"/pages/{self.s.legal_service.pk}/")
        self.assertEqual(
            page["description"],
            '<p>Advice. Read <a href="/en/advice/signs-of-labour-exploitation/" '
            f'data-page-id="{self.s.advice.pk}">the signs</a>.</p>',
        )

    def test_polish_service_shows_translated_snippets_falling_back_to_english(self):
        page = self.get(f"/pages/{self.s.legal_service_pl.pk}/")
        self.assertEqual([(c["name"], c["meta"]["locale"]) for c in page["categories"]], [("Porady prawne", "pl")])
        self.assertEqual([(a["name"], a["meta"]["locale"]) for a in page["areas"]], [("Norwich", "en")])
        self.assertEqual(page["organisation"]["description"], "Bezpłatne porady prawne.")
        self.assertEqual(page["organisation"]["id"], self.s.organisation_pl.pk)
        self.assertIn('href="/pl/advice/signs-of-labour-exploitation/"', page["description"])

    def test_news_page_fields(self):
        page = self.get(f"/pages/{self.s.news.pk}/")
        self.assertEqual(page["date"], "2026-01-15")
        self.assertEqual(page["tags"], ["events", "partners"])
        self.assertEqual(page["image"]["id"], self.s.image.pk)
        self.assertRegex(page["image"]["rendition"]["url"], r"\.max-1200x1200\.format-webp\.webp$")
        self.assertNotIn("download_url", page["image"]["meta"])
        self.assertEqual(page["image_listing"]["alt"], "Harbour at dawn")
        self.assertRegex(page["image_listing"]["url"], r"\.fill-640x360\.format-webp\.webp$")
        self.assertRegex(page["image_hero"]["url"], r"\.width-1200\.format-webp\.webp$")

    def test_index_pages_have_their_introduction(self):
        for index in (self.s.advice_index, self.s.news_index, self.s.directory):
            with self.subTest(index=index.title):
                self.assertIn("introduction", self.get(f"/pages/{index.pk}/"))

    def test_listing_with_a_type_offers_its_fields(self):
        items = self.items("/pages/", type="advice.AdvicePage", fields="summary,topics,last_reviewed", locale="en")
        self.assertEqual([item["title"] for item in items], ["Signs of labour exploitation", "Your rights at work"])
        self.assertEqual(items[0]["topics"][0]["slug"], "spot-the-signs")

    def test_fields_underscore_gives_only_the_named_fields(self):
        items = self.items("/pages/", type="news.NewsPage", fields="_,date")
        # What a typed client relies on stays: id, type, title and meta.type.
        self.assertEqual(
            items,
            [
                {
                    "id": self.s.news.pk,
                    "type": "news.NewsPage",
                    "title": "Network meeting",
                    "meta": {"type": "news.NewsPage"},
                    "date": self.s.news.date.isoformat(),
                }
            ],
        )

    def test_the_total_is_the_same_on_every_page_full_short_or_past_the_end(self):
        total = self.get("/pages/", type="directory.ServicePage")["meta"]["total_count"]
        self.assertEqual(total, 4)
        for limit, offset in [(2, 0), (3, 1), (3, 2), (4, 0), (10, 0), (10, 3), (2, 4), (2, 9), (0, 0)]:
            with self.subTest(limit=limit, offset=offset):
                data = self.get("/pages/", type="directory.ServicePage", limit=limit, offset=offset)
                self.assertEqual(data["meta"]["total_count"], total)
                self.assertEqual(len(data["items"]), max(0, min(limit, total - offset)))

    def test_random_order_pages_with_an_offset(self):
        data = self.get("/pages/", type="directory.ServicePage", order="random", offset=1)
        self.assertEqual((data["meta"]["total_count"], len(data["items"])), (4, 3))

    def test_order_and_pagination(self):
        data = self.get("/pages/", type="directory.ServicePage", locale="en", order="-title", limit=2, offset=1)
        self.assertEqual(data["meta"]["total_count"], 3)
        self.assertEqual(
            [item["title"] for item in data["items"]], ["Immigration legal help", "Breckland legal clinic"]
        )

    def test_filter_by_a_plain_field(self):
        self.assertEqual(
            self.ids("/pages/", type="advice.AdvicePage", audience="public", locale="en"), [self.s.advice.pk]
        )

    def test_filter_advice_by_topic(self):
        self.assertEqual(self.ids("/pages/", type="advice.AdvicePage", topic="your-rights"), [self.s.rights_advice.pk])


class LocaleTests(APITestCase):
    def test_locale_filter_keeps_one_language(self):
        items = self.items("/pages/", locale="pl", limit=100)
        self.assertEqual({item["meta"]["locale"] for item in items}, {"pl"})
        self.assertEqual(
            {item["id"] for item in items},
            {
                self.s.home_pl.pk,
                self.s.advice_pl.pk,
                self.s.advice_pl.get_parent().pk,
                self.s.legal_service_pl.pk,
                self.s.directory_pl.pk,
                self.s.about_pl.pk,
            },
        )

    def test_each_page_lists_its_live_translations_including_itself(self):
        translations = self.get(f"/pages/{self.s.advice.pk}/")["meta"]["translations"]
        self.assertEqual(
            translations,
            [
                {
                    "id": self.s.advice.pk,
                    "locale": "en",
                    "title": "Signs of labour exploitation",
                    "html_url": "/en/advice/signs-of-labour-exploitation/",
                },
                {
                    "id": self.s.advice_pl.pk,
                    "locale": "pl",
                    "title": "Oznaki wyzysku",
                    "html_url": "/pl/advice/signs-of-labour-exploitation/",
                },
            ],
        )

    def test_translations_leave_out_unpublished_ones(self):
        translations = self.get(f"/pages/{self.s.rights_advice.pk}/")["meta"]["translations"]
        self.assertEqual([t["locale"] for t in translations], ["en"])

    def test_translations_in_a_listing(self):
        items = self.items("/pages/", type="advice.AdvicePage", locale="en", fields="translations")
        self.assertEqual([len(item["meta"]["translations"]) for item in items], [2, 1])

    def test_translations_in_the_default_listing(self):
        items = self.items("/pages/", type="advice.AdvicePage", locale="en")
        self.assertEqual([len(item["meta"]["translations"]) for item in items], [2, 1])
        self.assertTrue(all("translations" in item["meta"] for item in self.items("/pages/", limit=100)))

    def test_translation_of(self):
        self.assertEqual(self.ids("/pages/", translation_of=self.s.advice.pk), [self.s.advice_pl.pk])
        self.assertEqual(self.ids("/pages/", translation_of=self.s.advice_pl.pk, locale="en"), [self.s.advice.pk])

    def test_find_by_path_with_language_prefix(self):
        response = self.client.get("/api/v2/pages/find/", {"html_path": "/pl/advice/signs-of-labour-exploitation/"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(f"http://localhost/api/v2/pages/{self.s.advice_pl.pk}/"))

    def test_find_by_english_path(self):
        response = self.client.get("/api/v2/pages/find/", {"html_path": "/en/find-support/safe-house/"})
        self.assertEqual(response.status_code, 302)
        self.assertIn(f"/api/v2/pages/{self.s.housing_service.pk}/", response["Location"])

    def test_find_unknown_path_is_a_json_404(self):
        self.get("/pages/find/", expect=404, html_path="/pl/no-such-page/")
        self.get("/pages/find/", expect=404, html_path="/xx/advice/")
