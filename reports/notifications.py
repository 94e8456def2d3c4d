import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def notify_new_report(report):
    """Tell REPORTS_NOTIFY_EMAIL that a report arrived, with a link to it in the admin.

    Never what the report says: email is copied, forwarded and read on shared devices.
    """
    recipients = settings.REPORTS_NOTIFY_EMAIL
    if not recipients:
        return
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("concern_reports:inspect", args=[report.pk])
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New report of a concern")
        body = _(
            "A new report has arrived through the website's “Report a concern” form.\n\n"
            "Sign in to read it:\n%(url)s\n\n"
            "To keep the reporter safe, this email does not say what the report contains."
        ) % {"url": url}
    try:
        send_mail(subject, body, None, recipients)
    except Exception:
        # The report is stored either way; the leads see it in the admin.
        logger.exception("Could not send the new-report notification for report %s", report.pk)
