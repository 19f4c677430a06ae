"""The issuing gate's override. A final or amended plan cannot be issued while it is rated
inadequate or has blocking check findings, unless a SEND manager records an override with a
reason (the gate itself is in the plan services; it reads `selectors.version_override`)."""

from typing import Any

from django.db import transaction

from thrive.accounts.policy import Action, can
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.core.text import required_text
from thrive.plans.models import PlanVersion

from .. import selectors
from ..models import IssueOverride
from ._common import audit_version


@transaction.atomic
def issue_override_record(*, actor: Any, version: PlanVersion, reason: str) -> IssueOverride:
    """Let `version` be issued in spite of its rating or its check findings, for `reason`."""
    if not can(actor, Action.ISSUE_OVERRIDE, version.plan.case):
        raise Refusal("Only a SEND manager can let a plan be issued in spite of its quality.")
    locked = PlanVersion.objects.select_for_update().select_related("plan__case").get(pk=version.pk)
    if locked.is_issued:
        raise Refusal("This version has been issued. There is nothing to override.")
    why = required_text(reason, field="reason", missing="Say why the plan should be issued")
    rating = selectors.version_rating(locked)
    override = IssueOverride.objects.create(
        version=locked, manager=actor, reason=why, rating=rating.value if rating else ""
    )
    audit_version(actor, override, locked, "recorded an issue override", AuditAction.CREATE)
    return override
