from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from editorial import two_factor
from home import health, media
from home import views as home_views
from home.sitemap import PageSitemap, sitemap
from materials import views as materials_views
from readership.beacon import beacon
from search import views as search_views

# Admin, documents and the sitemap stay outside i18n_patterns so their 404s are real 404s,
# not redirects to /en/… (see README "Languages").
urlpatterns = [
    path("healthz", health.healthz),  # for load balancers (home/health.py)
    path("admin/", include("editorial.page_creation")),  # page creation without autosave; before Wagtail's
    path("admin/", include(wagtailadmin_urls)),
    *media.urlpatterns(),  # renditions with long cache lifetimes; documents through Wagtail's checks
    path("documents/", include(wagtaildocs_urls)),
    path("readership/beacon/", beacon, name="readership_beacon"),  # anonymous page views (readership/beacon.py)
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}),  # every language (home/sitemap.py)
    path("api/openreferral/", include("directory.oruk_urls")),  # Open Referral UK 3.0 (directory/oruk/)
    path("api/", include("nasn.api")),  # the read-only API, /api/v2/ (nasn/api.py)
]

# A database that is down gives a 503 page, not a 500, also when a middleware meets it (home/unavailable.py).
handler500 = "home.unavailable.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)  # originals too, in development

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    # Wagtail's own front-end URLs (wagtail.urls), with the page view swapped for one that
    # falls back to English where a page is not yet translated.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        wagtail_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "_util/login/",
        two_factor.PublicLoginView.as_view(),  # asks for the code where two-factor authentication applies
        name="wagtailcore_login",
    ),
    # A material's PDFs (materials/views.py), served by its page.
    re_path(materials_views.PDF_PATH, materials_views.material_pdf, name="material_pdf"),
    re_path(r"^((?:[\w\-]+/)*)$", home_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
