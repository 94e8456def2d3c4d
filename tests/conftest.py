"""Shared pytest configuration.

Tests build on the database the migrations create: the 15 content locales and the English
HomePage (slug "home") that is the default site's root.
"""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def clear_cache():
    # Wagtail caches site root paths (and thus page URLs) in the default cache, which is
    # locmem in tests and outlives each test's transaction.
    cache.clear()
    yield
    cache.clear()


def pytest_configure(config):
    # WhiteNoise warns once per client that STATIC_ROOT was never collected; tests serve no
    # static files, so the warning is noise.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")
