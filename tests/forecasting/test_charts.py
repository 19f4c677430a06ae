"""The fan chart: an SVG named for screen readers, scaling to its column, with the recorded
line and the forecast's bands when (and only when) there is a record."""

from tests.forecasting.results_example import example_results
from thrive.forecasting.charts import fan_chart


def _chart(history: list[tuple[int, float]], money: bool = False) -> str:
    results = example_results()
    section = "cost" if money else "counts"
    return fan_chart(
        name="Children with plans & their range",
        axis="Children",
        history=history,
        forecast=results[section]["total"],
        money=money,
    )


def test_fan_chart_is_a_named_scalable_svg() -> None:
    svg = _chart([(2024, 900.0), (2025, 950.0)])
    assert svg.startswith("<svg ")
    assert 'role="img"' in svg
    assert 'aria-label="Children with plans &amp; their range"' in svg
    assert 'width="100%"' in svg.split(">", 1)[0]
    assert 'height="' not in svg.split(">", 1)[0]


def test_fan_chart_legend_names_every_part() -> None:
    svg = _chart([(2024, 900.0)])
    for part in ("95% likely range", "80% likely range", "Forecast (median)", "Recorded"):
        assert part in svg


def test_fan_chart_without_history_has_no_recorded_line() -> None:
    svg = _chart([])
    assert "Forecast (median)" in svg
    assert "Recorded" not in svg


def test_money_is_shown_in_millions_of_pounds() -> None:
    svg = _chart([], money=True)
    assert "$" not in svg
    assert ">20.0<" in svg  # £20,000,000 in the base January on a £ million axis
