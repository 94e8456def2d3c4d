"""A material's PDFs: what they print, where they are kept and how they are served.

Each PDF is named by the digest of everything it prints (``pdf.Sheet.digest``) and kept in the
default cache under that name, so it is made once, on first request, and any change to the
material, its translation, a helpline it shows or the page its QR code leads to gives a new
name, a new file and a new ETag. Old files simply expire.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext, gettext_lazy, pgettext
from wagtail.models import Locale

from home.localization import localize_objects
from home.page_cache import not_modified
from home.request_cache import shared

from . import pdf

FORMAT_LABELS = {
    "poster": gettext_lazy("A4 poster"),
    "leaflet": gettext_lazy("A5 leaflet, two sides"),
    "card": gettext_lazy("Pocket card, two sides"),
}
FORMAT_NAMES = tuple(FORMAT_LABELS)
# A PDF not asked for in this long is dropped (and made again if it is asked for later).
KEEP_SECONDS = 30 * 24 * 3600


def language_of(page):
    return page.locale.language_code


def is_rtl(language):
    return translation.get_language_info(language)["bidi"]


def target_page_url(material):
    """The absolute address the QR code and the printed address give: the chosen page in the
    material's language (its translation, else the English page under that language's prefix,
    which the site serves as its fallback), or the material itself. No tracking parameters."""
    target = material.link_page
    if target is None or not (target.live and not target.get_view_restrictions().exists()):
        return material.get_full_url()
    translated = target.get_translation_or_none(material.locale)
    if translated is not None and translated.live:
        return translated.get_full_url()
    url = target.get_full_url()
    source_prefix = f"/{language_of(target)}/"
    origin_end = url.index("/", url.index("//") + 2)
    if url[origin_end:].startswith(source_prefix):
        url = f"{url[:origin_end]}/{language_of(material)}/{url[origin_end + len(source_prefix) :]}"
    return url


def sheet_for(material):
    """Everything one material prints, in its own language."""
    language = language_of(material)
    helplines = localize_objects([row.helpline for row in material.helplines.all()], material.locale)
    url = target_page_url(material)
    with translation.override(language):
        labels = {"scan": gettext("Scan the code or go to")}
    return pdf.Sheet(
        language=language,
        rtl=is_rtl(language),
        headline=material.headline,
        points=tuple(block.value for block in material.points),
        helplines=tuple(pdf.Helpline(h.name, h.display_number, h.hours) for h in helplines),
        call_to_action=material.call_to_action,
        card_line=material.card_line,
        url=url,
        short_url=url.split("://", 1)[-1],
        publisher=settings.WAGTAIL_SITE_NAME,
        labels=labels,
    )


def title_of(material, format_name):
    with translation.override(language_of(material)):
        return pgettext("PDF title: headline – format", "%(headline)s – %(format)s") % {
            "headline": material.headline,
            "format": FORMAT_LABELS[format_name],
        }


def pdf_file(material, format_name, sheet=None):
    """(digest, bytes) of one format of a live material, made only if not kept already."""
    sheet = sheet or sheet_for(material)
    title = title_of(material, format_name)
    digest = sheet.digest(format_name, title)
    key = f"materials:pdf:{digest}"
    data = cache.get(key)
    if data is None:
        data = pdf.render(sheet, format_name, title)
        cache.set(key, data, KEEP_SECONDS)
    return digest, data


def file_name(material, format_name):
    return f"{material.slug}-{format_name}-{language_of(material)}.pdf"


def pdf_response(material, format_name, request=None):
    digest, data = pdf_file(material, format_name)
    etag = f'"{digest}"'
    response = request is not None and not_modified(request, etag)
    if not response:
        response = HttpResponse(data, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{file_name(material, format_name)}"'
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
    return response


def preview_response(draft, format_name):
    """A draft's PDF for the page editor's preview: made every time, kept nowhere."""
    title = title_of(draft, format_name)
    response = HttpResponse(pdf.render(sheet_for(draft), format_name, title), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{file_name(draft, format_name)}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@dataclass(frozen=True)
class Download:
    format_name: str
    language: str
    url: str  # the path on this site
    full_url: str
    size: int

    @property
    def format_label(self):
        return FORMAT_LABELS[self.format_name]

    @property
    def language_name(self):
        """In the visitor's language (Polish), for the link text."""
        return gettext(translation.get_language_info(self.language)["name"])

    @property
    def language_name_local(self):
        """In its own language (Polski), for people looking for theirs."""
        return translation.get_language_info(self.language)["name_local"]

    @property
    def size_label(self):
        return filesizeformat(self.size)

    @property
    def label(self):
        """What a link says: "A4 poster, Polish, PDF, 84 KB"."""
        return gettext("%(format)s, %(language)s, PDF, %(size)s") % {
            "format": self.format_label,
            "language": self.language_name,
            "size": self.size_label,
        }


def live_translations(materials):
    """{translation_key: [each live, public version of it, the source language first]}."""
    keys = {material.translation_key for material in materials}
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    default = Locale.get_default().language_code
    versions = (
        type(materials[0])
        .objects.live()
        .public()
        .filter(translation_key__in=keys)
        .select_related("locale", "link_page")
        .prefetch_related("helplines__helpline")
    )
    found = {}
    for version in versions:
        found.setdefault(version.translation_key, []).append(version)
    for group in found.values():
        group.sort(key=lambda page: (language_of(page) != default, order.index(language_of(page))))
    return found


def downloads_for(materials):
    """{material pk: [Download, …]}: every format in every language each is published in.

    Kept with the site-wide look-ups until content changes (home.request_cache.shared): finding
    each version's files reads its helplines, its linked page and that page's translation."""
    materials = [material for material in materials if material.pk]
    if not materials:
        return {}
    pks = ",".join(str(pk) for pk in sorted(material.pk for material in materials))
    return shared(f"materials:downloads:{pks}", lambda: _find_downloads(materials))


def _find_downloads(materials):
    versions = live_translations(materials)
    result = {}
    for material in materials:
        downloads = []
        for version in versions.get(material.translation_key, []):
            sheet = sheet_for(version)
            for format_name in FORMAT_NAMES:
                _digest, data = pdf_file(version, format_name, sheet)
                path = f"{version.get_url()}{format_name}.pdf"
                full_url = f"{version.get_full_url()}{format_name}.pdf"
                downloads.append(Download(format_name, language_of(version), path, full_url, len(data)))
        result[material.pk] = downloads
    return result
