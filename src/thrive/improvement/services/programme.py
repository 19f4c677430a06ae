"""Writes to the strategy and plan: priorities, workstreams, actions, milestones, the measures
that show whether a priority works (targets and trajectory points) and evidence for actions.

Rules:
- An action cannot be complete without at least one evidence item attached; completing it
  records `completed_on` (today), and moving it out of complete clears that date.
- Evidence is a document, a link or a note, and must carry the thing its kind names.
- A measure target names a dashboard measure (`thrive.insight.measures.BY_KEY`).
Every write is audited in the same transaction (no child is concerned: `child_id` is None)."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.insight.measures import BY_KEY

from ..models import (
    Action,
    ActionStatus,
    Evidence,
    EvidenceKind,
    MeasureTarget,
    Milestone,
    Partner,
    Priority,
    TrajectoryPoint,
    Workstream,
)


def _text(field: str, value: str, noun: str) -> str:
    if not (value or "").strip():
        raise Refusal(f"Enter {noun}", field=field)
    return value.strip()


def _choice(field: str, value: str, choices: Any, noun: str) -> str:
    if value not in choices.values:
        raise Refusal(f"Select {noun}", field=field)
    return value


# --- Priorities and workstreams ------------------------------------------------------------


@transaction.atomic
def priority_create(
    *, actor: Any, title: str, description: str = "", source: str = "", order: int = 0
) -> Priority:
    priority = Priority.objects.create(
        title=_text("title", title, "the priority's title"),
        description=description.strip(),
        source=source.strip(),
        order=order,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, obj=priority, summary="Priority added")
    return priority


@transaction.atomic
def priority_update(
    *, actor: Any, priority: Priority, title: str, description: str, source: str, order: int
) -> Priority:
    priority.title = _text("title", title, "the priority's title")
    priority.description = description.strip()
    priority.source = source.strip()
    priority.order = order
    priority.save()
    audit_record(actor=actor, action=AuditAction.CHANGE, obj=priority, summary="Priority changed")
    return priority


@transaction.atomic
def workstream_create(
    *, actor: Any, priority: Priority, title: str, lead: Any = None, order: int = 0
) -> Workstream:
    workstream = Workstream.objects.create(
        priority=priority,
        title=_text("title", title, "the workstream's title"),
        lead=lead,
        order=order,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, obj=workstream, summary="Workstream added")
    return workstream


@transaction.atomic
def workstream_update(
    *, actor: Any, workstream: Workstream, title: str, lead: Any, order: int
) -> Workstream:
    workstream.title = _text("title", title, "the workstream's title")
    workstream.lead = lead
    workstream.order = order
    workstream.save()
    audit_record(
        actor=actor, action=AuditAction.CHANGE, obj=workstream, summary="Workstream changed"
    )
    return workstream


# --- Actions ---------------------------------------------------------------------------------


def _apply_status(action: Action, status: str, today: dt.date) -> None:
    """The evidence rule, and the completion date that follows the status."""
    _choice("status", status, ActionStatus, "the action's status")
    if status == ActionStatus.COMPLETE:
        if action.pk is None or not action.evidence.exists():
            raise Refusal(
                "Attach at least one piece of evidence before marking the action complete",
                field="status",
            )
        if action.status != ActionStatus.COMPLETE:
            action.completed_on = today
    else:
        action.completed_on = None
    action.status = status


@transaction.atomic
def action_create(
    *,
    actor: Any,
    workstream: Workstream,
    title: str,
    owner: Any,
    partner: str,
    due_on: dt.date,
    description: str = "",
    status: str = ActionStatus.NOT_STARTED,
) -> Action:
    if status == ActionStatus.COMPLETE:
        raise Refusal(
            "Attach at least one piece of evidence before marking the action complete",
            field="status",
        )
    action = Action(
        workstream=workstream,
        title=_text("title", title, "the action's title"),
        description=description.strip(),
        owner=owner,
        partner=_choice("partner", partner, Partner, "the partner organisation"),
        due_on=due_on,
        status=_choice("status", status, ActionStatus, "the action's status"),
    )
    action.save()
    audit_record(actor=actor, action=AuditAction.CREATE, obj=action, summary="Action added")
    return action


@transaction.atomic
def action_update(
    *,
    actor: Any,
    action: Action,
    title: str,
    description: str,
    owner: Any,
    partner: str,
    due_on: dt.date,
    status: str,
    today: dt.date,
) -> Action:
    action.title = _text("title", title, "the action's title")
    action.description = description.strip()
    action.owner = owner
    action.partner = _choice("partner", partner, Partner, "the partner organisation")
    action.due_on = due_on
    _apply_status(action, status, today)
    action.save()
    audit_record(actor=actor, action=AuditAction.CHANGE, obj=action, summary="Action changed")
    return action


@transaction.atomic
def action_set_status(*, actor: Any, action: Action, status: str, today: dt.date) -> Action:
    """The status alone: what a partner lead may change on an action they own."""
    _apply_status(action, status, today)
    action.save(update_fields=["status", "completed_on", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.CHANGE,
        obj=action,
        summary=f"Action status set to {ActionStatus(status).label.lower()}",
    )
    return action


@transaction.atomic
def evidence_add(
    *,
    actor: Any,
    action: Action,
    title: str,
    kind: str,
    file: UploadedFile[Any] | None = None,
    url: str = "",
    note: str = "",
) -> Evidence:
    _choice("kind", kind, EvidenceKind, "what kind of evidence this is")
    evidence = Evidence(
        title=_text("title", title, "a title for the evidence"), kind=kind, added_by=actor
    )
    if kind == EvidenceKind.DOCUMENT:
        if file is None:
            raise Refusal("Select a document to upload", field="file")
        evidence.file = file
    elif kind == EvidenceKind.LINK:
        evidence.url = _text("url", url, "the link's address")
    else:
        evidence.note = _text("note", note, "the note")
    evidence.save()
    evidence.actions.add(action)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=evidence, summary="Evidence added")
    return evidence


# --- Milestones ------------------------------------------------------------------------------


@transaction.atomic
def milestone_create(
    *, actor: Any, workstream: Workstream, title: str, due_on: dt.date
) -> Milestone:
    milestone = Milestone.objects.create(
        workstream=workstream, title=_text("title", title, "the milestone"), due_on=due_on
    )
    audit_record(actor=actor, action=AuditAction.CREATE, obj=milestone, summary="Milestone added")
    return milestone


@transaction.atomic
def milestone_update(
    *,
    actor: Any,
    milestone: Milestone,
    title: str,
    due_on: dt.date,
    achieved_on: dt.date | None,
    today: dt.date,
) -> Milestone:
    if achieved_on is not None and achieved_on > today:
        raise Refusal("The date achieved must be today or in the past", field="achieved_on")
    milestone.title = _text("title", title, "the milestone")
    milestone.due_on = due_on
    milestone.achieved_on = achieved_on
    milestone.save()
    audit_record(actor=actor, action=AuditAction.CHANGE, obj=milestone, summary="Milestone changed")
    return milestone


# --- Measures: targets and trajectories ------------------------------------------------------


def _check_target(measure_key: str, baseline_on: dt.date, target_on: dt.date) -> None:
    if measure_key not in BY_KEY:
        raise Refusal("Select a measure from the dashboard", field="measure_key")
    if target_on <= baseline_on:
        raise Refusal("The target date must be after the baseline date", field="target_on")


@transaction.atomic
def measure_target_create(
    *,
    actor: Any,
    priority: Priority,
    measure_key: str,
    baseline_value: Decimal,
    baseline_on: dt.date,
    target_value: Decimal,
    target_on: dt.date,
) -> MeasureTarget:
    _check_target(measure_key, baseline_on, target_on)
    target = MeasureTarget.objects.create(
        priority=priority,
        measure_key=measure_key,
        baseline_value=baseline_value,
        baseline_on=baseline_on,
        target_value=target_value,
        target_on=target_on,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, obj=target, summary="Measure target added")
    return target


@transaction.atomic
def measure_target_update(
    *,
    actor: Any,
    target: MeasureTarget,
    measure_key: str,
    baseline_value: Decimal,
    baseline_on: dt.date,
    target_value: Decimal,
    target_on: dt.date,
) -> MeasureTarget:
    _check_target(measure_key, baseline_on, target_on)
    target.measure_key = measure_key
    target.baseline_value = baseline_value
    target.baseline_on = baseline_on
    target.target_value = target_value
    target.target_on = target_on
    target.save()
    audit_record(
        actor=actor, action=AuditAction.CHANGE, obj=target, summary="Measure target changed"
    )
    return target


@transaction.atomic
def trajectory_point_set(
    *, actor: Any, target: MeasureTarget, on: dt.date, value: Decimal
) -> TrajectoryPoint:
    """Where the measure should be on `on`: a new point, or the day's point changed."""
    if not target.baseline_on < on <= target.target_on:
        raise Refusal(
            "The date must be after the baseline date and no later than the target date",
            field="on",
        )
    point, created = TrajectoryPoint.objects.update_or_create(
        target=target, on=on, defaults={"value": value}
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.CHANGE,
        obj=point,
        summary="Trajectory point added" if created else "Trajectory point changed",
    )
    return point
