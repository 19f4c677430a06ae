"""Which population estimate a period's rate per 10,000 uses."""

from thrive.benchmarks.measures import BY_KEY, population_year


def test_a_calendar_year_uses_the_estimate_for_the_middle_of_that_year() -> None:
    assert population_year("2024") == 2024


def test_a_january_census_uses_the_estimate_for_the_start_of_its_school_year() -> None:
    assert population_year("202425") == 2024  # January 2025: mid-2024


def test_counts_have_rates_and_percentages_do_not() -> None:
    assert BY_KEY["active_plans"].has_rate
    assert BY_KEY["requests_received"].has_rate
    assert not BY_KEY["requests_refused"].has_rate
