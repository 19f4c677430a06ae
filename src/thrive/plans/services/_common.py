"""What every plan service shares: who may write, the lock on the version, the audit entry,
and the checks on text and chosen items."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Max

from thrive.accounts.policy import Action, can
from thrive.assessments.models import Case
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction

from ..models import PlanVersion

ISSUED = "An issued plan cannot be changed. Start a new version."


def require_plan_editor(actor: Any, case: Case) -> None:
    if not can(actor, Action.PLAN_EDIT, case):
        raise Refusal("Only the SEND case work team can change a plan.")


def editable(actor: Any, version: PlanVersion) -> PlanVersion:
    """The version, locked for this transaction, if `actor` may change it and it is not issued."""
    require_plan_editor(actor, version.plan.case)
    locked = PlanVersion.objects.select_for_update().select_related("plan__case").get(pk=version.pk)
    if locked.is_issued:
        raise Refusal(ISSUED)
    return locked


def audit(
    actor: Any, version: PlanVersion, summary: str, action: AuditAction = AuditAction.CHANGE
) -> None:
    """An audit entry naming the version; the summary says what, never whose."""
    audit_record(
        actor=actor,
        action=action,
        obj=version,
        child_id=version.plan.case.child_id,
        summary=f"{summary} (plan version {version.number})",
    )


def next_order(items: Any) -> int:
    return (items.aggregate(last=Max("order"))["last"] or 0) + 1


def own_items(version: PlanVersion, items: Iterable[Any], *, field: str, missing: str) -> list[Any]:
    """The chosen needs or outcomes: at least one, all from this version."""
    chosen = list(items)
    if not chosen:
        raise Refusal(missing, field=field)
    if any(item.version_id != version.pk for item in chosen):
        raise Refusal("Choose from this version of the plan", field=field)
    return chosen
