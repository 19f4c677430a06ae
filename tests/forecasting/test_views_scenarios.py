"""The forecasting pages that write: a new scenario (run at once), a copy to change, re-running
exactly and goal-seeking; bad answers are a 400 with the error summary, never a 500."""

from typing import Any

import pytest
from django.test import Client

from tests.factories import make_user
from tests.forecasting.results_example import example_run, example_scenario
from thrive.forecasting.models import ForecastRun, Scenario
from thrive.forecasting.selectors import snapshot_years

pytestmark = pytest.mark.django_db


def _client(role: str) -> Client:
    client = Client()
    client.force_login(make_user(f"{role}-user", role))
    return client


@pytest.fixture
def analyst() -> Client:
    return _client("analyst")


def _answers(**changes: str) -> dict[str, str]:
    return {
        "name": "Central",
        "description": "Trend as fitted",
        "variant": "trend",
        "base_year": str(snapshot_years()[-1]),
        "years": "3",
        "simulations": "200",
        "seed": "7",
        **changes,
    }


def test_new_scenario_form_explains_each_variant(analyst: Client) -> None:
    response = analyst.get("/forecasting/scenarios/new/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "the sector model&#x27;s assumption" in body or "sector model's assumption" in body
    assert "the change slows down each year" in body


def test_new_scenario_needs_forecast_edit() -> None:
    for role in ("board_member", "case_officer"):
        assert _client(role).get("/forecasting/scenarios/new/").status_code == 403


def test_saving_a_scenario_starts_a_run_and_goes_to_it(analyst: Client, area: Any) -> None:
    response = analyst.post("/forecasting/scenarios/new/", _answers())
    run = ForecastRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/forecasting/runs/{run.pk}/"
    scenario = Scenario.objects.get()
    assert (scenario.name, scenario.inputs["seed"], scenario.inputs["years"]) == ("Central", 7, 3)
    assert run.scenario == scenario


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "id_name", "Enter a name"),
        ({"years": "twelve"}, "id_years", "Years ahead must be a whole number"),
        ({"years": "12"}, "id_years", "Enter a number of years from 1 to 10"),
        (
            {"flow_kind": "into", "flow_factor": "1.2", "flow_from_year": "2027"},
            "id_flow_category",
            "Choose a setting type",
        ),
        ({"refusal_share": "30"}, "id_refusal_from_year", "Enter the year the new share"),
        ({"base_year": "1990"}, "id_base_year", "Select a valid choice"),
    ],
)
def test_bad_answers_are_a_400_linking_to_the_field(
    analyst: Client, area: Any, changes: dict[str, str], field: str, message: str
) -> None:
    response = analyst.post("/forecasting/scenarios/new/", _answers(**changes))
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert f'href="#{field}"' in body
    assert message in body
    assert not Scenario.objects.exists()


def test_copy_and_change_prefills_and_records_what_it_was_based_on(
    analyst: Client, area: Any
) -> None:
    original = example_scenario(name="Central", base_year=snapshot_years()[-1], seed=11)
    page = analyst.get(f"/forecasting/scenarios/new/?based_on={original.pk}")
    assert page.status_code == 200
    assert 'value="Copy of Central"' in page.content.decode()
    answers = _answers(name="Copy of Central", seed="11", based_on=str(original.pk))
    response = analyst.post(f"/forecasting/scenarios/new/?based_on={original.pk}", answers)
    assert response.status_code == 302
    copy = Scenario.objects.exclude(pk=original.pk).get()
    assert copy.based_on == original
    assert Scenario.objects.get(pk=original.pk).name == "Central"  # never changed


@pytest.mark.parametrize("based_on", ["999", "x"])
def test_copy_of_an_unknown_scenario_is_not_found(analyst: Client, based_on: str) -> None:
    response = analyst.get(f"/forecasting/scenarios/new/?based_on={based_on}")
    assert response.status_code == 404


def test_rerun_makes_a_new_run_with_the_same_inputs_and_seed(analyst: Client) -> None:
    run = example_run()
    response = analyst.post(f"/forecasting/runs/{run.pk}/rerun/")
    new = ForecastRun.objects.exclude(pk=run.pk).get()
    assert response["Location"] == f"/forecasting/runs/{new.pk}/"
    run.refresh_from_db()
    # A run from before runs kept their unit costs and places takes those recorded now.
    kept = {name: value for name, value in new.inputs.items() if name != "assumptions"}
    assert (kept, new.seed, new.scenario) == (run.inputs, run.seed, run.scenario)
    assert new.inputs["assumptions"] == {"unit_costs": [], "capacity": []}


def test_rerun_is_a_post_for_editors_of_known_runs(analyst: Client) -> None:
    run = example_run()
    assert analyst.get(f"/forecasting/runs/{run.pk}/rerun/").status_code == 405
    assert _client("board_member").post(f"/forecasting/runs/{run.pk}/rerun/").status_code == 403
    assert analyst.post("/forecasting/runs/999/rerun/").status_code == 404


def test_goal_seek_starts_a_run_with_the_goal(analyst: Client) -> None:
    run = example_run()
    page = analyst.get(f"/forecasting/runs/{run.pk}/goal-seek/")
    assert page.status_code == 200
    response = analyst.post(
        f"/forecasting/runs/{run.pk}/goal-seek/",
        {
            "goal_kind": "into",
            "goal_category": "special_state",
            "goal_target": "400",
            "goal_year": "2028",
        },
    )
    new = ForecastRun.objects.exclude(pk=run.pk).get()
    assert response["Location"] == f"/forecasting/runs/{new.pk}/"
    assert new.goal == {"kind": "into", "category": "special_state", "year": 2028, "target": 400}


def test_goal_seek_with_bad_answers_is_a_400(analyst: Client) -> None:
    run = example_run()
    response = analyst.post(
        f"/forecasting/runs/{run.pk}/goal-seek/",
        {"goal_kind": "into", "goal_category": "", "goal_target": "-3", "goal_year": "2040"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    for field in ("id_goal_category", "id_goal_target", "id_goal_year"):
        assert f'href="#{field}"' in body
    assert ForecastRun.objects.count() == 1


def test_goal_seek_needs_edit_and_a_known_run(analyst: Client) -> None:
    run = example_run()
    assert _client("board_member").get(f"/forecasting/runs/{run.pk}/goal-seek/").status_code == 403
    assert analyst.get("/forecasting/runs/999/goal-seek/").status_code == 404


def test_a_scenario_can_use_an_uploaded_population(analyst: Client, area: Any) -> None:
    from tests.forecasting.test_services_inputs import population_csv
    from thrive.forecasting.services_inputs import population_upload

    uploaded = population_upload(
        actor=make_user("uploader", "analyst"),
        name="With housing",
        file_name="population.csv",
        text=population_csv(years=tuple(range(2015, 2036))),
    )
    page = analyst.get("/forecasting/scenarios/new/").content.decode()
    assert f'<option value="{uploaded.pk}">With housing</option>' in page
    response = analyst.post("/forecasting/scenarios/new/", _answers(population=str(uploaded.pk)))
    assert response.status_code == 302
    assert Scenario.objects.get().population == uploaded
