"""Local development: debug on, a fixed insecure key, mail printed to the console."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

# The demo content and its `load_demo_content` command (never installed in production).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

# Without REDIS_URL the dev server and `manage.py` commands share a cache on disk, so counts the
# server keeps (readership, flushed by `flush_readership`) and PDFs the demo loader makes
# (materials) are seen by both. Page cache and tests keep their own settings.
if not REDIS_URL:  # noqa: F405
    CACHES["default"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(BASE_DIR / ".cache" / "default"),  # noqa: F405
    }
