"""Charts of the improvement app, drawn on the server as SVG so they work without JavaScript
and in PDFs; each is followed on the page by a table that is its text alternative.

- `heat_map_svg`: the risk register's 5 x 5 grid of likelihood by impact, each cell with its
  count of risks and its rating in words (status never by colour alone).
- `stacked_bar_chart`: feedback each month, stacked by source (Altair and vl-convert, as the
  dashboard's charts in `thrive.insight`)."""

from functools import lru_cache
from html import escape

import altair as alt
import vl_convert

from thrive.insight.quality_charts import whole_ticks

from .selectors_risks import SCORES, HeatMap, Rating, rating, score

#: Fill and text colour of each rating band (GOV.UK palette; the text passes 4.5:1 on its fill).
BAND_COLOURS: dict[Rating, tuple[str, str]] = {
    Rating.LOW: ("#00703c", "#ffffff"),
    Rating.MEDIUM: ("#ffdd00", "#0b0c0c"),
    Rating.HIGH: ("#f47738", "#0b0c0c"),
    Rating.VERY_HIGH: ("#d4351c", "#ffffff"),
}

_CELL_W, _CELL_H, _LEFT, _TOP, _BOTTOM = 96, 64, 110, 10, 60


def heat_map_svg(heat_map: HeatMap, *, name: str) -> str:
    """The grid: likelihood from 5 (top) to 1 up the side, impact from 1 to 5 along the foot."""
    width = _LEFT + 5 * _CELL_W + 10
    height = _TOP + 5 * _CELL_H + _BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(name)}" '
        f'focusable="false" class="thrive-chart" viewBox="0 0 {width} {height}" width="100%">',
        '<g font-family="Arial, sans-serif">',
    ]
    for likelihood in SCORES:
        y = _TOP + (5 - likelihood) * _CELL_H
        for impact in SCORES:
            x = _LEFT + (impact - 1) * _CELL_W
            band = rating(score(likelihood, impact))
            fill, ink = BAND_COLOURS[band]
            count = heat_map.counts.get((likelihood, impact), 0)
            parts.append(
                f'<rect x="{x}" y="{y}" width="{_CELL_W}" height="{_CELL_H}" fill="{fill}" '
                'stroke="#ffffff" stroke-width="2"/>'
                f'<text x="{x + _CELL_W / 2}" y="{y + 30}" text-anchor="middle" font-size="22" '
                f'font-weight="bold" fill="{ink}">{count}</text>'
                f'<text x="{x + _CELL_W / 2}" y="{y + 52}" text-anchor="middle" font-size="13" '
                f'fill="{ink}">{band.value}</text>'
            )
        parts.append(
            f'<text x="{_LEFT - 10}" y="{y + _CELL_H / 2 + 5}" text-anchor="end" '
            f'font-size="14" fill="#0b0c0c">{likelihood}</text>'
        )
    foot = _TOP + 5 * _CELL_H
    for impact in SCORES:
        centre = _LEFT + (impact - 0.5) * _CELL_W
        parts.append(
            f'<text x="{centre}" y="{foot + 20}" text-anchor="middle" font-size="14" '
            f'fill="#0b0c0c">{impact}</text>'
        )
    parts.append(
        f'<text x="{_LEFT + 2.5 * _CELL_W}" y="{foot + 48}" text-anchor="middle" '
        'font-size="14" font-weight="bold" fill="#0b0c0c">Impact</text>'
        f'<text x="20" y="{_TOP + 2.5 * _CELL_H}" text-anchor="middle" font-size="14" '
        f'font-weight="bold" fill="#0b0c0c" transform="rotate(-90 20 {_TOP + 2.5 * _CELL_H})">'
        "Likelihood</text></g></svg>"
    )
    return "".join(parts)


#: Colours of the feedback sources, each at least 3:1 against white (WCAG 1.4.11); the legend
#: names each, and the table after the chart gives every figure.
SOURCE_COLOURS = ("#1d70b8", "#00703c", "#d4351c", "#912b88", "#505a5f")


def stacked_bar_chart(
    *, name: str, axis: str, bars: tuple[tuple[str, str, int], ...], stacks: tuple[str, ...]
) -> str:
    """An inline SVG chart with an accessible name: one bar per label (in the order given),
    stacked in the order of `stacks`; `bars` are (label, stack, count) triples."""
    return _render(name, axis, bars, stacks)


@lru_cache(maxsize=128)
def _render(
    name: str, axis: str, bars: tuple[tuple[str, str, int], ...], stacks: tuple[str, ...]
) -> str:
    order = {stack: i for i, stack in enumerate(stacks)}
    values = [{"group": g, "stack": s, "value": v, "order": order[s]} for g, s, v in bars]
    labels = list(dict.fromkeys(g for g, _, _ in bars))
    totals = {label: sum(v for g, _, v in bars if g == label) for label in labels}
    ticks = whole_ticks(max(totals.values(), default=0))
    colours = [SOURCE_COLOURS[i % len(SOURCE_COLOURS)] for i in range(len(stacks))]
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
            color=alt.Color(
                "stack:N",
                title=None,
                sort=list(stacks),
                scale=alt.Scale(domain=list(stacks), range=colours),
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=320),
            ),
            order=alt.Order("order:Q"),
        )
        .properties(width=320)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=14, titleFontSize=14, labelLimit=180)
        .configure_legend(labelFontSize=14)
    )
    svg: str = vl_convert.vegalite_to_svg(chart.to_dict())
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
