"""The strategy and plan's pages through HTTP: what each role sees and may change, the
evidence rule shown in the error summary, the board's overdue view, and no child's record
for any of the programme's roles."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import make_user
from thrive.improvement.models import (
    Action,
    ActionStatus,
    Evidence,
    MeasureTarget,
    Milestone,
    Priority,
    TrajectoryPoint,
    Workstream,
)


@pytest.fixture
def programme(db: Any) -> dict[str, Any]:
    today = timezone.localdate()
    officer = make_user("po", "programme_officer", last_name="Officer")
    lead = make_user("lead", "partner_lead", last_name="Partner")
    priority = Priority.objects.create(title="Timely plans", source="SEND strategy")
    workstream = Workstream.objects.create(priority=priority, title="Assessment", lead=officer)
    overdue = Action.objects.create(
        workstream=workstream,
        title="Clear the backlog of advice",
        owner=lead,
        partner="icb",
        due_on=today - dt.timedelta(days=3),
    )
    due_today = Action.objects.create(
        workstream=workstream,
        title="Publish the local offer",
        owner=lead,
        partner="council",
        due_on=today,
    )
    Milestone.objects.create(
        workstream=workstream, title="Backlog cleared", due_on=today - dt.timedelta(days=2)
    )
    target = MeasureTarget.objects.create(
        priority=priority,
        measure_key="plans_20_weeks",
        baseline_value=Decimal("40"),
        baseline_on=today - dt.timedelta(days=400),
        target_value=Decimal("70"),
        target_on=today + dt.timedelta(days=300),
    )
    TrajectoryPoint.objects.create(
        target=target, on=today - dt.timedelta(days=30), value=Decimal("55")
    )
    return {
        "officer": officer,
        "lead": lead,
        "overdue": overdue,
        "due_today": due_today,
        "workstream": workstream,
    }


def test_programme_page_shows_priorities_actions_and_measures(
    client: Any, programme: dict[str, Any]
) -> None:
    client.force_login(make_user("board", "board_member"))
    page = client.get("/improvement/").content.decode()
    assert "Timely plans" in page
    assert "Clear the backlog of advice" in page
    assert "3 days overdue" in page
    assert "New plans issued within 20 weeks" in page
    assert "<svg" in page
    assert "Trajectory for" in page
    assert "55%" in page  # the trajectory point in the table
    assert "Add a priority" not in page  # a board member only reads


def test_the_board_sees_every_overdue_action_with_its_owner(
    client: Any, programme: dict[str, Any]
) -> None:
    client.force_login(make_user("board", "board_member"))
    page = client.get("/improvement/overdue/").content.decode()
    assert "Clear the backlog of advice" in page
    assert "Lead Partner" in page
    assert "NHS integrated care board" in page
    assert "Publish the local offer" not in page  # due today is not overdue
    assert "Backlog cleared" in page
    assert "2 days late" in page


def test_my_actions_lists_the_owners_actions_overdue_first(
    client: Any, programme: dict[str, Any]
) -> None:
    client.force_login(programme["lead"])
    page = client.get("/improvement/my-actions/").content.decode()
    assert page.index("Clear the backlog of advice") < page.index("Publish the local offer")
    client.force_login(programme["officer"])
    assert "Clear the backlog" not in client.get("/improvement/my-actions/").content.decode()


def test_completing_without_evidence_is_refused_in_the_error_summary(
    client: Any, programme: dict[str, Any]
) -> None:
    action = programme["overdue"]
    client.force_login(programme["lead"])
    response = client.post(f"/improvement/actions/{action.pk}/status/", {"status": "complete"})
    assert response.status_code == 400
    assert "Attach at least one piece of evidence" in response.content.decode()
    assert 'href="#id_status"' in response.content.decode()
    response = client.post(
        f"/improvement/actions/{action.pk}/evidence/add/",
        {"title": "Backlog report", "kind": "note", "note": "Advice backlog now zero."},
    )
    assert response.status_code == 302
    client.post(f"/improvement/actions/{action.pk}/status/", {"status": "complete"})
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETE
    assert action.completed_on == timezone.localdate()
    assert (
        "Advice backlog now zero."
        in client.get(f"/improvement/actions/{action.pk}/").content.decode()
    )


def test_a_partner_lead_updates_only_their_own_actions(
    client: Any, programme: dict[str, Any]
) -> None:
    other = make_user("otherlead", "partner_lead")
    client.force_login(other)
    action = programme["overdue"]
    assert (
        client.post(f"/improvement/actions/{action.pk}/status/", {"status": "on_track"}).status_code
        == 403
    )
    assert client.get(f"/improvement/actions/{action.pk}/change/").status_code == 403
    assert client.get("/improvement/priorities/add/").status_code == 403


def test_an_officer_adds_an_action_through_the_form(client: Any, programme: dict[str, Any]) -> None:
    client.force_login(programme["officer"])
    workstream = programme["workstream"]
    response = client.post(
        f"/improvement/workstreams/{workstream.pk}/actions/add/",
        {
            "title": "Train SENCOs in writing outcomes",
            "owner": programme["lead"].pk,
            "partner": "schools",
            "due_on_day": "30",
            "due_on_month": "6",
            "due_on_year": "2027",
            "status": "not_started",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(title="Train SENCOs in writing outcomes")
    assert action.due_on == dt.date(2027, 6, 30)
    assert action.owner == programme["lead"]


def test_evidence_link_needs_an_address(client: Any, programme: dict[str, Any]) -> None:
    client.force_login(programme["officer"])
    action = programme["due_today"]
    response = client.post(
        f"/improvement/actions/{action.pk}/evidence/add/", {"title": "Offer", "kind": "link"}
    )
    assert response.status_code == 400
    assert "Enter the link&#x27;s address" in response.content.decode()
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("role", ["board_member", "programme_officer", "partner_lead", "inspector"])
def test_programme_roles_see_no_case_work(client: Any, db: Any, role: str) -> None:
    client.force_login(make_user("someone", role, access_ends_on=timezone.localdate()))
    assert client.get("/cases/").status_code == 403
    assert client.get("/children/").status_code in (403, 404)
    assert client.get("/improvement/").status_code == 200


def test_improvement_in_the_navigation_for_those_who_may_view(client: Any, db: Any) -> None:
    client.force_login(make_user("inspector", "inspector", access_ends_on=timezone.localdate()))
    assert 'href="/improvement/"' in client.get("/improvement/my-actions/").content.decode()
    client.force_login(make_user("officer", "case_officer"))
    assert "Improvement</a>" not in client.get("/cases/").content.decode()


def test_programme_page_queries_do_not_grow_with_the_programme(
    client: Any, django_assert_max_num_queries: Any, db: Any
) -> None:
    from thrive.demo.improvement import generate_improvement

    client.force_login(make_user("boardmember", "board_member"))
    generate_improvement(seed=1, today=timezone.localdate())
    # 25 actions, 10 milestones, 4 measures: a fixed number of queries, not one per row.
    with django_assert_max_num_queries(20):
        assert client.get("/improvement/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/improvement/overdue/").status_code == 200


def test_a_document_is_uploaded_and_downloaded_by_those_who_may_view(
    client: Any, programme: dict[str, Any], settings: Any, tmp_path: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    action = programme["overdue"]
    client.force_login(programme["lead"])
    response = client.post(
        f"/improvement/actions/{action.pk}/evidence/add/",
        {
            "title": "Backlog report",
            "kind": "document",
            "file": SimpleUploadedFile("backlog.txt", b"zero outstanding"),
        },
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    client.force_login(make_user("inspector", "inspector", access_ends_on=timezone.localdate()))
    download = client.get(f"/improvement/evidence/{evidence.pk}/file/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"zero outstanding"
    client.force_login(make_user("parent", "parent"))
    assert client.get(f"/improvement/evidence/{evidence.pk}/file/").status_code == 403
