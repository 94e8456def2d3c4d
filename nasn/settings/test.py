"""Fast, deterministic settings for the test suite."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "nasn-pages"},
    "renditions": RENDITIONS_CACHE,  # noqa: F405
}
# Tests that read a page, change the database directly and read it again expect the change: the
# page cache is on only in the tests about it (tests/home/test_page_cache.py).
WAGTAIL_CACHE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Absolute URLs come from the test database's Site (localhost:80) whatever the shell has set.
NASN_PUBLIC_ORIGIN = ""
WAGTAILAPI_BASE_URL = None
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}

# The demo content and its `load_demo_content` command (never installed in production).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
