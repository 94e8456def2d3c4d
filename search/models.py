from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchLog(models.Model):
    """How often a query was searched for on one day in one language, and how often it found nothing.

    Nothing about the visitor is kept: no IP address, user agent, cookie or session, and no
    time finer than the day, so a row cannot be matched to a line of a web server's access log.
    The query itself is normalised and stripped of postcodes, email addresses, numbers and every word
    the site's own pages do not use before it gets here (`search.text.query_for_log`).
    """

    date = models.DateField(_("date"))
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    query = models.CharField(_("query"), max_length=100)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    empty_searches = models.PositiveIntegerField(
        _("searches that found nothing"),
        default=0,
        help_text=_("Nothing was found in the visitor's language."),
    )
    english_only_searches = models.PositiveIntegerField(
        _("searches answered only in English"),
        default=0,
        help_text=_("Nothing was found in the visitor's language, but English pages were."),
    )

    class Meta:
        verbose_name = _("search log entry")
        verbose_name_plural = _("search log")
        # Also the index for the report's and pruning's filters by date.
        constraints = [models.UniqueConstraint(fields=["date", "locale", "query"], name="unique_search_log_day")]
        default_permissions = ("view",)
        # Downloading the whole log is for moderators (editorial/roles.py); editors only view it.
        permissions = [("export_searchlog", "Can export search log entry")]

    def __str__(self):
        return f"{self.date} {self.query}"

    @classmethod
    def record(cls, query, locale, found, found_in_english=0):
        """Count one search; `found` is the number of results in the visitor's language."""
        key = {"date": timezone.localdate(), "locale": locale, "query": query}
        counts = {
            "searches": 1,
            "empty_searches": int(not found),
            "english_only_searches": int(not found and bool(found_in_english)),
        }
        increment = {field: F(field) + value for field, value in counts.items()}
        if cls.objects.filter(**key).update(**increment):
            return
        try:
            with transaction.atomic():
                cls.objects.create(**key, **counts)
        except IntegrityError:  # another request created today's row first
            cls.objects.filter(**key).update(**increment)
