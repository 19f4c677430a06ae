"""Display-ready rows for the benchmarks page and its CSV downloads."""

from dataclasses import dataclass

from . import charts
from .measures import Measure, period_label
from .selectors import Average, Comparison, Figure, TrendPoint

NOT_PUBLISHED = "Not published"
NOT_AVAILABLE = "Not available"
RATE_HEADER = "Per 10,000 aged 0 to 25"
CSV_NOT_AVAILABLE = "not available"  # in a spreadsheet, as DfE writes x, rather than a blank


@dataclass(frozen=True)
class Names:
    """What the page calls each line: the council, its region, the comparison group."""

    council: str
    region: str
    group: str


def value_text(measure: Measure, value: float | None) -> str:
    if value is None:
        return NOT_PUBLISHED
    if measure.is_percent:
        return f"{value:.1f}%"
    return f"{value:,.0f}"


def counts_text(figure: Figure | None) -> str:
    if figure is None or figure.numerator is None or figure.denominator is None:
        return ""
    return f"{figure.numerator:,} of {figure.denominator:,}"


def average_text(measure: Measure, average: Average) -> str:
    text = value_text(measure, average.value)
    if average.value is not None and average.counted < average.of:
        text += f" ({average.counted} of {average.of} published)"
    return text


def rate_text(rate: float | None) -> str:
    """A count per 10,000 aged 0 to 25, or "Not available" when the count or the area's
    population for that year is not loaded."""
    return NOT_AVAILABLE if rate is None else f"{rate:,.1f}"


def rate_average_text(average: Average | None) -> str:
    if average is None or average.value is None:
        return NOT_AVAILABLE
    text = rate_text(average.value)
    if average.counted < average.of:
        text += f" ({average.counted} of {average.of} available)"
    return text


def rate_note(comparison: Comparison) -> str:
    """What the rates are worked out from, for the paragraph beside a count's table."""
    year = comparison.population_year
    if year is None:
        return ""
    return (
        f"{RATE_HEADER}: the number for every 10,000 children and young people aged 0 to 25 "
        f"living in the area, using the Office for National Statistics estimate of the "
        f"population in the middle of {year}. {NOT_AVAILABLE} means the population estimate "
        f"for that area and year has not been loaded, or the number was not published."
    )


def comparison_rows(comparison: Comparison, names: Names) -> list[dict[str, str]]:
    """The latest-year table: council, region, comparison group average, England."""
    m = comparison.measure
    return [
        _row(names.council, m, comparison.council),
        _row(names.region, m, comparison.region),
        {
            "area": f"{names.group} (average)",
            "value": average_text(m, comparison.neighbour_average),
            "counts": "",
            "rate": rate_average_text(comparison.rate_average),
        },
        _row("England", m, comparison.england),
    ]


def neighbour_rows(comparison: Comparison) -> list[dict[str, str]]:
    return [_row(f.area_name, comparison.measure, f) for f in comparison.neighbours]


def _row(area: str, measure: Measure, figure: Figure | None) -> dict[str, str]:
    return {
        "area": area,
        "value": value_text(measure, figure.value if figure else None),
        "counts": counts_text(figure),
        "rate": rate_text(figure.rate if figure else None),
    }


def trend_rows(measure: Measure, points: list[TrendPoint]) -> list[dict[str, object]]:
    return [
        {
            "period": period_label(p.period),
            "values": [
                value_text(measure, p.council),
                value_text(measure, p.region),
                average_text(measure, p.neighbour_average),
                value_text(measure, p.england),
            ],
        }
        for p in points
    ]


def trend_chart(measure: Measure, points: list[TrendPoint], names: Names) -> str:
    series = (names.council, names.region, f"{names.group} (average)", "England")
    plotted = tuple(
        (period_label(p.period), name, round(value, 1))
        for p in points
        for name, value in zip(
            series, (p.council, p.region, p.neighbour_average.value, p.england), strict=True
        )
        if value is not None
    )
    if not plotted:
        return ""
    axis = "Per cent" if measure.is_percent else measure.count_label or "Number"
    title = f"{measure.name}: {names.council} against {names.region}, {names.group} and England"
    return charts.line_chart(name=title, axis=axis, series=series, points=plotted)


def trend_headers(names: Names) -> list[str]:
    return ["Year", names.council, names.region, f"{names.group} (average)", "England"]


def _raw(value: float | None) -> str:
    """A number for a spreadsheet: no % sign or thousands separator; blank when missing."""
    return "" if value is None else f"{value:.1f}".removesuffix(".0")


def comparison_csv(comparison: Comparison, names: Names) -> list[list[str]]:
    """The latest-year table for a spreadsheet. A count has its rate per 10,000 aged 0 to 25
    and the population it was worked out from, or "not available" in their place."""
    m = comparison.measure
    labelled = [
        (names.council, comparison.council),
        (names.region, comparison.region),
        ("England", comparison.england),
    ] + [(f.area_name, f) for f in comparison.neighbours]
    average = f"{names.group} (average)"
    if m.is_percent:
        rows = [["Area", f"{m.name} (%)", m.numerator_label, m.denominator_label]]
        rows += [_csv_row(area, figure) for area, figure in labelled]
        rows.insert(3, [average, _raw(comparison.neighbour_average.value), "", ""])
        return rows
    year = comparison.population_year
    rows = [
        [
            "Area",
            m.name,
            f"{RATE_HEADER} (mid-{year} population)",
            f"Population aged 0 to 25 (mid-{year})",
        ]
    ]
    rows += [_csv_rate_row(area, figure) for area, figure in labelled]
    rate = comparison.rate_average.value if comparison.rate_average else None
    rows.insert(
        3, [average, _raw(comparison.neighbour_average.value), _raw_or_not_available(rate), ""]
    )
    return rows


def _csv_row(area: str, figure: Figure | None) -> list[str]:
    if figure is None:
        return [area, "", "", ""]
    counts = [figure.numerator, figure.denominator]
    return [area, _raw(figure.value), *("" if c is None else str(c) for c in counts)]


def _csv_rate_row(area: str, figure: Figure | None) -> list[str]:
    if figure is None:
        return [area, "", CSV_NOT_AVAILABLE, CSV_NOT_AVAILABLE]
    population = CSV_NOT_AVAILABLE if figure.population is None else str(figure.population)
    return [area, _raw(figure.value), _raw_or_not_available(figure.rate), population]


def _raw_or_not_available(value: float | None) -> str:
    return CSV_NOT_AVAILABLE if value is None else _raw(value)


def trend_csv(measure: Measure, points: list[TrendPoint], names: Names) -> list[list[str]]:
    rows = [trend_headers(names)]
    for p in points:
        values = (p.council, p.region, p.neighbour_average.value, p.england)
        rows.append([period_label(p.period), *(_raw(v) for v in values)])
    return rows
