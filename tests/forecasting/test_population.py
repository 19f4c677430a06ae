"""The general population by NCY per January, from mid-year estimates or witan.send's file."""

from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thrive.forecasting.model.population import (
    PopulationFileError,
    population_by_ncy,
    read_population_csv,
    roll,
)
from thrive.forecasting.model.states import StateSpace

SPACE = StateSpace(("ASD",), ("MMS",))  # NCY -4..20: ages 0..24
SMALL = StateSpace(("ASD",), ("MMS",), ncy_min=0, ncy_max=2)  # ages 4..6


def estimate(base: int) -> dict[int, int]:
    return {age: base + age for age in range(26)}


def test_ncy_in_january_is_age_plus_four_at_the_previous_mid_year() -> None:
    pop = population_by_ncy({2023: estimate(1000), 2024: estimate(2000)}, [2024, 2025], SPACE)
    assert pop[2024][SPACE.ncy_index(0)] == 1004  # Reception in January 2024: age 4 in mid-2023
    assert pop[2025][SPACE.ncy_index(-4)] == 2000
    assert pop[2025][SPACE.ncy_index(20)] == 2024
    assert pop[2025].shape == (SPACE.n_ncy,)


def test_later_years_roll_forward_by_cohort() -> None:
    held = {2024: {4: 40, 5: 50, 6: 60, 7: 70}}
    pop = population_by_ncy(held, [2027], SMALL)  # mid-2026: two years after 2024
    # Age 4 and 5 are younger than anyone held two years before (4 → held at 40), age 6 was 4.
    assert pop[2027].tolist() == [40, 40, 40]
    pop = population_by_ncy(held, [2026], SMALL)  # one year on: ages 4, 5, 6 were 4, 4, 5
    assert pop[2026].tolist() == [40, 40, 50]


def test_earlier_years_roll_back_by_cohort() -> None:
    held = {2024: {3: 30, 4: 40, 5: 50, 6: 60, 7: 70}}
    pop = population_by_ncy(held, [2024], SMALL)  # mid-2023: ages 4, 5, 6 were 5, 6, 7 in 2024
    assert pop[2024].tolist() == [50, 60, 70]
    pop = population_by_ncy(held, [2023], SMALL)  # two back: 6, 7, beyond the oldest (70)
    assert pop[2023].tolist() == [60, 70, 70]


def test_uses_the_nearest_estimate() -> None:
    held = {2020: dict.fromkeys(range(3, 9), 1), 2024: {a: 100 + a for a in range(3, 9)}}
    assert population_by_ncy(held, [2024], SMALL)[2024].tolist() == [105, 106, 107]  # from 2024
    assert population_by_ncy(held, [2022], SMALL)[2022].tolist() == [1, 1, 1]  # 2021: from 2020


def test_refuses_no_estimates_or_missing_ages() -> None:
    with pytest.raises(ValueError, match="no population"):
        population_by_ncy({}, [2025], SPACE)
    with pytest.raises(ValueError, match="age 24"):
        population_by_ncy({2024: dict.fromkeys(range(24), 1)}, [2025], SPACE)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # a busy CI machine
@given(
    counts=st.lists(st.integers(0, 10_000), min_size=2, max_size=30),
    youngest=st.integers(0, 10),
    years=st.integers(1, 12),
)
def test_rolling_forward_then_back_returns_the_original(
    counts: list[int], youngest: int, years: int
) -> None:
    ages = {youngest + i: n for i, n in enumerate(counts)}
    back = roll(roll(ages, years), -years)
    oldest = max(ages)
    inside = [a for a in ages if a + years <= oldest]
    assert {a: back[a] for a in inside} == {a: ages[a] for a in inside}
    assert set(back) == set(ages)


def population_text(rows: Sequence[tuple[object, object, object]]) -> str:
    lines = ["calendar-year, academic-year, population"]
    lines += [f"{y},{n},{p}" for y, n, p in rows]
    return "\n".join(lines) + "\n"


def test_reads_witan_population() -> None:
    rows = [(y, n, 100 * y + n) for y in (2024, 2025) for n in range(-1, 4)]
    pop = read_population_csv(population_text(rows), SMALL)
    # witan's row for calendar year C is the denominator of joiners into January C + 1.
    assert sorted(pop) == [2025, 2026]
    assert pop[2026].tolist() == [202500, 202501, 202502]  # NCYs outside 0..2 ignored


def test_lists_every_bad_row() -> None:
    rows: list[tuple[object, object, object]] = [
        (2024, 0, 10),
        (2024, 1, "ten"),
        (2024, 2, -3),
        ("soon", 0, 1),
        (2024, 0, 11),
        (2026, 0, 1),
        (2026, 1, 1),
        (2026, 2, 1.5),
    ]
    with pytest.raises(PopulationFileError) as raised:
        read_population_csv(population_text(rows), SMALL)
    assert raised.value.errors == [
        "Row 3: population must be a whole number of 0 or more",
        "Row 4: population must be a whole number of 0 or more",
        "Row 5: calendar-year must be a year, such as 2024",
        "Row 6: a second population for 2024, NCY 0",
        "Row 9: population must be a whole number of 0 or more",
        "2024: no population for NCY 1, 2",
        "2026: no population for NCY 2",
        "The years must run without gaps: no rows for 2025",
    ]


def test_refuses_a_file_without_the_columns() -> None:
    with pytest.raises(PopulationFileError, match="Row 1: the columns"):
        read_population_csv("year,ncy,population\n2024,0,1\n", SMALL)
    with pytest.raises(PopulationFileError, match="no population rows"):
        read_population_csv("calendar-year,academic-year,population\n", SMALL)


def test_whole_numbers_written_with_a_decimal_point_are_accepted() -> None:
    pop = read_population_csv(population_text([(2024, n, "12.0") for n in range(3)]), SMALL)
    np.testing.assert_array_equal(pop[2025], [12, 12, 12])


def test_refuses_an_estimate_with_a_gap_in_ages() -> None:
    with pytest.raises(ValueError, match="skips ages"):
        roll({4: 1, 5: 1, 7: 1}, 1)
