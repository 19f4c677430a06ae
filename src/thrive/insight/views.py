"""The SEND data dashboard. Aggregate figures only: no child's record is shown, so pages are
not audited per child; a CSV download is audited as an export."""

import csv
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from thrive.accounts.policy import Action, can
from thrive.core.audit import audit_record
from thrive.core.models import AuditAction
from thrive.people.models import LocalAuthority

from . import presenters, selectors, services
from .appeals import appeal_rates
from .forms import DashboardForm
from .measures import BY_KEY, MEASURES
from .population import population_0_to_25
from .suppression import threshold


def dashboard_detail(request: HttpRequest) -> HttpResponse:
    if not can(request.user, Action.INSIGHT_VIEW):
        raise PermissionDenied
    today = timezone.localdate()
    # The figures come from the summary tables. When they are too old (or were never
    # counted), ask the worker to count them again; this page never does the counting.
    services.insight_request_refresh()
    refresh = selectors.last_refresh()
    form = DashboardForm(
        request.GET or None, years=selectors.years_with_requests(today), today=today
    )
    period, breakdown = form.chosen_period(), form.chosen_breakdown()
    if request.GET.get("format") == "csv":
        return _csv_download(request, period=period, breakdown=breakdown, today=today)
    suppress = not can(request.user, Action.INSIGHT_UNSUPPRESSED)
    overall, grouped = services.insight_figures(period, breakdown, today)
    population = population_0_to_25(period.year)
    views = [
        presenters.breakdown_view(
            presenters.headline(m, overall, suppress=suppress, population=population),
            breakdown,
            grouped,
            suppress=suppress,
        )
        for m in MEASURES
    ]
    query = request.GET.copy()
    query.pop("format", None)
    query.pop("measure", None)
    return render(
        request,
        "insight/dashboard.html",
        {
            "form": form,
            "period": period,
            "breakdown": breakdown,
            "views": views,
            "suppressing": suppress,
            "suppression_note": presenters.suppression_note(),
            "threshold": threshold(),
            "query": query.urlencode(),
            "today": today,
            "as_of": presenters.as_of(refresh),
            "appeal_rates": appeal_rates(today, suppress=suppress),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def _csv_download(request: HttpRequest, **choice: Any) -> HttpResponse:
    measure = BY_KEY.get(request.GET.get("measure", ""))
    council = LocalAuthority.objects.filter(code=settings.THRIVE_LA_CODE).first()
    if measure is None or council is None:
        raise Http404
    period, breakdown = choice["period"], choice["breakdown"]
    _, numbers = services.insight_figures(period, breakdown, choice["today"])
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=council,
        summary=f"downloaded {measure.key} by {breakdown.key}, {period.start} to {period.end}",
    )
    filename = f"{measure.key}-by-{breakdown.key}-{period.start}-to-{period.end}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    csv.writer(response).writerows(presenters.csv_rows(measure, breakdown, numbers))
    return response
