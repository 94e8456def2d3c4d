"""Settings shared by every environment.

Every deploy-specific value is read from the environment here (and in security.py, which this
module includes), once, with its type.
Defaults are production-safe: DEBUG is off and there is no default SECRET_KEY
(dev.py and test.py relax this; production.py insists on a real key).
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_noop

from .env import env_bool, env_int, env_list, env_origin
from .page_cache import *  # noqa: F403 -- the page cache, front-end cache purging, caching headers
from .page_cache import page_cache_settings
from .security import *  # noqa: F403 -- response headers, staff sign-in and sessions, client addresses
from .services import cache_settings, database_settings
from .storage import s3_storages

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


# Site search (README "Search"). The default, "database", needs no extra server: Wagtail's database
# backend with per-language stemming on PostgreSQL (search/backend.py). A large deployment can
# point it at Elasticsearch or OpenSearch instead (install the matching client package).
SEARCH_ENGINES = ("elasticsearch7", "elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3")


def search_backend_settings(environ):
    engine = environ.get("SEARCH_BACKEND") or "database"
    if engine == "database":
        return {"BACKEND": "search.backend"}
    if engine not in SEARCH_ENGINES:
        raise ImproperlyConfigured(f"SEARCH_BACKEND must be database or one of {', '.join(SEARCH_ENGINES)}")
    urls = [url.strip() for url in environ.get("SEARCH_URLS", "").split(",") if url.strip()]
    if not urls:
        raise ImproperlyConfigured(f"SEARCH_BACKEND={engine} needs SEARCH_URLS, e.g. https://user:pass@search:9200")
    return {
        "BACKEND": f"wagtail.search.backends.{engine}",
        "URLS": urls,
        "INDEX": environ.get("SEARCH_INDEX") or "nasn",
        "TIMEOUT": 5,
        "OPTIONS": {},
        "INDEX_SETTINGS": {},
    }


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A reporter whose CSRF check fails (old tab, blocked cookie) gets the form back with their text.
CSRF_FAILURE_VIEW = "reports.views.csrf_failure"

# The page types the base app's page choosers offer (home imports no domain app): the menus'
# sections (Settings → Navigation), the home page's service directory and featured advice.
NASN_CHOOSER_PAGE_TYPES = {
    "advice": "advice.AdviceIndexPage",
    "news": "news.NewsIndexPage",
    "directory": "directory.DirectoryIndexPage",
    "featured_advice": "advice.AdvicePage",
    "materials": "materials.MaterialsIndexPage",
}

INSTALLED_APPS = [
    "home",
    "advice",
    "news",
    "directory",
    "reports",
    "search",
    "materials",
    "phonenumber_field",
    # Roles, moderation, review dates, the admin's branding and sign-in security (README
    # "Editorial workflow and admin access"). Before wagtail.admin: it overrides admin templates.
    "editorial",
    # Anonymous page views per language, and what to translate next (README "Readership").
    "readership",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtailcache",  # the page cache (README "Caching"): Settings → Cache, `manage.py clear_wagtail_cache`
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # "today"/"yesterday" in the admin's search-terms report
    "csp",
    # The read-only API under /api/v2/ (nasn/api.py), its CORS headers and headless preview.
    "wagtail.api.v2",
    "wagtail_headless_preview",
    "corsheaders",
]

MIDDLEWARE = [
    "home.request_cache.RequestCacheMiddleware",  # first: one store per request (home/request_cache.py)
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The page cache (README "Caching"): stores anonymous visitors' public pages on the way out...
    "home.page_cache.UpdateCacheMiddleware",
    "home.middleware.StripNullCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.LocaleMiddleware",
    # ...answers If-None-Match with a 304 before anything is rendered, sets Cache-Control and ETag...
    "home.page_cache.PageCacheHeadersMiddleware",
    # ...and serves a stored page once the language is known (it is part of the key).
    "wagtailcache.cache.FetchFromCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "editorial.sessions.StaffSessionTimeoutMiddleware",  # idle and absolute limits; never for visitors
    "editorial.two_factor.TwoFactorMiddleware",  # admin URLs only
    "editorial.middleware.AdminReferrerPolicyMiddleware",  # browsers' admin forms pass the CSRF check
    "editorial.middleware.AdminContentSecurityPolicyMiddleware",  # the public policy excludes /admin/
    "editorial.middleware.TranslatorSourcePageMiddleware",  # translators opening English pages
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A database error raised by a view becomes a 503 page or JSON 503 (home/unavailable.py); by
    # process_exception, so where it stands matters only among those: after any that might answer first.
    "home.unavailable.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: turns a lockout into its page
]

ROOT_URLCONF = "nasn.urls"
WSGI_APPLICATION = "nasn.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_chrome",
            ],
        },
    },
]

# Database: an SQLite file in the project folder unless DATABASE_URL says otherwise; timeouts and
# PostgreSQL's options in services.py. Production keeps connections and limits statements.
DATABASES = {
    "default": database_settings(f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=0, statement_timeout_ms=0)
}
# The cache: Redis when REDIS_URL is set (shared by every worker), else this process's memory.
# production.py requires one or the other explicitly. Sessions stay in the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX") or "nasn"
# Image renditions are read with the pages that show them (prefetched: tests/performance), and
# Wagtail writes each one to its rendition cache on every use, a round trip per image: no cache.
RENDITIONS_CACHE = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
CACHES = {
    "default": cache_settings(REDIS_URL, CACHE_KEY_PREFIX),
    # Whole pages for anonymous visitors (settings/page_cache.py), apart from the counters.
    "pages": page_cache_settings(REDIS_URL, f"{CACHE_KEY_PREFIX}-pages"),
    "renditions": RENDITIONS_CACHE,
}
# A Redis failure django-redis ignores is logged (at ERROR, with its cause) under this logger.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "nasn.cache"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Languages. English is the source; the others are the languages of victims of modern
# slavery in Norfolk, in order of priority (see README "Languages").
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("pl", "Polski"),
    ("lt", "Lietuvių"),
    ("ro", "Română"),
    ("pt", "Português"),
    ("lv", "Latviešu"),
    ("bg", "Български"),
    ("sq", "Shqip"),
    ("vi", "Tiếng Việt"),
    ("ti", "ትግርኛ"),
    ("ar", "العربية"),
    ("so", "Soomaali"),
    ("fa", "فارسی"),
    ("uk", "Українська"),
    ("ru", "Русский"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/London"

# Phone numbers (home/phones.py): typed numbers are read as UK numbers unless they start with +.
PHONENUMBER_DEFAULT_REGION = "GB"
# Shown where the database is not used (the 500 page) or holds no featured helplines yet (the
# report page): the 24-hour numbers from the verified table in DOMAIN.md, written as publicised.
NASN_FALLBACK_EMERGENCY_NUMBER = "999"
NASN_FALLBACK_HELPLINES = [
    {
        "name": gettext_noop("Modern Slavery & Exploitation Helpline"),
        "number": "08000 121 700",
        "hours": gettext_noop("24 hours a day, 7 days a week"),
        "has_interpreters": True,
    },
    {
        "name": gettext_noop("Crimestoppers"),
        "number": "0800 555 111",
        "hours": gettext_noop("100% anonymous, 24 hours a day, 7 days a week."),
    },
]

# Django's LANG_INFO has no Tigrinya or Somali; without these, get_language_info() fails.
# Their English names are marked for the catalogues, so get_language_info()'s name_translated
# ("Results in Tigrinya") is translated like Django's own language names.
EXTRA_LANG_INFO = {
    "ti": {"bidi": False, "code": "ti", "name": gettext_noop("Tigrinya"), "name_local": "ትግርኛ"},
    "so": {"bidi": False, "code": "so", "name": gettext_noop("Somali"), "name_local": "Soomaali"},
}
import django.conf.locale  # noqa: E402

django.conf.locale.LANG_INFO.update(EXTRA_LANG_INFO)

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "collected-static")
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    **s3_storages(os.environ),  # with AWS_STORAGE_BUCKET_NAME: media in a bucket (storage.py)
}
# Renditions in the public "renditions" storage where there is one (a bucket), else beside the
# originals in MEDIA_ROOT/images/, served by home/media.py with long cache lifetimes.
if "renditions" in STORAGES:
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Norfolk Anti-Slavery Network"
# The site's public origin (README "Configuration"): required in production; `make run` sets it to
# the address it serves on. When set it is the origin of every absolute URL: staff emails' links
# and image URLs (WAGTAILADMIN_BASE_URL), the API's links (WAGTAILAPI_BASE_URL), and page URLs,
# which Wagtail builds from the default Site record that `migrate` points at it (home/site_origin.py).
NASN_PUBLIC_ORIGIN = env_origin("NASN_PUBLIC_ORIGIN")
WAGTAILADMIN_BASE_URL = NASN_PUBLIC_ORIGIN or os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": search_backend_settings(os.environ)}
# `manage.py prune_search_log` deletes search log rows older than this (run it daily from cron).
SEARCH_LOG_RETENTION_DAYS = env_int("SEARCH_LOG_RETENTION_DAYS", 90)
# Documents are always served by Wagtail's view, which checks collection privacy (never a raw
# file or bucket URL; Wagtail's default would redirect to the bucket).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Pages and documents behind a password ask for it in the site's own page (Wagtail's is unstyled).
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "editorial/password_required.html"  # noqa: S105 (a template name)
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "editorial/password_required.html"  # noqa: S105 (a template name)
# Seconds browsers and shared caches may keep a public document (private ones: never).
DOCUMENTS_CACHE_MAX_AGE = env_int("DOCUMENTS_CACHE_MAX_AGE", 60 * 60)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# No request from staff browsers to releases.wagtail.org (the admin's policy would block it anyway).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_FINDERS = []  # no third-party embeds on a site victims may be watched on
# A page is served under every language's prefix (English where not translated): front-end cache
# purges cover every language (home/cache_purge.py).
WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in WAGTAIL_CONTENT_LANGUAGES]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Machine translation for editors, only when a DeepL key is configured. Visitors' browsers
# never call a translation service.
DEEPL_AUTH_KEY = os.environ.get("DEEPL_AUTH_KEY", "")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_AUTH_KEY},
    }
    if DEEPL_AUTH_KEY
    else None
)
# Translations stay linked to their English source, so source changes can be synced in.
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# "Translate this page" creates a draft (wagtail-localize's default would publish the English
# text at once under the new language's URL); a translator publishes it when it is translated.
# A translation with text still to translate is never published (editorial/translations.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# The API under /api/v2/ (nasn/api.py; README "API"): read-only, anonymous, JSON.
WAGTAILAPI_LIMIT_MAX = 100
# Absolute detail_url links use this origin; unset, the Wagtail site's own (Settings > Sites), as
# page URLs do: no variable of its own, so the API's links never disagree with the pages'.
WAGTAILAPI_BASE_URL = NASN_PUBLIC_ORIGIN or None
# Seconds that clients and CDNs may keep an API response before revalidating it (ETag → 304).
API_CACHE_MAX_AGE = env_int("API_CACHE_MAX_AGE", 300)
# Front-end origins allowed to call the API from a browser (comma-separated, with scheme),
# or "*" for any. Empty: no cross-origin access.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_ALLOW_ALL_ORIGINS = CORS_ALLOWED_ORIGINS == ["*"]
if CORS_ALLOW_ALL_ORIGINS:
    CORS_ALLOWED_ORIGINS = []
# Not the ORUK feed: its views answer every origin and preflight themselves (directory/oruk/views.py).
CORS_URLS_REGEX = r"^/api/(?!openreferral/)"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# Headless preview: the front end's preview URL (it gets ?content_type=…&token=… and fetches
# the draft from /api/v2/page_preview/). Empty: editors get Wagtail's own preview.
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "")
HEADLESS_PREVIEW_MAX_AGE = env_int("HEADLESS_PREVIEW_MAX_AGE", 60 * 60)
WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL}} if HEADLESS_PREVIEW_URL else {}

# "Report a concern" (reports app). Reports are read only by the "Safeguarding leads" group.
# Comma-separated addresses told that a report arrived (never what it says); empty: no email.
REPORTS_NOTIFY_EMAIL = env_list("REPORTS_NOTIFY_EMAIL")
# `manage.py prune_reports` deletes reports older than this (run it daily from cron).
REPORTS_RETENTION_DAYS = env_int("REPORTS_RETENTION_DAYS", 90)
# A form sent sooner than this after it was shown is treated as a bot and shown again.
REPORTS_MIN_FILL_SECONDS = env_int("REPORTS_MIN_FILL_SECONDS", 3)
# At most this many reports per client per period (a keyed hash of the address is counted in
# the cache, never stored). The cache must be shared between workers for an exact limit.
REPORTS_RATE_LIMIT = env_int("REPORTS_RATE_LIMIT", 5)
REPORTS_RATE_LIMIT_PERIOD = env_int("REPORTS_RATE_LIMIT_PERIOD", 60 * 60)
# Editorial workflow (editorial app; README "Editorial workflow and admin access").
# The dashboard and `manage.py send_review_reminders` list advice not reviewed, and services
# not verified, for this many months; the reminder goes to these comma-separated addresses.
NASN_ADVICE_REVIEW_MONTHS = env_int("NASN_ADVICE_REVIEW_MONTHS", 12)
NASN_SERVICE_VERIFY_MONTHS = env_int("NASN_SERVICE_VERIFY_MONTHS", 6)
NASN_REVIEW_EMAIL = env_list("NASN_REVIEW_EMAIL")
# Readership (readership app; README "Readership"): page views counted per day and language in this
# cache (shared by every worker: Redis in production) until `manage.py flush_readership` stores them.
READERSHIP_CACHE = "default"
# At most this many views of one page are counted in a minute, however many beacons arrive.
READERSHIP_VIEWS_PER_PAGE_PER_MINUTE = env_int("READERSHIP_VIEWS_PER_PAGE_PER_MINUTE", 300)
# Daily counts older than this are rolled up into monthly counts by `manage.py flush_readership`.
READERSHIP_DAILY_RETENTION_DAYS = env_int("READERSHIP_DAILY_RETENTION_DAYS", 90)
if READERSHIP_DAILY_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("READERSHIP_DAILY_RETENTION_DAYS must be at least 1")
# Staff avatars are uploaded, never fetched from gravatar.com (no third-party requests, here either).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_beacon_senders": {"()": "readership.logs.WithoutBeaconSenders"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Nothing about who sent a readership beacon is logged (readership/logs.py).
    "loggers": {"django.request": {"filters": ["without_beacon_senders"]}},
}
