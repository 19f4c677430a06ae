import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from thrive.core.models import AuditEntry
from thrive.people.models import Child


@pytest.fixture
def signed_in(client: Any, officer: Any) -> Any:
    client.force_login(officer)
    return client


def _date(prefix: str, day: dt.date) -> dict[str, str]:
    return {
        f"{prefix}_day": str(day.day),
        f"{prefix}_month": str(day.month),
        f"{prefix}_year": str(day.year),
    }


def test_caseload_page_shows_deadline_in_words(signed_in: Any, make_case: Any) -> None:
    make_case(received_on=timezone.localdate() - dt.timedelta(days=50))
    page = signed_in.get("/cases/").content.decode()
    assert "Decide whether to assess" in page
    assert "8 days late" in page


def test_caseload_page_query_count_does_not_grow_with_cases(
    signed_in: Any, make_case: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(30):
        make_case(received_on=timezone.localdate() - dt.timedelta(days=n + 1))
    signed_in.get("/cases/")  # warm the per-process summaries
    with django_assert_max_num_queries(12):
        assert signed_in.get("/cases/?sort=name").status_code == 200


def test_viewing_a_case_is_audited_without_personal_data(signed_in: Any, make_case: Any) -> None:
    case = make_case()
    signed_in.get(f"/cases/{case.pk}/")
    entry = AuditEntry.objects.filter(action="view").latest("id")
    assert (entry.object_id, entry.child_id) == (case.pk, case.child_id)
    assert "Ada" not in entry.summary
    assert "Example" not in entry.summary


def test_recording_a_step_changes_the_deadlines(signed_in: Any, make_case: Any) -> None:
    received = timezone.localdate() - dt.timedelta(days=20)
    case = make_case(received_on=received)
    response = signed_in.post(
        f"/cases/{case.pk}/record/decision_to_assess/",
        {**_date("on", received + dt.timedelta(days=10)), "outcome": "yes"},
        follow=True,
    )
    page = response.content.decode()
    assert "Decision whether to assess recorded" in page
    assert "Done on time" in page
    assert "Decide whether to issue a plan" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter the date the decision was sent"),
        (
            {"on_day": "31", "on_month": "2", "on_year": "2026", "outcome": "yes"},
            "must be a real date",
        ),
        ({"on_day": "3", "on_year": "2026", "outcome": "yes"}, "must include a month"),
        ({"on_day": "1", "on_month": "1", "on_year": "2099", "outcome": "yes"}, "future"),
    ],
)
def test_bad_input_shows_the_error_summary_and_saves_nothing(
    signed_in: Any, make_case: Any, data: dict[str, str], message: str
) -> None:
    case = make_case()
    response = signed_in.post(f"/cases/{case.pk}/record/decision_to_assess/", data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert message in page
    assert 'href="#id_on"' in page
    assert case.events.count() == 1


def test_unknown_step_is_not_found(signed_in: Any, make_case: Any) -> None:
    assert signed_in.get(f"/cases/{make_case().pk}/record/request_received/").status_code == 404
    assert signed_in.get(f"/cases/{make_case().pk}/record/nonsense/").status_code == 404


def test_new_request_opens_a_case(signed_in: Any, council: Any) -> None:
    today = timezone.localdate()
    response = signed_in.post(
        "/cases/new/",
        {
            "first_name": "Cara",
            "last_name": "Test",
            **_date("date_of_birth", dt.date(2014, 4, 4)),
            "sex": "F",
            "ethnicity": "WBRI",
            "postcode": "sw1a1aa",
            "nhs_number": "943 476 5870",
            **_date("received_on", today),
            "request_source": "2",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Request recorded" in page
    assert "Cara Test" in page
    assert Child.objects.get(first_name="Cara").postcode == "SW1A 1AA"


def test_new_request_with_bad_nhs_number_keeps_what_was_typed(signed_in: Any, council: Any) -> None:
    response = signed_in.post(
        "/cases/new/",
        {
            "first_name": "Cara",
            "last_name": "Test",
            **_date("date_of_birth", dt.date(2014, 4, 4)),
            "sex": "F",
            "ethnicity": "WBRI",
            "nhs_number": "943 476 5871",
            **_date("received_on", timezone.localdate()),
            "request_source": "2",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter a valid NHS number" in page
    assert 'value="Cara"' in page


def test_manager_changes_the_case_officer(client: Any, manager: Any, make_case: Any) -> None:
    case = make_case()
    client.force_login(manager)
    response = client.post(
        f"/cases/{case.pk}/case-officer/", {"case_officer": manager.pk}, follow=True
    )
    assert "Case officer changed" in response.content.decode()


def test_caseload_quick_views_mark_the_current_one(signed_in: Any, officer: Any) -> None:
    page = signed_in.get("/cases/?overdue=on").content.decode()
    assert 'aria-current="page" href="/cases/?overdue=on"' in page
    assert f'href="/cases/?case_officer={officer.pk}"' in page
