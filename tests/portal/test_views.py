import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests.portal.builders import hide_plan_documents
from thrive.core.models import AuditEntry
from thrive.law.clock import render_date
from thrive.people.models import FamilyLink
from thrive.plans.models import PlanVersion
from thrive.portal import services
from thrive.portal.models import DraftResponse, FamilyViews


def page(response: Any) -> str:
    return str(response.content.decode())


@pytest.fixture
def parent(client: Any, world: Any) -> Any:
    world.sign_in(client, "parent")
    return client


@pytest.fixture
def officer_client(client: Any, world: Any) -> Any:
    world.sign_in(client, "case_officer")
    return client


@pytest.fixture
def open_draft(world: Any, draft_served: Any) -> Any:
    """A draft plan served three days ago: the family's 15 days are open."""
    return draft_served(timezone.localdate() - dt.timedelta(days=3))


@pytest.fixture(autouse=True)
def _plan_pages_not_yet_built(monkeypatch: Any) -> None:
    """Until the plans app has its document pages, the draft is shown on the portal page."""
    hide_plan_documents(monkeypatch)


# --- Home ------------------------------------------------------------------------------


def test_a_family_with_one_child_goes_straight_to_them(parent: Any, world: Any) -> None:
    response = parent.get("/family/")
    assert response.status_code == 302
    assert response["Location"] == f"/family/children/{world.child.pk}/"


def test_a_family_with_several_children_chooses_one(
    parent: Any, world: Any, make_child: Any
) -> None:
    FamilyLink.objects.create(
        user=world.users["parent"], child=make_child(first_name="Ash"), relationship="parent"
    )
    text = page(parent.get("/family/"))
    assert "Ash Example" in text
    assert f'href="/family/children/{world.child.pk}/"' in text


def test_an_account_linked_to_no_child_is_told_who_to_contact(parent: Any, world: Any) -> None:
    FamilyLink.objects.all().delete()
    text = page(parent.get("/family/"))
    assert "not linked to a child yet" in text


def test_the_family_home_is_not_for_the_council(officer_client: Any) -> None:
    assert officer_client.get("/family/").status_code == 403


# --- The journey -----------------------------------------------------------------------


def test_the_journey_shows_the_stage_dates_officer_and_advice(
    parent: Any, world: Any, officer: Any
) -> None:
    officer.last_name, officer.email = "Patel", "sam.patel@example.org"
    officer.save()
    text = page(parent.get(f"/family/children/{world.child.pk}/"))
    assert "The council is deciding whether to assess Wren&#x27;s needs." in text
    assert "The council must send you the final EHC plan by 19 January 2026." in text
    assert "You can ask your case officer why, or contact your local SENDIASS." in text
    assert "How the timescales work" in text
    assert "Officer Patel" in text
    assert 'href="mailto:sam.patel@example.org"' in text
    assert "Educational psychology" in text
    assert "Asked on 10 September 2025. Due by 22 October 2025." in text
    assert "Please assess cognition" not in text  # who was asked, never what
    assert "Tell us about Wren" in text
    assert world.case.reference in text


def test_the_journey_reads_a_fixed_number_of_rows(
    parent: Any, world: Any, open_draft: Any, django_assert_max_num_queries: Any
) -> None:
    for number in range(5):
        services.family_views_give(
            actor=world.users["parent"], case=world.case, answers={"hopes": str(number)}
        )
    with django_assert_max_num_queries(15):
        assert parent.get(f"/family/children/{world.child.pk}/").status_code == 200


def test_the_final_plan_is_linked_once_issued(
    parent: Any, world: Any, open_draft: Any, monkeypatch: Any
) -> None:
    final = PlanVersion.objects.create(
        plan=open_draft.plan,
        number=2,
        kind="final",
        based_on=open_draft,
        created_by=world.users["case_officer"],
        issued_on=timezone.localdate(),
        issued_at=timezone.now(),
    )
    monkeypatch.setattr(
        "thrive.portal.presenters.plan.reverse", lambda name, args: f"/{name}/{args[0]}/"
    )
    text = page(parent.get(f"/family/children/{world.child.pk}/"))
    assert f'href="/plans:version_document/{final.pk}/">Read the EHC plan' in text
    assert f'href="/plans:version_pdf/{final.pk}/">Download the EHC plan (PDF)' in text


def test_viewing_the_journey_is_audited_without_personal_data(parent: Any, world: Any) -> None:
    parent.get(f"/family/children/{world.child.pk}/")
    entry = AuditEntry.objects.filter(action="view").latest("id")
    assert (entry.actor, entry.child_id) == (world.users["parent"], world.child.pk)
    assert "Wren" not in entry.summary


@pytest.mark.parametrize("visitor", ["parent_of_another", "young_person"])
def test_another_familys_child_is_not_found(client: Any, world: Any, visitor: str) -> None:
    world.sign_in(client, visitor)
    for path in ("", "views/", "draft-plan/"):
        response = client.get(f"/family/children/{world.child.pk}/{path}")
        assert response.status_code == 404
        assert "Wren" not in page(response)


def test_posting_to_another_familys_child_changes_nothing(client: Any, world: Any) -> None:
    world.sign_in(client, "parent_of_another")
    response = client.post(f"/family/children/{world.child.pk}/views/", {"hopes": "Mine"})
    assert response.status_code == 404
    assert not FamilyViews.objects.exists()


# --- Giving views ----------------------------------------------------------------------


def test_views_with_no_answers_show_the_error_summary(parent: Any, world: Any) -> None:
    response = parent.post(f"/family/children/{world.child.pk}/views/", {"about_me": " "})
    assert response.status_code == 400
    text = page(response)
    assert "There is a problem" in text
    assert '<a href="#id_about_me">Tell us about at least one thing</a>' in text
    assert "<title>Error: " in text


def test_views_are_given_and_then_shown_for_changing(parent: Any, world: Any) -> None:
    path = f"/family/children/{world.child.pk}/views/"
    response = parent.post(path, {"hopes": "To go to college."}, follow=True)
    assert "Your answers have been sent to the council" in page(response)
    assert FamilyViews.objects.get().hopes == "To go to college."
    text = page(parent.get(path))
    assert "To go to college.</textarea>" in text
    assert "You sent this on" in text


def test_an_over_long_answer_is_refused_with_its_limit(parent: Any, world: Any) -> None:
    path = f"/family/children/{world.child.pk}/views/"
    response = parent.post(path, {"hopes": "x" * 5001})
    assert "My hopes for the future must be 5,000 characters or fewer" in page(response)


def test_a_young_person_is_asked_about_themselves(client: Any, world: Any) -> None:
    world.sign_in(client, "young_person")
    own = world.users["young_person"].family_links.get().child
    text = page(client.get(f"/family/children/{own.pk}/views/"))
    assert "All about me" in text
    assert "Tell us about yourself." in text


# --- The draft plan --------------------------------------------------------------------


def test_before_a_draft_there_is_nothing_to_comment_on(parent: Any, world: Any) -> None:
    text = page(parent.get(f"/family/children/{world.child.pk}/draft-plan/"))
    assert "The council has not sent you a draft plan yet." in text
    assert "wants_meeting" not in text


def test_the_family_reads_the_draft_and_comments(
    parent: Any, world: Any, open_draft: Any, council: Any
) -> None:
    open_draft.views_child = "I like trains."
    open_draft.save(update_fields=["views_child"])
    path = f"/family/children/{world.child.pk}/draft-plan/"
    text = page(parent.get(path))
    assert "I like trains." in text
    assert "You can comment until" in text
    response = parent.post(path, {"comments": "Add speech therapy.", "wants_meeting": "yes"})
    assert response.status_code == 302
    response = parent.get(response["Location"])
    assert "Your comments have been sent to the council" in page(response)
    assert "The council has your comments." in page(response)
    assert DraftResponse.objects.get().wants_meeting
    assert world.case.events.filter(kind="comments_received").count() == 1
    text = page(parent.get(path))
    assert "What you have sent" in text
    assert "Add speech therapy." in text


def test_an_empty_response_shows_the_error_summary(
    parent: Any, world: Any, open_draft: Any
) -> None:
    response = parent.post(
        f"/family/children/{world.child.pk}/draft-plan/", {"comments": "", "wants_meeting": "no"}
    )
    assert response.status_code == 400
    assert '<a href="#id_comments">Write your comments, choose a school or ask for a meeting' in (
        page(response)
    )


def test_a_response_after_the_15_days_is_refused(
    parent: Any, world: Any, draft_served: Any
) -> None:
    served = timezone.localdate() - dt.timedelta(days=15)
    draft_served(served)
    path = f"/family/children/{world.child.pk}/draft-plan/"
    assert "wants_meeting" not in page(parent.get(path))  # no form once closed
    response = parent.post(path, {"comments": "Late", "wants_meeting": "no"})
    assert response.status_code == 400
    closed = render_date(served + dt.timedelta(days=14))
    assert f"The 15 days to comment ended on {closed}. You can still contact" in page(response)
    assert not DraftResponse.objects.exists()


# --- Case work: recording on the family's behalf --------------------------------------


def test_case_work_must_say_how_views_were_given(officer_client: Any, world: Any) -> None:
    response = officer_client.post(f"/cases/{world.case.pk}/family/views/", {"hopes": "Park"})
    assert response.status_code == 400
    assert "Select how the family gave this" in page(response)
    assert not FamilyViews.objects.exists()


def test_case_work_records_views_given_by_phone_and_shows_who_and_how(
    officer_client: Any, world: Any
) -> None:
    response = officer_client.post(
        f"/cases/{world.case.pk}/family/views/",
        {"hopes": "To swim.", "on_behalf_method": "phone"},
        follow=True,
    )
    text = page(response)
    assert "The family&#x27;s views have been recorded" in text
    assert "Recorded by Officer from the council, given by phone, on" in text
    assert "To swim." in text


def test_case_work_records_a_response_given_on_paper(
    officer_client: Any, world: Any, open_draft: Any
) -> None:
    response = officer_client.post(
        f"/cases/{world.case.pk}/family/draft-response/",
        {"comments": "Letter received.", "wants_meeting": "no", "on_behalf_method": "paper"},
        follow=True,
    )
    text = page(response)
    assert "The family&#x27;s response has been recorded" in text
    assert "Letter received." in text
    assert DraftResponse.objects.get().on_behalf_method == "paper"


def test_case_work_sees_when_the_window_has_closed(
    officer_client: Any, world: Any, draft_served: Any
) -> None:
    draft_served(timezone.localdate() - dt.timedelta(days=20))
    text = page(officer_client.get(f"/cases/{world.case.pk}/family/draft-response/"))
    assert "The 15 days to comment ended on" in text
    assert "on_behalf_method" not in text


def test_before_a_draft_case_work_is_offered_no_response_to_record(
    officer_client: Any, world: Any
) -> None:
    text = page(officer_client.get(f"/cases/{world.case.pk}/family/"))
    assert "No draft plan has been recorded as sent to the family." in text
    assert "No views have been given yet." in text
    assert f"/cases/{world.case.pk}/family/draft-response/" not in text
    assert f"/cases/{world.case.pk}/family/views/" in text
