"""What the quality services share: the audit entry and the checks on text."""

from typing import Any

from django.db import models

from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.plans.models import PlanVersion

TEXT_LIMIT = 2000


def audit_version(
    actor: Any,
    obj: models.Model,
    version: PlanVersion,
    summary: str,
    action: AuditAction = AuditAction.CHANGE,
) -> None:
    """An audit log entry about a version's audit or override, naming the child by id only."""
    audit_record(
        actor=actor,
        action=action,
        obj=obj,
        child_id=version.plan.case.child_id,
        summary=f"{summary} (plan version {version.number})",
    )


def required_text(value: str, *, field: str, missing: str, limit: int = TEXT_LIMIT) -> str:
    cleaned = limited_text(value, field=field, limit=limit)
    if not cleaned:
        raise Refusal(missing, field=field)
    return cleaned


def limited_text(value: str, *, field: str, limit: int = TEXT_LIMIT) -> str:
    cleaned = (value or "").strip()
    if len(cleaned) > limit:
        raise Refusal(f"Must be {limit:,} characters or fewer", field=field)
    return cleaned
