"""Simulation: conservation, ageing out, seeds and the joiner-rate trend hook."""

import dataclasses
import itertools

import numpy as np
import pytest

from thrive.forecasting.model.estimate import Parameters, estimate
from thrive.forecasting.model.simulate import simulate
from thrive.forecasting.model.states import Snapshot, StateSpace, transitions

NEEDS = ("ASD", "SEMH", "SLCN")
SETTINGS = ("EY", "MMS", "MSS", "FE")


def space() -> StateSpace:
    ncys = np.arange(-4, 21)
    valid = np.ones((len(ncys), len(NEEDS), len(SETTINGS)), dtype=bool)
    valid[ncys > 0, :, 0] = False  # early years only to Reception
    valid[ncys < 12, :, 3] = False  # further education from Year 12
    return StateSpace(NEEDS, SETTINGS, valid=valid)


def synthetic(seed: int = 3, plans: int = 600) -> tuple[Parameters, np.ndarray, StateSpace]:
    """Three years of a small area with leaving, moving and joining; returns the fitted
    parameters and the last January's counts."""
    rng = np.random.default_rng(seed)
    sp = space()

    def valid_setting(ncy: np.ndarray) -> np.ndarray:
        choice = rng.integers(1, 3, size=len(ncy))
        choice[ncy <= 0] = 0
        choice[(ncy >= 12) & (rng.random(len(ncy)) < 0.5)] = 3
        return choice

    ncy = rng.integers(-1, 20, size=plans)
    snaps = [
        Snapshot(2020, np.arange(plans), ncy, rng.integers(0, 3, size=plans), valid_setting(ncy))
    ]
    next_id = plans
    for year in (2021, 2022, 2023):
        s = snaps[-1]
        keep = (rng.random(len(s.child)) > 0.1) & (s.ncy < 19)
        ncy, setting = s.ncy[keep] + 1, s.setting[keep].copy()
        move = (rng.random(len(ncy)) < 0.08) | ~sp.valid[sp.ncy_index(ncy), s.need[keep], setting]
        setting[move] = valid_setting(ncy[move])
        j = 80
        j_ncy = rng.integers(-1, 20, size=j)
        snaps.append(
            Snapshot(
                year,
                np.concatenate([s.child[keep], np.arange(next_id, next_id + j)]),
                np.concatenate([ncy, j_ncy]),
                np.concatenate([s.need[keep], rng.integers(0, 3, size=j)]),
                np.concatenate([setting, valid_setting(j_ncy)]),
            )
        )
        next_id += j
    population = {y: np.full(sp.n_ncy, 2000) for y in (2021, 2022, 2023)}
    history = [transitions(a, b) for a, b in itertools.pairwise(snaps)]
    return estimate(history, population, sp), snaps[-1].counts(sp), sp


def test_conservation_every_year_and_every_child_counted_once() -> None:
    params, start, sp = synthetic()
    years = 6
    result = simulate(
        params, start, np.full((years, sp.n_ncy), 2000), first_year=2023, simulations=200, seed=7
    )
    totals = result.counts.sum(axis=(2, 3, 4), dtype=np.int64)
    joiners = result.joiners.sum(axis=2, dtype=np.int64)
    leavers = result.leavers.sum(axis=2, dtype=np.int64)
    np.testing.assert_array_equal(totals[:, :-1] + joiners - leavers, totals[:, 1:])
    assert totals[0, 0] == start.sum()
    assert (result.counts >= 0).all()
    # Nobody in a state that is not valid.
    assert result.counts[:, :, ~sp.valid].sum() == 0
    # Flows actually happened (the identity is not trivially 0 = 0).
    assert joiners.min() > 0
    assert leavers.min() > 0
    assert result.movers.sum() > 0


def test_everyone_at_the_last_ncy_leaves_and_nobody_joins_without_population() -> None:
    params, _, sp = synthetic()
    start = np.zeros(sp.shape, dtype=np.int64)
    start[sp.ncy_index(20), 0, 3] = 50
    start[sp.ncy_index(19), 1, 3] = 30
    result = simulate(
        params, start, np.zeros((2, sp.n_ncy)), first_year=2023, simulations=20, seed=1
    )
    assert result.joiners.sum() == 0
    assert (result.leavers[:, 0, sp.ncy_index(20)] >= 50).all()
    assert result.counts[:, 1, sp.ncy_index(20)].sum(axis=(1, 2)).max() <= 30
    assert result.counts[:, 2].sum() == 0


def test_a_fixed_seed_reproduces_exactly_and_another_seed_differs() -> None:
    params, start, sp = synthetic()
    population = np.full((4, sp.n_ncy), 2000)

    def run(seed: int) -> np.ndarray:
        return simulate(
            params, start, population, first_year=2023, simulations=50, seed=seed
        ).counts

    np.testing.assert_array_equal(run(11), run(11))
    assert not np.array_equal(run(11), run(12))


@pytest.mark.parametrize("growth", [1.0, 1.1])
def test_joiner_multiplier_produces_the_expected_growth_in_joiners(growth: float) -> None:
    params, start, sp = synthetic()
    years = 5
    multiplier = np.repeat((growth ** np.arange(years))[:, None], sp.n_ncy, axis=1)
    result = simulate(
        params,
        start,
        np.full((years, sp.n_ncy), 2000),
        first_year=2023,
        simulations=2000,
        seed=5,
        joiner_multiplier=multiplier,
    )
    mean_joiners = result.joiners.sum(axis=2).mean(axis=0)
    observed = mean_joiners / mean_joiners[0]
    np.testing.assert_allclose(observed, growth ** np.arange(years), rtol=0.03)


def test_default_is_stationary_like_a_multiplier_of_one() -> None:
    params, start, sp = synthetic()
    population = np.full((3, sp.n_ncy), 2000)
    default = simulate(params, start, population, first_year=2023, simulations=30, seed=2)
    ones = simulate(
        params,
        start,
        population,
        first_year=2023,
        simulations=30,
        seed=2,
        joiner_multiplier=np.ones((3, sp.n_ncy)),
    )
    np.testing.assert_array_equal(default.counts, ones.counts)


def test_shapes_are_checked() -> None:
    params, start, sp = synthetic()
    with pytest.raises(ValueError, match="population"):
        simulate(params, start, np.zeros((3, 5)), first_year=2023)
    with pytest.raises(ValueError, match="joiner_multiplier"):
        simulate(
            params,
            start,
            np.zeros((3, sp.n_ncy)),
            first_year=2023,
            joiner_multiplier=np.ones((2, sp.n_ncy)),
        )


def test_one_parameters_per_year_applies_each_to_its_own_flow() -> None:
    params, start, sp = synthetic()
    population = np.full((3, sp.n_ncy), 2000)
    single = simulate(params, start, population, first_year=2023, simulations=30, seed=4)
    repeated = simulate([params] * 3, start, population, first_year=2023, simulations=30, seed=4)
    np.testing.assert_array_equal(single.counts, repeated.counts)
    # Nobody joins in the second projected year only.
    closed = dataclasses.replace(
        params, join_alpha=np.zeros_like(params.join_alpha), join_beta=np.zeros(sp.n_ncy)
    )
    result = simulate(
        [params, closed, params], start, population, first_year=2023, simulations=30, seed=4
    )
    by_year = result.joiners.sum(axis=(0, 2))
    assert by_year[1] == 0
    assert by_year[0] > 0
    assert by_year[2] > 0


def test_progress_is_reported_after_each_year() -> None:
    params, start, sp = synthetic()
    calls: list[tuple[int, int]] = []
    simulate(
        params,
        start,
        np.full((3, sp.n_ncy), 2000),
        first_year=2023,
        simulations=10,
        seed=1,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_one_parameters_per_year_is_checked() -> None:
    params, start, sp = synthetic()
    with pytest.raises(ValueError, match="one per projected year"):
        simulate([params] * 2, start, np.full((3, sp.n_ncy), 2000), first_year=2023)
    with pytest.raises(ValueError, match="one per projected year"):
        simulate([], start, np.full((3, sp.n_ncy), 2000), first_year=2023)
