"""The `demo` app: installed for development and tests only, imported by nothing else, and its
loader's handling of plain data (relative dates, references, stable block ids)."""

import ast
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.test import TestCase
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from demo.loader import DemoContentLoader
from demo.values import DemoContentError, Resolver, field_values, relative_date
from home.models import Helpline, StandardPage

ROOT = Path(__file__).resolve().parents[2]
APPS = ["home", "advice", "news", "directory", "reports", "search", "editorial", "nasn"]
READ_APPS = "import importlib, json, sys; print(json.dumps(importlib.import_module(sys.argv[1]).INSTALLED_APPS))"


def installed_apps(module, **env):
    result = subprocess.run(  # noqa: S603 -- our own interpreter and a fixed script
        [sys.executable, "-c", READ_APPS, f"nasn.settings.{module}"],
        env={"PATH": "", "DJANGO_SETTINGS_MODULE": f"nasn.settings.{module}", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_demo_is_installed_for_development_and_tests_only():
    assert "demo" in installed_apps("dev")
    assert "demo" in installed_apps("test")
    production = installed_apps(
        "production",
        SECRET_KEY="k3y-" + "abcdefghij" * 5,
        NASN_PUBLIC_ORIGIN="https://nasn.org.uk",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert "home" in production
    assert "demo" not in production


def test_no_other_app_imports_demo():
    importers = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
                if any(name == "demo" or name.startswith("demo.") for name in names):
                    importers.append(str(path.relative_to(ROOT)))

    assert importers == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"days_ago": 10}, date(2025, 3, 5)),
        ({"last": "03-01"}, date(2025, 3, 1)),  # earlier this year
        ({"last": "03-15"}, date(2025, 3, 15)),  # today
        ({"last": "03-16"}, date(2024, 3, 16)),  # not yet this year: last year's
    ],
)
def test_relative_dates(value, expected):
    assert relative_date(value, today=date(2025, 3, 15)) == expected


class LoaderValueTests(TestCase):
    def setUp(self):
        self.helpline = Helpline.objects.create(name="Line", number="0800 1111", hours="Any time")
        loader = DemoContentLoader()
        self.resolve = Resolver(Locale.get_default(), loader.home_page(), loader.keys)
        self.about = loader.home_page().add_child(instance=StandardPage(title="About", slug="about"))

    def body(self, page_path):
        data = {
            "body": [
                {"heading": {"text": "Talk to someone"}},
                {"helpline": {"helpline": "+448001111"}},
                {"signs": {"title": "Signs", "signs": ["One", "Two"]}},
                {"text": '<p>See <a page="about">about us</a>.</p>'},
            ]
        }
        values, _tags = field_values(StandardPage, data, self.resolve, date(2025, 1, 1), path=page_path)
        return values["body"]

    def test_stream_blocks_resolve_references_and_links_and_fill_in_defaults(self):
        body = self.body("about").get_prep_value()

        self.assertEqual(body[0]["value"], {"text": "Talk to someone", "level": "h2"})
        self.assertEqual(body[1]["value"]["helpline"], self.helpline.pk)
        self.assertEqual([item["value"] for item in body[2]["value"]["signs"]], ["One", "Two"])
        self.assertEqual(body[3]["value"], f'<p>See <a linktype="page" id="{self.about.pk}">about us</a>.</p>')

    def test_block_ids_derive_from_the_page_path_and_position(self):
        def ids(value):
            return [block["id"] for block in value.get_prep_value()] + [
                item["id"] for item in value.get_prep_value()[2]["value"]["signs"]
            ]

        first, again, elsewhere = ids(self.body("about")), ids(self.body("about")), ids(self.body("contact"))

        self.assertEqual(first, again)
        self.assertEqual(len(set(first)), len(first))
        self.assertFalse(set(first) & set(elsewhere))

    def test_a_missing_reference_is_an_error(self):
        with self.assertRaisesMessage(DemoContentError, "'+440000000000'"):
            field_values(StandardPage, {"body": [{"helpline": {"helpline": "+440000000000"}}]}, self.resolve, None)

    def test_media_take_their_collection_by_name(self):
        private = Collection.get_first_root_node().add_child(name="Partners only")

        values, _tags = field_values(get_image_model(), {"collection": "Partners only"}, self.resolve, None)

        self.assertEqual(values["collection"], private)
