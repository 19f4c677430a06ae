"""Overdue actions and late milestones (worked out from dates, never stored), my actions, and
a measure's live value against its trajectory."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tests.factories import make_user
from thrive.improvement import selectors_programme as selectors
from thrive.improvement.models import (
    Action,
    ActionStatus,
    MeasureTarget,
    Milestone,
    Priority,
    TrajectoryPoint,
    Workstream,
)
from thrive.insight.suppression import Figure

TODAY = dt.date(2026, 5, 1)


@pytest.fixture
def workstream(db: Any) -> Workstream:
    return Workstream.objects.create(
        priority=Priority.objects.create(title="Timely plans"), title="Assessment"
    )


def _action(workstream: Workstream, owner: Any, due_on: dt.date, **extra: Any) -> Action:
    return Action.objects.create(
        workstream=workstream,
        title=f"Due {due_on}",
        owner=owner,
        partner="council",
        due_on=due_on,
        **extra,
    )


def test_due_today_is_not_overdue_due_yesterday_is(workstream: Workstream) -> None:
    owner = make_user("po", "programme_officer")
    yesterday = _action(workstream, owner, TODAY - dt.timedelta(days=1))
    today = _action(workstream, owner, TODAY)
    done = _action(
        workstream,
        owner,
        TODAY - dt.timedelta(days=30),
        status=ActionStatus.COMPLETE,
        completed_on=TODAY,
    )
    assert list(selectors.actions_overdue(TODAY)) == [yesterday]
    assert selectors.is_overdue(yesterday, TODAY)
    assert not selectors.is_overdue(today, TODAY)
    assert not selectors.is_overdue(done, TODAY)


def test_milestone_late_only_after_its_day_and_until_achieved(workstream: Workstream) -> None:
    late = Milestone.objects.create(
        workstream=workstream, title="a", due_on=TODAY.replace(day=1) - dt.timedelta(days=1)
    )
    Milestone.objects.create(workstream=workstream, title="b", due_on=TODAY)
    Milestone.objects.create(
        workstream=workstream, title="c", due_on=dt.date(2026, 1, 1), achieved_on=TODAY
    )
    assert list(selectors.milestones_late(TODAY)) == [late]


def test_my_actions_are_mine_overdue_first(workstream: Workstream) -> None:
    me, other = make_user("me", "partner_lead"), make_user("other", "partner_lead")
    later = _action(workstream, me, TODAY + dt.timedelta(days=1))
    overdue = _action(workstream, me, TODAY - dt.timedelta(days=3))
    due_today = _action(workstream, me, TODAY)
    _action(workstream, other, TODAY - dt.timedelta(days=9))
    assert selectors.actions_owned_by(me, TODAY) == [overdue, due_today, later]


def _target(workstream: Workstream, baseline: str, target: str) -> MeasureTarget:
    measure = MeasureTarget.objects.create(
        priority=workstream.priority,
        measure_key="plans_20_weeks",
        baseline_value=Decimal(baseline),
        baseline_on=dt.date(2025, 4, 1),
        target_value=Decimal(target),
        target_on=dt.date(2027, 3, 31),
    )
    TrajectoryPoint.objects.create(target=measure, on=dt.date(2026, 3, 31), value=Decimal("55"))
    TrajectoryPoint.objects.create(target=measure, on=dt.date(2026, 9, 30), value=Decimal("62"))
    return measure


def test_expected_value_is_the_latest_point_on_or_before_the_day(workstream: Workstream) -> None:
    target = _target(workstream, "40", "70")
    assert selectors.expected_by(target, dt.date(2025, 6, 1)) == (
        Decimal("40"),
        dt.date(2025, 4, 1),
    )
    assert selectors.expected_by(target, dt.date(2026, 3, 31))[0] == Decimal("55")
    assert selectors.expected_by(target, TODAY)[0] == Decimal("55")


def test_on_track_follows_the_direction_of_the_target(workstream: Workstream) -> None:
    up = _target(workstream, "40", "70")
    ahead, behind = Figure("60%", 60.0), Figure("50%", 50.0)
    [row] = selectors.measure_progress([up], TODAY, numbers={})
    assert selectors.MeasureProgress(up, row.measure, ahead, row.expected, row.expected_on).on_track
    assert (
        selectors.MeasureProgress(up, row.measure, behind, row.expected, row.expected_on).on_track
        is False
    )
    down = _target(workstream, "80", "50")  # lower is better: 50 against 55 expected is ahead
    assert selectors.MeasureProgress(down, row.measure, behind, Decimal("55"), TODAY).on_track
    hidden = Figure("[c]", None, suppressed=True)
    assert selectors.MeasureProgress(up, row.measure, hidden, Decimal("55"), TODAY).on_track is None


def test_the_live_value_is_the_dashboards(workstream: Workstream, make_case: Any) -> None:
    """No cases: the dashboard's headline for plans within 20 weeks has no plans to share."""
    target = _target(workstream, "40", "70")
    [row] = selectors.measure_progress([target], TODAY)
    from thrive.insight import presenters
    from thrive.insight import selectors as insight_selectors
    from thrive.insight.measures import BY_KEY
    from thrive.insight.periods import rolling_12_months

    numbers = insight_selectors.dashboard_numbers(rolling_12_months(TODAY), TODAY)["all"]
    assert row.current == presenters.figure(
        BY_KEY["plans_20_weeks"].headline, numbers, suppress=True
    )
