"""The plan as a page and as a tagged PDF, and the comparison of two versions.

The case work team reads any version. A family linked to the child reads a version once it is
issued. Every reading is audited: a plan is the child's record."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from thrive.accounts.policy import is_casework
from thrive.core.audit import audit_record
from thrive.core.models import AuditAction

from .. import documents, presenters, selectors
from ..diff import compare
from ._common import version_context, version_for_team


def version_document(request: HttpRequest, version_id: int) -> HttpResponse:
    version = selectors.version_get_for(user=request.user, version_id=version_id)
    contents = selectors.version_contents(version)
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=version,
        child_id=version.plan.case.child_id,
        summary=f"read plan version {version.number}",
    )
    context = documents.document_context(contents) | {"for_team": is_casework(request.user)}
    return render(request, "plans/version_document.html", context)


def version_pdf(request: HttpRequest, version_id: int) -> HttpResponse:
    version = selectors.version_get_for(user=request.user, version_id=version_id)
    html = documents.pdf_html(documents.document_context(selectors.version_contents(version)))
    pdf = documents.html_to_pdf(html)
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=version,
        child_id=version.plan.case.child_id,
        summary=f"downloaded plan version {version.number} as a PDF",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{documents.pdf_filename(version)}"'
    return response


def version_compare(request: HttpRequest, version_id: int, other_id: int) -> HttpResponse:
    before = version_for_team(request, version_id)
    after = selectors.version_get_for(user=request.user, version_id=other_id)
    if after.plan_id != before.plan_id:
        raise Http404
    differences = compare(selectors.version_snapshot(before), selectors.version_snapshot(after))
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=after,
        child_id=after.plan.case.child_id,
        summary=f"compared plan versions {before.number} and {after.number}",
    )
    context = version_context(
        after,
        before=before,
        before_title=presenters.version_title(before),
        sections=presenters.difference_sections(differences),
    )
    return render(request, "plans/version_compare.html", context)
