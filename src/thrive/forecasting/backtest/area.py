"""Rolling-origin back-test of the population model on the area's own January snapshots.

For every origin January Y with at least ``MIN_TRANSITIONS`` years of transitions before it,
the model is estimated on the history up to Y only, simulated one to three years ahead from
Y's snapshot with the population that actually lived in those years, and its total compared
with the snapshots that followed: for each variant (stationary rates, trend, damped trend),
beside the two baselines on the yearly totals alone (last value plus mean growth; log-linear
trend, ``methods``). Errors, bias and coverage as ``evaluate.summarise`` works them out.

Pure numpy: no Django. Each variant is built by ``model.levers.projection_plan``, as a forecast
of a scenario without levers is, so the back-test measures the model the forecast runs."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from ..inputs import ScenarioInputs
from ..model.levers import projection_plan
from ..model.simulate import simulate
from ..model.states import Snapshot, StateSpace, transitions
from .evaluate import Outcome, Row, summarise
from .methods import METHODS
from .published import Series, contiguous_tail

MIN_TRANSITIONS = 3
HORIZONS = 3
SIMULATIONS = 300
SEED = 20260107
VARIANTS = ("stationary", "trend", "damped")
BASELINES = ("last_growth", "loglinear")


@dataclass(frozen=True)
class AreaBacktest:
    rows: list[Row]
    origins: list[int]
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # plain English: what could not be tested

    @property
    def note(self) -> str:
        if not self.origins:
            return (
                f"Not enough history to back-test: it needs at least {MIN_TRANSITIONS + 2} "
                "consecutive Januaries of records."
            )
        first, last = self.origins[0], self.origins[-1]
        origins = f"January {first}" if first == last else f"each January from {first} to {last}"
        text = (
            f"The model was estimated on the records up to {origins} only, projected up to "
            f"{HORIZONS} years ahead with {SIMULATIONS} simulations, and compared with the "
            "number of children with plans the records show in the Januaries that followed."
        )
        return " ".join([text, *self.skipped])


def _consecutive(snapshots: Mapping[int, Snapshot]) -> list[int]:
    """The longest run of consecutive years ending at the last snapshot."""
    years = sorted(snapshots)
    if not years:
        return []
    tail = contiguous_tail(
        Series("area", "area", np.array(years), np.zeros(len(years), dtype=np.float64))
    )
    return [int(y) for y in tail.years]


def _outcome(
    method: str, origin: int, horizon: int, actual: float, values: npt.ArrayLike
) -> Outcome:
    """Central forecast and intervals from a sample of simulated totals."""
    q = [
        float(v)
        for v in np.quantile(np.asarray(values, dtype=np.float64), [0.5, 0.1, 0.9, 0.025, 0.975])
    ]
    return Outcome("area", method, origin, horizon, actual, *q)


def area_backtest(
    snapshots: Mapping[int, Snapshot],
    population: Mapping[int, npt.ArrayLike],
    space: StateSpace,
    *,
    horizons: int = HORIZONS,
    simulations: int = SIMULATIONS,
    seed: int = SEED,
    progress: Callable[[int, int], None] | None = None,
) -> AreaBacktest:
    """Back-test every variant and baseline at every origin with enough history before it.
    ``population[year]`` must cover every snapshot year. ``progress(done, total)`` is called
    after each origin."""
    years = _consecutive(snapshots)
    history = [transitions(snapshots[a], snapshots[b]) for a, b in pairwise(years)]
    totals = np.array([len(snapshots[y].child) for y in years], dtype=np.float64)
    origins = [y for i, y in enumerate(years[:-1]) if i >= MIN_TRANSITIONS]
    outcomes: list[Outcome] = []
    skipped: set[str] = set()
    for done, origin in enumerate(origins, start=1):
        i = years.index(origin)
        ahead = min(horizons, len(years) - 1 - i)
        if not np.all(totals[i + 1 : i + 1 + ahead] > 0):
            continue  # a percentage error needs children in the actual January
        projected = years[i + 1 : i + 1 + ahead]
        actual = totals[i + 1 : i + 1 + ahead]
        pop = np.array([np.asarray(population[y], dtype=np.float64) for y in projected])
        start = snapshots[origin].counts(space)
        for variant in VARIANTS:
            inputs = ScenarioInputs(
                base_year=origin, variant=variant, years=ahead, simulations=simulations, seed=seed
            )
            plan = projection_plan(
                history[:i], population, space, inputs, refusal_share_history=None
            )
            if variant != "stationary" and plan.trend is None:
                skipped.add(
                    "Where the history before an origin was too short to fit a trend, the "
                    "trend variants kept average rates."
                )
            sim = simulate(
                plan.parameters,
                start,
                pop,
                first_year=origin,
                simulations=simulations,
                seed=seed,
                joiner_multiplier=plan.joiner_multiplier,
            )
            sim_totals = sim.counts.sum(axis=(2, 3, 4))  # (simulation, year)
            for h in range(ahead):
                outcomes.append(
                    _outcome(variant, origin, h + 1, float(actual[h]), sim_totals[:, h + 1])
                )
        series = totals[: i + 1]
        if np.all(series > 0):
            for name in BASELINES:
                f = METHODS[name](series, ahead)
                for h in range(ahead):
                    bounds = (f.mean[h], f.lo80[h], f.hi80[h], f.lo95[h], f.hi95[h])
                    outcomes.append(
                        Outcome("area", name, origin, h + 1, float(actual[h]), *map(float, bounds))
                    )
        if progress is not None:
            progress(done, len(origins))
    return AreaBacktest(
        rows=summarise(outcomes), origins=origins, outcomes=outcomes, skipped=sorted(skipped)
    )
