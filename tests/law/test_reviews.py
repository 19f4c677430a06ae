"""thrive.law.reviews: worked examples from shared/reference/statutory.md 1.4-1.9, exact
dates, and hypothesis properties of the month and week arithmetic."""

import inspect
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thrive.law import reviews
from thrive.law.clock import comments_close_on
from thrive.law.codes import CEASE_REASONS, age_on
from thrive.law.reviews import (
    CeaseGround,
    PhaseTransfer,
    add_months,
    amendment_timetable,
    annual_review_due,
    appeal_deadline,
    cease_ground,
    cessation_notice,
    cessation_takes_effect,
    england_bank_holidays,
    is_working_day,
    mediation_contact_by,
    national_curriculum_year,
    period_starting_with_ends_on,
    phase_transfer_review_by,
    post_16_move_review_by,
    review_meeting_timetable,
    upcoming_phase_transfer,
)

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "law.md").read_text(encoding="utf-8")
SOURCE = re.compile(
    r"reg\. \d+\(|Regulations (19|20)\d\d|Act (19|20)\d\d|Code of Practice|CBDS|"
    r"NHS Data Dictionary|GOV\.UK|ESFA|DfE"
)
DATES = st.dates(date(2000, 1, 1), date(2090, 12, 31))


def _public() -> list[tuple[str, object]]:
    return [
        (name, obj)
        for name, obj in vars(reviews).items()
        if not name.startswith("_")
        and (inspect.isfunction(obj) or inspect.isclass(obj))
        and obj.__module__ == reviews.__name__
    ]


# --- Citations and docs (test_citations.py covers the other modules) --------------------


@pytest.mark.parametrize(("name", "obj"), _public(), ids=[n for n, _ in _public()])
def test_every_public_name_cites_its_source_and_is_in_the_docs(name: str, obj: object) -> None:
    doc = inspect.getdoc(obj) or ""
    if inspect.isfunction(obj) or obj in (PhaseTransfer, CeaseGround):
        assert SOURCE.search(doc), f"{name} has no citation in its docstring"
    assert doc, f"{name} has no docstring"
    assert f"`{name}" in DOCS, f"docs/law.md does not mention {name}"


# --- Month arithmetic -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 15), 2, date(2026, 3, 15)),
        (date(2025, 12, 31), 2, date(2026, 2, 28)),
        (date(2027, 12, 31), 2, date(2028, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 7, 31), -5, date(2026, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
    ],
)
def test_add_months_uses_the_corresponding_date_or_the_last_day(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2026, 1, 19), date(2027, 1, 18)),  # statutory.md 1.1 worked example
        (date(2024, 2, 29), date(2025, 2, 28)),
        (date(2024, 3, 1), date(2025, 2, 28)),
        (date(2027, 3, 1), date(2028, 2, 29)),
        (date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_twelve_months_starting_with_a_date_end_the_day_before_it_recurs(
    start: date, expected: date
) -> None:
    assert period_starting_with_ends_on(start, 12) == expected


def test_a_period_needs_a_month() -> None:
    with pytest.raises(ValueError, match="at least one month"):
        period_starting_with_ends_on(date(2026, 1, 1), 0)


@settings(max_examples=300, deadline=None)
@given(day=DATES, months=st.integers(-24, 60))
def test_add_months_keeps_the_day_or_clamps_to_the_months_last_day(day: date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    next_month_first = add_months(result.replace(day=1), 1)
    last_day = (next_month_first - timedelta(days=1)).day
    assert result.day == min(day.day, last_day)
    if months > 0:
        assert result > day


@settings(max_examples=300, deadline=None)
@given(start=DATES, months=st.integers(1, 24))
def test_a_period_starting_with_a_date_ends_after_it_and_within_the_months(
    start: date, months: int
) -> None:
    end = period_starting_with_ends_on(start, months)
    assert start <= end < add_months(start, months) or (
        add_months(start, months).day < start.day and end == add_months(start, months)
    )
    assert end + timedelta(days=1) > add_months(start - timedelta(days=1), months)


# --- Year groups ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "on", "year"),
    [
        (date(2012, 9, 1), date(2025, 10, 1), 8),  # oldest in the year
        (date(2012, 8, 31), date(2025, 10, 1), 9),  # youngest in Year 9
        (date(2011, 8, 31), date(2025, 10, 1), 10),
        (date(2011, 9, 1), date(2025, 10, 1), 9),
        (date(2011, 9, 1), date(2025, 8, 31), 8),  # summer holiday: still last year's group
        (date(2020, 2, 29), date(2025, 9, 1), 1),
        (date(2021, 3, 1), date(2025, 9, 1), 0),  # Reception
        (date(2022, 6, 1), date(2025, 9, 1), -1),  # nursery
        (date(2009, 12, 1), date(2025, 10, 1), 11),
        (date(2008, 7, 1), date(2025, 10, 1), 13),
    ],
)
def test_national_curriculum_year_follows_age_on_31_august(born: date, on: date, year: int) -> None:
    assert national_curriculum_year(born, on) == year


def test_national_curriculum_year_refuses_a_date_before_birth() -> None:
    with pytest.raises(ValueError, match="before the date of birth"):
        national_curriculum_year(date(2020, 1, 1), date(2019, 12, 31))


@settings(max_examples=300, deadline=None)
@given(born=st.dates(date(2000, 1, 1), date(2030, 12, 31)), days=st.integers(0, 9000))
def test_year_group_is_age_on_the_31_august_before_the_school_year_less_4(
    born: date, days: int
) -> None:
    on = born + timedelta(days=days)
    year_start = reviews.academic_year_starting(on)
    reference = date(year_start, 8, 31)
    if reference >= born:
        assert national_curriculum_year(born, on) == age_on(born, reference) - 4


# --- Annual review ----------------------------------------------------------------------


def test_first_review_is_due_within_12_months_of_the_plan() -> None:
    due = annual_review_due(date(2026, 1, 19), date(2015, 5, 4))
    assert due.period_starts_on == date(2026, 1, 19)
    assert due.due_by == date(2027, 1, 18)
    assert not due.under_5
    assert due.recommended_from is None
    assert due.recommended_by is None
    assert "s.44(1)" in due.citation


def test_next_review_runs_from_the_last_review_meeting() -> None:
    due = annual_review_due(date(2024, 6, 3), date(2015, 5, 4), date(2025, 5, 20))
    assert due.due_by == date(2026, 5, 19)


def test_plan_issued_on_29_february_is_reviewed_by_28_february() -> None:
    assert annual_review_due(date(2024, 2, 29), date(2012, 1, 1)).due_by == date(2025, 2, 28)
    # ...and into a leap year, still 12 months less a day.
    assert annual_review_due(date(2027, 2, 28), date(2012, 1, 1)).due_by == date(2028, 2, 27)


def test_under_5s_are_recommended_a_review_every_3_to_6_months() -> None:
    due = annual_review_due(date(2025, 11, 30), date(2022, 6, 1))
    assert due.under_5
    assert due.due_by == date(2026, 11, 29)
    assert due.recommended_from == date(2026, 2, 28)  # 30 November + 3 months, clamped
    assert due.recommended_by == date(2026, 5, 30)
    assert "9.178" in due.citation


def test_a_child_who_is_5_when_the_period_starts_has_no_recommendation() -> None:
    due = annual_review_due(date(2025, 6, 1), date(2020, 6, 1))
    assert not due.under_5
    assert due.recommended_by is None


def test_review_refuses_a_meeting_before_the_plan() -> None:
    with pytest.raises(ValueError, match="before the plan was made"):
        annual_review_due(date(2025, 6, 1), date(2015, 1, 1), date(2025, 5, 31))


@settings(max_examples=200, deadline=None)
@given(made=DATES, months_later=st.integers(0, 30), born_before=st.integers(0, 9000))
def test_review_is_never_due_before_the_period_starts(
    made: date, months_later: int, born_before: int
) -> None:
    meeting = add_months(made, months_later)
    due = annual_review_due(made, made - timedelta(days=born_before), meeting)
    assert meeting < due.due_by <= add_months(meeting, 12)
    assert (due.due_by - meeting).days in range(364, 366)
    if due.under_5:
        assert due.recommended_from is not None
        assert due.recommended_by is not None
        assert meeting < due.recommended_from < due.recommended_by <= due.due_by


# --- Review meeting ---------------------------------------------------------------------


def test_review_meeting_timetable_in_easter_bank_holiday_week() -> None:
    # Thu 2 April 2026: Good Friday 3 April and Easter Monday 6 April follow. Calendar
    # weeks [V]: bank holidays move nothing.
    meeting = date(2026, 4, 2)
    assert date(2026, 4, 3) in england_bank_holidays(2026)
    timetable = review_meeting_timetable(meeting, date(2012, 3, 10))
    assert timetable.invitations_by == date(2026, 3, 19)
    assert timetable.advice_circulated_by == date(2026, 3, 19)
    assert timetable.report_by == date(2026, 4, 16)
    assert timetable.decision_by == date(2026, 4, 30)
    assert timetable.year_group == 9
    assert timetable.preparation_for_adulthood


def test_review_meeting_in_christmas_week_crosses_the_new_year_unchanged() -> None:
    timetable = review_meeting_timetable(date(2026, 12, 23), date(2011, 3, 10))
    assert timetable.report_by == date(2027, 1, 6)
    assert timetable.decision_by == date(2027, 1, 20)
    assert timetable.year_group == 11
    assert timetable.preparation_for_adulthood


def test_preparation_for_adulthood_starts_in_year_9() -> None:
    youngest_in_year_9 = date(2012, 8, 31)
    assert review_meeting_timetable(date(2025, 9, 1), youngest_in_year_9).preparation_for_adulthood
    assert not review_meeting_timetable(
        date(2025, 8, 31), youngest_in_year_9
    ).preparation_for_adulthood


def test_recorded_year_group_overrides_the_date_of_birth() -> None:
    # Taught out of cohort: chronologically Year 9, recorded in Year 8.
    timetable = review_meeting_timetable(date(2025, 10, 1), date(2011, 10, 1), year_group=8)
    assert timetable.year_group == 8
    assert not timetable.preparation_for_adulthood


@settings(max_examples=200, deadline=None)
@given(meeting=DATES)
def test_review_steps_keep_their_order(meeting: date) -> None:
    t = review_meeting_timetable(meeting, date(1999, 1, 1))
    assert t.invitations_by == t.advice_circulated_by == meeting - timedelta(days=14)
    assert meeting < t.report_by < t.decision_by == meeting + timedelta(days=28)


# --- Amendments -------------------------------------------------------------------------


def test_amendment_timetable_worked_example() -> None:
    # statutory.md 1.1: served Wed 3 Dec 2025, open to Wed 17 Dec 2025 (reg 22(2)(c)).
    t = amendment_timetable(date(2025, 12, 3))
    assert t.notice_served_on == date(2025, 12, 3)
    assert t.representations_close_on == date(2025, 12, 17)
    assert t.amended_plan_by == date(2026, 1, 28)  # 8 weeks from sending (reg 22(3))
    assert t.decision_not_to_amend_by == date(2026, 1, 28)
    assert "reg. 22" in t.citation


def test_amendment_window_runs_from_service_and_final_from_sending() -> None:
    t = amendment_timetable(date(2025, 12, 3), date(2025, 12, 5))
    assert t.representations_close_on == date(2025, 12, 19)
    assert t.amended_plan_by == date(2026, 1, 28)


def test_amendment_notice_cannot_be_served_before_it_was_sent() -> None:
    with pytest.raises(ValueError, match="served before"):
        amendment_timetable(date(2025, 12, 3), date(2025, 12, 2))


@settings(max_examples=200, deadline=None)
@given(sent=DATES, delay=st.integers(0, 10))
def test_amendment_dates_never_precede_the_notice(sent: date, delay: int) -> None:
    served = sent + timedelta(days=delay)
    t = amendment_timetable(sent, served)
    assert t.representations_close_on == comments_close_on(served) >= served
    assert t.amended_plan_by > sent


# --- Phase transfers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("transfer", "expected"),
    [
        (PhaseTransfer.SECONDARY_TO_POST_16, date(2027, 3, 31)),
        (PhaseTransfer.PRIMARY_TO_SECONDARY, date(2027, 2, 15)),
        (PhaseTransfer.EARLY_YEARS_TO_SCHOOL, date(2027, 2, 15)),
        (PhaseTransfer.MIDDLE_TO_SECONDARY, date(2027, 2, 15)),
    ],
)
def test_phase_transfer_deadlines(transfer: PhaseTransfer, expected: date) -> None:
    assert phase_transfer_review_by(transfer, 2027) == expected


def test_year_6_faces_primary_to_secondary_by_15_february() -> None:
    upcoming = upcoming_phase_transfer(date(2025, 10, 1), date(2014, 12, 1))
    assert upcoming is not None
    assert upcoming.transfer is PhaseTransfer.PRIMARY_TO_SECONDARY
    assert (upcoming.from_year, upcoming.to_year) == (6, 7)
    assert upcoming.transfer_on == date(2026, 9, 1)
    assert upcoming.review_by == date(2026, 2, 15)
    assert upcoming.citation.endswith("reg. 18(1)")


def test_year_11_faces_post_16_by_31_march() -> None:
    upcoming = upcoming_phase_transfer(date(2026, 8, 31), year_group=11)
    assert upcoming is not None
    assert upcoming.transfer is PhaseTransfer.SECONDARY_TO_POST_16
    assert upcoming.review_by == date(2026, 3, 31)  # already passed on 31 August


def test_nursery_child_faces_entry_to_school() -> None:
    upcoming = upcoming_phase_transfer(date(2026, 1, 10), date(2021, 11, 2))
    assert upcoming is not None
    assert upcoming.transfer is PhaseTransfer.EARLY_YEARS_TO_SCHOOL
    assert upcoming.review_by == date(2026, 2, 15)


def test_infant_and_middle_school_transfers() -> None:
    infant = upcoming_phase_transfer(date(2025, 11, 1), year_group=2, infant_school=True)
    assert infant is not None
    assert infant.transfer is PhaseTransfer.INFANT_TO_JUNIOR
    assert upcoming_phase_transfer(date(2025, 11, 1), year_group=2) is None
    first = upcoming_phase_transfer(date(2025, 11, 1), year_group=4, middle_school_years=(5, 8))
    last = upcoming_phase_transfer(date(2025, 11, 1), year_group=8, middle_school_years=(5, 8))
    assert first is not None
    assert first.transfer is PhaseTransfer.PRIMARY_TO_MIDDLE
    assert last is not None
    assert last.transfer is PhaseTransfer.MIDDLE_TO_SECONDARY
    assert (
        upcoming_phase_transfer(date(2025, 11, 1), year_group=6, middle_school_years=(5, 8)) is None
    )


def test_no_transfer_in_a_middle_year_and_inputs_are_checked() -> None:
    assert upcoming_phase_transfer(date(2025, 11, 1), year_group=8) is None
    with pytest.raises(ValueError, match="date of birth or a year group"):
        upcoming_phase_transfer(date(2025, 11, 1))
    with pytest.raises(ValueError, match="Middle school years"):
        upcoming_phase_transfer(date(2025, 11, 1), year_group=4, middle_school_years=(6, 5))


def test_post_16_move_is_reviewed_5_months_before() -> None:
    assert post_16_move_review_by(date(2026, 1, 5)) == date(2025, 8, 5)
    assert post_16_move_review_by(date(2026, 7, 31)) == date(2026, 2, 28)


@settings(max_examples=300, deadline=None)
@given(on=DATES, born_before=st.integers(365, 20 * 365))
def test_a_transfer_is_next_september_and_its_deadline_is_in_that_calendar_year(
    on: date, born_before: int
) -> None:
    upcoming = upcoming_phase_transfer(on, on - timedelta(days=born_before))
    if upcoming is not None:
        assert on < upcoming.transfer_on <= on + timedelta(days=366)
        assert (upcoming.transfer_on.month, upcoming.transfer_on.day) == (9, 1)
        assert upcoming.review_by.year == upcoming.transfer_on.year
        assert upcoming.review_by < upcoming.transfer_on


# --- Bank holidays ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (
            2026,
            {"01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"},
        ),
        (
            2022,
            {"01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19"}
            | {"12-26", "12-27"},
        ),
        (2027, {"01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"}),
    ],
)
def test_england_bank_holidays(year: int, expected: set[str]) -> None:
    assert {d.strftime("%m-%d") for d in england_bank_holidays(year)} == expected


def test_working_days() -> None:
    assert is_working_day(date(2026, 4, 2))
    assert not is_working_day(date(2026, 4, 3))  # Good Friday
    assert not is_working_day(date(2026, 4, 4))  # Saturday
    assert not is_working_day(date(2026, 4, 2), bank_holidays={date(2026, 4, 2)})


# --- Appeals and mediation --------------------------------------------------------------


def test_appeal_is_two_months_from_the_decision_letter() -> None:
    appeal = appeal_deadline(date(2026, 1, 15))
    assert appeal.by_letter == date(2026, 3, 15)  # a Sunday
    assert appeal.last_day == date(2026, 3, 16)
    assert appeal.moved_because == "not a working day"
    on_weekday = appeal_deadline(date(2026, 2, 10))
    assert on_weekday.last_day == date(2026, 4, 10)
    assert on_weekday.moved_because is None


def test_appeal_from_31_december_clamps_to_the_end_of_february() -> None:
    appeal = appeal_deadline(date(2025, 12, 31))
    assert appeal.by_letter == date(2026, 2, 28)  # a Saturday
    assert appeal.last_day == date(2026, 3, 2)


def test_appeal_is_one_month_from_the_mediation_certificate_when_later() -> None:
    appeal = appeal_deadline(date(2026, 1, 12), date(2026, 3, 4))
    assert appeal.by_letter == date(2026, 3, 12)
    assert appeal.by_certificate == date(2026, 4, 4)  # Saturday of Easter weekend
    assert appeal.last_day == date(2026, 4, 7)  # after Easter Monday
    earlier = appeal_deadline(date(2026, 1, 12), date(2026, 1, 20))
    assert earlier.last_day == earlier.by_letter == date(2026, 3, 12)


def test_appeal_falling_in_august_moves_to_the_first_working_day_of_september() -> None:
    appeal = appeal_deadline(date(2026, 6, 15))
    assert appeal.by_letter == date(2026, 8, 15)
    assert appeal.last_day == date(2026, 9, 1)
    assert appeal.moved_because == "falls in August"
    assert appeal_deadline(date(2025, 6, 30)).last_day == date(2025, 9, 1)  # Monday


def test_appeal_falling_at_christmas_moves_to_the_next_working_day() -> None:
    appeal = appeal_deadline(date(2026, 10, 27))
    assert appeal.by_letter == date(2026, 12, 27)
    assert appeal.last_day == date(2027, 1, 4)
    assert appeal.moved_because == "falls between 25 December and 1 January"
    # 1 January 2022 was a Saturday: substitute holiday Monday 3rd, so Tuesday 4th.
    assert appeal_deadline(date(2021, 11, 1), date(2021, 12, 1)).last_day == date(2022, 1, 4)


def test_a_weekend_before_christmas_moves_past_the_new_year() -> None:
    appeal = appeal_deadline(date(2000, 9, 1), date(2000, 11, 23))
    assert appeal.by_certificate == date(2000, 12, 23)  # a Saturday
    assert appeal.last_day == date(2001, 1, 2)
    assert appeal.moved_because == "not a working day; falls between 25 December and 1 January"


def test_certificate_before_the_decision_is_refused() -> None:
    with pytest.raises(ValueError, match="certificate"):
        appeal_deadline(date(2026, 3, 1), date(2026, 2, 1))


def test_mediation_adviser_contact_within_two_months() -> None:
    assert mediation_contact_by(date(2025, 12, 31)) == date(2026, 2, 28)


@settings(max_examples=300, deadline=None)
@given(letter=DATES, certificate_after=st.none() | st.integers(0, 120))
def test_appeal_deadline_is_never_before_either_limit_and_is_a_working_day(
    letter: date, certificate_after: int | None
) -> None:
    certificate = None if certificate_after is None else letter + timedelta(days=certificate_after)
    appeal = appeal_deadline(letter, certificate)
    assert appeal.last_day >= appeal.by_letter > letter
    if certificate is not None:
        assert appeal.by_certificate is not None
        assert appeal.last_day >= appeal.by_certificate > certificate
    assert is_working_day(appeal.last_day)
    assert appeal.last_day.month != 8
    assert (appeal.last_day.month, appeal.last_day.day) not in {(12, d) for d in range(25, 32)}
    assert (appeal.moved_because is None) == (
        appeal.last_day == max(appeal.by_letter, appeal.by_certificate or appeal.by_letter)
    )


# --- Ceasing ----------------------------------------------------------------------------


def test_every_sen2_cease_reason_has_a_ground_or_none() -> None:
    grounds = {code: cease_ground(code) for code in CEASE_REASONS.codes}
    assert grounds["2"] is CeaseGround.NO_LONGER_NECESSARY
    assert grounds["1"] is CeaseGround.NO_LONGER_RESPONSIBLE
    assert grounds["5"] is CeaseGround.NO_LONGER_RESPONSIBLE
    assert grounds["8"] is None
    assert grounds["9"] is None
    with pytest.raises(KeyError):
        cease_ground("10")


def test_cessation_notice_gives_appeal_rights_and_keeps_the_plan_until_the_deadline() -> None:
    notice = cessation_notice(date(2026, 5, 20))
    assert notice.appeal.last_day == date(2026, 7, 20)
    assert notice.maintained_until_at_least == date(2026, 7, 20)
    assert notice.mediation_contact_by == date(2026, 7, 20)
    assert any("appeal" in line for line in notice.must_include)
    assert any("mediation" in line for line in notice.must_include)
    assert notice.citation.endswith("reg. 31(2)")


# --- When a decision to cease takes effect (CFA 2014 s.45(4)) ---------------------------


def test_a_plan_ceases_the_day_after_the_last_day_to_appeal() -> None:
    # Notified 20 May 2026: last day to appeal 20 July 2026 (a Monday).
    assert cessation_takes_effect(date(2026, 5, 20)) == date(2026, 7, 21)


def test_a_mediation_certificate_keeps_the_plan_until_a_month_after_it() -> None:
    # Certificate 10 July 2026: the appeal may be made until 10 August, moved out of August
    # to Tuesday 1 September 2026 (Monday 31 August is the summer bank holiday).
    effective = cessation_takes_effect(
        date(2026, 5, 20), mediation_certificate_on=date(2026, 7, 10)
    )
    assert effective == date(2026, 9, 2)


def test_a_pending_appeal_keeps_the_plan() -> None:
    assert cessation_takes_effect(date(2026, 5, 20), appeal_registered=True) is None


def test_an_allowed_appeal_keeps_the_plan() -> None:
    effective = cessation_takes_effect(
        date(2026, 5, 20),
        appeal_registered=True,
        appeal_decided_on=date(2026, 11, 3),
        appeal_allowed=True,
    )
    assert effective is None


def test_a_dismissed_appeal_ends_the_plan_on_the_day_it_is_decided() -> None:
    effective = cessation_takes_effect(
        date(2026, 5, 20), appeal_registered=True, appeal_decided_on=date(2026, 11, 3)
    )
    assert effective == date(2026, 11, 3)


@given(notified=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)))
def test_a_plan_is_always_maintained_through_the_appeal_window(notified: date) -> None:
    effective = cessation_takes_effect(notified)
    assert effective is not None
    assert effective > cessation_notice(notified).appeal.last_day
