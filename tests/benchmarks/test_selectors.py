"""Comparisons on a small hand-built set of figures: the neighbour average is the plain mean of
the neighbours' published values, a newer release wins a year both cover, and a chosen group
replaces the statistical neighbours."""

from typing import Any

import pytest

from tests.benchmarks.conftest import add_count
from thrive.benchmarks import selectors
from thrive.benchmarks.measures import BY_KEY
from thrive.benchmarks.models import Level, Population, PublishedFigure, StatisticalNeighbour
from thrive.people.models import LocalAuthority

MEASURE = BY_KEY["within_20_weeks"]
REGION = "E12000099"


def _figure(code: str, period: str, value: float | None, *, release: str = "2025") -> None:
    level = {"E92000001": Level.NATIONAL, REGION: Level.REGIONAL}.get(code, Level.LOCAL_AUTHORITY)
    PublishedFigure.objects.create(
        measure=MEASURE.key,
        level=level,
        area_code=code,
        area_name=f"Area {code}",
        region_code=REGION if level == Level.LOCAL_AUTHORITY else "",
        period=period,
        value=value,
        source_file="test.csv",
        release=release,
    )


@pytest.fixture
def small_set(db: Any) -> None:
    """Council 100, neighbours 101-104 (103 unpublished in 2023), its region and England."""
    for rank, code in enumerate(["101", "102", "103", "104"], start=1):
        StatisticalNeighbour.objects.create(
            edition=2025, la_code="100", rank=rank, neighbour_code=code, neighbour_name=code
        )
        LocalAuthority.objects.create(code=code, name=f"Area {code}")
    values = {"100": 40.0, "101": 10.0, "102": 20.0, "103": None, "104": 60.0}
    for code, value in values.items():
        _figure(code, "2023", value)
        _figure(code, "2022", 50.0)
    _figure(REGION, "2023", 45.0)
    _figure("E92000001", "2023", 55.0)


def test_neighbour_average_is_the_mean_of_the_published_values(small_set: None) -> None:
    found = selectors.comparison("100", MEASURE, "2023")
    assert found.neighbour_average.value == pytest.approx((10 + 20 + 60) / 3)
    assert (found.neighbour_average.counted, found.neighbour_average.of) == (3, 4)
    assert [f.value for f in found.neighbours] == [10.0, 20.0, None, 60.0]
    assert found.council is not None
    assert found.council.value == 40.0
    assert found.region is not None
    assert found.region.value == 45.0
    assert found.england is not None
    assert found.england.value == 55.0


def test_a_chosen_group_replaces_the_neighbours(small_set: None) -> None:
    found = selectors.comparison("100", MEASURE, "2023", neighbours=["101", "104"])
    assert found.neighbour_average.value == 35.0
    assert [f.area_code for f in found.neighbours] == ["101", "104"]


def test_trend_runs_oldest_first_with_the_average_each_year(small_set: None) -> None:
    points = selectors.trend("100", MEASURE)
    assert [p.period for p in points] == ["2022", "2023"]
    assert points[0].neighbour_average.value == 50.0
    assert points[1].council == 40.0
    assert points[1].england == 55.0
    assert points[1].region == 45.0


def test_a_newer_release_wins_a_year_both_cover(small_set: None) -> None:
    _figure("100", "2023", 99.0, release="2022")
    assert selectors.comparison("100", MEASURE, "2023").council.value == 40.0  # type: ignore[union-attr]


def test_latest_period_and_measures(small_set: None) -> None:
    assert selectors.latest_period(MEASURE) == "2023"
    assert selectors.latest_period(BY_KEY["new_plans"]) is None
    assert {m.key for m in selectors.measures()} >= {"within_20_weeks", "requests_refused"}


def test_population_aged_0_to_25(db: Any, settings: Any) -> None:
    settings.THRIVE_LA_CODE = "100"
    for age, count in ((0, 10), (25, 5)):
        Population.objects.create(
            level=Level.LOCAL_AUTHORITY, area_code="100", year=2024, age=age, population=count
        )
    assert selectors.population_0_to_25(2024) == 15
    assert selectors.population_0_to_25(2023) is None


ACTIVE = BY_KEY["active_plans"]


def test_a_count_has_each_area_s_rate_per_10_000_aged_0_to_25(
    counts_with_population: None,
) -> None:
    found = selectors.comparison("100", ACTIVE, "202425")
    assert found.population_year == 2024
    assert found.council is not None
    assert (found.council.population, found.council.rate) == (20_000, 25.0)
    assert found.region is not None
    assert found.region.rate == 50.0
    assert found.england is not None
    assert found.england.rate == 20.0
    assert [f.rate for f in found.neighbours] == [30.0, 20.0, None, None]


def test_the_neighbours_rate_is_the_mean_of_the_rates_available(
    counts_with_population: None,
) -> None:
    found = selectors.comparison("100", ACTIVE, "202425")
    assert found.rate_average == selectors.Average(25.0, counted=2, of=4)
    assert found.neighbour_average.value == pytest.approx((30 + 10 + 40) / 3)


def test_a_calendar_year_uses_that_year_s_population(counts_with_population: None) -> None:
    requests = BY_KEY["requests_received"]
    add_count(requests.key, "100", "2023", 20)
    add_count(requests.key, "100", "2024", 20)
    assert selectors.comparison("100", requests, "2023").council.rate == 5.0  # type: ignore[union-attr]
    assert selectors.comparison("100", requests, "2024").council.rate == 10.0  # type: ignore[union-attr]


def test_no_rate_where_the_year_s_population_is_not_loaded(counts_with_population: None) -> None:
    add_count(ACTIVE.key, "100", "202526", 60)
    found = selectors.comparison("100", ACTIVE, "202526")
    assert found.population_year == 2025
    assert found.council is not None
    assert (found.council.value, found.council.population, found.council.rate) == (60, None, None)
    assert found.rate_average == selectors.Average(None, counted=0, of=4)


def test_a_percentage_has_no_rate(small_set: None) -> None:
    found = selectors.comparison("100", MEASURE, "2023")
    assert found.population_year is None
    assert found.rate_average is None


def test_populations_of_several_areas_in_one_query(
    counts_with_population: None, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(1):
        found = selectors.populations_0_to_25(2024, ["100", REGION, "104"])
    assert found == {"100": 20_000, REGION: 100_000}
