"""Annual review pages: the overview's section, scheduling and recording each step, errors in
the GOV.UK error summary, and who may use the pages once a plan has a review. The pages use
the real date, so dates here are counted from it."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import TODAY
from tests.plans.builders import FINAL_ON
from tests.routes import CASEWORK
from thrive.plans import services
from thrive.plans.models import AnnualReview, EhcPlan, PlanVersion

PAGES = ("schedule", "invitations", "report", "decision")


@pytest.fixture
def plan(officer: Any, final: PlanVersion) -> EhcPlan:
    services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)
    return final.plan


@pytest.fixture
def signed_in(client: Any, officer: Any) -> Any:
    client.force_login(officer)
    return client


@pytest.fixture
def review(officer: Any, plan: EhcPlan) -> AnnualReview:
    """A meeting held a week ago, so every step can be recorded today."""
    today = timezone.localdate()
    return AnnualReview.objects.create(
        plan=plan, meeting_on=today - dt.timedelta(days=7), scheduled_by=officer
    )


def _date(prefix: str, day: dt.date) -> dict[str, str]:
    return {
        f"{prefix}_day": str(day.day),
        f"{prefix}_month": str(day.month),
        f"{prefix}_year": str(day.year),
    }


def _url(plan: EhcPlan, page: str) -> str:
    return f"/cases/{plan.case_id}/plan/review/{page}/"


def test_the_overview_shows_when_the_first_review_is_due(signed_in: Any, plan: EhcPlan) -> None:
    page = signed_in.get(f"/cases/{plan.case_id}/plan/").content.decode()
    assert "Annual review" in page
    assert "Final plan first issued" in page
    assert "11 January 2027" in page
    assert f'href="{_url(plan, "schedule")}">Schedule' in page


def test_before_the_final_plan_the_overview_explains_the_review(
    signed_in: Any, final: PlanVersion
) -> None:
    page = signed_in.get(f"/cases/{final.plan.case_id}/plan/").content.decode()
    assert "once the final plan is issued" in page
    assert signed_in.get(_url(final.plan, "schedule")).status_code == 302


def test_schedules_a_meeting(signed_in: Any, plan: EhcPlan) -> None:
    meeting = timezone.localdate() + dt.timedelta(days=30)
    response = signed_in.post(_url(plan, "schedule"), _date("meeting_on", meeting), follow=True)
    assert response.redirect_chain[-1][0] == f"/cases/{plan.case_id}/plan/"
    page = response.content.decode()
    assert "Review meeting scheduled" in page
    assert "The invitations are late" not in page
    assert f'href="{_url(plan, "invitations")}">Record' in page
    assert AnnualReview.objects.get(plan=plan).meeting_on == meeting
    # With a review open, the schedule page sends the team back to the overview.
    assert signed_in.get(_url(plan, "schedule")).status_code == 302


def test_a_meeting_under_two_weeks_away_warns_the_invitations_are_late(
    signed_in: Any, plan: EhcPlan
) -> None:
    meeting = timezone.localdate() + dt.timedelta(days=5)
    response = signed_in.post(_url(plan, "schedule"), _date("meeting_on", meeting), follow=True)
    page = response.content.decode()
    assert "less than 2 weeks away, so the invitations are late" in page
    assert "The invitations are late: they must go out at least 2 weeks before" in page
    assert "Overdue by 9 days" in page


def test_a_date_that_is_not_real_is_shown_in_the_error_summary(
    signed_in: Any, plan: EhcPlan
) -> None:
    data = {"meeting_on_day": "31", "meeting_on_month": "2", "meeting_on_year": "2027"}
    response = signed_in.post(_url(plan, "schedule"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_meeting_on' in page
    assert "The date of the review meeting must be a real date" in page
    assert not AnnualReview.objects.exists()


def test_a_meeting_in_the_past_is_refused_in_the_error_summary(
    signed_in: Any, plan: EhcPlan
) -> None:
    past = timezone.localdate() - dt.timedelta(days=1)
    response = signed_in.post(_url(plan, "schedule"), _date("meeting_on", past))
    assert response.status_code == 400
    assert "The meeting date must be today or in the future" in response.content.decode()


def test_records_each_step_and_finishes_the_review(
    signed_in: Any, plan: EhcPlan, review: AnnualReview
) -> None:
    today = timezone.localdate()
    sent = review.meeting_on - dt.timedelta(days=14)
    assert signed_in.post(_url(plan, "invitations"), _date("sent_on", sent)).status_code == 302
    assert signed_in.post(_url(plan, "report"), _date("circulated_on", today)).status_code == 302
    page = signed_in.get(f"/cases/{plan.case_id}/plan/").content.decode()
    assert "Done on" in page
    data = {"decision": "keep", **_date("notified_on", today)}
    response = signed_in.post(_url(plan, "decision"), data, follow=True)
    assert "Decision recorded. The review is finished." in response.content.decode()
    review.refresh_from_db()
    assert (review.invitations_sent_on, review.report_circulated_on) == (sent, today)
    assert (review.decision, review.decision_notified_on) == ("keep", today)
    assert signed_in.get(_url(plan, "decision")).status_code == 302  # no open review now
    page = signed_in.get(f"/cases/{plan.case_id}/plan/").content.decode()
    assert "Last review meeting" in page
    assert f"Keep the plan as it is, notified on {today.day} " in page
    assert f'href="{_url(plan, "schedule")}">Schedule' in page


def test_a_decision_before_the_meeting_is_refused_in_the_error_summary(
    signed_in: Any, plan: EhcPlan, review: AnnualReview
) -> None:
    data = {"decision": "amend", **_date("notified_on", review.meeting_on - dt.timedelta(days=1))}
    response = signed_in.post(_url(plan, "decision"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "The date the decision was notified must be on or after the meeting" in page


def test_a_missing_decision_is_shown_in_the_error_summary(
    signed_in: Any, plan: EhcPlan, review: AnnualReview
) -> None:
    response = signed_in.post(_url(plan, "decision"), _date("notified_on", timezone.localdate()))
    assert response.status_code == 400
    assert "Select the decision" in response.content.decode()


def test_step_pages_without_a_review_go_back_to_the_overview(signed_in: Any, plan: EhcPlan) -> None:
    for page in PAGES[1:]:
        response = signed_in.get(_url(plan, page))
        assert response.status_code == 302
        assert response["Location"] == f"/cases/{plan.case_id}/plan/"


@pytest.mark.parametrize("page", PAGES)
def test_only_the_case_work_team_uses_review_pages(
    client: Any, administrator: Any, manager: Any, plan: EhcPlan, review: AnnualReview, page: str
) -> None:
    assert "send_manager" in CASEWORK
    response = client.get(_url(plan, page))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")
    client.force_login(administrator)
    assert client.get(_url(plan, page)).status_code == 403
    assert client.post(_url(plan, page), {"decision": "cease"}).status_code == 403
    client.force_login(manager)
    assert client.get(_url(plan, page)).status_code in (200, 302)
    review.refresh_from_db()
    assert review.is_open
