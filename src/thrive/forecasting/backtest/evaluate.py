"""Rolling-origin back-test: for every area and every origin year with enough history, fit on
the years up to the origin, forecast the next one to three years and compare with what was
published. Errors are percentages of the actual value: MAPE is the mean absolute percentage
error, bias the mean signed percentage error (negative = forecasts too low), and coverage the
share of actual values inside the 80% and 95% intervals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from thrive.forecasting.backtest.methods import METHODS, Method
from thrive.forecasting.backtest.published import Series

MIN_HISTORY = 4
HORIZONS = 3


@dataclass(frozen=True)
class Outcome:
    """One forecast of one area's count ``horizon`` years after ``origin``, and the actual."""

    code: str
    method: str
    origin: int
    horizon: int
    actual: float
    forecast: float
    lo80: float
    hi80: float
    lo95: float
    hi95: float


@dataclass(frozen=True)
class Row:
    method: str
    horizon: int
    n: int
    mape: float
    bias: float
    coverage80: float
    coverage95: float


def rolling_origin(
    series: Iterable[Series],
    methods: Mapping[str, Method] = METHODS,
    min_history: int = MIN_HISTORY,
    horizons: int = HORIZONS,
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for s in series:
        for end in range(min_history, s.years.size):  # history is s.counts[:end]
            history = s.counts[:end]
            ahead = min(horizons, s.years.size - end)
            for name, method in methods.items():
                f = method(history, ahead)
                for i in range(ahead):
                    outcomes.append(
                        Outcome(
                            code=s.code,
                            method=name,
                            origin=int(s.years[end - 1]),
                            horizon=i + 1,
                            actual=float(s.counts[end + i]),
                            forecast=float(f.mean[i]),
                            lo80=float(f.lo80[i]),
                            hi80=float(f.hi80[i]),
                            lo95=float(f.lo95[i]),
                            hi95=float(f.hi95[i]),
                        )
                    )
    return outcomes


def summarise(outcomes: Iterable[Outcome]) -> list[Row]:
    """One row per method and horizon, methods in first-seen order."""
    groups: dict[tuple[str, int], list[Outcome]] = {}
    for o in outcomes:
        groups.setdefault((o.method, o.horizon), []).append(o)
    rows = []
    for (method, horizon), group in groups.items():
        actual = np.array([o.actual for o in group])
        forecast = np.array([o.forecast for o in group])
        pct = 100.0 * (forecast - actual) / actual
        in80 = [o.lo80 <= o.actual <= o.hi80 for o in group]
        in95 = [o.lo95 <= o.actual <= o.hi95 for o in group]
        rows.append(
            Row(
                method=method,
                horizon=horizon,
                n=len(group),
                mape=float(np.mean(np.abs(pct))),
                bias=float(np.mean(pct)),
                coverage80=100.0 * float(np.mean(in80)),
                coverage95=100.0 * float(np.mean(in95)),
            )
        )
    order = {m: i for i, m in enumerate(dict.fromkeys(method for method, _ in groups))}
    return sorted(rows, key=lambda r: (r.horizon, order[r.method]))


def best_by_horizon(rows: Iterable[Row]) -> dict[int, str]:
    """The method with the lowest MAPE at each horizon."""
    best: dict[int, Row] = {}
    for r in rows:
        if r.horizon not in best or r.mape < best[r.horizon].mape:
            best[r.horizon] = r
    return {h: r.method for h, r in sorted(best.items())}


def format_table(rows: Iterable[Row]) -> str:
    header = ("method", "h", "n", "MAPE %", "bias %", "cov80 %", "cov95 %")
    lines = ["{:<12} {:>2} {:>5} {:>7} {:>7} {:>8} {:>8}".format(*header)]
    for r in rows:
        lines.append(
            f"{r.method:<12} {r.horizon:>2} {r.n:>5} {r.mape:>7.2f} {r.bias:>7.2f}"
            f" {r.coverage80:>8.1f} {r.coverage95:>8.1f}"
        )
    return "\n".join(lines)
