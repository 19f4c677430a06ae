from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.formats import date_format

from thrive.core.forms import GovUKForm


class SignInForm(GovUKForm, AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case sensitive.",
        "inactive": "This account is not active. Contact your SEND service manager.",
        "access_ended": (
            "Your access to Thrive ended on %(ends_on)s. "
            "Contact the improvement programme team if you still need it."
        ),
    }

    def confirm_login_allowed(self, user: Any) -> None:
        """A time-limited account (an inspector's) may sign in up to and including its last day."""
        super().confirm_login_allowed(user)
        from .policy import access_expired

        if access_expired(user):
            raise ValidationError(
                self.error_messages["access_ended"],
                code="access_ended",
                params={"ends_on": date_format(user.access_ends_on, "j F Y")},
            )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["username"].widget = forms.TextInput(
            attrs={"autocomplete": "username", "spellcheck": "false", "autofocus": False}
        )
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password"}
        )
