"""Case work pages. Thin: forms validate, services write, selectors read, presenters shape."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from thrive.accounts.models import User
from thrive.accounts.policy import Action, can, can_do_casework, can_reassign_cases
from thrive.core.audit import audit_record, audit_record_views
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.law import clock

from . import presenters, selectors, services
from .forms import STEP_QUESTIONS, CaseloadFilterForm, NewRequestForm, ReassignForm, StepForm


def _casework_only(request: HttpRequest) -> None:
    if not can_do_casework(request.user):
        raise PermissionDenied


def _casework_team() -> Any:
    return User.objects.filter(is_active=True, role__in=["case_officer", "send_manager"]).order_by(
        "last_name", "first_name"
    )


def _page_numbers(current: int, count: int) -> list[int | None]:
    """1 … 4 5 6 … 20, with None for the gaps (GOV.UK pagination)."""
    wanted = {1, count, current - 1, current, current + 1}
    numbers: list[int | None] = []
    for n in sorted(n for n in wanted if 1 <= n <= count):
        if numbers and numbers[-1] is not None and n - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(n)
    return numbers


def case_list(request: HttpRequest) -> HttpResponse:
    _casework_only(request)
    today = timezone.localdate()
    officers = [(u.pk, str(u)) for u in _casework_team()]
    form = CaseloadFilterForm(request.GET or None, officers=officers)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.CaseloadFilters(
        stage=data.get("stage") or "",
        case_officer=data.get("case_officer"),
        overdue=bool(data.get("overdue")),
        due_soon=bool(data.get("due_soon")),
        need=data.get("need") or "",
        sort=data.get("sort") or "deadline",
    )
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    caseload = selectors.caseload_for(user=request.user, filters=filters, today=today, page=page)
    audit_record_views(
        actor=request.user,
        objects=[c for c, _ in caseload.cases],
        child_ids=[c.child_id for c, _ in caseload.cases],
        summary="listed on the caseload",
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "assessments/case_list.html",
        {
            "form": form,
            "rows": [presenters.caseload_row(c, s, today) for c, s in caseload.cases],
            "caseload": caseload,
            "page": _Page(caseload.page_number, caseload.page_count),
            "page_numbers": _page_numbers(caseload.page_number, caseload.page_count),
            "query_prefix": (query.urlencode() + "&") if query else "",
            "quick_views": presenters.caseload_views(
                request.user.pk or 0, {key: query.get(key, "") for key in query}
            ),
            "today": today,
        },
    )


class _Page:
    """The parts of Django's Page that the pagination component uses."""

    def __init__(self, number: int, count: int) -> None:
        self.number, self.count = number, count
        self.has_other_pages = count > 1
        self.has_previous, self.has_next = number > 1, number < count
        self.previous_page_number, self.next_page_number = number - 1, number + 1


def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    _casework_only(request)
    case = selectors.case_get_for(user=request.user, case_id=case_id)
    today = timezone.localdate()
    events = list(selectors.case_events(case))
    result = clock.assessment_clock([e.as_law_event() for e in events], today)
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=case,
        child_id=case.child_id,
        summary="viewed the case",
    )
    return render(
        request,
        "assessments/case_detail.html",
        {
            "case": case,
            "child": case.child,
            "clock": result,
            "deadlines": presenters.deadline_rows(result, today),
            "twenty_weeks": presenters.twenty_week_summary(result),
            "next_status": presenters.deadline_status(result.next_deadline, today)
            if result.next_deadline
            else None,
            "timeline": presenters.timeline_items(events),
            "next_steps": presenters.next_steps(case, events, today) if result.is_open else [],
            "can_reassign": can_reassign_cases(request.user),
            "can_read_access_log": can(request.user, Action.ACCESS_LOG_VIEW, case.child),
            "today": today,
        },
    )


def case_step(request: HttpRequest, case_id: int, kind: str) -> HttpResponse:
    _casework_only(request)
    case = selectors.case_get_for(user=request.user, case_id=case_id)
    try:
        step = clock.EventKind(kind)
    except ValueError:
        raise Http404 from None
    if step not in STEP_QUESTIONS:
        raise Http404
    form = StepForm(step, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_record_step(
                actor=request.user,
                case=case,
                step=form.law_event(),
                today=timezone.localdate(),
                note=form.cleaned_data.get("note", ""),
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, f"{step.label} recorded")
            return redirect("assessments:case_detail", case_id=case.pk)
    return render(
        request,
        "assessments/case_step.html",
        {
            "case": case,
            "child": case.child,
            "form": form,
            "step": step,
        },
        status=400 if form.errors else 200,
    )


def case_create(request: HttpRequest) -> HttpResponse:
    _casework_only(request)
    form = NewRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        today = timezone.localdate()
        try:
            case = services.case_open_for_new_child(
                actor=request.user,
                today=today,
                received_on=data.pop("received_on"),
                request_source=data.pop("request_source"),
                child_details=data,
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, f"Request recorded. Case reference {case.reference}")
            return redirect("assessments:case_detail", case_id=case.pk)
    return render(
        request, "assessments/case_create.html", {"form": form}, status=400 if form.errors else 200
    )


def case_reassign(request: HttpRequest, case_id: int) -> HttpResponse:
    _casework_only(request)
    if not can_reassign_cases(request.user):
        raise PermissionDenied
    case = selectors.case_get_for(user=request.user, case_id=case_id)
    team = _casework_team().filter(~Q(pk=case.case_officer_id))
    form = ReassignForm(request.POST if request.method == "POST" else None, officers=team)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_reassign(
                actor=request.user, case=case, case_officer=form.cleaned_data["case_officer"]
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, "Case officer changed")
            return redirect("assessments:case_detail", case_id=case.pk)
    return render(
        request,
        "assessments/case_reassign.html",
        {"case": case, "child": case.child, "form": form},
        status=400 if form.errors else 200,
    )
