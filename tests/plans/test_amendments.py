"""Amending a plan after a review (SEND Regulations 2014, reg. 22): the draft amended plan
linked to the review that decided to amend, the refusals, the amendment timetable and its
states, and the overview's section and start button."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import TODAY
from tests.plans.builders import FINAL_ON
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.plans import services
from thrive.plans.models import AnnualReview, EhcPlan, PlanVersion
from thrive.plans.selectors_amendments import amendment_for, pending_amend_review
from thrive.portal.models import DraftResponse

MEETING = dt.date(2026, 2, 2)
DECISION_BY = dt.date(2026, 3, 2)  # 4 weeks after the meeting
SERVED = dt.date(2026, 2, 20)
REPRESENTATIONS_CLOSE = dt.date(2026, 3, 6)  # 15 days beginning with 20 February
FINAL_DUE = dt.date(2026, 4, 17)  # 8 weeks after 20 February


@pytest.fixture
def issued_final(officer: Any, final: PlanVersion) -> PlanVersion:
    return services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)


@pytest.fixture
def plan(issued_final: PlanVersion) -> EhcPlan:
    return issued_final.plan


def _review(plan: EhcPlan, officer: Any, decision: str = "amend") -> AnnualReview:
    return AnnualReview.objects.create(
        plan=plan,
        meeting_on=MEETING,
        scheduled_by=officer,
        decision=decision,
        decision_notified_on=dt.date(2026, 2, 16),
    )


def _start(officer: Any, version: PlanVersion, review: AnnualReview | None) -> PlanVersion:
    return services.plan_new_version(
        actor=officer, version=version, kind="amended_draft", review=review, today=TODAY
    )


# --- Starting the draft amended plan ---------------------------------------------------


def test_the_draft_amended_plan_names_the_review_that_decided_to_amend(
    officer: Any, issued_final: PlanVersion
) -> None:
    review = _review(issued_final.plan, officer)
    draft = _start(officer, issued_final, review)
    assert (draft.kind, draft.review, draft.based_on) == ("amended_draft", review, issued_final)
    assert "after the annual review of 2026-02-02" in AuditEntry.objects.latest("id").summary
    assert pending_amend_review(issued_final.plan) is None


def test_refuses_a_review_that_did_not_decide_to_amend(
    officer: Any, issued_final: PlanVersion
) -> None:
    review = _review(issued_final.plan, officer, decision="keep")
    with pytest.raises(Refusal, match="did not decide to amend"):
        _start(officer, issued_final, review)
    assert issued_final.plan.versions.count() == 2


def test_refuses_a_review_of_another_plan(
    officer: Any, issued_final: PlanVersion, make_case: Any
) -> None:
    other_case = make_case(first_name="Otto")
    other = EhcPlan.objects.create(case=other_case)
    with pytest.raises(Refusal, match="not of this plan"):
        _start(officer, issued_final, _review(other, officer))


def test_refuses_a_second_draft_after_the_same_review(
    officer: Any, issued_final: PlanVersion
) -> None:
    review = _review(issued_final.plan, officer)
    draft = _start(officer, issued_final, review)
    services.plan_issue_draft(actor=officer, version=draft, served_on=SERVED, today=TODAY)
    DraftResponse.objects.create(version=draft, given_by=officer, comments="Agreed.")
    amended = services.plan_new_version(actor=officer, version=draft, kind="amended_final")
    services.plan_issue_final(actor=officer, version=amended, issued_on=SERVED, today=TODAY)
    with pytest.raises(Refusal, match="already been started after this review"):
        _start(officer, amended, review)


def test_refuses_a_review_for_a_final_plan(officer: Any, issued_draft: PlanVersion) -> None:
    review = _review(issued_draft.plan, officer)
    with pytest.raises(Refusal, match="Only a draft amended plan"):
        services.plan_new_version(actor=officer, version=issued_draft, kind="final", review=review)


# --- The amendment timetable -----------------------------------------------------------


def test_no_amendment_no_timetable(plan: EhcPlan, officer: Any) -> None:
    assert amendment_for(plan, TODAY) is None
    _review(plan, officer, decision="keep")
    assert amendment_for(plan, TODAY) is None


def test_the_proposed_amendments_are_due_with_the_decision(plan: EhcPlan, officer: Any) -> None:
    review = _review(plan, officer)
    amendment = amendment_for(plan, TODAY)
    assert amendment is not None
    assert amendment.review == review
    assert amendment.draft is None
    [step] = amendment.steps
    assert (step.due_by, step.state, step.overdue) == (DECISION_BY, "Due by 2 March 2026", False)
    late = amendment_for(plan, DECISION_BY + dt.timedelta(days=3))
    assert late is not None
    assert late.steps[0].state == "Overdue by 3 days (due by 2 March 2026)"
    assert late.steps[0].overdue


def test_the_timetable_runs_from_the_draft_amended_plan(
    officer: Any, issued_final: PlanVersion
) -> None:
    draft = _start(officer, issued_final, _review(issued_final.plan, officer))
    services.plan_issue_draft(actor=officer, version=draft, served_on=SERVED, today=TODAY)
    amendment = amendment_for(issued_final.plan, TODAY)
    assert amendment is not None
    assert amendment.timetable is not None
    sent, representations, final = amendment.steps
    assert sent.state == "Done on 20 February 2026"
    assert (representations.due_by, representations.state) == (
        REPRESENTATIONS_CLOSE,
        "Open until 6 March 2026",
    )
    assert (final.due_by, final.state) == (FINAL_DUE, "Due by 17 April 2026")
    later = amendment_for(issued_final.plan, dt.date(2026, 4, 20))
    assert later is not None
    assert later.steps[1].state == "Closed on 6 March 2026"
    assert not later.steps[1].overdue
    assert later.steps[2].state == "Overdue by 3 days (due by 17 April 2026)"


def test_a_late_final_amended_plan_is_allowed_and_shown_late(
    officer: Any, issued_final: PlanVersion
) -> None:
    draft = _start(officer, issued_final, None)
    services.plan_issue_draft(actor=officer, version=draft, served_on=SERVED, today=TODAY)
    amended = services.plan_new_version(actor=officer, version=draft, kind="amended_final")
    late_on = FINAL_DUE + dt.timedelta(days=2)
    services.plan_issue_final(actor=officer, version=amended, issued_on=late_on, today=late_on)
    amendment = amendment_for(issued_final.plan, late_on)
    assert amendment is not None
    assert amendment.final == amended
    assert amendment.previous == issued_final
    assert [s.label for s in amendment.steps] == [
        "The family's 15 days for representations",
        "Final amended plan issued",
    ]
    assert amendment.steps[-1].state == "Done on 19 April 2026, 2 days late"


# --- Pages -----------------------------------------------------------------------------


@pytest.fixture
def signed_in(client: Any, officer: Any) -> Any:
    client.force_login(officer)
    return client


def test_the_overview_offers_the_draft_amended_plan_after_a_decision_to_amend(
    signed_in: Any, officer: Any, issued_final: PlanVersion
) -> None:
    plan = issued_final.plan
    review = _review(plan, officer)
    page = signed_in.get(f"/cases/{plan.case_id}/plan/").content.decode()
    assert "The annual review on 2 February 2026 decided to amend the plan" in page
    assert "Start the draft amended plan" in page
    assert "Amending the plan" in page
    assert "Proposed amendments (the draft amended plan) sent" in page
    url = f"/plans/versions/{issued_final.pk}/next/"
    assert "follows the annual review on 2 February 2026" in signed_in.get(url).content.decode()
    response = signed_in.post(url)
    assert response.status_code == 302
    draft = plan.versions.latest("number")
    assert (draft.kind, draft.review) == ("amended_draft", review)


def test_the_overview_links_the_differences_of_the_amended_plan(
    signed_in: Any, officer: Any, issued_final: PlanVersion
) -> None:
    plan = issued_final.plan
    draft = _start(officer, issued_final, _review(plan, officer))
    today = timezone.localdate()
    services.plan_issue_draft(actor=officer, version=draft, served_on=today, today=today)
    page = signed_in.get(f"/cases/{plan.case_id}/plan/").content.decode()
    href = f"/plans/versions/{issued_final.pk}/compare/{draft.pk}/"
    assert f'href="{href}">See what changes from version 2 to version 3' in page
    assert "The family&#x27;s 15 days for representations" in page
    assert signed_in.get(href).status_code == 200
