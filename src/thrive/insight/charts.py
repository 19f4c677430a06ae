"""Bar charts drawn on the server as SVG (Altair, rendered by vl-convert), so they work without
JavaScript. Each chart is followed on the page by its table, which is its text alternative."""

from functools import lru_cache
from html import escape

import altair as alt
import vl_convert

# GOV.UK Design System blue, which passes contrast against white for graphical objects.
BAR_COLOUR = "#1d70b8"


def bar_chart(*, name: str, axis: str, bars: tuple[tuple[str, float], ...]) -> str:
    """An inline SVG bar chart with an accessible name. `bars` are (label, value) pairs."""
    return _render(name, axis, bars)


@lru_cache(maxsize=512)
def _render(name: str, axis: str, bars: tuple[tuple[str, float], ...]) -> str:
    data = alt.Data(values=[{"group": g, "value": v} for g, v in bars])  # type: ignore[no-untyped-call]
    chart = (
        alt.Chart(data)
        .mark_bar(color=BAR_COLOUR)
        .encode(
            x=alt.X("value:Q", title=axis),
            y=alt.Y("group:N", title=None, sort=None),
        )
        .properties(width=320)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=14, titleFontSize=14, labelLimit=180)
    )
    svg: str = vl_convert.vegalite_to_svg(chart.to_dict())
    # Scale to the column's width (the viewBox keeps the shape) and name it for screen readers;
    # everything inside is decoration, the table after it carries the figures.
    svg = svg.replace(
        "<svg ",
        f'<svg role="img" aria-label="{escape(name)}" focusable="false" class="thrive-chart" ',
        1,
    )
    head, rest = svg.split(">", 1)
    head = _drop_attribute(_drop_attribute(head, "width"), "height")
    return f'{head} width="100%">{rest}'


def _drop_attribute(tag: str, attribute: str) -> str:
    marker = f' {attribute}="'
    start = tag.find(marker)
    if start < 0:
        return tag
    end = tag.index('"', start + len(marker))
    return tag[:start] + tag[end + 1 :]
