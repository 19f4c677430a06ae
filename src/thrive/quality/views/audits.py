"""A plan version's audits: the list, starting one, rating, completing, moderating, the result,
and the SEND manager's override of the issuing gate.

A version has at most one open audit, so the pages that act on it (rate, complete, moderate)
hang off the version: a link to "rate version 3" stays right for as long as the audit is open.
When there is nothing for a page to act on, it goes back to the list, which says why."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from thrive.accounts.policy import Action, can
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.plans import presenters as plan_presenters
from thrive.plans import selectors as plan_selectors
from thrive.plans.models import PlanVersion

from .. import presenters, selectors, services
from ..forms import ModerationForm, OverrideForm, RatingForm
from ..models import Audit, AuditStatus
from ._common import posted, refusal_form, require


def _context(version: PlanVersion, **extra: Any) -> dict[str, Any]:
    case = version.plan.case
    return {
        "version": version,
        "case": case,
        "child": case.child,
        "version_title": plan_presenters.version_title(version),
        **extra,
    }


def _viewed(request: HttpRequest, version: PlanVersion, summary: str) -> None:
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=version,
        child_id=version.plan.case.child_id,
        summary=f"{summary} (plan version {version.number})",
    )


def _to_list(version: PlanVersion) -> HttpResponse:
    return redirect("quality:audit_list", version_id=version.pk)


def _to_audit(audit: Audit) -> HttpResponse:
    return redirect("quality:audit_detail", version_id=audit.version_id, number=audit.number)


# --- The list ----------------------------------------------------------------------------


def _list_page(
    request: HttpRequest, version: PlanVersion, refusal: Refusal | None = None
) -> HttpResponse:
    user = request.user
    audits = selectors.audits_for_version(version)
    current = next((a for a in audits if a.is_open), None)
    sheet = selectors.audit_sheet(current) if current else None
    in_progress = current is not None and current.status == AuditStatus.IN_PROGRESS
    agencies = selectors.auditor_agencies(user)
    case = version.plan.case
    _viewed(request, version, "viewed the plan's audits")
    context = _context(
        version,
        form=refusal_form(refusal),
        rows=presenters.audit_rows(audits),
        current=current,
        current_status=presenters.status_tag(current) if current else None,
        progress=presenters.progress(sheet) if sheet else [],
        rating=presenters.rating_tag(selectors.version_rating(version)),
        overrides=presenters.override_rows(selectors.version_overrides(version)),
        can_start=current is None and can(user, Action.AUDIT_RUN, case),
        can_rate=in_progress
        and sheet is not None
        and any(c.agency in agencies for c in sheet.criteria),
        can_complete=in_progress and can(user, Action.AUDIT_RUN, case),
        can_moderate=current is not None
        and current.status == AuditStatus.AWAITING_MODERATION
        and can(user, Action.AUDIT_MODERATE, case),
        can_override=not version.is_issued and can(user, Action.ISSUE_OVERRIDE, case),
    )
    status = 400 if refusal is not None else 200
    return render(request, "quality/audit_list.html", context, status=status)


def audit_list(request: HttpRequest, version_id: int) -> HttpResponse:
    version = selectors.version_get_for(user=request.user, version_id=version_id)
    return _list_page(request, version)


# --- Starting ----------------------------------------------------------------------------


def audit_start(request: HttpRequest, version_id: int) -> HttpResponse:
    version = selectors.version_get_for(user=request.user, version_id=version_id)
    require(request, Action.AUDIT_RUN, version.plan.case)
    form = refusal_form()
    if request.method == "POST":
        try:
            audit = services.audit_start(actor=request.user, version=version)
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, f"Audit {audit.number} started")
            return _to_list(version)
    framework = selectors.framework_in_use()
    criteria = selectors.framework_criteria(framework) if framework else []
    context = _context(
        version,
        form=form,
        framework=framework,
        counts=presenters.agency_counts(criteria),
        open_audit=selectors.open_audit(version),
        can_edit_framework=can(request.user, Action.FRAMEWORK_EDIT),
    )
    status = 400 if form.errors else 200
    return render(request, "quality/audit_start.html", context, status=status)


# --- Rating ------------------------------------------------------------------------------


def audit_rate(request: HttpRequest, version_id: int) -> HttpResponse:
    version = selectors.version_get_for(user=request.user, version_id=version_id)
    if not selectors.auditor_agencies(request.user):
        raise PermissionDenied
    audit = selectors.open_audit(version)
    if audit is None or audit.status != AuditStatus.IN_PROGRESS:
        return _to_list(version)
    criteria = selectors.criteria_to_rate(audit, request.user)
    if not criteria:  # the framework asks nothing of this person's agency
        return _to_list(version)
    own = selectors.own_ratings(audit, request.user)
    initial = {
        name: value
        for pk, rating in own.items()
        for name, value in ((f"rating_{pk}", rating.rating), (f"comment_{pk}", rating.comment))
    }
    numbered = presenters.numbers(selectors.framework_criteria(audit.framework))
    form = RatingForm(posted(request), initial=initial, criteria=criteria, numbers=numbered)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.audit_rate(actor=request.user, audit=audit, ratings=form.given())
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            count = len(saved)
            messages.success(request, f"{count} rating{'s' if count != 1 else ''} saved")
            return _to_list(version)
    contents = plan_selectors.version_contents(version)
    sections = {
        s["code"]: s
        for s in plan_presenters.document_sections(version, plan_selectors.snapshot(contents))
    }
    _viewed(request, version, f"read the plan to rate audit {audit.number}")
    context = _context(
        version,
        audit=audit,
        form=form,
        sections=[s | {"plan": sections[s["code"]]} for s in form.sections()],
        agencies=presenters.agency_words(selectors.auditor_agencies(request.user)),
    )
    return render(request, "quality/audit_rate.html", context, status=400 if form.errors else 200)


# --- Completing and moderating -----------------------------------------------------------


def audit_complete(request: HttpRequest, version_id: int) -> HttpResponse:
    version = selectors.version_get_for(user=request.user, version_id=version_id)
    require(request, Action.AUDIT_RUN, version.plan.case)
    audit = selectors.open_audit(version)
    if request.method != "POST" or audit is None:
        return _to_list(version)
    try:
        done = services.audit_complete(actor=request.user, audit=audit)
    except Refusal as refusal:
        return _list_page(request, version, refusal)
    if done.status == AuditStatus.AWAITING_MODERATION:
        messages.success(
            request, "The auditors disagree about some criteria. A SEND manager will moderate."
        )
        return _to_list(version)
    messages.success(request, f"Audit {done.number} complete: {done.get_overall_rating_display()}")
    return _to_audit(done)


def audit_moderate(request: HttpRequest, version_id: int) -> HttpResponse:
    version = selectors.version_get_for(user=request.user, version_id=version_id)
    require(request, Action.AUDIT_MODERATE, version.plan.case)
    audit = selectors.open_audit(version)
    if audit is None or audit.status != AuditStatus.AWAITING_MODERATION:
        return _to_list(version)
    sheet = selectors.audit_sheet(audit)
    disputed = sheet.disputed()
    numbered = presenters.numbers(sheet.criteria)
    form = ModerationForm(posted(request), criteria=disputed, numbers=numbered)
    if request.method == "POST" and form.is_valid():
        try:
            done = services.audit_moderate(
                actor=request.user,
                audit=audit,
                agreed=form.agreed(),
                reason=form.cleaned_data["reason"],
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(
                request,
                f"Audit {done.number} moderated and complete: {done.get_overall_rating_display()}",
            )
            return _to_audit(done)
    rows = {row["number"]: row for s in presenters.result_sections(sheet) for row in s["criteria"]}
    _viewed(request, version, f"viewed audit {audit.number} to moderate it")
    context = _context(
        version,
        audit=audit,
        form=form,
        disputes=[{"row": rows[numbered[c.pk]], "field": form[f"agreed_{c.pk}"]} for c in disputed],
    )
    status = 400 if form.errors else 200
    return render(request, "quality/audit_moderate.html", context, status=status)


# --- The result --------------------------------------------------------------------------


def audit_detail(request: HttpRequest, version_id: int, number: int | None = None) -> HttpResponse:
    """Audit `number` of the version, or without a number its latest audit."""
    version = selectors.version_get_for(user=request.user, version_id=version_id)
    if number is None and not version.audits.exists():
        return _to_list(version)
    audit = selectors.audit_in(version, number)
    sheet = selectors.audit_sheet(audit)
    _viewed(request, version, f"viewed audit {audit.number}")
    context = _context(
        version,
        audit=audit,
        status=presenters.status_tag(audit),
        overall=presenters.overall(audit),
        sections=presenters.result_sections(sheet),
        moderation=sheet.moderation,
        findings=presenters.finding_lines(audit),
        started=presenters.started(audit),
        completed=presenters.completed(audit),
    )
    return render(request, "quality/audit_detail.html", context)


# --- The issuing gate's override ---------------------------------------------------------


def issue_override(request: HttpRequest, version_id: int) -> HttpResponse:
    version = selectors.version_get_for(user=request.user, version_id=version_id)
    require(request, Action.ISSUE_OVERRIDE, version.plan.case)
    form = OverrideForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.issue_override_record(
                actor=request.user, version=version, reason=form.cleaned_data["reason"]
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Override recorded. This version can now be issued.")
            return _to_list(version)
    context = _context(
        version,
        form=form,
        rating=presenters.rating_tag(selectors.version_rating(version)),
        overrides=presenters.override_rows(selectors.version_overrides(version)),
    )
    status = 400 if form.errors else 200
    return render(request, "quality/issue_override.html", context, status=status)
