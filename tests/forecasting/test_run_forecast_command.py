"""`thrive run-forecast`: saves a scenario, runs it inline and prints the totals."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import make_user
from tests.forecasting.builders import Area
from thrive.accounts.models import Role, User
from thrive.benchmarks.models import Population
from thrive.forecasting.models import ForecastRun, RunStatus, Scenario

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("run-forecast", *args, stdout=out)
    return out.getvalue()


def test_runs_inline_and_prints_each_january(manager: User, area: Area) -> None:
    output = run("--name", "Central", "--years", "2", "--simulations", "100", "--seed", "3")

    saved = ForecastRun.objects.get()
    assert saved.status == RunStatus.DONE
    assert saved.scenario.name == "Central"
    assert saved.scenario.created_by == manager
    assert saved.seed == 3
    assert saved.inputs["base_year"] == 2026  # the latest January with records
    assert 'Scenario "Central"' in output
    lines = output.splitlines()
    header = lines.index(next(line for line in lines if line.startswith("January")))
    years = [line.split()[0] for line in lines[header + 1 : header + 4]]
    assert years == ["2026", "2027", "2028"]
    assert (
        f"{area.expected[2026]:>8,}  {area.expected[2026]:,} to {area.expected[2026]:,}" in output
    )
    assert "Took " in output


def test_options_reach_the_scenario(area: Area) -> None:
    make_user("analyst", Role.ANALYST)
    run(
        "--name",
        "Stationary",
        "--variant",
        "stationary",
        "--years",
        "1",
        "--simulations",
        "100",
        "--base-year",
        "2025",
        "--user",
        "analyst",
    )
    scenario = Scenario.objects.get()
    assert scenario.variant == "stationary"
    assert scenario.inputs["base_year"] == 2025
    assert scenario.inputs["years"] == 1


def test_bad_inputs_are_refused_before_anything_is_saved(manager: User, area: Area) -> None:
    with pytest.raises(CommandError, match="from 100"):
        run("--name", "Tiny", "--simulations", "5")
    assert not Scenario.objects.exists()


def test_a_failed_run_says_why(manager: User, area: Area) -> None:
    Population.objects.all().delete()
    with pytest.raises(CommandError, match="load-benchmarks"):
        run("--name", "Central", "--years", "1", "--simulations", "100")


def test_needs_a_user_who_may_forecast(officer: User, area: Area) -> None:
    with pytest.raises(CommandError, match="--user"):
        run("--name", "Central")
    with pytest.raises(CommandError, match="No active user"):
        run("--name", "Central", "--user", "nobody")


def test_no_records_to_start_from(manager: User) -> None:
    with pytest.raises(CommandError, match="no EHC plans"):
        run("--name", "Central")


def test_if_none_runs_only_the_first_scenario(manager: User, area: Area) -> None:
    run("--if-none", "--name", "First", "--years", "1", "--simulations", "100")
    output = run("--if-none", "--name", "Second", "--years", "1", "--simulations", "100")

    assert list(Scenario.objects.values_list("name", flat=True)) == ["First"]
    assert "already saved" in output


def test_if_none_without_a_population_runs_nothing(manager: User, area: Area) -> None:
    Population.objects.all().delete()

    output = run("--if-none", "--name", "First")

    assert not Scenario.objects.exists()
    assert "thrive load-benchmarks" in output
