"""Writes for disagreements about a case: the family's contact with a mediation adviser, the
mediation and its certificate (CFA 2014 ss.52-57; SEND Regulations 2014, regs 32-42), and an
appeal to the First-tier Tribunal (SEND) with its hearing and outcome (CFA 2014 s.51).

Only the case work team writes (`Action.CASE_WORK`, as for the case's own steps). What has
already happened cannot be dated in the future, and nothing can come before what it follows:
contact with the adviser before the decision letter, a certificate before that contact, an
appeal registered before the letter, an outcome before the appeal was registered. Every write
has its audit entry, naming the record and never the child, in the same transaction."""

from datetime import date
from typing import Any

from django.db import models, transaction

from thrive.accounts.policy import Action, can
from thrive.assessments.models import Case
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.law.clock import render_date

from .models import (
    Appeal,
    AppealOutcome,
    CertificateKind,
    Mediation,
    MediationOutcome,
    Subject,
)

TEAM_ONLY = "Only the SEND case work team can record mediation and appeals."
APPEAL_DECIDED = "This appeal's outcome has been recorded. It cannot be changed."


def _require_team(actor: Any, case: Case) -> None:
    if not can(actor, Action.CASE_WORK, case):
        raise Refusal(TEAM_ONLY)


def _audit(actor: Any, obj: Mediation | Appeal, summary: str, action: AuditAction) -> None:
    audit_record(actor=actor, action=action, obj=obj, child_id=obj.case.child_id, summary=summary)


def _not_future(day: date, today: date, *, field: str, what: str) -> None:
    if day > today:
        raise Refusal(f"{what} must be today or in the past", field=field)


def _not_before(day: date, earlier: date, *, field: str, what: str, event: str) -> None:
    if day < earlier:
        raise Refusal(f"{what} must be on or after {event}, {render_date(earlier)}", field=field)


def _choice(value: str, choices: type[models.TextChoices], *, field: str, missing: str) -> str:
    if value not in choices.values:
        raise Refusal(missing, field=field)
    return value


def _locked[M: models.Model](model: type[M], obj: M) -> M:
    return model._default_manager.select_for_update().select_related("case").get(pk=obj.pk)


# --- Mediation ---------------------------------------------------------------------------


@transaction.atomic
def mediation_record(
    *,
    actor: Any,
    case: Case,
    subject: str,
    decision_letter_on: date,
    adviser_contacted_on: date,
    today: date,
) -> Mediation:
    """Record that the family contacted a mediation adviser about a decision (reg. 33: within 2
    months of the decision letter; a later contact is recorded, and the page says it was late)."""
    _require_team(actor, case)
    _choice(subject, Subject, field="subject", missing="Select what the family disagrees with")
    _not_future(
        decision_letter_on,
        today,
        field="decision_letter_on",
        what="The date of the decision letter",
    )
    what = "The date the mediation adviser was contacted"
    _not_future(adviser_contacted_on, today, field="adviser_contacted_on", what=what)
    _not_before(
        adviser_contacted_on,
        decision_letter_on,
        field="adviser_contacted_on",
        what=what,
        event="the decision letter",
    )
    mediation = Mediation.objects.create(
        case=case,
        subject=subject,
        decision_letter_on=decision_letter_on,
        adviser_contacted_on=adviser_contacted_on,
        recorded_by=actor,
    )
    _audit(
        actor,
        mediation,
        f"recorded contact with a mediation adviser on {adviser_contacted_on}",
        AuditAction.CREATE,
    )
    return mediation


@transaction.atomic
def mediation_record_outcome(
    *, actor: Any, mediation: Mediation, held_on: date, outcome: str, today: date
) -> Mediation:
    """Record the day the mediation was held and what came of it."""
    _require_team(actor, mediation.case)
    mediation = _locked(Mediation, mediation)
    _choice(outcome, MediationOutcome, field="outcome", missing="Select what came of the mediation")
    what = "The date the mediation was held"
    _not_future(held_on, today, field="held_on", what=what)
    _not_before(
        held_on,
        mediation.adviser_contacted_on,
        field="held_on",
        what=what,
        event="the contact with the mediation adviser",
    )
    if mediation.certificate_issued_on and held_on > mediation.certificate_issued_on:
        raise Refusal(
            f"{what} must be on or before the certificate, "
            f"{render_date(mediation.certificate_issued_on)}",
            field="held_on",
        )
    mediation.mediation_held_on = held_on
    mediation.outcome = outcome
    mediation.save(update_fields=["mediation_held_on", "outcome", "updated_at"])
    _audit(actor, mediation, f"recorded mediation held on {held_on}", AuditAction.CHANGE)
    return mediation


@transaction.atomic
def mediation_record_certificate(
    *, actor: Any, mediation: Mediation, issued_on: date, kind: str, today: date
) -> Mediation:
    """Record the mediation certificate (regs 34 and 39). The family may appeal within 1 month
    of it, if that is later than 2 months from the decision letter."""
    _require_team(actor, mediation.case)
    mediation = _locked(Mediation, mediation)
    _choice(kind, CertificateKind, field="kind", missing="Select why the certificate was issued")
    what = "The date the certificate was issued"
    _not_future(issued_on, today, field="issued_on", what=what)
    _not_before(
        issued_on,
        mediation.adviser_contacted_on,
        field="issued_on",
        what=what,
        event="the contact with the mediation adviser",
    )
    if kind == CertificateKind.MEDIATION_ENDED:
        if mediation.mediation_held_on is None:
            raise Refusal(
                "Record when the mediation was held before a certificate saying it took place",
                field="kind",
            )
        _not_before(
            issued_on,
            mediation.mediation_held_on,
            field="issued_on",
            what=what,
            event="the mediation",
        )
    mediation.certificate_issued_on = issued_on
    mediation.certificate_kind = kind
    mediation.save(update_fields=["certificate_issued_on", "certificate_kind", "updated_at"])
    _audit(
        actor,
        mediation,
        f"recorded a mediation certificate issued on {issued_on}",
        AuditAction.CHANGE,
    )
    return mediation


# --- Appeals -----------------------------------------------------------------------------


@transaction.atomic
def appeal_record(
    *,
    actor: Any,
    case: Case,
    subject: str,
    decision_letter_on: date,
    registered_on: date,
    today: date,
    mediation: Mediation | None = None,
) -> Appeal:
    """Record an appeal registered by the Tribunal. One registered after the last day to appeal
    is recorded (late appeals are at the Tribunal's discretion); the page says how late."""
    _require_team(actor, case)
    _choice(subject, Subject, field="subject", missing="Select what the appeal is about")
    _not_future(
        decision_letter_on,
        today,
        field="decision_letter_on",
        what="The date of the decision letter",
    )
    what = "The date the appeal was registered"
    _not_future(registered_on, today, field="registered_on", what=what)
    _not_before(
        registered_on,
        decision_letter_on,
        field="registered_on",
        what=what,
        event="the decision letter",
    )
    if mediation is not None and mediation.case_id != case.pk:
        raise Refusal("Choose a mediation about this case", field="mediation")
    appeal = Appeal.objects.create(
        case=case,
        subject=subject,
        decision_letter_on=decision_letter_on,
        mediation=mediation,
        registered_on=registered_on,
        recorded_by=actor,
    )
    _audit(actor, appeal, f"recorded an appeal registered on {registered_on}", AuditAction.CREATE)
    return appeal


def _open_appeal(actor: Any, appeal: Appeal) -> Appeal:
    _require_team(actor, appeal.case)
    appeal = _locked(Appeal, appeal)
    if not appeal.is_open:
        raise Refusal(APPEAL_DECIDED)
    return appeal


@transaction.atomic
def appeal_record_hearing(*, actor: Any, appeal: Appeal, hearing_on: date, today: date) -> Appeal:
    """Record (or move) the hearing date the Tribunal set. It may be in the future, so
    `today` limits nothing here; it is taken as every service takes it."""
    appeal = _open_appeal(actor, appeal)
    _not_before(
        hearing_on,
        appeal.registered_on,
        field="hearing_on",
        what="The hearing date",
        event="the date the appeal was registered",
    )
    appeal.hearing_on = hearing_on
    appeal.save(update_fields=["hearing_on", "updated_at"])
    _audit(actor, appeal, f"recorded a Tribunal hearing on {hearing_on}", AuditAction.CHANGE)
    return appeal


@transaction.atomic
def appeal_record_outcome(
    *, actor: Any, appeal: Appeal, outcome: str, outcome_on: date, today: date
) -> Appeal:
    """Record how the appeal ended. The appeal is then closed."""
    appeal = _open_appeal(actor, appeal)
    _choice(outcome, AppealOutcome, field="outcome", missing="Select how the appeal ended")
    what = "The date of the outcome"
    _not_future(outcome_on, today, field="outcome_on", what=what)
    _not_before(
        outcome_on,
        appeal.registered_on,
        field="outcome_on",
        what=what,
        event="the date the appeal was registered",
    )
    appeal.outcome = outcome
    appeal.outcome_on = outcome_on
    appeal.save(update_fields=["outcome", "outcome_on", "updated_at"])
    _audit(actor, appeal, f"recorded the appeal's outcome on {outcome_on}", AuditAction.CHANGE)
    return appeal
