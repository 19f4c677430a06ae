"""Ceasing a plan: the decision's form, the notice of the decision, withdrawing it, and the
case work team's report of plans ceased (with a CSV of case references, never names). The
pages hang off the case: a plan has at most one standing decision to cease, so no
cessation id appears in a URL. Thin: forms validate, services write, selectors read."""

import csv
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from thrive.assessments.models import Case
from thrive.assessments.selectors import case_get_for
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.law.clock import render_date
from thrive.people.models import LocalAuthority

from .. import presenters, selectors, services
from ..forms_ceasing import CeaseForm, CeaseWithdrawForm
from ..models import EhcPlan
from ..models_reviews import ReviewDecision
from ..selectors_ceasing import (
    ceased_plans_for,
    ceased_years,
    cessation_notice_for,
    cessation_status,
    latest_cessation,
    standing_cessation,
)
from ..selectors_reviews import first_final_issued_on
from ._common import plan_team_only


def _case_and_plan(request: HttpRequest, case_id: int) -> tuple[Case, EhcPlan | None]:
    plan_team_only(request)
    case = case_get_for(user=request.user, case_id=case_id)
    return case, selectors.plan_for_case(case)


def _to_overview(case: Case) -> HttpResponse:
    return redirect("plans:plan_overview", case_id=case.pk)


def _form_page(
    request: HttpRequest, case: Case, form: Any, template: str, **extra: Any
) -> HttpResponse:
    context = {"case": case, "child": case.child, "form": form, **extra}
    return render(request, template, context, status=400 if form.errors else 200)


def plan_cease(request: HttpRequest, case_id: int) -> HttpResponse:
    case, plan = _case_and_plan(request, case_id)
    if plan is None or first_final_issued_on(plan) is None:
        return _to_overview(case)
    if standing_cessation(plan) is not None:
        return redirect("plans:cessation_notice", case_id=case.pk)
    last = plan.reviews.exclude(decision="").order_by("-meeting_on", "-id").first()
    review = last if last is not None and last.decision == ReviewDecision.CEASE else None
    form = CeaseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cessation = services.plan_cease(
                actor=request.user,
                plan=plan,
                reason=data["reason"],
                ground=data["ground"],
                reasons_given=data["reasons_given"],
                consulted_on=data["consulted_on"],
                notified_on=data["notified_on"],
                review=review,
                today=timezone.localdate(),
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(
                request,
                f"Decision recorded. The plan ceases on {render_date(cessation.ceases_on)}.",
            )
            return redirect("plans:cessation_notice", case_id=case.pk)
    return _form_page(request, case, form, "plans/cease_form.html", review=review)


def cessation_notice(request: HttpRequest, case_id: int) -> HttpResponse:
    """The notice of the decision to cease (reg. 31(2)), filled in; a withdrawn decision says
    so."""
    case, plan = _case_and_plan(request, case_id)
    cessation = latest_cessation(plan) if plan is not None else None
    if cessation is None:
        return _to_overview(case)
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=cessation,
        child_id=case.child_id,
        summary="viewed the decision to cease the plan",
    )
    notice = cessation_notice_for(cessation)
    context = {
        "case": case,
        "child": case.child,
        "cessation": cessation,
        "reason": presenters.cease_label(cessation),
        "rows": presenters.cessation_notice_rows(cessation, notice) if notice else [],
        "section": presenters.cessation_section(
            cessation_status(cessation.plan, timezone.localdate()) if cessation.stands else None
        ),
    }
    return render(request, "plans/cease_notice.html", context)


def cessation_withdraw(request: HttpRequest, case_id: int) -> HttpResponse:
    case, plan = _case_and_plan(request, case_id)
    cessation = standing_cessation(plan) if plan is not None else None
    if cessation is None:
        return _to_overview(case)
    form = CeaseWithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_cease_withdraw(
                actor=request.user,
                cessation=cessation,
                withdrawn_on=form.cleaned_data["withdrawn_on"],
                why=form.cleaned_data["why"],
                today=timezone.localdate(),
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Decision withdrawn. The plan is maintained.")
            return _to_overview(case)
    return _form_page(request, case, form, "plans/cease_withdraw.html", cessation=cessation)


def _year(request: HttpRequest, years: list[int]) -> int | None:
    chosen = request.GET.get("year", "")
    return int(chosen) if chosen.isdigit() and int(chosen) in years else None


def ceased_list(request: HttpRequest) -> HttpResponse:
    """Plans ceased, by the year they ceased: the case work team only, nothing suppressed."""
    plan_team_only(request)
    today = timezone.localdate()
    years = ceased_years(user=request.user, today=today)
    year = _year(request, years)
    rows = presenters.ceased_rows(ceased_plans_for(user=request.user, year=year, today=today))
    context = {"rows": rows, "years": years, "year": year}
    return render(request, "plans/ceased_list.html", context)


def ceased_csv(request: HttpRequest) -> HttpResponse:
    plan_team_only(request)
    today = timezone.localdate()
    year = _year(request, ceased_years(user=request.user, today=today))
    rows = presenters.ceased_rows(ceased_plans_for(user=request.user, year=year, today=today))
    council = LocalAuthority.objects.filter(code=settings.THRIVE_LA_CODE).first()
    if council is None:  # the export is audited against the council
        raise Http404
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=council,
        summary=f"downloaded the ceased plans report ({year or 'every year'})",
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"ceased-plans-{year or 'all'}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    csv.writer(response).writerows(presenters.ceased_csv(rows))
    return response
