"""National curriculum year groups in England.

A child's year group is set by their age on 31 August before the school year starts on
1 September: a child who is 4 on that day is in Reception, 5 in Year 1, and so on, so Year N
is the year in which the child turns N + 5. (Education Act 2002, s.82 defines the key stages
by the age pupils reach in the school year; DfE data collections derive the "national
curriculum year" the same way.) A child taught out of their year group is not recorded in
Thrive, so this is the year group for their age."""

from datetime import date
from typing import Final

RECEPTION: Final = 0
#: The first year in which the plan must include preparation for adulthood (SEND Regulations
#: 2014, reg. 12(3); Code of Practice 9.63).
ADULTHOOD_FROM: Final = 9


def school_year_start(on: date) -> int:
    """The calendar year in which the school year containing `on` began (on 1 September)."""
    return on.year if on.month >= 9 else on.year - 1


def age_on_31_august(date_of_birth: date, year: int) -> int:
    """Age in whole years on 31 August of `year` (a 29 February birthday counts from
    1 March in other years, which makes no difference on 31 August)."""
    return year - date_of_birth.year - ((date_of_birth.month, date_of_birth.day) > (8, 31))


def national_curriculum_year(date_of_birth: date, on: date) -> int:
    """The year group on `on`: Reception is 0, Year 1 is 1, Year 13 is 13; beyond Year 13
    it keeps counting (19-year-olds are in "Year 14"); below Reception it is negative
    (-1 is the year before Reception). Education Act 2002, s.82 (key stages by age reached
    in the school year)."""
    return age_on_31_august(date_of_birth, school_year_start(on)) - 4


def year_label(year: int) -> str:
    """ "Reception", "Year 9", or "Before Reception"."""
    if year == RECEPTION:
        return "Reception"
    if year < RECEPTION:
        return "Before Reception"
    return f"Year {year}"
