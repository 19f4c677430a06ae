"""Preparing for adulthood at annual reviews (SEND Regulations 2014, regs 20(6), 21(6); CoP
chapter 8): the service and its refusals, the plan's outcomes for each area, and the pages -
the prompt page, the overview's warning until it is recorded, and the decision page's
warning. The pages use the real date, so their dates are counted from it."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import TODAY
from tests.plans.builders import FINAL_ON
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.people.models import Child
from thrive.plans import services
from thrive.plans.models import AnnualReview, EhcPlan, Outcome, PlanVersion
from thrive.plans.selectors_reviews import adulthood_outcomes, adulthood_recorded
from thrive.plans.services.adulthood import review_record_adulthood

MEETING = dt.date(2026, 4, 8)
AFTER = dt.date(2026, 4, 10)
YEAR_9 = dt.date(2012, 8, 31)  # Year 9 from September 2025, Year 10 from September 2026
YEAR_8 = dt.date(2012, 9, 1)  # Year 8 in 2025-26, Year 9 from September 2026


@pytest.fixture
def plan(officer: Any, final: PlanVersion) -> EhcPlan:
    """A final plan issued 12 January 2026 whose outcome is tagged for employment."""
    Outcome.objects.filter(version=final).update(adulthood_area="employment")
    services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)
    return final.plan


def _born(plan: EhcPlan, on: dt.date) -> None:
    Child.objects.filter(pk=plan.case.child_id).update(date_of_birth=on)
    plan.case.child.refresh_from_db()


@pytest.fixture
def review(officer: Any, plan: EhcPlan) -> AnnualReview:
    """The review of a child in Year 9 on the meeting day."""
    _born(plan, YEAR_9)
    return services.review_schedule(actor=officer, plan=plan, meeting_on=MEETING, today=TODAY)


ANSWERS = {
    "pfa_employment": "Wants a supported internship at the garden centre.",
    "transition_plan": "Careers adviser to visit the college with Ada by June.",
}


# --- The service -------------------------------------------------------------------------


def test_records_preparing_for_adulthood_with_an_audit_entry(
    officer: Any, review: AnnualReview
) -> None:
    review_record_adulthood(actor=officer, review=review, answers=ANSWERS, today=AFTER)
    review.refresh_from_db()
    assert review.pfa_employment == ANSWERS["pfa_employment"]
    assert review.transition_plan == ANSWERS["transition_plan"]
    assert review.pfa_health == ""
    assert adulthood_recorded(review)
    entry = AuditEntry.objects.filter(object_type="plans.annualreview").latest("id")
    assert entry.summary == (
        "recorded preparing for adulthood at the review "
        "(higher education or employment, transition plan)"
    )
    assert "garden centre" not in entry.summary


def test_recording_again_replaces_and_a_blank_clears(officer: Any, review: AnnualReview) -> None:
    review_record_adulthood(actor=officer, review=review, answers=ANSWERS, today=AFTER)
    review_record_adulthood(
        actor=officer,
        review=review,
        answers={"pfa_health": "  Moving to adult CAMHS. "},
        today=AFTER,
    )
    review.refresh_from_db()
    assert (review.pfa_employment, review.transition_plan) == ("", "")
    assert review.pfa_health == "Moving to adult CAMHS."


def test_refuses_a_child_below_year_9_at_the_meeting(
    officer: Any, review: AnnualReview, plan: EhcPlan
) -> None:
    _born(plan, YEAR_8)
    with pytest.raises(Refusal, match="in Year 8 at the meeting"):
        review_record_adulthood(actor=officer, review=review, answers=ANSWERS, today=AFTER)
    review.refresh_from_db()
    assert not adulthood_recorded(review)


def test_year_9_is_judged_on_the_meeting_day(officer: Any, plan: EhcPlan) -> None:
    """Year 8 in the summer term, Year 9 at a meeting in September."""
    _born(plan, YEAR_8)
    meeting = dt.date(2026, 9, 7)
    review = services.review_schedule(actor=officer, plan=plan, meeting_on=meeting, today=TODAY)
    review_record_adulthood(actor=officer, review=review, answers=ANSWERS, today=meeting)
    review.refresh_from_db()
    assert adulthood_recorded(review)


def test_refuses_before_the_meeting_is_held(officer: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="once the meeting has been held, on 8 April 2026"):
        review_record_adulthood(
            actor=officer, review=review, answers=ANSWERS, today=MEETING - dt.timedelta(days=1)
        )


def test_refuses_nothing_recorded(officer: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="at least one area") as refused:
        review_record_adulthood(
            actor=officer, review=review, answers={"pfa_health": "   "}, today=AFTER
        )
    assert refused.value.field == "pfa_employment"


def test_refuses_text_over_the_limit(officer: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="2,000 characters or fewer") as refused:
        review_record_adulthood(
            actor=officer, review=review, answers={"pfa_community": "x" * 2001}, today=AFTER
        )
    assert refused.value.field == "pfa_community"


def test_refuses_a_decided_review(officer: Any, review: AnnualReview) -> None:
    services.review_record_decision(
        actor=officer, review=review, decision="keep", notified_on=AFTER, today=AFTER
    )
    with pytest.raises(Refusal, match="decision has been recorded"):
        review_record_adulthood(actor=officer, review=review, answers=ANSWERS, today=AFTER)


def test_only_the_case_work_team_records(administrator: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="case work team"):
        review_record_adulthood(actor=administrator, review=review, answers=ANSWERS, today=AFTER)
    review.refresh_from_db()
    assert not adulthood_recorded(review)


def test_an_unknown_field_is_a_programming_error(officer: Any, review: AnnualReview) -> None:
    with pytest.raises(ValueError, match="notes"):
        review_record_adulthood(actor=officer, review=review, answers={"notes": "x"}, today=AFTER)


# --- The plan's outcomes by area ---------------------------------------------------------


def test_the_outcomes_of_the_plan_in_force_by_area(plan: EhcPlan) -> None:
    found = adulthood_outcomes(plan)
    assert [o.text for o in found["pfa_employment"]] == [
        "Reads a book of their choice on their own."
    ]
    assert found["pfa_health"] == found["pfa_community"] == found["pfa_independent_living"] == []
    assert "transition_plan" not in found


def test_a_draft_has_no_outcomes_in_force(issued_draft: PlanVersion) -> None:
    Outcome.objects.filter(version=issued_draft).update(adulthood_area="health")
    assert adulthood_outcomes(issued_draft.plan)["pfa_health"] == []


# --- The pages ---------------------------------------------------------------------------


@pytest.fixture
def signed_in(client: Any, officer: Any) -> Any:
    client.force_login(officer)
    return client


@pytest.fixture
def held(officer: Any, plan: EhcPlan) -> AnnualReview:
    """A meeting held a week ago for a young person aged 16 (Year 11 or 12)."""
    today = timezone.localdate()
    _born(plan, today.replace(year=today.year - 16) - dt.timedelta(days=1))
    return AnnualReview.objects.create(
        plan=plan, meeting_on=today - dt.timedelta(days=7), scheduled_by=officer
    )


def _overview(client: Any, plan: EhcPlan) -> str:
    return str(client.get(f"/cases/{plan.case_id}/plan/").content.decode())


def _url(plan: EhcPlan, page: str = "adulthood") -> str:
    return f"/cases/{plan.case_id}/plan/review/{page}/"


def test_the_overview_warns_until_preparing_for_adulthood_is_recorded(
    signed_in: Any, plan: EhcPlan, held: AnnualReview
) -> None:
    page = _overview(signed_in, plan)
    assert "Preparing for adulthood: not yet recorded" in page
    assert f'href="{_url(plan)}">Record' in page
    decision = signed_in.get(_url(plan, "decision")).content.decode()
    assert "Preparing for adulthood is not yet recorded for this review" in decision

    data = dict.fromkeys(AnnualReview.PREPARATION_FOR_ADULTHOOD, "")
    response = signed_in.post(_url(plan), {**data, "pfa_independent_living": "Travel training."})
    assert response.status_code == 302
    page = _overview(signed_in, plan)
    assert "not yet recorded" not in page
    assert f'href="{_url(plan)}">Change' in page
    assert "Travel training." in page
    assert "Nothing recorded" in page  # the other areas
    decision = signed_in.get(_url(plan, "decision")).content.decode()
    assert "not yet recorded" not in decision


def test_the_page_shows_the_plans_outcomes_beside_each_prompt(
    signed_in: Any, plan: EhcPlan, held: AnnualReview
) -> None:
    page = signed_in.get(_url(plan)).content.decode()
    assert "Higher education or employment: what the plan's outcomes say" in page
    assert "Reads a book of their choice on their own." in page
    assert "Good health: the plan has no outcome for this area." in page
    assert "Transition plan" in page


def test_nothing_recorded_is_shown_in_the_error_summary(
    signed_in: Any, plan: EhcPlan, held: AnnualReview
) -> None:
    response = signed_in.post(_url(plan), {})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert 'href="#id_pfa_employment"' in page
    assert "Record what the review said about at least one area" in page


def test_below_year_9_there_is_no_prompt(signed_in: Any, officer: Any, plan: EhcPlan) -> None:
    """Ada (born 2016) is in Year 5 or 6: no warning, and the page goes back to the overview."""
    today = timezone.localdate()
    AnnualReview.objects.create(plan=plan, meeting_on=today, scheduled_by=officer)
    page = _overview(signed_in, plan)
    assert "Preparing for adulthood" not in page
    response = signed_in.get(_url(plan))
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{plan.case_id}/plan/"


def test_the_last_review_shows_what_it_recorded(
    signed_in: Any, officer: Any, plan: EhcPlan, held: AnnualReview
) -> None:
    today = timezone.localdate()
    review_record_adulthood(actor=officer, review=held, answers=ANSWERS, today=today)
    services.review_record_decision(
        actor=officer, review=held, decision="keep", notified_on=today, today=today
    )
    page = _overview(signed_in, plan)
    assert "Preparing for adulthood: what the last review recorded" in page
    assert ANSWERS["pfa_employment"] in page
    assert signed_in.get(_url(plan)).status_code == 302  # no open review


def test_only_the_case_work_team_uses_the_page(
    client: Any, administrator: Any, plan: EhcPlan, held: AnnualReview
) -> None:
    client.force_login(administrator)
    assert client.get(_url(plan)).status_code == 403
    assert client.post(_url(plan), ANSWERS).status_code == 403
    held.refresh_from_db()
    assert not adulthood_recorded(held)


def test_before_the_meeting_the_page_shows_the_plan_but_takes_nothing(
    signed_in: Any, officer: Any, plan: EhcPlan
) -> None:
    today = timezone.localdate()
    _born(plan, today.replace(year=today.year - 16))
    AnnualReview.objects.create(
        plan=plan, meeting_on=today + dt.timedelta(days=20), scheduled_by=officer
    )
    page = signed_in.get(_url(plan)).content.decode()
    assert "You can record what it said once it has been held" in page
    assert "Reads a book of their choice on their own." in page
    assert 'name="pfa_employment"' not in page
    response = signed_in.post(_url(plan), ANSWERS)
    assert response.status_code == 400
    assert "once the meeting has been held" in response.content.decode()
    assert "Preparing for adulthood: not yet recorded" in _overview(signed_in, plan)
