"""The Annex A lists for the area SEND inspection: a page with the reference date, how many
children and young people each list holds and the columns the council must fill from other
systems, and the workbook's download.

For the case work team only: the lists carry no names, but Thrive's ids, dates of birth and
plan dates are personal data, so analysts without case access may not have them. Each
download is audited against the council, with the date and the counts, nothing personal."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from thrive.accounts.policy import Action, can
from thrive.core.audit import audit_record
from thrive.core.models import AuditAction
from thrive.people.models import LocalAuthority

from .annex_a import AnnexALists, annex_a_lists, annex_a_workbook, blank_columns
from .forms_annex_a import AnnexAForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DATE_KEYS = ("reference_date_day", "reference_date_month", "reference_date_year")


def _team_only(request: HttpRequest) -> None:
    if not can(request.user, Action.CASE_WORK):
        raise PermissionDenied


def _form(request: HttpRequest) -> AnnexAForm:
    asked = any(key in request.GET for key in _DATE_KEYS)
    return AnnexAForm(request.GET if asked else None, today=timezone.localdate())


def _page(request: HttpRequest, form: AnnexAForm, lists: AnnexALists | None) -> HttpResponse:
    on = lists.reference_date if lists else None
    context = {
        "form": form,
        "lists": lists,
        "query": _query(on) if on else "",
        "blank_columns": blank_columns(),
    }
    status = 400 if lists is None else 200
    return render(request, "returns/annex_a.html", context, status=status)


def _query(on: dt.date) -> str:
    return (
        f"reference_date_day={on.day}&reference_date_month={on.month}&reference_date_year={on.year}"
    )


def annex_a_detail(request: HttpRequest) -> HttpResponse:
    _team_only(request)
    form = _form(request)
    on = form.chosen_date()
    return _page(request, form, annex_a_lists(on) if on else None)


def annex_a_download(request: HttpRequest) -> HttpResponse:
    _team_only(request)
    form = _form(request)
    on = form.chosen_date()
    if on is None:
        return _page(request, form, None)
    council = LocalAuthority.objects.filter(code=settings.THRIVE_LA_CODE).first()
    if council is None:  # the export is audited against the council
        raise Http404
    lists = annex_a_lists(on)
    data = annex_a_workbook(lists)
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=council,
        summary=f"downloaded the Annex A lists on {on:%Y-%m-%d} "
        f"({len(lists.list_1)} on List 1, {len(lists.list_2)} on List 2)",
    )
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="annex-a-{on:%Y-%m-%d}.xlsx"'
    return response
