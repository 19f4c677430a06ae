"""What the audit views share."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from thrive.accounts.policy import Action, can
from thrive.core.errors import Refusal
from thrive.core.forms import GovUKForm


def require(request: HttpRequest, action: Action, obj: object = None) -> None:
    """A signed-in person whose role does not allow `action` is turned away (403)."""
    if not can(request.user, action, obj):
        raise PermissionDenied


def refusal_form(refusal: Refusal | None = None) -> GovUKForm:
    """A bound, empty form to carry a refusal to the error summary on a page with no fields."""
    form = GovUKForm(data={})
    form.is_valid()
    if refusal is not None:
        form.add_refusal(refusal)
    return form


def posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None
