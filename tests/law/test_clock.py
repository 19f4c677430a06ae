"""Tests for thrive.law.clock: worked examples from reference/statutory.md, every refusal
rule, and properties of the clock under hypothesis."""

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thrive.law.clock import (
    AssessmentClock,
    Contributor,
    Deadline,
    DeadlineState,
    Event,
    EventKind,
    ExceptionReason,
    Stage,
    advice_due_on,
    assessment_clock,
    assessment_due_dates,
    comments_close_on,
    refusal_for,
    render_date,
    within_20_weeks,
)

K = EventKind
S = DeadlineState
C = Contributor
X = ExceptionReason

# The worked example in statutory.md 1.1: request received Monday 1 September 2025.
RECEIVED = date(2025, 9, 1)
SIX_WEEKS = date(2025, 10, 13)
SIXTEEN_WEEKS = date(2025, 12, 22)
TWENTY_WEEKS = date(2026, 1, 19)
DRAFT_SERVED = date(2025, 12, 3)
COMMENTS_CLOSE = date(2025, 12, 17)


def request(on: date = RECEIVED) -> Event:
    return Event(K.REQUEST_RECEIVED, on)


def assess(on: date, yes: bool = True) -> Event:
    return Event(K.DECISION_TO_ASSESS, on, outcome=yes)


def issue(on: date, yes: bool = True) -> Event:
    return Event(K.DECISION_TO_ISSUE, on, outcome=yes)


def asked(on: date, who: Contributor = C.HEALTH) -> Event:
    return Event(K.ADVICE_REQUESTED, on, contributor=who)


def advised(on: date, who: Contributor = C.HEALTH) -> Event:
    return Event(K.ADVICE_RECEIVED, on, contributor=who)


def started(on: date, why: ExceptionReason = X.ABSENT_FROM_AREA) -> Event:
    return Event(K.EXCEPTION_STARTED, on, exception=why)


def ended(on: date, why: ExceptionReason = X.ABSENT_FROM_AREA) -> Event:
    return Event(K.EXCEPTION_ENDED, on, exception=why)


def step(kind: EventKind, on: date) -> Event:
    return Event(kind, on)


def clock(*events: Event, today: date) -> AssessmentClock:
    return assessment_clock(list(events), today)


def deadline(c: AssessmentClock, key: str) -> Deadline:
    found = c.deadline(key)
    assert found is not None, f"no {key} deadline in {[d.key for d in c.deadlines]}"
    return found


def states(c: AssessmentClock) -> dict[str, DeadlineState]:
    return {d.key: d.state for d in c.deadlines}


def late_count(c: AssessmentClock) -> int:
    return sum(d.state.is_late for d in c.deadlines)


# A whole case, on time throughout.
ON_TIME_CASE = (
    request(),
    assess(date(2025, 10, 6)),
    asked(date(2025, 10, 7), C.EDUCATIONAL_PSYCHOLOGY),
    asked(date(2025, 10, 7), C.HEALTH),
    advised(date(2025, 11, 10), C.EDUCATIONAL_PSYCHOLOGY),
    advised(date(2025, 11, 14), C.HEALTH),
    issue(date(2025, 11, 28)),
    step(K.DRAFT_ISSUED, DRAFT_SERVED),
    step(K.FINAL_ISSUED, date(2026, 1, 5)),
)


# --- Counting: worked examples ---------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "key", "due"),
    [
        # statutory.md 1.1: Monday 1 September 2025.
        (RECEIVED, "decision_to_assess", SIX_WEEKS),
        (RECEIVED, "advice", SIX_WEEKS),
        (RECEIVED, "decision_not_to_issue", SIXTEEN_WEEKS),
        (RECEIVED, "final_plan", TWENTY_WEEKS),
        # Calendar weeks: a Saturday request has a Saturday deadline.
        (date(2025, 9, 6), "decision_to_assess", date(2025, 10, 18)),
        # Holidays do not stop the clock: the 20 weeks end on the early May bank holiday.
        (date(2025, 12, 15), "final_plan", date(2026, 5, 4)),
        # Across 29 February.
        (date(2024, 2, 1), "final_plan", date(2024, 6, 20)),
        (date(2024, 2, 1), "decision_not_to_issue", date(2024, 5, 23)),
    ],
)
def test_assessment_due_dates_match_worked_examples(received: date, key: str, due: date) -> None:
    assert assessment_due_dates(received)[key] == due


def test_assessment_due_dates_has_exactly_the_agreed_keys() -> None:
    assert set(assessment_due_dates(RECEIVED)) == {
        "decision_to_assess",
        "advice",
        "decision_not_to_issue",
        "final_plan",
    }


def test_comments_window_runs_15_days_from_the_day_of_service() -> None:
    # statutory.md 1.1: a draft served Wednesday 3 December 2025 is open to Wednesday 17th.
    assert comments_close_on(DRAFT_SERVED) == COMMENTS_CLOSE


def test_advice_is_due_six_weeks_after_the_authority_asks() -> None:
    assert advice_due_on(date(2025, 10, 10)) == date(2025, 11, 21)


@pytest.mark.parametrize(
    ("issued", "in_time"),
    [(date(2026, 1, 18), True), (TWENTY_WEEKS, True), (date(2026, 1, 20), False)],
)
def test_within_20_weeks_includes_the_last_day(issued: date, in_time: bool) -> None:
    assert within_20_weeks(RECEIVED, issued) is in_time


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2025, 9, 1), "1 September 2025"),
        (date(2025, 12, 17), "17 December 2025"),
        (date(2026, 1, 9), "9 January 2026"),
    ],
)
def test_render_date_uses_gov_uk_style(day: date, text: str) -> None:
    assert render_date(day) == text


# --- Stages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "stage"),
    [
        ((request(),), Stage.AWAITING_DECISION_TO_ASSESS),
        ((request(), assess(SIX_WEEKS)), Stage.ASSESSING),
        ((request(), assess(SIX_WEEKS, yes=False)), Stage.NOT_ASSESSED),
        ((request(), assess(SIX_WEEKS), issue(SIXTEEN_WEEKS)), Stage.DRAFTING),
        ((request(), assess(SIX_WEEKS), issue(SIXTEEN_WEEKS, yes=False)), Stage.NOT_ISSUED),
        (ON_TIME_CASE[:8], Stage.DRAFT_ISSUED),
        (ON_TIME_CASE, Stage.FINAL_ISSUED),
        ((request(), assess(SIX_WEEKS), step(K.WITHDRAWN, date(2025, 11, 1))), Stage.WITHDRAWN),
    ],
)
def test_stage_follows_the_events(events: tuple[Event, ...], stage: Stage) -> None:
    c = clock(*events, today=date(2026, 2, 1))
    assert c.stage is stage
    assert c.is_open is stage.is_open


def test_stage_labels_are_plain_english() -> None:
    assert Stage.AWAITING_DECISION_TO_ASSESS.label == "Deciding whether to assess"
    assert Stage.FINAL_ISSUED.label == "Plan issued"
    assert [s for s in Stage if not s.is_open] == [
        Stage.FINAL_ISSUED,
        Stage.NOT_ASSESSED,
        Stage.NOT_ISSUED,
        Stage.WITHDRAWN,
    ]


# --- Deadlines -------------------------------------------------------------------------


def test_a_new_request_has_three_deadlines_due() -> None:
    c = clock(request(), today=RECEIVED)
    assert [d.key for d in c.deadlines] == [
        "decision_to_assess",
        "decision_not_to_issue",
        "final_plan",
    ]
    first = deadline(c, "decision_to_assess")
    assert (first.state, first.days_left, first.days_late) == (S.DUE, 42, 0)
    assert first.label == "Decide whether to assess"
    assert first.citation == "SEND Regulations 2014, reg. 5(1)"
    assert c.next_deadline == first
    assert c.final_plan_due_on == TWENTY_WEEKS
    assert c.days_left_on_20_weeks == 140


def test_undecided_request_is_overdue_after_six_weeks() -> None:
    d = deadline(clock(request(), today=date(2025, 10, 20)), "decision_to_assess")
    assert (d.state, d.days_late, d.days_left) == (S.OVERDUE, 7, None)


def test_deadline_is_due_on_its_last_day() -> None:
    d = deadline(clock(request(), today=SIX_WEEKS), "decision_to_assess")
    assert (d.state, d.days_left) == (S.DUE, 0)


@pytest.mark.parametrize(
    ("decided_on", "state", "days_late"),
    [(date(2025, 10, 10), S.MET, 0), (SIX_WEEKS, S.MET, 0), (date(2025, 10, 20), S.MISSED, 7)],
)
def test_decision_to_assess_is_met_or_missed_whatever_the_outcome(
    decided_on: date, state: DeadlineState, days_late: int
) -> None:
    for yes in (True, False):
        d = deadline(
            clock(request(), assess(decided_on, yes), today=date(2026, 3, 1)), "decision_to_assess"
        )
        assert (d.done_on, d.state, d.days_late) == (decided_on, state, days_late)


def test_refusal_to_assess_closes_the_case_and_later_deadlines_are_not_needed() -> None:
    c = clock(request(), assess(date(2025, 10, 10), yes=False), today=date(2026, 3, 1))
    assert states(c) == {
        "decision_to_assess": S.MET,
        "decision_not_to_issue": S.NOT_NEEDED,
        "final_plan": S.NOT_NEEDED,
    }
    assert (c.is_open, c.next_deadline, c.days_left_on_20_weeks) == (False, None, None)


def test_advice_deadline_runs_from_each_request() -> None:
    c = clock(
        request(),
        assess(date(2025, 10, 10)),
        asked(date(2025, 10, 13), C.EDUCATIONAL_PSYCHOLOGY),
        asked(date(2025, 10, 20), C.HEALTH),
        advised(date(2025, 11, 20), C.HEALTH),
        today=date(2025, 12, 1),
    )
    ep, health = deadline(c, "advice:educational_psychology"), deadline(c, "advice:health")
    assert (ep.label, ep.due_on, ep.state, ep.days_late) == (
        "Advice from educational psychology",
        date(2025, 11, 24),
        S.OVERDUE,
        7,
    )
    assert (health.due_on, health.done_on, health.state) == (
        date(2025, 12, 1),
        date(2025, 11, 20),
        S.MET,
    )
    assert ep.citation == "SEND Regulations 2014, reg. 8(1)"
    assert [d.key for d in c.deadlines] == [
        "decision_to_assess",
        "advice:educational_psychology",
        "advice:health",
        "decision_not_to_issue",
        "final_plan",
    ]
    assert c.next_deadline == ep


def test_late_advice_is_missed() -> None:
    c = clock(
        request(),
        assess(date(2025, 10, 1)),
        asked(date(2025, 10, 1)),
        advised(date(2025, 11, 14)),
        today=date(2025, 12, 1),
    )
    d = deadline(c, "advice:health")
    assert (d.state, d.days_late) == (S.MISSED, 2)


def test_asking_the_same_body_again_adds_a_numbered_deadline() -> None:
    c = clock(
        request(),
        assess(date(2025, 10, 1)),
        asked(date(2025, 10, 2), C.OTHER),
        advised(date(2025, 10, 20), C.OTHER),
        asked(date(2025, 10, 20), C.OTHER),
        today=date(2025, 10, 21),
    )
    first, second = deadline(c, "advice:other"), deadline(c, "advice:other:2")
    assert (first.label, first.state) == ("Other advice", S.MET)
    assert (second.label, second.state, second.due_on) == (
        "Other advice (request 2)",
        S.DUE,
        date(2025, 12, 1),
    )


def test_outstanding_advice_is_not_needed_once_the_plan_is_issued() -> None:
    events = [*ON_TIME_CASE[:4], issue(date(2025, 11, 28)), step(K.DRAFT_ISSUED, DRAFT_SERVED)]
    c = assessment_clock([*events, step(K.FINAL_ISSUED, date(2026, 1, 5))], date(2026, 2, 1))
    assert deadline(c, "advice:health").state is S.NOT_NEEDED
    assert deadline(c, "advice:educational_psychology").state is S.NOT_NEEDED


@pytest.mark.parametrize(
    ("decided_on", "state", "days_late"),
    [(SIXTEEN_WEEKS, S.MET, 0), (date(2025, 12, 23), S.MISSED, 1)],
)
def test_decision_not_to_issue_is_held_to_16_weeks(
    decided_on: date, state: DeadlineState, days_late: int
) -> None:
    c = clock(request(), assess(SIX_WEEKS), issue(decided_on, yes=False), today=date(2026, 3, 1))
    d = deadline(c, "decision_not_to_issue")
    assert (d.done_on, d.state, d.days_late) == (decided_on, state, days_late)
    assert d.citation == "SEND Regulations 2014, reg. 10(1)"
    assert deadline(c, "final_plan").state is S.NOT_NEEDED
    assert c.stage is Stage.NOT_ISSUED


def test_16_week_limit_binds_only_a_decision_not_to_issue() -> None:
    # A yes after 16 weeks breaks no limit in reg. 10(1); the 20 weeks still run.
    c = clock(request(), assess(SIX_WEEKS), issue(date(2026, 1, 5)), today=date(2026, 1, 6))
    d = deadline(c, "decision_not_to_issue")
    assert (d.state, d.done_on, d.days_late) == (S.NOT_NEEDED, None, 0)
    assert deadline(c, "final_plan").state is S.DUE


def test_undecided_after_16_weeks_is_overdue() -> None:
    c = clock(request(), assess(SIX_WEEKS), today=date(2025, 12, 29))
    d = deadline(c, "decision_not_to_issue")
    assert (d.state, d.days_late) == (S.OVERDUE, 7)


def test_comments_window_is_due_while_open_and_never_late() -> None:
    events = ON_TIME_CASE[:8]
    during = clock(*events, today=date(2025, 12, 10))
    d = deadline(during, "comments")
    assert (d.due_on, d.state, d.days_left, d.label) == (
        COMMENTS_CLOSE,
        S.DUE,
        7,
        "Family's comments on the draft",
    )
    assert d.citation == "SEND Regulations 2014, reg. 13(1)(a)"
    assert during.next_deadline == d
    closed = deadline(clock(*events, today=date(2025, 12, 18)), "comments")
    assert (closed.state, closed.done_on, closed.days_late, closed.days_left) == (
        S.MET,
        None,
        0,
        None,
    )


def test_comments_received_late_still_count_as_met() -> None:
    c = clock(
        *ON_TIME_CASE[:8], step(K.COMMENTS_RECEIVED, date(2025, 12, 30)), today=date(2026, 1, 2)
    )
    d = deadline(c, "comments")
    assert (d.state, d.done_on, d.days_late) == (S.MET, date(2025, 12, 30), 0)


def test_withdrawal_during_the_comments_window_makes_it_not_needed() -> None:
    events = (*ON_TIME_CASE[:8], step(K.WITHDRAWN, date(2025, 12, 10)))
    c = clock(*events, today=date(2025, 12, 11))
    d = deadline(c, "comments")
    assert (d.state, d.days_left) == (S.NOT_NEEDED, None)
    assert c.next_deadline is None
    after = deadline(
        clock(*ON_TIME_CASE[:8], step(K.WITHDRAWN, date(2025, 12, 20)), today=date(2025, 12, 21)),
        "comments",
    )
    assert after.state is S.MET  # the window had already run its course


def test_comments_deadline_appears_only_once_a_draft_is_served() -> None:
    assert clock(*ON_TIME_CASE[:7], today=date(2025, 12, 1)).deadline("comments") is None


@pytest.mark.parametrize(
    ("issued", "state", "days_late"),
    [(TWENTY_WEEKS, S.MET, 0), (date(2026, 1, 20), S.MISSED, 1), (date(2026, 3, 2), S.MISSED, 42)],
)
def test_final_plan_against_20_weeks(issued: date, state: DeadlineState, days_late: int) -> None:
    c = clock(*ON_TIME_CASE[:8], step(K.FINAL_ISSUED, issued), today=date(2026, 6, 1))
    d = deadline(c, "final_plan")
    assert (d.done_on, d.state, d.days_late) == (issued, state, days_late)
    assert d.citation == "SEND Regulations 2014, reg. 13(2)"
    assert within_20_weeks(RECEIVED, issued) is (state is S.MET)
    assert (c.is_open, c.days_left_on_20_weeks, c.next_deadline) == (False, None, None)


def test_open_case_past_20_weeks_counts_days_late_to_today() -> None:
    c = clock(*ON_TIME_CASE[:8], today=date(2026, 2, 1))
    d = deadline(c, "final_plan")
    assert (d.state, d.days_late) == (S.OVERDUE, 13)
    assert c.days_left_on_20_weeks == -13
    assert c.next_deadline == d


def test_withdrawal_keeps_what_was_done_and_drops_the_rest() -> None:
    c = clock(
        request(),
        assess(date(2025, 10, 20)),
        asked(date(2025, 10, 20)),
        step(K.WITHDRAWN, date(2025, 11, 3)),
        today=date(2026, 3, 1),
    )
    assert states(c) == {
        "decision_to_assess": S.MISSED,
        "advice:health": S.NOT_NEEDED,
        "decision_not_to_issue": S.NOT_NEEDED,
        "final_plan": S.NOT_NEEDED,
    }
    assert (c.stage, c.is_open, c.next_deadline) == (Stage.WITHDRAWN, False, None)


def test_events_may_arrive_in_any_order() -> None:
    shuffled = list(ON_TIME_CASE)
    random.Random(4).shuffle(shuffled)
    assert assessment_clock(shuffled, date(2026, 2, 1)) == assessment_clock(
        list(ON_TIME_CASE), date(2026, 2, 1)
    )


def test_same_day_events_are_replayed_in_the_regulations_order() -> None:
    day = date(2025, 10, 1)
    events = [request(), assess(day), asked(day), advised(day), started(day), ended(day)]
    c = assessment_clock(events, day)
    assert assessment_clock(events[::-1], day) == c
    assert deadline(c, "advice:health").done_on == day
    assert c.exceptions == ((X.ABSENT_FROM_AREA, day, day),)


def test_same_day_re_request_pairs_each_receipt_with_the_earlier_request() -> None:
    events = [
        request(),
        assess(date(2025, 9, 10)),
        asked(date(2025, 9, 10)),
        advised(date(2025, 10, 1)),
        asked(date(2025, 10, 1)),
    ]
    c = assessment_clock(events, date(2025, 10, 2))
    assert deadline(c, "advice:health").done_on == date(2025, 10, 1)
    assert deadline(c, "advice:health:2").done_on is None


@pytest.mark.parametrize(
    "events",
    [
        [],
        [assess(SIX_WEEKS)],
        [request(), request(date(2025, 9, 2))],
        [request(), Event(K.DECISION_TO_ASSESS, SIX_WEEKS)],
        [request(), assess(SIX_WEEKS), Event(K.ADVICE_REQUESTED, SIX_WEEKS)],
        [request(), Event(K.EXCEPTION_STARTED, SIX_WEEKS)],
    ],
)
def test_clock_rejects_events_no_service_should_store(events: list[Event]) -> None:
    with pytest.raises(ValueError, match="event"):
        assessment_clock(events, date(2026, 1, 1))


# --- Exceptions ------------------------------------------------------------------------


def test_exception_during_the_20_weeks_excuses_a_late_plan_but_it_still_shows_late() -> None:
    c = clock(
        *ON_TIME_CASE[:8],
        started(date(2025, 10, 1)),
        ended(date(2025, 11, 5)),
        step(K.FINAL_ISSUED, date(2026, 2, 2)),
        today=date(2026, 3, 1),
    )
    d = deadline(c, "final_plan")
    assert (d.state, d.days_late, d.excepted) == (S.MISSED, 14, True)
    assert c.exceptions_apply
    assert c.exceptions == ((X.ABSENT_FROM_AREA, date(2025, 10, 1), date(2025, 11, 5)),)


def test_absence_shorter_than_four_weeks_is_not_an_exception() -> None:
    c = clock(
        request(), started(date(2025, 10, 1)), ended(date(2025, 10, 28)), today=date(2025, 11, 1)
    )
    assert not deadline(c, "final_plan").excepted
    assert not c.exceptions_apply
    assert len(c.exceptions) == 1  # still recorded and shown


def test_absence_of_exactly_four_weeks_is_an_exception() -> None:
    c = clock(
        request(), started(date(2025, 10, 1)), ended(date(2025, 10, 29)), today=date(2025, 11, 1)
    )
    assert c.exceptions_apply


def test_personal_circumstances_need_no_minimum_length() -> None:
    c = clock(
        request(),
        started(date(2025, 9, 5), X.PERSONAL_CIRCUMSTANCES),
        ended(date(2025, 9, 8), X.PERSONAL_CIRCUMSTANCES),
        today=date(2025, 9, 10),
    )
    assert deadline(c, "decision_to_assess").excepted
    assert c.exceptions_apply


def test_exception_still_running_applies() -> None:
    c = clock(request(), started(date(2025, 12, 1), X.INSTITUTION_CLOSURE), today=date(2025, 12, 2))
    assert c.exceptions_apply
    assert not deadline(c, "decision_to_assess").excepted  # started after its due date
    assert c.exceptions == ((X.INSTITUTION_CLOSURE, date(2025, 12, 1), None),)


def test_exception_after_a_step_was_done_excuses_nothing() -> None:
    c = clock(
        request(),
        assess(date(2025, 9, 20)),
        started(date(2025, 10, 1), X.PERSONAL_CIRCUMSTANCES),
        today=date(2025, 10, 2),
    )
    assert not deadline(c, "decision_to_assess").excepted
    assert deadline(c, "final_plan").excepted


def test_closures_do_not_excuse_advice_but_family_circumstances_do() -> None:
    base = [request(), assess(date(2025, 10, 1)), asked(date(2025, 10, 1))]
    closure = clock(
        *base, started(date(2025, 10, 2), X.EARLY_YEARS_CLOSURE), today=date(2025, 10, 3)
    )
    absent = clock(*base, started(date(2025, 10, 2)), today=date(2025, 10, 3))
    assert not deadline(closure, "advice:health").excepted
    assert deadline(closure, "final_plan").excepted
    assert deadline(absent, "advice:health").excepted


def test_exception_window_of_a_withdrawn_case_ends_on_withdrawal() -> None:
    c = clock(
        request(),
        step(K.WITHDRAWN, date(2025, 10, 1)),
        started(date(2025, 10, 5), X.PERSONAL_CIRCUMSTANCES),
        today=date(2025, 10, 6),
    )
    assert not c.exceptions_apply


def test_comments_deadline_is_never_excepted() -> None:
    c = clock(
        *ON_TIME_CASE[:8],
        started(date(2025, 12, 4), X.PERSONAL_CIRCUMSTANCES),
        today=date(2025, 12, 5),
    )
    assert not deadline(c, "comments").excepted
    assert deadline(c, "final_plan").excepted


def test_exception_reasons_cite_regulation_10_4() -> None:
    assert X.INSTITUTION_CLOSURE.citation == "SEND Regulations 2014, reg. 10(4)(a)"
    assert X.ABSENT_FROM_AREA.citation == "SEND Regulations 2014, reg. 10(4)(d)"
    assert X.ABSENT_FROM_AREA.label == "Absence from the area"


def test_labels_are_plain_english() -> None:
    assert C.EDUCATIONAL_PSYCHOLOGY.label == "Educational psychology"
    assert K.DECISION_TO_ASSESS.label == "Decision whether to assess"
    assert S.NOT_NEEDED.label == "Not needed"
    assert ("social_care", "Social care") in C.choices()
    for enum in (C, X, K, Stage, S):
        assert all(member.label and member.label[0].isupper() for member in enum)


# --- Refusals: one test per rule ------------------------------------------------------

TODAY = date(2026, 6, 1)
ASSESSING = (request(), assess(date(2025, 10, 6)))
ADVICE_OUT = (*ASSESSING, asked(date(2025, 10, 7)))
DRAFTING = (*ASSESSING, issue(date(2025, 11, 28)))
DRAFTED = (*DRAFTING, step(K.DRAFT_ISSUED, DRAFT_SERVED))
IN_FORCE = (*ASSESSING, started(date(2025, 9, 20)))


@pytest.mark.parametrize(
    ("events", "new", "reason"),
    [
        # Details the step needs.
        (ASSESSING, Event(K.DECISION_TO_ISSUE, TODAY), "Say whether the decision was yes or no."),
        (
            (request(),),
            Event(K.DECISION_TO_ASSESS, TODAY),
            "Say whether the decision was yes or no.",
        ),
        (ASSESSING, Event(K.ADVICE_REQUESTED, TODAY), "Say whose advice this is."),
        (ADVICE_OUT, Event(K.ADVICE_RECEIVED, TODAY), "Say whose advice this is."),
        (ASSESSING, Event(K.EXCEPTION_STARTED, TODAY), "Say which exception this is."),
        (IN_FORCE, Event(K.EXCEPTION_ENDED, TODAY), "Say which exception this is."),
        # Dates.
        ((), request(TODAY + timedelta(days=1)), "The date cannot be in the future."),
        (ASSESSING, issue(TODAY + timedelta(days=1)), "The date cannot be in the future."),
        (
            (request(),),
            assess(date(2025, 8, 31)),
            "The date cannot be before the request was received on 1 September 2025.",
        ),
        (
            (request(),),
            started(date(2025, 8, 31)),
            "The date cannot be before the request was received on 1 September 2025.",
        ),
        (
            (*ASSESSING, asked(date(2025, 10, 12))),
            issue(date(2025, 10, 11)),
            "The date cannot be before the last recorded step (12 October 2025).",
        ),
        (
            (*ASSESSING, asked(date(2025, 10, 12))),
            advised(date(2025, 10, 11)),
            "The date cannot be before the last recorded step (12 October 2025).",
        ),
        # The request.
        ((), assess(SIX_WEEKS), "Record the date the request was received first."),
        (
            (request(),),
            request(date(2025, 9, 2)),
            "The request has already been recorded as received on 1 September 2025.",
        ),
        # Closed cases.
        (
            ON_TIME_CASE,
            step(K.WITHDRAWN, TODAY),
            "This case is closed (plan issued), so no more steps can be recorded.",
        ),
        (
            (request(), assess(SIX_WEEKS, yes=False)),
            asked(TODAY),
            "This case is closed (decided not to assess), so no more steps can be recorded.",
        ),
        (
            (*ASSESSING, issue(SIXTEEN_WEEKS, yes=False)),
            step(K.DRAFT_ISSUED, TODAY),
            "This case is closed (decided not to issue a plan), so no more steps can be recorded.",
        ),
        (
            (request(), step(K.WITHDRAWN, SIX_WEEKS)),
            started(date(2025, 9, 2)),
            "This case is closed (withdrawn), so no more steps can be recorded.",
        ),
        # Decision whether to assess.
        (ASSESSING, assess(TODAY), "The decision whether to assess has already been recorded."),
        # Advice.
        ((request(),), asked(TODAY), "Advice can only be requested after deciding to assess."),
        (
            DRAFTING,
            asked(TODAY),
            "Advice cannot be requested after the decision whether to issue a plan.",
        ),
        (
            ADVICE_OUT,
            asked(TODAY),
            "Advice from health has already been requested and not yet received.",
        ),
        (ADVICE_OUT, advised(TODAY, C.SOCIAL_CARE), "Advice from social care was not requested."),
        (ASSESSING, advised(TODAY, C.OTHER), "Other advice was not requested."),
        (
            (*ADVICE_OUT, advised(date(2025, 11, 1))),
            advised(TODAY),
            "Advice from health has already been received.",
        ),
        # Decision whether to issue.
        (
            (request(),),
            issue(TODAY),
            "The decision whether to issue a plan can only be made after deciding to assess.",
        ),
        (DRAFTING, issue(TODAY), "The decision whether to issue a plan has already been recorded."),
        # Draft, comments, final.
        (
            ASSESSING,
            step(K.DRAFT_ISSUED, TODAY),
            "A draft plan can only be issued after deciding to issue a plan.",
        ),
        (DRAFTED, step(K.DRAFT_ISSUED, TODAY), "A draft plan has already been issued."),
        (
            DRAFTING,
            step(K.COMMENTS_RECEIVED, TODAY),
            "The family's comments can only be recorded after a draft plan is issued.",
        ),
        (
            (*DRAFTED, step(K.COMMENTS_RECEIVED, date(2025, 12, 10))),
            step(K.COMMENTS_RECEIVED, TODAY),
            "The family's comments have already been recorded.",
        ),
        (
            DRAFTING,
            step(K.FINAL_ISSUED, TODAY),
            "A final plan cannot be issued before a draft plan.",
        ),
        (
            DRAFTED,
            step(K.FINAL_ISSUED, COMMENTS_CLOSE),
            "The final plan cannot be issued before the family's 15 days to comment end on "
            "17 December 2025, unless their comments have been received.",
        ),
        # Exceptions.
        (IN_FORCE, started(TODAY), "An exception for absence from the area is already in force."),
        (
            (*ASSESSING, started(date(2025, 9, 10)), ended(date(2025, 10, 20))),
            started(date(2025, 10, 19)),
            "An exception for absence from the area cannot start before the last one ended on "
            "20 October 2025.",
        ),
        (ASSESSING, ended(TODAY), "No exception of that kind is in force."),
        (
            IN_FORCE,
            ended(TODAY, X.PERSONAL_CIRCUMSTANCES),
            "No exception of that kind is in force.",
        ),
        (
            IN_FORCE,
            ended(date(2025, 9, 19)),
            "An exception cannot end before it started on 20 September 2025.",
        ),
    ],
)
def test_refusals(events: tuple[Event, ...], new: Event, reason: str) -> None:
    assert refusal_for(list(events), new, TODAY) == reason


@pytest.mark.parametrize(
    ("events", "new"),
    [
        ((), request(TODAY)),
        ((request(),), assess(RECEIVED)),  # same day as the request
        ((request(),), step(K.WITHDRAWN, TODAY)),
        (ASSESSING, asked(date(2025, 10, 6))),  # same day as the decision
        ((*ADVICE_OUT, advised(date(2025, 11, 1))), asked(date(2025, 11, 1))),  # ask again
        (ADVICE_OUT, issue(date(2025, 11, 1))),  # advice may still be outstanding
        (ADVICE_OUT, advised(TODAY)),
        (DRAFTED, step(K.FINAL_ISSUED, COMMENTS_CLOSE + timedelta(days=1))),
        (
            (*DRAFTED, step(K.COMMENTS_RECEIVED, date(2025, 12, 5))),
            step(K.FINAL_ISSUED, date(2025, 12, 5)),
        ),
        (DRAFTED, step(K.WITHDRAWN, TODAY)),
        (DRAFTED, started(date(2025, 9, 2))),  # exceptions may be back-dated
        (IN_FORCE, ended(date(2025, 9, 20))),  # and end the day they start
        (IN_FORCE, started(date(2025, 9, 20), X.PERSONAL_CIRCUMSTANCES)),  # kinds may overlap
        (
            (*ASSESSING, started(date(2025, 9, 10)), ended(date(2025, 10, 20))),
            started(date(2025, 10, 20)),
        ),
    ],
)
def test_allowed_steps(events: tuple[Event, ...], new: Event) -> None:
    assert refusal_for(list(events), new, TODAY) is None


def test_every_step_of_an_on_time_case_is_allowed_in_turn() -> None:
    for n, event in enumerate(ON_TIME_CASE):
        assert refusal_for(list(ON_TIME_CASE[:n]), event, TODAY) is None


# --- Properties -----------------------------------------------------------------------

END: date = date(2026, 12, 31)  # "today" for generated cases


def candidates(on: date) -> list[Event]:
    """Every distinct event that could be recorded on a day."""
    plain = [K.REQUEST_RECEIVED, K.DRAFT_ISSUED, K.COMMENTS_RECEIVED, K.FINAL_ISSUED, K.WITHDRAWN]
    return [
        *(Event(kind, on) for kind in plain),
        *(
            Event(kind, on, outcome=o)
            for kind in (K.DECISION_TO_ASSESS, K.DECISION_TO_ISSUE)
            for o in (True, False)
        ),
        *(
            Event(kind, on, contributor=c)
            for kind in (K.ADVICE_REQUESTED, K.ADVICE_RECEIVED)
            for c in C
        ),
        *(
            Event(kind, on, exception=x)
            for kind in (K.EXCEPTION_STARTED, K.EXCEPTION_ENDED)
            for x in X
        ),
    ]


# Withdrawals and exceptions are drawn less often, and decisions are mostly yes, or few
# generated cases would get as far as a final plan.
WEIGHTS = {K.WITHDRAWN: 1, K.EXCEPTION_STARTED: 2, K.EXCEPTION_ENDED: 2}


def weighted_kinds(allowed: list[Event]) -> list[EventKind]:
    kinds = sorted({e.kind for e in allowed}, key=list(K).index)
    return [k for k in kinds for _ in range(WEIGHTS.get(k, 8))]


def weighted_events(allowed: list[Event], kind: EventKind) -> list[Event]:
    return [e for e in allowed if e.kind is kind for _ in range(3 if e.outcome else 1)]


@st.composite
def accepted_cases(draw: st.DrawFn, max_steps: int = 14) -> list[Event]:
    """A case built one step at a time from events refusal_for accepts."""
    received = draw(st.dates(date(2024, 1, 1), date(2026, 6, 30)))
    events, last = [request(received)], received
    for _ in range(draw(st.integers(0, max_steps))):
        if draw(st.integers(0, 4)) == 0:  # sometimes back-date (only exceptions will pass)
            on = received + timedelta(days=draw(st.integers(0, (last - received).days)))
        else:
            on = min(END, last + timedelta(days=draw(st.integers(0, 7) | st.integers(0, 60))))
        allowed = [e for e in candidates(on) if refusal_for(events, e, END) is None]
        if allowed:
            kind = draw(st.sampled_from(weighted_kinds(allowed)))
            events.append(draw(st.sampled_from(weighted_events(allowed, kind))))
            if kind not in (K.EXCEPTION_STARTED, K.EXCEPTION_ENDED):
                last = on
    return events


@given(st.dates(date(2000, 1, 1), date(2099, 12, 31)))
def test_due_dates_never_precede_their_trigger(received: date) -> None:
    due = assessment_due_dates(received)
    assert all(day > received for day in due.values())
    assert due["decision_to_assess"] < due["decision_not_to_issue"] < due["final_plan"]


@given(st.dates(date(2000, 1, 1), date(2099, 12, 31)))
def test_20_weeks_is_exactly_140_days(received: date) -> None:
    assert (assessment_due_dates(received)["final_plan"] - received).days == 140
    assert within_20_weeks(received, received + timedelta(days=140))
    assert not within_20_weeks(received, received + timedelta(days=141))


@given(st.dates(date(2000, 1, 1), date(2099, 12, 31)))
def test_comments_window_is_15_days_counting_the_day_of_service(served: date) -> None:
    assert (comments_close_on(served) - served).days + 1 == 15


def soon_after(events: list[Event], days: int) -> date:
    """A "today" no earlier than anything recorded."""
    return max(e.on for e in events) + timedelta(days=days)


@settings(max_examples=300, deadline=None)
@given(accepted_cases())
def test_accepted_cases_always_give_a_consistent_clock(events: list[Event]) -> None:
    for n in range(1, len(events) + 1):
        for days in (0, 1, 7, 15, 60, 200):
            check_consistent(assessment_clock(events[:n], soon_after(events[:n], days)))


def check_consistent(c: AssessmentClock) -> None:
    today = c.final_plan_due_on - timedelta(days=c.days_left_on_20_weeks or 0)
    assert all(d.due_on >= c.received_on for d in c.deadlines)
    assert all((d.days_late > 0) is d.state.is_late for d in c.deadlines)
    assert all((d.days_left is not None) is (d.state is S.DUE) for d in c.deadlines)
    assert all(d.days_left is None or d.days_left >= 0 for d in c.deadlines)
    assert c.is_open is c.stage.is_open
    if c.is_open:
        assert c.days_left_on_20_weeks is not None
        assert c.next_deadline is None or c.next_deadline.due_on == min(
            d.due_on for d in c.deadlines if d.state in (S.DUE, S.OVERDUE)
        )
        assert (today - c.received_on).days >= 0
    else:
        assert c.next_deadline is None
        assert c.days_left_on_20_weeks is None
        assert not any(d.state in (S.DUE, S.OVERDUE) for d in c.deadlines)


@settings(max_examples=100, deadline=None)
@given(accepted_cases(), st.randoms(use_true_random=False))
def test_order_of_events_does_not_matter(events: list[Event], rnd: random.Random) -> None:
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert assessment_clock(shuffled, END) == assessment_clock(events, END)


@settings(max_examples=100, deadline=None)
@given(accepted_cases())
def test_within_20_weeks_agrees_with_the_final_plan_deadline(events: list[Event]) -> None:
    final = deadline(assessment_clock(events, END), "final_plan")
    if final.done_on is not None:
        assert within_20_weeks(events[0].on, final.done_on) is (final.state is S.MET)


@settings(max_examples=100, deadline=None)
@given(accepted_cases(), st.integers(0, 60), st.data())
def test_recording_a_step_as_it_happens_never_makes_a_case_later(
    events: list[Event], days: int, data: st.DataObject
) -> None:
    today = soon_after(events, days)
    allowed = [e for e in candidates(today) if refusal_for(events, e, today) is None]
    if allowed:
        new = data.draw(st.sampled_from(allowed))
        before, after = assessment_clock(events, today), assessment_clock([*events, new], today)
        assert late_count(after) <= late_count(before)


@settings(max_examples=100, deadline=None)
@given(accepted_cases(), st.integers(0, 60), st.data())
def test_recording_a_back_dated_step_never_makes_a_case_later_except_advice_requests(
    events: list[Event], days: int, data: st.DataObject
) -> None:
    # A back-dated advice request may already be overdue: that is the truth, not a slip.
    today = soon_after(events, days)
    on = data.draw(st.dates(events[0].on, today))
    allowed = [
        e
        for e in candidates(on)
        if e.kind is not K.ADVICE_REQUESTED and refusal_for(events, e, today) is None
    ]
    if allowed:
        new = data.draw(st.sampled_from(allowed))
        before, after = assessment_clock(events, today), assessment_clock([*events, new], today)
        assert late_count(after) <= late_count(before)


@settings(max_examples=60, deadline=None)
@given(accepted_cases())
def test_a_step_on_or_before_its_due_date_is_met(events: list[Event]) -> None:
    for d in assessment_clock(events, END).deadlines:
        if d.done_on is not None:
            assert (d.state is S.MET) is (d.done_on <= d.due_on or d.key == "comments")


def test_deadline_dataclasses_are_frozen() -> None:
    d = deadline(clock(request(), today=RECEIVED), "final_plan")
    with pytest.raises(AttributeError):
        d.state = S.MET  # type: ignore[misc]
    assert replace(d, state=S.MET).state is S.MET


class TestAdviceWithdrawn:
    """The council may withdraw an outstanding request for advice; its reg. 8(1) limit then
    no longer applies (NOT_NEEDED, never late) and the same contributor may be asked again."""

    def _history(self) -> list[Event]:
        return [
            Event(K.REQUEST_RECEIVED, date(2025, 9, 1)),
            Event(K.DECISION_TO_ASSESS, date(2025, 10, 1), outcome=True),
            Event(K.ADVICE_REQUESTED, date(2025, 10, 2), contributor=Contributor.HEALTH),
        ]

    def test_withdrawn_advice_is_not_needed_even_after_its_due_date(self) -> None:
        events = [
            *self._history(),
            Event(K.ADVICE_WITHDRAWN, date(2025, 10, 20), contributor=Contributor.HEALTH),
        ]
        deadline = assessment_clock(events, date(2026, 1, 1)).deadline("advice:health")
        assert deadline is not None
        assert deadline.state == DeadlineState.NOT_NEEDED

    def test_the_same_contributor_can_be_asked_again_after_a_withdrawal(self) -> None:
        events = [
            *self._history(),
            Event(K.ADVICE_WITHDRAWN, date(2025, 10, 20), contributor=Contributor.HEALTH),
        ]
        again = Event(K.ADVICE_REQUESTED, date(2025, 10, 21), contributor=Contributor.HEALTH)
        assert refusal_for(events, again, date(2025, 11, 1)) is None

    def test_refuses_to_withdraw_a_request_that_is_not_outstanding(self) -> None:
        withdraw = Event(
            K.ADVICE_WITHDRAWN, date(2025, 10, 20), contributor=Contributor.SOCIAL_CARE
        )
        assert refusal_for(self._history(), withdraw, date(2025, 11, 1)) == (
            "There is no outstanding request for advice from social care."
        )


@given(accepted_cases())
def test_a_case_is_closed_exactly_when_it_holds_a_closing_step(events: list[Event]) -> None:
    from thrive.law.clock import closes_the_case

    assert assessment_clock(events, END).is_open is not any(closes_the_case(e) for e in events)
