"""Preparing for adulthood at an annual review. From Year 9 the review must consider what
the child or young person needs to prepare for adulthood and independent living (SEND
Regulations 2014, regs 20(6) and 21(6)); the Code of Practice (chapter 8) names four areas -
higher education or employment, independent living, friends, relationships and community,
and good health - and asks for a transition plan.

Only the case work team records it (`Action.PLAN_EDIT`), on the open review, once the meeting
has been held, and only for a child in Year 9 or above at the meeting. The audit entry names
the areas recorded, never what was said."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction

from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.core.text import limited_text
from thrive.law import reviews as law
from thrive.law.clock import render_date

from ..models_reviews import AnnualReview
from ..selectors_reviews import pfa_label
from ._common import require_plan_editor

PFA_FIELDS = AnnualReview.PREPARATION_FOR_ADULTHOOD
FINISHED = "This review's decision has been recorded. Preparing for adulthood can no longer change."
NOTHING = "Record what the review said about at least one area"


def year_at_meeting(review: AnnualReview) -> int | None:
    """The child's national curriculum year on the meeting day (None before they were born)."""
    dob = review.plan.case.child.date_of_birth
    if review.meeting_on < dob:
        return None
    return law.national_curriculum_year(dob, review.meeting_on)


def _require_year_9(review: AnnualReview) -> None:
    year = year_at_meeting(review)
    if year is None or year < law.PREPARATION_FOR_ADULTHOOD_FROM_YEAR:
        in_year = "not yet of school age" if year is None or year < 1 else f"in Year {year}"
        raise Refusal(
            f"The child is {in_year} at the meeting. Preparing for adulthood is considered at "
            f"reviews from Year {law.PREPARATION_FOR_ADULTHOOD_FROM_YEAR}."
        )


@transaction.atomic
def review_record_adulthood(
    *, actor: Any, review: AnnualReview, answers: Mapping[str, str], today: date
) -> AnnualReview:
    """Record what the review said about preparing for adulthood, area by area, and the
    transition plan. Recording again replaces what was recorded; a blank answer clears that
    area. At least one area must be recorded."""
    require_plan_editor(actor, review.plan.case)
    review = (
        AnnualReview.objects.select_for_update()
        .select_related("plan__case__child")
        .get(pk=review.pk)
    )
    if not review.is_open:
        raise Refusal(FINISHED)
    if unknown := set(answers) - set(PFA_FIELDS):
        raise ValueError(f"Unknown preparing-for-adulthood fields: {sorted(unknown)}")
    _require_year_9(review)
    if today < review.meeting_on:
        raise Refusal(
            "Record preparing for adulthood once the meeting has been held, on "
            f"{render_date(review.meeting_on)}"
        )
    cleaned = {name: limited_text(answers.get(name, ""), field=name) for name in PFA_FIELDS}
    if not any(cleaned.values()):
        raise Refusal(NOTHING, field=PFA_FIELDS[0])
    for name, value in cleaned.items():
        setattr(review, name, value)
    review.save(update_fields=[*PFA_FIELDS, "updated_at"])
    recorded = [pfa_label(name).lower() for name, value in cleaned.items() if value]
    audit_record(
        actor=actor,
        action=AuditAction.CHANGE,
        obj=review,
        child_id=review.plan.case.child_id,
        summary=f"recorded preparing for adulthood at the review ({', '.join(recorded)})",
    )
    return review
