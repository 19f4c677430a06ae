"""National curriculum year from date of birth: age on 31 August before the school year."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thrive.quality.checks import national_curriculum_year, year_label


@pytest.mark.parametrize(
    ("born", "on", "year"),
    [
        # born 4 May 2016: Reception from September 2020, Year 5 in 2025/26
        (date(2016, 5, 4), date(2025, 11, 1), 5),
        (date(2016, 5, 4), date(2026, 8, 31), 5),
        (date(2016, 5, 4), date(2026, 9, 1), 6),
        # 31 August is the youngest in the year; 1 September the oldest in the next
        (date(2016, 8, 31), date(2025, 11, 1), 5),
        (date(2016, 9, 1), date(2025, 11, 1), 4),
        (date(2020, 2, 29), date(2024, 9, 2), 0),  # a leap-day birthday starts Reception
        (date(2011, 10, 1), date(2026, 1, 12), 9),  # turns 14 in Year 9
        (date(2012, 10, 1), date(2026, 1, 12), 8),
        (date(2007, 3, 1), date(2025, 10, 1), 14),  # 18 on 31 August: beyond Year 13
        (date(2023, 1, 1), date(2025, 10, 1), -2),
    ],
)
def test_year_group_from_age_on_31_august(born: date, on: date, year: int) -> None:
    assert national_curriculum_year(born, on) == year


@given(st.dates(date(1995, 1, 1), date(2030, 12, 31)), st.integers(2000, 2040))
def test_the_year_group_rises_by_one_on_1_september(born: date, year: int) -> None:
    before = national_curriculum_year(born, date(year, 8, 31))
    assert national_curriculum_year(born, date(year, 9, 1)) == before + 1
    assert national_curriculum_year(born, date(year + 1, 8, 31)) == before + 1


@given(st.dates(date(1995, 1, 1), date(2030, 12, 31)), st.dates(date(2000, 1, 1), date(2040, 1, 1)))
def test_year_n_is_the_school_year_in_which_the_child_turns_n_plus_5(born: date, on: date) -> None:
    year = national_curriculum_year(born, on)
    start = date(on.year if on.month >= 9 else on.year - 1, 9, 1)
    birthday = born.replace(year=born.year + year + 5) if (born.month, born.day) != (2, 29) else (
        date(born.year + year + 5, 3, 1) - timedelta(days=1)
    )  # fmt: skip
    assert start <= birthday < start.replace(year=start.year + 1)


def test_year_labels() -> None:
    assert [year_label(y) for y in (-1, 0, 9)] == ["Before Reception", "Reception", "Year 9"]
