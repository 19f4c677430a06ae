"""Ceasing a plan: the services (every refusal, the dates, the audit entries and messages),
the selectors (ceased or maintained, the report) and the pages (the form and its error
summary, the notice, withdrawing, the overview's status and the ceased plans report)."""

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone

from tests.factories import TODAY, make_user
from tests.plans.builders import FINAL_ON
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.core.navigation import navigation_for
from thrive.disputes.models import Appeal, AppealOutcome, CertificateKind, Mediation, Subject
from thrive.people.models import Child, FamilyLink
from thrive.plans import services
from thrive.plans.models import AnnualReview, Cessation, EhcPlan, PlanVersion
from thrive.plans.selectors_ceasing import (
    ceased_plans_for,
    ceased_years,
    cessation_status,
    maintained_plans,
    plan_ceased_on,
)

NOTIFIED = dt.date(2026, 2, 2)
CONSULTED = dt.date(2026, 1, 26)
APPEAL_LAST_DAY = dt.date(2026, 4, 2)  # 2 months after 2 February 2026, a Thursday
CEASES_ON = dt.date(2026, 4, 3)  # the plan is maintained through the last day to appeal
AFTER = dt.date(2026, 6, 1)  # the plan has ceased by then


@pytest.fixture
def plan(officer: Any, final: PlanVersion) -> EhcPlan:
    """A plan whose final version was issued on 12 January 2026; Ada was born 4 May 2016."""
    services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)
    return final.plan


def _cease(actor: Any, plan: EhcPlan, **changes: Any) -> Cessation:
    values: dict[str, Any] = {
        "reason": "2",
        "ground": "",
        "reasons_given": "Her needs are met by the school's own resources.",
        "consulted_on": CONSULTED,
        "notified_on": NOTIFIED,
        "today": TODAY,
    }
    values.update(changes)
    return services.plan_cease(actor=actor, plan=plan, **values)


def _born(plan: EhcPlan, on: dt.date) -> None:
    Child.objects.filter(pk=plan.case.child_id).update(date_of_birth=on)
    plan.case.child.refresh_from_db()


def _refused(actor: Any, plan: EhcPlan, match: str, field: str | None, **changes: Any) -> None:
    with pytest.raises(Refusal, match=match) as refused:
        _cease(actor, plan, **changes)
    assert refused.value.field == field
    assert not Cessation.objects.filter(plan=plan, withdrawn_on__isnull=True).exists()


# --- Recording the decision ------------------------------------------------------------


def test_a_plan_no_longer_necessary_is_maintained_until_the_appeal_deadline(
    officer: Any, plan: EhcPlan, django_capture_on_commit_callbacks: Any
) -> None:
    parent = make_user("parent", "parent", email="parent@example.org")
    FamilyLink.objects.create(user=parent, child=plan.case.child, relationship="parent")
    with django_capture_on_commit_callbacks(execute=True):
        cessation = _cease(officer, plan)
    assert (cessation.ground, cessation.ceases_on) == ("no_longer_necessary", CEASES_ON)
    assert (cessation.consulted_on, cessation.recorded_by) == (CONSULTED, officer)
    entry = AuditEntry.objects.filter(object_type="plans.cessation").latest("id")
    assert (entry.action, entry.object_id, entry.child_id) == (
        "create",
        cessation.pk,
        plan.case.child_id,
    )
    assert "SEN2 reason 2" in entry.summary
    [message] = mail.outbox
    assert message.to == ["parent@example.org"]
    assert plan.case.reference in message.subject
    assert "until at least 2 April 2026" in message.body
    assert "Ada" not in f"{message.subject} {message.body}"


def test_each_reason_brings_its_ground(officer: Any, plan: EhcPlan) -> None:
    _born(plan, dt.date(2005, 1, 1))
    assert _cease(officer, plan, reason="4").ground == "no_longer_responsible"


def test_other_takes_the_ground_the_officer_chooses(officer: Any, plan: EhcPlan) -> None:
    cessation = _cease(officer, plan, reason="9", ground="no_longer_necessary")
    assert cessation.ground == "no_longer_necessary"


def test_refuses_other_without_a_ground(officer: Any, plan: EhcPlan) -> None:
    _refused(officer, plan, "Select the ground", "ground", reason="9")


def test_refuses_a_ground_that_is_not_the_reasons(officer: Any, plan: EhcPlan) -> None:
    _refused(officer, plan, "plan is no longer necessary", "ground", ground="no_longer_responsible")


def test_refuses_an_unknown_reason(officer: Any, plan: EhcPlan) -> None:
    _refused(officer, plan, "Select the reason", "reason", reason="0")


def test_a_death_ends_the_plan_that_day_without_a_ground_or_a_message(
    officer: Any, plan: EhcPlan, django_capture_on_commit_callbacks: Any
) -> None:
    parent = make_user("parent", "parent", email="parent@example.org")
    FamilyLink.objects.create(user=parent, child=plan.case.child, relationship="parent")
    with django_capture_on_commit_callbacks(execute=True):
        cessation = _cease(officer, plan, reason="8", consulted_on=None)
    assert (cessation.ground, cessation.ceases_on) == ("", NOTIFIED)
    assert mail.outbox == []
    assert plan_ceased_on(plan, TODAY) == NOTIFIED


def test_refuses_a_ground_after_a_death(officer: Any, plan: EhcPlan) -> None:
    _refused(officer, plan, "without a ground", "ground", reason="8", ground="no_longer_necessary")


def test_refuses_no_reasons(officer: Any, plan: EhcPlan) -> None:
    _refused(officer, plan, "Enter the reasons", "reasons_given", reasons_given="  ")


def test_refuses_a_future_notified_date(officer: Any, plan: EhcPlan) -> None:
    _refused(
        officer, plan, "today or in the past", "notified_on", notified_on=TODAY + dt.timedelta(1)
    )


def test_refuses_a_decision_before_the_final_plan(officer: Any, plan: EhcPlan) -> None:
    _refused(
        officer,
        plan,
        "before the final plan was issued on 12 January 2026",
        "notified_on",
        notified_on=dt.date(2026, 1, 5),
        consulted_on=dt.date(2026, 1, 2),
    )


def test_refuses_a_decision_without_consultation(officer: Any, plan: EhcPlan) -> None:
    _refused(officer, plan, r"reg\. 31\(1\)", "consulted_on", consulted_on=None)


def test_refuses_consultation_after_the_decision(officer: Any, plan: EhcPlan) -> None:
    _refused(
        officer,
        plan,
        "on or before the day",
        "consulted_on",
        consulted_on=NOTIFIED + dt.timedelta(1),
    )


@pytest.mark.parametrize(
    ("reason", "ground"),
    [("3", ""), ("4", ""), ("6", ""), ("9", "no_longer_responsible")],
)
def test_refuses_a_child_under_18_on_being_no_longer_responsible(
    officer: Any, plan: EhcPlan, reason: str, ground: str
) -> None:
    _refused(officer, plan, "under 18", "reason", reason=reason, ground=ground)


@pytest.mark.parametrize("reason", ["5", "7"])
def test_a_child_under_18_who_moved_away_may_have_the_plan_ceased(
    officer: Any, plan: EhcPlan, reason: str
) -> None:
    assert _cease(officer, plan, reason=reason).ground == "no_longer_responsible"


def test_a_young_person_of_18_may_stop_engaging(officer: Any, plan: EhcPlan) -> None:
    _born(plan, NOTIFIED.replace(year=2008))  # 18 on the day the decision is notified
    assert _cease(officer, plan, reason="6").ground == "no_longer_responsible"


def test_refuses_the_maximum_age_before_24(officer: Any, plan: EhcPlan) -> None:
    _born(plan, dt.date(2002, 3, 1))  # 23 on 2 February 2026
    _refused(officer, plan, "turn 25", "reason", reason="1")
    _born(plan, dt.date(2001, 3, 1))  # 24: they turn 25 in this academic year
    assert _cease(officer, plan, reason="1").ceases_on == CEASES_ON


def test_refuses_a_plan_whose_final_is_not_issued(officer: Any, final: PlanVersion) -> None:
    with pytest.raises(Refusal, match="final plan has been issued"):
        _cease(officer, final.plan)


def test_refuses_a_second_standing_decision(officer: Any, plan: EhcPlan) -> None:
    _cease(officer, plan)
    with pytest.raises(Refusal, match="already has a decision to cease"):
        _cease(officer, plan)


def test_refuses_anyone_but_the_case_work_team(administrator: Any, plan: EhcPlan) -> None:
    _refused(administrator, plan, "case work team", None)


def test_links_the_review_that_decided_to_cease(officer: Any, plan: EhcPlan) -> None:
    review = AnnualReview.objects.create(
        plan=plan, meeting_on=dt.date(2026, 1, 20), scheduled_by=officer, decision="cease"
    )
    assert _cease(officer, plan, review=review).review == review


def test_refuses_a_review_that_did_not_decide_to_cease(officer: Any, plan: EhcPlan) -> None:
    review = AnnualReview.objects.create(
        plan=plan, meeting_on=dt.date(2026, 1, 20), scheduled_by=officer, decision="keep"
    )
    _refused(officer, plan, "did not decide to cease", None, review=review)


# --- A ceased plan ---------------------------------------------------------------------


def test_the_plan_is_maintained_until_it_ceases(officer: Any, plan: EhcPlan) -> None:
    _cease(officer, plan)
    status = cessation_status(plan, TODAY)
    assert status is not None
    assert not status.ceased
    assert status.notice is not None
    assert status.notice.mediation_contact_by == APPEAL_LAST_DAY
    assert plan_ceased_on(plan, APPEAL_LAST_DAY) is None
    assert plan_ceased_on(plan, CEASES_ON) == CEASES_ON
    # While it is maintained it may still be amended.
    latest = plan.versions.latest("number")
    services.plan_new_version(actor=officer, version=latest, kind="amended_draft", today=TODAY)


def test_refuses_a_new_version_of_a_ceased_plan(officer: Any, plan: EhcPlan) -> None:
    _cease(officer, plan)
    latest = plan.versions.latest("number")
    with pytest.raises(Refusal, match="ceased on 3 April 2026"):
        services.plan_new_version(actor=officer, version=latest, kind="amended_draft", today=AFTER)
    assert plan.versions.count() == 2


def test_refuses_a_review_of_a_ceased_plan(officer: Any, plan: EhcPlan) -> None:
    _cease(officer, plan)
    with pytest.raises(Refusal, match="ceased on 3 April 2026"):
        services.review_schedule(actor=officer, plan=plan, meeting_on=AFTER, today=AFTER)
    assert not plan.reviews.exists()


# --- Withdrawing the decision ----------------------------------------------------------


def test_withdrawing_keeps_the_record_and_the_plan(
    officer: Any, plan: EhcPlan, django_capture_on_commit_callbacks: Any
) -> None:
    parent = make_user("parent", "parent", email="parent@example.org")
    FamilyLink.objects.create(user=parent, child=plan.case.child, relationship="parent")
    cessation = _cease(officer, plan)
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_cease_withdraw(
            actor=officer,
            cessation=cessation,
            withdrawn_on=TODAY,
            why="Tribunal order.",
            today=TODAY,
        )
    cessation.refresh_from_db()
    assert (cessation.withdrawn_on, cessation.withdrawn_why) == (TODAY, "Tribunal order.")
    assert cessation_status(plan, AFTER) is None
    assert plan_ceased_on(plan, AFTER) is None
    assert "withdrew the decision" in AuditEntry.objects.latest("id").summary
    assert "continues" in mail.outbox[-1].body
    assert "Ada" not in mail.outbox[-1].body
    # A new decision may then be recorded.
    assert _cease(officer, plan, notified_on=TODAY).stands


@pytest.mark.parametrize(
    ("withdrawn_on", "why", "match", "field"),
    [
        (TODAY + dt.timedelta(1), "Changed our mind.", "today or in the past", "withdrawn_on"),
        (NOTIFIED - dt.timedelta(1), "Changed our mind.", "2 February 2026", "withdrawn_on"),
        (TODAY, " ", "Enter why", "why"),
    ],
)
def test_refuses_a_withdrawal_out_of_order(
    officer: Any, plan: EhcPlan, withdrawn_on: dt.date, why: str, match: str, field: str
) -> None:
    cessation = _cease(officer, plan)
    with pytest.raises(Refusal, match=match) as refused:
        services.plan_cease_withdraw(
            actor=officer, cessation=cessation, withdrawn_on=withdrawn_on, why=why, today=TODAY
        )
    assert refused.value.field == field
    cessation.refresh_from_db()
    assert cessation.stands


def test_refuses_withdrawing_twice(officer: Any, plan: EhcPlan) -> None:
    cessation = _cease(officer, plan)
    services.plan_cease_withdraw(
        actor=officer, cessation=cessation, withdrawn_on=TODAY, why="Changed.", today=TODAY
    )
    with pytest.raises(Refusal, match="already been withdrawn"):
        services.plan_cease_withdraw(
            actor=officer, cessation=cessation, withdrawn_on=TODAY, why="Again.", today=TODAY
        )


# --- The report ------------------------------------------------------------------------


def test_the_report_lists_plans_ceased_by_year(officer: Any, plan: EhcPlan, make_case: Any) -> None:
    _cease(officer, plan, reason="8", consulted_on=None)  # ceased 2 February 2026
    assert ceased_plans_for(user=officer, year=2026, today=TODAY) == [
        (plan.cessations.get(), NOTIFIED)
    ]
    assert not ceased_plans_for(user=officer, year=2025, today=TODAY)
    assert not ceased_plans_for(user=officer, year=None, today=NOTIFIED - dt.timedelta(1))
    assert ceased_years(user=officer, today=TODAY) == [2026]


def test_the_report_leaves_out_plans_still_maintained_and_withdrawn_decisions(
    officer: Any, plan: EhcPlan
) -> None:
    cessation = _cease(officer, plan)  # ceases 3 April 2026
    assert not ceased_plans_for(user=officer, year=None, today=TODAY)
    assert len(ceased_plans_for(user=officer, year=None, today=AFTER)) == 1
    services.plan_cease_withdraw(
        actor=officer, cessation=cessation, withdrawn_on=TODAY, why="Changed.", today=TODAY
    )
    assert not ceased_plans_for(user=officer, year=None, today=AFTER)


# --- Pages -----------------------------------------------------------------------------


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


def _form(**changes: Any) -> dict[str, str]:
    today = timezone.localdate()
    data = {
        "reason": "2",
        "reasons_given": "Her needs are met by the school's own resources.",
        **_date("consulted_on", today - dt.timedelta(days=7)),
        **_date("notified_on", today),
    }
    data.update(changes)
    return data


def test_the_overview_offers_to_cease_the_plan(signed_in: Any, plan: EhcPlan) -> None:
    page = signed_in.get(f"/cases/{plan.case_id}/plan/").content.decode()
    assert "Ceasing the plan" in page
    assert f'href="/cases/{plan.case_id}/plan/cease/"' in page
    assert "govuk-button--warning" not in page


def test_the_overview_highlights_ceasing_after_a_review_decided_it(
    signed_in: Any, officer: Any, plan: EhcPlan
) -> None:
    AnnualReview.objects.create(
        plan=plan, meeting_on=dt.date(2026, 1, 20), scheduled_by=officer, decision="cease"
    )
    page = signed_in.get(f"/cases/{plan.case_id}/plan/").content.decode()
    assert "The last annual review decided to cease" in page
    assert "govuk-button--warning" in page
    form = signed_in.get(f"/cases/{plan.case_id}/plan/cease/").content.decode()
    assert "The annual review on 20 January 2026 decided to cease" in form


def test_the_form_lists_the_sen2_reasons(signed_in: Any, plan: EhcPlan) -> None:
    page = signed_in.get(f"/cases/{plan.case_id}/plan/cease/").content.decode()
    assert "Transferred to another local authority in England" in page
    assert 'type="radio" value="9"' in page
    assert "The plan is no longer necessary" in page


def test_ceasing_leads_to_the_notice_and_the_overview_shows_it(
    signed_in: Any, plan: EhcPlan
) -> None:
    response = signed_in.post(f"/cases/{plan.case_id}/plan/cease/", _form())
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{plan.case_id}/plan/cessation/"
    cessation = plan.cessations.get()
    last_day = (cessation.ceases_on - dt.timedelta(1)).strftime("%-d %B %Y")
    ceases = cessation.ceases_on.strftime("%-d %B %Y")
    notice = signed_in.get(response["Location"]).content.decode()
    assert "The right to appeal to the First-tier Tribunal (SEND) and the time limit" in notice
    assert f"The last day to appeal is {last_day}" in notice
    assert "Her needs are met by the school&#x27;s own resources." in notice
    assert "contact a mediation adviser, by" in notice
    overview = signed_in.get(f"/cases/{plan.case_id}/plan/").content.decode()
    assert f"The plan will cease on {ceases}; until then it is maintained" in overview
    assert AuditEntry.objects.filter(summary="viewed the decision to cease the plan").exists()


def test_a_missing_reason_is_shown_in_the_error_summary(signed_in: Any, plan: EhcPlan) -> None:
    response = signed_in.post(f"/cases/{plan.case_id}/plan/cease/", _form(reason=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Select the reason the plan is ceasing" in page
    assert 'href="#id_reason"' in page


def test_a_refusal_for_a_child_under_18_is_shown_against_the_reason(
    signed_in: Any, plan: EhcPlan
) -> None:
    response = signed_in.post(f"/cases/{plan.case_id}/plan/cease/", _form(reason="4"))
    assert response.status_code == 400
    assert "For a child under 18" in response.content.decode()
    assert not plan.cessations.exists()


def test_a_ceased_plan_shows_so_and_offers_no_next_version(
    signed_in: Any, officer: Any, plan: EhcPlan
) -> None:
    _cease(officer, plan, reason="8", consulted_on=None)
    page = signed_in.get(f"/cases/{plan.case_id}/plan/").content.decode()
    assert "Ceased on 2 February 2026" in page
    assert "The plan has ceased" in page
    assert "Start the draft amended plan" not in page
    notice = signed_in.get(f"/cases/{plan.case_id}/plan/cessation/").content.decode()
    assert "died" in notice


def test_the_decision_is_withdrawn_from_its_page(
    signed_in: Any, officer: Any, plan: EhcPlan
) -> None:
    _cease(officer, plan)
    url = f"/cases/{plan.case_id}/plan/cessation/withdraw/"
    assert signed_in.post(url, {"why": "Changed."}).status_code == 400
    data = {"why": "The Tribunal ordered it.", **_date("withdrawn_on", timezone.localdate())}
    assert signed_in.post(url, data).status_code == 302
    assert not plan.cessations.get().stands
    assert signed_in.get(url).status_code == 302  # nothing left to withdraw
    notice = signed_in.get(f"/cases/{plan.case_id}/plan/cessation/").content.decode()
    assert "This decision was withdrawn" in notice


def test_the_report_and_its_csv_name_the_case_not_the_child(
    signed_in: Any, officer: Any, plan: EhcPlan
) -> None:
    _cease(officer, plan, reason="8", consulted_on=None)
    page = signed_in.get("/plans/ceased/?year=2026").content.decode()
    assert plan.case.reference in page
    assert "8: Deceased" in page
    response = signed_in.get("/plans/ceased/csv/?year=2026")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        ["Case reference", "SEN2 reason code", "Reason", "Ground", "Notified on", "Ceased on"],
        [plan.case.reference, "8", "Deceased", "None", "2026-02-02", "2026-02-02"],
    ]
    assert "Ada" not in response.content.decode()
    assert AuditEntry.objects.filter(action="export", summary__contains="ceased plans").exists()
    assert "1 plan ceased in 2026" in page
    # A year with no plans ceased is not offered: every year is shown.
    assert "1 plan ceased</caption>" in signed_in.get("/plans/ceased/?year=2025").content.decode()


def test_the_case_work_team_reaches_the_report_from_the_navigation(
    officer: Any, administrator: Any
) -> None:
    def texts(user: Any) -> dict[str, str]:
        request = RequestFactory().get("/")
        request.user = user
        return {str(i["text"]): str(i["href"]) for i in navigation_for(request)}

    assert texts(officer)["Ceased plans"] == "/plans/ceased/"
    assert "Ceased plans" not in texts(administrator)


# --- Mediation and appeals keep the plan (s.45(4)) -------------------------------------


def _appeal(officer: Any, plan: EhcPlan, **fields: Any) -> Appeal:
    return Appeal.objects.create(
        case=plan.case,
        subject=Subject.CEASING,
        decision_letter_on=NOTIFIED,
        registered_on=dt.date(2026, 3, 20),
        recorded_by=officer,
        **fields,
    )


def test_a_pending_appeal_about_ceasing_keeps_the_plan(officer: Any, plan: EhcPlan) -> None:
    _cease(officer, plan)
    _appeal(officer, plan)
    assert plan_ceased_on(plan, AFTER) is None
    status = cessation_status(plan, AFTER)
    assert status is not None
    assert status.takes_effect_on is None
    assert not status.ceased
    assert not ceased_plans_for(user=officer, year=None, today=AFTER)


def test_a_dismissed_appeal_ends_the_plan_the_day_it_is_decided(
    officer: Any, plan: EhcPlan
) -> None:
    _cease(officer, plan)
    decided = dt.date(2026, 7, 14)
    _appeal(officer, plan, outcome=AppealOutcome.DISMISSED, outcome_on=decided)
    assert plan_ceased_on(plan, decided - dt.timedelta(1)) is None
    assert plan_ceased_on(plan, decided) == decided


def test_an_upheld_appeal_keeps_the_plan_until_the_decision_is_withdrawn(
    officer: Any, plan: EhcPlan
) -> None:
    _cease(officer, plan)
    _appeal(officer, plan, outcome=AppealOutcome.UPHELD, outcome_on=dt.date(2026, 7, 14))
    assert plan_ceased_on(plan, AFTER) is None


def test_an_appeal_about_something_else_does_not_keep_the_plan(officer: Any, plan: EhcPlan) -> None:
    _cease(officer, plan)
    appeal = _appeal(officer, plan)
    appeal.subject = Subject.SETTING_NAMED
    appeal.save()
    assert plan_ceased_on(plan, AFTER) == CEASES_ON


def test_a_mediation_certificate_keeps_the_plan_a_month_after_it(
    officer: Any, plan: EhcPlan
) -> None:
    _cease(officer, plan)
    Mediation.objects.create(
        case=plan.case,
        subject=Subject.CEASING,
        decision_letter_on=NOTIFIED,
        adviser_contacted_on=dt.date(2026, 3, 2),
        certificate_issued_on=dt.date(2026, 3, 25),
        certificate_kind=CertificateKind.DECLINED,
        recorded_by=officer,
    )
    assert plan_ceased_on(plan, CEASES_ON) is None  # appeal possible until 27 April
    assert plan_ceased_on(plan, dt.date(2026, 4, 28)) == dt.date(2026, 4, 28)


def test_the_overview_of_a_ceased_plan_offers_no_review(
    signed_in: Any, officer: Any, plan: EhcPlan
) -> None:
    _cease(officer, plan)  # ceased on 3 April 2026, before today
    page = signed_in.get(f"/cases/{plan.case_id}/plan/").content.decode()
    assert "None: the plan ceased on 3 April 2026" in page
    assert f"/cases/{plan.case_id}/plan/review/schedule/" not in page


def test_maintained_plans_leave_out_ceased_plans_but_not_those_held_by_an_appeal(
    officer: Any, plan: EhcPlan, make_case: Any
) -> None:
    _cease(officer, plan)
    assert plan not in maintained_plans(AFTER)
    assert plan in maintained_plans(APPEAL_LAST_DAY)
    _appeal(officer, plan)
    assert plan in maintained_plans(AFTER)
