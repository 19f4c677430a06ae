"""The risk register's pages through HTTP: the register and heat map (after, then before
mitigation), a risk's page, adding, reassessing, mitigating and closing; who may do what."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import make_user
from tests.improvement.risk_builders import make_action, make_risk
from thrive.improvement.models import Mitigation, Risk, RiskAssessment


@pytest.fixture
def officer(db: Any) -> Any:
    return make_user("po", "programme_officer")


def _scores(**changes: Any) -> dict[str, Any]:
    review = timezone.localdate() + dt.timedelta(days=30)
    data = {
        "likelihood_before": "4",
        "impact_before": "5",
        "likelihood_after": "2",
        "impact_after": "3",
        "review_on_day": str(review.day),
        "review_on_month": str(review.month),
        "review_on_year": str(review.year),
    }
    data.update(changes)
    return data


def test_register_shows_heat_map_and_table_after_mitigation(client: Any, officer: Any) -> None:
    make_risk(officer, title="Too few EPs", before=(4, 5), after=(3, 4))
    client.force_login(officer)
    page = client.get("/improvement/risks/").content.decode()
    assert "Heat map of open risks after mitigation" in page
    assert 'aria-label="Heat map of 1 open risk after mitigation' in page
    assert "Too few EPs" in page
    assert "4 × 5 = 20" in page
    assert "3 × 4 = 12" in page
    assert "Very high" in page
    assert "Add a risk" in page
    before = client.get("/improvement/risks/?scores=before").content.decode()
    assert "Heat map of open risks before mitigation" in before


def test_register_says_a_review_is_overdue(client: Any, officer: Any) -> None:
    today = timezone.localdate()
    make_risk(officer, review_on=today - dt.timedelta(days=3), today=today)
    client.force_login(officer)
    assert "Review 3 days overdue" in client.get("/improvement/risks/").content.decode()


def test_adding_a_risk(client: Any, officer: Any) -> None:
    client.force_login(officer)
    data = _scores(title="Transport budget", cause="Costs rise", effect="Cuts", owner=officer.pk)
    response = client.post("/improvement/risks/add/", data)
    risk = Risk.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/improvement/risks/{risk.pk}/"
    assert (risk.likelihood_before, risk.impact_after) == (4, 3)
    assert risk.assessments.count() == 1
    detail = client.get(response["Location"]).content.decode()
    assert "Transport budget" in detail
    assert "Likelihood 4 × impact 5 = 20" in detail


def test_adding_a_risk_with_a_score_outside_one_to_five_is_refused(
    client: Any, officer: Any
) -> None:
    client.force_login(officer)
    data = _scores(likelihood_before="6", title="T", cause="C", effect="E", owner=officer.pk)
    response = client.post("/improvement/risks/add/", data)
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert not Risk.objects.exists()


def test_reassessing_appends_an_assessment(client: Any, officer: Any) -> None:
    risk = make_risk(officer, today=timezone.localdate())
    client.force_login(officer)
    response = client.post(f"/improvement/risks/{risk.pk}/assess/", _scores())
    assert response.status_code == 302
    assert RiskAssessment.objects.filter(risk=risk).count() == 2
    detail = client.get(f"/improvement/risks/{risk.pk}/").content.decode()
    assert "2 × 3 = 6" in detail


def test_mitigation_with_an_action_and_refused_with_an_unknown_one(
    client: Any, officer: Any
) -> None:
    risk = make_risk(officer)
    action = make_action(officer)
    client.force_login(officer)
    url = f"/improvement/risks/{risk.pk}/mitigations/add/"
    refused = client.post(url, {"description": "Locums", "action": "99999"})
    assert refused.status_code == 400
    assert risk.mitigations.count() == 0
    client.post(url, {"description": "Locums", "action": str(action.pk)})
    assert risk.mitigations.get().action == action
    page = client.get(f"/improvement/risks/{risk.pk}/").content.decode()
    assert f'href="/improvement/actions/{action.pk}/">{action.title}</a>' in page


def test_closing_a_risk(client: Any, officer: Any) -> None:
    risk = make_risk(officer)
    today = timezone.localdate()
    client.force_login(officer)
    response = client.post(
        f"/improvement/risks/{risk.pk}/close/",
        {"closed_on_day": today.day, "closed_on_month": today.month, "closed_on_year": today.year},
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.closed_on == today
    page = client.get("/improvement/risks/").content.decode()
    assert "There are no open risks on the register." in page
    assert "Closed on" in client.get("/improvement/risks/?closed=show").content.decode()


@pytest.mark.parametrize("role", ["board_member", "inspector", "analyst", "partner_lead"])
def test_readers_see_the_register_but_cannot_change_it(
    client: Any, officer: Any, role: str
) -> None:
    risk = make_risk(officer)
    client.force_login(make_user("reader", role))
    page = client.get("/improvement/risks/")
    assert page.status_code == 200
    assert "Add a risk" not in page.content.decode()
    assert "Review the scores" not in client.get(f"/improvement/risks/{risk.pk}/").content.decode()
    assert client.post(f"/improvement/risks/{risk.pk}/assess/", _scores()).status_code == 403
    assert client.get("/improvement/risks/add/").status_code == 403
    assert risk.assessments.count() == 1


def test_case_officers_do_not_see_the_register(client: Any, db: Any) -> None:
    client.force_login(make_user("co", "case_officer"))
    assert client.get("/improvement/risks/").status_code == 403


def test_a_missing_risk_is_not_found(client: Any, officer: Any) -> None:
    client.force_login(officer)
    assert client.get("/improvement/risks/99999/").status_code == 404


def test_the_register_reads_the_same_number_of_queries_for_more_risks(
    client: Any, officer: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    action = make_action(officer)
    client.force_login(officer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/improvement/risks/?closed=show").status_code == 200
        return len(captured)

    make_risk(officer, title="One")
    one = queries()
    for n in range(4):
        risk = make_risk(officer, title=f"More {n}")
        Mitigation.objects.create(risk=risk, description="m", action=action)
    assert queries() == one


def test_changing_a_risk_through_its_page(client: Any, officer: Any) -> None:
    risk = make_risk(officer)
    client.force_login(officer)
    assert "Change the risk" in client.get(f"/improvement/risks/{risk.pk}/").content.decode()
    url = f"/improvement/risks/{risk.pk}/change/"
    assert client.get(url).status_code == 200
    data = {"title": "EP vacancies", "cause": "c", "effect": "e", "owner": officer.pk}
    response = client.post(url, data)
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.title == "EP vacancies"
    refused = client.post(url, {**data, "title": ""})
    assert refused.status_code == 400
