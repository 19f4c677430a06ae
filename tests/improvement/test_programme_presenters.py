"""How a measure reads: the live figure against the trajectory in words, and the chart with a
table of every point."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from thrive.improvement.models import MeasureTarget, Priority, TrajectoryPoint
from thrive.improvement.presenters_programme import measure_view
from thrive.improvement.selectors_programme import MeasureProgress
from thrive.insight.measures import BY_KEY
from thrive.insight.suppression import HIDDEN, Figure

TODAY = dt.date(2026, 5, 1)


@pytest.fixture
def target(db: Any) -> MeasureTarget:
    target = MeasureTarget.objects.create(
        priority=Priority.objects.create(title="Timely plans"),
        measure_key="plans_20_weeks",
        baseline_value=Decimal("40"),
        baseline_on=dt.date(2025, 4, 1),
        target_value=Decimal("70"),
        target_on=dt.date(2027, 3, 31),
    )
    TrajectoryPoint.objects.create(target=target, on=dt.date(2026, 3, 31), value=Decimal("55"))
    return target


def _view(target: MeasureTarget, current: Figure | None) -> Any:
    progress = MeasureProgress(
        target, BY_KEY["plans_20_weeks"], current, Decimal("55"), dt.date(2026, 3, 31)
    )
    return measure_view(progress, TODAY)


def test_on_track_and_behind_in_words(target: MeasureTarget) -> None:
    ahead = _view(target, Figure("61%", 61.0))
    assert ahead.judgement["text"] == "On track"
    assert ahead.current == "61% in the 12 months to 1 May 2026"
    assert ahead.expected == "55% by 31 March 2026"
    behind = _view(target, Figure("48%", 48.0))
    assert behind.judgement["text"] == "Behind trajectory"


def test_no_figure_and_hidden_figure_are_said_plainly(target: MeasureTarget) -> None:
    assert _view(target, Figure("None", None)).current.startswith("No figure yet")
    assert _view(target, Figure("None", None)).judgement["text"] == "No figure yet"
    hidden = _view(target, HIDDEN)
    assert hidden.current.startswith("Too few children to show")
    assert hidden.judgement["text"] == "Too few to show"


def test_the_chart_has_a_name_and_the_table_every_point(target: MeasureTarget) -> None:
    view = _view(target, Figure("61%", 61.0))
    assert 'role="img"' in view.chart
    assert "New plans issued within 20 weeks" in view.chart
    assert [(row["what"], row["expected"]) for row in view.table] == [
        ("Baseline", "40%"),
        ("Trajectory", "55%"),
        ("Target", "70%"),
    ]
