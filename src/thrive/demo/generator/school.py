"""School years, key stages and the time frames outcomes are set against (Code of Practice
9.66: outcomes to be achieved by the end of a phase or key stage, with shorter steps)."""

from datetime import date, timedelta
from typing import Final

MONTHS: Final = ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")  # fmt: skip

#: (last school year of the stage, how a time frame names its end). Reception is year 0.
_STAGES: Final = (
    (0, "the end of the Early Years Foundation Stage"),
    (2, "the end of Key Stage 1"),
    (6, "the end of Key Stage 2"),
    (9, "the end of Key Stage 3"),
    (11, "the end of Key Stage 4 (Year 11)"),
    (13, "the end of Year 13"),
)
_END_OF_YEAR: Final = (7, 20)  # summer term ends around 20 July
_SOON: Final = timedelta(days=183)  # a stage ending sooner than this is too close to aim at


def reception_year(born: date) -> int:
    """The calendar year a child starts Reception: the September after they turn 4."""
    return born.year + (5 if born.month >= 9 else 4)


def academic_year(on: date) -> int:
    """The year the academic year containing ``on`` began (September to August)."""
    return on.year if on.month >= 9 else on.year - 1


def school_year(born: date, on: date) -> int:
    """National curriculum year on ``on``: Reception 0, Year 1 is 1; negative before school."""
    return academic_year(on) - reception_year(born)


def band(year: int) -> str:
    """The phrase banks' age band: e (early years, to Reception), p, s (to Year 11), c."""
    if year <= 0:
        return "e"
    if year <= 6:
        return "p"
    return "s" if year <= 11 else "c"


def year_words(year: int) -> str:
    if year < 0:
        return "not yet of school age"
    if year == 0:
        return "in the Reception year"
    if year <= 13:
        return f"in Year {year}"
    return "over 19"


def _end_of_summer(year: int) -> date:
    return date(year, *_END_OF_YEAR)


def stage_time_frame(born: date, on: date) -> tuple[str, date]:
    """The end of the child's current key stage or phase (the next one if it ends within 6
    months), as words and a date: "By the end of Key Stage 2, in July 2028"."""
    year = school_year(born, on)
    start = academic_year(on)
    if year < 0:
        starts = date(reception_year(born), 9, 1)
        if starts - on >= _SOON:
            return f"By the start of the Reception year, in September {starts.year}", starts
    for last, words in _STAGES:
        if last < year:
            continue
        ends = _end_of_summer(start + 1 + last - year)
        if ends - on >= _SOON:
            return f"By {words}, in July {ends.year}", ends
    return twelve_months(on)


def twelve_months(on: date) -> tuple[str, date]:
    by = date(on.year + 1, on.month, 1)
    return f"Within 12 months, by {MONTHS[by.month - 1]} {by.year}", by


def adulthood_time_frame(born: date, on: date) -> tuple[str, date]:
    """For preparing for adulthood: the end of Year 11 or Year 13, or 12 months on."""
    year = school_year(born, on)
    start = academic_year(on)
    for last, words in ((11, "the end of Year 11"), (13, "the end of Year 13")):
        if year <= last:
            ends = _end_of_summer(start + 1 + last - year)
            if ends - on >= _SOON:
                return f"By {words}, in July {ends.year}", ends
    return twelve_months(on)


def short_step(on: date) -> tuple[str, date]:
    """A step within the year: the end of the next full term."""
    start = academic_year(on)
    terms = (
        (date(start, 12, 19), "autumn", start),
        (date(start + 1, 4, 1), "spring", start + 1),
        (_end_of_summer(start + 1), "summer", start + 1),
        (date(start + 1, 12, 19), "autumn", start + 1),
        (date(start + 2, 4, 1), "spring", start + 2),
    )
    for ends, term, calendar_year in terms:
        if ends - on >= timedelta(days=60):
            return f"By the end of the {term} term {calendar_year}", ends
    raise AssertionError("a term always ends within the year")  # pragma: no cover
