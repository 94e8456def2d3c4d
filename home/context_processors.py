from django.conf import settings
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale

from .models import Helpline
from .request_cache import shared


def featured_helplines():
    return [helpline.localized for helpline in Helpline.featured(Locale.get_default())]


def site_chrome(request):
    """What the header and footer of every public page need: languages and featured helplines."""
    if request.path.startswith("/admin/"):
        return {}

    found = []

    def helplines():
        # Templates call this each time they use it: look the helplines up once per request.
        if not found:
            found.append(shared(f"featured_helplines:{get_language()}", featured_helplines))
        return found[0]

    return {
        "footer_helplines": helplines,
        "available_languages": [get_language_info(code) for code, _name in settings.LANGUAGES],
    }
