"""The back-test on the area's own snapshots: origins, horizons, rows for every variant and
baseline, and on a history whose joiners grow by a known rate the trend beats stationary."""

import numpy as np

from thrive.forecasting.backtest.area import (
    BASELINES,
    MIN_TRANSITIONS,
    VARIANTS,
    AreaBacktest,
    area_backtest,
)
from thrive.forecasting.backtest.evaluate import Row
from thrive.forecasting.model.states import Snapshot, StateSpace

SPACE = StateSpace(
    needs=("ASD", "SLCN"), settings=("mainstream", "special"), ncy_min=-4, ncy_max=20
)
POPULATION = 1000


def synthetic_history(
    years: range, *, growth: float, joiners: float = 40.0, leave: float = 0.08, seed: int = 3
) -> dict[int, Snapshot]:
    """Each year everyone ages one NCY; a share ``leave`` leaves (and everyone past NCY 15);
    ``joiners * (1 + growth) ** t`` join at NCY 0 to 9 with a random need and setting."""
    rng = np.random.default_rng(seed)
    ids: list[int] = []
    ncy: list[int] = []
    need: list[int] = []
    setting: list[int] = []
    next_id = 0
    out: dict[int, Snapshot] = {}
    for t, year in enumerate(years):
        stay = [i for i in range(len(ids)) if rng.random() > leave and ncy[i] < 15]
        ids, need, setting = (
            [ids[i] for i in stay],
            [need[i] for i in stay],
            [setting[i] for i in stay],
        )
        ncy = [ncy[i] + 1 for i in stay]
        for _ in range(round(joiners * (1 + growth) ** t)):
            ids.append(next_id)
            next_id += 1
            ncy.append(int(rng.integers(0, 10)))
            need.append(int(rng.integers(0, 2)))
            setting.append(int(rng.random() < 0.3))
        out[year] = Snapshot(year, np.array(ids), np.array(ncy), np.array(need), np.array(setting))
    return out


def population(years: range) -> dict[int, np.ndarray]:
    return {y: np.full(SPACE.n_ncy, float(POPULATION)) for y in years}


def mape(rows: list[Row], method: str, horizon: int) -> float:
    return next(r.mape for r in rows if r.method == method and r.horizon == horizon)


def test_origins_need_three_transition_years_before_them() -> None:
    years = range(2015, 2023)
    result = area_backtest(synthetic_history(years, growth=0.0), population(years), SPACE)

    assert result.origins == [2018, 2019, 2020, 2021]  # 2018 has 2015-16, 16-17, 17-18 before it
    assert MIN_TRANSITIONS == 3
    methods = {r.method for r in result.rows}
    assert methods == set(VARIANTS) | set(BASELINES)
    # Horizon 3 only from origins with three Januaries after them: 2018 and 2019.
    assert {(r.method, r.horizon): r.n for r in result.rows}[("trend", 3)] == 2
    assert {(r.method, r.horizon): r.n for r in result.rows}[("stationary", 1)] == 4
    assert "each January from 2018 to 2021" in result.note


def test_forecasts_use_only_history_up_to_the_origin() -> None:
    years = range(2015, 2022)
    history = synthetic_history(years, growth=0.0)
    changed = dict(history)
    changed[2021] = synthetic_history(years, growth=0.0, seed=99)[2021]  # a different future
    first = area_backtest(history, population(years), SPACE)
    second = area_backtest(changed, population(years), SPACE)

    def forecasts(result: AreaBacktest) -> list[tuple[str, int, int, float]]:
        return [(o.method, o.origin, o.horizon, o.forecast) for o in result.outcomes]

    assert forecasts(first) == forecasts(second)  # only the actuals differ
    assert [o.actual for o in first.outcomes] != [o.actual for o in second.outcomes]


def test_trend_beats_stationary_when_joiners_grow() -> None:
    years = range(2012, 2024)
    result = area_backtest(synthetic_history(years, growth=0.15), population(years), SPACE)

    for horizon in (1, 2, 3):
        assert mape(result.rows, "trend", horizon) < mape(result.rows, "stationary", horizon)
    stationary_bias = next(
        r.bias for r in result.rows if r.method == "stationary" and r.horizon == 3
    )
    assert stationary_bias < -5  # stationary rates under-predict a growing area


def test_stationary_is_close_on_a_steady_history() -> None:
    years = range(2012, 2024)
    result = area_backtest(synthetic_history(years, growth=0.0), population(years), SPACE)

    assert mape(result.rows, "stationary", 1) < 10
    assert 0 <= result.rows[0].coverage95 <= 100


def test_reproducible_with_the_same_seed() -> None:
    years = range(2015, 2021)
    history, pop = synthetic_history(years, growth=0.1), population(years)
    assert area_backtest(history, pop, SPACE).rows == area_backtest(history, pop, SPACE).rows


def test_too_little_history_gives_no_rows_and_says_why() -> None:
    years = range(2020, 2024)
    result = area_backtest(synthetic_history(years, growth=0.1), population(years), SPACE)

    assert result.rows == []
    assert result.origins == []
    assert "Not enough history" in result.note


def test_a_gap_in_the_years_uses_the_run_after_it() -> None:
    years = range(2010, 2022)
    history = synthetic_history(years, growth=0.0)
    del history[2013]
    result = area_backtest(history, population(years), SPACE)
    assert result.origins[0] == 2017


def test_progress_after_each_origin() -> None:
    calls: list[tuple[int, int]] = []
    years = range(2015, 2021)
    area_backtest(
        synthetic_history(years, growth=0.0),
        population(years),
        SPACE,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(1, 2), (2, 2)]
