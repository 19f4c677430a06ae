"""Writes to the risk register. Every scoring of a risk (when it is added, and each change of
its scores) appends a RiskAssessment, so a report can say which risks changed in its period;
every write is audited in the same transaction."""

import datetime as dt
from typing import Any

from django.db import transaction

from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction

from ..models import Action, Mitigation, Risk, RiskAssessment
from ..selectors_risks import SCORES

SCORE_FIELDS = ("likelihood_before", "impact_before", "likelihood_after", "impact_after")
_NAMES = {
    "likelihood_before": "the likelihood before mitigation",
    "impact_before": "the impact before mitigation",
    "likelihood_after": "the likelihood after mitigation",
    "impact_after": "the impact after mitigation",
}


def _check_scores(scores: dict[str, Any]) -> dict[str, int]:
    checked = {}
    for field in SCORE_FIELDS:
        value = scores.get(field)
        if isinstance(value, bool) or not isinstance(value, int) or value not in SCORES:
            raise Refusal(f"Enter {_NAMES[field]} as a number from 1 to 5", field=field)
        checked[field] = value
    return checked


def _check_text(field: str, value: str, noun: str) -> str:
    if not (value or "").strip():
        raise Refusal(f"Enter {noun}", field=field)
    return value.strip()


def _assessment(risk: Risk, *, actor: Any, on: dt.date) -> RiskAssessment:
    return RiskAssessment.objects.create(
        risk=risk,
        assessed_on=on,
        assessed_by=actor,
        **{field: getattr(risk, field) for field in SCORE_FIELDS},
    )


@transaction.atomic
def risk_create(
    *,
    actor: Any,
    title: str,
    cause: str,
    effect: str,
    owner: Any,
    review_on: dt.date,
    today: dt.date,
    **scores: int,
) -> Risk:
    """Add a risk to the register, with its first assessment dated `today`."""
    checked = _check_scores(scores)
    risk = Risk.objects.create(
        title=_check_text("title", title, "a title"),
        cause=_check_text("cause", cause, "the cause"),
        effect=_check_text("effect", effect, "the effect"),
        owner=owner,
        review_on=review_on,
        **checked,
    )
    _assessment(risk, actor=actor, on=today)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=risk, summary="Risk added")
    return risk


@transaction.atomic
def risk_update(*, actor: Any, risk: Risk, title: str, cause: str, effect: str, owner: Any) -> Risk:
    """Change what a risk is, its cause, effect or owner (not its scores: `risk_assess`)."""
    if risk.closed_on is not None:
        raise Refusal("This risk is closed: it cannot be changed")
    changes = {
        "title": _check_text("title", title, "a title"),
        "cause": _check_text("cause", cause, "the cause"),
        "effect": _check_text("effect", effect, "the effect"),
        "owner": owner,
    }
    changed = sorted(f for f, v in changes.items() if getattr(risk, f) != v)
    if not changed:
        return risk
    for field, value in changes.items():
        setattr(risk, field, value)
    risk.save(update_fields=[*changes, "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.CHANGE,
        obj=risk,
        summary="Risk changed: " + ", ".join(changed),
    )
    return risk


@transaction.atomic
def risk_assess(
    *, actor: Any, risk: Risk, review_on: dt.date, today: dt.date, **scores: int
) -> RiskAssessment | None:
    """Score a risk again and set its next review. A change of scores appends an assessment
    dated `today` (returned); the same scores only move the review date (None)."""
    if risk.closed_on is not None:
        raise Refusal("This risk is closed: it cannot be assessed again")
    checked = _check_scores(scores)
    if review_on < today:
        raise Refusal("The next review must be today or later", field="review_on")
    changed = {f: v for f, v in checked.items() if getattr(risk, f) != v}
    for field, value in checked.items():
        setattr(risk, field, value)
    risk.review_on = review_on
    risk.save(update_fields=[*SCORE_FIELDS, "review_on", "updated_at"])
    if not changed:
        audit_record(
            actor=actor, action=AuditAction.CHANGE, obj=risk, summary="Risk reviewed, same scores"
        )
        return None
    assessment = _assessment(risk, actor=actor, on=today)
    audit_record(
        actor=actor,
        action=AuditAction.CHANGE,
        obj=risk,
        summary="Risk scores changed: " + ", ".join(sorted(changed)),
    )
    return assessment


@transaction.atomic
def risk_close(*, actor: Any, risk: Risk, closed_on: dt.date, today: dt.date) -> Risk:
    if risk.closed_on is not None:
        raise Refusal("This risk is already closed")
    if closed_on > today:
        raise Refusal("The date the risk closed must be today or in the past", field="closed_on")
    risk.closed_on = closed_on
    risk.save(update_fields=["closed_on", "updated_at"])
    audit_record(actor=actor, action=AuditAction.CHANGE, obj=risk, summary="Risk closed")
    return risk


@transaction.atomic
def mitigation_add(
    *, actor: Any, risk: Risk, description: str, action_id: int | None = None
) -> Mitigation:
    """A mitigation of an open risk, linked to an action of the programme when it has one."""
    if risk.closed_on is not None:
        raise Refusal("This risk is closed: it cannot be given mitigations")
    description = _check_text("description", description, "what the mitigation is")
    action = None
    if action_id is not None:
        action = Action.objects.filter(pk=action_id).first()
        if action is None:
            raise Refusal("Choose an action of the programme", field="action")
    mitigation = Mitigation.objects.create(risk=risk, description=description, action=action)
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=mitigation, summary="Risk mitigation added"
    )
    return mitigation
