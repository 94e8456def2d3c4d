import re

from django.http import QueryDict
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, redirecting only where a language prefix is really missing.

    Django turns every 404 into a redirect to /<language>/… when that path would match,
    and Wagtail's page pattern matches everything. So responses outside the translated site
    (the API, admin, documents, static files) are left alone, and paths with an unknown
    language prefix (/xx/…) stay plain 404s instead of becoming redirects.
    """

    unprefixed_areas = ("/admin/", "/api/", "/documents/", "/static/", "/media/", "/healthz", "/readership/")
    language_like_prefix = re.compile(r"^/[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?(?:/|$)", re.IGNORECASE)

    def process_response(self, request, response):
        path = request.path_info
        if path.startswith(self.unprefixed_areas):
            # Not language-dependent: no redirect, and no "Vary: Accept-Language" to split caches.
            return response
        if response.status_code == 404 and self.language_like_prefix.match(path):
            return response
        return super().process_response(request, response)


class StripNullCharactersMiddleware:
    """Removes NUL characters from query-string parameters, once, for every view.

    They have no meaning in a query, and PostgreSQL refuses them in SQL parameters (a 500 in
    any view that filters on a GET value). Form posts are validated by their forms instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The API validates its parameters itself and answers a JSON 400 instead.
        if "%00" in request.META.get("QUERY_STRING", "") and not request.path_info.startswith("/api/"):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
