"""Mediation and appeal pages through the client: the case's page with its dates, recording
each step, refusals and form errors in the GOV.UK error summary, the area's list of open
appeals, the audit of views, and the case page's link."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import RequestFactory
from django.utils import timezone

from tests.factories import make_user
from thrive.assessments.models import Case
from thrive.core.models import AuditEntry
from thrive.core.navigation import navigation_for
from thrive.disputes import services
from thrive.disputes.models import Appeal, Mediation


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


def _page(client: Any, case: Case) -> str:
    response = client.get(f"/cases/{case.pk}/disputes/")
    assert response.status_code == 200
    return str(response.content.decode())


def test_the_case_page_links_to_mediation_and_appeals(signed_in: Any, case: Case) -> None:
    page = signed_in.get(f"/cases/{case.pk}/").content.decode()
    assert f'href="/cases/{case.pk}/disputes/">Mediation and appeals' in page


def test_an_empty_page_says_nothing_is_recorded(signed_in: Any, case: Case) -> None:
    page = _page(signed_in, case)
    assert "No contact with a mediation adviser has been recorded." in page
    assert "No appeal has been recorded." in page
    assert f'href="/cases/{case.pk}/disputes/mediation/new/"' in page
    entry = AuditEntry.objects.latest("id")
    assert (entry.action, entry.child_id, entry.summary) == (
        "view",
        case.child_id,
        "viewed the case's mediation and appeals",
    )


def test_the_page_shows_the_dates(signed_in: Any, appeal: Appeal) -> None:
    page = _page(signed_in, appeal.case)
    assert "Contacted on 20 October 2025, by the last day (1 December 2025)" in page
    assert "Last day to appeal" in page
    assert "Registered 4 days after the last day: late appeals are at the Tribunal&#x27;s" in page
    assert 'govuk-tag--orange">Late</strong>' in page  # beside the date, with the words
    assert "The Tribunal needs a mediation certificate for this appeal" in page
    assert f'href="/cases/{appeal.case_id}/disputes/appeals/{appeal.pk}/hearing/">Record' in page


def test_records_contact_with_a_mediation_adviser(signed_in: Any, case: Case) -> None:
    today = timezone.localdate()
    data = {
        "subject": "setting_named",
        **_date("decision_letter_on", today - dt.timedelta(days=20)),
        **_date("adviser_contacted_on", today),
    }
    response = signed_in.post(f"/cases/{case.pk}/disputes/mediation/new/", data, follow=True)
    assert response.redirect_chain[-1][0] == f"/cases/{case.pk}/disputes/"
    assert "Contact with the mediation adviser recorded" in response.content.decode()
    assert Mediation.objects.get(case=case).adviser_contacted_on == today


def test_a_refusal_is_shown_in_the_error_summary(signed_in: Any, case: Case) -> None:
    today = timezone.localdate()
    data = {
        "subject": "setting_named",
        **_date("decision_letter_on", today),
        **_date("adviser_contacted_on", today - dt.timedelta(days=1)),
    }
    response = signed_in.post(f"/cases/{case.pk}/disputes/mediation/new/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_adviser_contacted_on' in page
    assert "must be on or after the decision letter" in page
    assert not Mediation.objects.exists()


def test_missing_answers_are_shown_in_the_error_summary(signed_in: Any, case: Case) -> None:
    response = signed_in.post(f"/cases/{case.pk}/disputes/appeals/new/", {})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select what the appeal is about" in page
    assert "Enter the date the Tribunal registered the appeal" in page
    assert not Appeal.objects.exists()


def test_records_an_appeal_with_its_mediation_and_steps(
    signed_in: Any, mediation: Mediation
) -> None:
    case, today = mediation.case, timezone.localdate()
    data = {
        "subject": "plan_content",
        "mediation": str(mediation.pk),
        **_date("decision_letter_on", mediation.decision_letter_on),
        **_date("registered_on", today),
    }
    assert signed_in.post(f"/cases/{case.pk}/disputes/appeals/new/", data).status_code == 302
    appeal = Appeal.objects.get(case=case)
    assert appeal.mediation == mediation
    base = f"/cases/{case.pk}/disputes/appeals/{appeal.pk}/"
    hearing = today + dt.timedelta(weeks=10)
    assert signed_in.post(base + "hearing/", _date("hearing_on", hearing)).status_code == 302
    outcome = {"outcome": "conceded", **_date("outcome_on", today)}
    assert signed_in.post(base + "outcome/", outcome).status_code == 302
    appeal.refresh_from_db()
    assert (appeal.hearing_on, appeal.outcome) == (hearing, "conceded")
    page = _page(signed_in, case)
    assert "Conceded by the council before the hearing" in page
    assert "Closed" in page
    # A decided appeal's pages refuse a change, in the error summary.
    response = signed_in.post(base + "hearing/", _date("hearing_on", hearing))
    assert response.status_code == 400
    assert "outcome has been recorded" in response.content.decode()


def test_records_the_mediation_and_its_certificate(signed_in: Any, mediation: Mediation) -> None:
    base = f"/cases/{mediation.case_id}/disputes/mediation/{mediation.pk}/"
    held = {"outcome": "not_agreed", **_date("held_on", dt.date(2025, 11, 3))}
    assert signed_in.post(base + "outcome/", held).status_code == 302
    certificate = {"kind": "mediation_ended", **_date("issued_on", dt.date(2025, 11, 5))}
    assert signed_in.post(base + "certificate/", certificate).status_code == 302
    page = _page(signed_in, mediation.case)
    assert "3 November 2025: no agreement" in page
    assert "5 November 2025: mediation took place" in page
    # 2 months from 1 October (1 December) is earlier than 1 month from 5 November.
    assert "5 December 2025" in page


def test_another_cases_mediation_or_appeal_is_not_found(
    signed_in: Any, appeal: Appeal, make_case: Callable[..., Case]
) -> None:
    other = make_case(first_name="Otto")
    assert appeal.mediation is not None
    paths = (
        f"/cases/{other.pk}/disputes/mediation/{appeal.mediation.pk}/outcome/",
        f"/cases/{other.pk}/disputes/mediation/{appeal.mediation.pk}/certificate/",
        f"/cases/{other.pk}/disputes/appeals/{appeal.pk}/hearing/",
        f"/cases/{other.pk}/disputes/appeals/{appeal.pk}/outcome/",
    )
    for path in paths:
        assert signed_in.get(path).status_code == 404


def test_the_area_list_shows_open_appeals_by_hearing_date(
    signed_in: Any, officer: Any, appeal: Appeal, make_case: Callable[..., Case]
) -> None:
    other = make_case(first_name="Otto")
    today = timezone.localdate()
    soon = services.appeal_record(
        actor=officer,
        case=other,
        subject="setting_named",
        decision_letter_on=today - dt.timedelta(days=30),
        registered_on=today,
        today=today,
    )
    services.appeal_record_hearing(
        actor=officer, appeal=soon, hearing_on=today + dt.timedelta(days=40), today=today
    )
    response = signed_in.get("/disputes/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Open appeals (2)" in page
    assert page.index("Otto Example") < page.index("Ada Example")  # with a hearing first
    assert "Not set" in page
    assert f'href="/cases/{other.pk}/disputes/"' in page
    assert "2025: 1 appeal" in page
    listed = AuditEntry.objects.filter(summary="listed on the open appeals")
    assert set(listed.values_list("child_id", flat=True)) == {appeal.case.child_id, other.child_id}


def test_the_area_list_query_count_does_not_grow_with_appeals(
    signed_in: Any, officer: Any, make_case: Callable[..., Case], django_assert_max_num_queries: Any
) -> None:
    today = timezone.localdate()
    for name in ("Ann", "Bo", "Cy", "Di", "Ed"):
        services.appeal_record(
            actor=officer,
            case=make_case(first_name=name),
            subject="ceasing",
            decision_letter_on=today,
            registered_on=today,
            today=today,
        )
    with django_assert_max_num_queries(12):
        assert signed_in.get("/disputes/").status_code == 200


def test_the_team_reaches_the_area_list_from_the_navigation(
    officer: Any,
) -> None:
    request = RequestFactory().get("/")
    request.user = officer
    assert {"text": "Appeals", "href": "/disputes/", "current": False} in navigation_for(request)
    for role in ("analyst", "parent", "practitioner"):
        request.user = make_user(role, role)
        assert "Appeals" not in [item["text"] for item in navigation_for(request)]
