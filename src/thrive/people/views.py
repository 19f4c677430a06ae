"""Pages about a child across services: the access log a manager reads."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from thrive.core.audit import audit_record
from thrive.core.models import AuditAction

from . import selectors


def child_access_log(request: HttpRequest, child_id: int) -> HttpResponse:
    child, entries = selectors.access_log_for(user=request.user, child_id=child_id)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=child,
        child_id=child.pk,
        summary="read the access log",
    )
    return render(request, "people/access_log.html", {"child": child, "page": page})
