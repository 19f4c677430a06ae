"""The life of an EHC plan after it is issued: annual reviews, amendments, phase transfers,
ceasing and appeals, under the Children and Families Act 2014 (CFA) Part 3 and the SEND
Regulations 2014 (SI 2014/1530).

Every function is pure: dates go in, dates come out, and ``today`` is never read here.

Counting (see ``docs/law.md``):

- weeks are calendar weeks [V]: weekends, bank holidays and school holidays count, so a
  review meeting in a bank-holiday week moves nothing;
- "within N weeks of" a trigger ends on trigger + 7N days (``clock.TRIGGER_DAY_EXCLUDED``);
- "at least N weeks before" an event is on or before event - 7N days [U: no clear days];
- months are calendar months, by the corresponding-date rule (``add_months``);
- a period of months "starting with" a date includes that date, so it ends the day before
  the corresponding date (``period_starting_with_ends_on``).
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from typing import Final

from thrive.law.clock import TRIGGER_DAY_EXCLUDED, comments_close_on
from thrive.law.codes import CEASE_REASONS, age_on

REGULATIONS: Final = "SEND Regulations 2014"

REVIEW_PERIOD_MONTHS: Final = 12  # CFA s.44(1)
#: CoP 9.178: for children under 5, LAs "should consider" reviewing every 3 to 6 months.
UNDER_5_REVIEW_MONTHS: Final = (3, 6)
UNDER_5_AGE: Final = 5
MEETING_NOTICE_WEEKS: Final = 2  # regs 20(3), 21(3)
ADVICE_CIRCULATED_WEEKS: Final = 2  # regs 20(4), 21(4)
REVIEW_REPORT_WEEKS: Final = 2  # regs 20(7), 21(7)
REVIEW_DECISION_WEEKS: Final = 4  # reg 20(10) [S, paragraph number U]
PREPARATION_FOR_ADULTHOOD_FROM_YEAR: Final = 9  # regs 20(6), 21(6)
AMENDED_PLAN_WEEKS: Final = 8  # reg 22(3)
#: [U] reg 22(4): the period for notifying a decision not to amend is truncated in our
#: copy of the Regulations; probably 8 weeks. The only switch for this question.
DECISION_NOT_TO_AMEND_WEEKS: Final = 8
POST_16_MOVE_NOTICE_MONTHS: Final = 5  # reg 18(2)
APPEAL_MONTHS: Final = 2  # HESC Rules 2008 [S: IPSEA; rule number U]
APPEAL_AFTER_CERTIFICATE_MONTHS: Final = 1
MEDIATION_CONTACT_MONTHS: Final = 2  # reg 33


def _cite(paragraph: str) -> str:
    return f"{REGULATIONS}, reg. {paragraph}"


# --- Dates -----------------------------------------------------------------------------


def _days_in_month(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def add_months(day: date, months: int) -> date:
    """The date ``months`` calendar months after ``day`` (before it, if negative).

    "Month" means calendar month (Interpretation Act 1978, Sch. 1). A period of months
    running from a date ends on the corresponding date - the same day number - in the later month;
    when that month is too short, it ends on the month's last day (the corresponding-date
    rule, Dodds v Walker [1981] 1 WLR 1027 (HL)). So 15 January + 2 months is 15 March,
    31 December + 2 months is 28 (or 29) February.
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, _days_in_month(year, month)))


def period_starting_with_ends_on(start: date, months: int) -> date:
    """The last day of a period of ``months`` calendar months "starting with" ``start``.

    The start day is day 1 (CFA 2014 s.44(1) "a period of 12 months starting with the
    date", read with the Interpretation Act 1978, Sch. 1), so the period ends the day
    before the corresponding date; when there is no corresponding date (29 February in a
    common year, the 31st of a short month) it ends on the last day of that month. A plan
    made 19 January 2026 is reviewed by 18 January 2027; one made 29 February 2024 by
    28 February 2025.
    """
    if months < 1:
        raise ValueError("A period has at least one month.")
    corresponding = add_months(start, months)
    if corresponding.day < start.day:  # no corresponding date: the month's last day
        return corresponding
    return corresponding - timedelta(days=1)


def _weeks_after(trigger: date, weeks: int) -> date:
    # Calendar weeks, trigger day excluded [U]: the same switch as the assessment clock.
    return trigger + timedelta(weeks=weeks) - timedelta(days=0 if TRIGGER_DAY_EXCLUDED else 1)


def _weeks_before(event: date, weeks: int) -> date:
    # "At least N weeks before": on or before event - 7N days [U: not N clear weeks].
    return event - timedelta(weeks=weeks)


def academic_year_starting(on: date) -> int:
    """The calendar year in which the school year containing ``on`` began: school years
    run 1 September to 31 August (Education Act 1996, s.579 and DfE school census).
    """
    return on.year if on.month >= 9 else on.year - 1


def national_curriculum_year(date_of_birth: date, on: date) -> int:
    """The national curriculum year group a child of this age is in on ``on``.

    The English rule: a year group is set by age on 31 August before the school year
    begins (Education Act 2002, s.82 key stages by the school year in which pupils reach
    an age; DfE School Admissions Code 2021, 2.16 [S]). Year N holds children who were
    N + 4 on that 31 August: Reception is 0 (age 4), Year 1 is 1, Year 9 is 13, Year 12 is
    16. Nursery gives -1 and younger children lower numbers; past Year 13 the count goes
    on (14 = the year after Year 13). This is the chronological year group: a child
    taught out of cohort is in the year group the school records, so callers pass that
    (``year_group``) where they know it.
    """
    if on < date_of_birth:
        raise ValueError("The date is before the date of birth.")
    return academic_year_starting(on) - academic_year_starting(date_of_birth) - 5


# --- Annual review ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewDue:
    """When the next review of an EHC plan falls due.

    ``due_by`` is the statutory latest date (CFA s.44(1)). For a child under 5 on
    ``period_starts_on``, ``recommended_from`` and ``recommended_by`` give the Code of
    Practice's 3 to 6 months (CoP 9.178, "should consider": guidance, not a duty); both are
    None otherwise.
    """

    period_starts_on: date
    due_by: date
    under_5: bool
    recommended_from: date | None
    recommended_by: date | None
    citation: str


def annual_review_due(
    plan_made_on: date, date_of_birth: date, last_review_meeting_on: date | None = None
) -> ReviewDue:
    """The next review of an EHC plan: CFA 2014 s.44(1), "at least ... during the period of
    12 months starting with the date on which the plan was first made" and then with the
    date it was last reviewed; SEND Code of Practice 9.178 for under-5s.

    The period starts with the last review meeting, or the date the plan was made if it
    has never been reviewed. SEN2 also holds ``LastReview`` (the decision letter date);
    the meeting is the earlier of the two, as statutory.md 1.4 advises [U which the Act
    means]. Under 5 is judged on the day the period starts [our choice].
    """
    if last_review_meeting_on is not None and last_review_meeting_on < plan_made_on:
        raise ValueError("The review meeting cannot be before the plan was made.")
    if plan_made_on < date_of_birth:
        raise ValueError("The plan cannot be made before the date of birth.")
    starts = last_review_meeting_on or plan_made_on
    due_by = period_starting_with_ends_on(starts, REVIEW_PERIOD_MONTHS)
    under_5 = age_on(date_of_birth, starts) < UNDER_5_AGE
    earliest, latest = UNDER_5_REVIEW_MONTHS
    return ReviewDue(
        period_starts_on=starts,
        due_by=due_by,
        under_5=under_5,
        recommended_from=add_months(starts, earliest) if under_5 else None,
        recommended_by=min(add_months(starts, latest), due_by) if under_5 else None,
        citation="Children and Families Act 2014, s.44(1); SEND Code of Practice 9.178",
    )


@dataclass(frozen=True)
class ReviewMeetingTimetable:
    """The statutory dates around one annual review meeting (regs 20 and 21).

    ``invitations_by`` and ``advice_circulated_by`` are the latest days for "at least two
    weeks" before the meeting; ``report_by`` and ``decision_by`` are "within two / four
    weeks of the meeting". ``preparation_for_adulthood`` says the review must consider it.
    """

    meeting_on: date
    invitations_by: date
    advice_circulated_by: date
    report_by: date
    decision_by: date
    year_group: int
    preparation_for_adulthood: bool


def review_meeting_timetable(
    meeting_on: date, date_of_birth: date, year_group: int | None = None
) -> ReviewMeetingTimetable:
    """The dates the SEND Regulations 2014 set around a review meeting: reg. 20(3)
    (reg. 21(3) when not held at a school or institution) at least two weeks' notice of
    the meeting; reg. 20(4) advice and information gathered and circulated at least two
    weeks before; reg. 20(7) the report within two weeks of the meeting; reg. 20(10)
    [paragraph number U] the decision to maintain, amend or cease notified within four
    weeks of the meeting; reg. 20(6) from Year 9 the review considers preparation for
    adulthood and independent living.

    Calendar weeks [V]: a meeting in a bank-holiday or school-holiday week moves nothing.
    ``year_group`` is the recorded national curriculum year; without it the
    chronological year from ``date_of_birth`` is used (``national_curriculum_year``).
    """
    year = national_curriculum_year(date_of_birth, meeting_on) if year_group is None else year_group
    return ReviewMeetingTimetable(
        meeting_on=meeting_on,
        invitations_by=_weeks_before(meeting_on, MEETING_NOTICE_WEEKS),
        advice_circulated_by=_weeks_before(meeting_on, ADVICE_CIRCULATED_WEEKS),
        report_by=_weeks_after(meeting_on, REVIEW_REPORT_WEEKS),
        decision_by=_weeks_after(meeting_on, REVIEW_DECISION_WEEKS),
        year_group=year,
        preparation_for_adulthood=year >= PREPARATION_FOR_ADULTHOOD_FROM_YEAR,
    )


# --- Amendments ------------------------------------------------------------------------


@dataclass(frozen=True)
class AmendmentTimetable:
    """The dates that run from a notice of proposed amendments (reg. 22)."""

    notice_sent_on: date
    notice_served_on: date
    representations_close_on: date
    amended_plan_by: date
    decision_not_to_amend_by: date
    citation: str


def amendment_timetable(
    notice_sent_on: date, notice_served_on: date | None = None
) -> AmendmentTimetable:
    """The timetable for amending an EHC plan: SEND Regulations 2014, reg. 22.

    - reg. 22(2)(c): at least 15 days, beginning with the day the notice of proposed
      amendments (the draft amended plan) was served, to make representations, ask for a
      school and ask for a meeting - the same rule as the draft plan (reg. 13(1)(a)), so
      ``clock.comments_close_on`` gives the last day;
    - reg. 22(3): the final amended plan within 8 weeks of sending the proposed
      amendments;
    - reg. 22(4): a decision not to amend, with reasons, within ``DECISION_NOT_TO_AMEND_WEEKS``
      [U: period not verified] of the same notice.

    ``notice_served_on`` defaults to the day sent; pass the later day when it differs.
    """
    served = notice_served_on or notice_sent_on
    if served < notice_sent_on:
        raise ValueError("A notice cannot be served before it was sent.")
    return AmendmentTimetable(
        notice_sent_on=notice_sent_on,
        notice_served_on=served,
        representations_close_on=comments_close_on(served),
        amended_plan_by=_weeks_after(notice_sent_on, AMENDED_PLAN_WEEKS),
        decision_not_to_amend_by=_weeks_after(notice_sent_on, DECISION_NOT_TO_AMEND_WEEKS),
        citation=_cite("22(2)-(4)"),
    )


# --- Phase transfers -------------------------------------------------------------------


class PhaseTransfer(StrEnum):
    """A transfer between phases of education, as defined in SEND Regulations 2014,
    reg. 2(1).
    """

    EARLY_YEARS_TO_SCHOOL = "early_years_to_school"
    INFANT_TO_JUNIOR = "infant_to_junior"
    PRIMARY_TO_MIDDLE = "primary_to_middle"
    PRIMARY_TO_SECONDARY = "primary_to_secondary"
    MIDDLE_TO_SECONDARY = "middle_to_secondary"
    SECONDARY_TO_POST_16 = "secondary_to_post_16"

    @property
    def label(self) -> str:
        return _TRANSFER_LABELS[self]

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, label) pairs in definition order, for form and model choices."""
        return [(member.value, member.label) for member in cls]


_TRANSFER_LABELS: Final = {
    PhaseTransfer.EARLY_YEARS_TO_SCHOOL: "Early years to school",
    PhaseTransfer.INFANT_TO_JUNIOR: "Infant school to junior school",
    PhaseTransfer.PRIMARY_TO_MIDDLE: "Primary school to middle school",
    PhaseTransfer.PRIMARY_TO_SECONDARY: "Primary school to secondary school",
    PhaseTransfer.MIDDLE_TO_SECONDARY: "Middle school to secondary school",
    PhaseTransfer.SECONDARY_TO_POST_16: "Secondary school to a post-16 institution",
}


def phase_transfer_review_by(transfer: PhaseTransfer, year_of_transfer: int) -> date:
    """The day by which the plan must be reviewed and amended (naming the next school or
    institution) for a transfer between phases: SEND Regulations 2014, reg. 18(1) - 31
    March in the calendar year of transfer from secondary school to a post-16
    institution, 15 February for every other transfer.

    statutory.md quotes "before"; the Code of Practice (9.179) says "by" [U]. We return the
    named day as the last day in time; if "before" is literal, warn a day earlier.
    """
    if transfer is PhaseTransfer.SECONDARY_TO_POST_16:
        return date(year_of_transfer, 3, 31)
    return date(year_of_transfer, 2, 15)


def post_16_move_review_by(move_on: date) -> date:
    """The day by which the plan must be reviewed and amended for a move between post-16
    institutions outside the usual phase transfers: at least 5 months before the move
    (SEND Regulations 2014, reg. 18(2)). Months by the corresponding-date rule.
    """
    return add_months(move_on, -POST_16_MOVE_NOTICE_MONTHS)


@dataclass(frozen=True)
class UpcomingTransfer:
    """The phase transfer a child faces at the start of the coming school year."""

    transfer: PhaseTransfer
    transfer_on: date
    from_year: int
    to_year: int
    review_by: date
    citation: str


def upcoming_phase_transfer(
    on: date,
    date_of_birth: date | None = None,
    *,
    year_group: int | None = None,
    infant_school: bool = False,
    middle_school_years: tuple[int, int] | None = None,
) -> UpcomingTransfer | None:
    """Which transfer between phases (SEND Regulations 2014, reg. 2(1)) the child faces
    on the next 1 September after ``on``, and the reg. 18(1) deadline for it; None when
    the move to the next year group is not a transfer.

    The year group is the one recorded (``year_group``) or the chronological one from
    ``date_of_birth`` (``national_curriculum_year``). Moves into:

    - Reception (year 0): early years to school [U: a child may join in Year 1];
    - Year 3, for a child at an infant school: infant to junior;
    - Year 7: primary to secondary, unless ``middle_school_years`` = (first, last) says
      the area has middle schools: then primary to middle into ``first`` and middle to
      secondary into ``last + 1``;
    - Year 12: secondary to post-16 [U: staying on in a school sixth form may not be a
      transfer to a "post-16 institution"].
    """
    if year_group is None:
        if date_of_birth is None:
            raise ValueError("Give a date of birth or a year group.")
        year_group = national_curriculum_year(date_of_birth, on)
    if middle_school_years is not None:
        first, last = middle_school_years
        if not 1 <= first <= last <= 10:
            raise ValueError("Middle school years must run from Year 1 to Year 10 at most.")
    to_year = year_group + 1
    transfer = _transfer_into(to_year, infant_school, middle_school_years)
    if transfer is None:
        return None
    transfer_on = date(academic_year_starting(on) + 1, 9, 1)
    return UpcomingTransfer(
        transfer=transfer,
        transfer_on=transfer_on,
        from_year=year_group,
        to_year=to_year,
        review_by=phase_transfer_review_by(transfer, transfer_on.year),
        citation=_cite("18(1)"),
    )


def _transfer_into(
    to_year: int, infant_school: bool, middle: tuple[int, int] | None
) -> PhaseTransfer | None:
    if to_year == 0:
        return PhaseTransfer.EARLY_YEARS_TO_SCHOOL
    if to_year == 3 and infant_school:
        return PhaseTransfer.INFANT_TO_JUNIOR
    if to_year == 12:
        return PhaseTransfer.SECONDARY_TO_POST_16
    if middle is not None:
        if to_year == middle[0]:
            return PhaseTransfer.PRIMARY_TO_MIDDLE
        if to_year == middle[1] + 1:
            return PhaseTransfer.MIDDLE_TO_SECONDARY
        return None
    return PhaseTransfer.PRIMARY_TO_SECONDARY if to_year == 7 else None


# --- Working days ----------------------------------------------------------------------

# One-off and moved bank holidays in England and Wales since 2000 [S: GOV.UK bank holidays,
# from memory; check against https://www.gov.uk/bank-holidays.json]. Moved days replace
# the usual Monday.
_EXTRA_BANK_HOLIDAYS: Final = frozenset(
    {
        date(2002, 6, 3),  # Golden Jubilee
        date(2011, 4, 29),  # Royal wedding
        date(2012, 6, 5),  # Diamond Jubilee
        date(2022, 6, 3),  # Platinum Jubilee
        date(2022, 9, 19),  # State funeral of Queen Elizabeth II
        date(2023, 5, 8),  # Coronation of King Charles III
    }
)
_MOVED_BANK_HOLIDAYS: Final = {
    date(2002, 5, 27): date(2002, 6, 4),
    date(2012, 5, 28): date(2012, 6, 4),
    date(2020, 5, 4): date(2020, 5, 8),
    date(2022, 5, 30): date(2022, 6, 2),
}


def _easter_sunday(year: int) -> date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    last = date(year, month, _days_in_month(year, month))
    return last - timedelta(days=last.weekday())


@cache
def england_bank_holidays(year: int) -> frozenset[date]:
    """Bank holidays in England and Wales in ``year``: Banking and Financial Dealings Act
    1971, Sch. 1, with the substitute days and royal proclamations listed on GOV.UK
    (New Year, Good Friday, Easter Monday, early May, spring, summer, Christmas and Boxing
    Day; a holiday on a weekend moves to the next free weekday). One-off days since 2000
    are listed in the module [S, from memory]; add new proclamations there.
    """
    new_year = _first_monday_on_or_after(date(year, 1, 1))
    if date(year, 1, 1).weekday() < 5:
        new_year = date(year, 1, 1)
    easter = _easter_sunday(year)
    days = {
        new_year,
        easter - timedelta(days=2),
        easter + timedelta(days=1),
        _first_monday_on_or_after(date(year, 5, 1)),
        _last_monday(year, 5),
        _last_monday(year, 8),
    }
    # Christmas and Boxing Day, each moved to the next weekday not already a holiday.
    for day in (date(year, 12, 25), date(year, 12, 26)):
        while day.weekday() >= 5 or day in days:
            day += timedelta(days=1)
        days.add(day)
    days = {_MOVED_BANK_HOLIDAYS.get(day, day) for day in days}
    return frozenset(days | {d for d in _EXTRA_BANK_HOLIDAYS if d.year == year})


def is_working_day(day: date, bank_holidays: Collection[date] | None = None) -> bool:
    """Not a Saturday, Sunday or bank holiday (HESC Tribunal Procedure Rules 2008, r.1
    "working day"; Banking and Financial Dealings Act 1971). ``bank_holidays`` defaults to
    ``england_bank_holidays``.
    """
    holidays = england_bank_holidays(day.year) if bank_holidays is None else bank_holidays
    return day.weekday() < 5 and day not in holidays


def _next_working_day(day: date, bank_holidays: Collection[date] | None) -> date:
    while not is_working_day(day, bank_holidays):
        day += timedelta(days=1)
    return day


# --- Appeals and mediation -------------------------------------------------------------


def mediation_contact_by(decision_notice_sent_on: date) -> date:
    """The last day to contact a mediation adviser before appealing: within 2 months after
    written notice of the decision was sent (SEND Regulations 2014, reg. 33). Months by
    the corresponding-date rule (``add_months``).
    """
    return add_months(decision_notice_sent_on, MEDIATION_CONTACT_MONTHS)


@dataclass(frozen=True)
class AppealDeadline:
    """The last day to appeal to the SEND Tribunal, and how it was reached.

    ``by_letter`` is 2 months from the decision letter; ``by_certificate`` 1 month from the
    mediation certificate (None without one); ``last_day`` the later, moved when it falls
    25 December-1 January, in August or on a non-working day (``moved_because`` says why).
    """

    decision_letter_on: date
    mediation_certificate_on: date | None
    by_letter: date
    by_certificate: date | None
    last_day: date
    moved_because: str | None
    citation: str


def appeal_deadline(
    decision_letter_on: date,
    mediation_certificate_on: date | None = None,
    bank_holidays: Collection[date] | None = None,
) -> AppealDeadline:
    """The SEND Tribunal appeal deadline: the later of 2 months from the date of the
    decision letter (or the letter enclosing the final plan) and 1 month from the date of
    the mediation certificate (Children and Families Act 2014, s.51 and s.55; Tribunal
    Procedure (First-tier Tribunal) (HESC) Rules 2008 [S: IPSEA; rule number U]).

    "2 months" is the corresponding date: the same day number two months later, or the
    last day of that month when it is shorter (``add_months``; Interpretation Act 1978,
    Sch. 1). A last day from 25 December to 1 January moves to the next working day; one in
    August to the first working day of September; any other day that is not a working day
    to the next working day [U: HESC Rules r.12(2) as we read it]. The moves repeat until
    none applies: Saturday 23 December moves past Christmas to the first working day of
    January.
    """
    if mediation_certificate_on is not None and mediation_certificate_on < decision_letter_on:
        raise ValueError("A mediation certificate cannot come before the decision letter.")
    by_letter = add_months(decision_letter_on, APPEAL_MONTHS)
    by_certificate = (
        None
        if mediation_certificate_on is None
        else add_months(mediation_certificate_on, APPEAL_AFTER_CERTIFICATE_MONTHS)
    )
    last = max(by_letter, by_certificate or by_letter)
    reasons: list[str] = []
    while (move := _appeal_move(last, bank_holidays)) is not None:
        reason, last = move
        reasons.append(reason)
    return AppealDeadline(
        decision_letter_on=decision_letter_on,
        mediation_certificate_on=mediation_certificate_on,
        by_letter=by_letter,
        by_certificate=by_certificate,
        last_day=last,
        moved_because="; ".join(reasons) or None,
        citation="Children and Families Act 2014, s.51; HESC Rules 2008",
    )


def _appeal_move(day: date, bank_holidays: Collection[date] | None) -> tuple[str, date] | None:
    if day.month == 8:
        return "falls in August", _next_working_day(date(day.year, 9, 1), bank_holidays)
    if (day.month, day.day) >= (12, 25) or (day.month, day.day) == (1, 1):
        year = day.year + 1 if day.month == 12 else day.year
        return (
            "falls between 25 December and 1 January",
            _next_working_day(date(year, 1, 2), bank_holidays),
        )
    if not is_working_day(day, bank_holidays):
        return "not a working day", _next_working_day(day, bank_holidays)
    return None


# --- Ceasing ---------------------------------------------------------------------------


class CeaseGround(StrEnum):
    """The two grounds on which a local authority may cease to maintain an EHC plan:
    Children and Families Act 2014, s.45(1)(a) no longer responsible, (b) the plan is no
    longer necessary.
    """

    NO_LONGER_RESPONSIBLE = "no_longer_responsible"
    NO_LONGER_NECESSARY = "no_longer_necessary"

    @property
    def label(self) -> str:
        if self is CeaseGround.NO_LONGER_RESPONSIBLE:
            return "The local authority is no longer responsible"
        return "The plan is no longer necessary"

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, label) pairs in definition order, for form and model choices."""
        return [(member.value, member.label) for member in cls]


_CEASE_GROUNDS: Final = {
    "1": CeaseGround.NO_LONGER_RESPONSIBLE,  # end of the academic year they turn 25
    "2": CeaseGround.NO_LONGER_NECESSARY,
    "3": CeaseGround.NO_LONGER_RESPONSIBLE,  # higher education
    "4": CeaseGround.NO_LONGER_RESPONSIBLE,  # paid employment
    "5": CeaseGround.NO_LONGER_RESPONSIBLE,  # another authority
    "6": CeaseGround.NO_LONGER_RESPONSIBLE,  # 18+, no longer wishes to engage
    "7": CeaseGround.NO_LONGER_RESPONSIBLE,  # moved outside England
}


def cease_ground(reason: str) -> CeaseGround | None:
    """The Children and Families Act 2014, s.45(1) ground behind an SEN2 ``CeaseReason``
    code (``codes.CEASE_REASONS``); None for 8 (deceased: the plan lapses, no decision is
    made) and 9 (other: the officer records the ground). KeyError for a code not in the list.
    """
    if reason not in CEASE_REASONS:
        raise KeyError(f"{reason!r} is not in {CEASE_REASONS.name}.")
    return _CEASE_GROUNDS.get(reason)


@dataclass(frozen=True)
class CessationNotice:
    """What a notice of a decision to cease must carry and the dates it starts."""

    decision_notified_on: date
    must_include: tuple[str, ...]
    mediation_contact_by: date
    appeal: AppealDeadline
    maintained_until_at_least: date
    citation: str


CESSATION_NOTICE_CONTENTS: Final = (
    "The decision and the reasons for it",
    "The right to appeal to the First-tier Tribunal (SEND) and the time limit",
    "The requirement to consider mediation and how to contact a mediation adviser",
    "Disagreement resolution services",
    "Where to get information, advice and support",
)


def cessation_notice(decision_notified_on: date) -> CessationNotice:
    """A decision to cease to maintain an EHC plan: SEND Regulations 2014, reg. 31(2) -
    notify the parent or young person, the institution and the commissioning body, with
    the right of appeal, its time limits, mediation (reg. 32) and disagreement resolution.
    Before deciding, the authority informs and consults the family and the head or
    principal (reg. 31(1)); no time limit applies.

    The plan is maintained while an appeal may be made or is pending (CFA 2014 s.45(4)
    [V: explanatory notes para 247]), so ``maintained_until_at_least`` is the appeal
    deadline with no mediation certificate; a certificate or an appeal extends it.
    """
    appeal = appeal_deadline(decision_notified_on)
    return CessationNotice(
        decision_notified_on=decision_notified_on,
        must_include=CESSATION_NOTICE_CONTENTS,
        mediation_contact_by=mediation_contact_by(decision_notified_on),
        appeal=appeal,
        maintained_until_at_least=appeal.last_day,
        citation=_cite("31(2)"),
    )


def cessation_takes_effect(
    decision_notified_on: date,
    *,
    mediation_certificate_on: date | None = None,
    appeal_registered: bool = False,
    appeal_decided_on: date | None = None,
    appeal_allowed: bool = False,
    bank_holidays: Collection[date] | None = None,
) -> date | None:
    """The day a plan stops being maintained after a notified decision to cease: Children
    and Families Act 2014, s.45(4) - the plan is maintained while an appeal may be made or
    is pending [V: explanatory notes para 247]; statutory.md 1.7 and 1.9.

    - No appeal registered: the day after the last day to appeal (``appeal_deadline``,
      extended to 1 month after a mediation certificate).
    - An appeal pending (registered, not decided): None - the plan is maintained.
    - An appeal decided against the family (dismissed, or withdrawn by them): the day it
      was decided ("cease appeal dismissed: cease immediately", reg. 44), or the day after
      the appeal window if that is later.
    - An appeal decided for the family (allowed, or conceded): None - the Tribunal orders
      the plan to be maintained, so the decision must be withdrawn.

    A plan that lapses on a death has no decision to appeal: it ends on the day recorded,
    outside this rule.
    """
    window = appeal_deadline(decision_notified_on, mediation_certificate_on, bank_holidays)
    after_window = window.last_day + timedelta(days=1)
    if not appeal_registered:
        return after_window
    if appeal_decided_on is None or appeal_allowed:
        return None
    return max(after_window, appeal_decided_on)
