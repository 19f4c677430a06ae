"""Reads the forecasting pages need: scenarios with their latest run, a run, the finished runs
to compare, and the inputs the council keeps (unit costs, capacity, population uploads).
Counts and settings only: nothing here reaches a child's record."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import Http404

from thrive.people.models import Setting

from .models import (
    ForecastRun,
    PopulationProjection,
    RunStatus,
    Scenario,
    SettingCapacity,
    UnitCost,
)


@dataclass(frozen=True)
class ScenarioSummary:
    scenario: Scenario
    latest: ForecastRun | None
    run_count: int


def scenario_summaries() -> list[ScenarioSummary]:
    """Every scenario, newest first, with its newest run: two queries however many there are."""
    runs = ForecastRun.objects.only(
        "id", "scenario_id", "status", "progress", "created_at", "finished_at"
    ).order_by("-created_at", "-id")
    scenarios = Scenario.objects.prefetch_related(
        Prefetch("runs", queryset=runs, to_attr="all_runs")
    )
    return [
        ScenarioSummary(s, s.all_runs[0] if s.all_runs else None, len(s.all_runs))
        for s in scenarios.order_by("-created_at", "-id")
    ]


def scenario_get(scenario_id: int) -> Scenario:
    scenario = Scenario.objects.filter(pk=scenario_id).first()
    if scenario is None:
        raise Http404
    return scenario


def run_get(run_id: int) -> ForecastRun:
    run = ForecastRun.objects.select_related("scenario").filter(pk=run_id).first()
    if run is None:
        raise Http404
    return run


def finished_runs() -> list[ForecastRun]:
    """Runs with results, newest first, for choosing which to compare."""
    return list(
        ForecastRun.objects.filter(status=RunStatus.DONE, results__isnull=False)
        .select_related("scenario")
        .defer("results")
        .order_by("-created_at", "-id")
    )


def runs_to_compare(run_ids: list[int]) -> list[ForecastRun]:
    """The finished runs asked for, in the order asked (the first is the baseline)."""
    runs = ForecastRun.objects.filter(pk__in=run_ids, status=RunStatus.DONE).select_related(
        "scenario"
    )
    by_id = {run.pk: run for run in runs}
    return [by_id[i] for i in run_ids if i in by_id]


def unit_costs() -> list[UnitCost]:
    return list(UnitCost.objects.order_by("setting_category", "need"))


def capacities() -> list[SettingCapacity]:
    return list(
        SettingCapacity.objects.select_related("setting").order_by("locality", "setting__name")
    )


def settings_choices() -> list[tuple[int, str]]:
    """Every setting, for recording its places."""
    return list(Setting.objects.order_by("name").values_list("id", "name"))


def setting_get(setting_id: int) -> Setting:
    setting = Setting.objects.filter(pk=setting_id).first()
    if setting is None:
        raise Http404
    return setting


def closing_choices() -> list[tuple[int, str]]:
    """Settings with places recorded: the ones a scenario can close."""
    return [(c.setting_id, c.setting.name) for c in capacities()]


def setting_names(setting_ids: list[int]) -> dict[int, str]:
    return dict(Setting.objects.filter(pk__in=setting_ids).values_list("id", "name"))


def populations() -> list[PopulationProjection]:
    return list(PopulationProjection.objects.all())


def population_choices() -> list[tuple[int, str]]:
    return list(PopulationProjection.objects.values_list("id", "name"))


def population_get(population_id: int | None) -> PopulationProjection | None:
    if population_id is None:
        return None
    return PopulationProjection.objects.filter(pk=population_id).first()
