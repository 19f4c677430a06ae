"""Charts of a forecast, drawn on the server as SVG (Altair, rendered by vl-convert, as the
dashboard's charts in ``thrive.insight``) so they work without JavaScript. Each is followed on
the page by a table with every figure, which is its text alternative.

- ``fan_chart``: the recorded history as a line, then the forecast median as a line with its
  80% and 95% intervals as shaded bands (darker is more likely). The legend names each part.
- ``bar_chart``: the dashboard's horizontal bars (one year's medians by setting type)."""

import json
from collections.abc import Sequence
from functools import lru_cache
from html import escape
from typing import Any

import altair as alt
import vl_convert

from thrive.insight.charts import bar_chart

__all__ = ["bar_chart", "fan_chart"]

# GOV.UK blue for the forecast, black for the record; bands are tints of the blue. The lines
# pass 3:1 against white; the bands are not the only way to read the interval (the table).
FORECAST = "#1d70b8"
HISTORY = "#0b0c0c"
BAND_80 = "#8eb8dc"
BAND_95 = "#d2e2f1"


def fan_chart(
    *,
    name: str,
    axis: str,
    history: Sequence[tuple[int, float]],
    forecast: Sequence[dict[str, Any]],
    money: bool = False,
) -> str:
    """An inline SVG: ``history`` as (year, value) pairs, ``forecast`` as result rows (year,
    median, low_80, high_80, low_95, high_95)."""
    keys = ("year", "median", "low_80", "high_80", "low_95", "high_95")
    rows = json.dumps([{k: r[k] for k in keys} for r in forecast])
    return _render(name, axis, tuple(history), rows, money)


@lru_cache(maxsize=128)
def _render(
    name: str, axis: str, history: tuple[tuple[int, float], ...], rows_json: str, money: bool
) -> str:
    # Money in £ million: Vega's currency format is dollars.
    scale = 1e6 if money else 1.0
    rows = [
        {k: (v if k == "year" else v / scale) for k, v in r.items()} for r in json.loads(rows_json)
    ]
    history = tuple((y, v / scale) for y, v in history)
    part = "part:N"
    parts = ["95% likely range", "80% likely range", "Forecast (median)", "Recorded"]
    colours = [BAND_95, BAND_80, FORECAST, HISTORY]
    if not history:
        parts, colours = parts[:3], colours[:3]
    legend_scale = alt.Scale(domain=parts, range=colours)
    number_format = ",.1f" if money else ",d"
    # Every other year is labelled where the labels would overlap (a long history).
    x = alt.X("year:O", title="January", axis=alt.Axis(labelAngle=0, labelOverlap="parity"))
    band_data = alt.Data(  # type: ignore[no-untyped-call]
        values=[
            {"year": r["year"], "low": r[f"low_{w}"], "high": r[f"high_{w}"], "part": p}
            for w, p in ((95, parts[0]), (80, parts[1]))
            for r in rows
        ]
    )
    line_data = alt.Data(  # type: ignore[no-untyped-call]
        values=[{"year": r["year"], "value": r["median"], "part": parts[2]} for r in rows]
        + [{"year": y, "value": v, "part": parts[3]} for y, v in history]
    )
    y_title = alt.Y("low:Q", title=axis, axis=alt.Axis(format=number_format))
    bands = (
        alt.Chart(band_data)
        .mark_area(opacity=1)
        .encode(x=x, y=y_title, y2="high:Q", color=alt.Color(part, scale=legend_scale, title=None))
    )
    lines = (
        alt.Chart(line_data)
        .mark_line(point=True, strokeWidth=3)
        .encode(
            x=x,
            y=alt.Y("value:Q"),
            color=alt.Color(part, scale=legend_scale, title=None),
            strokeDash=alt.StrokeDash(
                part,
                scale=alt.Scale(domain=parts[2:], range=[[1, 0], [6, 4]][: len(parts) - 2]),
                legend=None,
            ),
        )
    )
    chart = (
        alt.layer(bands, lines)
        .properties(width=480, height=260)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=14, titleFontSize=14)
        .configure_legend(labelFontSize=14, orient="bottom", direction="vertical")
    )
    return _accessible(vl_convert.vegalite_to_svg(chart.to_dict()), name)


def _accessible(svg: str, name: str) -> str:
    """Name the chart for screen readers and let it scale to the column's width."""
    svg = svg.replace(
        "<svg ",
        f'<svg role="img" aria-label="{escape(name)}" focusable="false" class="thrive-chart" ',
        1,
    )
    head, rest = svg.split(">", 1)
    for attribute in ("width", "height"):
        marker = f' {attribute}="'
        if (start := head.find(marker)) >= 0:
            end = head.index('"', start + len(marker))
            head = head[:start] + head[end + 1 :]
    return f'{head} width="100%">{rest}'
