"""Two-factor authentication for the admin (wagtail-2fa, TOTP devices from django-otp).

With NASN_REQUIRE_2FA on, every admin user must set up an authenticator app before using the
admin, and enter a code at each sign-in. With it off, 2FA is optional: a user who has set up a
device must still enter its code, and users without one are not asked.

wagtail-2fa's own switch (WAGTAIL_2FA_REQUIRED) is therefore always on; the middleware below
decides per user. It only looks at admin URLs, so public pages never read the session.
"""

from functools import cache

import django_otp
from django import forms
from django.conf import settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa import forms as wagtail_2fa_forms
from wagtail_2fa import views as wagtail_2fa_views
from wagtail_2fa.middleware import VerifyUserMiddleware


@cache
def admin_prefix():
    return reverse("wagtailadmin_home")


class TwoFactorMiddleware(VerifyUserMiddleware):
    def process_request(self, request):
        if not request.path_info.startswith(admin_prefix()):
            return None
        response = super().process_request(request)
        # wagtail-2fa hides the admin menu from users who must verify and have not yet.
        request.user.enable_2fa = self._user_must_verify(request.user)
        return response

    def _require_verified_user(self, request):
        return super()._require_verified_user(request) and self._user_must_verify(request.user)

    @staticmethod
    def _user_must_verify(user):
        return settings.NASN_REQUIRE_2FA or (user.is_authenticated and django_otp.user_has_device(user, confirmed=True))


class TokenForm(wagtail_2fa_forms.TokenForm):
    """wagtail-2fa's code form, made to work with django-otp 1.7.1 and later.

    Since 1.7.1 django-otp checks a code only against a device the form names, and wagtail-2fa
    1.8's form names none, so every code was refused. Staff only have TOTP devices (wagtail-2fa
    sets up nothing else): the code is checked against each of theirs until one accepts it.
    """

    def _verify_token(self, user, token, device=None):
        if device is not None:
            return super()._verify_token(user, token, device)
        error = forms.ValidationError(self.otp_error_messages["invalid_token"], code="invalid_token")
        for candidate in TOTPDevice.objects.devices_for_user(user, confirmed=True):
            try:
                return super()._verify_token(user, token, candidate)
            except forms.ValidationError as invalid:
                error = invalid
        raise error


class LoginView(wagtail_2fa_views.LoginView):
    form_class = TokenForm
