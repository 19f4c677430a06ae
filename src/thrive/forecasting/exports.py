"""A finished run's results as files: every figure as long-form CSV, and a workbook shaped like
the high-needs projection of a DfE DSG management plan. Both hold counts and pounds only:
nothing about any child."""

import csv
import io
from collections.abc import Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from thrive.law import codes

from .categories import AGE_BANDS, SETTING_CATEGORY_LABELS
from .presenters import input_lines

AGE_BAND_LABELS = {code: label for code, label, _, _ in AGE_BANDS}

CSV_COLUMNS = (
    "section",
    "breakdown",
    "label",
    "year",
    "mean",
    "median",
    "low_50",
    "high_50",
    "low_80",
    "high_80",
    "low_95",
    "high_95",
    "capacity",
    "gap_median",
    "gap_high_80",
)
STAT_COLUMNS = CSV_COLUMNS[4:12]


def csv_rows(results: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Counts, cost and flows as they are stored; places with needed as median and high_80."""
    for h in results.get("history", []):
        yield {
            "section": "recorded",
            "breakdown": "total",
            "label": "All",
            "year": h["year"],
            "median": h["total"],
            "mean": h["total"],
        }
    for section in ("counts", "cost", "flows"):
        for breakdown, rows in results.get(section, {}).items():
            for row in rows:
                yield {
                    "section": section,
                    "breakdown": breakdown,
                    "label": row["label"],
                    "year": row["year"],
                    **{k: row.get(k) for k in STAT_COLUMNS},
                }
    for p in results.get("places", []):
        yield {
            "section": "places",
            "breakdown": "category_locality",
            "label": f"{p['category_label']} – {p['locality'] or 'Not recorded'}",
            "year": p["year"],
            "median": p["needed_median"],
            "high_80": p["needed_high_80"],
            "capacity": p["capacity"],
            "gap_median": p["gap_median"],
            "gap_high_80": p["gap_high_80"],
        }


def results_csv(results: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for row in csv_rows(results):
        writer.writerow({k: _csv_value(v) for k, v in row.items()})
    return out.getvalue()


def _csv_value(value: Any) -> Any:
    return round(value, 2) if isinstance(value, float) else value


# --- The DSG management plan workbook ----------------------------------------------------------

COUNT_FORMAT = "#,##0"
MONEY_FORMAT = '"£"#,##0'
BOLD = Font(bold=True)


def dsg_workbook(
    *,
    results: dict[str, Any],
    inputs: dict[str, Any],
    scenario_name: str,
    unit_costs: list[dict[str, Any]],
) -> bytes:
    """Sheets "Placements" and "Costs" (DSG categories, then age bands, then the total, by
    year, medians), "Intervals" (80% and 95% ranges of the totals) and "Assumptions".
    ``unit_costs`` (records as ``selectors.unit_cost_records`` gives them) are listed only for
    a run that did not keep its own."""
    book = Workbook()
    placements = book.active
    assert placements is not None  # a new workbook has one sheet
    placements.title = "Placements"
    _projection(placements, results, "counts", "Children with EHC plans (median)", COUNT_FORMAT)
    _projection(
        book.create_sheet("Costs"), results, "cost", "High-needs cost, £ (median)", MONEY_FORMAT
    )
    _intervals(book.create_sheet("Intervals"), results)
    _assumptions(book.create_sheet("Assumptions"), results, inputs, scenario_name, unit_costs)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _header(sheet: Worksheet, title: str, columns: list[Any]) -> None:
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(columns)
    for c in sheet[2]:
        c.font = BOLD
    sheet.column_dimensions["A"].width = 55
    for i in range(2, len(columns) + 1):
        sheet.column_dimensions[get_column_letter(i)].width = 14


def _projection(
    sheet: Worksheet, results: dict[str, Any], section: str, title: str, number_format: str
) -> None:
    years = results["years"]
    _header(sheet, title, ["Category", *[f"January {y}" for y in years]])
    tables = results.get(section) or {}
    if not tables.get("total"):
        sheet.append(["No unit costs were recorded when this forecast ran, so it has no cost."])
        return
    grid = _by_label(tables.get("dsg_age", []))
    for breakdown, heading in (("dsg_category", "DSG category"), ("age_band", "Age band")):
        rows = tables.get(breakdown, [])
        if not rows:
            continue
        sheet.append([heading])
        sheet.cell(sheet.max_row, 1).font = BOLD
        for label, by_year in _by_label(rows).items():
            _number_row(sheet, label, [by_year.get(y) for y in years], number_format)
            if breakdown != "dsg_category":
                continue
            # The management plan's grid: each category by age band, beneath its total.
            for band, _, _, _ in AGE_BANDS:
                cell = grid.get(f"{label}, {AGE_BAND_LABELS[band]}")
                if cell is not None:
                    name = f"    {AGE_BAND_LABELS[band]}"
                    _number_row(sheet, name, [cell.get(y) for y in years], number_format)
    total = _by_label(tables.get("total", [])).get("All", {})
    _number_row(sheet, "Total", [total.get(y) for y in years], number_format)
    sheet.cell(sheet.max_row, 1).font = BOLD


def _by_label(rows: list[dict[str, Any]], key: str = "median") -> dict[str, dict[int, float]]:
    out: dict[str, dict[int, float]] = {}
    for row in rows:
        out.setdefault(row["label"], {})[row["year"]] = row[key]
    return out


def _number_row(
    sheet: Worksheet, label: str, values: list[float | None], number_format: str
) -> None:
    sheet.append([label, *[None if v is None else round(v, 2) for v in values]])
    for c in sheet[sheet.max_row][1:]:
        c.number_format = number_format


def _intervals(sheet: Worksheet, results: dict[str, Any]) -> None:
    _header(sheet, "Likely ranges of the totals", ["Measure", *results["years"]])
    for section, noun, fmt in (
        ("counts", "Children", COUNT_FORMAT),
        ("cost", "Cost, £", MONEY_FORMAT),
    ):
        rows = results.get(section, {}).get("total", [])
        for key, words in (
            ("low_95", "95% range, low"),
            ("low_80", "80% range, low"),
            ("median", "median"),
            ("high_80", "80% range, high"),
            ("high_95", "95% range, high"),
        ):
            by_year = _by_label(rows, key).get("All", {})
            _number_row(sheet, f"{noun}: {words}", [by_year.get(y) for y in results["years"]], fmt)


def _assumptions(
    sheet: Worksheet,
    results: dict[str, Any],
    inputs: dict[str, Any],
    scenario_name: str,
    unit_costs: list[dict[str, Any]],
) -> None:
    _header(sheet, f"Assumptions: {scenario_name}", ["Assumption", "Value"])
    sheet.column_dimensions["B"].width = 70
    sheet.append(["Model version", results.get("model_version", "")])
    for question, answer in input_lines(inputs):
        plain = answer.replace(",", "")
        sheet.append([question, int(plain) if plain.isdigit() else answer])
    sheet.append([])
    kept = (inputs.get("assumptions") or {}).get("unit_costs")
    heading = "Unit costs used by this run" if kept is not None else "Unit costs (as recorded now)"
    sheet.append([heading, "Annual cost, £", "Uplift, % a year", "Price year"])
    for c in sheet[sheet.max_row]:
        c.font = BOLD
    needs = dict(codes.SEN_TYPES.choices())
    for cost in kept if kept is not None else unit_costs:
        sheet.append(
            [
                f"{needs.get(cost['need'], cost['need'])} in "
                f"{SETTING_CATEGORY_LABELS.get(cost['category'], cost['category'])}",
                float(cost["annual_cost"]),
                float(cost["uplift_percent"]),
                int(cost["price_year"]),
            ]
        )
        sheet.cell(sheet.max_row, 2).number_format = MONEY_FORMAT
        sheet.cell(sheet.max_row, 3).number_format = "0.00"
    sheet.append([])
    sheet.append(["Notes"])
    sheet.cell(sheet.max_row, 1).font = BOLD
    for note in results.get("notes", []):
        sheet.append([note])
