"""Reads for amending a plan (SEND Regulations 2014, reg. 22): the current amendment and its
timetable. The draft amended plan is the notice of proposed amendments: the family has at
least 15 days from the day it is served to make representations, and the final amended plan
is due within 8 weeks of sending it (`thrive.law.reviews.amendment_timetable`). After a
review that decided to amend, the proposed amendments are due with the decision, 4 weeks
after the meeting (reg. 20(10); statutory.md 1.4). `today` is passed in."""

from dataclasses import dataclass
from datetime import date

from thrive.law import reviews as law
from thrive.law.clock import render_date

from .models import EhcPlan, PlanVersion, VersionKind
from .models_reviews import AnnualReview, ReviewDecision
from .selectors_reviews import DatedStep, date_state


@dataclass(frozen=True)
class Amendment:
    """The plan's current amendment: a review's decision to amend waiting for its draft
    (`draft` None), or the latest draft amended plan and its final, if started.
    `previous` is the version being amended; `timetable` runs once the draft is issued."""

    review: AnnualReview | None
    draft: PlanVersion | None
    final: PlanVersion | None
    previous: PlanVersion | None
    timetable: law.AmendmentTimetable | None
    steps: tuple[DatedStep, ...]


def pending_amend_review(plan: EhcPlan) -> AnnualReview | None:
    """The latest review that decided to amend the plan and has no draft amended plan yet."""
    return (
        plan.reviews.filter(decision=ReviewDecision.AMEND, amendments__isnull=True)
        .order_by("-meeting_on", "-id")
        .first()
    )


def _proposals_step(review: AnnualReview, draft: PlanVersion | None, today: date) -> DatedStep:
    """The draft amended plan, sent with the review's decision (4 weeks after the meeting)."""
    dob = review.plan.case.child.date_of_birth
    due_by = law.review_meeting_timetable(review.meeting_on, dob).decision_by
    done_on = draft.issued_on if draft is not None else None
    label = "Proposed amendments (the draft amended plan) sent"
    return DatedStep(label, due_by, done_on, *date_state(due_by, done_on, today))


def _representations_step(timetable: law.AmendmentTimetable, today: date) -> DatedStep:
    """A window for the family, not a task: open until it closes, never overdue."""
    closes = timetable.representations_close_on
    state = (
        f"Open until {render_date(closes)}"
        if today <= closes
        else f"Closed on {render_date(closes)}"
    )
    return DatedStep("The family's 15 days for representations", closes, None, state, False)


def amendment_for(plan: EhcPlan, today: date) -> Amendment | None:
    """The current amendment with its dated steps, or None if the plan has never been
    amended and no review has decided to amend it."""
    versions = list(plan.versions.select_related("review", "based_on").order_by("number"))
    drafts = [v for v in versions if v.kind == VersionKind.AMENDED_DRAFT]
    draft = drafts[-1] if drafts else None
    following = [v for v in versions if draft is not None and v.based_on_id == draft.pk]
    final = following[0] if following else None
    in_progress = draft is not None and not (final is not None and final.is_issued)
    pending = None if in_progress else pending_amend_review(plan)
    if pending is not None:
        return Amendment(
            review=pending,
            draft=None,
            final=None,
            previous=versions[-1] if versions else None,
            timetable=None,
            steps=(_proposals_step(pending, None, today),),
        )
    if draft is None:
        return None
    steps: list[DatedStep] = []
    if draft.review is not None:
        steps.append(_proposals_step(draft.review, draft, today))
    timetable = None
    if draft.issued_on is not None:
        timetable = law.amendment_timetable(draft.issued_on)
        steps.append(_representations_step(timetable, today))
        done_on = final.issued_on if final is not None and final.is_issued else None
        due_by = timetable.amended_plan_by
        steps.append(
            DatedStep(
                "Final amended plan issued", due_by, done_on, *date_state(due_by, done_on, today)
            )
        )
    return Amendment(
        review=draft.review,
        draft=draft,
        final=final,
        previous=draft.based_on,
        timetable=timetable,
        steps=tuple(steps),
    )
