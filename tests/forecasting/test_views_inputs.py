"""The pages of the forecast's inputs: unit costs, places at settings and population uploads.
Viewers see them; only editors change them; bad answers are a 400 with the error summary."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import make_user
from tests.forecasting.test_services_inputs import population_csv
from thrive.forecasting.models import PopulationProjection, SettingCapacity, UnitCost
from thrive.people.models import Setting

pytestmark = pytest.mark.django_db


def _client(role: str) -> Client:
    client = Client()
    client.force_login(make_user(f"{role}-user", role))
    return client


@pytest.fixture
def analyst() -> Client:
    return _client("analyst")


@pytest.fixture
def setting(council: Any) -> Setting:
    return Setting.objects.create(
        name="Oak Special School",
        establishment_type="special_la_maintained",
        phase="all_through",
        local_authority=council,
    )


COST = {
    "need": "ASD",
    "setting_category": "special_state",
    "annual_cost": "24500",
    "uplift_percent": "3.5",
    "price_year": "2026",
}


def test_unit_costs_are_set_and_listed(analyst: Client) -> None:
    response = analyst.post("/forecasting/unit-costs/", COST)
    assert response.status_code == 302
    page = analyst.get("/forecasting/unit-costs/").content.decode()
    assert "£24,500" in page
    assert "3.5%" in page
    assert UnitCost.objects.get().updated_by is not None


def test_change_link_fills_the_form_with_the_cost(analyst: Client) -> None:
    analyst.post("/forecasting/unit-costs/", COST)
    page = analyst.get("/forecasting/unit-costs/?need=ASD&category=special_state").content
    assert b'value="24500.00"' in page


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"annual_cost": "lots"}, "id_annual_cost"),
        ({"setting_category": "moon"}, "id_setting_category"),
        ({"price_year": ""}, "id_price_year"),
    ],
)
def test_bad_unit_cost_is_a_400(analyst: Client, changes: dict[str, str], field: str) -> None:
    response = analyst.post("/forecasting/unit-costs/", {**COST, **changes})
    assert response.status_code == 400
    assert f'href="#{field}"'.encode() in response.content
    assert not UnitCost.objects.exists()


def test_viewers_see_costs_but_may_not_change_them() -> None:
    board = _client("board_member")
    page = board.get("/forecasting/unit-costs/")
    assert page.status_code == 200
    assert b"Set a unit cost" not in page.content
    assert board.post("/forecasting/unit-costs/", COST).status_code == 403
    assert not UnitCost.objects.exists()


def test_capacity_is_recorded_and_listed(analyst: Client, setting: Setting) -> None:
    answers = {"setting": str(setting.pk), "places": "120", "locality": "North"}
    assert analyst.post("/forecasting/capacity/", answers).status_code == 302
    page = analyst.get("/forecasting/capacity/").content.decode()
    assert "Oak Special School" in page
    assert "North" in page
    assert SettingCapacity.objects.get().places == 120
    changing = analyst.get(f"/forecasting/capacity/?setting={setting.pk}").content.decode()
    assert 'value="120"' in changing


def test_capacity_with_bad_answers_is_a_400(analyst: Client, setting: Setting) -> None:
    answers = {"setting": "999", "places": "-3", "locality": ""}
    response = analyst.post("/forecasting/capacity/", answers)
    assert response.status_code == 400
    for field in ("id_setting", "id_places", "id_locality"):
        assert f'href="#{field}"'.encode() in response.content
    assert _client("board_member").post("/forecasting/capacity/", answers).status_code == 403


def _upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("population.csv", text.encode(), content_type="text/csv")


def test_population_file_is_uploaded_and_listed(analyst: Client) -> None:
    response = analyst.post(
        "/forecasting/population/", {"name": "With housing", "file": _upload(population_csv())}
    )
    assert response.status_code == 302
    page = analyst.get("/forecasting/population/").content.decode()
    assert "With housing" in page
    assert "population.csv" in page
    assert "January 2027 to January 2028" in page


def test_population_file_with_problems_lists_them_and_saves_nothing(analyst: Client) -> None:
    text = population_csv(skip=(2027, 3)) + "2028,x,5\n"
    response = analyst.post("/forecasting/population/", {"name": "Bad", "file": _upload(text)})
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "academic-year must be a whole number" in body
    assert not PopulationProjection.objects.exists()


def test_population_file_that_is_not_text_is_a_400(analyst: Client) -> None:
    upload = SimpleUploadedFile("p.csv", b"\xff\xfe\x00\x81", content_type="text/csv")
    response = analyst.post("/forecasting/population/", {"name": "Binary", "file": upload})
    assert response.status_code == 400
    assert b"saved as UTF-8" in response.content


def test_population_upload_needs_edit() -> None:
    board = _client("board_member")
    assert board.get("/forecasting/population/").status_code == 200
    response = board.post("/forecasting/population/", {"name": "x", "file": _upload("a")})
    assert response.status_code == 403
    assert _client("case_officer").get("/forecasting/population/").status_code == 403
