"""Display-ready values for the forecasting pages, from a run's results JSON (see the shape in
``forecasting.results``): figures formatted (1,234 and £1,234,000), tables of years × labels
with their intervals, places with the gap in words, and the back-test in plain terms."""

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .categories import SETTING_CATEGORY_LABELS
from .inputs import FLOW_KINDS, VARIANTS
from .models import ForecastRun, RunStatus

Row = dict[str, Any]


def number(value: float | None) -> str:
    """A count as people read it: rounded, with thousands separators."""
    return "" if value is None else f"{round(value):,}"


def money(value: float | None) -> str:
    """Pounds, rounded to the nearest thousand: forecasts are not accurate to the pound."""
    if value is None:
        return ""
    rounded = round(value, -3)
    return f"-£{-rounded:,.0f}" if rounded < 0 else f"£{rounded:,.0f}"


def percent(value: float | None) -> str:
    """A back-test's percentage; none (no forecasts to score) is "Not known"."""
    return "Not known" if value is None or math.isnan(value) else f"{value:.1f}%"


def signed(value: float, fmt: Any = number) -> str:
    text = fmt(abs(value))
    return f"+{text}" if round(value) > 0 else (f"-{text}" if round(value) < 0 else text)


@dataclass(frozen=True)
class Cell:
    median: str
    interval: str  # "950 to 1,050" (80%)
    wide: str = ""  # the 95% interval


def cell(row: Row, fmt: Any = number) -> Cell:
    return Cell(
        median=fmt(row["median"]),
        interval=f"{fmt(row['low_80'])} to {fmt(row['high_80'])}",
        wide=f"{fmt(row['low_95'])} to {fmt(row['high_95'])}",
    )


@dataclass(frozen=True)
class Table:
    """Rows of labels, a column per year, each cell a median and its 80% interval."""

    years: list[int]
    rows: list[tuple[str, list[Cell]]]


def breakdown_table(rows: Iterable[Row], fmt: Any = number) -> Table:
    years: list[int] = []
    by_label: dict[str, dict[int, Row]] = defaultdict(dict)
    for row in rows:
        if row["year"] not in years:
            years.append(row["year"])
        by_label[row["label"]][row["year"]] = row
    return Table(
        years=years,
        rows=[
            (label, [cell(cells[y], fmt) for y in years if y in cells])
            for label, cells in by_label.items()
        ],
    )


@dataclass(frozen=True)
class YearRow:
    year: int
    kind: str  # "Recorded" or "Forecast"
    cell: Cell


def total_rows(results: Row, section: str = "counts") -> list[YearRow]:
    """The recorded Januaries then the forecast ones (the base January is recorded too)."""
    fmt = money if section == "cost" else number
    recorded = [
        YearRow(h["year"], "Recorded", Cell(number(h["total"]), ""))
        for h in results.get("history", [])
        if section == "counts" and h["year"] < results["base_year"]
    ]
    # The base January's children are recorded; its cost is worked out from them.
    start = "Recorded" if section == "counts" else "Starting January"
    forecast = [
        YearRow(r["year"], start if r["year"] == results["base_year"] else "Forecast", cell(r, fmt))
        for r in (results.get(section) or {}).get("total", [])
    ]
    return recorded + forecast


@dataclass(frozen=True)
class PlaceRow:
    year: int
    category: str
    locality: str
    needed: str
    needed_high: str
    capacity: str
    gap: str  # in words: "Short of 12 places" or "8 places spare"
    short: bool


def gap_words(gap: float) -> str:
    places = round(gap)
    if places > 0:
        return f"Short of {places:,} place{'s' if places != 1 else ''}"
    if places < 0:
        return f"{-places:,} place{'s' if places != -1 else ''} spare"
    return "Exactly enough places"


def place_rows(results: Row) -> list[PlaceRow]:
    """Rows with no places recorded say so: a gap against nothing recorded is not a shortfall
    anyone planned for, so it is not counted as one."""
    return [
        PlaceRow(
            year=p["year"],
            category=p.get("category_label") or SETTING_CATEGORY_LABELS.get(p["category"], ""),
            locality=p["locality"] or "Not recorded",
            needed=number(p["needed_median"]),
            needed_high=number(p["needed_high_80"]),
            capacity=number(p["capacity"]),
            gap=gap_words(p["gap_median"]) if p["capacity"] else "No places recorded",
            short=bool(p["capacity"]) and round(p["gap_median"]) > 0,
        )
        for p in results.get("places", [])
    ]


@dataclass(frozen=True)
class GapCell:
    gap: str
    detail: str  # "130 needed, 120 places"
    short: bool


def gap_by_year(results: Row) -> tuple[list[int], list[tuple[str, list[GapCell]]]]:
    """The gap for each setting type and January, every locality together. Children are
    shared among localities in fixed proportions, so the localities' medians add up to the
    setting type's median."""
    needed: dict[tuple[str, int], float] = {}
    places: dict[tuple[str, int], int] = {}
    labels: dict[str, str] = {}
    for p in results.get("places", []):
        key = (p["category"], p["year"])
        needed[key] = needed.get(key, 0.0) + p["needed_median"]
        places[key] = places.get(key, 0) + p["capacity"]
        labels[p["category"]] = p.get("category_label") or SETTING_CATEGORY_LABELS.get(
            p["category"], p["category"]
        )
    years = sorted({year for _, year in needed})
    rows = []
    for category, label in labels.items():
        if not any(places[(category, y)] for y in years):
            continue  # no places recorded for this setting type anywhere
        cells = []
        for y in years:
            need, have = needed[(category, y)], places[(category, y)]
            detail = f"{number(need)} needed, {number(have)} places"
            cells.append(
                GapCell(gap=gap_words(need - have), detail=detail, short=round(need - have) > 0)
            )
        rows.append((label, cells))
    return years, rows


def shortfall_count(rows: Sequence[PlaceRow]) -> int:
    return sum(1 for row in rows if row.short)


@dataclass(frozen=True)
class BacktestRow:
    method: str
    horizon: str
    forecasts: str
    mape: str
    bias: str
    cover_80: str
    cover_95: str


#: The back-test's method codes (``backtest.methods.METHODS``) in words.
METHOD_LABELS = {
    "stationary": "Stationary: rates stay as they have been",
    "trend": "Trend",
    "damped": "Damped trend",
    "anchored": "Trend of the last five years, through the latest count",
    "last_growth": "Baseline: last value plus average growth",
    "loglinear": "Baseline: straight-line growth on a log scale",
}


def backtest_rows(rows: Iterable[Row]) -> list[BacktestRow]:
    return [
        BacktestRow(
            method=_label(METHOD_LABELS, r["method"]),
            horizon=f"{r['horizon']} year{'s' if r['horizon'] != 1 else ''} ahead",
            forecasts=number(r["forecasts"]),
            mape=percent(r.get("mape")),
            bias=_signed_percent(r.get("bias")),
            cover_80=percent(r.get("cover_80")),
            cover_95=percent(r.get("cover_95")),
        )
        for r in rows
    ]


def _signed_percent(value: float | None) -> str:
    return "Not known" if value is None or math.isnan(value) else f"{value:+.1f}%"


def flow_table(results: Row) -> Table:
    flows = results.get("flows", {})
    named = [
        {**row, "label": name}
        for key, name in (("joiners", "Joining"), ("leavers", "Leaving"))
        for row in flows.get(key, [])
    ]
    return breakdown_table(named)


def _label(labels: dict[str, str], code: str) -> str:
    return labels.get(code) or str(code)


def goal_lines(goal: Row | None) -> list[str]:
    if not goal:
        return []
    kind = _label(dict(FLOW_KINDS), goal["kind"]).lower()
    category = _label(SETTING_CATEGORY_LABELS, goal["category"])
    lines = [
        f"Target: {number(goal['target'])} children in {category.lower()} in January "
        f"{goal['year']}, by changing {kind}.",
        f"Found after {goal.get('iterations', 0)} tries: multiply those flows by "
        f"{goal.get('factor', 0):.2f}, giving a median of {number(goal.get('achieved'))}.",
    ]
    if not goal.get("reached"):
        lines.append("The target could not be reached within the allowed range of change.")
    return lines


def variant_label(code: str) -> str:
    return dict(VARIANTS).get(code, code)


def status_tag(run: ForecastRun) -> tuple[str, str]:
    """(text, GOV.UK tag colour class): the text says it, the colour only repeats it."""
    colours = {
        RunStatus.QUEUED: "govuk-tag--grey",
        RunStatus.RUNNING: "govuk-tag--blue",
        RunStatus.DONE: "govuk-tag--green",
        RunStatus.FAILED: "govuk-tag--red",
    }
    return RunStatus(run.status).label, colours[RunStatus(run.status)]


def input_lines(inputs: Row, setting_names: dict[int, str] | None = None) -> list[tuple[str, str]]:
    """The scenario's inputs as (question, answer) rows for a summary list and the workbook."""
    lines = [
        ("Starting January", str(inputs["base_year"])),
        ("Years ahead", str(inputs["years"])),
        ("How rates change", variant_label(inputs["variant"])),
        ("Simulations", number(inputs["simulations"])),
        ("Seed", str(inputs["seed"])),
        ("Ignore history before", str(inputs.get("history_from") or "Use all history")),
    ]
    for change in inputs.get("flow_changes", ()):
        kind = dict(FLOW_KINDS)[change["kind"]].lower()
        lines.append(
            (
                "Change in flows",
                f"{kind} {SETTING_CATEGORY_LABELS[change['category']].lower()} "
                f"× {change['factor']} from {change['from_year']}",
            )
        )
    for closure in inputs.get("closures", ()):
        label = SETTING_CATEGORY_LABELS[closure["category"]]
        lines.append(("Closure", f"{label} closes from {closure['from_year']}"))
    for cap in inputs.get("capacity_changes", ()):
        lines.append(("Change in places", _capacity_words(cap, setting_names or {})))
    if inputs.get("refusal_share") is not None:
        lines.append(
            (
                "Share of requests refused",
                f"{inputs['refusal_share'] * 100:.0f}% from {inputs['refusal_from_year']}",
            )
        )
    return lines


def _capacity_words(cap: Row, setting_names: dict[int, str]) -> str:
    if cap["change"] == "open":
        category = _label(SETTING_CATEGORY_LABELS, cap["category"]).lower()
        return (
            f"{number(cap['places'])} new places at {cap['name']} ({category}, "
            f"{cap['locality'] or 'no locality'}) from {cap['year']}"
        )
    name = setting_names.get(cap["setting_id"], f"Setting {cap['setting_id']}")
    return f"{name} closes from {cap['year']}"


# --- Comparing runs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CompareCell:
    median: str
    interval: str
    difference: str  # from the first run's median ("" for the first run itself)


@dataclass(frozen=True)
class CompareTable:
    caption: str
    rows: list[tuple[str, list[CompareCell]]]


def _index(rows: Iterable[Row]) -> dict[tuple[int, str], Row]:
    return {(r["year"], r["label"]): r for r in rows}


def _compare_cells(found: list[Row | None], fmt: Any) -> list[CompareCell]:
    first = found[0]
    cells = []
    for i, row in enumerate(found):
        if row is None:
            cells.append(CompareCell("Not forecast", "", ""))
            continue
        difference = ""
        if i and first is not None:
            difference = signed(row["median"] - first["median"], fmt)
        cells.append(
            CompareCell(
                fmt(row["median"]), f"{fmt(row['low_80'])} to {fmt(row['high_80'])}", difference
            )
        )
    return cells


def compare_by_year(results: list[Row], section: str, caption: str) -> CompareTable:
    """Each year any run forecasts, the runs' totals side by side."""
    fmt = money if section == "cost" else number
    indexes = [_index((r.get(section) or {}).get("total", [])) for r in results]
    years = sorted({year for index in indexes for year, _ in index})
    return CompareTable(
        caption,
        [
            (str(year), _compare_cells([index.get((year, "All")) for index in indexes], fmt))
            for year in years
        ],
    )


def compare_by_label(results: list[Row], year: int, caption: str) -> CompareTable:
    """The runs' children by setting type in one January."""
    indexes = [_index(r.get("counts", {}).get("setting", [])) for r in results]
    labels = list(dict.fromkeys(label for index in indexes for y, label in index if y == year))
    return CompareTable(
        caption,
        [
            (label, _compare_cells([index.get((year, label)) for index in indexes], number))
            for label in labels
        ],
    )


@dataclass(frozen=True)
class UnitCostRow:
    need: str
    need_label: str
    category: str
    category_label: str
    annual: str  # "£24,500"
    uplift: str  # "3.5%"
    price_year: int


def unit_cost_rows(costs: Iterable[Any]) -> list[UnitCostRow]:
    return [
        UnitCostRow(
            need=c.need,
            need_label=c.get_need_display(),
            category=c.setting_category,
            category_label=c.get_setting_category_display(),
            annual=f"£{c.annual_cost:,.0f}",
            uplift=f"{c.uplift_percent.normalize():f}%",
            price_year=c.price_year,
        )
        for c in costs
    ]


def population_years(rows: dict[str, Any]) -> str:
    """The Januaries an uploaded projection covers, as "January 2027 to January 2036"."""
    years = sorted(int(year) for year in rows)
    if not years:
        return ""
    if len(years) == 1:
        return f"January {years[0]}"
    return f"January {years[0]} to January {years[-1]}"
