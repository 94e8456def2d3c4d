"""A small site read in English and Polish, and a beacon sent as a browser sends it."""

import json
import re
from dataclasses import dataclass

import pytest
from django.core.cache import caches
from wagtail.models import Page

from tests.factories import AdviceIndexPageFactory, AdvicePageFactory, home_page, translate_page

BEACON_URL = "/readership/beacon/"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
# What a current browser sends with navigator.sendBeacon under Referrer-Policy: no-referrer.
BROWSER_HEADERS = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "null", "HTTP_USER_AGENT": BROWSER}


@dataclass
class Pages:
    advice_index: Page
    rights: Page  # translated into Polish
    pl_rights: Page
    signs: Page  # English only


@pytest.fixture
def pages(db):
    home = home_page()
    advice_index = AdviceIndexPageFactory(parent=home, title="Advice", slug="advice")
    rights = AdvicePageFactory(parent=advice_index, title="Your rights", slug="rights")
    signs = AdvicePageFactory(parent=advice_index, title="Spot the signs", slug="signs")
    translate_page(home, "pl")
    translate_page(advice_index, "pl")
    pl_rights = translate_page(rights, "pl", title="Twoje prawa")
    return Pages(advice_index=advice_index, rights=rights, pl_rights=pl_rights, signs=signs)


@pytest.fixture(autouse=True)
def clear_caches():
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages"):
        caches[alias].clear()


def send(client, body, **headers):
    """POST the beacon as a browser would (text/plain, as sendBeacon sends a string)."""
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(BEACON_URL, data=data, content_type="text/plain;charset=UTF-8", **{**BROWSER_HEADERS, **headers})


def beacon_body(response):
    """The beacon's body, from the data attributes the page carries (as static/js/site.js reads them)."""
    html = response.content.decode()
    main = re.search(r"<main [^>]*>", html).group(0)
    attributes = dict(re.findall(r'data-readership-(\w+)="([^"]*)"', main))
    return {"page": int(attributes["page"]), "language": attributes["language"]}, attributes["beacon"]
