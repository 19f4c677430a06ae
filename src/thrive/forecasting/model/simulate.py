"""Simulate the plan population forward, vectorised across simulations.

Each projected year: draw every occupied state's leaving and moving rates from their Betas
(Beta-binomial = binomial with a beta-drawn p), send movers to settings by a Dirichlet-drawn
multinomial, age everyone one NCY (leaving past the last NCY or into an NCY/setting with no
valid state), then draw joiners per NCY from the general-population projection and place them
by a Dirichlet-drawn multinomial. Parameters are redrawn for every simulation and year.

A sequence of ``Parameters`` (one per projected year) carries scenario levers that start in a
given year (forecasting.md, "Scenario levers"): a flow multiplied or a setting closed from
January F changes the parameters of flows t with first_year + t + 1 >= F only."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .estimate import Parameters

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
DEFAULT_SIMULATIONS = 1000


@dataclass(frozen=True)
class Simulation:
    """``counts``: (simulation, year, ncy, need, setting), year 0 the starting January.
    ``joiners`` by NCY after ageing and ``leavers`` by NCY before ageing: (simulation, year, ncy),
    year i the flow between January i and i + 1. ``movers``: (simulation, year)."""

    first_year: int
    counts: npt.NDArray[np.int32]
    joiners: npt.NDArray[np.int32]
    leavers: npt.NDArray[np.int32]
    movers: npt.NDArray[np.int32]

    @property
    def years(self) -> IntArray:
        return self.first_year + np.arange(self.counts.shape[1], dtype=np.int64)


def _dirichlet_rows(rng: np.random.Generator, alpha: FloatArray) -> FloatArray:
    """One Dirichlet draw per row of ``alpha`` (zeros stay zero)."""
    g = rng.standard_gamma(alpha)
    total = g.sum(axis=1, keepdims=True)
    empty = total[:, 0] <= 0  # every gamma underflowed: put the row on its largest alpha
    if empty.any():
        g[empty] = 0.0
        g[empty, np.argmax(alpha[empty], axis=1)] = 1.0
        total[empty] = 1.0
    return g / total


@dataclass(frozen=True)
class _Flat:
    """One ``Parameters`` flattened over states, as the simulation loop indexes them."""

    la: FloatArray
    lb: FloatArray
    ma: FloatArray
    mb: FloatArray
    can_move: npt.NDArray[np.bool_]
    mover_alpha: FloatArray  # (state, destination setting)
    joiner_alpha: FloatArray  # (ncy, need * setting)
    join_alpha: FloatArray
    join_beta: FloatArray
    can_join: npt.NDArray[np.bool_]

    @classmethod
    def of(cls, p: Parameters) -> "_Flat":
        n_ncy, n_need, n_set = p.space.shape
        return cls(
            la=p.leave_alpha.ravel(),
            lb=p.leave_beta.ravel(),
            ma=p.move_alpha.ravel(),
            mb=p.move_beta.ravel(),
            can_move=p.can_move.ravel(),
            mover_alpha=p.mover_alpha.reshape(n_ncy * n_need * n_set, n_set),
            joiner_alpha=p.joiner_alpha.reshape(n_ncy, n_need * n_set),
            join_alpha=p.join_alpha,
            join_beta=p.join_beta,
            can_join=p.can_join,
        )


def _per_year(params: Parameters | Sequence[Parameters], n_years: int) -> list[_Flat]:
    """Flatten each distinct ``Parameters`` once (levers repeat them across years)."""
    if isinstance(params, Parameters):
        params = [params] * n_years
    if len(params) != n_years:
        raise ValueError("params must be one Parameters or one per projected year")
    if any(p.space.shape != params[0].space.shape for p in params):
        raise ValueError("every year's parameters must share the state space")
    flat: dict[int, _Flat] = {}
    for p in params:
        if id(p) not in flat:
            flat[id(p)] = _Flat.of(p)
    return [flat[id(p)] for p in params]


def simulate(
    params: Parameters | Sequence[Parameters],
    start: IntArray,
    population: npt.ArrayLike,
    *,
    first_year: int,
    simulations: int = DEFAULT_SIMULATIONS,
    seed: int = 0,
    joiner_multiplier: npt.ArrayLike | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Simulation:
    """Project ``start`` (children per state, shape ``space.shape``, the January of
    ``first_year``) forward one year per row of ``population`` (projected general population by
    NCY for each following January, shape (years, n_ncy)).

    ``joiner_multiplier`` (years, n_ncy), default 1 (stationary): multiplies each year's drawn
    joining rate per NCY, the hook for trend variants.

    ``params``: one ``Parameters`` for every year, or one per projected year (flow index t).
    ``progress(done, total)`` is called after each projected year (for a progress page)."""
    if not isinstance(params, Parameters) and not params:
        raise ValueError("params must be one Parameters or one per projected year")
    space = (params if isinstance(params, Parameters) else params[0]).space
    pop = np.asarray(population, dtype=np.int64)
    n_years = pop.shape[0]
    if pop.shape != (n_years, space.n_ncy):
        raise ValueError(f"population must have shape (years, {space.n_ncy})")
    mult = (
        np.ones((n_years, space.n_ncy))
        if joiner_multiplier is None
        else np.asarray(joiner_multiplier, float)
    )
    if mult.shape != (n_years, space.n_ncy):
        raise ValueError("joiner_multiplier must have the population's shape")
    rng = np.random.default_rng(seed)
    n_ncy, n_need, n_set = space.shape
    state_size = n_ncy * n_need * n_set
    counts = np.zeros((simulations, n_years + 1, n_ncy, n_need, n_set), dtype=np.int32)
    joiners = np.zeros((simulations, n_years, n_ncy), dtype=np.int32)
    leavers = np.zeros((simulations, n_years, n_ncy), dtype=np.int32)
    movers_total = np.zeros((simulations, n_years), dtype=np.int32)
    current = np.broadcast_to(np.asarray(start, dtype=np.int64), (simulations, *space.shape)).copy()
    counts[:, 0] = current
    yearly = _per_year(params, n_years)
    invalid = ~space.valid

    for t in range(n_years):
        f = yearly[t]
        la, lb, ma, mb, can_move = f.la, f.lb, f.ma, f.mb, f.can_move
        flat = current.reshape(simulations, state_size)
        sim, state = np.nonzero(flat)
        n = flat[sim, state]
        # Leaving.
        left = rng.binomial(n, rng.beta(la[state], lb[state]))
        remain = n - left
        # Moving, of those who stay, where a move is possible.
        moving = np.zeros_like(remain)
        m = can_move[state] & (remain > 0)
        moving[m] = rng.binomial(remain[m], rng.beta(ma[state[m]], mb[state[m]]))
        after = np.bincount(
            sim * state_size + state, weights=remain - moving, minlength=simulations * state_size
        )
        rows = moving > 0
        if rows.any():
            dest = rng.multinomial(moving[rows], _dirichlet_rows(rng, f.mover_alpha[state[rows]]))
            base = sim[rows] * state_size + (state[rows] // n_set) * n_set  # same sim, NCY, need
            target = base[:, None] + np.arange(n_set)[None, :]
            after += np.bincount(
                target.ravel(), weights=dest.ravel(), minlength=simulations * state_size
            )
        after_states = after.reshape(simulations, n_ncy, n_need, n_set).astype(np.int64)
        movers_total[:, t] = np.bincount(sim, weights=moving, minlength=simulations)
        leavers[:, t] = np.bincount(
            sim * n_ncy + state // (n_need * n_set), weights=left, minlength=simulations * n_ncy
        ).reshape(simulations, n_ncy)
        # Ageing: past the last NCY, or into a state with no valid setting, they leave.
        aged = np.zeros_like(after_states)
        aged[:, 1:] = after_states[:, :-1]
        leavers[:, t, -1] += after_states[:, -1].sum(axis=(1, 2)).astype(np.int32)
        gone = np.where(invalid[None], aged, 0)
        leavers[:, t, :-1] += gone[:, 1:].sum(axis=(2, 3)).astype(np.int32)
        aged[gone > 0] = 0
        # Joining, per NCY after ageing.
        p_join = np.zeros((simulations, n_ncy))
        can_join = f.can_join
        p_join[:, can_join] = rng.beta(
            np.broadcast_to(f.join_alpha[can_join], (simulations, int(can_join.sum()))),
            f.join_beta[can_join],
        )
        p_join = np.clip(p_join * mult[t], 0.0, 1.0)
        new = rng.binomial(pop[t][None, :], p_join)
        joiners[:, t] = new
        js, jn = np.nonzero(new)
        if len(js):
            placed = rng.multinomial(new[js, jn], _dirichlet_rows(rng, f.joiner_alpha[jn]))
            aged[js, jn] += placed.reshape(-1, n_need, n_set)
        current = aged
        counts[:, t + 1] = current
        if progress is not None:
            progress(t + 1, n_years)
    return Simulation(
        first_year=first_year, counts=counts, joiners=joiners, leavers=leavers, movers=movers_total
    )
