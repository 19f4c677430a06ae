"""What the quality services share: the audit entry and the checks on text."""

from typing import Any

from django.db import models

from thrive.core.audit import audit_record
from thrive.core.models import AuditAction
from thrive.plans.models import PlanVersion


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
