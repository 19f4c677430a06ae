"""Benchmarks: the council's published figures beside its region, its statistical neighbours
(or a group the user picks) and England. Public statistics, so nothing is suppressed."""

import csv
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from thrive.accounts.policy import Action, can

from . import presenters, selectors
from .forms import ComparisonForm
from .measures import BY_KEY, Measure, period_label
from .presenters import Names

TABLES = ("latest", "trend")


@dataclass(frozen=True)
class Choice:
    la_code: str
    group: list[str]
    names: Names


def benchmark_detail(request: HttpRequest) -> HttpResponse:
    if not can(request.user, Action.INSIGHT_VIEW):
        raise PermissionDenied
    authorities = selectors.local_authorities()
    form = ComparisonForm(
        request.GET or None,
        authorities=authorities,
        editions=selectors.editions(),
        default_la=settings.THRIVE_LA_CODE,
    )
    choice = _choice(form, dict(authorities))
    if request.GET.get("format") == "csv":
        return _csv_download(request, choice)
    query = request.GET.copy()
    for key in ("format", "measure", "table"):
        query.pop(key, None)
    return render(
        request,
        "benchmarks/benchmark_detail.html",
        {
            "form": form,
            "loaded": bool(authorities),
            "council": choice.names.council,
            "group_name": choice.names.group,
            "sections": [_section(m, choice) for m in selectors.measures()] if authorities else [],
            "query": query.urlencode(),
            "rate_header": presenters.RATE_HEADER,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def _choice(form: ComparisonForm, names: dict[str, str]) -> Choice:
    la_code = form.chosen_la()
    _, chosen, edition = form.chosen_group()
    if chosen is None:
        group = selectors.neighbours_of(la_code, edition or selectors.DEFAULT_EDITION)
        group_name = f"Statistical neighbours ({edition})"
    else:
        group, group_name = chosen, "Your chosen group"
    region = selectors.region_name(la_code) or "Region"
    return Choice(la_code, group, Names(names.get(la_code, la_code), region, group_name))


def _section(measure: Measure, choice: Choice) -> dict[str, object]:
    period = selectors.latest_period(measure)
    points = selectors.trend(choice.la_code, measure, choice.group)
    section: dict[str, object] = {
        "measure": measure,
        "chart": presenters.trend_chart(measure, points, choice.names),
        "trend_headers": presenters.trend_headers(choice.names),
        "trend_rows": presenters.trend_rows(measure, points),
    }
    if period is not None:
        comparison = selectors.comparison(choice.la_code, measure, period, choice.group)
        section["period"] = period_label(period)
        section["rows"] = presenters.comparison_rows(comparison, choice.names)
        section["neighbour_rows"] = presenters.neighbour_rows(comparison)
        section["rate_note"] = presenters.rate_note(comparison)
    return section


def _csv_download(request: HttpRequest, choice: Choice) -> HttpResponse:
    measure = BY_KEY.get(request.GET.get("measure", ""))
    table = request.GET.get("table", "")
    if measure is None or table not in TABLES:
        raise Http404
    if table == "latest":
        period = selectors.latest_period(measure)
        if period is None:
            raise Http404
        comparison = selectors.comparison(choice.la_code, measure, period, choice.group)
        rows = presenters.comparison_csv(comparison, choice.names)
        filename = f"{measure.key}-{choice.la_code}-{period}.csv"
    else:
        points = selectors.trend(choice.la_code, measure, choice.group)
        rows = presenters.trend_csv(measure, points, choice.names)
        filename = f"{measure.key}-{choice.la_code}-trend.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    csv.writer(response).writerows(rows)
    return response
