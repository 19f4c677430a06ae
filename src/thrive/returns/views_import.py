"""Importing an existing caseload: upload a file, watch its progress, read the report
(the dry run's, the errors to put right, or what was imported). SEND managers and
administrators only (Action.IMPORT_CASELOAD). The run page refreshes itself (an HTTP
Refresh header, no JavaScript) until the task has finished."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from thrive.accounts.policy import Action, can
from thrive.core.errors import Refusal

from . import presenters_import as presenters
from .forms_import import ImportForm
from .imports import template
from .imports.runs import import_run_create
from .models import ImportRun
from .tasks import run_import

REFRESH_SECONDS = 2


def _importers_only(request: HttpRequest) -> None:
    if not can(request.user, Action.IMPORT_CASELOAD):
        raise PermissionDenied


def _start(run: ImportRun) -> None:
    transaction.on_commit(lambda: run_import.enqueue(run.pk))


def import_start(request: HttpRequest) -> HttpResponse:
    _importers_only(request)
    posted = request.method == "POST"
    form = ImportForm(request.POST, request.FILES) if posted else ImportForm()
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = import_run_create(
                actor=request.user,
                file_name=upload.name,
                data=upload.read(),
                dry_run=form.cleaned_data["dry_run"],
            )
        except Refusal as refusal:
            form.add_refusal(refusal)
        else:
            _start(run)
            return redirect("returns:import_run", run_id=run.pk)
    recent = ImportRun.objects.filter(created_by_id=request.user.pk).defer("data")[:10]
    context = {"form": form, "recent": recent, "columns": template.COLUMNS}
    return render(request, "returns/import_start.html", context, status=400 if form.errors else 200)


def import_template(request: HttpRequest) -> HttpResponse:
    """The template as a CSV file to fill in: headings and one made-up example row."""
    _importers_only(request)
    response = HttpResponse(template.example_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="thrive-caseload-template.csv"'
    return response


def _run_for(request: HttpRequest, run_id: int) -> ImportRun:
    _importers_only(request)
    run = ImportRun.objects.filter(pk=run_id).defer("data").first()
    if run is None:
        raise Http404
    return run


def import_run(request: HttpRequest, run_id: int) -> HttpResponse:
    run = _run_for(request, run_id)
    mine = run.created_by_id == request.user.pk
    context = {
        "run": run,
        "heading": presenters.heading(run),
        "progress": presenters.progress_label(run),
        "counts": presenters.count_rows(run),
        "errors": presenters.error_rows(run, show_values=mine),
        "values_shown": mine,
        "can_confirm": run.is_finished
        and run.dry_run
        and not run.errors
        and ImportRun.objects.filter(pk=run.pk, data__isnull=False).exists(),
    }
    response = render(request, "returns/import_run.html", context)
    if not run.is_finished:
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@require_POST
def import_run_confirm(request: HttpRequest, run_id: int) -> HttpResponse:
    """Import the file a dry run checked, as a new run."""
    checked = _run_for(request, run_id)
    data = ImportRun.objects.filter(pk=checked.pk).values_list("data", flat=True).first()
    if not (checked.dry_run and checked.is_finished and not checked.errors and data):
        return redirect("returns:import_run", run_id=checked.pk)
    run = import_run_create(
        actor=request.user, file_name=checked.file_name, data=bytes(data), dry_run=False
    )
    ImportRun.objects.filter(pk=checked.pk).update(data=None)
    _start(run)
    return redirect("returns:import_run", run_id=run.pk)
