"""The SEN2 pages: choose the collection year (and the LA-level answers), then the validation
report with the counts by rule, the findings child by child with a link to each case, the
confirmation of queries, and the export (XML or CSV modules) once nothing is left to put
right.

For the case work team only: the return holds children's names, and SEND leaders and
analysts see no child's record (accounts/policy.py). No personal data in any address: the
year and the Y/N/R answers only."""

from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from thrive.accounts.policy import Action, can
from thrive.core.errors import Refusal

from . import presenters, services
from .forms import ConfirmForm, Sen2Form
from .selectors import LaDetails, Sen2Report, finding_key, sen2_report

PAGE_SIZE = 50
_DETAILS = ("dmo", "dco", "dsco")


def _team_only(request: HttpRequest) -> None:
    if not can(request.user, Action.CASE_WORK):
        raise PermissionDenied


def _year(year: int) -> int:
    form = Sen2Form(today=timezone.localdate())
    choices: Any = form.fields["year"]
    if year not in {value for value, _ in choices.choices}:
        raise Http404
    return year


def _details(data: Any) -> LaDetails:
    answers = {key: data.get(key, "") for key in _DETAILS}
    return LaDetails(**{k: v if v in ("Y", "N", "R") else "" for k, v in answers.items()})


def _query(details: LaDetails) -> str:
    return urlencode({k: getattr(details, k) for k in _DETAILS if getattr(details, k)})


def sen2_start(request: HttpRequest) -> HttpResponse:
    _team_only(request)
    asked = "year" in request.GET
    form = Sen2Form(request.GET if asked else None, today=timezone.localdate())
    if asked and form.is_valid():
        url = reverse("returns:sen2_report", args=[form.cleaned_data["year"]])
        query = _query(_details(form.cleaned_data))
        return redirect(f"{url}?{query}" if query else url)
    return render(request, "returns/sen2_start.html", {"form": form}, status=400 if asked else 200)


def _report_page(
    request: HttpRequest, report: Sen2Report, details: LaDetails, refusal: Refusal | None = None
) -> HttpResponse:
    rows = presenters.child_rows(report)
    paginator = Paginator(rows, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    numbers = [
        n if isinstance(n, int) else None
        for n in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    ]
    query = _query(details)
    context = {
        "report": report,
        "summary": presenters.summary(report),
        "rules": presenters.rule_rows(report),
        "rows": page.object_list,
        "page": page,
        "page_numbers": numbers,
        "query_prefix": f"{query}&" if query else "",
        "query": query,
        "hidden": [(key, getattr(details, key)) for key in _DETAILS],
        "refusal": refusal,
    }
    status = 422 if refusal else 200
    return render(request, "returns/sen2_report.html", context, status=status)


def sen2_report_view(request: HttpRequest, year: int) -> HttpResponse:
    _team_only(request)
    details = _details(request.GET)
    report = sen2_report(year=_year(year), details=details)
    return _report_page(request, report, details)


@require_POST
def sen2_confirm(request: HttpRequest, year: int) -> HttpResponse:
    _team_only(request)
    details = _details(request.POST)
    report = sen2_report(year=_year(year), details=details)
    form = ConfirmForm(request.POST)
    chosen = []
    if form.is_valid():
        data = form.cleaned_data
        key = (data["rule_id"], data["child_id"], data["case_id"], data["item"])
        chosen = [
            f
            for f in report.open_queries
            if f.rule_id == data["rule_id"] and (data["every"] or finding_key(f) == key)
        ]
    try:
        services.sen2_confirm_queries(actor=request.user, year=year, findings=chosen)
    except Refusal as refusal:
        return _report_page(request, report, details, refusal)
    url = reverse("returns:sen2_report", args=[year])
    query = _query(details)
    return redirect(f"{url}?{query}" if query else url)


@require_POST
def sen2_export(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    _team_only(request)
    if fmt not in services.FORMATS:
        raise Http404
    details = _details(request.POST)
    report = sen2_report(year=_year(year), details=details)
    try:
        data, content_type, name = services.sen2_export(actor=request.user, report=report, fmt=fmt)
    except Refusal as refusal:
        return _report_page(request, report, details, refusal)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
