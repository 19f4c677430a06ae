"""Display-ready rows for the strategy and plan pages: actions with their owners, partners,
due dates and statuses (overdue said in words, not by colour alone), milestones, and each
measure's trajectory as a chart followed by its table."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from html import escape
from typing import Any

import altair as alt
import vl_convert

from thrive.insight.measures import BY_KEY, Kind
from thrive.law.clock import render_date

from .models import Action, ActionStatus, MeasureTarget, Milestone, Partner, Priority
from .selectors_programme import MeasureProgress, is_late, is_overdue

STATUS_COLOURS = {
    ActionStatus.NOT_STARTED: "grey",
    ActionStatus.ON_TRACK: "blue",
    ActionStatus.AT_RISK: "yellow",
    ActionStatus.OFF_TRACK: "red",
    ActionStatus.COMPLETE: "green",
}
TRAJECTORY_COLOUR = "#1d70b8"  # GOV.UK blue
CURRENT_COLOUR = "#d4351c"  # GOV.UK red, marked by shape too (a diamond)


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def number(value: Decimal | float | None, kind: Kind | None = None) -> str:
    if value is None:
        return "No figure"
    text = f"{Decimal(str(value)).normalize():f}"
    return f"{text}%" if kind is Kind.SHARE else text


def measure_name(key: str) -> str:
    measure = BY_KEY.get(key)
    return measure.name if measure else f"{key} (no longer on the dashboard)"


@dataclass
class ActionRow:
    pk: int
    title: str
    priority: str
    workstream: str
    owner: str
    partner: str
    due: str
    status: dict[str, str]
    overdue: str  # "12 days overdue", or ""
    completed: str
    evidence_count: int


def action_row(action: Action, today: dt.date) -> ActionRow:
    overdue = (today - action.due_on).days if is_overdue(action, today) else 0
    status = ActionStatus(action.status)
    return ActionRow(
        pk=action.pk,
        title=action.title,
        priority=action.workstream.priority.title,
        workstream=action.workstream.title,
        owner=str(action.owner),
        partner=Partner(action.partner).label,
        due=render_date(action.due_on),
        status={"text": status.label, "colour": STATUS_COLOURS[status]},
        overdue=f"{_days(overdue)} overdue" if overdue else "",
        completed=render_date(action.completed_on) if action.completed_on else "",
        evidence_count=len(action.evidence.all()),
    )


@dataclass
class MilestoneRow:
    pk: int
    title: str
    priority: str
    workstream: str
    due: str
    state: str  # "Achieved on 1 May 2026", "14 days late", "Not yet due"


def milestone_row(milestone: Milestone, today: dt.date) -> MilestoneRow:
    if milestone.achieved_on:
        state = f"Achieved on {render_date(milestone.achieved_on)}"
    elif is_late(milestone, today):
        state = f"{_days((today - milestone.due_on).days)} late"
    else:
        state = "Not yet due" if milestone.due_on > today else "Due today"
    return MilestoneRow(
        pk=milestone.pk,
        title=milestone.title,
        priority=milestone.workstream.priority.title,
        workstream=milestone.workstream.title,
        due=render_date(milestone.due_on),
        state=state,
    )


@dataclass
class MeasureView:
    pk: int
    name: str
    explanation: str
    baseline: str
    target: str
    current: str
    expected: str
    judgement: dict[str, str]  # a tag: "On track" / "Behind trajectory" / "No figure yet"
    chart: str
    table: list[dict[str, str]] = field(default_factory=list)


def _judgement(progress: MeasureProgress) -> dict[str, str]:
    if progress.on_track is None:
        hidden = progress.current is not None and progress.current.suppressed
        return {"text": "Too few to show" if hidden else "No figure yet", "colour": "grey"}
    if progress.on_track:
        return {"text": "On track", "colour": "green"}
    return {"text": "Behind trajectory", "colour": "red"}


def measure_view(progress: MeasureProgress, today: dt.date) -> MeasureView:
    target = progress.target
    kind = progress.measure.headline.kind if progress.measure else None
    current_value = progress.current.value if progress.current else None
    if progress.current is None or (current_value is None and not progress.current.suppressed):
        current_text = "No figure yet"
    elif progress.current.suppressed:
        current_text = "Too few children to show"
    else:
        current_text = progress.current.text
    points = trajectory_points(target)
    table = [
        {
            "on": render_date(on),
            "what": what,
            "expected": number(value, kind),
        }
        for on, value, what in points
    ]
    name = measure_name(target.measure_key)
    chart = trajectory_chart(
        name=f"{name}: trajectory from baseline to target, and the figure today",
        axis="Percentage" if kind is Kind.SHARE else "Value",
        points=tuple((on.isoformat(), float(value)) for on, value, _ in points),
        current=(today.isoformat(), float(current_value)) if current_value is not None else None,
    )
    return MeasureView(
        pk=target.pk,
        name=name,
        explanation=progress.measure.explanation if progress.measure else "",
        baseline=f"{number(target.baseline_value, kind)} on {render_date(target.baseline_on)}",
        target=f"{number(target.target_value, kind)} by {render_date(target.target_on)}",
        current=f"{current_text} in the 12 months to {render_date(today)}",
        expected=f"{number(progress.expected, kind)} by {render_date(progress.expected_on)}",
        judgement=_judgement(progress),
        chart=chart,
        table=table,
    )


def trajectory_points(target: MeasureTarget) -> list[tuple[dt.date, Decimal, str]]:
    """Baseline, the points between, and the target, in date order."""
    rows = [(target.baseline_on, target.baseline_value, "Baseline")]
    rows += [(p.on, p.value, "Trajectory") for p in target.trajectory.all()]
    if not any(on == target.target_on for on, _, _ in rows):
        rows.append((target.target_on, target.target_value, "Target"))
    return sorted(rows, key=lambda row: row[0])


@lru_cache(maxsize=128)
def trajectory_chart(
    *,
    name: str,
    axis: str,
    points: tuple[tuple[str, float], ...],
    current: tuple[str, float] | None,
) -> str:
    """An inline SVG line chart of the trajectory, with today's figure as a diamond. The table
    after it on the page carries every figure."""
    line = (
        alt.Chart(alt.Data(values=[{"on": on, "value": v} for on, v in points]))  # type: ignore[no-untyped-call]
        .mark_line(point=True, color=TRAJECTORY_COLOUR)
        .encode(
            x=alt.X("on:T", title="Date", axis=alt.Axis(format="%b %Y")),
            y=alt.Y("value:Q", title=axis),
        )
    )
    layers: list[Any] = [line]
    if current is not None:
        layers.append(
            alt.Chart(alt.Data(values=[{"on": current[0], "value": current[1]}]))  # type: ignore[no-untyped-call]
            .mark_point(shape="diamond", size=160, filled=True, color=CURRENT_COLOUR)
            .encode(x="on:T", y="value:Q")
        )
    chart = (
        alt.layer(*layers)
        .properties(width=420, height=200)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=14, titleFontSize=14)
    )
    svg: str = vl_convert.vegalite_to_svg(chart.to_dict())
    svg = svg.replace(
        "<svg ",
        f'<svg role="img" aria-label="{escape(name)}" focusable="false" class="thrive-chart" ',
        1,
    )
    head, rest = svg.split(">", 1)
    for attribute in ("width", "height"):
        marker = f' {attribute}="'
        start = head.find(marker)
        if start >= 0:
            end = head.index('"', start + len(marker))
            head = head[:start] + head[end + 1 :]
    return f'{head} width="100%">{rest}'


@dataclass
class PriorityView:
    pk: int
    title: str
    description: str
    source: str
    workstreams: list[dict[str, Any]]
    measures: list[MeasureView]


def priority_views(
    priorities: list[Priority], progress: list[MeasureProgress], today: dt.date
) -> list[PriorityView]:
    by_target = {p.target.pk: p for p in progress}
    views = []
    for priority in priorities:
        workstreams = [
            {
                "pk": w.pk,
                "title": w.title,
                "lead": str(w.lead) if w.lead else "No lead named",
                "actions": [action_row(a, today) for a in w.actions.all()],
                "milestones": [milestone_row(m, today) for m in w.milestones.all()],
            }
            for w in priority.workstreams.all()
        ]
        measures = [measure_view(by_target[t.pk], today) for t in priority.measures.all()]
        views.append(
            PriorityView(
                pk=priority.pk,
                title=priority.title,
                description=priority.description,
                source=priority.source,
                workstreams=workstreams,
                measures=measures,
            )
        )
    return views
