"""Reads for the strategy and plan: the programme as priorities with their workstreams,
actions, milestones and measures; whose actions are overdue; milestones late; and each
measure's live value read through the dashboard's own selectors (`thrive.insight`), so the
figure here equals the dashboard's for the same period.

Overdue and late follow from dates, never stored: an action is overdue when it is not complete
and its due date is before today (due today is not overdue); a milestone is late when it is
not achieved and its due date is before today."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from thrive.insight import presenters as insight_presenters
from thrive.insight import selectors as insight_selectors
from thrive.insight.measures import BY_KEY, Measure
from thrive.insight.periods import Period, rolling_12_months
from thrive.insight.suppression import Figure

from .models import (
    Action,
    ActionStatus,
    Evidence,
    MeasureTarget,
    Milestone,
    Priority,
    TrajectoryPoint,
    Workstream,
)


def is_overdue(action: Action, today: dt.date) -> bool:
    return action.status != ActionStatus.COMPLETE and action.due_on < today


def is_late(milestone: Milestone, today: dt.date) -> bool:
    return milestone.achieved_on is None and milestone.due_on < today


def actions_overdue(today: dt.date) -> QuerySet[Action]:
    """Every overdue action, by priority and partner, oldest due first."""
    return (
        Action.objects.exclude(status=ActionStatus.COMPLETE)
        .filter(due_on__lt=today)
        .select_related("workstream__priority", "owner")
        .prefetch_related("evidence")
        .order_by("workstream__priority__order", "workstream__priority_id", "partner", "due_on")
    )


def milestones_late(today: dt.date) -> QuerySet[Milestone]:
    return (
        Milestone.objects.filter(achieved_on__isnull=True, due_on__lt=today)
        .select_related("workstream__priority")
        .order_by("workstream__priority__order", "workstream__priority_id", "due_on")
    )


def actions_owned_by(user: Any, today: dt.date) -> list[Action]:
    """The user's actions: overdue first (oldest due first), then the rest by due date."""
    actions = list(
        Action.objects.filter(owner=user)
        .select_related("workstream__priority")
        .prefetch_related("evidence")
        .order_by("due_on", "id")
    )
    return sorted(actions, key=lambda a: (not is_overdue(a, today), a.due_on, a.pk))


def programme() -> list[Priority]:
    """Every priority with its workstreams, their actions (with owners and evidence) and
    milestones, and its measure targets with their trajectories: a fixed number of queries."""
    workstreams = Workstream.objects.select_related("lead").prefetch_related(
        Prefetch("actions", queryset=Action.objects.select_related("owner")),
        "actions__evidence",
        "milestones",
    )
    return list(
        Priority.objects.prefetch_related(
            Prefetch("workstreams", queryset=workstreams),
            Prefetch(
                "measures",
                queryset=MeasureTarget.objects.prefetch_related(
                    Prefetch("trajectory", queryset=TrajectoryPoint.objects.order_by("on"))
                ),
            ),
        )
    )


def priority_get(priority_id: int) -> Priority:
    return _get(Priority.objects.all(), priority_id)


def workstream_get(workstream_id: int) -> Workstream:
    return _get(Workstream.objects.select_related("priority"), workstream_id)


def action_get(action_id: int) -> Action:
    return _get(
        Action.objects.select_related("workstream__priority", "owner").prefetch_related(
            "evidence__added_by"
        ),
        action_id,
    )


def milestone_get(milestone_id: int) -> Milestone:
    return _get(Milestone.objects.select_related("workstream__priority"), milestone_id)


def evidence_get(evidence_id: int) -> Evidence:
    return _get(Evidence.objects.all(), evidence_id)


def measure_target_get(target_id: int) -> MeasureTarget:
    return _get(
        MeasureTarget.objects.select_related("priority").prefetch_related(
            Prefetch("trajectory", queryset=TrajectoryPoint.objects.order_by("on"))
        ),
        target_id,
    )


def _get[M: Any](queryset: QuerySet[M], pk: int) -> M:
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


# --- Measures: live values against trajectories ----------------------------------------------


def measure_period(today: dt.date) -> Period:
    """The live value is for the 12 months ending today, as the dashboard can show it."""
    return rolling_12_months(today)


def live_numbers(today: dt.date) -> dict[str, Any]:
    """The whole area's numbers for the 12 months to today, from the dashboard's selector."""
    return insight_selectors.dashboard_numbers(measure_period(today), today)[insight_selectors.ALL]


def live_figure(measure: Measure, numbers: dict[str, Any]) -> Figure:
    """The dashboard's headline figure, small numbers hidden (the programme is widely read)."""
    return insight_presenters.figure(measure.headline, numbers, suppress=True)


def expected_by(target: MeasureTarget, on: dt.date) -> tuple[Decimal, dt.date]:
    """Where the trajectory says the measure should be by `on`: the latest point on or before
    it, else the baseline."""
    points = [p for p in target.trajectory.all() if p.on <= on]
    if points:
        point = max(points, key=lambda p: p.on)
        return point.value, point.on
    return target.baseline_value, target.baseline_on


@dataclass(frozen=True)
class MeasureProgress:
    target: MeasureTarget
    measure: Measure | None  # None if the key is no longer a dashboard measure
    current: Figure | None
    expected: Decimal
    expected_on: dt.date

    @property
    def higher_is_better(self) -> bool:
        return self.target.target_value >= self.target.baseline_value

    @property
    def on_track(self) -> bool | None:
        """None when there is no figure to compare (none yet, or hidden as a small number)."""
        if self.current is None or self.current.value is None:
            return None
        value = Decimal(str(self.current.value))
        return value >= self.expected if self.higher_is_better else value <= self.expected


def measure_progress(
    targets: list[MeasureTarget], today: dt.date, numbers: dict[str, Any] | None = None
) -> list[MeasureProgress]:
    if numbers is None:
        numbers = live_numbers(today) if targets else {}
    rows = []
    for target in targets:
        measure = BY_KEY.get(target.measure_key)
        expected, expected_on = expected_by(target, today)
        current = live_figure(measure, numbers) if measure else None
        rows.append(MeasureProgress(target, measure, current, expected, expected_on))
    return rows


OWNER_ROLES = (
    "programme_officer",
    "partner_lead",
    "send_manager",
    "board_member",
    "case_officer",
    "analyst",
    "administrator",
)


def possible_owners() -> QuerySet[Any]:
    """Who may own an action or lead a workstream: staff and partners, never a family member
    or an inspector (who only reads)."""
    from thrive.accounts.models import User

    return User.objects.filter(is_active=True, role__in=OWNER_ROLES).order_by(
        "first_name", "last_name", "username"
    )
