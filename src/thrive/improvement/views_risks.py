"""The risk register's pages: the register with its heat map (after mitigation, or before) and
a table of every risk with its scores; a risk with its mitigations and assessments; adding,
reassessing, mitigating and closing a risk. Viewing needs IMPROVEMENT_VIEW, changing
IMPROVEMENT_EDIT."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from thrive.accounts.policy import Action, can
from thrive.core.errors import Refusal

from . import charts, presenters_risks, selectors_risks
from .forms_risks import CloseForm, MitigationForm, RiskDetailsForm, RiskForm, ScoresForm
from .services import risks as services


def _require(request: HttpRequest, action: Action) -> None:
    if not can(request.user, action):
        raise PermissionDenied


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    status = 400 if context["form"].errors else 200
    return render(request, f"improvement/{template}", context, status=status)


def risk_list(request: HttpRequest) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_VIEW)
    today = timezone.localdate()
    stage = selectors_risks.Stage.BEFORE if request.GET.get("scores") == "before" else None
    stage = stage or selectors_risks.Stage.AFTER
    show_closed = request.GET.get("closed") == "show"
    risks = list(selectors_risks.risk_list(include_closed=show_closed))
    heat_map = selectors_risks.heat_map(risks, stage)
    context = {
        "rows": [presenters_risks.risk_row(risk, today) for risk in risks],
        "stage": stage.value,
        "stage_words": presenters_risks.STAGE_WORDS[stage],
        "heat_map_svg": charts.heat_map_svg(
            heat_map, name=presenters_risks.heat_map_name(heat_map)
        ),
        "heat_map_rows": presenters_risks.heat_map_rows(heat_map),
        "open_count": heat_map.total,
        "bands": presenters_risks.band_rows(),
        "show_closed": show_closed,
        "can_edit": can(request.user, Action.IMPROVEMENT_EDIT),
    }
    return render(request, "improvement/risk_list.html", context)


def risk_add(request: HttpRequest) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    form = RiskForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            risk = services.risk_create(
                actor=request.user,
                title=data["title"],
                cause=data["cause"],
                effect=data["effect"],
                owner=data["owner"],
                review_on=data["review_on"],
                today=timezone.localdate(),
                **form.scores(),
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Risk added to the register")
            return redirect("improvement:risk_detail", risk_id=risk.pk)
    return _page(request, "risk_add.html", {"form": form})


def risk_detail(request: HttpRequest, risk_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_VIEW)
    risk = selectors_risks.risk_get(risk_id)
    context = {
        "risk": risk,
        "row": presenters_risks.risk_row(risk, timezone.localdate()),
        "assessments": presenters_risks.assessment_rows(list(risk.assessments.all())),
        "can_edit": can(request.user, Action.IMPROVEMENT_EDIT) and risk.closed_on is None,
    }
    return render(request, "improvement/risk_detail.html", context)


def risk_update(request: HttpRequest, risk_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    risk = selectors_risks.risk_get(risk_id)
    initial = {name: getattr(risk, name) for name in ("title", "cause", "effect", "owner")}
    form = RiskDetailsForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.risk_update(actor=request.user, risk=risk, **form.cleaned_data)
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Risk changed")
            return redirect("improvement:risk_detail", risk_id=risk.pk)
    return _page(request, "risk_change.html", {"form": form, "risk": risk})


def risk_assess(request: HttpRequest, risk_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    risk = selectors_risks.risk_get(risk_id)
    initial = {
        name: getattr(risk, name)
        for name in ("likelihood_before", "impact_before", "likelihood_after", "impact_after")
    }
    form = ScoresForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.risk_assess(
                actor=request.user,
                risk=risk,
                review_on=form.cleaned_data["review_on"],
                today=timezone.localdate(),
                **form.scores(),
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(
                request, "Scores changed" if assessment else "Review recorded, scores unchanged"
            )
            return redirect("improvement:risk_detail", risk_id=risk.pk)
    return _page(request, "risk_assess.html", {"form": form, "risk": risk})


def risk_mitigation_add(request: HttpRequest, risk_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    risk = selectors_risks.risk_get(risk_id)
    form = MitigationForm(_posted(request), actions=selectors_risks.actions_for_mitigation())
    if request.method == "POST" and form.is_valid():
        try:
            services.mitigation_add(
                actor=request.user,
                risk=risk,
                description=form.cleaned_data["description"],
                action_id=form.cleaned_data["action"],
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Mitigation added")
            return redirect("improvement:risk_detail", risk_id=risk.pk)
    return _page(request, "risk_mitigation_add.html", {"form": form, "risk": risk})


def risk_close(request: HttpRequest, risk_id: int) -> HttpResponse:
    _require(request, Action.IMPROVEMENT_EDIT)
    risk = selectors_risks.risk_get(risk_id)
    form = CloseForm(_posted(request), initial={"closed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.risk_close(
                actor=request.user,
                risk=risk,
                closed_on=form.cleaned_data["closed_on"],
                today=timezone.localdate(),
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Risk closed")
            return redirect("improvement:risk_list")
    return _page(request, "risk_close.html", {"form": form, "risk": risk})
