"""The plan's overview, a version's page, issuing, and starting the next version."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from thrive.accounts.policy import Action, can
from thrive.assessments.models import Case
from thrive.assessments.presenters import twenty_week_summary
from thrive.assessments.selectors import case_clock, case_get_for
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.law import clock
from thrive.quality.findings import contents_findings
from thrive.quality.gate import issue_gate

from .. import presenters, selectors, services
from ..forms import IssueDraftForm, IssueFinalForm
from ..models import EhcPlan, PlanVersion, VersionKind
from ..models_reviews import ReviewDecision
from ..selectors_amendments import amendment_for, pending_amend_review
from ..selectors_ceasing import cessation_status, plan_ceased_on
from ..selectors_reviews import first_final_issued_on
from ._common import plan_team_only, refusal_form, to_version, version_context, version_for_team
from .reviews import review_section


def _compare_choice(request: HttpRequest, versions: list[PlanVersion]) -> HttpResponse | None:
    """The overview's compare form (GET from, to) leads to the comparison page."""
    by_number = {str(v.number): v for v in versions}
    before, after = request.GET.get("from"), request.GET.get("to")
    if before in by_number and after in by_number:
        return redirect(
            "plans:version_compare",
            version_id=by_number[before].pk,
            other_id=by_number[after].pk,
        )
    return None


def _overview(request: HttpRequest, case: Case, refusal: Refusal | None = None) -> HttpResponse:
    plan = selectors.plan_for_case(case)
    versions = selectors.plan_versions(plan) if plan else []
    if refusal is None and (chosen := _compare_choice(request, versions)):
        return chosen
    today = timezone.localdate()
    result = case_clock(case, today=today)
    latest = versions[-1] if versions else None
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=case,
        child_id=case.child_id,
        summary="viewed the EHC plan's versions",
    )
    context: dict[str, Any] = {
        "case": case,
        "child": case.child,
        "form": refusal_form(refusal),
        "stage": result.stage.label,
        "twenty_weeks": twenty_week_summary(result),
        "can_start": plan is None and result.stage in services.PLAN_STAGES,
        "rows": presenters.version_rows(versions),
        "latest": latest,
        "numbers": [v.number for v in versions],
        "review": review_section(case, plan, today),
        **_after_issue(plan, today),
    }
    return render(
        request, "plans/plan_overview.html", context, status=400 if refusal is not None else 200
    )


def _after_issue(plan: EhcPlan | None, today: dt.date) -> dict[str, Any]:
    """The overview's amendment and cessation sections, once the final plan is issued."""
    if plan is None or first_final_issued_on(plan) is None:
        return {"maintained": False}
    status = cessation_status(plan, today)
    last = plan.reviews.exclude(decision="").order_by("-meeting_on", "-id").first()
    return {
        "maintained": True,
        "amendment": presenters.amendment_section(amendment_for(plan, today)),
        "amend_review": pending_amend_review(plan),
        "cessation": presenters.cessation_section(status),
        "ceased": bool(status and status.ceased),
        "cease_highlighted": status is None
        and last is not None
        and last.decision == ReviewDecision.CEASE,
    }


def plan_overview(request: HttpRequest, case_id: int) -> HttpResponse:
    plan_team_only(request)
    return _overview(request, case_get_for(user=request.user, case_id=case_id))


def plan_start(request: HttpRequest, case_id: int) -> HttpResponse:
    plan_team_only(request)
    case = case_get_for(user=request.user, case_id=case_id)
    if request.method != "POST":
        return redirect("plans:plan_overview", case_id=case.pk)
    try:
        version = services.plan_start(actor=request.user, case=case)
    except Refusal as refusal:
        return _overview(request, case, refusal)
    messages.success(request, "Draft plan started")
    return to_version(version)


def version_edit(request: HttpRequest, version_id: int) -> HttpResponse:
    version = version_for_team(request, version_id)
    contents = selectors.version_contents(version)
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=version,
        child_id=version.plan.case.child_id,
        summary=f"viewed plan version {version.number}",
    )
    findings = [] if version.is_issued else contents_findings(contents)
    context = version_context(
        version,
        status=presenters.version_status(version),
        issued=presenters.issued_text(version),
        cards=presenters.section_cards(version, selectors.snapshot(contents), findings),
        checks=presenters.findings_summary(findings),
    )
    return render(request, "plans/version_edit.html", context)


def _issue(request: HttpRequest, version_id: int, *, draft: bool) -> HttpResponse:
    version = version_for_team(request, version_id)
    if version.is_issued:
        return to_version(version)
    if version.is_draft != draft:
        other = "plans:version_issue_draft" if version.is_draft else "plans:version_issue_final"
        return redirect(other, version_id=version.pk)
    form_class = IssueDraftForm if draft else IssueFinalForm
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        issue = services.plan_issue_draft if draft else services.plan_issue_final
        on = form.cleaned_data["served_on" if draft else "issued_on"]
        today = timezone.localdate()
        try:
            issue(actor=request.user, version=version, today=today, **_issue_date(draft, on))
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, _issued_message(version, on, draft))
            return redirect("plans:plan_overview", case_id=version.plan.case_id)
    result = case_clock(version.plan.case, today=timezone.localdate())
    context = version_context(
        version,
        form=form,
        twenty_weeks=twenty_week_summary(result),
        consequences=presenters.issue_consequences(version),
        gate=None
        if draft
        else presenters.gate_panel(
            version,
            issue_gate(version),
            may_override=can(request.user, Action.ISSUE_OVERRIDE, version.plan.case),
        ),
    )
    template = "plans/version_issue.html"
    return render(request, template, context, status=400 if form.errors else 200)


def _issue_date(draft: bool, on: Any) -> dict[str, Any]:
    return {"served_on": on} if draft else {"issued_on": on}


def _issued_message(version: PlanVersion, on: Any, draft: bool) -> str:
    if draft:
        closes = clock.render_date(clock.comments_close_on(on))
        return f"Draft plan issued. The family has until {closes} to comment."
    return "Final plan issued. The family has been told how to appeal."


def version_issue_draft(request: HttpRequest, version_id: int) -> HttpResponse:
    return _issue(request, version_id, draft=True)


def version_issue_final(request: HttpRequest, version_id: int) -> HttpResponse:
    return _issue(request, version_id, draft=False)


def _next_version_reason(version: PlanVersion, latest: PlanVersion, today: dt.date) -> str:
    """Why the next version cannot be started from this one, or "" if it can."""
    if (ceased := plan_ceased_on(version.plan, today)) is not None:
        return f"The plan ceased on {clock.render_date(ceased)}. It has no more versions."
    if latest.pk != version.pk:
        return f"Version {latest.number} is the latest. Start the next version from it."
    if not version.is_issued:
        return f"Version {version.number} has not been issued yet. Issue it first."
    return ""


def version_start_next(request: HttpRequest, version_id: int) -> HttpResponse:
    """Start the next version. A draft amended plan after a review that decided to amend the
    plan is linked to that review (reg. 22)."""
    version = version_for_team(request, version_id)
    latest = selectors.plan_versions(version.plan)[-1]
    today = timezone.localdate()
    review = (
        pending_amend_review(version.plan)
        if version.next_kind == VersionKind.AMENDED_DRAFT
        else None
    )
    form = refusal_form()
    if request.method == "POST":
        try:
            copy = services.plan_new_version(
                actor=request.user,
                version=version,
                kind=version.next_kind,
                review=review,
                today=today,
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, f"{presenters.version_title(copy).capitalize()} started")
            return to_version(copy)
    closes = clock.comments_close_on(version.issued_on) if version.issued_on else None
    context = version_context(
        version,
        form=form,
        reason=_next_version_reason(version, latest, today),
        next_number=version.number + 1,
        next_kind=version.next_kind.label.lower(),
        comments_close_on=closes,
        comments_open=bool(version.is_draft and closes and closes >= today),
        review=review,
    )
    status = 400 if form.errors else 200
    return render(request, "plans/version_start_next.html", context, status=status)
