"""Template helpers for the public site's chrome: navigation, languages, links, pagination."""

import datetime
import hashlib
import re
from functools import cache

from babel import Locale as BabelLocale
from babel.dates import format_date
from django import template
from django.conf import settings
from django.db.models import Model
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info, override, to_locale
from django.utils.translation import gettext_lazy as _

from home.localization import listing_locale, localize_pages
from home.navigation import navigation_pages
from home.request_cache import locale_codes, shared
from home.validators import safe_web_url

register = template.Library()

# The main menu, in order: (key in site_links, label).
PRIMARY_NAV = [
    ("get_help", _("Get help now")),
    ("advice", _("Advice")),
    ("directory", _("Find a service")),
    ("report", _("Report a concern")),
    ("news", _("News")),
]


@cache
def _serves_untranslated_fallback():
    """Whether /<language>/… serves the English page where no translation exists.

    The project's page view (home.views.serve) does; Wagtail's own does not. Only then may
    links to untranslated pages keep the visitor's language prefix.
    """
    try:
        with override(settings.LANGUAGE_CODE):  # i18n_patterns match the active language only
            match = resolve(f"/{settings.LANGUAGE_CODE}/")
    except Resolver404:
        return False
    return match.func.__module__.startswith("home.")


def _locale_code(locale_id, request=None):
    """A locale's language code, from one query per request rather than one per page."""
    return locale_codes().get(locale_id, "")


def _localized_url(page, request):
    """The page's URL, keeping the visitor's language where the page is not translated."""
    url = page.get_url(request=request)
    if not url:
        return ""
    language = get_language()
    page_language = _locale_code(page.locale_id, request)
    prefix = f"/{page_language}/"
    if language and page_language != language and url.startswith(prefix) and _serves_untranslated_fallback():
        url = f"/{language}/{url[len(prefix) :]}"
    return url


@register.simple_tag(takes_context=True)
def localurl(context, page):
    """Like {% pageurl %}, but a page not yet translated keeps the visitor's language."""
    if page is None:
        return ""
    return _localized_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def site_links(context):
    """The locale's home page and the pages the menus link to (Settings → Navigation):
    {key: {"page", "url"}}. Computed once per request (the header and the footer both use it).
    """
    request = context.get("request")
    if request is None:
        return {}
    cache_key = f"_nasn_site_links_{get_language()}"
    if not hasattr(request, cache_key):

        def links():
            pages = navigation_pages(request).items()
            return {key: {"page": page, "url": _localized_url(page, request)} for key, page in pages}

        # The URLs depend on the site (its host) and the language only: kept with the menus.
        setattr(request, cache_key, shared(f"site_links:{request.get_host()}:{get_language()}", links))
    return getattr(request, cache_key)


@register.simple_tag(takes_context=True)
def primary_nav(context):
    """The main menu: [{"label", "url", "current"}], current being "page", "true" or ""."""
    links = site_links(context)
    page = context.get("page")
    items = []
    for key, label in PRIMARY_NAV:
        link = links.get(key)
        if not link:
            continue
        items.append({"label": label, "url": link["url"], "current": current_state(page, link["page"])})
    return items


@register.filter
def current_state(page, target):
    """aria-current for a link to target: "page" on it, "true" below it, "" elsewhere."""
    if page is None or target is None or not getattr(page, "path", None):
        return ""
    if page.pk == target.pk:
        return "page"
    if page.path.startswith(target.path):
        return "true"
    return ""


@register.simple_tag
def elided_page_range(page_obj, on_each_side=1, on_ends=1):
    """Page numbers for pagination links, with None where numbers are left out."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends)
    ]


@register.filter
def page_kind(page):
    """A short, translated name for the kind of page, for search results (its model's page_kind)."""
    return getattr(page, "page_kind", "")


@register.simple_tag(takes_context=True)
def fallback_lang(context, item):
    """The language code of an item shown in a listing when it is not in the page's language.

    Listings show the visitor's translation where it exists and the English item otherwise:
    an English item carries this code as `lang` (and `dir="ltr"`) plus an "In English" label
    (includes/fallback_label.html). Empty when the item is in the visitor's language.
    """
    locale_id = getattr(item, "locale_id", None)
    if locale_id is None:
        return ""
    code = _locale_code(locale_id, context.get("request"))
    return code if code and code != get_language() else ""


# Left-to-right islands in right-to-left pages. Digits, spaces, "+", ":", "-", "@" and "/" are weak
# or neutral to the Unicode bidi algorithm, so on an Arabic page "08000 121 700" shows as
# "700 121 08000". Phone numbers, postcodes, emails, URLs, times and numbers with units go
# through this one helper: an inline <bdi dir="ltr"> (isolated by the HTML user-agent styles and
# .ltr in site.css). Inline rather than dir="ltr" on the <a>/<dd>/<p>: it fits inside translated
# sentences ({% blocktranslate with number=number|ltr %}) and keeps the block right-aligned.


def _isolate_ltr(content, lang="", css_class="ltr"):
    if content is None or content == "":
        return ""
    lang_attr = format_html(' lang="{}"', lang) if lang and lang != get_language() else ""
    return format_html('<bdi dir="ltr" class="{}"{}>{}</bdi>', css_class, lang_attr, content)


@register.filter
def ltr(value, lang=""):
    """`value`, escaped and isolated left to right: {{ service.phone|ltr }}.

    With a language code, text in that language on another language's page is also marked as
    such: {{ organisation.name|ltr:"en" }} (names and addresses are kept in English).
    """
    return _isolate_ltr(value, lang)


@register.simple_block_tag(name="ltr")
def ltr_block(content, lang=""):
    """The same for markup: {% ltr %}<time>09:00</time>–<time>17:00</time>{% endltr %}."""
    return _isolate_ltr(content, lang)


# A number written in digit groups: "18001 101", "+44 800 555 111" (in HTML, maybe with &nbsp;).
_GROUPED_NUMBER = re.compile(r"\+?\d+(?:(?:[ \u00a0]|&nbsp;|&#160;)\d+)+")
# Rich text from Wagtail escapes "<" and ">" inside attribute values, so this finds its tags.
_TAG = re.compile(r"(<[^>]*>)")


@register.filter
def ltr_numbers(value):
    """Editors' text with each number in digit groups isolated left to right.

    Plain text ("use text relay: 18001 101") is escaped first: put it before linebreaksbr.
    Rich text ({{ value|richtext|ltr_numbers }}) is changed only between its tags. A plain
    digit-group pattern rather than a phone-number parser: any grouped number needs isolating,
    including ones a parser rejects, such as text relay's "18001 101".
    """
    if value is None or value == "":
        return ""
    pieces = _TAG.split(conditional_escape(value))  # text, tag, text, tag, …, text

    def isolate(match):
        return _isolate_ltr(SafeString(match[0]), css_class="ltr ltr--number")

    pieces[::2] = [_GROUPED_NUMBER.sub(isolate, text) for text in pieces[::2]]
    return SafeString("".join(pieces))


# A run of Latin-script words inside right-to-left text ("NSPCC Helpline", "Tanner's Row", an email
# or web address), with the brackets around it when it stands in brackets. Punctuation inside a word
# stays in it ("help@example.org"); a full stop or colon after the run is the sentence's. Escaped HTML:
# "&amp;" and "&#x27;" count as letters.
_LATIN_LETTER = r"(?:[A-Za-z\u00c0-\u024f0-9]|&(?:amp|#x27|#39);)"
_LATIN_WORD = rf"{_LATIN_LETTER}+(?:[’'.\-@/:_+]+{_LATIN_LETTER}+)*"
_LATIN_RUN = rf"(?<![&#\w])(?=[A-Za-z\u00c0-\u024f]){_LATIN_WORD}(?:[ \u00a0]+{_LATIN_WORD})*"
_BRACKETED_LATIN = re.compile(rf"\(\s*{_LATIN_RUN}\s*\)|{_LATIN_RUN}")
# Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic presentation forms: text that sets a
# right-to-left context for the Latin names inside it.
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@register.filter
def isolate_english(value):
    """Editors' right-to-left text with each English name in it isolated: {{ helpline.name|isolate_english }}.

    "خط المساعدة (NSPCC Helpline)" in a heading: without isolation, a line break can split the
    brackets from the name and the browser mirrors them on the wrong side. On right-to-left pages
    each run of Latin words, with its brackets, becomes <bdi dir="ltr" lang="en"> (names kept in
    English are English on this site). Text without right-to-left letters (an English item shown
    as a fallback, in its own left-to-right element) and left-to-right pages are left as they are.
    Markup is changed only between its tags, as ltr_numbers does.
    """
    if value is None or value == "":
        return ""
    escaped = conditional_escape(value)
    if not get_language_info(get_language())["bidi"] or not _RTL_LETTER.search(escaped):
        return escaped
    pieces = _TAG.split(escaped)

    def isolate(match):
        return format_html('<bdi dir="ltr" lang="en">{}</bdi>', SafeString(match[0]))

    pieces[::2] = [_BRACKETED_LATIN.sub(isolate, text) for text in pieces[::2]]
    return SafeString("".join(pieces))


# Dates, breadcrumb and references in the visitor's language ------------------------------

# Babel (CLDR data) rather than Django's DATE_FORMAT: Django has no formats or month names for
# Tigrinya or Somali, while CLDR has them for every language we serve, with the right grammatical
# case (Polish "29 października 2026"). English is British English on this site.
BABEL_LOCALES = {"en": "en_GB"}


@register.filter
def local_date(value):
    """A date written out in the active language: {{ page.date|local_date }}.

    Keep the machine-readable form beside it: <time datetime="{{ page.date|date:'Y-m-d' }}">.
    """
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_date(value, format="long", locale=_babel_locale())


def _babel_locale(language=None):
    return _babel_locale_for(language or get_language() or settings.LANGUAGE_CODE)


@cache  # one per language: Babel parses the locale's name and looks up its data each time
def _babel_locale_for(language):
    return BabelLocale.parse(BABEL_LOCALES.get(language, to_locale(language)))


@register.simple_tag
def list_separator(forloop):
    """What stands between two items of a list in the active language, from CLDR's list patterns:
    "Legal advice, Housing and Health" in English, "A وB وC" in Arabic, "A፣ B" in Tigrinya.

    {% for item in items %}{{ item }}{% list_separator forloop %}{% endfor %}. A tag rather than
    babel.lists.format_list because the items are marked-up (lang attributes), not plain strings.
    """
    position = forloop["counter"]
    total = position + forloop["revcounter"] - 1
    patterns = _babel_locale().list_patterns["standard"]
    if forloop["last"]:
        # Some languages close the list after its last item too (Tigrinya "{0}ን {1}ን").
        return patterns["2" if total == 2 else "end"].split("{1}", 1)[1] if total > 1 else ""
    if total == 2:
        key = "2"
    elif position == 1:
        key = "start"
    elif position == total - 1:
        key = "end"
    else:
        key = "middle"
    return patterns[key].split("{0}", 1)[1].split("{1}", 1)[0]


@register.simple_tag(takes_context=True)
def breadcrumb_ancestors(context, page):
    """The page's ancestors below the tree root, top first.

    On an English page served because it is not translated (request.is_untranslated_fallback),
    each ancestor is its translation in the visitor's language where a live one exists.
    """
    request = context.get("request")
    routed = getattr(request, "nasn_ancestors", None)  # found while routing (home.views.quick_route)
    if routed and page.path.startswith(routed[-1].path):
        ancestors = [ancestor for ancestor in routed if ancestor.depth > 1]
    else:
        ancestors = list(page.get_ancestors().filter(depth__gt=1))
    if ancestors and getattr(request, "is_untranslated_fallback", False):
        # The sections above many pages, the same for every visitor: kept like the menus. Plain
        # pages: a breadcrumb shows only titles and links.
        locale = listing_locale(page, request)
        keys = ",".join(str(ancestor.translation_key) for ancestor in ancestors)
        ancestors = shared(f"breadcrumb:{locale.pk}:{keys}", lambda: localize_pages(ancestors, locale, specific=False))
    return ancestors


@register.simple_tag(takes_context=True)
def parent_page(context, page):
    """The page's parent: the one found while routing (home.views.quick_route), else a query."""
    routed = getattr(context.get("request"), "nasn_ancestors", None)
    if routed and routed[-1].depth == page.depth - 1 and page.path.startswith(routed[-1].path):
        return routed[-1]
    return page.get_parent()


@register.simple_tag(takes_context=True)
def lang_attrs(context, item):
    """` lang="…" dir="…"` for a page or snippet written in another language than the visitor's.

    On an English fallback page (/ar/… not yet translated) the page's own text carries
    `{{ page_lang }}` (set in base.html from this tag), while the interface around it stays in
    the visitor's language and direction; topics and categories shown there in the visitor's
    language need nothing, and those only in English get lang="en".
    """
    code = _locale_code(getattr(item, "locale_id", None), context.get("request"))
    if not code or code == get_language():
        return ""
    return format_html(' lang="{}" dir="{}"', code, "rtl" if get_language_info(code)["bidi"] else "ltr")


@register.filter
def safe_url(value):
    """A stored web address for an href, or "" when it is not a plain http(s) link (old data)."""
    return safe_web_url(value)


# Fragments the same for every visitor ---------------------------------------------------------


def _key_part(value):
    """A fragment key's part for a template value: plain values as they are, a model instance by
    its model and primary key (its content is the shared look-ups' generation), lists item by item."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, Model):
        return (value._meta.label, value.pk)
    if isinstance(value, list | tuple):
        return tuple(_key_part(item) for item in value)
    raise TypeError(f"shared_fragment cannot tell a {type(value).__name__} apart: pass its fields")


class SharedFragmentNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = (get_language(), request.get_host(), *(_key_part(part.resolve(context)) for part in self.parts))
        key = hashlib.sha256(repr(parts).encode()).hexdigest()
        return shared(f"fragment:{self.name}:{key}", lambda: self.nodelist.render(context))


@register.tag
def shared_fragment(parser, token):
    """{% shared_fragment "name" part … %}…{% endshared_fragment %}: the content, rendered once per
    change of content (home.request_cache.shared) for its parts, the active language and the host.

    For markup that is the same for every visitor (no forms, tokens or per-request state): the parts
    must name everything it shows other than stored content and language, such as the time of day
    (open now), a distance or the list it is shown in. Previews are always rendered afresh.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("shared_fragment needs a name")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return SharedFragmentNode(name, [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
