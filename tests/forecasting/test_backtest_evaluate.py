"""The rolling-origin evaluator's arithmetic on hand-made tables."""

import numpy as np
import pytest

from thrive.forecasting.backtest.evaluate import (
    Outcome,
    best_by_horizon,
    format_table,
    rolling_origin,
    summarise,
)
from thrive.forecasting.backtest.methods import Forecast
from thrive.forecasting.backtest.published import Series


def outcome(
    method: str,
    horizon: int,
    actual: float,
    forecast: float,
    lo80: float,
    hi80: float,
    lo95: float,
    hi95: float,
) -> Outcome:
    return Outcome("E1", method, 2022, horizon, actual, forecast, lo80, hi80, lo95, hi95)


def test_mape_bias_and_coverage_by_hand() -> None:
    rows = summarise(
        [
            # +10%: inside 80 and 95
            outcome("a", 1, 100.0, 110.0, 90.0, 120.0, 80.0, 130.0),
            # -20%: outside 80, inside 95
            outcome("a", 1, 200.0, 160.0, 150.0, 190.0, 140.0, 210.0),
            # +5%: outside both
            outcome("a", 2, 100.0, 105.0, 101.0, 110.0, 101.0, 120.0),
            outcome("b", 1, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0),
        ]
    )
    by = {(r.method, r.horizon): r for r in rows}
    a1 = by[("a", 1)]
    assert a1.n == 2
    assert a1.mape == pytest.approx(15.0)
    assert a1.bias == pytest.approx(-5.0)
    assert a1.coverage80 == pytest.approx(50.0)
    assert a1.coverage95 == pytest.approx(100.0)
    a2 = by[("a", 2)]
    assert (a2.n, a2.mape, a2.bias, a2.coverage80, a2.coverage95) == (1, 5.0, 5.0, 0.0, 0.0)
    b1 = by[("b", 1)]
    assert (b1.mape, b1.coverage80) == (0.0, 100.0)  # bounds are inclusive
    assert [(r.method, r.horizon) for r in rows] == [("a", 1), ("b", 1), ("a", 2)]
    assert best_by_horizon(rows) == {1: "b", 2: "a"}
    assert "15.00" in format_table(rows)


def test_rolling_origin_uses_only_the_history_and_every_origin() -> None:
    seen: list[tuple[int, ...]] = []

    def last_plus_one(y: np.ndarray, horizons: int) -> Forecast:
        seen.append(tuple(int(v) for v in y))
        mean = np.full(horizons, y[-1] + 1.0)
        return Forecast(mean, mean - 1, mean + 1, mean - 2, mean + 2)

    s = Series("E1", "Somewhere", np.arange(2019, 2026), np.arange(1.0, 8.0))
    outcomes = rolling_origin([s], {"m": last_plus_one}, min_history=4, horizons=3)
    # Origins 2022, 2023, 2024 with histories of 4, 5 and 6 years.
    assert seen == [(1, 2, 3, 4), (1, 2, 3, 4, 5), (1, 2, 3, 4, 5, 6)]
    assert [(o.origin, o.horizon) for o in outcomes] == [
        (2022, 1),
        (2022, 2),
        (2022, 3),
        (2023, 1),
        (2023, 2),
        (2024, 1),
    ]
    first = outcomes[0]
    assert (first.actual, first.forecast) == (5.0, 5.0)
    third = outcomes[2]
    assert (third.actual, third.forecast) == (7.0, 5.0)


def test_a_series_too_short_gives_no_outcomes() -> None:
    s = Series("E1", "New", np.arange(2022, 2026), np.array([1.0, 2.0, 3.0, 4.0]))
    assert rolling_origin([s], min_history=4) == []


def test_the_backtest_package_does_not_import_django() -> None:
    import subprocess
    import sys

    code = (
        "import sys, thrive.forecasting.backtest.evaluate, thrive.forecasting.backtest.published;"
        "print('django' in sys.modules)"
    )
    out = subprocess.run(  # noqa: S603 - a fixed command
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
