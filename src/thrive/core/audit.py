"""Writing to the audit log. Services call `audit_record` inside their transaction, so the entry
and the change it describes are committed together or not at all."""

from collections.abc import Iterable
from typing import Any

from django.db import models

from .models import AuditAction, AuditEntry


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
        )
        for obj, child_id in zip(objects, child_ids, strict=True)
    )
