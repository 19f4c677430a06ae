"""Trend line charts drawn on the server as SVG (Altair, rendered by vl-convert), so they work
without JavaScript. Lines differ by dash and point shape as well as colour, and the table after
each chart is its text alternative."""

from functools import lru_cache
from html import escape

import altair as alt
import vl_convert

# GOV.UK Design System colours with at least 3:1 contrast against white.
SERIES_STYLE = (
    ("#1d70b8", [1, 0], "circle"),  # blue, solid
    ("#d4351c", [8, 4], "square"),  # red, dashed
    ("#00703c", [2, 2], "triangle-up"),  # green, dotted
    ("#0b0c0c", [12, 3, 3, 3], "diamond"),  # black, dash-dot
)

Points = tuple[tuple[str, str, float], ...]  # (period label, series, value)


def line_chart(*, name: str, axis: str, series: tuple[str, ...], points: Points) -> str:
    """An inline SVG line chart named `name` for screen readers; `series` gives the legend
    order (at most four)."""
    return _render(name, axis, series, points)


@lru_cache(maxsize=256)
def _render(name: str, axis: str, series: tuple[str, ...], points: Points) -> str:
    values = [{"period": p, "series": s, "value": v} for p, s, v in points]
    data = alt.Data(values=values)  # type: ignore[no-untyped-call]
    styles = SERIES_STYLE[: len(series)]
    legend = alt.Legend(title=None, orient="bottom", direction="vertical", labelLimit=300)
    chart = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=60, filled=True))
        .encode(
            x=alt.X("period:O", title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("value:Q", title=axis),
            color=alt.Color(
                "series:N",
                scale=alt.Scale(domain=list(series), range=[s[0] for s in styles]),
                legend=legend,
            ),
            strokeDash=alt.StrokeDash(
                "series:N",
                scale=alt.Scale(domain=list(series), range=[s[1] for s in styles]),
                legend=legend,
            ),
            shape=alt.Shape(
                "series:N",
                scale=alt.Scale(domain=list(series), range=[s[2] for s in styles]),
                legend=legend,
            ),
        )
        .properties(width=480, height=240)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=14, titleFontSize=14)
        .configure_legend(labelFontSize=14, symbolStrokeWidth=2, symbolSize=120)
    )
    svg: str = vl_convert.vegalite_to_svg(chart.to_dict())
    return _accessible(svg, name)


def _accessible(svg: str, name: str) -> str:
    """Name the chart (role img, aria-label and a <title>) and let it scale to its column."""
    head, rest = svg.split(">", 1)
    for attribute in ("width", "height", "class"):
        head = _drop_attribute(head, attribute)
    label = escape(name)
    head = head.replace("<svg ", f'<svg role="img" aria-label="{label}" focusable="false" ', 1)
    return f'{head} class="thrive-chart" width="100%"><title>{label}</title>{rest}'


def _drop_attribute(tag: str, attribute: str) -> str:
    marker = f' {attribute}="'
    start = tag.find(marker)
    if start < 0:
        return tag
    end = tag.index('"', start + len(marker))
    return tag[:start] + tag[end + 1 :]
