"""The forecasting part of the route-by-visitor world: a scenario with a finished run (its
results built by hand, tests/forecasting/results_example.py), for the routes' {run} ids."""

from typing import Any

from tests.forecasting.results_example import example_run, example_scenario


def forecasting_world(users: dict[str, Any]) -> dict[str, int]:
    run = example_run(example_scenario(name="Central", actor=users["send_manager"]))
    return {"run": run.pk, "scenario": run.scenario_id}
