"""Display-ready values for family voice: feedback rows, and the monthly volumes by source and
by theme as tables (each chart's text alternative) and as the bars of their charts."""

import datetime as dt
from collections import Counter
from typing import Any

from django.urls import reverse

from .models import Feedback, FeedbackSource, YouSaidWeDid

SOURCE_LABELS = dict(FeedbackSource.choices)


def month_label(month: dt.date) -> str:
    return f"{month:%B %Y}"


def feedback_row(feedback: Feedback) -> dict[str, Any]:
    return {
        "pk": feedback.pk,
        "received_on": feedback.received_on,
        "source": feedback.get_source_display(),
        "summary": feedback.summary,
        "themes": ", ".join(t.name for t in feedback.themes.all()) or "None",
        "priorities": ", ".join(p.title for p in feedback.priorities.all()) or "None",
    }


def volume_table(months: dict[dt.date, Counter[str]], columns: list[str]) -> dict[str, Any]:
    """A row per month, a column per source or theme, and each row's total."""
    return {
        "columns": columns,
        "rows": [
            {
                "label": month_label(month),
                "cells": [counts.get(column, 0) for column in columns],
                "total": sum(counts.values()),
            }
            for month, counts in months.items()
        ],
    }


def source_table(months: dict[dt.date, Counter[str]]) -> dict[str, Any]:
    relabelled = {
        m: Counter({SOURCE_LABELS[s]: n for s, n in counts.items()}) for m, counts in months.items()
    }
    return volume_table(relabelled, [label for _, label in FeedbackSource.choices])


def theme_table(months: dict[dt.date, Counter[str]]) -> dict[str, Any]:
    names = sorted({name for counts in months.values() for name in counts})
    table = volume_table(months, names)
    for row in table["rows"]:
        del row["total"]  # one piece of feedback may have several themes: no row total
    return table


def chart_bars(table: dict[str, Any]) -> tuple[tuple[str, str, int], ...]:
    """(month, column, count) triples for a stacked bar chart, leaving out the zeros."""
    return tuple(
        (row["label"], column, count)
        for row in table["rows"]
        for column, count in zip(table["columns"], row["cells"], strict=True)
        if count
    )


def you_said_row(entry: YouSaidWeDid) -> dict[str, Any]:
    return {
        "pk": entry.pk,
        "you_said": entry.you_said,
        "we_did": entry.we_did,
        "published_on": entry.published_on,
        "status": (
            {"text": f"Published {entry.published_on:%-d %B %Y}", "colour": "green"}
            if entry.published_on
            else {"text": "Not published", "colour": "grey"}
        ),
        "feedback": [
            f"{f.received_on:%-d %B %Y}, {f.get_source_display()}" for f in entry.feedback.all()
        ],
        "actions": [
            {"title": a.title, "href": reverse("improvement:action_detail", args=[a.pk])}
            for a in entry.actions.all()
        ],
    }
