"""Writes for annual reviews of an EHC plan (CFA 2014 s.44; SEND Regulations 2014, regs 20
and 21): schedule the meeting, then record the invitations, the report and the decision.

Only the case work team writes (`Action.PLAN_EDIT`, as for the plan itself). A plan has at
most one open review - one whose decision is not recorded. Dates that have not happened yet
are refused, and so are a report or a decision dated before the meeting. Every write has its
audit entry in the same transaction."""

from datetime import date
from typing import Any

from django.db import transaction

from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.core.text import limited_text
from thrive.law.clock import render_date

from ..models import EhcPlan
from ..models_reviews import AnnualReview, ReviewDecision
from ..selectors_reviews import first_final_issued_on
from ._common import require_plan_editor
from .ceasing import refuse_if_ceased

NO_FINAL = "Issue the final plan before scheduling its annual review."
OPEN_ALREADY = (
    "This plan already has a review in progress. Record its decision before scheduling another."
)
FINISHED = "This review's decision has been recorded. Schedule the next review instead."


def _audit(actor: Any, review: AnnualReview, summary: str, action: AuditAction) -> None:
    """An audit entry naming the review; the summary says what, never whose."""
    audit_record(
        actor=actor,
        action=action,
        obj=review,
        child_id=review.plan.case.child_id,
        summary=summary,
    )


def _open(actor: Any, review: AnnualReview) -> AnnualReview:
    """The review, locked for this transaction, if `actor` may write it and it is open."""
    require_plan_editor(actor, review.plan.case)
    locked = AnnualReview.objects.select_for_update().select_related("plan__case").get(pk=review.pk)
    if not locked.is_open:
        raise Refusal(FINISHED)
    return locked


def _not_future(day: date, today: date, *, field: str, what: str) -> None:
    if day > today:
        raise Refusal(f"{what} must be today or in the past", field=field)


def _not_before_meeting(day: date, review: AnnualReview, *, field: str, what: str) -> None:
    if day < review.meeting_on:
        meeting = render_date(review.meeting_on)
        raise Refusal(f"{what} must be on or after the meeting, {meeting}", field=field)


@transaction.atomic
def review_schedule(
    *, actor: Any, plan: EhcPlan, meeting_on: date, today: date, notes: str = ""
) -> AnnualReview:
    """Schedule the plan's next review meeting. A meeting fewer than 2 weeks away is allowed:
    the timetable then shows the invitations as late (regs 20(3), 21(3)). A plan that has
    ceased is not reviewed."""
    require_plan_editor(actor, plan.case)
    plan = EhcPlan.objects.select_for_update().select_related("case").get(pk=plan.pk)
    if first_final_issued_on(plan) is None:
        raise Refusal(NO_FINAL)
    refuse_if_ceased(plan, today)
    if meeting_on < today:
        raise Refusal("The meeting date must be today or in the future", field="meeting_on")
    if plan.reviews.filter(decision="").exists():
        raise Refusal(OPEN_ALREADY)
    review = AnnualReview.objects.create(
        plan=plan,
        meeting_on=meeting_on,
        scheduled_by=actor,
        notes=limited_text(notes, field="notes"),
    )
    _audit(
        actor, review, f"scheduled an annual review meeting for {meeting_on}", AuditAction.CREATE
    )
    return review


@transaction.atomic
def review_record_invitations(
    *, actor: Any, review: AnnualReview, sent_on: date, today: date
) -> AnnualReview:
    """Record the day the invitations to the meeting, and the advice and information, were
    sent (at least 2 weeks before the meeting, regs 20(3)-(4))."""
    review = _open(actor, review)
    _not_future(sent_on, today, field="sent_on", what="The date the invitations were sent")
    if sent_on > review.meeting_on:
        raise Refusal(
            "The invitations must be sent on or before the meeting date, "
            f"{render_date(review.meeting_on)}",
            field="sent_on",
        )
    review.invitations_sent_on = sent_on
    review.save(update_fields=["invitations_sent_on", "updated_at"])
    _audit(actor, review, f"recorded review invitations sent on {sent_on}", AuditAction.CHANGE)
    return review


@transaction.atomic
def review_record_report(
    *, actor: Any, review: AnnualReview, circulated_on: date, today: date
) -> AnnualReview:
    """Record the day the review report was circulated (within 2 weeks of the meeting,
    reg. 20(7))."""
    review = _open(actor, review)
    what = "The date the report was circulated"
    _not_future(circulated_on, today, field="circulated_on", what=what)
    _not_before_meeting(circulated_on, review, field="circulated_on", what=what)
    review.report_circulated_on = circulated_on
    review.save(update_fields=["report_circulated_on", "updated_at"])
    _audit(
        actor,
        review,
        f"recorded the review report circulated on {circulated_on}",
        AuditAction.CHANGE,
    )
    return review


@transaction.atomic
def review_record_decision(
    *,
    actor: Any,
    review: AnnualReview,
    decision: str,
    notified_on: date,
    today: date,
    notes: str = "",
) -> AnnualReview:
    """Record the decision to keep, amend or cease the plan and the day it was notified
    (within 4 weeks of the meeting, reg. 20(10)). The review is then finished."""
    review = _open(actor, review)
    if decision not in ReviewDecision.values:
        raise Refusal("Select the decision", field="decision")
    what = "The date the decision was notified"
    _not_future(notified_on, today, field="notified_on", what=what)
    _not_before_meeting(notified_on, review, field="notified_on", what=what)
    review.decision = decision
    review.decision_notified_on = notified_on
    if notes.strip():
        review.notes = limited_text(notes, field="notes")
    review.save(update_fields=["decision", "decision_notified_on", "notes", "updated_at"])
    label = ReviewDecision(decision).label.lower()
    _audit(
        actor,
        review,
        f"recorded the review decision ({label}) notified on {notified_on}",
        AuditAction.CHANGE,
    )
    return review
