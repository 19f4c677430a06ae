"""A progress report as plain data: a title, and sections of paragraphs, charts and tables,
every value already in words. The same data draws the page (and so the stored HTML and the
PDF) and the Word document, and is stored as the issued version's `figures`, so an issued
report can be drawn again exactly as it was issued.

Charts are kept as their bars (label, value); the page draws them as SVG with
`insight.charts.bar_chart`, each followed by its table."""

import datetime as dt
from decimal import Decimal
from typing import Any

from thrive.insight import charts
from thrive.insight.measures import Kind, Measure
from thrive.law.clock import render_date

from . import selectors_reports as s

_UNITS = {Kind.SHARE: "%", Kind.WEEKS: " weeks", Kind.COUNT: ""}
_AXES = {Kind.SHARE: "Percentage", Kind.WEEKS: "Weeks", Kind.COUNT: "Number"}


def report_title(choice: s.ReportChoice) -> str:
    return (
        f"Progress report to the {s.audience_label(choice.audience).lower()}: "
        f"{render_date(choice.start)} to {render_date(choice.end)}"
    )


def _number(value: Decimal | float, measure: Measure | None) -> str:
    unit = _UNITS[measure.headline.kind] if measure else ""
    number = float(value)
    text = f"{number:,.0f}" if number == int(number) else f"{number:,.1f}"
    return f"{text}{unit}"


def _owner(action: Any) -> str:
    return str(action.owner.get_full_name() or action.owner.get_username())


def _table(caption: str, head: list[str], rows: list[list[str]], empty: str) -> dict[str, Any]:
    """A table block whose first column names each row (a row header)."""
    return {"table": {"caption": caption, "head": head, "rows": rows, "empty": empty}}


def _done(choice: s.ReportChoice) -> dict[str, Any]:
    actions = s.actions_completed(choice.start, choice.end)
    milestones = s.milestones_achieved(choice.start, choice.end)
    return {
        "key": "done",
        "heading": "What was done",
        "paragraphs": [
            f"{len(actions)} action{'s' if len(actions) != 1 else ''} completed and "
            f"{len(milestones)} milestone{'s' if len(milestones) != 1 else ''} achieved "
            f"from {render_date(choice.start)} to {render_date(choice.end)}."
        ],
        "blocks": [
            _table(
                "Actions completed in the period",
                ["Action", "Priority", "Workstream", "Partner", "Completed on"],
                [
                    [
                        a.title,
                        a.workstream.priority.title,
                        a.workstream.title,
                        a.get_partner_display(),
                        render_date(a.completed_on),
                    ]
                    for a in actions
                    if a.completed_on is not None
                ],
                "No actions were completed in the period.",
            ),
            _table(
                "Milestones achieved in the period",
                ["Milestone", "Priority", "Workstream", "Due on", "Achieved on"],
                [
                    [
                        m.title,
                        m.workstream.priority.title,
                        m.workstream.title,
                        render_date(m.due_on),
                        render_date(m.achieved_on),
                    ]
                    for m in milestones
                    if m.achieved_on is not None
                ],
                "No milestones were achieved in the period.",
            ),
        ],
    }


def _due_words(action: Any, today: dt.date) -> str:
    if action.due_on < today:
        days = (today - action.due_on).days
        return f"{action.get_status_display()}, overdue by {days} day{'s' if days != 1 else ''}"
    return str(action.get_status_display())


def _due(choice: s.ReportChoice, today: dt.date) -> dict[str, Any]:
    actions = list(s.actions_due(choice.next_meeting_on))
    overdue = sum(a.due_on < today for a in actions)
    return {
        "key": "due",
        "heading": "Actions due before the next meeting",
        "paragraphs": [
            f"{len(actions)} action{'s' if len(actions) != 1 else ''} not yet complete "
            f"{'are' if len(actions) != 1 else 'is'} due by the next meeting on "
            f"{render_date(choice.next_meeting_on)}; {overdue} of them "
            f"{'are' if overdue != 1 else 'is'} overdue on {render_date(today)}."
        ],
        "blocks": [
            _table(
                "Actions due by the next meeting, not yet complete",
                ["Action", "Workstream", "Owner", "Partner", "Due on", "Status"],
                [
                    [
                        a.title,
                        a.workstream.title,
                        _owner(a),
                        a.get_partner_display(),
                        render_date(a.due_on),
                        _due_words(a, today),
                    ]
                    for a in actions
                ],
                "No actions are due by the next meeting.",
            )
        ],
    }


def _position(line: s.MeasureLine) -> str:
    """Where the actual figure stands against the trajectory, in words: the direction that
    counts as better is from the baseline towards the target."""
    if line.actual is not None and line.actual.suppressed:
        return "Figure hidden (small numbers)"
    if line.actual is None or line.actual.value is None:
        return "No figure to compare"
    actual, expected = Decimal(str(round(line.actual.value, 1))), line.expected
    rising = line.target.target_value >= line.target.baseline_value
    if actual == expected:
        return "On trajectory"
    ahead = actual > expected if rising else actual < expected
    return "Ahead of trajectory" if ahead else "Behind trajectory"


def measure_figures(lines: list[s.MeasureLine]) -> list[dict[str, Any]]:
    """Each measure's figures as stored with an issued report."""
    return [
        {
            "measure_key": line.target.measure_key,
            "name": line.measure.name if line.measure else line.target.measure_key,
            "priority": line.target.priority.title,
            "headline": line.measure.headline.label if line.measure else "",
            "baseline": str(line.target.baseline_value),
            "baseline_on": line.target.baseline_on.isoformat(),
            "expected": str(line.expected),
            "expected_on": line.expected_on.isoformat(),
            "target": str(line.target.target_value),
            "target_on": line.target.target_on.isoformat(),
            "actual": line.actual.value if line.actual else None,
            "actual_text": line.actual.text if line.actual else "Not a dashboard measure",
            "position": _position(line),
        }
        for line in lines
    ]


def _measures(choice: s.ReportChoice, lines: list[s.MeasureLine]) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = []
    for line in lines:
        measure, name = line.measure, line.measure.name if line.measure else line.target.measure_key
        bars = [
            (
                f"Baseline ({render_date(line.target.baseline_on)})",
                float(line.target.baseline_value),
            ),
            (f"Expected by {render_date(line.expected_on)}", float(line.expected)),
        ]
        if line.actual is not None and line.actual.value is not None:
            bars.append((f"Actual, {choice.period.label}", round(line.actual.value, 1)))
        bars.append(
            (f"Target ({render_date(line.target.target_on)})", float(line.target.target_value))
        )
        kind = measure.headline.kind if measure else Kind.COUNT
        blocks.append(
            {
                "chart": {
                    "name": f"Bar chart of {name.lower()}: baseline, expected, actual and target. "
                    "The table after the chart gives the same figures.",
                    "axis": _AXES[kind],
                    "bars": bars,
                    "caption": f"{name} ({line.target.priority.title})",
                }
            }
        )
        blocks.append(
            _table(
                f"{name} against its trajectory",
                ["Figure", "Value"],
                [
                    [
                        f"Baseline on {render_date(line.target.baseline_on)}",
                        _number(line.target.baseline_value, measure),
                    ],
                    [
                        f"Expected by {render_date(line.expected_on)}",
                        _number(line.expected, measure),
                    ],
                    [
                        f"Actual, {choice.period.label}",
                        line.actual.text if line.actual else "Not a dashboard measure",
                    ],
                    [
                        f"Target by {render_date(line.target.target_on)}",
                        _number(line.target.target_value, measure),
                    ],
                    ["Position", _position(line)],
                ],
                "",
            )
        )
    summary = _table(
        "Measures against trajectory",
        [
            "Measure",
            "Priority",
            "Baseline",
            "Expected by the period end",
            "Actual",
            "Target",
            "Position",
        ],
        [
            [
                line.measure.name if line.measure else line.target.measure_key,
                line.target.priority.title,
                _number(line.target.baseline_value, line.measure),
                _number(line.expected, line.measure),
                line.actual.text if line.actual else "Not a dashboard measure",
                _number(line.target.target_value, line.measure),
                _position(line),
            ]
            for line in lines
        ],
        "No measures have targets yet.",
    )
    return {
        "key": "measures",
        "heading": "Measures against trajectory",
        "paragraphs": [
            f"Actual figures are the SEND data dashboard's for {choice.period.label}, with "
            "figures from fewer than 5 children hidden ([c]). Expected figures are the "
            "trajectory's latest point on or before the period's end."
        ],
        "blocks": [summary, *blocks],
    }


def _score(likelihood: int, impact: int) -> str:
    return f"{likelihood * impact} ({likelihood} likelihood × {impact} impact)"


def _risks(choice: s.ReportChoice) -> dict[str, Any]:
    changes = s.risks_changed(choice.start, choice.end)
    rows = []
    for change in changes:
        a, p = change.assessment, change.previous
        rows.append(
            [
                a.risk.title,
                render_date(a.assessed_on),
                _score(a.likelihood_before, a.impact_before),
                _score(a.likelihood_after, a.impact_after),
                _score(p.likelihood_after, p.impact_after) if p else "First assessment",
            ]
        )
    return {
        "key": "risks",
        "heading": "Risks that changed",
        "paragraphs": [
            f"{len({c.assessment.risk_id for c in changes})} risk"
            f"{'s' if len({c.assessment.risk_id for c in changes}) != 1 else ''} "
            "assessed in the period. Scores are likelihood × impact, each 1 to 5."
        ],
        "blocks": [
            _table(
                "Risk assessments in the period",
                [
                    "Risk",
                    "Assessed on",
                    "Score before mitigation",
                    "Score after mitigation",
                    "Previous score after mitigation",
                ],
                rows,
                "No risks were assessed in the period.",
            )
        ],
    }


def _families(choice: s.ReportChoice) -> dict[str, Any]:
    voice = s.family_voice(choice.start, choice.end)
    return {
        "key": "families",
        "heading": "What families told us",
        "paragraphs": [
            f"{voice.total} piece{'s' if voice.total != 1 else ''} of feedback received in "
            f"the period; {len(voice.published)} “you said, we did” "
            f"entr{'ies' if len(voice.published) != 1 else 'y'} published."
        ],
        "blocks": [
            _table(
                "Feedback received in the period, by source",
                ["Source", "Pieces of feedback"],
                [[label, f"{n:,}"] for label, n in voice.by_source],
                "",
            ),
            _table(
                "Feedback received in the period, by theme",
                ["Theme", "Pieces of feedback"],
                [[name, f"{n:,}"] for name, n in voice.by_theme],
                "No feedback in the period was tagged with a theme.",
            ),
            _table(
                "You said, we did: published in the period",
                ["You said", "We did", "Published on"],
                [
                    [y.you_said, y.we_did, render_date(y.published_on)]
                    for y in voice.published
                    if y.published_on is not None
                ],
                "Nothing was published in the period.",
            ),
        ],
    }


def report_content(choice: s.ReportChoice, today: dt.date) -> dict[str, Any]:
    """The whole report as JSON-able data (stored as an issued version's `figures`)."""
    lines = s.measure_lines(choice.period, today)
    return {
        "title": report_title(choice),
        "audience": choice.audience,
        "audience_label": s.audience_label(choice.audience),
        "period_start": choice.start.isoformat(),
        "period_end": choice.end.isoformat(),
        "next_meeting_on": choice.next_meeting_on.isoformat(),
        "prepared_on": today.isoformat(),
        "summary": [
            ["Prepared for", s.audience_label(choice.audience)],
            ["Period", f"{render_date(choice.start)} to {render_date(choice.end)}"],
            ["Next meeting", render_date(choice.next_meeting_on)],
            ["Figures drawn on", render_date(today)],
        ],
        "measures": measure_figures(lines),
        "sections": [
            _done(choice),
            _due(choice, today),
            _measures(choice, lines),
            _risks(choice),
            _families(choice),
        ],
    }


def with_charts(content: dict[str, Any]) -> dict[str, Any]:
    """The content with each chart drawn as SVG, for the page and the PDF."""
    sections = []
    for section in content["sections"]:
        blocks = []
        for block in section["blocks"]:
            if "chart" in block:
                chart = block["chart"]
                bars = tuple((str(label), float(value)) for label, value in chart["bars"])
                svg = charts.bar_chart(name=chart["name"], axis=chart["axis"], bars=bars)
                block = {"chart": chart | {"svg": svg}}
            blocks.append(block)
        sections.append(section | {"blocks": blocks})
    return content | {"sections": sections}
