from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import phones
from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.models import BasePage


class ReportPage(RoutablePageMixin, BasePage):
    """The "Report a concern" page: a form for the public, or only the 24-hour helplines.

    Routes: the page itself (the form) and ``sent/``, where a reporter lands after sending.
    """

    intro = StreamField(
        BodyBlock(),
        blank=True,
        help_text=_("Shown below the form: who reads reports, what happens next, other ways to report."),
    )
    form_enabled = models.BooleanField(
        _("show the report form"),
        default=True,
        help_text=_(
            "Turn off when nobody can read reports for a while: the page then shows only the 24-hour helplines."
        ),
    )
    thank_you = RichTextField(
        _("thank-you message"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown after a report is sent, above the helpline numbers."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("form_enabled"),
        FieldPanel("thank_you"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    # The page's own texts only: reports are never part of a page, its API or its revisions.
    api_fields = BasePage.api_fields + [APIField("intro"), APIField("form_enabled"), APIField("thank_you")]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("thank_you"),
        SynchronizedField("form_enabled"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # Lets editors check the thank-you message as well as the form.
    preview_modes = [("", _("Report form")), ("sent", _("After sending"))]

    class Meta:
        verbose_name = _("report a concern page")

    # The views live in views.py, which imports this module.
    def serve_preview(self, request, mode_name):
        from .views import report_form, report_sent

        return report_sent(request, self) if mode_name == "sent" else report_form(request, self)

    @path("", name="form")
    def form_view(self, request):
        from .views import report_form

        return report_form(request, self)

    @path("sent/", name="sent")
    def sent_view(self, request):
        from .views import report_sent

        return report_sent(request, self)


class WhoAffected(models.TextChoices):
    ME = "me", _("It is happening to me")
    SOMEONE_ELSE = "someone_else", _("It is happening to someone else")
    RATHER_NOT_SAY = "rather_not_say", _("I'd rather not say")


def to_the_hour(moment):
    return moment.replace(minute=0, second=0, microsecond=0)


def received_now():
    return to_the_hour(timezone.now())


class Report(models.Model):
    """A concern sent through the form: what the reporter chose to write, and nothing more.

    No address, user agent, cookie, referrer or account is recorded. ``submission_key`` is a
    hash of the one-time form token (random, not derived from the reporter), so a replayed
    form is stored once.
    """

    what_seen = models.TextField(_("what was seen"), max_length=5000)
    location = models.TextField(_("where"), max_length=1000, blank=True)
    district = models.ForeignKey(
        "directory.Area",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "district"},
    )
    when_seen = models.CharField(_("when"), max_length=200, blank=True)
    contact_name = models.CharField(_("name"), max_length=200, blank=True)
    contact_phone = phones.PhoneField(_("phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    who_affected = models.CharField(_("who it is happening to"), max_length=20, choices=WhoAffected.choices, blank=True)
    page = models.ForeignKey(
        ReportPage,
        verbose_name=_("sent from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locale_code = models.CharField(
        _("language"), max_length=16, blank=True, help_text=_("The language the reporter used the site in.")
    )
    # To the hour only (save() truncates it): the exact minute a report arrived could help
    # match it to a reporter's movements or phone records.
    created_at = models.DateTimeField(_("received"), default=received_now, editable=False, db_index=True)
    submission_key = models.CharField(max_length=64, unique=True, editable=False)

    # Not a page, snippet or indexed model: no search index, API, revisions or usage listings.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("concern report")
        verbose_name_plural = _("concern reports")
        # Reports are only read, exported and deleted: nobody adds or edits them in the admin.
        default_permissions = ("view", "delete")
        permissions = [("export_report", "Can export concern reports as CSV")]

    def __str__(self):
        # Never the content: this string may appear in logs and admin messages.
        return f"Report {self.pk}"

    def save(self, *args, **kwargs):
        if self.created_at is not None:
            self.created_at = to_the_hour(self.created_at)
        super().save(*args, **kwargs)

    @property
    def has_contact_details(self):
        return bool(self.contact_name or self.contact_phone or self.contact_email)
