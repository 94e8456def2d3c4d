from django.db import models
from django.utils.translation import gettext_lazy as _


class PageViews(models.Model):
    """How often a page was read on one day (or, once rolled up, in one month) in one language.

    Nothing about the reader is kept: no IP address, user agent, referrer, cookie, session, query
    string or time of day. ``locale`` is the language of the address the page was read at: an
    English page counted under Polish was shown to a Polish reader because it has no Polish
    translation yet (``is_fallback``).
    """

    DAY = "day"
    MONTH = "month"
    PERIODS = [(DAY, _("day")), (MONTH, _("month"))]

    period = models.CharField(_("period"), max_length=5, choices=PERIODS, default=DAY)
    date = models.DateField(_("date"), help_text=_("The day, or the first day of the month."))
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views")
        verbose_name_plural = _("page views")
        # Also the index for the report's and the roll-up's filters by period and date.
        constraints = [
            models.UniqueConstraint(fields=["period", "date", "page", "locale"], name="unique_page_views_period")
        ]
        default_permissions = ("view",)  # rows are written by flush_readership only

    def __str__(self):
        return f"{self.date} {self.page_id} {self.locale_id}: {self.views}"

    @property
    def is_fallback(self):
        return self.page.locale_id != self.locale_id
