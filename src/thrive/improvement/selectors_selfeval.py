"""Reads of the self-evaluation: every criterion of the framework with its judgement and what
the judgement links to, and the live figures a judgement can show, each read through the
owning app's own selectors so it equals what that app shows:
- the dashboard's measures (`thrive.insight.measures.BY_KEY`), whole area, from
  `insight.selectors.dashboard_numbers`, as of the dashboard's last count;
- the plan quality figures, from the quality dashboard's selectors (`insight.quality`);
- family feedback by theme (`improvement.Feedback`).
The figures are for the 12 months up to the day asked for. Nothing here is a child's record."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from thrive.insight import quality as insight_quality
from thrive.insight import selectors as insight_selectors
from thrive.insight.measures import MEASURES
from thrive.insight.periods import Period, rolling_12_months

from .models import Action, Criterion, Evidence, Feedback, Judgement, Theme

QUALITY_AUDITED = "quality.plans_audited"
QUALITY_GOOD = "quality.good_or_better"
FEEDBACK_THEMES = "feedback.themes"

#: Every live figure a judgement may show: {key: what it is}. The dashboard's measures keep
#: their own keys; the others are named by the app they come from.
LIVE_SOURCES: dict[str, str] = {
    **{measure.key: measure.name for measure in MEASURES},
    QUALITY_AUDITED: "Plans issued that had a quality audit",
    QUALITY_GOOD: "Plan quality audits rating the plan good or outstanding",
    FEEDBACK_THEMES: "Family feedback by theme",
}


def criteria() -> list[Criterion]:
    """Every criterion, by paragraph, each with its judgement (or None) and the judgement's
    evidence and actions: four queries whatever their number."""
    judgements = Judgement.objects.select_related("reviewed_by").prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.order_by("title", "id")),
        Prefetch("actions", queryset=Action.objects.order_by("due_on", "id")),
    )
    rows = Criterion.objects.order_by("paragraph").prefetch_related(
        Prefetch("judgement", queryset=judgements)
    )
    return list(rows)


def framework_loaded() -> bool:
    return Criterion.objects.exists()


def criterion_get(paragraph: int) -> Criterion | None:
    return Criterion.objects.filter(paragraph=paragraph).first()


def judgement_of(criterion: Criterion) -> Judgement | None:
    try:
        return criterion.judgement
    except Judgement.DoesNotExist:
        return None


def evidence_choices() -> QuerySet[Evidence]:
    return Evidence.objects.order_by("title", "id")


def action_choices() -> QuerySet[Action]:
    return Action.objects.select_related("workstream__priority").order_by("due_on", "id")


@dataclass(frozen=True)
class ThemeCount:
    theme: str
    feedback: int


@dataclass
class LiveFigures:
    """Every live figure, for the 12 months to `today`, counted when asked for."""

    today: dt.date
    period: Period
    insight_counted_at: dt.datetime | None  # when the dashboard last counted its figures
    insight: dict[str, Any] = field(default_factory=dict)  # the whole area's numbers
    plans_audited: dict[str, int] = field(default_factory=dict)
    ratings: dict[str, int] = field(default_factory=dict)
    themes: list[ThemeCount] = field(default_factory=list)
    feedback_total: int = 0


def feedback_by_theme(period: Period) -> tuple[list[ThemeCount], int]:
    """Feedback received in `period` by theme (most first; a piece may have several themes),
    and how much feedback was received in it altogether."""
    received = Q(feedback__received_on__gte=period.start, feedback__received_on__lte=period.end)
    themes = (
        Theme.objects.annotate(feedback_count=Count("feedback", filter=received, distinct=True))
        .filter(feedback_count__gt=0)
        .order_by("-feedback_count", "name")
    )
    total = Feedback.objects.filter(
        received_on__gte=period.start, received_on__lte=period.end
    ).count()
    return [ThemeCount(t.name, t.feedback_count) for t in themes], total


def live_figures(today: dt.date, keys: set[str] | None = None) -> LiveFigures:
    """The live figures for the 12 months to `today`: only the sources `keys` need (every one
    when None)."""
    period = rolling_12_months(today)
    refresh = insight_selectors.last_refresh()
    figures = LiveFigures(
        today=today,
        period=period,
        insight_counted_at=refresh.refreshed_at if refresh is not None else None,
    )
    wanted = set(LIVE_SOURCES) if keys is None else keys
    if wanted - {QUALITY_AUDITED, QUALITY_GOOD, FEEDBACK_THEMES}:
        figures.insight = insight_selectors.dashboard_numbers(period, today)[insight_selectors.ALL]
    if QUALITY_AUDITED in wanted:
        figures.plans_audited = insight_quality.plans_audited(period)
    if QUALITY_GOOD in wanted:
        figures.ratings = insight_quality.overall_ratings(period)
    if FEEDBACK_THEMES in wanted:
        figures.themes, figures.feedback_total = feedback_by_theme(period)
    return figures


def keys_in_use(rows: list[Criterion]) -> set[str]:
    used: set[str] = set()
    for criterion in rows:
        judgement = judgement_of(criterion)
        if judgement is not None:
            used.update(judgement.measure_keys)
    return used
