import datetime as dt
from typing import Any

import pytest
from django.core import mail

from tests.factories import step
from tests.portal.builders import draft_steps, issue_draft, record_steps
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.people.models import Setting
from thrive.portal import services
from thrive.portal.models import DraftResponse, FamilyViews

SERVED = dt.date(2025, 12, 3)  # the draft's 15 days run to 17 December 2025
LAST_DAY = dt.date(2025, 12, 17)
ANSWERS = {"about_me": "I am kind and I make people laugh.", "hopes": "  "}


def give_views(world: Any, visitor: str = "parent", **kwargs: Any) -> FamilyViews:
    return services.family_views_give(
        actor=world.users[visitor], case=world.case, answers=ANSWERS, **kwargs
    )


def respond(
    world: Any, version: Any, today: dt.date, visitor: str = "parent", **kwargs: Any
) -> Any:
    values: dict[str, Any] = {"comments": "Please add speech therapy.", "requested_setting": None}
    values |= {"wants_meeting": False, **kwargs}
    return services.draft_respond(
        actor=world.users[visitor], version=version, today=today, **values
    )


def comments_events(world: Any) -> list[dt.date]:
    return list(world.case.events.filter(kind="comments_received").values_list("on", flat=True))


# --- Views -----------------------------------------------------------------------------


def test_a_parent_gives_views_with_an_audit_entry_and_a_notice_to_the_officer(
    world: Any, officer_email: str, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        views = give_views(world)
    assert (views.about_me, views.hopes, views.on_behalf_method) == (ANSWERS["about_me"], "", "")
    assert views.given_by == world.users["parent"]
    audit = AuditEntry.objects.get(object_type="portal.familyviews", object_id=views.pk)
    assert (audit.action, audit.child_id) == ("create", world.child.pk)
    assert "Wren" not in audit.summary
    [message] = mail.outbox
    assert message.to == [officer_email]
    assert f"New views were given for case {world.case.reference}." in message.body
    assert "Wren" not in f"{message.body} {message.subject}"


def test_giving_views_again_keeps_the_earlier_ones(world: Any) -> None:
    first = give_views(world)
    second = services.family_views_give(
        actor=world.users["parent"], case=world.case, answers={"hopes": "To go to college."}
    )
    assert list(world.case.family_views.all()) == [second, first]


def test_refuses_views_from_a_parent_not_linked_to_the_child(world: Any) -> None:
    with pytest.raises(Refusal, match="Only the child's family"):
        give_views(world, "parent_of_another")
    assert not FamilyViews.objects.exists()


def test_refuses_views_from_a_practitioner(world: Any) -> None:
    with pytest.raises(Refusal):
        give_views(world, "practitioner_invited")


def test_refuses_views_with_no_answers(world: Any) -> None:
    with pytest.raises(Refusal) as refused:
        services.family_views_give(
            actor=world.users["parent"], case=world.case, answers={"about_me": " ", "hopes": ""}
        )
    assert (refused.value.message, refused.value.field) == (
        "Tell us about at least one thing",
        "about_me",
    )


def test_refuses_views_recorded_by_case_work_without_saying_how_they_were_given(
    world: Any,
) -> None:
    with pytest.raises(Refusal) as refused:
        give_views(world, "case_officer")
    assert refused.value.field == "on_behalf_method"
    with pytest.raises(Refusal):
        give_views(world, "case_officer", on_behalf_method="carrier pigeon")


def test_refuses_a_family_saying_their_own_views_were_given_on_their_behalf(world: Any) -> None:
    with pytest.raises(Refusal, match="Only the council records"):
        give_views(world, on_behalf_method="phone")


def test_unknown_questions_are_a_programming_error(world: Any) -> None:
    with pytest.raises(ValueError, match="favourite_colour"):
        services.family_views_give(
            actor=world.users["parent"], case=world.case, answers={"favourite_colour": "Red"}
        )


def test_a_case_officer_records_views_given_by_phone_without_notifying_themselves(
    world: Any, officer_email: str, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        views = give_views(world, "case_officer", on_behalf_method="phone")
    assert (views.given_by, views.on_behalf_method) == (world.users["case_officer"], "phone")
    assert "by phone" in AuditEntry.objects.get(object_type="portal.familyviews").summary
    assert mail.outbox == []


def test_views_recorded_by_another_officer_are_announced_to_the_case_officer(
    world: Any, officer_email: str, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        give_views(world, "send_manager", on_behalf_method="meeting")
    assert [m.to for m in mail.outbox] == [[officer_email]]


# --- Responses to the draft plan ---------------------------------------------------------


def test_the_first_response_records_comments_received_on_the_timeline(
    world: Any, draft_served: Any
) -> None:
    version = draft_served(SERVED)
    response = respond(world, version, dt.date(2025, 12, 10), wants_meeting=True)
    assert (response.version, response.wants_meeting) == (version, True)
    assert comments_events(world) == [dt.date(2025, 12, 10)]
    audits = AuditEntry.objects.filter(child_id=world.child.pk, action__in=["create", "change"])
    summaries = set(audits.values_list("summary", flat=True))
    assert "response to the draft plan given through the portal" in summaries
    assert "recorded: family's comments received" in summaries


def test_later_responses_in_the_window_are_kept_without_a_second_event(
    world: Any, draft_served: Any
) -> None:
    version = draft_served(SERVED)
    respond(world, version, dt.date(2025, 12, 10))
    respond(world, version, LAST_DAY, comments="One more thing.")
    assert DraftResponse.objects.filter(version=version).count() == 2
    assert comments_events(world) == [dt.date(2025, 12, 10)]


def test_refuses_a_response_after_the_15_days(world: Any, draft_served: Any) -> None:
    version = draft_served(SERVED)
    with pytest.raises(Refusal) as refused:
        respond(world, version, LAST_DAY + dt.timedelta(days=1))
    assert refused.value.message == (
        "The 15 days to comment ended on 17 December 2025. You can still contact your case officer."
    )
    assert not DraftResponse.objects.exists()
    assert comments_events(world) == []


def test_refuses_a_response_once_the_final_plan_is_issued(world: Any, draft_served: Any) -> None:
    version = draft_served(SERVED)
    respond(world, version, dt.date(2025, 12, 5))
    record_steps(world.case, (step("final_issued", dt.date(2025, 12, 8)),))
    with pytest.raises(Refusal, match="no longer open for comments"):
        respond(world, version, dt.date(2025, 12, 9))


def test_refuses_a_response_from_a_parent_not_linked_to_the_child(
    world: Any, draft_served: Any
) -> None:
    version = draft_served(SERVED)
    with pytest.raises(Refusal, match="Only the child's family"):
        respond(world, version, dt.date(2025, 12, 10), "parent_of_another")


def test_refuses_a_response_recorded_by_case_work_without_saying_how_it_was_given(
    world: Any, draft_served: Any
) -> None:
    version = draft_served(SERVED)
    with pytest.raises(Refusal) as refused:
        respond(world, version, dt.date(2025, 12, 10), "case_officer")
    assert refused.value.field == "on_behalf_method"


def test_refuses_an_empty_response(world: Any, draft_served: Any) -> None:
    version = draft_served(SERVED)
    with pytest.raises(Refusal) as refused:
        respond(world, version, dt.date(2025, 12, 10), comments="  ")
    assert refused.value.field == "comments"


def test_refuses_a_response_to_a_draft_not_yet_sent(world: Any) -> None:
    unissued = world.case.plan.versions.get()
    with pytest.raises(Refusal, match="has not been sent"):
        respond(world, unissued, dt.date(2025, 12, 10))


def test_refuses_a_response_when_the_draft_is_not_on_the_timeline(world: Any) -> None:
    version = issue_draft(world.case, SERVED)
    with pytest.raises(Refusal, match="not been recorded as sent"):
        respond(world, version, dt.date(2025, 12, 10))


def test_a_setting_or_a_meeting_alone_is_a_response(
    world: Any, draft_served: Any, council: Any
) -> None:
    version = draft_served(SERVED)
    school = Setting.objects.create(
        name="Oak School", establishment_type="1", phase="2", local_authority=council
    )
    response = respond(world, version, dt.date(2025, 12, 10), comments="", requested_setting=school)
    assert response.requested_setting == school
    assert respond(world, version, LAST_DAY, comments="", wants_meeting=True).wants_meeting


def test_the_officer_is_told_what_was_asked_for_but_not_who_or_where(
    world: Any,
    draft_served: Any,
    council: Any,
    officer_email: str,
    django_capture_on_commit_callbacks: Any,
) -> None:
    version = draft_served(SERVED)
    school = Setting.objects.create(
        name="Oak School", establishment_type="1", phase="2", local_authority=council
    )
    with django_capture_on_commit_callbacks(execute=True):
        respond(world, version, dt.date(2025, 12, 10), requested_setting=school, wants_meeting=True)
    [message] = mail.outbox
    assert world.case.reference in message.subject
    assert "asked for a school or other institution to be named" in message.body
    assert "asked for a meeting" in message.body
    assert "Oak School" not in message.body
    assert "Wren" not in message.body


def test_a_case_officer_records_a_response_given_at_a_meeting(
    world: Any, draft_served: Any
) -> None:
    version = draft_served(SERVED)
    response = respond(
        world, version, dt.date(2025, 12, 10), "case_officer", on_behalf_method="meeting"
    )
    assert (response.given_by, response.on_behalf_method) == (
        world.users["case_officer"],
        "meeting",
    )
    assert comments_events(world) == [dt.date(2025, 12, 10)]


def test_a_young_person_responds_to_their_own_draft_and_no_one_else_can(world: Any) -> None:
    own_case = world.users["young_person"].family_links.get().child.cases.get()
    record_steps(own_case, draft_steps(dt.date(2025, 9, 1), SERVED))
    version = issue_draft(own_case, SERVED)
    with pytest.raises(Refusal):
        respond(world, version, dt.date(2025, 12, 10), "parent")
    response = respond(world, version, dt.date(2025, 12, 10), "young_person")
    assert response.given_by == world.users["young_person"]
