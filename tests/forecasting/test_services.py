"""Scenarios and runs: creating, starting (queued on commit), running from the records with
stage and progress saved, failing in plain English, seeking a goal, re-running exactly."""

import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings as django_settings

from tests.forecasting.builders import Area
from thrive.accounts.models import User
from thrive.benchmarks.models import Level, Population, PublishedFigure
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.forecasting import pipeline, services, tasks
from thrive.forecasting.inputs import MODEL_VERSION, FlowChange, ScenarioInputs
from thrive.forecasting.models import ForecastRun, RunStatus, Scenario, UnitCost

pytestmark = pytest.mark.django_db

BASE = 2026
INPUTS = ScenarioInputs(base_year=BASE, variant="trend", years=3, simulations=200, seed=7)
ONE_YEAR = ScenarioInputs(base_year=BASE, years=1, simulations=100)


def scenario(actor: User, inputs: ScenarioInputs = INPUTS, **fields: Any) -> Scenario:
    return services.scenario_create(actor=actor, name="Central", inputs=inputs, **fields)


def executed(actor: User, inputs: ScenarioInputs = INPUTS, goal: Any = None) -> ForecastRun:
    run = services.run_start(actor=actor, scenario=scenario(actor, inputs), goal=goal)
    return services.run_execute(run)


def results_of(run: ForecastRun) -> dict[str, Any]:
    assert run.results is not None, run.error
    return dict(run.results)


def total(results: dict[str, Any], year: int) -> dict[str, Any]:
    return next(r for r in results["counts"]["total"] if r["year"] == year)


def test_scenario_refuses_a_blank_name(manager: User) -> None:
    with pytest.raises(Refusal) as refused:
        services.scenario_create(actor=manager, name="  ", inputs=INPUTS)
    assert refused.value.field == "name"
    assert not Scenario.objects.exists()


def test_scenario_keeps_its_inputs_and_is_audited(manager: User) -> None:
    inputs = ScenarioInputs(
        base_year=BASE, flow_changes=(FlowChange("into", "special_state", 1.2, BASE + 1),)
    )
    first = scenario(manager, inputs, description=" Special schools grow ")
    based = services.scenario_create(actor=manager, name="Variant", inputs=INPUTS, based_on=first)

    assert ScenarioInputs.from_json(first.inputs) == inputs
    assert first.variant == "trend"
    assert first.description == "Special schools grow"
    assert based.based_on == first
    entry = AuditEntry.objects.get(object_type="forecasting.scenario", object_id=first.pk)
    assert entry.actor == manager


def test_run_start_stores_inputs_seed_and_version_and_queues_on_commit(
    manager: User, area: Area, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = services.run_start(actor=manager, scenario=scenario(manager))

    assert (run.status, run.seed, run.model_version) == (RunStatus.QUEUED, 7, MODEL_VERSION)
    kept = dict(run.inputs)
    assert kept.pop("assumptions") == {"unit_costs": [], "capacity": []}
    assert kept == INPUTS.to_json()
    assert run.goal is None
    assert len(callbacks) == 1
    assert AuditEntry.objects.filter(object_type="forecasting.forecastrun", object_id=run.pk)


def test_the_queued_task_runs_the_forecast(
    manager: User, area: Area, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_start(actor=manager, scenario=scenario(manager))
    run.refresh_from_db()
    assert run.status == RunStatus.DONE


def test_run_execute_stores_results_from_the_records(manager: User, area: Area) -> None:
    run = executed(manager)
    run.refresh_from_db()

    assert run.status == RunStatus.DONE, run.error
    assert (run.progress, run.stage) == (100, "Finished")
    assert run.started_at is not None
    assert run.finished_at is not None
    results = results_of(run)
    assert results["years"] == [2026, 2027, 2028, 2029]
    assert results["history"] == [
        {"year": y, "total": n} for y, n in sorted(area.expected.items()) if y <= BASE
    ]
    assert total(results, BASE)["median"] == area.expected[BASE]
    assert results["trend"] is not None
    assert results["backtest"]["area"]
    assert "Not loaded" not in results["backtest"]["area_note"]
    assert results["cost"] == {}  # no unit costs recorded
    assert any("No unit costs" in note for note in results["notes"])
    assert any("keeps changing" in note for note in results["notes"])
    assert results["places"]


def test_stages_in_order_with_rising_progress(manager: User, area: Area) -> None:
    run = services.run_start(actor=manager, scenario=scenario(manager))
    seen: list[tuple[str, int]] = []

    pipeline.forecast(run, lambda stage, percent: seen.append((stage, percent)))

    stages = list(dict.fromkeys(stage for stage, _ in seen))
    assert stages == [
        "Reading the records",
        "Estimating rates",
        "Simulating",
        "Costs and places",
        "Back-testing",
    ]
    percents = [p for _, p in seen]
    assert percents == sorted(percents)
    assert (percents[0], percents[-1]) == (5, 99)  # the back-test's last origin
    assert 80 in percents  # the simulation's last year
    assert ("Back-testing", 95) in seen


def test_same_inputs_and_seed_give_identical_results(manager: User, area: Area) -> None:
    first = executed(manager)
    again = services.run_execute(services.rerun(actor=manager, run=first))

    assert again.pk != first.pk
    assert (again.seed, again.inputs) == (first.seed, first.inputs)
    assert again.results == first.results
    other_seed = executed(manager, ScenarioInputs(**{**INPUTS.to_json(), "seed": 8}))
    assert other_seed.results != first.results


def test_costs_when_unit_costs_are_recorded(manager: User, area: Area) -> None:
    for need in ("ASD", "SLCN", "SEMH", "MLD", "OTH"):
        for category in ("mainstream", "special_state", "special_independent", "other"):
            UnitCost.objects.create(
                need=need,
                setting_category=category,
                annual_cost=Decimal("10000"),
                uplift_percent=Decimal("0"),
                price_year=BASE,
            )

    results = results_of(executed(manager))

    base = next(r for r in results["cost"]["total"] if r["year"] == BASE)
    assert base["median"] == 10000 * area.expected[BASE]
    assert any("costed at £0" in note for note in results["notes"])


def test_a_rerun_uses_the_unit_costs_of_the_first_run_and_a_new_run_todays(
    manager: User, area: Area
) -> None:
    cost = UnitCost.objects.create(
        need="ASD",
        setting_category="mainstream",
        annual_cost=Decimal("10000"),
        uplift_percent=Decimal("0"),
        price_year=BASE,
    )
    first = executed(manager)
    cost.annual_cost = Decimal("20000")
    cost.save()

    again = services.run_execute(services.rerun(actor=manager, run=first))
    fresh = services.run_execute(services.run_start(actor=manager, scenario=first.scenario))

    assert again.results == first.results
    assert results_of(fresh)["cost"] != results_of(first)["cost"]
    assert fresh.inputs["assumptions"]["unit_costs"][0]["annual_cost"] == 20000


def test_no_records_for_the_base_year_fails_in_plain_english(manager: User, area: Area) -> None:
    run = executed(manager, ScenarioInputs(base_year=2030, years=2, simulations=100))

    assert run.status == RunStatus.FAILED
    assert "no records of EHC plans maintained in January 2030" in run.error
    assert "The latest is January 2026" in run.error
    assert "Traceback" not in run.error
    assert run.results is None


def test_no_population_fails_with_how_to_load_it(manager: User, area: Area) -> None:
    Population.objects.all().delete()

    run = executed(manager)

    assert run.status == RunStatus.FAILED
    assert "thrive load-benchmarks --data ../shared/data" in run.error


def test_a_failed_run_logs_its_id_and_no_personal_data(
    manager: User, area: Area, caplog: pytest.LogCaptureFixture
) -> None:
    Population.objects.all().delete()
    with caplog.at_level(logging.INFO, logger="thrive.forecasting"):
        run = executed(manager)
    messages = " ".join(record.getMessage() for record in caplog.records)
    assert f"forecast run {run.pk} failed" in messages
    assert "Test Child" not in messages
    assert all(str(c.date_of_birth) not in messages for c in area.children)


def test_refusal_share_lever_uses_the_history_of_refusals(manager: User, area: Area) -> None:
    inputs = ScenarioInputs(
        base_year=BASE,
        variant="stationary",
        years=2,
        simulations=100,
        refusal_share=0.5,
        refusal_from_year=BASE + 1,
    )
    run = executed(manager, inputs)
    assert run.status == RunStatus.DONE, run.error
    assert any("requests for an assessment are refused" in n for n in results_of(run)["notes"])


def test_goal_seek_finds_the_factor_and_runs_with_it(manager: User, area: Area) -> None:
    plain = executed(manager)
    year = BASE + 2
    before = next(
        r["median"]
        for r in results_of(plain)["counts"]["setting"]
        if r["year"] == year and r["label"].startswith("State special")
    )
    goal = {"kind": "into", "category": "special_state", "year": year, "target": before + 3}

    started = services.run_start(actor=manager, scenario=scenario(manager), goal=goal)
    seen: list[tuple[str, int]] = []
    pipeline.forecast(started, lambda stage, percent: seen.append((stage, percent)))
    searching = [p for stage, p in seen if stage.startswith("Finding the change")]
    assert searching
    assert searching == sorted(searching)
    assert 5 < searching[-1] <= 15
    run = services.run_execute(started)

    found = results_of(run)["goal"]
    assert found["reached"] is True
    assert found["factor"] > 1
    assert abs(found["achieved"] - (before + 3)) <= 0.5
    after = next(
        r["median"]
        for r in results_of(run)["counts"]["setting"]
        if r["year"] == year and r["label"].startswith("State special")
    )
    assert after == found["achieved"]  # the same simulations and seed as the search
    assert any("more children join or move into" in n for n in results_of(run)["notes"])


def test_an_unreachable_goal_says_so(manager: User, area: Area) -> None:
    goal = {"kind": "into", "category": "special_state", "year": BASE + 1, "target": 100000}
    run = executed(manager, goal=goal)
    assert run.status == RunStatus.DONE
    assert results_of(run)["goal"]["reached"] is False


@pytest.mark.parametrize(
    ("goal", "field"),
    [
        ({"kind": "sideways", "category": "mainstream", "year": 2028, "target": 5}, "goal_kind"),
        ({"kind": "into", "category": "castle", "year": 2028, "target": 5}, "goal_category"),
        ({"kind": "into", "category": "mainstream", "year": 2026, "target": 5}, "goal_year"),
        ({"kind": "into", "category": "mainstream", "year": 2028, "target": -1}, "goal_target"),
        ({"kind": "into", "category": "mainstream", "year": 2028}, "goal_target"),
    ],
)
def test_run_start_refuses_a_goal_it_cannot_seek(
    manager: User, goal: dict[str, Any], field: str
) -> None:
    chosen = scenario(manager)
    with pytest.raises(Refusal) as refused:
        services.run_start(actor=manager, scenario=chosen, goal=goal)
    assert refused.value.field == field
    assert not ForecastRun.objects.exists()


def test_run_start_without_enqueue_leaves_the_run_to_the_caller(
    manager: User, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = services.run_start(actor=manager, scenario=scenario(manager), enqueue=False)
    assert callbacks == []
    assert run.status == RunStatus.QUEUED


def test_a_model_error_fails_the_run_with_its_reason(
    manager: User, area: Area, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise ValueError("no population estimates were given")

    monkeypatch.setattr(pipeline, "projection_plan", refuse)
    run = executed(manager)
    assert run.status == RunStatus.FAILED
    assert run.error == "The forecast could not be run. No population estimates were given"


def test_an_unexpected_error_fails_the_run_without_a_traceback(
    manager: User, area: Area, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: Any, **kwargs: Any) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pipeline, "projection_plan", crash)
    run = services.run_start(actor=manager, scenario=scenario(manager))
    with pytest.raises(ZeroDivisionError):
        services.run_execute(run)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert "Something went wrong" in run.error
    assert "division" not in run.error


def test_a_forecast_needs_one_january_before_the_start(manager: User, area: Area) -> None:
    run = executed(
        manager, ScenarioInputs(base_year=2020, history_from=2019, years=1, simulations=100)
    )
    assert run.status == RunStatus.DONE, run.error  # 2019 to 2020: one transition is enough
    first = min(area.expected)
    run = executed(manager, ScenarioInputs(base_year=first, years=1, simulations=100))
    assert run.status == RunStatus.FAILED
    assert "at least one January before the one it starts from" in run.error


def publish(code: str, start: float, growth: float, years: range) -> None:
    PublishedFigure.objects.bulk_create(
        PublishedFigure(
            measure="active_plans",
            level=Level.LOCAL_AUTHORITY,
            area_code=code,
            area_name=f"Council {code}",
            period=f"{year - 1}{str(year)[2:]}",
            value=start * (1 + growth) ** (year - years[0]),
            source_file="caseload.csv",
            release="2025",
        )
        for year in years
    )


def test_the_methods_are_tested_on_every_councils_published_totals(
    manager: User, area: Area
) -> None:
    years = range(2019, 2026)  # 7 Januaries: origins 2022, 2023 and 2024
    publish(django_settings.THRIVE_LA_CODE, 1000, 0.08, years)
    publish("801", 2000, 0.05, years)
    publish("802", 500, 0.02, range(2022, 2026))  # too short to test

    results = results_of(executed(manager))

    published = results["backtest"]["published"]
    one_year = {r["method"]: r for r in published if r["horizon"] == 1}
    assert {"stationary", "trend", "last_growth", "loglinear"} <= set(one_year)
    assert one_year["stationary"]["forecasts"] == 6  # two councils, three origins
    assert one_year["stationary"]["bias"] < 0  # growth missed by carrying the last value
    note = results["backtest"]["published_note"]
    assert "2 councils, 2019 to 2025" in note
    assert "For this council alone (3 forecasts a year ahead)" in note


def test_without_published_totals_the_note_says_how_to_load_them(manager: User, area: Area) -> None:
    results = results_of(executed(manager))
    assert results["backtest"]["published"] == []
    assert "load-benchmarks" in results["backtest"]["published_note"]


def test_the_task_runs_a_queued_run_by_id(manager: User, area: Area) -> None:
    run = services.run_start(actor=manager, scenario=scenario(manager, ONE_YEAR))
    assert tasks.run_forecast.call(run.pk) == RunStatus.DONE
    run.refresh_from_db()
    assert run.results is not None
