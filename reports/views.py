from functools import partial

from django.db import DatabaseError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as django_csrf_failure
from wagtail.models import Locale, Page, Site

from home.unavailable import is_unavailable, unavailable_response

from . import protection, unsent
from .forms import ReportForm
from .models import ReportPage
from .notifications import notify_new_report


def render_report_page(request, page, status=200, **context):
    response = page.render(request, context_overrides=context)
    response.status_code = status
    # The form carries a one-time token and the CSRF token: no cache may share it.
    add_never_cache_headers(response)
    # With "no-referrer", browsers post this form with "Origin: null" and Django's CSRF check
    # refuses it. "same-origin" still tells other sites nothing.
    response["Referrer-Policy"] = "same-origin"
    return response


def render_form(request, page, form, status=200):
    # A fresh token whenever the form is shown: the minimum fill time counts from now.
    return render_report_page(request, page, status=status, form=form, form_token=protection.new_token())


def report_form(request, page):
    if not page.form_enabled:
        # The form may have been switched off while someone was writing: show their text back.
        unsent_text = request.POST.get("what_seen", "") if request.method == "POST" else ""
        return render_report_page(request, page, unsent_text=unsent_text)
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            if form.is_replay():  # its report is stored: the thank-you page again, counting nothing
                return sent_redirect(request, page)
            # Checked and counted in one step, only for a report about to be stored.
            if not protection.take_report_slot(request):
                form.refuse_as_rate_limited()
                return render_form(request, page, form)
            try:
                report = form.save(page)
            except DatabaseError as error:
                return not_stored(request, error)
            if report is not None:
                transaction.on_commit(partial(notify_new_report, report))
            # Sent twice at once (report is None): the same thank-you page, its report is stored.
            return sent_redirect(request, page)
        return render_form(request, page, form)
    return render_form(request, page, ReportForm())


def not_stored(request, error):
    """The report was not stored: the reporter's text again, with a 503 (try again soon) or a 500."""
    unsent.log_unsent(error)
    protection.give_back_report_slot(request)
    if is_unavailable(error):
        return unavailable_response(request)  # the same page, with home's Retry-After
    return unsent.unsent_response(request, status=500)


def sent_redirect(request, page):
    # 303: the browser fetches the thank-you page with a GET, so neither Back nor Reload sends
    # the report again, and the history entry holds no form data.
    response = redirect(request.path + page.reverse_subpage("sent"))
    response.status_code = 303
    add_never_cache_headers(response)
    return response


def report_sent(request, page):
    return render_report_page(request, page, sent=True)


def csrf_failure(request, reason=""):
    """A CSRF_FAILURE_VIEW that, on a report page, shows the form again with what was written.

    A reporter whose CSRF cookie was missing or stale (an old tab, a cleared cookie) would
    otherwise lose their text to Django's bare 403 page. Nothing is stored; rendering the form
    sets a fresh CSRF cookie, so pressing "Send report" again works.
    """
    page = _report_page_for(request)
    if page is None or not page.form_enabled or request.method != "POST":
        return django_csrf_failure(request, reason)
    form = ReportForm(request.POST)
    form.add_error(
        None,
        _(
            "Your report was not sent because a security check failed. Your report is still here: "
            "please press “Send report” again."
        ),
    )
    return render_form(request, page, form, status=403)


def _report_page_for(request):
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve":
        return None
    path = match.args[0] if match.args else match.kwargs.get("path", "")
    route = Page.route_for_request(request, path)
    if route is None:
        # As home.views.serve: a page not yet translated is served from the English tree.
        site = Site.find_for_request(request)
        if site is None:
            return None
        root = site.root_page.get_translation_or_none(Locale.get_default()) or site.root_page
        try:
            route = root.specific.route(request, [part for part in path.split("/") if part])
        except Http404:
            return None
    page = route[0]
    return page if isinstance(page, ReportPage) else None
