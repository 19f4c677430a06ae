"""The stacked bar chart of audits by month and rating."""

import re

from thrive.insight.quality_charts import stacked_bar_chart, whole_ticks

STACKS = ("Outstanding", "Good", "Requires improvement", "Inadequate")


def test_counts_have_whole_number_ticks_at_most_ten_steps_apart() -> None:
    assert whole_ticks(0) == [0, 1]
    assert whole_ticks(3) == [0, 1, 2, 3]
    assert whole_ticks(11) == [0, 2, 4, 6, 8, 10, 12]
    assert whole_ticks(23) == [0, 5, 10, 15, 20, 25]
    assert whole_ticks(1234)[-1] == 1400


def test_chart_is_named_scaled_and_has_a_legend_in_words() -> None:
    svg = stacked_bar_chart(
        name="Audits by month",
        axis="Audits",
        bars=(
            ("Jan 2025", "Good", 3.0),
            ("Jan 2025", "Inadequate", 1.0),
            ("Feb 2025", "Good", 0.0),
        ),
        stacks=STACKS,
    )
    assert svg.startswith('<svg role="img" aria-label="Audits by month" focusable="false"')
    assert 'width="100%"' in svg
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert {"Jan 2025", "Feb 2025", *STACKS} <= set(texts)  # an empty month keeps its place
    assert {"0", "1", "2", "3", "4"} <= set(texts)
    assert "0.5" not in texts
