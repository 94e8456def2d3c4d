from csp.utils import build_policy
from django.conf import settings
from django.shortcuts import redirect
from wagtail.models import Locale, Page

from editorial.translation_report import locales_user_translates

from .roles import SUBMIT_TRANSLATION
from .two_factor import admin_prefix


class AdminReferrerPolicyMiddleware:
    """Referrer-Policy: same-origin for the admin, instead of the site-wide no-referrer.

    Under no-referrer, browsers send "Origin: null" with every form a page posts, and Django's
    CSRF check refuses it: nobody could sign in to the admin or save a page in a real browser.
    same-origin still tells other sites nothing. SecurityMiddleware keeps a header already set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(admin_prefix()):
            response.headers["Referrer-Policy"] = "same-origin"
        return response


class AdminContentSecurityPolicyMiddleware:
    """The admin's own Content-Security-Policy (settings.ADMIN_CONTENT_SECURITY_POLICY).

    django-csp has one policy per site, and the public one (no inline script) would break the
    admin, so /admin/ is excluded from it and gets this one instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = build_policy(config=settings.ADMIN_CONTENT_SECURITY_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(admin_prefix()):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class TranslatorSourcePageMiddleware:
    """A translator opening an English page they may not edit sees its translations page instead.

    Wagtail checks edit permission before any hook runs and answers with "Sorry, you do not have
    permission" on the dashboard; from the page explorer's language switch, a search result or a
    link, translators would be bounced away from the page they were asked to translate.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name != "wagtailadmin_pages:edit" or request.method != "GET":
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.has_perm(SUBMIT_TRANSLATION):
            return None
        page = Page.objects.filter(pk=view_kwargs.get("page_id"), locale=Locale.get_default()).first()
        if page is None or page.permissions_for_user(user).can_edit() or not locales_user_translates(user):
            return None  # editors keep Wagtail's own refusal for pages outside their sections
        return redirect("translation_source", page.pk)
