from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import media
from home import views as home_views
from search import views as search_views

# Admin, documents and the sitemap stay outside i18n_patterns so their 404s are real 404s,
# not redirects to /en/… (see README "Languages").
urlpatterns = [
    path("admin/", include("editorial.page_creation")),  # page creation without autosave; before Wagtail's
    path("admin/", include(wagtailadmin_urls)),
    *media.urlpatterns(),  # renditions with long cache lifetimes; documents through Wagtail's checks
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("api/openreferral/", include("directory.oruk_urls")),  # Open Referral UK 3.0 (directory/oruk/)
    path("api/", include("nasn.api")),  # the read-only API, /api/v2/ (nasn/api.py)
]

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
        auth_views.LoginView.as_view(template_name="wagtailcore/login.html"),
        name="wagtailcore_login",
    ),
    re_path(r"^((?:[\w\-]+/)*)$", home_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
