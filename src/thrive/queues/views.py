"""Work queue pages: reviews and amendments, the oldest overdue (for managers), and phase
transfers with their CSV. Thin: forms read the filters, selectors work out the dates,
presenters put them in words."""

import csv
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from thrive.accounts.models import Role, User
from thrive.accounts.policy import Action, can
from thrive.assessments.models import Case
from thrive.core.audit import audit_record, audit_record_views
from thrive.core.models import AuditAction
from thrive.people.models import LocalAuthority

from . import presenters
from .forms import QueueFilterForm, TransferFilterForm
from .selectors import QueueFilters, oldest_overdue, visible_plans, work_queue
from .selectors_transfers import (
    TransferRow,
    default_transfer_year,
    phase_transfers,
    transfer_summary,
)

PAGE_SIZE = 50


def _require(request: HttpRequest, action: Action) -> None:
    if not can(request.user, action):
        raise PermissionDenied


def _page(request: HttpRequest, rows: Sequence[Any]) -> tuple[Page[Any], list[int | None], str]:
    """One page of rows, the page numbers with None for the gaps (GOV.UK pagination), and the
    query string to keep the filters."""
    paginator = Paginator(rows, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    numbers = [
        n if isinstance(n, int) else None
        for n in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return page, numbers, (query.urlencode() + "&") if query else ""


def _tabs(request: HttpRequest) -> list[dict[str, Any]]:
    tabs = [("Reviews and amendments", "queues:queue_list", Action.CASE_WORK)]
    tabs.append(("Oldest overdue", "queues:overdue_oldest", Action.QUEUE_OVERSEE))
    tabs.append(("Phase transfers", "queues:transfer_list", Action.CASE_WORK))
    return [
        {"text": text, "href": (href := reverse(name)), "current": request.path == href}
        for text, name, action in tabs
        if can(request.user, action)
    ]


def queue_list(request: HttpRequest) -> HttpResponse:
    _require(request, Action.CASE_WORK)
    today = timezone.localdate()
    team = User.objects.filter(
        is_active=True, role__in=[Role.CASE_OFFICER, Role.SEND_MANAGER]
    ).order_by("last_name", "first_name")
    teams = sorted({t for t in team.values_list("team", flat=True) if t})
    data: Any = request.GET
    if not data and getattr(request.user, "role", "") == Role.CASE_OFFICER:
        data = {"officer": str(request.user.pk)}  # an officer sees their own first
    form = QueueFilterForm(data, teams=teams, officers=[(u.pk, str(u)) for u in team])
    chosen = form.cleaned_data if form.is_valid() else {}
    filters = QueueFilters(
        team=chosen.get("team") or "",
        officer_id=chosen.get("officer"),
        state=chosen.get("state") or "",
    )
    queue = work_queue(today=today, filters=filters, plans=visible_plans(request.user))
    page, numbers, query_prefix = _page(request, queue.items)
    return render(
        request,
        "queues/queue_list.html",
        {
            "form": form,
            "tabs": _tabs(request),
            "queue": queue,
            "rows": [presenters.item_row(item, link=True) for item in page.object_list],
            "by_team": presenters.count_rows(queue.by_team),
            "by_officer": presenters.count_rows(queue.by_officer),
            "page": page,
            "page_numbers": numbers,
            "query_prefix": query_prefix,
        },
        status=200 if form.is_valid() else 400,
    )


def overdue_oldest(request: HttpRequest) -> HttpResponse:
    """SEND managers and administrators: the oldest overdue steps across the area, by case
    reference and officer only (administrators see no child's record)."""
    _require(request, Action.QUEUE_OVERSEE)
    items = oldest_overdue(today=timezone.localdate())
    page, numbers, query_prefix = _page(request, items)
    link = can(request.user, Action.CASE_WORK)
    return render(
        request,
        "queues/overdue_oldest.html",
        {
            "tabs": _tabs(request),
            "count": len(items),
            "rows": [presenters.item_row(item, link=link) for item in page.object_list],
            "page": page,
            "page_numbers": numbers,
            "query_prefix": query_prefix,
        },
    )


def _transfers(request: HttpRequest) -> tuple[TransferFilterForm, int, list[TransferRow], Any]:
    today = timezone.localdate()
    coming = default_transfer_year(today)
    form = TransferFilterForm(
        request.GET or None, years=[coming - 1, coming, coming + 1], initial={"year": coming}
    )
    chosen = form.cleaned_data if form.is_valid() else {}
    year = chosen.get("year") or coming
    rows = phase_transfers(year=year, today=today, plans=visible_plans(request.user))
    summary = transfer_summary(rows)
    if transfer := chosen.get("transfer"):
        rows = [r for r in rows if r.transfer == transfer]
    if status := chosen.get("status"):
        rows = [r for r in rows if r.status == status]
    return form, year, rows, summary


def transfer_list(request: HttpRequest) -> HttpResponse:
    _require(request, Action.CASE_WORK)
    form, year, rows, summary = _transfers(request)
    page, numbers, query_prefix = _page(request, rows)
    shown: list[TransferRow] = list(page.object_list)
    audit_record_views(
        actor=request.user,
        objects=[Case(pk=r.case_id) for r in shown],
        child_ids=[r.child_id for r in shown],
        summary="listed on the phase transfers page",
    )
    today = timezone.localdate()
    return render(
        request,
        "queues/transfer_list.html",
        {
            "form": form,
            "tabs": _tabs(request),
            "year": year,
            "summary": presenters.summary_table(summary),
            "count": len(rows),
            "rows": [presenters.transfer_row(r, today) for r in shown],
            "page": page,
            "page_numbers": numbers,
            "query_prefix": query_prefix,
            "download": reverse("queues:transfer_download") + "?" + request.GET.urlencode(),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def transfer_download(request: HttpRequest) -> HttpResponse:
    """The phase transfers as CSV, without names; the download is in the audit log."""
    _require(request, Action.CASE_WORK)
    council = LocalAuthority.objects.filter(code=settings.THRIVE_LA_CODE).first()
    if council is None:
        raise Http404
    _, year, rows, _ = _transfers(request)
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=council,
        summary=f"downloaded the phase transfers for September {year} ({len(rows)} rows)",
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="phase-transfers-{year}.csv"'
    csv.writer(response).writerows(presenters.transfer_csv(rows))
    return response
