import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import TODAY
from tests.plans.builders import FINAL_ON, fill
from tests.routes import ANONYMOUS, CASEWORK, VISITORS
from thrive.core.models import AuditEntry
from thrive.plans import services
from thrive.plans.models import PlanVersion


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


# --- The overview ------------------------------------------------------------------------


def test_a_case_that_decided_to_issue_can_start_its_plan(signed_in: Any, issuing_case: Any) -> None:
    page = signed_in.get(f"/cases/{issuing_case.pk}/plan/").content.decode()
    assert "Start the draft plan" in page
    response = signed_in.post(f"/cases/{issuing_case.pk}/plan/start/", follow=True)
    version = PlanVersion.objects.get(plan__case=issuing_case)
    assert response.redirect_chain[-1][0] == f"/plans/versions/{version.pk}/"
    assert "Draft plan started" in response.content.decode()


def test_a_case_still_assessing_cannot_start_a_plan(signed_in: Any, make_case: Any) -> None:
    case = make_case()
    page = signed_in.get(f"/cases/{case.pk}/plan/").content.decode()
    assert "Start the draft plan" not in page
    assert "once the council has decided to issue one" in page
    response = signed_in.post(f"/cases/{case.pk}/plan/start/")
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert "after the decision to issue" in response.content.decode()


def test_the_overview_lists_versions_and_offers_the_next_step(
    signed_in: Any, issued_draft: PlanVersion
) -> None:
    case = issued_draft.plan.case
    page = signed_in.get(f"/cases/{case.pk}/plan/").content.decode()
    assert "Version 1: draft plan" in page
    assert "3 December 2025 by Officer" in page
    assert f'href="/plans/versions/{issued_draft.pk}/next/">Start the final plan' in page
    entry = AuditEntry.objects.filter(object_type="assessments.case", action="view").latest("id")
    assert (entry.object_id, "Ada" in entry.summary) == (case.pk, False)


def test_the_overview_compare_form_leads_to_the_comparison(
    signed_in: Any, final: PlanVersion
) -> None:
    case = final.plan.case
    response = signed_in.get(f"/cases/{case.pk}/plan/?from=1&to=2")
    assert response.status_code == 302
    assert response["Location"] == f"/plans/versions/{final.based_on_id}/compare/{final.pk}/"


# --- The version page --------------------------------------------------------------------


def test_the_version_page_shows_the_golden_thread(signed_in: Any, draft: PlanVersion) -> None:
    fill(draft, draft.created_by)
    services.need_add(actor=draft.created_by, version=draft, section="C", text="Has asthma.")
    page = signed_in.get(f"/plans/versions/{draft.pk}/").content.decode()
    assert "Needs it addresses" in page
    assert "Outcomes it works towards" in page
    # A gap in the thread, found by the plan checks, in the summary and beside the need
    assert "Plan checks" in page
    assert page.count("Need C1 is not addressed by any outcome in section E.") == 2
    assert "Issue the draft plan" in page
    assert "does not name a school or other institution" in page  # section I on a draft


@pytest.mark.parametrize("path", ["", "document/"])
def test_version_pages_take_the_same_queries_however_long_the_plan(
    signed_in: Any, draft: PlanVersion, django_assert_max_num_queries: Any, path: str
) -> None:
    for _ in range(8):
        fill(draft, draft.created_by)
    with django_assert_max_num_queries(12):
        assert signed_in.get(f"/plans/versions/{draft.pk}/{path}").status_code == 200


def test_an_issued_version_page_offers_no_changes(
    signed_in: Any, issued_draft: PlanVersion
) -> None:
    page = signed_in.get(f"/plans/versions/{issued_draft.pk}/").content.decode()
    assert "An issued plan cannot be changed." in page
    assert "Change section A" not in page
    assert "?remove=yes" not in page
    response = signed_in.get(f"/plans/versions/{issued_draft.pk}/section-a/")
    assert response["Location"] == f"/plans/versions/{issued_draft.pk}/"


# --- Forms and the error summary ---------------------------------------------------------


def test_an_empty_need_shows_the_error_summary(signed_in: Any, draft: PlanVersion) -> None:
    response = signed_in.post(f"/plans/versions/{draft.pk}/needs/new/", {"section": "B"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert '<a href="#id_text">Enter the need</a>' in page
    assert not draft.needs.exists()


def test_an_outcome_without_a_need_links_to_the_needs(signed_in: Any, draft: PlanVersion) -> None:
    fill(draft, draft.created_by)
    response = signed_in.post(
        f"/plans/versions/{draft.pk}/outcomes/new/",
        {"text": "Writes a short story", "time_frame": "By July 2027"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#id_needs">Select at least one need this outcome addresses</a>' in page
    assert 'id="id_needs" name="needs" type="checkbox"' in page


def test_a_refusal_from_the_service_shows_in_the_error_summary(
    signed_in: Any, draft: PlanVersion
) -> None:
    response = signed_in.post(
        f"/plans/versions/{draft.pk}/section-i/", {"placement_type": "mainstream_academy"}
    )
    assert response.status_code == 400
    assert "s.38(5)" in response.content.decode()


def test_provision_is_added_with_its_outcomes(signed_in: Any, draft: PlanVersion) -> None:
    _, outcome, _ = fill(draft, draft.created_by)
    response = signed_in.post(
        f"/plans/versions/{draft.pk}/provisions/new/",
        {
            "section": "G",
            "what": "Occupational therapy",
            "who": "An occupational therapist",
            "how_often": "Fortnightly, 1 hour",
            "how_long": "For a year",
            "group_size": "1 to 1",
            "outcomes": [str(outcome.pk)],
        },
        follow=True,
    )
    assert "Provision saved" in response.content.decode()
    assert list(draft.provisions.get(section="G").outcomes.all()) == [outcome]


def test_a_need_is_changed_and_removed_after_asking(signed_in: Any, draft: PlanVersion) -> None:
    need = services.need_add(actor=draft.created_by, version=draft, section="B", text="Reading")
    path = f"/plans/versions/{draft.pk}/needs/{need.pk}/"
    assert "Reading" in signed_in.get(path).content.decode()
    signed_in.post(path, {"section": "B", "text": "Reading and spelling"})
    need.refresh_from_db()
    assert need.text == "Reading and spelling"
    confirm = signed_in.get(path + "?remove=yes").content.decode()
    assert "Are you sure you want to remove need B1?" in confirm
    response = signed_in.post(path, {"remove": "yes"}, follow=True)
    assert "Need B1 removed" in response.content.decode()
    assert not draft.needs.exists()


def test_a_refused_removal_is_explained(signed_in: Any, draft: PlanVersion) -> None:
    need, _, _ = fill(draft, draft.created_by)
    response = signed_in.post(f"/plans/versions/{draft.pk}/needs/{need.pk}/", {"remove": "yes"})
    assert response.status_code == 400
    assert "Change or remove that outcome first" in response.content.decode()


def test_an_item_of_another_version_is_not_found(signed_in: Any, final: PlanVersion) -> None:
    old_need = final.based_on.needs.get()
    assert signed_in.get(f"/plans/versions/{final.pk}/needs/{old_need.pk}/").status_code == 404


# --- Issuing and the next version --------------------------------------------------------


def test_issuing_the_draft_explains_the_consequence_then_issues(
    signed_in: Any, draft: PlanVersion
) -> None:
    fill(draft, draft.created_by)
    path = f"/plans/versions/{draft.pk}/issue-draft/"
    page = signed_in.get(path).content.decode()
    assert "at least 15 days, beginning with the day the draft is served" in page
    assert "reg. 13(1)" in page
    assert "20-week limit" in page
    served = timezone.localdate()
    response = signed_in.post(path, _date("served_on", served), follow=True)
    closes = served + dt.timedelta(days=14)
    assert f"The family has until {closes.day} {closes:%B %Y} to comment" in (
        response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.issued_on == served


def test_a_future_served_date_is_refused_against_its_field(
    signed_in: Any, draft: PlanVersion
) -> None:
    fill(draft, draft.created_by)
    response = signed_in.post(
        f"/plans/versions/{draft.pk}/issue-draft/",
        _date("served_on", timezone.localdate() + dt.timedelta(days=3)),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#id_served_on">The date cannot be in the future.</a>' in page


def test_issue_pages_send_each_kind_to_its_own_page(
    signed_in: Any, draft: PlanVersion, final: PlanVersion
) -> None:
    response = signed_in.get(f"/plans/versions/{final.pk}/issue-draft/")
    assert response["Location"] == f"/plans/versions/{final.pk}/issue-final/"
    response = signed_in.get(f"/plans/versions/{final.based_on_id}/issue-final/")
    assert response["Location"] == f"/plans/versions/{final.based_on_id}/"  # already issued


def test_the_final_plan_is_started_and_issued(signed_in: Any, issued_draft: PlanVersion) -> None:
    path = f"/plans/versions/{issued_draft.pk}/next/"
    page = signed_in.get(path).content.decode()
    assert "Version 2 starts as a copy of version 1: draft plan" in page
    response = signed_in.post(path)
    final = PlanVersion.objects.get(plan=issued_draft.plan, number=2)
    assert response["Location"] == f"/plans/versions/{final.pk}/"
    signed_in.post(
        f"/plans/versions/{final.pk}/section-i/", {"placement_type": "special_academy_free"}
    )
    page = signed_in.get(f"/plans/versions/{final.pk}/issue-final/").content.decode()
    assert "appeal to the SEND Tribunal about sections B, F and I" in page
    response = signed_in.post(
        f"/plans/versions/{final.pk}/issue-final/", _date("issued_on", FINAL_ON), follow=True
    )
    assert "Final plan issued" in response.content.decode()
    assert issued_draft.plan.case.events.filter(kind="final_issued").exists()


def test_the_next_version_waits_for_the_current_one(signed_in: Any, draft: PlanVersion) -> None:
    page = signed_in.get(f"/plans/versions/{draft.pk}/next/").content.decode()
    assert "has not been issued yet" in page
    assert "Start version 2" not in page
    response = signed_in.post(f"/plans/versions/{draft.pk}/next/")
    assert response.status_code == 400
    assert "still being written" in response.content.decode()


# --- Comparing ---------------------------------------------------------------------------


def test_the_comparison_names_each_change(signed_in: Any, final: PlanVersion) -> None:
    need = final.needs.get()
    services.need_change(actor=final.created_by, need=need, section="B", text="Reads slowly.")
    services.need_add(actor=final.created_by, version=final, section="D", text="Personal care")
    page = signed_in.get(
        f"/plans/versions/{final.based_on_id}/compare/{final.pk}/"
    ).content.decode()
    assert "Changes from version 1 to version 2" in page
    assert "Changed: Need B1" in page
    assert "Reads slowly." in page
    assert "Added: Need D1" in page
    assert "Mainstream school: academy" in page  # section I, filled in the final
    assert "Section C:" not in page  # unchanged sections are left out


def test_versions_of_different_plans_are_not_compared(
    signed_in: Any, final: PlanVersion, make_case: Any, officer: Any
) -> None:
    from tests.plans.builders import ASSESS_YES, ISSUE_YES

    other = services.plan_start(
        actor=officer, case=make_case(steps=(ASSESS_YES, ISSUE_YES), first_name="Bo")
    )
    assert signed_in.get(f"/plans/versions/{final.pk}/compare/{other.pk}/").status_code == 404


# --- Item pages by visitor (their paths need an item's id, so they are not in the table) ---


@pytest.mark.parametrize("visitor", VISITORS)
def test_item_pages_answer_only_the_case_work_team(client: Any, world: Any, visitor: str) -> None:
    version = PlanVersion.objects.get(pk=world.path_values["version"])
    need, outcome, provision = fill(version, world.users["case_officer"])
    world.sign_in(client, visitor)
    base = f"/plans/versions/{version.pk}/"
    for path in (
        f"{base}needs/{need.pk}/",
        f"{base}needs/{need.pk}/?remove=yes",
        f"{base}outcomes/{outcome.pk}/",
        f"{base}provisions/{provision.pk}/?remove=yes",
    ):
        response = client.get(path)
        if visitor in CASEWORK:
            assert response.status_code == 200, path
        elif visitor == ANONYMOUS:
            assert response["Location"].startswith("/accounts/sign-in/")
        else:
            assert response.status_code in (403, 404), (path, response.status_code)
            assert world.child.first_name.encode() not in response.content


def test_the_team_reads_a_draft_and_the_issue_draft_post_needs_the_team(
    client: Any, world: Any
) -> None:
    version = PlanVersion.objects.get(pk=world.path_values["version"])
    world.sign_in(client, "parent")
    response = client.post(f"/plans/versions/{version.pk}/issue-draft/", _date("served_on", TODAY))
    assert response.status_code == 403
    version.refresh_from_db()
    assert not version.is_issued
