"""Estimation from pooled history (docs: forecasting.md, "Estimation").

Optional per-transition weights (``estimate(..., weights=...)``) multiply every count, the
witan.send scenario lever "multiply historic transition counts that match setting/need/NCY/year by
a factor" (forecasting.md, "Scenario levers"): a weight of 1.2 on the joiners into a setting
makes the history look as if 20% more had joined it.

"No observations" is read per state: a state never observed gets Beta(1/2, 1/2) for leaving
and Beta(1, 1) for moving, whatever its NCY's rate; an observed state uses the NCY-wide rate
as a prior of weight 1.

Leaving and moving are indexed by the state before ageing (a, need, setting); joining by the
NCY after ageing. Arrays are shaped like ``StateSpace.shape`` unless noted."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .states import IntArray, StateSpace, Transitions

FloatArray = npt.NDArray[np.float64]
NO_JOINERS = 0.001  # added to a year's joiners at an NCY where that year had none


@dataclass(frozen=True)
class Parameters:
    space: StateSpace
    leave_alpha: FloatArray  # (ncy, need, setting)
    leave_beta: FloatArray
    move_alpha: FloatArray  # (ncy, need, setting); where no move is possible both are 0
    move_beta: FloatArray
    mover_alpha: FloatArray  # (ncy, need, setting, destination setting); 0 = not allowed
    join_alpha: FloatArray  # (ncy,) after ageing; 0 where nobody can join
    join_beta: FloatArray
    joiner_alpha: FloatArray  # (ncy, need, setting); 0 where not valid

    @property
    def can_move(self) -> npt.NDArray[np.bool_]:
        return self.move_alpha > 0

    @property
    def can_join(self) -> npt.NDArray[np.bool_]:
        return self.join_alpha > 0


def _counts(
    space: StateSpace, ncy: IntArray, need: IntArray, setting: IntArray, weight: FloatArray
) -> FloatArray:
    out = np.zeros(space.shape, dtype=np.float64)
    np.add.at(out, (space.ncy_index(ncy), need, setting), weight)
    return out


def _weights(
    history: Sequence[Transitions], weights: Sequence[npt.ArrayLike] | None
) -> list[FloatArray]:
    if weights is None:
        return [np.ones(len(t.ncy1)) for t in history]
    if len(weights) != len(history):
        raise ValueError("weights need one array per year of transitions")
    out = [np.asarray(w, dtype=np.float64) for w in weights]
    if any(w.shape != (len(t.ncy1),) for w, t in zip(out, history, strict=True)):
        raise ValueError("weights need one value per transition")
    if any((w < 0).any() for w in out):
        raise ValueError("weights cannot be negative")
    return out


def mover_destinations_allowed(space: StateSpace) -> npt.NDArray[np.bool_]:
    """(ncy before ageing, need, from setting, to setting): the destination is valid at the
    next NCY for that need, and differs from the current setting. Nothing at the last NCY."""
    allowed = np.zeros((*space.shape, len(space.settings)), dtype=bool)
    allowed[:-1] = space.valid[1:, :, None, :]
    eye = np.eye(len(space.settings), dtype=bool)
    allowed &= ~eye[None, None, :, :]
    allowed &= space.moves_allowed[None, None, :, None]
    return allowed


def estimate(
    history: Sequence[Transitions],
    population: Mapping[int, npt.ArrayLike],
    space: StateSpace,
    *,
    weights: Sequence[npt.ArrayLike] | None = None,
) -> Parameters:
    """Estimate every distribution's parameters. ``population[year]`` is the general child
    population by NCY (length ``space.n_ncy``) in the January of ``year``.

    ``weights``: one array per ``Transitions`` (one value per transition, default 1), counted
    in place of 1 in every count: observations, leavers, movers, destinations and joiners."""
    if not history:
        raise ValueError("at least one year of transitions is needed")
    ws = _weights(history, weights)
    shape = space.shape
    n_obs = np.zeros(shape)
    n_leave = np.zeros(shape)
    n_move = np.zeros(shape)
    moved_to = np.zeros((*shape, len(space.settings)))
    joined = np.zeros(shape)
    joiners_by_year = np.zeros((len(history), space.n_ncy))
    population_by_year = np.zeros((len(history), space.n_ncy))
    for y, (t, w) in enumerate(zip(history, ws, strict=True)):
        out, lv = ~t.joiner, t.leaver
        n_obs += _counts(space, t.ncy1[out], t.need1[out], t.setting1[out], w[out])
        n_leave += _counts(space, t.ncy1[lv], t.need1[lv], t.setting1[lv], w[lv])
        m = t.mover
        n_move += _counts(space, t.ncy1[m], t.need1[m], t.setting1[m], w[m])
        np.add.at(
            moved_to, (space.ncy_index(t.ncy1[m]), t.need1[m], t.setting1[m], t.setting2[m]), w[m]
        )
        j = t.joiner
        by_state = _counts(space, t.ncy2[j], t.need2[j], t.setting2[j], w[j])
        joined += by_state
        joiners_by_year[y] = by_state.sum(axis=(1, 2))
        population_by_year[y] = np.asarray(population[t.year], dtype=np.float64)

    # 1. Leaving: Beta(L + pi_a, N - L + 1 - pi_a), pi_a the NCY-wide rate (weight 1).
    pi = (n_leave.sum(axis=(1, 2)) + 0.5) / (n_obs.sum(axis=(1, 2)) + 1.0)
    pi_s = pi[:, None, None]
    observed = n_obs > 0
    leave_alpha = np.where(observed, n_leave + pi_s, 0.5)
    leave_beta = np.where(observed, n_obs - n_leave + 1.0 - pi_s, 0.5)

    # 2. Moving, of those who stay: Beta(M + pi'_a, S + 1 - pi'_a), S the stayers who did not move.
    n_stay = n_obs - n_leave - n_move
    pi_m = (n_move.sum(axis=(1, 2)) + 0.5) / ((n_move + n_stay).sum(axis=(1, 2)) + 1.0)
    pi_ms = pi_m[:, None, None]
    seen = (n_move + n_stay) > 0
    move_alpha = np.where(seen, n_move + pi_ms, 1.0)
    move_beta = np.where(seen, n_stay + 1.0 - pi_ms, 1.0)

    # 3. Where movers go: counts + a prior summing to 1 over the allowed destinations
    # (NCY-wide destination frequencies plus 1/k each, normalised).
    allowed = mover_destinations_allowed(space)
    k = allowed.sum(axis=-1, keepdims=True)
    ncy_wide = moved_to.sum(axis=(1, 2))[:, None, None, :]  # (ncy, 1, 1, to)
    prior = np.where(allowed, ncy_wide + 1.0 / np.maximum(k, 1), 0.0)
    total = prior.sum(axis=-1, keepdims=True)
    prior = np.divide(prior, total, out=np.zeros_like(prior), where=total > 0)
    mover_alpha = np.where(allowed, moved_to + prior, 0.0)
    no_move = k[..., 0] == 0
    move_alpha[no_move] = 0.0
    move_beta[no_move] = 0.0

    # 4. Joining: Beta(J, P - J), J and P the mean joiners and population per year.
    joiners_mean = np.where(joiners_by_year > 0, joiners_by_year, NO_JOINERS).mean(axis=0)
    population_mean = population_by_year.mean(axis=0)
    open_ncy = space.valid.any(axis=(1, 2)) & (population_mean > joiners_mean)
    join_alpha = np.where(open_ncy, joiners_mean, 0.0)
    join_beta = np.where(open_ncy, population_mean - joiners_mean, 0.0)

    # 5. Where joiners go: counts + 1/|valid states| each.
    n_valid = space.valid.sum(axis=(1, 2))[:, None, None]
    joiner_alpha = np.where(space.valid, joined + 1.0 / np.maximum(n_valid, 1), 0.0)

    return Parameters(
        space=space,
        leave_alpha=leave_alpha,
        leave_beta=leave_beta,
        move_alpha=move_alpha,
        move_beta=move_beta,
        mover_alpha=mover_alpha,
        join_alpha=join_alpha,
        join_beta=join_beta,
        joiner_alpha=joiner_alpha,
    )
