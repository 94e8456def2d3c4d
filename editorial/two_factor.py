"""Two-factor authentication for the admin (wagtail-2fa, TOTP devices from django-otp).

With NASN_REQUIRE_2FA on, every admin user must set up an authenticator app before using the
admin, and enter a code at each sign-in. With it off, 2FA is optional: a user who has set up a
device must still enter its code, and users without one are not asked.

wagtail-2fa's own switch (WAGTAIL_2FA_REQUIRED) is therefore always on; the middleware below
decides per user. On the public site (pages behind a sign-in), the same rule holds: the sign-in
form there asks for the code too, and a user who must enter one and has not counts as signed out.
"""

from functools import cache, partial

import django_otp
from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django_otp.forms import OTPAuthenticationFormMixin
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
            # Lazy: public pages that do not ask who is signed in never read the session.
            request.user = SimpleLazyObject(partial(self._public_user, request, request.user))
            return None
        response = super().process_request(request)
        # wagtail-2fa hides the admin menu from users who must verify and have not yet.
        request.user.enable_2fa = self._user_must_verify(request.user)
        return response

    def _require_verified_user(self, request):
        return super()._require_verified_user(request) and self._user_must_verify(request.user)

    def _public_user(self, request, user):
        user = self._verify_user_sync(request, user)
        if user.is_authenticated and not user.is_verified() and self._user_must_verify(user):
            return AnonymousUser()  # signed in with a password only, e.g. halfway through the admin's sign-in
        return user

    @staticmethod
    def _user_must_verify(user):
        return settings.NASN_REQUIRE_2FA or (user.is_authenticated and django_otp.user_has_device(user, confirmed=True))


class AnyTOTPDeviceMixin:
    """Checks a code against each of the user's confirmed TOTP devices until one accepts it.

    Since 1.7.1 django-otp checks a code only against a device the form names, and neither
    wagtail-2fa 1.8's form nor ours names one. Staff only have TOTP devices (wagtail-2fa sets up
    nothing else), so trying each of them is safe: there is no recovery-code device to throttle.
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


class TokenForm(AnyTOTPDeviceMixin, wagtail_2fa_forms.TokenForm):
    """wagtail-2fa's code form, made to work with django-otp 1.7.1 and later."""


class LoginView(wagtail_2fa_views.LoginView):
    form_class = TokenForm


class PublicLoginForm(AnyTOTPDeviceMixin, OTPAuthenticationFormMixin, AuthenticationForm):
    """The public sign-in (pages behind a sign-in): the password, and the code where 2FA applies."""

    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "invalid_token": _("Enter the current code from your authenticator app."),
    }

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Only if you have set up two-factor authentication."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "field__input"
        self.fields["otp_token"].widget.attrs["dir"] = "ltr"  # digits, also on a right-to-left page

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        self.otp_device = None
        if user is not None and TwoFactorMiddleware._user_must_verify(user):
            if not django_otp.user_has_device(user, confirmed=True):
                raise forms.ValidationError(
                    _("Set up two-factor authentication in the admin before signing in here."), code="no_device"
                )
            token = cleaned_data.get("otp_token", "").strip()
            if not token:  # not a wrong code: a password-only attempt must not count towards the device's throttle
                raise forms.ValidationError(self.otp_error_messages["invalid_token"], code="invalid_token")
            self.otp_device = self._verify_token(user, token)
        return cleaned_data


class PublicLoginView(auth_views.LoginView):
    form_class = PublicLoginForm
    template_name = "editorial/sign_in.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.otp_device is not None:
            django_otp.login(self.request, form.otp_device)
        return response
