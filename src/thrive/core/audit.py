"""Writing to the audit log. Services call `audit_record` inside their transaction, so the entry
and the change it describes are committed together or not at all. Where the request came from
is taken from `AuditContextMiddleware`, so services need not be handed the request."""

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse

from .models import AuditAction, AuditEntry

_ip_address: ContextVar[str | None] = ContextVar("audit_ip_address", default=None)


class AuditContextMiddleware:
    """Remembers the client's address for the audit entries this request writes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _ip_address.set(request.META.get("REMOTE_ADDR") or None)
        try:
            return self.get_response(request)
        finally:
            _ip_address.reset(token)


def audit_record(
    *,
    actor: Any,
    action: AuditAction,
    obj: models.Model,
    summary: str,
    child_id: int | None = None,
    channel: str = "web",
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=obj.pk,
        child_id=child_id,
        summary=summary,
        channel=channel,
        ip_address=_ip_address.get(),
    )


def audit_record_views(
    *,
    actor: Any,
    objects: Iterable[models.Model],
    child_ids: Iterable[int | None],
    summary: str,
    channel: str = "web",
) -> None:
    """One entry per record shown, in one insert (a list page shows many children)."""
    AuditEntry.objects.bulk_create(
        AuditEntry(
            actor=actor,
            action=AuditAction.VIEW,
            object_type=obj._meta.label_lower,
            object_id=obj.pk,
            child_id=child_id,
            summary=summary,
            channel=channel,
            ip_address=_ip_address.get(),
        )
        for obj, child_id in zip(objects, child_ids, strict=True)
    )
