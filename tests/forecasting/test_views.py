"""The forecasting pages that read: overview, a run (running, failed, done), its downloads and
the comparison; who may see them and what unknown ids and bad choices answer."""

import csv
import io
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from tests.factories import make_user
from tests.forecasting.results_example import example_results, example_run, example_scenario
from thrive.core.models import AuditEntry
from thrive.forecasting import services, services_inputs
from thrive.forecasting.inputs import ScenarioInputs
from thrive.forecasting.models import RunStatus
from thrive.forecasting.selectors import snapshot_years

pytestmark = pytest.mark.django_db


def _client(role: str) -> Client:
    client = Client()
    client.force_login(make_user(f"{role}-viewer", role))
    return client


@pytest.fixture
def analyst() -> Client:
    return _client("analyst")


@pytest.fixture
def board() -> Client:
    return _client("board_member")  # FORECAST_VIEW but not FORECAST_EDIT


def test_overview_lists_scenarios_with_their_latest_run(analyst: Client) -> None:
    scenario = example_scenario(name="Central estimate")
    example_run(scenario, status=RunStatus.FAILED)
    latest = example_run(scenario)
    response = analyst.get("/forecasting/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Central estimate" in body
    assert f"/forecasting/runs/{latest.pk}/" in body
    assert "Finished" in body
    assert "(2 runs)" in body
    assert "Create a scenario" in body


def test_overview_offers_no_changes_without_edit(board: Client) -> None:
    body = board.get("/forecasting/").content.decode()
    assert "Create a scenario" not in body


@pytest.mark.parametrize("role", ["case_officer", "partner_lead", "parent"])
def test_pages_refuse_roles_without_forecast_view(role: str) -> None:
    run = example_run()
    client = _client(role)
    for path in (
        "/forecasting/",
        f"/forecasting/runs/{run.pk}/",
        f"/forecasting/runs/{run.pk}/results.csv",
        "/forecasting/compare/",
        "/forecasting/unit-costs/",
    ):
        assert client.get(path).status_code == 403, path


def test_finished_run_shows_totals_intervals_cost_places_and_backtest(analyst: Client) -> None:
    run = example_run()
    response = analyst.get(f"/forecasting/runs/{run.pk}/")
    assert response.status_code == 200
    assert "Refresh" not in response
    body = response.content.decode()
    # Totals: 1,000 growing 5% a year; the 80% range is 94% to 106% of the median.
    assert "1,050" in body
    assert "987 to 1,113" in body
    # Cost: £20,000 a child, in pounds rounded to the thousand.
    assert "£20,000,000" in body
    # Places: North needs 90 + 10 a year against 100; South 120 against 100.
    assert "Short of 20 places" in body
    assert "10 places spare" in body
    assert "Average error" in body
    assert "3.5%" in body
    assert "Joining rates have grown by about 4.1% a year." in body
    assert body.count('role="img"') == 4  # totals, setting, cost, cost by DSG: each with a table


@pytest.mark.parametrize("status", [RunStatus.QUEUED, RunStatus.RUNNING])
def test_unfinished_run_refreshes_and_shows_progress(analyst: Client, status: str) -> None:
    run = example_run(status=status, progress=40, stage="Simulating")
    response = analyst.get(f"/forecasting/runs/{run.pk}/")
    assert response.status_code == 200
    assert response["Refresh"] == "3"
    assert 'value="40"' in response.content.decode()
    assert "Simulating: 40% done" in response.content.decode()


def test_failed_run_shows_the_error_and_stops_refreshing(analyst: Client) -> None:
    run = example_run(status=RunStatus.FAILED, error="No population figures are loaded.")
    response = analyst.get(f"/forecasting/runs/{run.pk}/")
    assert "Refresh" not in response
    assert "No population figures are loaded." in response.content.decode()


def test_unknown_run_is_not_found(analyst: Client) -> None:
    for path in ("/forecasting/runs/999/", "/forecasting/runs/999/results.csv"):
        assert analyst.get(path).status_code == 404


def test_csv_has_every_section_and_no_download_before_the_run_is_done(analyst: Client) -> None:
    run = example_run()
    response = analyst.get(f"/forecasting/runs/{run.pk}/results.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {r["section"] for r in rows} == {"recorded", "counts", "cost", "flows", "places"}
    assert AuditEntry.objects.filter(action="export", object_id=run.pk).exists()
    waiting = example_run(status=RunStatus.RUNNING)
    assert analyst.get(f"/forecasting/runs/{waiting.pk}/results.csv").status_code == 404


def test_workbook_downloads_with_its_sheets(analyst: Client) -> None:
    run = example_run()
    response = analyst.get(f"/forecasting/runs/{run.pk}/dsg-workbook.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Placements", "Costs", "Intervals", "Assumptions"]


def test_compare_shows_runs_side_by_side_with_the_difference(analyst: Client) -> None:
    first = example_run(example_scenario(name="Central"))
    second = example_run(
        example_scenario(name="Faster growth"),
        results=example_results(start=1100.0),
    )
    response = analyst.get(f"/forecasting/compare/?run={first.pk}&run={second.pk}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Faster growth" in body
    assert "+100 from the first" in body  # 1,100 against 1,000 in the base January
    assert "+£2,000,000 from the first" in body


def test_compare_without_a_choice_shows_the_form(analyst: Client) -> None:
    example_run()
    example_run()
    response = analyst.get("/forecasting/compare/")
    assert response.status_code == 200
    assert "Choose 2 or 3 finished forecasts" in response.content.decode()


@pytest.mark.parametrize("query", ["?run=1", "?run=x&run=y", "?run=1&run=2&run=3&run=4"])
def test_compare_with_a_bad_choice_is_a_400_with_the_error(analyst: Client, query: str) -> None:
    example_run()
    example_run()
    response = analyst.get(f"/forecasting/compare/{query}")
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_navigation_links_forecasts_for_those_who_may_see_them(board: Client) -> None:
    assert b'href="/forecasting/">Forecasts</a>' in board.get("/forecasting/compare/").content
    page = _client("case_officer").get("/cases/").content
    assert b"Caseload" in page  # the navigation is there
    assert b">Forecasts<" not in page


@pytest.mark.parametrize("with_costs", [True, False])
def test_a_run_from_the_records_shows_and_exports(
    analyst: Client, area: Any, manager: Any, with_costs: bool
) -> None:
    """End to end through the real model (services.run_execute): the pages read its results."""
    if with_costs:
        services_inputs.unit_cost_set(
            actor=manager,
            need="ASD",
            category="mainstream",
            annual_cost=Decimal("9000"),
            uplift_percent=Decimal("2"),
            price_year=2025,
        )
    base = snapshot_years()[-1]
    inputs = ScenarioInputs(base_year=base, years=2, simulations=200, seed=3)
    scenario = services.scenario_create(actor=manager, name="Records", inputs=inputs)
    run = services.run_execute(services.run_start(actor=manager, scenario=scenario))
    assert run.status == RunStatus.DONE, run.error
    page = analyst.get(f"/forecasting/runs/{run.pk}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert f"January {base + 2}" in body
    assert ("Cost by DSG management plan category" in body) is with_costs
    assert ("No unit costs were recorded" in body) is not with_costs
    assert analyst.get(f"/forecasting/runs/{run.pk}/results.csv").status_code == 200
    book = analyst.get(f"/forecasting/runs/{run.pk}/dsg-workbook.xlsx")
    assert load_workbook(io.BytesIO(book.content)).sheetnames[0] == "Placements"
    other = services.run_execute(services.run_start(actor=manager, scenario=scenario))
    compared = analyst.get(f"/forecasting/compare/?run={run.pk}&run={other.pk}")
    assert compared.status_code == 200


def test_overview_reads_in_the_same_few_queries_however_many_scenarios(
    analyst: Client, django_assert_max_num_queries: Any
) -> None:
    for n in range(6):
        example_run(example_scenario(name=f"Scenario {n}"))
    analyst.get("/forecasting/")  # warm the session
    with django_assert_max_num_queries(8):
        assert analyst.get("/forecasting/").status_code == 200
