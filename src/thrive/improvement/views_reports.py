"""Progress reports: choose and preview one, issue it as a fixed version, list the issued
ones, read one and download it as HTML, a tagged PDF or a Word document. Reading needs
`Action.IMPROVEMENT_VIEW`, issuing `Action.IMPROVEMENT_EDIT`. Nothing here is a child's
record; downloads are audited as exports."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from thrive.accounts.policy import Action, can
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction

from . import documents_reports, presenters_reports, selectors_reports
from .forms_reports import ReportForm
from .models import ProgressReport
from .services.reports import report_check, report_issue


def _may_view(request: HttpRequest) -> None:
    if not can(request.user, Action.IMPROVEMENT_VIEW):
        raise PermissionDenied


def _report(request: HttpRequest, report_id: int) -> ProgressReport:
    _may_view(request)
    try:
        return selectors_reports.report_get(report_id)
    except ProgressReport.DoesNotExist:
        raise Http404 from None


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    _may_view(request)
    return render(
        request,
        "improvement/report_list.html",
        {
            "reports": selectors_reports.reports_issued(),
            "can_issue": can(request.user, Action.IMPROVEMENT_EDIT),
        },
    )


def _new_page(request: HttpRequest, form: ReportForm, status: int = 200) -> HttpResponse:
    preview, hidden = "", []
    if form.is_bound and not form.errors:
        today = timezone.localdate()
        choice = form.choice()
        try:
            report_check(choice, today=today)
        except Refusal as refusal:
            form.add_refusal(refusal)
            status = 400
        else:
            content = presenters_reports.report_content(choice, today)
            preview = documents_reports.report_body_html(content, version=None, issued_on=None)
            hidden = [
                (name, value) for name, value in form.data.items() if name != "csrfmiddlewaretoken"
            ]
    elif form.is_bound:
        status = 400
    return render(
        request,
        "improvement/report_new.html",
        {
            "form": form,
            "preview": preview,
            "hidden": hidden,
            "can_issue": can(request.user, Action.IMPROVEMENT_EDIT),
        },
        status=status,
    )


@require_GET
def report_new(request: HttpRequest) -> HttpResponse:
    """The choice of report and, once chosen, its preview (a GET form: nothing is stored)."""
    _may_view(request)
    form = ReportForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    return _new_page(request, form)


@require_POST
def report_issue_view(request: HttpRequest) -> HttpResponse:
    if not can(request.user, Action.IMPROVEMENT_EDIT):
        raise PermissionDenied
    form = ReportForm(request.POST)
    if not form.is_valid():
        return _new_page(request, form, status=400)
    try:
        report = report_issue(actor=request.user, choice=form.choice(), today=timezone.localdate())
    except Refusal as refusal:
        form.add_refusal(refusal)
        return render(
            request,
            "improvement/report_new.html",
            {"form": form, "preview": "", "hidden": [], "can_issue": True},
            status=422,
        )
    return redirect("improvement:report_detail", report_id=report.pk)


@require_GET
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    return render(request, "improvement/report_detail.html", {"report": report})


def _download(
    request: HttpRequest, report: ProgressReport, body: bytes | str, kind: str, extension: str
) -> HttpResponse:
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=report,
        summary=f"downloaded progress report version {report.version} as {kind}",
    )
    types = {
        "html": "text/html; charset=utf-8",
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
    response = HttpResponse(body, content_type=types[extension])
    name = documents_reports.filename(report, extension)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def report_html(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    return _download(request, report, documents_reports.report_file_html(report), "HTML", "html")


@require_GET
def report_pdf(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    return _download(request, report, documents_reports.report_pdf(report), "a PDF", "pdf")


@require_GET
def report_docx(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    body = documents_reports.report_docx(report)
    return _download(request, report, body, "a Word document", "docx")
