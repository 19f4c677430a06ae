"""The audit framework, for SEND managers and administrators: its versions, the criteria of
each, and the version being written (criteria added, changed and removed) until it is put in
use. Pages about the version being written go back to the framework when there is none."""

from functools import partial
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from thrive.accounts.policy import Action
from thrive.core.errors import Refusal

from .. import presenters, selectors, services
from ..forms import CriterionForm
from ..models import Agency, AuditFramework
from ._common import posted, refusal_form, require


def _to_framework() -> HttpResponse:
    return redirect("quality:framework_detail")


def _shown(request: HttpRequest, frameworks: list[AuditFramework]) -> AuditFramework | None:
    """The version asked for (?version=2), else the one being written, else the one in use."""
    wanted = request.GET.get("version", "")
    chosen = next((f for f in frameworks if str(f.version) == wanted), None)
    writing = next((f for f in frameworks if f.is_being_written), None)
    return chosen or writing or next((f for f in frameworks if f.active), None)


def _framework_page(request: HttpRequest, refusal: Refusal | None = None) -> HttpResponse:
    frameworks = selectors.frameworks()
    shown = _shown(request, frameworks)
    criteria = selectors.framework_criteria(shown) if shown else []
    numbered = presenters.numbers(criteria)
    context: dict[str, Any] = {
        "form": refusal_form(refusal),
        "shown": shown,
        "being_written": next((f for f in frameworks if f.is_being_written), None),
        "versions": presenters.framework_rows(frameworks, shown),
        "sections": [
            {
                "title": presenters.section_title(code),
                "criteria": [
                    {
                        "number": numbered[c.pk],
                        "text": c.text,
                        "guidance": c.guidance,
                        "agency": Agency(c.agency).label,
                        "weight": c.weight,
                        "pk": c.pk,
                    }
                    for c in section
                ],
            }
            for code, section in presenters.by_section(criteria).items()
        ],
    }
    status = 400 if refusal is not None else 200
    return render(request, "quality/framework_detail.html", context, status=status)


def framework_detail(request: HttpRequest) -> HttpResponse:
    require(request, Action.FRAMEWORK_EDIT)
    return _framework_page(request)


def framework_start(request: HttpRequest) -> HttpResponse:
    """POST: start the next version as a copy of the one in use."""
    require(request, Action.FRAMEWORK_EDIT)
    if request.method != "POST":
        return _to_framework()
    try:
        framework = services.framework_start_version(actor=request.user)
    except Refusal as refusal:
        return _framework_page(request, refusal)
    messages.success(request, f"Version {framework.version} started as a copy")
    return _to_framework()


def _writing(request: HttpRequest) -> AuditFramework | None:
    require(request, Action.FRAMEWORK_EDIT)
    return selectors.framework_being_written()


def framework_activate(request: HttpRequest) -> HttpResponse:
    framework = _writing(request)
    if framework is None:
        return _to_framework()
    form = refusal_form()
    if request.method == "POST":
        try:
            services.framework_activate(actor=request.user, framework=framework)
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, f"Version {framework.version} is now in use")
            return _to_framework()
    context = {
        "form": form,
        "framework": framework,
        "current": selectors.framework_in_use(),
        "counts": presenters.agency_counts(selectors.framework_criteria(framework)),
    }
    status = 400 if form.errors else 200
    return render(request, "quality/framework_activate.html", context, status=status)


def criterion_edit(request: HttpRequest, criterion_id: int | None = None) -> HttpResponse:
    """Add a criterion to the version being written or, with its id, change or remove one."""
    framework = _writing(request)
    if framework is None:
        return _to_framework()
    criterion = selectors.criterion_in(framework, criterion_id) if criterion_id else None
    number = ""
    if criterion is not None:
        number = presenters.numbers(selectors.framework_criteria(framework))[criterion.pk]
    wants_removal = "yes" in (request.GET.get("remove"), request.POST.get("remove"))
    if criterion is not None and wants_removal:
        remove = partial(services.criterion_remove, actor=request.user, criterion=criterion)
        return _remove_page(request, framework, number, remove)
    initial = (
        {n: getattr(criterion, n) for n in ("section", "text", "guidance", "agency", "weight")}
        if criterion
        else {"section": request.GET.get("section", "")}
    )
    form = CriterionForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if criterion is None:
                services.criterion_add(actor=request.user, framework=framework, **form.cleaned_data)
            else:
                services.criterion_change(
                    actor=request.user, criterion=criterion, **form.cleaned_data
                )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Criterion saved")
            return _to_framework()
    context = {
        "form": form,
        "framework": framework,
        "heading": f"Change criterion {number}" if criterion else "Add a criterion",
    }
    status = 400 if form.errors else 200
    return render(request, "quality/criterion_form.html", context, status=status)


def _remove_page(
    request: HttpRequest, framework: AuditFramework, number: str, remove: Any
) -> HttpResponse:
    form = refusal_form()
    if request.method == "POST":
        try:
            remove()
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, f"Criterion {number} removed")
            return _to_framework()
    context = {"form": form, "framework": framework, "number": number}
    status = 400 if form.errors else 200
    return render(request, "quality/criterion_remove.html", context, status=status)
