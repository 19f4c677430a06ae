"""Forecast figures as the pages show them: rounding, pounds, tables of years × labels, the
gap in words, the back-test in plain terms and runs compared."""

import pytest

from tests.forecasting.results_example import example_results
from thrive.forecasting import presenters


@pytest.mark.parametrize(
    ("value", "shown"), [(1234.4, "1,234"), (0.4, "0"), (999.5, "1,000"), (None, "")]
)
def test_number_rounds_and_separates_thousands(value: float | None, shown: str) -> None:
    assert presenters.number(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1_234_000.0, "£1,234,000"), (1_234_567.0, "£1,235,000"), (-2500.0, "-£2,000"), (0.0, "£0")],
)
def test_money_rounds_to_the_thousand(value: float, shown: str) -> None:
    assert presenters.money(value) == shown


def test_breakdown_table_has_a_row_per_label_and_a_column_per_year() -> None:
    results = example_results(years=2, start=600.0)
    table = presenters.breakdown_table(results["counts"]["need"])
    assert table.years == [2026, 2027, 2028]
    labels = [label for label, _ in table.rows]
    assert labels == ["Autistic spectrum disorder", "Speech, language and communication needs"]
    # Shares 1:2 of 600 in 2026: 200 and 400, 80% range 94% to 106%.
    first_cell = table.rows[0][1][0]
    assert first_cell.median == "200"
    assert first_cell.interval == "188 to 212"
    assert table.rows[1][1][0].median == "400"


def test_total_rows_put_the_record_before_the_forecast() -> None:
    rows = presenters.total_rows(example_results(years=1))
    assert [(r.year, r.kind) for r in rows] == [
        (2023, "Recorded"),
        (2024, "Recorded"),
        (2025, "Recorded"),
        (2026, "Recorded"),
        (2027, "Forecast"),
    ]
    assert rows[-1].cell.median == "1,050"
    assert rows[-1].cell.wide == "945 to 1,155"


def test_cost_rows_are_pounds_without_the_recorded_counts() -> None:
    rows = presenters.total_rows(example_results(years=1), "cost")
    assert [(r.year, r.kind) for r in rows] == [(2026, "Starting January"), (2027, "Forecast")]
    assert rows[1].cell.median == "£21,000,000"


@pytest.mark.parametrize(
    ("gap", "words"),
    [
        (12.4, "Short of 12 places"),
        (1, "Short of 1 place"),
        (-8, "8 places spare"),
        (-1, "1 place spare"),
        (0.2, "Exactly enough places"),
    ],
)
def test_gap_in_words(gap: float, words: str) -> None:
    assert presenters.gap_words(gap) == words


def test_place_rows_say_which_are_short() -> None:
    rows = presenters.place_rows(example_results(years=2))
    # North needs 90, 100, 110 against 100 places; South always 120.
    north = [r for r in rows if r.locality == "North"]
    assert [r.short for r in north] == [False, False, True]
    assert presenters.shortfall_count(rows) == 1 + 3


def test_backtest_rows_in_plain_terms() -> None:
    row = presenters.backtest_rows(example_results()["backtest"]["area"])[0]
    assert (row.horizon, row.mape, row.bias, row.cover_80) == (
        "1 year ahead",
        "3.5%",
        "-1.2%",
        "81.0%",
    )


def test_goal_lines_say_the_factor_and_whether_it_was_reached() -> None:
    goal = {
        "kind": "into",
        "category": "special_state",
        "year": 2029,
        "target": 400,
        "factor": 0.85,
        "achieved": 401.2,
        "reached": False,
        "iterations": 9,
    }
    lines = presenters.goal_lines(goal)
    assert "400 children in state special school" in lines[0]
    assert "multiply those flows by 0.85, giving a median of 401" in lines[1]
    assert lines[2].startswith("The target could not be reached")
    assert presenters.goal_lines(None) == []


def test_input_lines_name_every_lever() -> None:
    inputs = {
        "base_year": 2026,
        "years": 5,
        "variant": "damped",
        "simulations": 1000,
        "seed": 7,
        "history_from": None,
        "flow_changes": [
            {"kind": "into", "category": "special_independent", "factor": 0.8, "from_year": 2027}
        ],
        "closures": [{"category": "alternative_provision", "from_year": 2028}],
        "capacity_changes": [
            {"change": "close", "year": 2027, "setting_id": 5},
            {
                "change": "open",
                "year": 2028,
                "name": "New school",
                "category": "special_state",
                "locality": "East",
                "places": 120,
                "setting_id": None,
            },
        ],
        "refusal_share": 0.25,
        "refusal_from_year": 2027,
    }
    lines = dict(presenters.input_lines(inputs, {5: "Oak School"}))
    assert lines["How rates change"].startswith("Damped trend")
    assert lines["Ignore history before"] == "Use all history"
    assert (
        "independent or non-maintained special school × 0.8 from 2027" in lines["Change in flows"]
    )
    assert lines["Closure"] == "Alternative provision or pupil referral unit closes from 2028"
    assert lines["Change in places"].startswith("120 new places at New school")
    assert lines["Share of requests refused"] == "25% from 2027"
    closing = [a for q, a in presenters.input_lines(inputs, {5: "Oak School"}) if "places" in q]
    assert closing[0] == "Oak School closes from 2027"


def test_compare_by_year_gives_the_difference_from_the_first() -> None:
    tables = presenters.compare_by_year(
        [example_results(years=1), example_results(years=2, start=900.0)], "counts", "Totals"
    )
    assert [label for label, _ in tables.rows] == ["2026", "2027", "2028"]
    base, other = tables.rows[0][1]
    assert (base.median, base.difference) == ("1,000", "")
    assert (other.median, other.difference) == ("900", "-100")
    # The first run stops in 2027: the third year says so rather than showing nothing.
    assert tables.rows[2][1][0].median == "Not forecast"


def test_compare_by_label_lists_setting_types_in_one_year() -> None:
    table = presenters.compare_by_label(
        [example_results(), example_results(start=2000.0)], 2026, "Settings"
    )
    assert table.rows[0][0] == "Early years provider"
    assert table.rows[0][1][1].difference.startswith("+")


def test_population_years_say_the_januaries_covered() -> None:
    assert presenters.population_years({"2028": [], "2027": []}) == "January 2027 to January 2028"
    assert presenters.population_years({"2027": []}) == "January 2027"
    assert presenters.population_years({}) == ""


def test_backtest_rows_without_a_score_say_not_known() -> None:
    row = {
        "method": "Trend",
        "horizon": 3,
        "forecasts": 0,
        "mape": None,
        "bias": float("nan"),
        "cover_80": None,
        "cover_95": None,
    }
    shown = presenters.backtest_rows([row])[0]
    assert (shown.horizon, shown.mape, shown.bias) == ("3 years ahead", "Not known", "Not known")


def test_backtest_methods_are_named_in_words() -> None:
    row = {
        "method": "last_growth",
        "horizon": 1,
        "forecasts": 4,
        "mape": 2.0,
        "bias": 1.0,
        "cover_80": 75.0,
        "cover_95": 100.0,
    }
    shown = presenters.backtest_rows([row, {**row, "method": "Trend"}])
    assert shown[0].method == "Baseline: last value plus average growth"
    assert shown[1].method == "Trend"  # already words: kept


def test_places_with_none_recorded_are_not_called_short() -> None:
    results = example_results(years=0)
    results["places"] = [{**results["places"][0], "capacity": 0, "gap_median": 90.0}]
    row = presenters.place_rows(results)[0]
    assert (row.gap, row.short) == ("No places recorded", False)


def test_gap_by_year_adds_up_the_localities_and_leaves_out_types_with_no_places() -> None:
    def row(year: int, category: str, locality: str, needed: float, capacity: int) -> dict:
        gap = needed - capacity
        return {"year": year, "category": category, "locality": locality} | {
            "needed_median": needed,
            "needed_high_80": needed,
            "capacity": capacity,
            "gap_median": gap,
            "gap_high_80": gap,
        }

    results = {
        "places": [
            row(2026, "special_state", "North", 30.0, 25),
            row(2026, "special_state", "South", 10.0, 20),
            row(2027, "special_state", "North", 40.0, 25),
            row(2027, "special_state", "South", 12.0, 20),
            row(2026, "other", "Not recorded", 5.0, 0),
            row(2027, "other", "Not recorded", 6.0, 0),
        ]
    }

    years, rows = presenters.gap_by_year(results)

    assert years == [2026, 2027]
    assert [label for label, _ in rows] == ["State special school (maintained, academy or free)"]
    first, second = rows[0][1]
    assert (first.gap, first.detail, first.short) == (
        "5 places spare",
        "40 needed, 45 places",
        False,
    )
    assert (second.gap, second.short) == ("Short of 7 places", True)
