"""The plan quality page's stacked bar chart (audits each month, by rating), drawn on the server
as SVG like the dashboard's bar charts (`charts.py`), and followed on the page by its table."""

import math
from functools import lru_cache
from html import escape

import altair as alt
import vl_convert

#: Colours from the GOV.UK palette, each at least 3:1 against white (WCAG 1.4.11). The legend
#: names each, and the table after the chart gives every figure in words.
RATING_COLOURS = {
    "Outstanding": "#00703c",  # green
    "Good": "#1d70b8",  # blue
    "Requires improvement": "#912b88",  # purple
    "Inadequate": "#d4351c",  # red
}


def stacked_bar_chart(
    *, name: str, axis: str, bars: tuple[tuple[str, str, float], ...], stacks: tuple[str, ...]
) -> str:
    """An inline SVG chart with an accessible name: one bar per label, stacked in the order of
    `stacks`. `bars` are (label, stack, value) triples, in the order the labels are shown;
    the values are counts, so the axis has whole numbers."""
    return _render(name, axis, bars, stacks)


@lru_cache(maxsize=128)
def _render(
    name: str, axis: str, bars: tuple[tuple[str, str, float], ...], stacks: tuple[str, ...]
) -> str:
    order = {stack: i for i, stack in enumerate(stacks)}
    values = [{"group": g, "stack": s, "value": v, "order": order[s]} for g, s, v in bars]
    labels = list(dict.fromkeys(g for g, _, _ in bars))
    totals = {label: sum(v for g, _, v in bars if g == label) for label in labels}
    ticks = whole_ticks(max(totals.values(), default=0))
    colour = alt.Color(
        "stack:N",
        title=None,
        sort=list(stacks),
        scale=alt.Scale(domain=list(stacks), range=[RATING_COLOURS[s] for s in stacks]),
        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=320),
    )
    chart = (
        alt.Chart(alt.Data(values=values))  # type: ignore[no-untyped-call]
        .mark_bar()
        .encode(
            x=alt.X(
                "value:Q",
                title=axis,
                stack="zero",
                scale=alt.Scale(domain=[0, ticks[-1]], nice=False),
                axis=alt.Axis(format="d", values=ticks),
            ),
            y=alt.Y("group:N", title=None, sort=labels),
            color=colour,
            order=alt.Order("order:Q"),
        )
        .properties(width=320)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=14, titleFontSize=14, labelLimit=180)
        .configure_legend(labelFontSize=14)
    )
    svg: str = vl_convert.vegalite_to_svg(chart.to_dict())
    return _accessible(svg, name)


#: Steps between ticks: 1, 2 or 5 times a power of ten.
_STEPS = [m * 10**e for e in range(9) for m in (1, 2, 5)]


def whole_ticks(maximum: float) -> list[int]:
    """Ticks for counts: whole numbers a step apart, at most ten steps, from 0 to at least
    `maximum` (Vega's own would put a tick at half an audit)."""
    step = next(s for s in _STEPS if math.ceil(maximum / s) <= 10)
    return list(range(0, max(1, math.ceil(maximum / step)) * step + 1, step))


def _accessible(svg: str, name: str) -> str:
    """Name the chart for screen readers (everything inside is decoration: the table after it
    carries the figures) and scale it to the column's width, as `charts.bar_chart` does."""
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
