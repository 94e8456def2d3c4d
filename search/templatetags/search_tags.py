from django import template
from django.utils.translation import gettext_lazy as _

from home.templatetags.nasn_tags import page_kind

register = template.Library()


@register.filter
def result_kind(page):
    """The kind of page a search result is: advice, news, service… or general information."""
    return page_kind(page) or _("Information")
