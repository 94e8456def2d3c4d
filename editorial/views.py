"""Settings → Sign-in lockouts: django-axes' records of failed staff sign-ins, for superusers.

This project has no Django admin, where axes would list them. The view is read-only: the only
action is deleting a record, which unlocks that username at that address at once.
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy


class SuperuserOnlyPermissionPolicy(BasePermissionPolicy):
    """Superusers may view and delete; nobody may add or change; nobody else may do anything."""

    allowed_actions = {"view", "delete"}

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action in self.allowed_actions

    def users_with_any_permission(self, actions):
        if self.allowed_actions.isdisjoint(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


def lockout_status(attempt):
    if attempt.failures_since_start < settings.AXES_FAILURE_LIMIT:
        return _("No")
    if settings.AXES_COOLOFF_TIME:
        until = timezone.localtime(attempt.attempt_time + settings.AXES_COOLOFF_TIME)
        return _("Until %(time)s") % {"time": until.strftime("%H:%M")}
    return _("Yes")


class SignInLockoutViewSet(ModelViewSet):
    model = AccessAttempt
    name = "sign_in_lockouts"
    url_prefix = "sign-in-lockouts"
    icon = "lock"
    menu_label = _("Sign-in lockouts")
    add_to_settings_menu = True
    menu_order = 900
    permission_policy = SuperuserOnlyPermissionPolicy(AccessAttempt)
    list_display = [
        "username",
        "ip_address",
        Column("failures_since_start", label=_("Failed attempts")),
        Column("locked_out", label=_("Locked out"), accessor=lockout_status),
        "attempt_time",
    ]
    search_fields = ["username"]
    search_backend_name = None  # not in the search index: plain database lookups
    ordering = ["-attempt_time"]
    inspect_view_enabled = True
    inspect_view_fields = ["username", "ip_address", "user_agent", "path_info", "failures_since_start", "attempt_time"]
    copy_view_enabled = False
    # Never used (nobody may add or change), but ModelViewSet builds its forms up front.
    form_fields = ["username"]
