"""Reads for annual reviews: when the next review is due and, for a scheduled meeting, the
statutory dates around it, each with its state in words ("Done on ...", "Due by ...",
"Overdue by 3 days"). The dates come from `thrive.law.reviews`; `today` is passed in."""

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from django.db import models

from thrive.law import reviews as law
from thrive.law.clock import render_date

from .models import AdulthoodArea, EhcPlan, Outcome, PlanVersion, VersionKind
from .models_reviews import AnnualReview

FINAL_KINDS = (VersionKind.FINAL, VersionKind.AMENDED_FINAL)


@dataclass(frozen=True)
class DatedStep:
    """One statutory date and what has happened about it."""

    label: str
    due_by: date
    done_on: date | None
    state: str
    overdue: bool


@dataclass(frozen=True)
class ReviewTimetable:
    """The plan's review timetable. `due` is None until the first final plan is issued;
    `review` is the open review (decision not yet recorded), if any, and `steps` its dates;
    `last_decided` the latest review whose decision is recorded."""

    first_issued_on: date | None
    last_meeting_on: date | None
    due: law.ReviewDue | None
    due_state: str
    review: AnnualReview | None
    last_decided: AnnualReview | None
    meeting: law.ReviewMeetingTimetable | None
    steps: tuple[DatedStep, ...]
    invitations_late: bool
    preparation_for_adulthood: bool


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def date_state(due_by: date, done_on: date | None, today: date) -> tuple[str, bool]:
    """The state of a date in words, and whether it is overdue (not yet done, and late)."""
    if done_on is not None:
        late = (done_on - due_by).days
        suffix = f", {_days(late)} late" if late > 0 else ""
        return f"Done on {render_date(done_on)}{suffix}", False
    if today <= due_by:
        return f"Due by {render_date(due_by)}", False
    return f"Overdue by {_days((today - due_by).days)} (due by {render_date(due_by)})", True


def open_review(plan: EhcPlan) -> AnnualReview | None:
    return plan.reviews.filter(decision="").first()


def first_final_issued_on(plan: EhcPlan) -> date | None:
    """The day the first final plan was issued: the plan is "made" then (CFA s.44(1))."""
    first = (
        PlanVersion.objects.filter(plan=plan, kind__in=FINAL_KINDS, issued_at__isnull=False)
        .order_by("issued_on")
        .values_list("issued_on", flat=True)
        .first()
    )
    return first


def review_timetable(plan: EhcPlan, today: date) -> ReviewTimetable:
    """The next review due date (12 months from the first final plan, or from the last review
    meeting held; CFA 2014 s.44(1), with the earlier window for under-5s, CoP 9.178) and, for
    the open review, the dates of SEND Regulations 2014 regs 20 and 21."""
    child = plan.case.child
    first = first_final_issued_on(plan)
    held = (
        plan.reviews.filter(meeting_on__lte=today)
        .order_by("-meeting_on")
        .values_list("meeting_on", flat=True)
        .first()
    )
    last_meeting = held if first is not None and held is not None and held >= first else None
    due = None if first is None else law.annual_review_due(first, child.date_of_birth, last_meeting)
    review = open_review(plan)
    meeting = (
        None
        if review is None
        else law.review_meeting_timetable(review.meeting_on, child.date_of_birth)
    )
    return ReviewTimetable(
        first_issued_on=first,
        last_meeting_on=last_meeting,
        due=due,
        due_state=_due_state(due, review, today),
        review=review,
        last_decided=plan.reviews.exclude(decision="").order_by("-meeting_on", "-id").first(),
        meeting=meeting,
        steps=_steps(review, meeting, today),
        invitations_late=bool(
            review and meeting and not review.invitations_sent_on and today > meeting.invitations_by
        ),
        preparation_for_adulthood=_preparation_for_adulthood(plan, review, today),
    )


def _due_state(due: law.ReviewDue | None, review: AnnualReview | None, today: date) -> str:
    if due is None:
        return ""
    if review is not None and review.meeting_on <= today:
        review = None  # the meeting has been held: it started the period running now
    if review is not None and review.meeting_on <= due.due_by:
        meeting = render_date(review.meeting_on)
        return f"Due by {render_date(due.due_by)}: the meeting on {meeting} is in time"
    state, _ = date_state(due.due_by, None, today)
    if review is not None:
        late = (review.meeting_on - due.due_by).days
        return f"{state}. The meeting on {render_date(review.meeting_on)} is {_days(late)} late"
    return state


def _steps(
    review: AnnualReview | None, meeting: law.ReviewMeetingTimetable | None, today: date
) -> tuple[DatedStep, ...]:
    if review is None or meeting is None:
        return ()
    rows = (
        (
            "Invitations, advice and information sent",
            meeting.invitations_by,
            review.invitations_sent_on,
        ),
        ("Review report circulated", meeting.report_by, review.report_circulated_on),
        ("Decision notified", meeting.decision_by, review.decision_notified_on),
    )
    return tuple(
        DatedStep(label, due_by, done_on, *date_state(due_by, done_on, today))
        for label, due_by, done_on in rows
    )


def _preparation_for_adulthood(plan: EhcPlan, review: AnnualReview | None, today: date) -> bool:
    """From Year 9 the review must consider preparing for adulthood (reg. 20(6)): judged on
    the meeting date, or on today when no meeting is scheduled."""
    on = review.meeting_on if review is not None else today
    dob = plan.case.child.date_of_birth
    if on < dob:
        return False
    return law.national_curriculum_year(dob, on) >= law.PREPARATION_FOR_ADULTHOOD_FROM_YEAR


# --- Preparing for adulthood --------------------------------------------------------------

#: Each recorded field of the review beside the adulthood area of the plan's outcomes.
PFA_AREAS: tuple[tuple[str, str], ...] = (
    ("pfa_employment", AdulthoodArea.EMPLOYMENT),
    ("pfa_independent_living", AdulthoodArea.INDEPENDENT_LIVING),
    ("pfa_community", AdulthoodArea.COMMUNITY),
    ("pfa_health", AdulthoodArea.HEALTH),
)


def pfa_label(name: str) -> str:
    """The label of a preparing-for-adulthood field: "Independent living"."""
    field = cast("models.Field[Any, Any]", AnnualReview._meta.get_field(name))  # a column
    return str(field.verbose_name)


def adulthood_recorded(review: AnnualReview) -> bool:
    """Whether anything about preparing for adulthood is recorded on the review."""
    return any(getattr(review, name) for name in AnnualReview.PREPARATION_FOR_ADULTHOOD)


def latest_final(plan: EhcPlan) -> PlanVersion | None:
    """The plan in force: the latest issued final or amended final version."""
    versions = PlanVersion.objects.filter(plan=plan, kind__in=FINAL_KINDS, issued_at__isnull=False)
    return versions.order_by("-number").first()


def adulthood_outcomes(plan: EhcPlan) -> dict[str, list[Outcome]]:
    """The outcomes of the plan in force tagged with each preparing-for-adulthood area
    (CoP chapter 8), keyed by the review's field for that area; one query."""
    version = latest_final(plan)
    found: dict[str, list[Outcome]] = {field: [] for field, _ in PFA_AREAS}
    if version is None:
        return found
    field_for = {area: field for field, area in PFA_AREAS}
    for outcome in version.outcomes.exclude(adulthood_area="").order_by("order", "id"):
        found[field_for[outcome.adulthood_area]].append(outcome)
    return found
