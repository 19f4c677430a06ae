"""Running a forecast from Thrive's records: read the January snapshots and the population,
build the scenario's projection plan, seek a goal if asked, simulate, cost, count places,
back-test, and build the results JSON (``results.build_results``). Reads only: the run's
progress goes to the ``progress`` callback, which the caller saves."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt
from django.conf import settings as django_settings

from thrive.core.errors import Refusal

from . import selectors
from .backtest.area import area_backtest
from .backtest.evaluate import MIN_HISTORY, Row, rolling_origin, summarise
from .backtest.published import Series, contiguous_tail
from .inputs import FlowChange, InputError, ScenarioInputs
from .model.costs import cost_tables
from .model.goalseek import GoalSeekResult, goal_seek
from .model.levers import ProjectionPlan, projection_plan
from .model.places import capacity_by_year, places_needed
from .model.simulate import Simulation, simulate
from .model.states import Snapshot, StateSpace, Transitions, transitions
from .model.summarise import summarise as summarise_counts
from .models import ForecastRun, PopulationProjection
from .results import build_results
from .space import default_space

GOAL_SIMULATIONS = 200
GOAL_TOLERANCE = 0.5
GOAL_MAX_ITERATIONS = 20
STAGES = {
    "reading": ("Reading the records", 5),
    "estimating": ("Estimating rates", 15),
    "goal": ("Finding the change that reaches the goal", 15),
    "simulating": ("Simulating", 15),
    "costs": ("Costs and places", 85),
    "backtest": ("Back-testing", 95),
    "done": ("Finished", 100),
}
SIMULATING_FROM, SIMULATING_TO = 15, 80

Progress = Callable[[str, int], None]


def inputs_of(data: Mapping[str, Any]) -> ScenarioInputs:
    """Stored inputs, checked again, a problem as a Refusal naming the field."""
    try:
        return ScenarioInputs.from_json(dict(data))
    except InputError as error:
        raise Refusal(error.message, error.field) from None


@dataclass(frozen=True)
class _Records:
    space: StateSpace
    snapshots: dict[int, Snapshot]
    outside_ncy: dict[int, int]
    placement_not_valid: dict[int, int]
    population: dict[int, npt.NDArray[np.float64]]
    refusal_share: float | None


def _read(inputs: ScenarioInputs, projection: PopulationProjection | None) -> _Records:
    space = default_space()
    available = selectors.snapshot_years()
    if not available or inputs.base_year not in available:
        latest = f" The latest is January {available[-1]}." if available else ""
        raise Refusal(
            f"There are no records of EHC plans maintained in January {inputs.base_year} to "
            f"start from.{latest}",
            "base_year",
        )
    first = max(available[0], inputs.history_from or available[0])
    years = list(range(first, inputs.base_year + 1))
    if len(years) < 2:
        raise Refusal(
            "A forecast needs the records of at least one January before the one it starts "
            "from; choose a later starting January or an earlier first year of history.",
            "base_year",
        )
    snaps = selectors.january_snapshots(years, space)
    projected = range(inputs.base_year + 1, inputs.last_year + 1)
    population = selectors.population_history([*years, *projected], projection, space)
    share = None
    if inputs.refusal_share is not None:
        share = selectors.refusal_share_history(years[1:])
    return _Records(
        space, snaps.by_year, snaps.outside_ncy, snaps.placement_not_valid, population, share
    )


def _history(records: _Records) -> list[Transitions]:
    years = sorted(records.snapshots)
    return [transitions(records.snapshots[a], records.snapshots[b]) for a, b in pairwise(years)]


def _simulate(
    records: _Records,
    inputs: ScenarioInputs,
    plan: ProjectionPlan,
    *,
    simulations: int,
    seed: int,
    progress: Callable[[int, int], None] | None = None,
) -> Simulation:
    projected = range(inputs.base_year + 1, inputs.last_year + 1)
    return simulate(
        plan.parameters,
        records.snapshots[inputs.base_year].counts(records.space),
        np.array([records.population[y] for y in projected]),
        first_year=inputs.base_year,
        simulations=simulations,
        seed=seed,
        joiner_multiplier=plan.joiner_multiplier,
        progress=progress,
    )


def _plan(records: _Records, inputs: ScenarioInputs) -> ProjectionPlan:
    return projection_plan(
        _history(records),
        records.population,
        records.space,
        inputs,
        refusal_share_history=records.refusal_share,
    )


def _with_goal_factor(
    inputs: ScenarioInputs, goal: Mapping[str, Any], factor: float
) -> ScenarioInputs:
    change = FlowChange(goal["kind"], goal["category"], factor, inputs.base_year + 1)
    return replace(inputs, flow_changes=(*inputs.flow_changes, change))


def _seek(
    records: _Records, inputs: ScenarioInputs, goal: Mapping[str, Any], progress: Progress
) -> GoalSeekResult:
    """The factor on the goal's flow (from the first projected January) that brings the median
    number of children in the goal's category in its year to the target."""
    category = records.space.settings.index(goal["category"])
    t = int(goal["year"]) - inputs.base_year
    stage, end = STAGES["goal"]
    start = STAGES["reading"][1]
    tries = [0]

    def evaluate(factor: float) -> float:
        tries[0] += 1
        progress(stage, start + (end - start) * tries[0] // (GOAL_MAX_ITERATIONS + 2))
        trial = replace(_with_goal_factor(inputs, goal, factor), simulations=GOAL_SIMULATIONS)
        sim = _simulate(
            records, trial, _plan(records, trial), simulations=GOAL_SIMULATIONS, seed=inputs.seed
        )
        return float(np.median(sim.counts[:, t, :, :, category].sum(axis=(1, 2))))

    return goal_seek(
        evaluate,
        float(goal["target"]),
        tolerance=GOAL_TOLERANCE,
        max_iterations=GOAL_MAX_ITERATIONS,
    )


def forecast(run: ForecastRun, progress: Progress) -> dict[str, Any]:
    """The results of the run's inputs (see ``results.build_results``)."""
    inputs = replace(inputs_of(run.inputs), seed=run.seed)
    progress(*STAGES["reading"])
    records = _read(inputs, run.scenario.population)
    notes: list[str] = []
    goal: dict[str, Any] | None = None
    if run.goal:
        found = _seek(records, inputs, run.goal, progress)
        inputs = _with_goal_factor(inputs, run.goal, found.factor)
        goal = {**run.goal, **_goal_fields(found)}
    progress(*STAGES["estimating"])
    plan = _plan(records, inputs)
    notes += plan.notes

    def simulated(done: int, total: int) -> None:
        span = SIMULATING_TO - SIMULATING_FROM
        progress(STAGES["simulating"][0], SIMULATING_FROM + span * done // max(total, 1))

    progress(*STAGES["simulating"])
    sim = _simulate(
        records, inputs, plan, simulations=inputs.simulations, seed=inputs.seed, progress=simulated
    )
    progress(*STAGES["costs"])
    counts = summarise_counts(sim, records.space)
    assumptions = run.inputs.get("assumptions")
    cost = _costs(sim, records.space, notes, assumptions)
    places = _places(sim, records.space, inputs, notes, assumptions)
    stage, start = STAGES["backtest"]
    progress(stage, start)
    area = area_backtest(
        records.snapshots,
        records.population,
        records.space,
        progress=lambda done, total: progress(stage, start + (98 - start) * done // total),
    )
    progress(stage, 99)
    published_rows, published_note = _published_backtest()
    notes += _record_notes(records, inputs, run.scenario.population)
    return build_results(
        inputs=inputs,
        simulation=sim,
        counts=counts,
        cost=cost,
        places=places,
        history={year: len(s.child) for year, s in sorted(records.snapshots.items())},
        area_backtest=area.rows,
        area_note=area.note,
        published_backtest=published_rows,
        published_note=published_note,
        trend=plan.trend,
        goal=goal,
        notes=notes,
    )


def _goal_fields(found: GoalSeekResult) -> dict[str, Any]:
    return {
        "factor": found.factor,
        "achieved": found.achieved,
        "reached": found.reached,
        "iterations": found.iterations,
    }


def _costs(
    sim: Simulation, space: StateSpace, notes: list[str], assumptions: Mapping[str, Any] | None
) -> dict[str, Any] | None:
    """Costs at the unit costs the run kept (runs from before it kept them: those recorded)."""
    recorded = assumptions["unit_costs"] if assumptions else None
    costs = selectors.unit_cost_arrays(space, recorded)
    if costs.price_year is None:
        notes.append("No unit costs are recorded, so the forecast has no costs.")
        return None
    if costs.missing:
        notes.append(
            f"{len(costs.missing)} of the {costs.annual.size} combinations of need and setting "
            "type have no unit cost recorded and are costed at £0."
        )
    return cost_tables(sim, space, costs.annual, costs.uplift_percent, costs.price_year)


def _places(
    sim: Simulation,
    space: StateSpace,
    inputs: ScenarioInputs,
    notes: list[str],
    assumptions: Mapping[str, Any] | None,
) -> list[Any]:
    recorded = (
        [selectors.CapacityRow(**row) for row in assumptions["capacity"]]
        if assumptions
        else selectors.capacity_settings()
    )
    if not recorded and not inputs.capacity_changes:
        notes.append("No places are recorded for any setting, so every gap is the number needed.")
    capacity = capacity_by_year(recorded, inputs.capacity_changes, sim.years.tolist())
    shares = selectors.locality_shares(inputs.base_year, space)
    return places_needed(sim, space, shares, capacity)


#: Published back-tests already worked out in this process, by the figures they came from:
#: the same published data gives the same table, and it takes seconds for every council.
_published_done: dict[int, tuple[list[Row], str]] = {}


def _published_backtest() -> tuple[list[Row], str]:
    """The top-down methods on every council's published January totals (rolling origin, one
    to three years ahead), with a sentence on how they did for this council alone."""
    counts = selectors.published_counts()
    key = hash(
        (
            django_settings.THRIVE_LA_CODE,
            tuple(
                (code, tuple(sorted(by_year.items()))) for code, by_year in sorted(counts.items())
            ),
        )
    )
    if key not in _published_done:
        _published_done[key] = _published_backtest_of(counts)
    rows, note = _published_done[key]
    return list(rows), note


def _published_backtest_of(counts: Mapping[str, Mapping[int, float]]) -> tuple[list[Row], str]:
    series = [
        contiguous_tail(
            Series(code, code, np.array(sorted(by_year)), np.array([*by_year.values()], float))
        )
        for code, by_year in counts.items()
    ]
    usable = [s for s in series if s.years.size > MIN_HISTORY]
    if not usable:
        return [], (
            "The published numbers of EHC plans by council are not loaded, so the methods were "
            "not tested on them (load them with 'thrive load-benchmarks --data ../shared/data')."
        )
    rows = summarise(rolling_origin(usable))
    first = min(int(s.years[0]) for s in usable)
    last = max(int(s.years[-1]) for s in usable)
    note = (
        f"Each method forecast every council's published number of EHC plans each January "
        f"(DfE, {len(usable)} councils, {first} to {last}) from the years up to each origin, "
        "one to three years ahead, and was compared with the number published."
    )
    own = [s for s in usable if s.code == django_settings.THRIVE_LA_CODE]
    if own:
        mine = [r for r in summarise(rolling_origin(own)) if r.horizon == 1]
        best = min(mine, key=lambda r: r.mape)
        note += (
            f" For this council alone ({best.n} forecasts a year ahead), the lowest error a "
            f"year ahead was {best.method} ({best.mape:.1f}%)."
        )
    return rows, note


def _record_notes(
    records: _Records, inputs: ScenarioInputs, projection: PopulationProjection | None
) -> list[str]:
    day = selectors.census_day(inputs.base_year)
    notes = [
        "The forecast starts from the children with EHC plans maintained on the census day of "
        f"January {inputs.base_year} ({day.day} {day:%B %Y})."
    ]
    left_out = sum(records.outside_ncy.values())
    if left_out:
        notes.append(
            f"{left_out} records of children outside national curriculum years -4 to 20 (by date "
            "of birth) were left out across the Januaries used."
        )
    not_valid = records.placement_not_valid.get(inputs.base_year, 0)
    if not_valid:
        notes.append(
            f"In January {inputs.base_year}, {not_valid} children were placed in a type of "
            "setting that does not take their year group (a college for a child of primary "
            'school age, say); they are counted as "Other or no placement named".'
        )
    if projection is not None:
        notes.append(f"The general population comes from the file '{projection.name}'.")
    else:
        notes.append(
            "The general population by year group comes from the ONS mid-year estimates "
            "loaded for the council, carried forward by age where a year has none."
        )
    return notes
