"""What the plan views share: who may use them, the page context, and the form page."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from thrive.accounts.policy import Action, can
from thrive.core.errors import Refusal
from thrive.core.forms import GovUKForm

from .. import presenters, selectors
from ..models import PlanVersion


def plan_team_only(request: HttpRequest) -> None:
    """Writing plans is the case work team's job: any other role is turned away (403)."""
    if not can(request.user, Action.PLAN_EDIT):
        raise PermissionDenied


def version_for_team(request: HttpRequest, version_id: int) -> PlanVersion:
    plan_team_only(request)
    return selectors.version_get_for(user=request.user, version_id=version_id)


def version_context(version: PlanVersion, **extra: Any) -> dict[str, Any]:
    case = version.plan.case
    return {
        "version": version,
        "case": case,
        "child": case.child,
        "version_title": presenters.version_title(version),
        **extra,
    }


def to_version(version: PlanVersion) -> HttpResponse:
    return redirect("plans:version_edit", version_id=version.pk)


def form_page(
    request: HttpRequest,
    version: PlanVersion,
    form: GovUKForm,
    save: Callable[[dict[str, Any]], object],
    *,
    heading: str,
    success: str,
    intro: str = "",
) -> HttpResponse:
    """Show the form; on a valid POST, save through the service and go back to the version.
    A refusal is shown in the error summary, against its field."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, success)
            return to_version(version)
    context = version_context(version, form=form, heading=heading, intro=intro)
    return render(request, "plans/version_form.html", context, status=400 if form.errors else 200)


def refusal_form(refusal: Refusal | None = None) -> GovUKForm:
    """A bound, empty form to carry a refusal to the error summary on a confirmation page."""
    form = GovUKForm(data={})
    form.is_valid()
    if refusal is not None:
        form.add_refusal(refusal)
    return form
