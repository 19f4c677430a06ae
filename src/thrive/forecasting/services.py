"""Writes for forecasting: scenarios and runs.

A run keeps the inputs, seed and model version it ran with; running the same inputs and seed
again gives the same results (the computation is ``pipeline.forecast``). ``run_execute`` saves
its stage and progress as it goes (a page refreshes to show them) and, when the inputs or the
records cannot give a forecast, ends the run as failed with the reason in plain English. Logs
name runs by id and never hold a child's details."""

import logging
import time
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction

from .categories import SETTING_CATEGORY_CODES
from .inputs import FLOW_KINDS, MODEL_VERSION, InputError, ScenarioInputs
from .models import ForecastRun, PopulationProjection, RunStatus, Scenario
from .pipeline import STAGES, forecast, inputs_of
from .selectors import recorded_assumptions

logger = logging.getLogger(__name__)


# --- Scenarios and runs ----------------------------------------------------------------------


@transaction.atomic
def scenario_create(
    *,
    actor: Any,
    name: str,
    description: str = "",
    inputs: ScenarioInputs,
    population: PopulationProjection | None = None,
    based_on: Scenario | None = None,
) -> Scenario:
    """Save a scenario's inputs (checked when ``inputs`` was made). Never changed afterwards."""
    if not name.strip():
        raise Refusal("Enter a name for the scenario", "name")
    scenario = Scenario.objects.create(
        name=name.strip(),
        description=description.strip(),
        inputs=inputs.to_json(),
        variant=inputs.variant,
        population=population,
        based_on=based_on,
        created_by=actor,
    )
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=scenario, summary="created forecast scenario"
    )
    return scenario


def _check_goal(goal: Mapping[str, Any], inputs: ScenarioInputs) -> dict[str, Any]:
    """The goal as stored: {"kind", "category", "year", "target"}, each checked."""
    if goal.get("kind") not in {kind for kind, _ in FLOW_KINDS}:
        raise Refusal("Choose flows into or out of the setting", "goal_kind")
    if goal.get("category") not in SETTING_CATEGORY_CODES:
        raise Refusal("Choose a setting type for the goal", "goal_category")
    first, last = inputs.base_year + 1, inputs.last_year
    try:
        year, target = int(goal["year"]), float(goal["target"])
    except (KeyError, TypeError, ValueError):
        raise Refusal("Enter the goal's year and number of children", "goal_target") from None
    if not first <= year <= last:
        raise Refusal(f"Enter a goal year from {first} to {last}", "goal_year")
    if not 0 <= target <= 1_000_000:
        raise Refusal("Enter the number of children as 0 or more", "goal_target")
    return {"kind": goal["kind"], "category": goal["category"], "year": year, "target": target}


def _run_create(
    *,
    actor: Any,
    scenario: Scenario,
    inputs: dict[str, Any],
    goal: dict[str, Any] | None,
    enqueue: bool = True,
) -> ForecastRun:
    checked = inputs_of(inputs)
    # The unit costs and places of the first run go with every re-run of it.
    inputs = {**inputs, "assumptions": inputs.get("assumptions") or recorded_assumptions()}
    run = ForecastRun.objects.create(
        scenario=scenario,
        inputs=inputs,
        seed=checked.seed,
        model_version=MODEL_VERSION,
        goal=_check_goal(goal, checked) if goal else None,
        created_by=actor,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, obj=run, summary="started forecast run")
    if enqueue:
        # Imported here: the task module imports this one.
        from .tasks import run_forecast

        transaction.on_commit(lambda: run_forecast.enqueue(run.pk))
    return run


@transaction.atomic
def run_start(
    *,
    actor: Any,
    scenario: Scenario,
    goal: Mapping[str, Any] | None = None,
    enqueue: bool = True,
) -> ForecastRun:
    """A run of the scenario's inputs (and a goal to seek first, if given), queued for the
    worker once this transaction commits; with ``enqueue=False`` the caller runs it
    (``run_execute``), as the ``run-forecast`` command does."""
    return _run_create(
        actor=actor,
        scenario=scenario,
        inputs=dict(scenario.inputs),
        goal=dict(goal or {}),
        enqueue=enqueue,
    )


@transaction.atomic
def rerun(*, actor: Any, run: ForecastRun) -> ForecastRun:
    """Run a run's inputs, seed and goal again: the results are the same while the model
    version is."""
    return _run_create(actor=actor, scenario=run.scenario, inputs=dict(run.inputs), goal=run.goal)


# --- Running a forecast ----------------------------------------------------------------------


def _save(run: ForecastRun, **fields: Any) -> None:
    """Save progress at once (outside any transaction the caller holds open)."""
    for name, value in fields.items():
        setattr(run, name, value)
    ForecastRun.objects.filter(pk=run.pk).update(**fields)


def run_execute(run: ForecastRun) -> ForecastRun:
    """Run the forecast and store its results; a run that cannot give one ends as failed."""
    started = time.perf_counter()
    _save(run, status=RunStatus.RUNNING, started_at=timezone.now(), error="", progress=0)

    def progress(stage: str, percent: int) -> None:
        _save(run, stage=stage, progress=percent)

    try:
        results = forecast(run, progress)
    except (Refusal, InputError) as error:
        _fail(run, error.message)
    except ValueError as error:
        # The model's own checks: sentences, but written for the data, not the scenario.
        reason = str(error).strip()
        _fail(run, f"The forecast could not be run. {reason[:1].upper()}{reason[1:]}")
    except Exception:
        _fail(run, "Something went wrong while running the forecast. Try again, or ask support.")
        logger.exception("forecast run %s stopped with an error", run.pk)
        raise
    else:
        stage, percent = STAGES["done"]
        _save(
            run,
            status=RunStatus.DONE,
            stage=stage,
            progress=percent,
            results=results,
            finished_at=timezone.now(),
        )
        logger.info("forecast run %s finished in %.1f s", run.pk, time.perf_counter() - started)
    return run


def _fail(run: ForecastRun, message: str) -> None:
    text = message.strip() or "The forecast could not be run."
    _save(run, status=RunStatus.FAILED, error=text, finished_at=timezone.now())
    logger.warning("forecast run %s failed at stage %r", run.pk, run.stage)
