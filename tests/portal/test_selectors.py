import datetime as dt
from typing import Any

import pytest
from django.http import Http404
from django.utils import timezone

from tests.factories import step
from tests.portal.builders import record_steps
from thrive.assessments import services
from thrive.law import clock
from thrive.people.models import FamilyLink
from thrive.portal import selectors

SERVED = dt.date(2025, 12, 3)
EP = clock.Contributor.EDUCATIONAL_PSYCHOLOGY


def test_a_family_account_sees_only_its_own_children(world: Any, make_child: Any) -> None:
    parent = world.users["parent"]
    sibling = make_child(first_name="Ash")
    FamilyLink.objects.create(user=parent, child=sibling, relationship="carer")
    make_child(first_name="Stranger")
    assert list(selectors.family_children(user=parent)) == [sibling, world.child]


def test_the_case_work_team_has_no_family_children(world: Any) -> None:
    assert not selectors.family_children(user=world.users["case_officer"]).exists()


@pytest.mark.parametrize("visitor", ["parent_of_another", "young_person", "case_officer"])
def test_another_child_is_not_found(world: Any, visitor: str) -> None:
    with pytest.raises(Http404):
        selectors.family_child_get(user=world.users[visitor], child_id=world.child.pk)


def test_a_child_that_does_not_exist_is_not_found_either(world: Any) -> None:
    with pytest.raises(Http404):
        selectors.family_child_get(user=world.users["parent"], child_id=999_999)


def test_a_young_person_speaks_for_themselves(world: Any) -> None:
    young_person = world.users["young_person"]
    own = young_person.family_links.get().child
    assert selectors.speaks_for_themselves(user=young_person, child=own)
    assert not selectors.speaks_for_themselves(user=world.users["parent"], child=world.child)


def test_the_journey_follows_the_childs_latest_case(world: Any, make_case: Any) -> None:
    later = make_case(received_on=dt.date(2026, 1, 5))
    later.child = world.child
    later.save(update_fields=["child"])
    journey = selectors.journey_for(
        user=world.users["parent"], child_id=world.child.pk, today=dt.date(2026, 2, 1)
    )
    assert journey.case == later
    assert journey.assessment is not None
    assert journey.assessment.received_on == dt.date(2026, 1, 5)


def test_the_journey_of_a_child_with_no_case_says_so(world: Any) -> None:
    world.case.child.cases.update(child=world.users["young_person"].family_links.get().child)
    journey = selectors.journey_for(
        user=world.users["parent"], child_id=world.child.pk, today=dt.date(2026, 2, 1)
    )
    assert (journey.case, journey.assessment) == (None, None)


def test_advice_requested_in_thrive_and_on_the_timeline_is_merged(world: Any) -> None:
    """The world's requests (EP and education, 10 September 2025) are in Thrive; the timeline
    records the EP request and its arrival, and a health request sent by post."""
    record_steps(
        world.case,
        (
            step("decision_to_assess", dt.date(2025, 9, 8), outcome=True),
            step("advice_requested", dt.date(2025, 9, 10), contributor=EP),
            step("advice_requested", dt.date(2025, 9, 12), contributor=clock.Contributor.HEALTH),
            step("advice_received", dt.date(2025, 10, 20), contributor=EP),
        ),
    )
    events = selectors.law_events(world.case)
    progress = selectors.advice_progress(world.case, events)
    assert [(a.contributor, a.requested_on, a.arrived_on) for a in progress] == [
        (clock.Contributor.EDUCATION, dt.date(2025, 9, 10), None),
        (EP, dt.date(2025, 9, 10), dt.date(2025, 10, 20)),
        (clock.Contributor.HEALTH, dt.date(2025, 9, 12), None),
    ]
    assert progress[0].due_on == dt.date(2025, 10, 22)


def test_advice_submitted_in_thrive_has_arrived(world: Any) -> None:
    request = world.case.advice_requests.get(contributor=EP)
    request.submitted_at = timezone.make_aware(dt.datetime(2025, 10, 1, 23, 30))
    request.save(update_fields=["submitted_at"])
    withdrawn = world.case.advice_requests.exclude(pk=request.pk)
    withdrawn.update(withdrawn_on=dt.date(2025, 9, 20))
    [progress] = selectors.advice_progress(world.case, selectors.law_events(world.case))
    assert progress.arrived_on == dt.date(2025, 10, 1)  # the local date, not UTC's


@pytest.mark.parametrize(
    ("today", "stage", "is_open", "ended_early"),
    [
        (SERVED, clock.Stage.DRAFT_ISSUED, True, False),
        (dt.date(2025, 12, 17), clock.Stage.DRAFT_ISSUED, True, False),
        (dt.date(2025, 12, 18), clock.Stage.DRAFT_ISSUED, False, False),
        (dt.date(2025, 12, 10), clock.Stage.FINAL_ISSUED, False, True),
    ],
)
def test_the_comment_window_runs_15_days_counting_the_day_served(
    today: dt.date, stage: clock.Stage, is_open: bool, ended_early: bool
) -> None:
    events = [clock.Event(clock.EventKind.DRAFT_ISSUED, SERVED)]
    window = selectors.comment_window(events, stage, today)
    assert window == selectors.CommentWindow(SERVED, dt.date(2025, 12, 17), is_open, ended_early)


def test_there_is_no_comment_window_before_a_draft() -> None:
    events = [clock.Event(clock.EventKind.REQUEST_RECEIVED, SERVED)]
    assert selectors.comment_window(events, clock.Stage.DRAFTING, SERVED) is None


def test_only_issued_drafts_are_the_familys(world: Any, draft_served: Any) -> None:
    assert selectors.issued_draft(world.case) is None
    version = draft_served(SERVED)
    assert selectors.issued_draft(world.case) == version
    assert selectors.issued_final(world.case) is None


def test_the_request_source_says_whether_the_family_asked(world: Any) -> None:
    assert selectors.request_came_from_family(world.case)  # make_case uses source 1
    school_request = services.case_open(
        actor=world.users["case_officer"],
        child=world.child,
        received_on=dt.date(2025, 9, 1),
        request_source="2",
        today=dt.date(2025, 9, 1),
    )
    assert not selectors.request_came_from_family(school_request)
