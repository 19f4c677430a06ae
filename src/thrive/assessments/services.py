"""Writes for EHC needs assessment cases. Every step is checked by `thrive.law.clock` and
written with its audit entry in one transaction."""

import datetime as dt
from typing import Any

from django.db import transaction

from thrive.accounts.policy import can_do_casework, can_reassign_cases
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.law import clock, codes
from thrive.people.models import Child
from thrive.people.selectors import home_local_authority
from thrive.people.services import child_create

from .models import Case, CaseAssignment, CaseEvent


def _require_casework(actor: Any) -> None:
    if not can_do_casework(actor):
        raise Refusal("Only the SEND case work team can change a case.")


@transaction.atomic
def case_open(
    *,
    actor: Any,
    child: Child,
    received_on: dt.date,
    request_source: str,
    today: dt.date,
    case_officer: Any | None = None,
    note: str = "",
    channel: str = "web",
) -> Case:
    """Start a case from a request for an EHC needs assessment (CFA 2014 s.36)."""
    _require_casework(actor)
    if request_source not in codes.REQUEST_SOURCES:
        raise Refusal("Select who made the request", field="request_source")
    request = clock.Event(kind=clock.EventKind.REQUEST_RECEIVED, on=received_on)
    if reason := clock.refusal_for((), request, today):
        raise Refusal(reason, field="received_on")
    officer = case_officer or actor
    case = Case.objects.create(child=child, case_officer=officer)
    CaseEvent.objects.create(
        case=case,
        kind=request.kind,
        on=received_on,
        request_source=request_source,
        note=note,
        recorded_by=actor,
    )
    CaseAssignment.objects.create(case=case, case_officer=officer, assigned_by=actor)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=case,
        child_id=child.pk,
        summary="opened an EHC needs assessment case",
        channel=channel,
    )
    return case


@transaction.atomic
def case_record_step(
    *,
    actor: Any,
    case: Case,
    step: clock.Event,
    today: dt.date,
    note: str = "",
    channel: str = "web",
) -> CaseEvent:
    """Record one step on the timeline, if the Regulations' order and dates allow it."""
    _require_casework(actor)
    return case_append_step(
        actor=actor, case=case, step=step, today=today, note=note, channel=channel
    )


@transaction.atomic
def case_append_step(
    *,
    actor: Any,
    case: Case,
    step: clock.Event,
    today: dt.date,
    note: str = "",
    channel: str = "web",
) -> CaseEvent:
    """Append a step for a service that has already checked `actor` may cause it: a
    practitioner submitting advice (advice received), a family responding to a draft
    (comments received), a case officer issuing a plan. The law still checks the step."""
    locked = Case.objects.select_for_update().get(pk=case.pk)  # one step at a time per case
    history = [event.as_law_event() for event in locked.events.all()]
    if reason := clock.refusal_for(history, step, today):
        raise Refusal(reason, field="on")
    event = CaseEvent.objects.create(
        case=locked,
        kind=step.kind,
        on=step.on,
        outcome=step.outcome,
        contributor=step.contributor or "",
        exception=step.exception or "",
        note=note,
        recorded_by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CHANGE,
        obj=locked,
        child_id=locked.child_id,
        summary=f"recorded: {step.kind.label.lower()}",
        channel=channel,
    )
    return event


@transaction.atomic
def case_reassign(*, actor: Any, case: Case, case_officer: Any, channel: str = "web") -> Case:
    """Give the case to another officer; the history keeps who held it and when."""
    if not can_reassign_cases(actor):
        raise Refusal("Only a SEND manager can reassign a case.")
    if not can_do_casework(case_officer):
        raise Refusal("Choose a member of the case work team", field="case_officer")
    if case.case_officer_id == case_officer.pk:
        raise Refusal("The case is already held by that officer", field="case_officer")
    case.case_officer = case_officer
    case.save(update_fields=["case_officer"])
    CaseAssignment.objects.create(case=case, case_officer=case_officer, assigned_by=actor)
    audit_record(
        actor=actor,
        action=AuditAction.CHANGE,
        obj=case,
        child_id=case.child_id,
        summary="reassigned the case officer",
        channel=channel,
    )
    return case


@transaction.atomic
def case_open_for_new_child(
    *,
    actor: Any,
    child_details: dict[str, Any],
    received_on: dt.date,
    request_source: str,
    today: dt.date,
    channel: str = "web",
) -> Case:
    """A request about a child not yet known: add the child and open the case together."""
    _require_casework(actor)
    child = child_create(
        actor=actor,
        today=today,
        home_local_authority=home_local_authority(),
        channel=channel,
        **child_details,
    )
    return case_open(
        actor=actor,
        child=child,
        received_on=received_on,
        request_source=request_source,
        today=today,
        channel=channel,
    )
