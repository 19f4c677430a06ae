"""The plan quality page of the dashboard, and the plans behind its figures.

Everyone who may see the dashboard sees the page's figures; outside the case work team, small
numbers are hidden. The case work team, who may see children's records anyway, can follow each
figure to the plans behind it: that list names children, so it shows only the cases the access
policy lets them see, and each row shown is audited as a view of the child's record. A CSV
download of any table is audited as an export and, as on the dashboard, always has small
numbers hidden, since a download can be passed on to anyone."""

import csv
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from thrive.accounts.policy import Action, can
from thrive.core.audit import audit_record, audit_record_views
from thrive.core.models import AuditAction
from thrive.people.models import LocalAuthority
from thrive.plans.models import PlanVersion

from . import quality, quality_presenters
from .periods import Period
from .presenters import suppression_note
from .quality_forms import DrillForm, QualityForm, period_query
from .suppression import threshold

PER_PAGE = 50


def _may_view(request: HttpRequest) -> None:
    if not can(request.user, Action.INSIGHT_VIEW):
        raise PermissionDenied


def _may_drill_down(user: Any) -> bool:
    """Those who see the figures unsuppressed (the case work team) may see the plans behind
    them: the small numbers are hidden from everyone else so as not to identify a child."""
    return can(user, Action.INSIGHT_VIEW) and can(user, Action.INSIGHT_UNSUPPRESSED)


def _form(request: HttpRequest) -> QualityForm:
    today = timezone.localdate()
    return QualityForm(request.GET or None, years=quality.years_with_quality(today), today=today)


def _tables(
    period: Period, *, suppress: bool, links: quality_presenters.Links
) -> tuple[list[quality_presenters.Table], list[quality_presenters.Headline]]:
    plans = quality.plans_audited(period)
    ratings = quality.overall_ratings(period)
    tables = [
        quality_presenters.plans_table(plans, period, suppress=suppress, links=links),
        quality_presenters.ratings_table(ratings, period, suppress=suppress, links=links),
        quality_presenters.sections_table(
            quality.section_grades(period), period, suppress=suppress, links=links
        ),
        quality_presenters.months_table(
            quality.ratings_by_month(period), period, suppress=suppress, links=links
        ),
        *(
            quality_presenters.group_table(
                quality.ratings_by(period, grouping),
                grouping,
                period,
                suppress=suppress,
                links=links,
            )
            for grouping in quality.GROUPINGS
        ),
        quality_presenters.findings_table(
            quality.findings_counts(period),
            ratings["audits"],
            period,
            suppress=suppress,
            links=links,
        ),
    ]
    return tables, quality_presenters.headlines(plans, ratings, suppress=suppress)


def _links(period: Period) -> quality_presenters.Links:
    """The address of the plans behind a figure of `period`, given the drill-down's filters."""
    base, query = reverse("insight:quality_plans"), period_query(period)

    def link(**drill: str) -> str:
        return f"{base}?{urlencode(query | drill)}"

    return link


def quality_detail(request: HttpRequest) -> HttpResponse:
    _may_view(request)
    form = _form(request)
    period = form.chosen_period()
    if request.GET.get("format") == "csv":
        return _csv_download(request, period)
    suppress = not can(request.user, Action.INSIGHT_UNSUPPRESSED)
    links = _links(period) if _may_drill_down(request.user) else None
    tables, headlines = _tables(period, suppress=suppress, links=links)
    return render(
        request,
        "insight/quality.html",
        {
            "form": form,
            "period": period,
            "tables": tables,
            "headlines": headlines,
            "suppressing": suppress,
            "suppression_note": suppression_note(),
            "threshold": threshold(),
            "drill_down": links is not None,
            "query": urlencode(period_query(period)),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def _csv_download(request: HttpRequest, period: Period) -> HttpResponse:
    council = LocalAuthority.objects.filter(code=settings.THRIVE_LA_CODE).first()
    key = request.GET.get("table", "")
    if council is None:
        raise Http404
    tables, _ = _tables(period, suppress=True, links=None)
    table = next((t for t in tables if t.key == key), None)
    if table is None:
        raise Http404
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=council,
        summary=f"downloaded plan quality: {table.title.lower()}, {period.start} to {period.end}",
    )
    filename = f"plan-quality-{table.key}-{period.start}-to-{period.end}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    csv.writer(response).writerows(quality_presenters.csv_rows(table))
    return response


def quality_plans(request: HttpRequest) -> HttpResponse:
    """The plans behind one of the quality page's figures: the case work team only."""
    if not _may_drill_down(request.user):
        raise PermissionDenied
    period_form = _form(request)
    drill_form = DrillForm(request.GET)
    if not drill_form.is_valid() or (period_form.is_bound and not period_form.is_valid()):
        raise Http404
    period = period_form.chosen_period()
    number = request.GET.get("page")
    if drill_form.is_plans():
        page, versions, listing = _plans(request.user, period, drill_form, number)
    else:
        page, versions, listing = _audits(request.user, period, drill_form, number)
    audit_record_views(
        actor=request.user,
        objects=versions,
        child_ids=[v.plan.case.child_id for v in versions],
        summary="listed on the plan quality dashboard",
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "insight/quality_plans.html",
        {
            **listing,
            "page": page,
            "page_numbers": quality_presenters.page_numbers(page.number, page.paginator.num_pages),
            "query_prefix": (query.urlencode() + "&") if query else "",
            "total": page.paginator.count,
            "back": f"{reverse('insight:quality_detail')}?{urlencode(period_query(period))}",
        },
    )


Listing = tuple[Page[Any], list[PlanVersion], dict[str, Any]]


def _plans(user: Any, period: Period, form: DrillForm, number: str | None) -> Listing:
    """One page of the plans issued (with or without an audit), for the drill-down."""
    audited = form.audited_choice()
    plans = quality.plans_for(user=user, period=period, audited=audited)
    page = Paginator(plans, PER_PAGE).get_page(number)
    versions = list(page.object_list)
    return (
        page,
        versions,
        {
            "title": quality_presenters.plans_title(period, audited),
            "rows": quality_presenters.plan_rows(versions),
            "date_heading": "Issued on",
            "noun": "plan",
        },
    )


def _audits(user: Any, period: Period, form: DrillForm, number: str | None) -> Listing:
    """One page of the audits a figure counts, for the drill-down."""
    drill = form.drill()
    audits = quality.audits_for(user=user, period=period, drill=drill)
    page = Paginator(audits, PER_PAGE).get_page(number)
    shown = list(page.object_list)
    titles = {f.check: f.title for f in quality.findings_counts(period)} if drill.check else {}
    return (
        page,
        [audit.version for audit in shown],
        {
            "title": quality_presenters.audits_title(period, drill, titles),
            "rows": quality_presenters.audit_rows(shown),
            "date_heading": "Audit completed on",
            "noun": "audit",
        },
    )
