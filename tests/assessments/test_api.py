import datetime as dt
from typing import Any

import pytest
from django.utils import timezone


@pytest.fixture
def api(client: Any, officer: Any) -> Any:
    client.force_login(officer)
    return client


def test_reads_a_case_with_its_computed_deadlines(api: Any, make_case: Any) -> None:
    case = make_case(received_on=dt.date(2025, 9, 1))
    body = api.get(f"/api/cases/{case.pk}/").json()
    deadlines = {d["key"]: d["due_on"] for d in body["deadlines"]}
    assert deadlines["decision_to_assess"] == "2025-10-13"
    assert body["final_plan_due_on"] == "2026-01-19"
    assert body["stage"] == "awaiting_decision_to_assess"


def test_lists_open_cases(api: Any, make_case: Any) -> None:
    make_case(received_on=dt.date(2025, 9, 1))
    body = api.get("/api/cases/?overdue=true").json()
    assert body["count"] == 1
    assert body["results"][0]["next_deadline"]["key"] == "decision_to_assess"


def test_records_a_step(api: Any, make_case: Any) -> None:
    case = make_case(received_on=dt.date(2025, 9, 1))
    response = api.post(
        f"/api/cases/{case.pk}/steps/",
        {"kind": "decision_to_assess", "on": "2025-10-01", "outcome": True},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["stage"] == "assessing"


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        ({"kind": "final_issued", "on": "2025-10-01"}, 422, "on"),
        ({"kind": "decision_to_assess", "on": "2025-10-01"}, 400, "outcome"),
        ({"kind": "decision_to_assess", "on": "not a date", "outcome": True}, 400, "on"),
        ({"kind": "teleport", "on": "2025-10-01"}, 400, "kind"),
        ({}, 400, "kind"),
    ],
)
def test_refuses_bad_steps_with_a_reason(
    api: Any, make_case: Any, payload: dict[str, Any], status: int, field: str
) -> None:
    case = make_case(received_on=dt.date(2025, 9, 1))
    response = api.post(f"/api/cases/{case.pk}/steps/", payload, content_type="application/json")
    assert response.status_code == status
    body = response.json()
    assert body["field"] == field
    assert body["message"]
    assert case.events.count() == 1


def test_malformed_json_is_a_400(api: Any, make_case: Any) -> None:
    case = make_case()
    response = api.post(f"/api/cases/{case.pk}/steps/", "{nope", content_type="application/json")
    assert response.status_code == 400
    assert "JSON" in response.json()["message"]


def test_opens_a_case_for_a_new_child(api: Any, council: Any) -> None:
    response = api.post(
        "/api/cases/",
        {
            "child": {
                "first_name": "Dev",
                "last_name": "Test",
                "date_of_birth": "2013-02-02",
                "sex": "M",
                "ethnicity": "ABAN",
                "upn": "B801200005001",
            },
            "received_on": timezone.localdate().isoformat(),
            "request_source": "3",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["child"]["upn"] == "B801200005001"


def test_refuses_a_child_with_an_invalid_upn(api: Any, council: Any) -> None:
    response = api.post(
        "/api/cases/",
        {
            "child": {
                "first_name": "Dev",
                "last_name": "Test",
                "date_of_birth": "2013-02-02",
                "sex": "M",
                "ethnicity": "ABAN",
                "upn": "A801200005001",
            },
            "received_on": "2025-09-01",
            "request_source": "3",
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["field"] == "upn"


def test_schema_describes_the_case_api(client: Any) -> None:
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert {"/api/cases/", "/api/cases/{case_id}/", "/api/cases/{case_id}/steps/"} <= set(
        schema["paths"]
    )
