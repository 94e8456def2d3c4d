"""/sitemap.xml: every live, public page in every language, with its hreflang alternates.

Wagtail's own sitemap lists the default site's root page tree, which is English only: each
language's tree hangs from a translation of the root. This one lists the pages of every tree, each
at its own URL, and gives each URL an ``<xhtml:link rel="alternate" hreflang=…>`` for every live,
public translation of the page (itself included) plus ``x-default`` for the English page. Django's
sitemap template writes the alternates, so no XML is written here.

Untranslated pages are not listed under the other languages' prefixes: /pl/… serving the
English page is a fallback for visitors, not a Polish page, and listing it would tell search
engines that English text is Polish. Drafts and private pages are never listed; a page type
leaves the sitemap by returning ``[]`` from ``get_sitemap_urls`` (Wagtail's convention).
"""

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from .localization import site_pages
from .request_cache import shared

# Translation keys per query when fetching the alternates: under every database's limit on
# query parameters, so a sitemap page of 50,000 URLs costs 100 queries, not 50,000.
KEYS_PER_QUERY = 500


class PageSitemap(Sitemap):
    def items(self):
        return site_pages(self.get_wagtail_site()).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Wagtail's, with the alternates of the whole sitemap page fetched in bulk."""
        pages = list(self.paginator.page(page).object_list)
        alternates = self.alternates({page.translation_key for page in pages})
        urls = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                url_info.setdefault("alternates", alternates[item.translation_key])
                urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def alternates(self, translation_keys):
        """{translation key: [{"lang_code", "location"}, …]} for the live, public versions of
        each page, in the order of settings.LANGUAGES, then x-default for the English one."""
        order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        default_language = get_supported_language_variant(settings.LANGUAGE_CODE)
        versions = {key: [] for key in translation_keys}
        keys = sorted(translation_keys, key=str)
        queryset = (
            site_pages(self.get_wagtail_site())
            .select_related("locale")
            .only("url_path", "translation_key", "locale__language_code")
        )
        for start in range(0, len(keys), KEYS_PER_QUERY):
            for version in queryset.filter(translation_key__in=keys[start : start + KEYS_PER_QUERY]):
                versions[version.translation_key].append(version)
        alternates = {}
        for key, pages in versions.items():
            links = [
                {"lang_code": page.locale.language_code, "location": page.get_full_url(self.request)}
                for page in sorted(pages, key=lambda page: order.get(page.locale.language_code, len(order)))
            ]
            links += [{**link, "lang_code": "x-default"} for link in links if link["lang_code"] == default_language]
            alternates[key] = links
        return alternates


def sitemap(request, sitemaps):
    """Wagtail's sitemap view, its response kept with the shared look-ups until content changes
    (home/request_cache.py): at 10,000 pages in 15 languages it takes seconds to build."""
    number = request.GET.get("p", "1")
    if not number.isdigit():
        return wagtail_sitemap(request, sitemaps)  # Django's answer (404), not kept

    def build():
        response = wagtail_sitemap(request, sitemaps)
        response.render()  # a page number past the last raised Http404: nothing is kept
        return response

    return shared(f"sitemap:{request.scheme}://{request.get_host()}:{int(number)}", build)
