"""Annual reviews: the services (every refusal, the audit entries) and the review timetable
selector (due dates, the under-5 window, a meeting in Easter week, overdue states)."""

import datetime as dt
from typing import Any

import pytest

from tests.factories import TODAY
from tests.plans.builders import FINAL_ON
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.people.models import Child
from thrive.plans import services
from thrive.plans.models import AnnualReview, EhcPlan, PlanVersion
from thrive.plans.selectors_reviews import date_state, review_timetable

MEETING = dt.date(2026, 4, 8)  # Wednesday of Easter week 2026 (Easter Monday is 6 April)


@pytest.fixture
def plan(officer: Any, final: PlanVersion) -> EhcPlan:
    """A plan whose final version was issued on 12 January 2026; Ada was born 4 May 2016."""
    services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)
    return final.plan


@pytest.fixture
def review(officer: Any, plan: EhcPlan) -> AnnualReview:
    return services.review_schedule(actor=officer, plan=plan, meeting_on=MEETING, today=TODAY)


def _born(plan: EhcPlan, on: dt.date) -> None:
    Child.objects.filter(pk=plan.case.child_id).update(date_of_birth=on)
    plan.case.child.refresh_from_db()


def _last_audit() -> AuditEntry:
    return AuditEntry.objects.filter(object_type="plans.annualreview").latest("id")


# --- Scheduling --------------------------------------------------------------------------


def test_schedules_a_review_with_its_audit_entry(officer: Any, plan: EhcPlan) -> None:
    review = services.review_schedule(
        actor=officer, plan=plan, meeting_on=MEETING, today=TODAY, notes="At Oak School."
    )
    assert (review.meeting_on, review.scheduled_by, review.notes) == (
        MEETING,
        officer,
        "At Oak School.",
    )
    entry = _last_audit()
    assert (entry.action, entry.object_id, entry.child_id) == (
        "create",
        review.pk,
        plan.case.child_id,
    )
    assert "scheduled an annual review meeting" in entry.summary
    assert "Ada" not in entry.summary


def test_refuses_a_meeting_in_the_past(officer: Any, plan: EhcPlan) -> None:
    with pytest.raises(Refusal, match="today or in the future") as refused:
        services.review_schedule(
            actor=officer, plan=plan, meeting_on=TODAY - dt.timedelta(days=1), today=TODAY
        )
    assert refused.value.field == "meeting_on"


def test_refuses_a_second_open_review(officer: Any, plan: EhcPlan, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="already has a review in progress"):
        services.review_schedule(actor=officer, plan=plan, meeting_on=MEETING, today=TODAY)
    assert AnnualReview.objects.filter(plan=plan).count() == 1


def test_refuses_a_review_before_the_final_plan(officer: Any, final: PlanVersion) -> None:
    with pytest.raises(Refusal, match="Issue the final plan"):
        services.review_schedule(actor=officer, plan=final.plan, meeting_on=MEETING, today=TODAY)


def test_only_the_case_work_team_schedules(administrator: Any, plan: EhcPlan) -> None:
    with pytest.raises(Refusal, match="case work team"):
        services.review_schedule(actor=administrator, plan=plan, meeting_on=MEETING, today=TODAY)
    assert not AnnualReview.objects.exists()


def test_a_meeting_under_two_weeks_away_is_allowed_but_invitations_are_late(
    officer: Any, plan: EhcPlan
) -> None:
    soon = TODAY + dt.timedelta(days=8)
    services.review_schedule(actor=officer, plan=plan, meeting_on=soon, today=TODAY)
    timetable = review_timetable(plan, TODAY)
    assert timetable.invitations_late
    assert timetable.steps[0].state == "Overdue by 6 days (due by 24 February 2026)"


# --- Recording the steps -----------------------------------------------------------------


def test_records_invitations_with_an_audit_entry(officer: Any, review: AnnualReview) -> None:
    services.review_record_invitations(
        actor=officer, review=review, sent_on=dt.date(2026, 3, 2), today=TODAY
    )
    review.refresh_from_db()
    assert review.invitations_sent_on == dt.date(2026, 3, 2)
    assert "invitations sent" in _last_audit().summary


def test_refuses_invitations_in_the_future(officer: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="today or in the past") as refused:
        services.review_record_invitations(
            actor=officer, review=review, sent_on=TODAY + dt.timedelta(days=1), today=TODAY
        )
    assert refused.value.field == "sent_on"


def test_refuses_invitations_after_the_meeting(officer: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="on or before the meeting date, 8 April 2026"):
        services.review_record_invitations(
            actor=officer, review=review, sent_on=dt.date(2026, 4, 9), today=dt.date(2026, 5, 1)
        )


def test_records_the_report(officer: Any, review: AnnualReview) -> None:
    services.review_record_report(
        actor=officer, review=review, circulated_on=dt.date(2026, 4, 20), today=dt.date(2026, 4, 21)
    )
    review.refresh_from_db()
    assert review.report_circulated_on == dt.date(2026, 4, 20)
    assert "review report circulated" in _last_audit().summary


def test_refuses_a_report_before_the_meeting(officer: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="on or after the meeting, 8 April 2026") as refused:
        services.review_record_report(
            actor=officer,
            review=review,
            circulated_on=dt.date(2026, 4, 7),
            today=dt.date(2026, 4, 21),
        )
    assert refused.value.field == "circulated_on"


def test_refuses_a_report_in_the_future(officer: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="today or in the past"):
        services.review_record_report(
            actor=officer,
            review=review,
            circulated_on=dt.date(2026, 4, 22),
            today=dt.date(2026, 4, 21),
        )


def test_records_the_decision_and_finishes_the_review(
    officer: Any, plan: EhcPlan, review: AnnualReview
) -> None:
    later = dt.date(2026, 5, 1)
    services.review_record_decision(
        actor=officer, review=review, decision="amend", notified_on=later, today=later
    )
    review.refresh_from_db()
    assert (review.decision, review.decision_notified_on, review.is_open) == ("amend", later, False)
    assert "(amend the plan)" in _last_audit().summary
    with pytest.raises(Refusal, match="decision has been recorded"):
        services.review_record_report(
            actor=officer, review=review, circulated_on=later, today=later
        )
    # The next review can now be scheduled.
    services.review_schedule(actor=officer, plan=plan, meeting_on=dt.date(2027, 3, 1), today=later)


def test_refuses_an_unknown_decision(officer: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="Select the decision") as refused:
        services.review_record_decision(
            actor=officer, review=review, decision="shred", notified_on=MEETING, today=MEETING
        )
    assert refused.value.field == "decision"


def test_refuses_a_decision_before_the_meeting(officer: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="on or after the meeting") as refused:
        services.review_record_decision(
            actor=officer,
            review=review,
            decision="keep",
            notified_on=TODAY,
            today=dt.date(2026, 5, 1),
        )
    assert refused.value.field == "notified_on"


def test_refuses_a_decision_in_the_future(officer: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="today or in the past"):
        services.review_record_decision(
            actor=officer,
            review=review,
            decision="keep",
            notified_on=dt.date(2026, 5, 2),
            today=dt.date(2026, 5, 1),
        )


@pytest.mark.parametrize(
    "write",
    [
        lambda actor, review: services.review_record_invitations(
            actor=actor, review=review, sent_on=TODAY, today=TODAY
        ),
        lambda actor, review: services.review_record_report(
            actor=actor, review=review, circulated_on=MEETING, today=MEETING
        ),
        lambda actor, review: services.review_record_decision(
            actor=actor, review=review, decision="keep", notified_on=MEETING, today=MEETING
        ),
    ],
)
def test_only_the_case_work_team_records_steps(
    administrator: Any, review: AnnualReview, write: Any
) -> None:
    with pytest.raises(Refusal, match="case work team"):
        write(administrator, review)
    assert AuditEntry.objects.filter(object_type="plans.annualreview").count() == 1


# --- The timetable -----------------------------------------------------------------------


def test_the_first_review_is_due_12_months_from_the_final_plan(plan: EhcPlan) -> None:
    timetable = review_timetable(plan, TODAY)
    assert timetable.first_issued_on == FINAL_ON
    assert timetable.due is not None
    assert timetable.due.due_by == dt.date(2027, 1, 11)
    assert timetable.due_state == "Due by 11 January 2027"
    assert not timetable.due.under_5
    assert timetable.review is None
    assert timetable.steps == ()


def test_a_plan_issued_on_29_february_is_reviewed_by_28_february(plan: EhcPlan) -> None:
    PlanVersion.objects.filter(plan=plan, kind="final").update(issued_on=dt.date(2024, 2, 29))
    timetable = review_timetable(plan, dt.date(2025, 3, 3))
    assert timetable.due is not None
    assert timetable.due.due_by == dt.date(2025, 2, 28)
    assert timetable.due_state == "Overdue by 3 days (due by 28 February 2025)"


def test_a_child_under_5_has_the_earlier_window(plan: EhcPlan) -> None:
    _born(plan, dt.date(2022, 6, 1))
    due = review_timetable(plan, TODAY).due
    assert due is not None
    assert due.under_5
    assert (due.recommended_from, due.recommended_by) == (
        dt.date(2026, 4, 12),
        dt.date(2026, 7, 12),
    )


def test_a_meeting_in_easter_week_moves_nothing(plan: EhcPlan, review: AnnualReview) -> None:
    timetable = review_timetable(plan, TODAY)
    assert timetable.meeting is not None
    assert (
        timetable.meeting.invitations_by,
        timetable.meeting.report_by,
        timetable.meeting.decision_by,
    ) == (dt.date(2026, 3, 25), dt.date(2026, 4, 22), dt.date(2026, 5, 6))
    assert [step.state for step in timetable.steps] == [
        "Due by 25 March 2026",
        "Due by 22 April 2026",
        "Due by 6 May 2026",
    ]
    assert timetable.due_state == "Due by 11 January 2027: the meeting on 8 April 2026 is in time"
    assert not timetable.invitations_late


def test_overdue_and_done_states(officer: Any, plan: EhcPlan, review: AnnualReview) -> None:
    services.review_record_invitations(
        actor=officer, review=review, sent_on=dt.date(2026, 3, 27), today=dt.date(2026, 3, 27)
    )
    timetable = review_timetable(plan, dt.date(2026, 4, 23))
    assert [step.state for step in timetable.steps] == [
        "Done on 27 March 2026, 2 days late",
        "Overdue by 1 day (due by 22 April 2026)",
        "Due by 6 May 2026",
    ]
    assert [step.overdue for step in timetable.steps] == [False, True, False]


def test_a_held_meeting_starts_the_next_period(
    officer: Any, plan: EhcPlan, review: AnnualReview
) -> None:
    after = dt.date(2026, 4, 20)
    services.review_record_decision(
        actor=officer, review=review, decision="keep", notified_on=after, today=after
    )
    timetable = review_timetable(plan, after)
    assert timetable.last_meeting_on == MEETING
    assert timetable.due is not None
    assert timetable.due.due_by == dt.date(2027, 4, 7)
    assert timetable.review is None
    assert timetable.last_decided == review


def test_once_held_the_open_reviews_meeting_starts_the_next_period(
    plan: EhcPlan, review: AnnualReview
) -> None:
    timetable = review_timetable(plan, dt.date(2026, 4, 9))
    assert timetable.review == review
    assert timetable.last_meeting_on == MEETING
    assert timetable.due_state == "Due by 7 April 2027"


def test_a_meeting_after_the_due_date_is_late(officer: Any, plan: EhcPlan) -> None:
    services.review_schedule(
        actor=officer, plan=plan, meeting_on=dt.date(2027, 1, 20), today=dt.date(2027, 1, 5)
    )
    timetable = review_timetable(plan, dt.date(2027, 1, 13))
    assert timetable.due_state == (
        "Overdue by 2 days (due by 11 January 2027). The meeting on 20 January 2027 is 9 days late"
    )


def test_preparation_for_adulthood_from_year_9(plan: EhcPlan, review: AnnualReview) -> None:
    assert not review_timetable(plan, TODAY).preparation_for_adulthood  # Year 5
    _born(plan, dt.date(2012, 8, 31))  # Year 9 from September 2025
    assert review_timetable(plan, TODAY).preparation_for_adulthood


def test_date_state_in_words() -> None:
    due = dt.date(2026, 3, 1)
    assert date_state(due, None, due) == ("Due by 1 March 2026", False)
    assert date_state(due, None, dt.date(2026, 3, 3)) == (
        "Overdue by 2 days (due by 1 March 2026)",
        True,
    )
    assert date_state(due, dt.date(2026, 2, 27), dt.date(2026, 3, 3)) == (
        "Done on 27 February 2026",
        False,
    )
