"""What a progress report reads, for a period (`start` to `end`, both included) and the next
meeting: the rows of each section, read from the improvement models directly, and the
measures' actual figures read through the dashboard's own selectors (`thrive.insight`), so a
report's figure equals the dashboard's for the same period. Nothing here is a child's record.

Section rules, at the period's boundaries (both ends included):
- done: actions completed (`completed_on`) and milestones achieved (`achieved_on`) in the period;
- due: actions not complete with `due_on` on or before the next meeting (overdue ones too);
- measures: every `MeasureTarget`, with the trajectory point expected by the period's end (the
  latest on or before it; the baseline when none is) and the dashboard's figure for the period;
- risks: risk assessments dated in the period, each with the risk's previous assessment;
- families: feedback received in the period by source and by theme, and "you said, we did"
  entries published in the period.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet

from thrive.insight import presenters as insight_presenters
from thrive.insight import selectors as insight_selectors
from thrive.insight.measures import BY_KEY, Kind, Measure
from thrive.insight.periods import Period
from thrive.insight.suppression import Figure
from thrive.law.clock import render_date

from .models import (
    Action,
    ActionStatus,
    Audience,
    Feedback,
    FeedbackSource,
    MeasureTarget,
    Milestone,
    ProgressReport,
    RiskAssessment,
    Theme,
    YouSaidWeDid,
)


@dataclass(frozen=True)
class ReportChoice:
    audience: str
    start: dt.date
    end: dt.date
    next_meeting_on: dt.date

    @property
    def period(self) -> Period:
        label = f"{render_date(self.start)} to {render_date(self.end)}"
        return Period(self.start, self.end, label)


def actions_completed(start: dt.date, end: dt.date) -> QuerySet[Action]:
    return (
        Action.objects.filter(status=ActionStatus.COMPLETE, completed_on__range=(start, end))
        .select_related("workstream__priority", "owner")
        .order_by("completed_on", "id")
    )


def milestones_achieved(start: dt.date, end: dt.date) -> QuerySet[Milestone]:
    return (
        Milestone.objects.filter(achieved_on__range=(start, end))
        .select_related("workstream__priority")
        .order_by("achieved_on", "id")
    )


def actions_due(next_meeting_on: dt.date) -> QuerySet[Action]:
    """Actions not complete that are due by the next meeting, including overdue ones."""
    return (
        Action.objects.exclude(status=ActionStatus.COMPLETE)
        .filter(due_on__lte=next_meeting_on)
        .select_related("workstream__priority", "owner")
        .order_by("due_on", "id")
    )


@dataclass(frozen=True)
class MeasureLine:
    target: MeasureTarget
    measure: Measure | None  # None when the key is no longer a dashboard measure
    expected: Decimal  # the trajectory's value by the period's end
    expected_on: dt.date
    actual: Figure | None  # the dashboard's headline figure for the period


def dashboard_numbers(period: Period, today: dt.date) -> dict[str, Any]:
    """The whole area's numbers for `period`, from the dashboard's selector."""
    return insight_selectors.dashboard_numbers(period, today)[insight_selectors.ALL]


def measure_figure(measure: Measure, numbers: dict[str, Any]) -> Figure:
    """The dashboard's headline figure, with small numbers hidden: a report is passed on."""
    return insight_presenters.figure(measure.headline, numbers, suppress=True)


def _expected(target: MeasureTarget, end: dt.date) -> tuple[Decimal, dt.date]:
    points = [p for p in target.trajectory.all() if p.on <= end]
    if points:
        point = max(points, key=lambda p: p.on)
        return point.value, point.on
    return target.baseline_value, target.baseline_on


def measure_lines(period: Period, today: dt.date) -> list[MeasureLine]:
    targets = list(
        MeasureTarget.objects.select_related("priority").prefetch_related("trajectory").all()
    )
    numbers = dashboard_numbers(period, today) if targets else {}
    lines = []
    for target in targets:
        measure = BY_KEY.get(target.measure_key)
        expected, expected_on = _expected(target, period.end)
        actual = measure_figure(measure, numbers) if measure else None
        lines.append(MeasureLine(target, measure, expected, expected_on, actual))
    return lines


def is_share(measure: Measure | None) -> bool:
    return measure is not None and measure.headline.kind is Kind.SHARE


@dataclass(frozen=True)
class RiskChange:
    assessment: RiskAssessment
    previous: RiskAssessment | None


def risks_changed(start: dt.date, end: dt.date) -> list[RiskChange]:
    in_period = list(
        RiskAssessment.objects.filter(assessed_on__range=(start, end))
        .select_related("risk")
        .order_by("risk_id", "assessed_on", "id")
    )
    risk_ids = {a.risk_id for a in in_period}
    history: dict[int, list[RiskAssessment]] = {}
    for row in RiskAssessment.objects.filter(risk_id__in=risk_ids).order_by("assessed_on", "id"):
        history.setdefault(row.risk_id, []).append(row)
    changes = []
    for assessment in in_period:
        earlier = history[assessment.risk_id]
        position = earlier.index(assessment)
        changes.append(RiskChange(assessment, earlier[position - 1] if position else None))
    return changes


@dataclass(frozen=True)
class FamilyVoice:
    total: int
    by_source: list[tuple[str, int]]  # (label, count), every source
    by_theme: list[tuple[str, int]]  # (theme, count), themes with feedback in the period
    published: list[YouSaidWeDid]


def family_voice(start: dt.date, end: dt.date) -> FamilyVoice:
    feedback = Feedback.objects.filter(received_on__range=(start, end))
    counts = dict(feedback.values_list("source").annotate(n=Count("id")).order_by())
    in_period = Q(feedback__received_on__range=(start, end))
    themes = (
        Theme.objects.annotate(n=Count("feedback", filter=in_period, distinct=True))
        .filter(n__gt=0)
        .order_by("-n", "name")
    )
    published = (
        YouSaidWeDid.objects.filter(published_on__range=(start, end))
        .prefetch_related("actions")
        .order_by("published_on", "id")
    )
    return FamilyVoice(
        total=feedback.count(),
        by_source=[(label, counts.get(value, 0)) for value, label in FeedbackSource.choices],
        by_theme=[(t.name, t.n) for t in themes],
        published=list(published),
    )


def reports_issued() -> QuerySet[ProgressReport]:
    return ProgressReport.objects.select_related("issued_by").order_by("-issued_at", "-id")


def report_get(report_id: int) -> ProgressReport:
    return ProgressReport.objects.select_related("issued_by").get(pk=report_id)


def next_version(choice: ReportChoice) -> int:
    latest = (
        ProgressReport.objects.filter(
            audience=choice.audience, period_start=choice.start, period_end=choice.end
        )
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
    return (latest or 0) + 1


def audience_label(audience: str) -> str:
    return str(Audience(audience).label)
