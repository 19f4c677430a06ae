"""The results JSON: its shape, human labels, rounding, flows by the year they arrive."""

import json
from typing import Any

import numpy as np
import pytest

from thrive.forecasting.backtest.evaluate import Row
from thrive.forecasting.categories import AGE_BANDS, DSG_CATEGORIES
from thrive.forecasting.inputs import MODEL_VERSION, ScenarioInputs
from thrive.forecasting.model.costs import cost_tables
from thrive.forecasting.model.estimate import estimate
from thrive.forecasting.model.places import PlacesRow
from thrive.forecasting.model.simulate import Simulation, simulate
from thrive.forecasting.model.states import transitions
from thrive.forecasting.model.summarise import summarise
from thrive.forecasting.results import build_results, label
from thrive.forecasting.space import default_space

SPACE = default_space()
INPUTS = ScenarioInputs(base_year=2025, variant="trend", years=2, simulations=100, seed=4)


def small_simulation() -> Simulation:
    a = SPACE.snapshot(
        2024,
        [1, 2, 3],
        [3, 7, 12],
        ["ASD", "SLCN", "SEMH"],
        ["mainstream", "special_state", "further_education"],
    )
    b = SPACE.snapshot(
        2025,
        [1, 2, 4],
        [4, 8, 2],
        ["ASD", "SLCN", "ASD"],
        ["mainstream", "special_independent", "mainstream"],
    )
    pop = {2025: np.full(SPACE.n_ncy, 500.0)}
    params = estimate([transitions(a, b)], pop, SPACE)
    return simulate(
        params,
        b.counts(SPACE),
        np.full((2, SPACE.n_ncy), 500),
        first_year=2025,
        simulations=100,
        seed=4,
    )


def results(**overrides: object) -> dict[str, Any]:
    sim = small_simulation()
    unit = np.full((len(SPACE.needs), len(SPACE.settings)), 10000.123)
    args: dict[str, Any] = {
        "inputs": INPUTS,
        "simulation": sim,
        "counts": summarise(sim, SPACE),
        "cost": cost_tables(sim, SPACE, unit, 3.0, 2025),
        "places": [PlacesRow(2026, "special_state", "North", 10.04, 12.06, 8, 2.04, 4.06)],
        "history": {2024: 3, 2025: 3},
        "area_backtest": [Row("trend", 1, 4, 2.345, -1.06, 75.0, 100.0)],
        "area_note": "Area note.",
        "published_backtest": [],
        "published_note": "No published figures.",
        "trend": None,
        "goal": None,
        "notes": ["A note."],
    }
    args.update(overrides)
    return build_results(**args)


def test_shape_is_the_common_one() -> None:
    out = results()
    assert set(out) == {
        "model_version",
        "seed",
        "simulations",
        "variant",
        "base_year",
        "years",
        "history",
        "counts",
        "cost",
        "flows",
        "places",
        "backtest",
        "trend",
        "goal",
        "notes",
    }
    assert out["model_version"] == MODEL_VERSION
    assert (out["seed"], out["simulations"], out["variant"]) == (4, 100, "trend")
    assert out["years"] == [2025, 2026, 2027]
    assert out["history"] == [{"year": 2024, "total": 3}, {"year": 2025, "total": 3}]
    assert set(out["counts"]) == {
        "total",
        "setting",
        "need",
        "age_band",
        "ncy_group",
        "dsg_category",
        "dsg_age",
        "state",
    }
    assert set(out["cost"]) == {"total", "dsg_category", "age_band", "setting", "dsg_age"}
    assert set(out["backtest"]) == {"area", "published", "area_note", "published_note"}
    json.dumps(out)  # plain JSON: no numpy numbers


def test_rows_have_every_figure_and_human_labels() -> None:
    out = results()
    row = out["counts"]["setting"][0]
    assert set(row) == {
        "year",
        "breakdown",
        "label",
        "mean",
        "sd",
        "median",
        "low_50",
        "high_50",
        "low_80",
        "high_80",
        "low_95",
        "high_95",
    }
    settings = {r["label"] for r in out["counts"]["setting"]}
    assert "Mainstream school" in settings
    needs = {r["label"] for r in out["counts"]["need"]}
    assert "Autistic spectrum disorder" in needs
    assert "Other difficulty or disability" in needs
    assert {r["label"] for r in out["counts"]["age_band"]} >= {"5 to 10", "Under 5"}
    assert {r["label"] for r in out["counts"]["total"]} == {"All"}
    assert "Years 1 to 6" in {r["label"] for r in out["counts"]["ncy_group"]}
    assert "Mainstream schools and academies" in {r["label"] for r in out["counts"]["dsg_category"]}


def test_base_year_total_is_the_starting_count() -> None:
    base = next(r for r in results()["counts"]["total"] if r["year"] == 2025)
    assert base["median"] == 3.0
    assert base["low_95"] == 3.0


def test_counts_to_one_decimal_money_to_pounds() -> None:
    out = results()
    for row in out["counts"]["need"]:
        assert row["mean"] == round(row["mean"], 1)
    cost = next(r for r in out["cost"]["total"] if r["year"] == 2025)
    assert cost["median"] == 30000  # 3 children at £10,000.12
    assert isinstance(cost["median"], int)
    later = next(r for r in out["cost"]["total"] if r["year"] == 2026)
    assert isinstance(later["mean"], int)


def test_flows_arrive_in_the_following_januaries() -> None:
    out = results()
    assert [r["year"] for r in out["flows"]["joiners"]] == [2026, 2027]
    assert [r["label"] for r in out["flows"]["leavers"]] == ["All", "All"]


def test_backtest_places_goal_and_trend() -> None:
    out = results(
        goal={
            "kind": "into",
            "category": "special_state",
            "year": 2027,
            "target": 5,
            "factor": 1.23456,
            "achieved": 5.04,
            "reached": True,
            "iterations": 3,
        }
    )
    assert out["backtest"]["area"] == [
        {
            "method": "trend",
            "horizon": 1,
            "forecasts": 4,
            "mape": 2.3,
            "bias": -1.1,
            "cover_80": 75.0,
            "cover_95": 100.0,
        }
    ]
    assert out["places"] == [
        {
            "year": 2026,
            "category": "special_state",
            "category_label": "State special school (maintained, academy or free)",
            "locality": "North",
            "needed_median": 10.0,
            "needed_high_80": 12.1,
            "capacity": 8,
            "gap_median": 2.0,
            "gap_high_80": 4.1,
        }
    ]
    assert out["goal"]["factor"] == 1.235
    assert out["trend"] is None
    assert out["notes"] == ["A note."]


def test_no_unit_costs_gives_no_cost_tables() -> None:
    assert results(cost=None)["cost"] == {}


@pytest.mark.parametrize(
    ("breakdown", "code", "words"),
    [
        ("need", "SLCN", "Speech, language and communication needs"),
        ("setting", "other", "Other or no placement named"),
        ("ncy_group", "14+", "Year 14 and older"),
        ("age_band", "5 to 10", "5 to 10"),
    ],
)
def test_labels(breakdown: str, code: str, words: str) -> None:
    assert label(breakdown, code) == words


def test_states_nobody_is_in_are_left_out_and_the_rest_named_in_words() -> None:
    states = results()["counts"]["state"]
    labels = {row["label"] for row in states}
    assert labels  # the three children's states
    assert len(labels) < default_space().valid.sum()
    assert all(label.startswith("NCY ") for label in labels)
    assert all(max(r["mean"] for r in states if r["label"] == name) >= 0.5 for name in labels)


def test_the_dsg_grid_is_each_category_by_each_age_band_and_adds_up() -> None:
    grid = [r for r in results()["counts"]["dsg_age"] if r["year"] == 2025]
    assert len(grid) == len(DSG_CATEGORIES) * len(AGE_BANDS)
    assert grid[0]["label"] == "Mainstream schools and academies, Under 5"
    total = next(r for r in results()["counts"]["total"] if r["year"] == 2025)
    assert sum(r["mean"] for r in grid) == pytest.approx(total["mean"])
