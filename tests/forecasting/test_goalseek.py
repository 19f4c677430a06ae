"""Goal-seek by bisection on known functions and on a small simulation."""

import numpy as np
import pytest

from thrive.forecasting.model.estimate import Parameters, estimate
from thrive.forecasting.model.goalseek import goal_seek
from thrive.forecasting.model.simulate import simulate
from thrive.forecasting.model.states import Snapshot, StateSpace, transitions


def small_area() -> tuple[Parameters, np.ndarray, StateSpace]:
    """Two years of a small area: 300 children, a tenth leaving, 40 joining a year."""
    sp = StateSpace(("A",), ("X", "Y"), ncy_min=0, ncy_max=14)
    rng = np.random.default_rng(2)
    ncy = rng.integers(0, 14, size=300)
    snaps = [Snapshot(2022, np.arange(300), ncy, np.zeros(300, int), rng.integers(0, 2, 300))]
    for year in (2023, 2024):
        s = snaps[-1]
        keep = (rng.random(len(s.child)) > 0.1) & (s.ncy < 14)
        new = np.arange(s.child.max() + 1, s.child.max() + 41)
        snaps.append(
            Snapshot(
                year,
                np.concatenate([s.child[keep], new]),
                np.concatenate([s.ncy[keep] + 1, rng.integers(0, 15, size=40)]),
                np.zeros(int(keep.sum()) + 40, dtype=np.int64),
                np.concatenate([s.setting[keep], rng.integers(0, 2, size=40)]),
            )
        )
    history = [transitions(snaps[0], snaps[1]), transitions(snaps[1], snaps[2])]
    population = {year: np.full(sp.n_ncy, 1000) for year in (2023, 2024)}
    return estimate(history, population, sp), snaps[-1].counts(sp), sp


def test_finds_the_factor_of_an_increasing_function() -> None:
    result = goal_seek(lambda x: 100 * x, 237.0, tolerance=0.5)
    assert result.reached
    assert result.factor == pytest.approx(2.37, abs=0.005)
    assert abs(result.achieved - 237) <= 0.5
    assert result.iterations > 1


def test_finds_the_factor_of_a_decreasing_function() -> None:
    result = goal_seek(lambda x: 1000 / (1 + x), 400.0, tolerance=1.0)
    assert result.reached
    assert result.factor == pytest.approx(1.5, abs=0.01)


@pytest.mark.parametrize(("target", "end"), [(900.0, 5.0), (-5.0, 0.0)])
def test_a_target_out_of_reach_returns_the_nearer_end(target: float, end: float) -> None:
    result = goal_seek(lambda x: 100 * x, target)
    assert not result.reached
    assert result.factor == end
    assert result.achieved == 100 * end
    assert result.iterations == 0


def test_gives_up_after_max_iterations_with_the_closest_found() -> None:
    def step(x: float) -> float:  # jumps over the target: no factor gives 5
        return 0.0 if x < 1.2345 else 10.0

    result = goal_seek(step, 5.0, tolerance=0.1, max_iterations=8)
    assert not result.reached
    assert result.iterations == 8
    assert abs(result.achieved - 5.0) == 5.0


def test_finds_the_joiner_factor_that_hits_a_simulated_median() -> None:
    params, start, sp = small_area()
    years = 4
    population = np.full((years, sp.n_ncy), 1000)
    calls: list[float] = []

    def median_total(factor: float) -> float:
        calls.append(factor)
        result = simulate(
            params,
            start,
            population,
            first_year=2023,
            simulations=200,
            seed=9,
            joiner_multiplier=np.full((years, sp.n_ncy), factor),
        )
        return float(np.median(result.counts[:, -1].sum(axis=(1, 2, 3))))

    base = median_total(1.0)
    target = base + 40  # about 10 more joiners a year for four years
    result = goal_seek(median_total, target, low=0.5, high=3.0, tolerance=2.0)
    assert result.reached
    assert abs(result.achieved - target) <= 2.0
    assert result.factor > 1.0
    assert len(calls) == result.iterations + 3  # the base run and the two ends
