"""A forecast run's results as JSON (``ForecastRun.results``), the shape the pages read.

Labels are the words people use ("Mainstream school", "Autistic spectrum disorder", "5 to 10",
"All"), never codes. Counts are rounded to one decimal place, money to whole pounds,
percentages to one decimal place. Only counts: nothing here identifies a child."""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from thrive.law import codes

from .backtest.evaluate import Row
from .categories import DSG_CATEGORY_LABELS, SETTING_CATEGORY_LABELS
from .inputs import MODEL_VERSION, ScenarioInputs
from .model.places import PlacesRow
from .model.simulate import Simulation
from .model.summarise import NCY_GROUPS, Table, summarise_values
from .model.trend import TrendFit

#: The count breakdowns the results keep (the NCY and state tables are for the model only).
COUNT_BREAKDOWNS = (
    "total",
    "setting",
    "need",
    "age_band",
    "ncy_group",
    "dsg_category",
    "dsg_age",
    "state",
)
COST_BREAKDOWNS = ("total", "dsg_category", "age_band", "setting", "dsg_age")
#: A state's row is kept only where its mean reaches this in some year: the thousands of
#: states nobody is in would swell every run's results for nothing.
STATE_MEAN_KEPT = 0.5
NCY_GROUP_LABELS = dict(
    zip(
        (code for code, _, _ in NCY_GROUPS),
        (
            "Reception and younger",
            "Years 1 to 6",
            "Years 7 to 11",
            "Years 12 and 13",
            "Year 14 and older",
        ),
        strict=True,
    )
)
_NUMBERS = ("mean", "sd", "median", "low_50", "high_50", "low_80", "high_80", "low_95", "high_95")


def label(breakdown: str, code: str) -> str:
    """The words for a table's label (a code, or already words for age bands and totals)."""
    if breakdown == "need":
        return codes.SEN_TYPES.label(code) if code in codes.SEN_TYPES else code
    if breakdown == "setting":
        return SETTING_CATEGORY_LABELS.get(code, code)
    if breakdown == "dsg_category":
        return DSG_CATEGORY_LABELS.get(code, code)
    if breakdown == "ncy_group":
        return NCY_GROUP_LABELS.get(code, code)
    if breakdown == "dsg_age":
        dsg, band = code.split("|")
        return f"{DSG_CATEGORY_LABELS.get(dsg, dsg)}, {band}"
    if breakdown == "state":
        ncy, need, setting = code.split("|")
        return f"NCY {ncy}, {label('need', need)}, {label('setting', setting)}"
    return code


def table_rows(table: Table, *, digits: int) -> list[dict[str, Any]]:
    """``Table.rows()`` with words for labels and numbers rounded to ``digits`` places (for
    states, only those with anyone in them)."""
    rows = []
    kept = set(table.labels)
    if table.breakdown == "state":
        occupied = table.mean.max(axis=0) >= STATE_MEAN_KEPT
        kept = {name for name, keep in zip(table.labels, occupied, strict=True) if keep}
    for row in table.rows():
        if row["label"] not in kept:
            continue
        row["label"] = label(table.breakdown, str(row["label"]))
        for name in _NUMBERS:
            number = row[name]
            assert isinstance(number, float)  # Table.rows() gives floats
            value = round(number, digits)
            row[name] = int(value) if digits == 0 else value
        rows.append(row)
    return rows


def flow_tables(simulation: Simulation) -> dict[str, Table]:
    """Joiners and leavers across every NCY, per year: flow t arrives in January base + t + 1."""
    years = simulation.years[1:]
    return {
        name: summarise_values(name, ("All",), years, values.sum(axis=2)[:, :, None])
        for name, values in (("joiners", simulation.joiners), ("leavers", simulation.leavers))
    }


def backtest_rows(rows: Iterable[Row]) -> list[dict[str, Any]]:
    return [
        {
            "method": r.method,
            "horizon": r.horizon,
            "forecasts": r.n,
            "mape": round(r.mape, 1),
            "bias": round(r.bias, 1),
            "cover_80": round(r.coverage80, 1),
            "cover_95": round(r.coverage95, 1),
        }
        for r in rows
    ]


def places_rows(rows: Iterable[PlacesRow]) -> list[dict[str, Any]]:
    return [
        {
            "year": r.year,
            "category": r.category,
            "category_label": SETTING_CATEGORY_LABELS.get(r.category, r.category),
            "locality": r.locality,
            "needed_median": round(r.needed_median, 1),
            "needed_high_80": round(r.needed_high_80, 1),
            "capacity": r.capacity,
            "gap_median": round(r.gap_median, 1),
            "gap_high_80": round(r.gap_high_80, 1),
        }
        for r in rows
    ]


def build_results(
    *,
    inputs: ScenarioInputs,
    simulation: Simulation,
    counts: Mapping[str, Table],
    cost: Mapping[str, Table] | None,
    places: Sequence[PlacesRow],
    history: Mapping[int, int],
    area_backtest: Iterable[Row],
    area_note: str,
    published_backtest: Iterable[Row],
    published_note: str,
    trend: TrendFit | None,
    goal: Mapping[str, Any] | None,
    notes: Sequence[str],
) -> dict[str, Any]:
    """The results JSON: the run's inputs, the years (base January first), the actual totals
    from the records, count, cost and flow tables (rows of ``Table.rows()``), places against
    capacity, the back-tests, the trend fitted, the goal sought and the notes."""
    return {
        "model_version": MODEL_VERSION,
        "seed": inputs.seed,
        "simulations": inputs.simulations,
        "variant": inputs.variant,
        "base_year": inputs.base_year,
        "years": [int(y) for y in simulation.years],
        "history": [{"year": int(y), "total": int(n)} for y, n in sorted(history.items())],
        "counts": {
            name: table_rows(counts[name], digits=1) for name in COUNT_BREAKDOWNS if name in counts
        },
        "cost": {name: table_rows(cost[name], digits=0) for name in COST_BREAKDOWNS if name in cost}
        if cost
        else {},
        "flows": {
            name: table_rows(table, digits=1) for name, table in flow_tables(simulation).items()
        },
        "places": places_rows(places),
        "backtest": {
            "area": backtest_rows(area_backtest),
            "published": backtest_rows(published_backtest),
            "area_note": area_note,
            "published_note": published_note,
        },
        "trend": trend.as_dict() if trend is not None else None,
        "goal": _goal(goal),
        "notes": list(notes),
    }


def _goal(goal: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if goal is None:
        return None
    out = dict(goal)
    for name in ("factor", "achieved"):
        if isinstance(out.get(name), float | np.floating):
            out[name] = round(float(out[name]), 3 if name == "factor" else 1)
    return out
