"""A run's results as long-form CSV and as the DSG management plan workbook: every figure, real
number cells, nothing about any child."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.forecasting.results_example import example_results
from thrive.forecasting import exports
from thrive.forecasting.categories import AGE_BANDS, DSG_CATEGORIES


def _csv(results: dict) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(exports.results_csv(results))))


def test_csv_has_a_row_for_every_figure() -> None:
    results = example_results(years=2)
    rows = _csv(results)
    assert list(rows[0]) == list(exports.CSV_COLUMNS)
    expected = len(results["history"]) + len(results["places"])
    expected += sum(
        len(v) for section in ("counts", "cost", "flows") for v in results[section].values()
    )
    assert len(rows) == expected


def test_csv_rows_carry_the_medians_and_intervals() -> None:
    rows = _csv(example_results(years=1))
    total_2027 = next(
        r for r in rows if (r["section"], r["breakdown"], r["year"]) == ("counts", "total", "2027")
    )
    assert float(total_2027["median"]) == pytest.approx(1050)
    assert float(total_2027["low_80"]) == pytest.approx(987)
    assert float(total_2027["high_95"]) == pytest.approx(1155)
    place = next(r for r in rows if r["section"] == "places" and r["label"].endswith("South"))
    assert (place["capacity"], float(place["gap_median"])) == ("100", 20.0)


def test_csv_has_no_personal_fields() -> None:
    header = exports.results_csv(example_results()).splitlines()[0]
    for word in ("name", "birth", "child_id", "upn"):
        assert word not in header


@pytest.mark.django_db
def test_workbook_sheets_rows_and_number_cells() -> None:
    results = example_results(years=2)
    cost = {
        "need": "ASD",
        "category": "special_state",
        "annual_cost": 24500.0,
        "uplift_percent": 3.5,
        "price_year": 2026,
    }
    body = exports.dsg_workbook(
        results=results, inputs=_inputs(), scenario_name="Central", unit_costs=[cost]
    )
    book = load_workbook(io.BytesIO(body))
    assert book.sheetnames == ["Placements", "Costs", "Intervals", "Assumptions"]
    placements = book["Placements"]
    assert [c.value for c in placements[2]] == [
        "Category",
        "January 2026",
        "January 2027",
        "January 2028",
    ]
    labels = [row[0].value for row in placements.iter_rows(min_row=3)]
    for _, label in DSG_CATEGORIES:
        assert label in labels
    for _, label, _, _ in AGE_BANDS:
        assert label in labels
    total = placements[placements.max_row]
    assert total[0].value == "Total"
    assert total[1].value == pytest.approx(1000)
    assert total[1].number_format == exports.COUNT_FORMAT
    costs = book["Costs"]
    cost_total = costs[costs.max_row]
    assert cost_total[3].value == pytest.approx(1000 * 1.05**2 * 20000)
    assert cost_total[3].number_format == exports.MONEY_FORMAT
    intervals = {row[0].value: row[1].value for row in book["Intervals"].iter_rows(min_row=3)}
    assert intervals["Children: 80% range, low"] == pytest.approx(940)
    assert intervals["Children: 95% range, high"] == pytest.approx(1100)
    assumptions = {row[0].value: row[1].value for row in book["Assumptions"].iter_rows()}
    assert assumptions["Seed"] == 1
    assert assumptions["Model version"] == results["model_version"]
    assert assumptions["Starting January"] == 2026
    assert assumptions["Simulations"] == 1000
    assert (
        assumptions[
            "Autistic spectrum disorder in State special school (maintained, academy or free)"
        ]
        == 24500
    )


def _inputs() -> dict:
    return {
        "base_year": 2026,
        "years": 2,
        "variant": "trend",
        "simulations": 1000,
        "seed": 1,
        "history_from": None,
        "flow_changes": [],
        "closures": [],
        "capacity_changes": [],
        "refusal_share": None,
        "refusal_from_year": None,
    }


def test_workbook_of_a_run_without_costs_says_so() -> None:
    results = {**example_results(years=1), "cost": {}}
    book = load_workbook(
        io.BytesIO(
            exports.dsg_workbook(
                results=results, inputs=_inputs(), scenario_name="X", unit_costs=[]
            )
        )
    )
    assert book["Costs"]["A3"].value.startswith("No unit costs were recorded")
    assert book["Placements"]["A3"].value == "DSG category"


def test_workbook_lists_the_unit_costs_the_run_kept_not_those_recorded_now() -> None:
    kept = {"need": "SEMH", "category": "mainstream", "annual_cost": 8000.0}
    kept |= {"uplift_percent": 2.0, "price_year": 2025}
    now = {**kept, "annual_cost": 9999.0}
    inputs = {**_inputs(), "assumptions": {"unit_costs": [kept], "capacity": []}}
    body = exports.dsg_workbook(
        results=example_results(years=1), inputs=inputs, scenario_name="X", unit_costs=[now]
    )
    rows = {
        r[0].value: r[1].value for r in load_workbook(io.BytesIO(body))["Assumptions"].iter_rows()
    }
    assert "Unit costs used by this run" in rows
    assert rows["Social, emotional and mental health in Mainstream school"] == 8000


def test_workbook_shows_each_dsg_category_by_age_band_beneath_it() -> None:
    results = example_results(years=1)
    label = DSG_CATEGORIES[0][1]
    grid_row = {"year": 2026, "breakdown": "dsg_age", "label": f"{label}, 5 to 10"}
    results["counts"]["dsg_age"] = [{**grid_row, "median": 12.0, "mean": 12.0}]
    body = exports.dsg_workbook(results=results, inputs=_inputs(), scenario_name="X", unit_costs=[])
    rows = [[c.value for c in r] for r in load_workbook(io.BytesIO(body))["Placements"].iter_rows()]
    at = next(i for i, r in enumerate(rows) if r[0] == label)
    assert rows[at + 1][:2] == ["    5 to 10", 12]
