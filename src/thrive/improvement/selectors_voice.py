"""Reads of family voice: feedback filtered by source, theme, priority and period; the volume
of feedback each month by source and by theme; and "you said, we did" entries."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404

from .models import Action, Feedback, FeedbackSource, Priority, Theme, YouSaidWeDid


@dataclass(frozen=True)
class FeedbackFilters:
    source: str = ""
    theme_id: int | None = None
    priority_id: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None


def feedback_list(filters: FeedbackFilters = FeedbackFilters()) -> QuerySet[Feedback]:
    """Feedback matching every filter given, newest first, with themes and priorities."""
    feedback = Feedback.objects.prefetch_related("themes", "priorities")
    if filters.source:
        feedback = feedback.filter(source=filters.source)
    if filters.theme_id is not None:
        feedback = feedback.filter(themes__id=filters.theme_id)
    if filters.priority_id is not None:
        feedback = feedback.filter(priorities__id=filters.priority_id)
    if filters.start is not None:
        feedback = feedback.filter(received_on__gte=filters.start)
    if filters.end is not None:
        feedback = feedback.filter(received_on__lte=filters.end)
    return feedback.distinct()


def feedback_in(ids: list[int]) -> QuerySet[Feedback]:
    return Feedback.objects.filter(pk__in=ids)


def themes() -> QuerySet[Theme]:
    return Theme.objects.all()


def priorities() -> QuerySet[Priority]:
    return Priority.objects.all()


def actions() -> QuerySet[Action]:
    return Action.objects.select_related("workstream").order_by("workstream__title", "title")


def _month(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def volume_by_source(feedback: QuerySet[Feedback]) -> dict[dt.date, Counter[str]]:
    """How many pieces of feedback each month (the first of the month) from each source."""
    rows = (
        feedback.order_by()
        .annotate(month=TruncMonth("received_on"))
        .values("month", "source")
        .annotate(count=Count("id", distinct=True))
    )
    months: dict[dt.date, Counter[str]] = {}
    for row in rows:
        months.setdefault(_month(row["month"]), Counter())[row["source"]] += row["count"]
    return dict(sorted(months.items()))


def volume_by_theme(feedback: QuerySet[Feedback]) -> dict[dt.date, Counter[str]]:
    """How many pieces of feedback each month touched each theme (one piece may touch
    several themes, so a month's themes can add up to more than its feedback)."""
    rows = (
        Feedback.objects.filter(pk__in=feedback.order_by().values("pk"))
        .filter(themes__isnull=False)
        .annotate(month=TruncMonth("received_on"))
        .values("month", "themes__name")
        .annotate(count=Count("id", distinct=True))
        .order_by()
    )
    months: dict[dt.date, Counter[str]] = {}
    for row in rows:
        months.setdefault(_month(row["month"]), Counter())[row["themes__name"]] += row["count"]
    return dict(sorted(months.items()))


SOURCES = tuple(FeedbackSource)


def you_said_list(*, published_only: bool = False) -> QuerySet[YouSaidWeDid]:
    entries = YouSaidWeDid.objects.prefetch_related(
        Prefetch("feedback", Feedback.objects.order_by("received_on")),
        Prefetch("actions", Action.objects.select_related("workstream")),
    )
    return entries.filter(published_on__isnull=False) if published_only else entries


def you_said_get(entry_id: int) -> YouSaidWeDid:
    return get_object_or_404(you_said_list(), pk=entry_id)
