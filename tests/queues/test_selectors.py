"""The reviews and amendments work queue: which steps are due on which plans, by when, and in
what state, worked out for the whole area in a constant number of queries. TODAY is Monday
2 March 2026."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.factories import TODAY, make_user
from tests.queues.builders import add_review, add_version, cease, issued_plan, plan_with
from thrive.assessments.models import Case
from thrive.plans.models import EhcPlan
from thrive.queues.models import Step
from thrive.queues.selectors import (
    QueueFilters,
    State,
    WorkItem,
    oldest_overdue,
    work_items,
    work_queue,
)


def _steps(plan: EhcPlan) -> dict[Step, WorkItem]:
    return {item.step: item for item in work_items(today=TODAY) if item.plan_id == plan.pk}


@pytest.fixture
def case(make_case: Callable[..., Case]) -> Case:
    return make_case()


def test_a_plan_made_this_year_is_due_for_review_a_year_on(case: Case, officer: Any) -> None:
    plan = issued_plan(case, officer, dt.date(2026, 1, 12))
    items = _steps(plan)
    assert list(items) == [Step.ANNUAL_REVIEW]
    review = items[Step.ANNUAL_REVIEW]
    assert review.due_by == dt.date(2027, 1, 11)
    assert (review.state, review.status) == ("Due by 11 January 2027", State.LATER)
    assert (review.reference, review.officer, review.officer_id) == (
        case.reference,
        "Officer",
        officer.pk,
    )


def test_a_review_not_held_within_12_months_is_overdue(case: Case, officer: Any) -> None:
    plan = issued_plan(case, officer, dt.date(2025, 1, 10))
    review = _steps(plan)[Step.ANNUAL_REVIEW]
    assert review.due_by == dt.date(2026, 1, 9)
    assert review.state == "Overdue by 52 days (due by 9 January 2026)"
    assert (review.status, review.days_overdue) == (State.OVERDUE, 52)


def test_a_held_meeting_starts_the_next_period(case: Case, officer: Any) -> None:
    plan = issued_plan(case, officer, dt.date(2025, 1, 10))
    add_review(
        plan,
        officer,
        dt.date(2025, 12, 1),
        decision="keep",
        decision_notified_on=dt.date(2025, 12, 10),
        invitations_sent_on=dt.date(2025, 11, 10),
        report_circulated_on=dt.date(2025, 12, 5),
    )
    assert _steps(plan)[Step.ANNUAL_REVIEW].due_by == dt.date(2026, 11, 30)
    assert set(_steps(plan)) == {Step.ANNUAL_REVIEW}


def test_the_open_reviews_steps_not_yet_done(case: Case, officer: Any) -> None:
    plan = issued_plan(case, officer, dt.date(2025, 3, 20))
    add_review(plan, officer, dt.date(2026, 3, 10))
    items = _steps(plan)
    invitations = items[Step.INVITATIONS]
    assert invitations.due_by == dt.date(2026, 2, 24)
    assert (invitations.status, invitations.days_overdue) == (State.OVERDUE, 6)
    assert (items[Step.REPORT].due_by, items[Step.REPORT].status) == (
        dt.date(2026, 3, 24),
        State.DUE_SOON,
    )
    assert (items[Step.DECISION].due_by, items[Step.DECISION].status) == (
        dt.date(2026, 4, 7),
        State.LATER,
    )


def test_steps_done_leave_the_queue(case: Case, officer: Any) -> None:
    plan = issued_plan(case, officer, dt.date(2025, 3, 20))
    add_review(
        plan,
        officer,
        dt.date(2026, 2, 2),
        invitations_sent_on=dt.date(2026, 1, 12),
        report_circulated_on=dt.date(2026, 2, 10),
    )
    items = _steps(plan)
    assert Step.INVITATIONS not in items
    assert Step.REPORT not in items
    decision = items[Step.DECISION]
    assert decision.due_by == dt.date(2026, 3, 2)
    assert (decision.state, decision.status) == ("Due by 2 March 2026", State.DUE_SOON)


def test_a_draft_amended_plan_without_its_final_is_due_8_weeks_after(
    case: Case, officer: Any
) -> None:
    plan = issued_plan(case, officer, dt.date(2025, 3, 20))
    add_version(plan, officer, "amended_draft", dt.date(2026, 1, 4))
    final = _steps(plan)[Step.AMENDED_FINAL]
    assert final.due_by == dt.date(2026, 3, 1)
    assert (final.status, final.days_overdue) == (State.OVERDUE, 1)


def test_a_final_amended_plan_issued_ends_the_amendment(case: Case, officer: Any) -> None:
    plan = issued_plan(case, officer, dt.date(2025, 3, 20))
    add_version(plan, officer, "amended_draft", dt.date(2026, 1, 4))
    add_version(plan, officer, "amended_final", dt.date(2026, 2, 1))
    assert Step.AMENDED_FINAL not in _steps(plan)
    add_version(plan, officer, "amended_draft", dt.date(2026, 2, 20))
    assert _steps(plan)[Step.AMENDED_FINAL].due_by == dt.date(2026, 4, 17)


def test_an_amended_draft_being_written_is_not_issued(case: Case, officer: Any) -> None:
    plan = issued_plan(case, officer, dt.date(2025, 3, 20))
    add_version(plan, officer, "amended_draft", None)
    assert Step.AMENDED_FINAL not in _steps(plan)


def test_a_decision_to_amend_wants_proposed_amendments_by_the_decision_date(
    case: Case, officer: Any
) -> None:
    plan = issued_plan(case, officer, dt.date(2025, 3, 20))
    add_review(
        plan,
        officer,
        dt.date(2026, 1, 20),
        decision="amend",
        decision_notified_on=dt.date(2026, 2, 10),
        invitations_sent_on=dt.date(2026, 1, 5),
        report_circulated_on=dt.date(2026, 1, 30),
    )
    proposed = _steps(plan)[Step.PROPOSED_AMENDMENTS]
    assert proposed.due_by == dt.date(2026, 2, 17)
    assert proposed.days_overdue == 13
    # Once the draft amended plan is issued, the final amended plan is what is due
    draft = add_version(plan, officer, "amended_draft", dt.date(2026, 2, 20))
    draft.review = plan.reviews.get()
    draft.save()
    items = _steps(plan)
    assert Step.PROPOSED_AMENDMENTS not in items
    assert Step.AMENDED_FINAL in items


def test_a_draft_issued_after_the_meeting_counts_even_unlinked(case: Case, officer: Any) -> None:
    plan = issued_plan(case, officer, dt.date(2025, 3, 20))
    add_review(plan, officer, dt.date(2026, 1, 20), decision="amend")
    add_version(plan, officer, "amended_draft", dt.date(2026, 1, 27))
    assert Step.PROPOSED_AMENDMENTS not in _steps(plan)


def test_a_later_decision_to_keep_replaces_the_decision_to_amend(case: Case, officer: Any) -> None:
    plan = issued_plan(case, officer, dt.date(2024, 3, 20))
    add_review(plan, officer, dt.date(2025, 3, 1), decision="amend")
    add_review(plan, officer, dt.date(2026, 2, 1), decision="keep")
    assert Step.PROPOSED_AMENDMENTS not in _steps(plan)


def test_plans_without_a_final_and_ceased_plans_are_not_in_the_queue(
    make_case: Callable[..., Case], officer: Any
) -> None:
    plan_with(make_case(), officer, ("draft", dt.date(2025, 12, 3)))
    plan_with(make_case(), officer, ("draft", dt.date(2025, 12, 3)), ("final", None))
    ceased = issued_plan(make_case(), officer, dt.date(2025, 1, 10))
    cease(ceased, officer, TODAY)
    assert work_items(today=TODAY) == []


def test_a_cessation_withdrawn_or_still_to_come_keeps_the_plan(
    make_case: Callable[..., Case], officer: Any
) -> None:
    withdrawn = issued_plan(make_case(), officer, dt.date(2025, 1, 10))
    cease(withdrawn, officer, dt.date(2026, 2, 1), withdrawn_on=dt.date(2026, 1, 20))
    to_come = issued_plan(make_case(), officer, dt.date(2025, 1, 10))
    cease(to_come, officer, TODAY + dt.timedelta(days=1))
    assert {i.plan_id for i in work_items(today=TODAY)} == {withdrawn.pk, to_come.pk}


def _area(make_case: Callable[..., Case], officer: Any, n: int) -> None:
    """n plans, each with an open review and an amendment in progress."""
    for _ in range(n):
        plan = issued_plan(make_case(), officer, dt.date(2025, 1, 10))
        add_review(plan, officer, dt.date(2026, 3, 20))
        add_version(plan, officer, "amended_draft", dt.date(2026, 1, 4))


def test_the_whole_area_takes_three_queries_however_many_plans(
    make_case: Callable[..., Case], officer: Any, django_assert_num_queries: Any
) -> None:
    _area(make_case, officer, 2)
    with django_assert_num_queries(3):  # decisions to cease, plans, reviews
        few = work_items(today=TODAY)
    _area(make_case, officer, 6)
    with django_assert_num_queries(3):
        many = work_items(today=TODAY)
    assert (len(few), len(many)) == (2 * 5, 8 * 5)


# --- The queue page's selector ---------------------------------------------------------


@pytest.fixture
def area(make_case: Callable[..., Case], officer: Any) -> dict[str, Any]:
    """Two officers in two teams: the officer (North) holds an overdue review; Bea (South)
    a review due in 3 weeks and one due next year."""
    officer.team = "North"
    officer.save()
    bea = make_user("bea", "case_officer", team="South")
    overdue = issued_plan(make_case(), officer, dt.date(2025, 1, 10))
    soon_case, later_case = make_case(), make_case()
    Case.objects.filter(pk__in=[soon_case.pk, later_case.pk]).update(case_officer=bea)
    soon = issued_plan(soon_case, officer, dt.date(2025, 3, 24))
    later = issued_plan(later_case, officer, dt.date(2026, 1, 12))
    return {"bea": bea, "overdue": overdue, "soon": soon, "later": later}


def test_the_queue_counts_by_team_and_officer(area: dict[str, Any]) -> None:
    queue = work_queue(today=TODAY, filters=QueueFilters(), plans=EhcPlan.objects.all())
    assert (queue.total.overdue, queue.total.due_soon) == (1, 1)
    assert [(t, c.overdue, c.due_soon) for t, c in queue.by_team] == [
        ("North", 1, 0),
        ("South", 0, 1),
    ]
    assert [(o, c.overdue, c.due_soon) for o, c in queue.by_officer] == [
        ("Bea", 0, 1),
        ("Officer", 1, 0),
    ]
    # By default the list holds what is overdue or due soon, oldest first
    assert [i.plan_id for i in queue.items] == [area["overdue"].pk, area["soon"].pk]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (QueueFilters(state="overdue"), ["overdue"]),
        (QueueFilters(state="due_soon"), ["soon"]),
        (QueueFilters(state="all"), ["overdue", "soon", "later"]),
        (QueueFilters(team="South", state="all"), ["soon", "later"]),
        (QueueFilters(team="North"), ["overdue"]),
    ],
)
def test_the_queue_filters(
    area: dict[str, Any], filters: QueueFilters, expected: list[str]
) -> None:
    queue = work_queue(today=TODAY, filters=filters, plans=EhcPlan.objects.all())
    assert [i.plan_id for i in queue.items] == [area[name].pk for name in expected]


def test_the_queue_filters_by_officer(area: dict[str, Any]) -> None:
    filters = QueueFilters(officer_id=area["bea"].pk, state="all")
    queue = work_queue(today=TODAY, filters=filters, plans=EhcPlan.objects.all())
    assert [i.plan_id for i in queue.items] == [area["soon"].pk, area["later"].pk]
    assert queue.total.overdue == 1  # the counts stay the area's


def test_the_oldest_overdue_come_first(make_case: Callable[..., Case], officer: Any) -> None:
    newer = issued_plan(make_case(), officer, dt.date(2025, 2, 1))
    older = issued_plan(make_case(), officer, dt.date(2024, 6, 1))
    issued_plan(make_case(), officer, dt.date(2026, 1, 1))  # not overdue
    assert [(i.plan_id, i.days_overdue) for i in oldest_overdue(today=TODAY)] == [
        (older.pk, 275),
        (newer.pk, 30),
    ]
