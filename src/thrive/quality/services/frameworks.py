"""Writing the audit framework. A SEND manager or administrator starts a new version as a copy
of the one in use (or of the default framework, if there is none), changes its criteria, and
puts it in use. A version in use never changes again: audits are read against the criteria
they were rated on."""

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from thrive.accounts.policy import Action, can
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.core.text import limited_text, required_text

from .. import defaults, selectors
from ..models import SECTIONS, Agency, AuditFramework, Criterion

MAX_WEIGHT = 5
IN_USE = "A framework that has been in use cannot be changed. Start a new version."


def _require_editor(actor: Any) -> None:
    if not can(actor, Action.FRAMEWORK_EDIT):
        raise Refusal("Only a SEND manager or administrator can change the audit framework.")


def _writable(actor: Any, framework: AuditFramework) -> AuditFramework:
    _require_editor(actor)
    locked = AuditFramework.objects.select_for_update().get(pk=framework.pk)
    if not locked.is_being_written:
        raise Refusal(IN_USE)
    return locked


def _audit(actor: Any, framework: AuditFramework, summary: str, action: AuditAction) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=framework,
        summary=f"{summary} (audit framework version {framework.version})",
    )


@transaction.atomic
def framework_start_version(*, actor: Any) -> AuditFramework:
    """The next version, as a copy of the one in use (or the default framework if none is)."""
    _require_editor(actor)
    if (writing := selectors.framework_being_written()) is not None:
        raise Refusal(f"Version {writing.version} is already being written.")
    last = AuditFramework.objects.select_for_update().aggregate(last=Max("version"))["last"] or 0
    current = selectors.framework_in_use()
    framework = AuditFramework.objects.create(
        name=current.name if current else defaults.NAME, version=last + 1, created_by=actor
    )
    if current is not None:
        copied = [
            Criterion(
                framework=framework,
                order=c.order,
                section=c.section,
                text=c.text,
                guidance=c.guidance,
                weight=c.weight,
                agency=c.agency,
            )
            for c in selectors.framework_criteria(current)
        ]
    else:
        copied = [
            Criterion(framework=framework, order=order, **criterion._asdict())
            for order, criterion in enumerate(defaults.CRITERIA, start=1)
        ]
    Criterion.objects.bulk_create(copied)
    _audit(actor, framework, "started a new version", AuditAction.CREATE)
    return framework


@transaction.atomic
def framework_activate(*, actor: Any, framework: AuditFramework) -> AuditFramework:
    """Put the version being written in use: new audits are rated against it."""
    locked = _writable(actor, framework)
    if not locked.criteria.exists():
        raise Refusal("Add at least one criterion before putting the framework in use.")
    AuditFramework.objects.filter(active=True).update(active=False)
    locked.active, locked.activated_at = True, timezone.now()
    locked.save(update_fields=["active", "activated_at"])
    _audit(actor, locked, "put in use", AuditAction.CHANGE)
    return locked


def _criterion_fields(
    section: str, text: str, guidance: str, weight: int, agency: str
) -> dict[str, Any]:
    if section not in SECTIONS:
        raise Refusal("Select the section the criterion is about", field="section")
    if agency not in Agency.values:
        raise Refusal("Select who rates the criterion", field="agency")
    if not 1 <= weight <= MAX_WEIGHT:
        raise Refusal(f"Weight must be a whole number from 1 to {MAX_WEIGHT}", field="weight")
    return {
        "section": section,
        "text": required_text(text, field="text", missing="Enter the criterion", limit=300),
        "guidance": limited_text(guidance, field="guidance"),
        "weight": weight,
        "agency": agency,
    }


@transaction.atomic
def criterion_add(
    *,
    actor: Any,
    framework: AuditFramework,
    section: str,
    text: str,
    weight: int,
    agency: str,
    guidance: str = "",
) -> Criterion:
    """A criterion, placed after the others of its section."""
    locked = _writable(actor, framework)
    fields = _criterion_fields(section, text, guidance, weight, agency)
    order = _next_order(locked, section)
    criterion = Criterion.objects.create(framework=locked, order=order, **fields)
    _audit(actor, locked, f"added a criterion to section {section}", AuditAction.CHANGE)
    return criterion


def _next_order(framework: AuditFramework, section: str) -> int:
    last = framework.criteria.filter(section=section).aggregate(last=Max("order"))["last"]
    return (last or 0) + 1


@transaction.atomic
def criterion_change(
    *,
    actor: Any,
    criterion: Criterion,
    section: str,
    text: str,
    weight: int,
    agency: str,
    guidance: str = "",
) -> Criterion:
    locked = _writable(actor, criterion.framework)
    fields = _criterion_fields(section, text, guidance, weight, agency)
    if section != criterion.section:  # moved: it goes to the end of its new section
        criterion.order = _next_order(locked, section)
    for name, value in fields.items():
        setattr(criterion, name, value)
    criterion.save()
    _audit(actor, locked, f"changed a criterion in section {section}", AuditAction.CHANGE)
    return criterion


@transaction.atomic
def criterion_remove(*, actor: Any, criterion: Criterion) -> None:
    locked = _writable(actor, criterion.framework)
    section = criterion.section
    criterion.delete()
    _audit(actor, locked, f"removed a criterion from section {section}", AuditAction.CHANGE)
