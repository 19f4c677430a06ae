"""A scenario's levers turned into what the simulation takes (forecasting.md, "Scenario levers
users ask for"): one ``Parameters`` per projected year and a joiner multiplier per year and NCY.

- Ignore history before a year: the transitions starting before that January are dropped.
- Variant: stationary (multiplier 1), trend or damped trend (``trend.py``).
- Multiply flows into or out of a setting category from a year: witan.send's lever, multiplying
  the matching historic transition counts (``estimate(..., weights=...)``), used for the flows
  into that January and later.
- Close a setting category from a year: nobody joins or moves in, and its children move out.
- A new share of requests refused: joiners scale by (1 - new share) / (1 - historic share).

A lever "from year F" applies to the flows into January F and later: flow index t where
``base_year + t + 1 >= F`` (so the January of F already shows its effect)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from thrive.forecasting.backtest.methods import DAMPING
from thrive.forecasting.categories import SETTING_CATEGORY_LABELS
from thrive.forecasting.inputs import Closure, FlowChange, ScenarioInputs

from .estimate import FloatArray, Parameters, estimate
from .states import StateSpace, Transitions
from .trend import TrendFit, fit_trend, joiner_multiplier

# A Beta(SURE, NEVER) draw is 1 (to double precision): "everyone", where a closure forces a move.
SURE = 1e9
NEVER = 1e-9


@dataclass(frozen=True)
class ProjectionPlan:
    parameters: list[Parameters]  # one per projected year (flow index t)
    joiner_multiplier: FloatArray  # (years, n_ncy)
    trend: TrendFit | None
    notes: list[str]  # one plain-English line per lever applied


def projection_plan(
    history: Sequence[Transitions],
    population: Mapping[int, npt.ArrayLike],
    space: StateSpace,
    inputs: ScenarioInputs,
    *,
    refusal_share_history: float | None,
) -> ProjectionPlan:
    """Everything ``simulate`` needs for ``inputs`` besides the start and the projected
    population. ``refusal_share_history`` is the share of requests refused over the history
    (needed only when the scenario changes it)."""
    if inputs.refusal_share is not None and refusal_share_history is None:
        raise ValueError(
            "The share of requests refused in the past is not known, so a new share cannot be "
            "compared with it."
        )
    notes: list[str] = []
    history = since(history, inputs.history_from)
    if inputs.history_from is not None:
        notes.append(
            f"The model learns from January {inputs.history_from} onwards; "
            "earlier history is ignored."
        )
    projected = list(range(inputs.base_year + 1, inputs.last_year + 1))
    parameters = _yearly_parameters(history, population, space, inputs, projected)
    notes += [_flow_note(c) for c in inputs.flow_changes]
    notes += [_closure_note(c) for c in inputs.closures]
    multiplier, trend, variant_note = _variant(history, population, space, inputs, projected)
    notes.insert(0, variant_note)
    if inputs.refusal_share is not None and refusal_share_history is not None:
        assert inputs.refusal_from_year is not None  # checked by ScenarioInputs
        scale = (1 - inputs.refusal_share) / (1 - refusal_share_history)
        later = np.asarray(projected) >= inputs.refusal_from_year
        multiplier[later] *= scale
        notes.append(
            _refusal_note(
                inputs.refusal_from_year, inputs.refusal_share, refusal_share_history, scale
            )
        )
    return ProjectionPlan(parameters, multiplier, trend, notes)


def since(history: Sequence[Transitions], history_from: int | None) -> list[Transitions]:
    """The transitions whose first snapshot is in or after January ``history_from``."""
    kept = [t for t in history if history_from is None or t.year - 1 >= history_from]
    if not kept:
        raise ValueError(
            f"No history is left from January {history_from}: choose an earlier first year."
        )
    return kept


def flow_weights(
    history: Sequence[Transitions], changes: Sequence[FlowChange], space: StateSpace
) -> list[FloatArray]:
    """Per-transition weights for ``estimate``: ``factor`` on the joiners and movers into the
    category ("into"), or on the leavers and movers out of it ("out_of"); factors multiply."""
    out = []
    for t in history:
        w = np.ones(len(t.ncy1))
        for change in changes:
            code = _setting(space, change.category)
            if change.kind == "into":
                match = (t.joiner | t.mover) & (t.setting2 == code)
            else:
                match = (t.leaver | t.mover) & (t.setting1 == code)
            w[match] *= change.factor
        out.append(w)
    return out


def close(params: Parameters, closed: Sequence[int]) -> Parameters:
    """The parameters with setting codes ``closed`` shut.

    Nobody joins or moves into a closed setting: those who would have joined it join the other
    settings valid for their NCY and need, in proportion (their need for a plan does not go
    away); movers' destinations are likewise shared among the open ones. Everyone in a closed
    setting who does not leave moves out (moving probability 1) to a setting valid at their next
    NCY, in proportion to where movers from there went (evenly where nobody has); with no such
    setting, they leave."""
    space = params.space
    shut = np.zeros(len(space.settings), dtype=bool)
    shut[list(closed)] = True
    join_alpha, join_beta, joiner_alpha = _close_joining(params, shut)

    mover_alpha = np.where(shut, 0.0, params.mover_alpha)
    move_alpha, move_beta = params.move_alpha.copy(), params.move_beta.copy()
    stuck = mover_alpha.sum(axis=-1) == 0  # its only destinations were closed
    move_alpha[stuck] = 0.0
    move_beta[stuck] = 0.0

    # Children in a closed setting: to any open setting valid at the next NCY.
    open_next = np.zeros((*space.shape, len(space.settings)), dtype=bool)
    open_next[:-1] = space.valid[1:, :, None, :] & ~shut
    own = mover_alpha[:, :, shut]
    k = open_next[:, :, shut].sum(axis=-1, keepdims=True)
    even = np.where(open_next[:, :, shut], 1.0 / np.maximum(k, 1), 0.0)
    mover_alpha[:, :, shut] = np.where(own.sum(axis=-1, keepdims=True) > 0, own, even)
    can_go = k[..., 0] > 0
    move_alpha[:, :, shut] = np.where(can_go, SURE, 0.0)
    move_beta[:, :, shut] = np.where(can_go, NEVER, 0.0)
    leave_alpha, leave_beta = params.leave_alpha.copy(), params.leave_beta.copy()
    leave_alpha[:, :, shut] = np.where(can_go, leave_alpha[:, :, shut], SURE)
    leave_beta[:, :, shut] = np.where(can_go, leave_beta[:, :, shut], NEVER)
    return replace(
        params,
        leave_alpha=leave_alpha,
        leave_beta=leave_beta,
        move_alpha=move_alpha,
        move_beta=move_beta,
        mover_alpha=mover_alpha,
        join_alpha=join_alpha,
        join_beta=join_beta,
        joiner_alpha=joiner_alpha,
    )


def _close_joining(
    params: Parameters, shut: npt.NDArray[np.bool_]
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Joiner destinations without the closed settings, each need keeping its share at its NCY
    where another setting takes it; an NCY left with no destination takes no joiners."""
    before = params.joiner_alpha.sum(axis=2, keepdims=True)  # (ncy, need, 1)
    joiner_alpha = np.where(shut, 0.0, params.joiner_alpha)
    after = joiner_alpha.sum(axis=2, keepdims=True)
    scale = np.divide(before, after, out=np.zeros_like(after), where=after > 0)
    joiner_alpha = joiner_alpha * scale
    nowhere = joiner_alpha.sum(axis=(1, 2)) == 0
    join_alpha = np.where(nowhere, 0.0, params.join_alpha)
    join_beta = np.where(nowhere, 0.0, params.join_beta)
    return join_alpha, join_beta, joiner_alpha


def _yearly_parameters(
    history: Sequence[Transitions],
    population: Mapping[int, npt.ArrayLike],
    space: StateSpace,
    inputs: ScenarioInputs,
    projected: Sequence[int],
) -> list[Parameters]:
    """Estimate once per distinct set of levers in force (at most one per lever, plus none)."""
    cache: dict[tuple[tuple[int, ...], tuple[int, ...]], Parameters] = {}
    out = []
    for year in projected:
        changes = tuple(i for i, c in enumerate(inputs.flow_changes) if c.from_year <= year)
        closed = tuple(
            sorted({_setting(space, c.category) for c in inputs.closures if c.from_year <= year})
        )
        key = (changes, closed)
        if key not in cache:
            active = [inputs.flow_changes[i] for i in changes]
            weights = flow_weights(history, active, space) if active else None
            params = estimate(history, population, space, weights=weights)
            cache[key] = close(params, closed) if closed else params
        out.append(cache[key])
    return out


def _variant(
    history: Sequence[Transitions],
    population: Mapping[int, npt.ArrayLike],
    space: StateSpace,
    inputs: ScenarioInputs,
    projected: Sequence[int],
) -> tuple[FloatArray, TrendFit | None, str]:
    years = [t.year for t in history]
    span = f"{min(years) - 1} to {max(years)}"
    stationary = np.ones((len(projected), space.n_ncy))
    if inputs.variant == "stationary":
        return stationary, None, f"Joining, leaving and moving rates stay at their {span} average."
    try:
        fit = fit_trend(history, population, space)
    except ValueError as error:
        return (
            stationary,
            None,
            f"{error} Rates are held at their {span} average instead of following a trend.",
        )
    damping = DAMPING if inputs.variant == "damped" else None
    multiplier = joiner_multiplier(fit, years, projected, space.n_ncy, damping=damping)
    how = "keeps changing" if damping is None else "keeps changing, more slowly each year,"
    return (
        multiplier,
        fit,
        f"The joining rate {how} as it did from {span} "
        f"(about {fit.growth_percent:+.1f}% a year); leaving and moving rates stay at their "
        "average.",
    )


def _setting(space: StateSpace, category: str) -> int:
    if category not in space.settings:
        raise ValueError(f"unknown setting category: {category}")
    return space.settings.index(category)


def _label(category: str) -> str:
    return f'the setting type "{SETTING_CATEGORY_LABELS.get(category, category)}"'


def _change(factor: float) -> str:
    if factor == 0:
        return "no children"
    if factor == 1:
        return "as many children as before"
    return f"{abs(factor - 1) * 100:.0f}% {'more' if factor > 1 else 'fewer'} children"


def _flow_note(c: FlowChange) -> str:
    how = "join or move into" if c.kind == "into" else "leave or move out of"
    return f"From January {c.from_year}, {_change(c.factor)} {how} {_label(c.category)}."


def _closure_note(c: Closure) -> str:
    return (
        f"From January {c.from_year}, {_label(c.category)} closes: nobody joins or moves in, "
        "and its children move to other settings (or leave where no other setting takes their "
        "year group)."
    )


def _refusal_note(year: int, new: float, old: float, scale: float) -> str:
    return (
        f"From January {year}, {new:.0%} of requests for an assessment are refused instead of "
        f"{old:.0%}, so {_change(scale)} join."
    )
