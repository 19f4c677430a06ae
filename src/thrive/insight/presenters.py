"""Display-ready dashboard rows: figures as text (suppressed where they must be), the sentence
saying how far apart the groups are, a chart per measure and the CSV rows."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from thrive.law.clock import render_date

from . import charts
from .breakdowns import NOT_RECORDED, Breakdown
from .measures import Column, Kind, Measure
from .models import Refresh
from .population import rate_per_10_000
from .suppression import SUPPRESSED, Figure, count_figure, share_figure, threshold, weeks_figure

_AXIS = {Kind.COUNT: "Number", Kind.SHARE: "Percentage", Kind.WEEKS: "Weeks"}


def figure(column: Column, numbers: dict[str, Any], *, suppress: bool) -> Figure:
    if column.kind is Kind.SHARE:
        return share_figure(
            numbers.get(column.key, 0), numbers.get(column.denominator, 0), suppress=suppress
        )
    if column.kind is Kind.WEEKS:
        return weeks_figure(numbers.get(column.key), numbers.get(column.size, 0), suppress=suppress)
    return count_figure(numbers.get(column.key, 0), suppress=suppress)


@dataclass
class Row:
    group: str
    figures: list[Figure]


@dataclass
class MeasureView:
    measure: Measure
    headline: Figure
    rate: str = ""  # "12.3 per 10,000 children and young people aged 0 to 25", or why not
    rows: list[Row] = field(default_factory=list)
    spread: str = ""
    chart: str = ""
    hidden_groups: int = 0


def _rate_text(measure: Measure, numbers: dict[str, Any], population: int | None) -> str:
    if not measure.rate:
        return ""
    if population is None:
        return "Population not loaded, so no rate per 10,000."
    rate = rate_per_10_000(numbers.get(measure.rate, 0), population)
    return f"{rate:.1f} per 10,000 children and young people aged 0 to 25."


def headline(
    measure: Measure, numbers: dict[str, Any], *, suppress: bool, population: int | None
) -> MeasureView:
    return MeasureView(
        measure=measure,
        headline=figure(measure.headline, numbers, suppress=suppress),
        rate=_rate_text(measure, numbers, population),
    )


def _sorted_groups(breakdown: Breakdown, groups: dict[str, Any]) -> list[str]:
    return sorted(groups, key=lambda g: (g == NOT_RECORDED, breakdown.group_label(g)))


def spread_sentence(measure: Measure, breakdown: Breakdown, rows: list[Row]) -> str:
    """ "Plans within 20 weeks ranged from 22% in BN3 to 61% in BN17." Hidden figures and
    children with no recorded value are left out, so the sentence reveals nothing hidden."""
    position = measure.columns.index(measure.headline)
    shown = [
        (row.figures[position], row.group)
        for row in rows
        if row.figures[position].value is not None and row.group != "Not recorded"
    ]
    name = measure.headline.label if measure.headline.kind is not Kind.COUNT else measure.name
    if len(shown) < 2:
        return f"Too few groups have enough children to compare {name.lower()}."
    low = min(shown, key=lambda pair: pair[0].value or 0.0)
    high = max(shown, key=lambda pair: pair[0].value or 0.0)
    word = "in" if breakdown.key == "locality" else "for"
    if low[0].value == high[0].value:
        return f"{measure.name}: {low[0].text} in every group shown."
    return (
        f"{measure.name} ({name.lower()}) ranged from {low[0].text} {word} {low[1]} "
        f"to {high[0].text} {word} {high[1]}."
    )


def breakdown_view(
    view: MeasureView,
    breakdown: Breakdown,
    numbers: dict[str, dict[str, Any]],
    *,
    suppress: bool,
) -> MeasureView:
    measure = view.measure
    for grp in _sorted_groups(breakdown, numbers):
        figures = [figure(c, numbers[grp], suppress=suppress) for c in measure.columns]
        view.rows.append(Row(breakdown.group_label(grp), figures))
    view.spread = spread_sentence(measure, breakdown, view.rows)
    position = measure.columns.index(measure.headline)
    bars = tuple(
        (row.group, row.figures[position].value or 0.0)
        for row in view.rows
        if row.figures[position].value is not None
    )
    view.hidden_groups = sum(row.figures[position].suppressed for row in view.rows)
    if bars:
        view.chart = charts.bar_chart(
            name=f"Bar chart of {measure.headline.label.lower()} by {breakdown.name.lower()}. "
            "The table after the chart gives the same figures.",
            axis=_AXIS[measure.headline.kind],
            bars=bars,
        )
    return view


def csv_rows(
    measure: Measure, breakdown: Breakdown | None, numbers: dict[str, dict[str, Any]]
) -> list[list[str]]:
    """The table as CSV rows, always suppressed: a download can be passed on to anyone."""
    first = breakdown.name if breakdown else "Area"
    rows = [[first, *(c.label for c in measure.columns)]]
    groups = _sorted_groups(breakdown, numbers) if breakdown else list(numbers)
    for grp in groups:
        label = breakdown.group_label(grp) if breakdown else "Whole area"
        figures = [figure(c, numbers[grp], suppress=True) for c in measure.columns]
        rows.append([label, *(_csv_value(f) for f in figures)])
    return rows


def _csv_value(figure: Figure) -> str:
    if figure.suppressed:
        return SUPPRESSED
    return "" if figure.value is None else figure.text.replace(",", "")


def suppression_note() -> str:
    n = threshold()
    return (
        f"[c] means the figure is hidden because it comes from fewer than {n} children. "
        "Small numbers could identify a child. Percentages are also hidden when they would "
        "let someone work out a hidden number."
    )


def _time(moment: dt.datetime) -> str:
    """GOV.UK style: "9:05am on 23 November 2026", in the council's time zone."""
    local = timezone.localtime(moment)
    hour, noon = local.hour % 12 or 12, "am" if local.hour < 12 else "pm"
    return f"{hour}:{local.minute:02d}{noon} on {render_date(local.date())}"


def as_of(refresh: Refresh | None) -> str:
    """When the figures were counted, and whether they are being counted again, for the top
    of the page."""
    if refresh is None or refresh.refreshed_at is None:
        return (
            "The figures have not been counted yet. They are being counted now: "
            "reload this page in a few minutes."
        )
    text = f"Figures as of {_time(refresh.refreshed_at)}."
    if refresh.requested_at is not None and refresh.requested_at > refresh.refreshed_at:
        text += " They are being counted again now."
    return text
