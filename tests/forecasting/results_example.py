"""A forecast's results JSON in the exact shape the common brief gives (``ForecastRun.results``),
built by hand so the pages can be tested without running the model. Every figure follows from
the arguments: a total that grows by ``growth`` a year, split across labels by fixed shares."""

from typing import Any

from tests.factories import make_user
from thrive.forecasting.categories import AGE_BANDS, DSG_CATEGORIES, SETTING_CATEGORIES
from thrive.forecasting.inputs import MODEL_VERSION, ScenarioInputs
from thrive.forecasting.models import ForecastRun, RunStatus, Scenario

NEEDS = ("Autistic spectrum disorder", "Speech, language and communication needs")


def _row(year: int, breakdown: str, label: str, median: float) -> dict[str, Any]:
    return {
        "year": year,
        "breakdown": breakdown,
        "label": label,
        "mean": median,
        "sd": median * 0.05,
        "median": median,
        "low_50": median * 0.97,
        "high_50": median * 1.03,
        "low_80": median * 0.94,
        "high_80": median * 1.06,
        "low_95": median * 0.9,
        "high_95": median * 1.1,
    }


def _split(
    years: list[int], totals: list[float], breakdown: str, labels: list[str]
) -> list[dict[str, Any]]:
    """Shares 1, 2, 3 ... of the total, normalised: every label gets a different figure."""
    weights = [i + 1 for i in range(len(labels))]
    return [
        _row(year, breakdown, label, total * w / sum(weights))
        for year, total in zip(years, totals, strict=True)
        for label, w in zip(labels, weights, strict=True)
    ]


def example_results(
    *, base_year: int = 2026, years: int = 3, start: float = 1000.0, growth: float = 0.05
) -> dict[str, Any]:
    year_list = [base_year + t for t in range(years + 1)]
    totals = [start * (1 + growth) ** t for t in range(years + 1)]
    costs = [total * 20000.0 for total in totals]
    settings = [label for _, label in SETTING_CATEGORIES]
    dsg = [label for _, label in DSG_CATEGORIES]
    bands = [label for _, label, _, _ in AGE_BANDS]
    counts = {
        "total": [_row(y, "total", "All", t) for y, t in zip(year_list, totals, strict=True)],
        "setting": _split(year_list, totals, "setting", settings),
        "need": _split(year_list, totals, "need", list(NEEDS)),
        "age_band": _split(year_list, totals, "age_band", bands),
        "ncy_group": _split(year_list, totals, "ncy_group", ["Early years", "Year 1 to 6"]),
        "dsg_category": _split(year_list, totals, "dsg_category", dsg),
    }
    cost = {
        "total": [_row(y, "total", "All", c) for y, c in zip(year_list, costs, strict=True)],
        "dsg_category": _split(year_list, costs, "dsg_category", dsg),
        "age_band": _split(year_list, costs, "age_band", bands),
        "setting": _split(year_list, costs, "setting", settings),
    }
    flows = {
        "joiners": [_row(y, "joiners", "All", start * 0.15) for y in year_list[1:]],
        "leavers": [_row(y, "leavers", "All", start * 0.1) for y in year_list[1:]],
    }
    places = [
        {
            "year": year,
            "category": "special_state",
            "category_label": "State special school (maintained, academy or free)",
            "locality": locality,
            "needed_median": needed,
            "needed_high_80": needed * 1.1,
            "capacity": 100,
            "gap_median": needed - 100,
            "gap_high_80": needed * 1.1 - 100,
        }
        for year in year_list
        for locality, needed in (("North", 90.0 + 10 * (year - base_year)), ("South", 120.0))
    ]
    backtest_row = {
        "method": "Trend",
        "horizon": 1,
        "forecasts": 12,
        "mape": 3.5,
        "bias": -1.2,
        "cover_80": 81.0,
        "cover_95": 94.0,
    }
    return {
        "model_version": MODEL_VERSION,
        "seed": 1,
        "simulations": 1000,
        "variant": "trend",
        "base_year": base_year,
        "years": year_list,
        "history": [
            {"year": base_year - k, "total": round(start / (1 + growth) ** k)}
            for k in range(3, 0, -1)
        ],
        "counts": counts,
        "cost": cost,
        "flows": flows,
        "places": places,
        "backtest": {
            "area": [backtest_row],
            "published": [{**backtest_row, "method": "Stationary", "horizon": 2, "mape": 8.0}],
            "area_note": "Tested on the area's own Januaries 2019 to 2025.",
            "published_note": "Tested on every council's published figures.",
        },
        "trend": {
            "growth_percent": 4.1,
            "low_percent": 2.0,
            "high_percent": 6.3,
            "family": "negative binomial",
            "text": "Joining rates have grown by about 4.1% a year.",
        },
        "goal": None,
        "notes": ["Unit costs rise by their uplift each year."],
    }


def example_scenario(*, name: str = "Central", actor: Any = None, **inputs: Any) -> Scenario:
    actor = actor or make_user(f"author{Scenario.objects.count()}", "analyst")
    scenario_inputs = ScenarioInputs(base_year=inputs.pop("base_year", 2026), **inputs)
    return Scenario.objects.create(
        name=name,
        description="",
        inputs=scenario_inputs.to_json(),
        variant=scenario_inputs.variant,
        created_by=actor,
    )


def example_run(
    scenario: Scenario | None = None,
    *,
    status: str = RunStatus.DONE,
    results: dict[str, Any] | None = None,
    **fields: Any,
) -> ForecastRun:
    scenario = scenario or example_scenario()
    if results is None and status == RunStatus.DONE:
        results = example_results(base_year=scenario.inputs["base_year"])
    return ForecastRun.objects.create(
        scenario=scenario,
        inputs=scenario.inputs,
        seed=scenario.inputs["seed"],
        model_version=MODEL_VERSION,
        status=status,
        results=results,
        created_by=scenario.created_by,
        **fields,
    )
