"""Display-ready values for the risk register's pages: scores with their ratings in words, the
review date in words ("Review 3 days overdue"), and the heat map's grid as table rows."""

import datetime as dt
from typing import Any

from django.urls import reverse

from .models import Risk, RiskAssessment
from .selectors_risks import SCORES, HeatMap, Rating, Stage, rating, score, scores_of

RATING_TAG_COLOURS = {
    Rating.LOW: "green",
    Rating.MEDIUM: "yellow",
    Rating.HIGH: "orange",
    Rating.VERY_HIGH: "red",
}

STAGE_WORDS = {Stage.BEFORE: "before mitigation", Stage.AFTER: "after mitigation"}


def _days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


def review_words(review_on: dt.date, today: dt.date) -> dict[str, str]:
    """The review date as a tag: overdue by how long, due today, or due in how long."""
    days = (review_on - today).days
    if days < 0:
        return {"text": f"Review {_days(-days)} overdue", "colour": "red"}
    if days == 0:
        return {"text": "Review due today", "colour": "yellow"}
    return {"text": f"Review due in {_days(days)}", "colour": "grey"}


def scored(likelihood: int, impact: int) -> dict[str, Any]:
    value = score(likelihood, impact)
    band = rating(value)
    return {
        "likelihood": likelihood,
        "impact": impact,
        "score": value,
        "rating": band.value,
        "text": f"{likelihood} × {impact} = {value}",
        "tag": {"text": band.value, "colour": RATING_TAG_COLOURS[band]},
    }


def risk_row(risk: Risk, today: dt.date) -> dict[str, Any]:
    closed = risk.closed_on is not None
    return {
        "pk": risk.pk,
        "title": risk.title,
        "href": reverse("improvement:risk_detail", args=[risk.pk]),
        "owner": risk.owner.get_full_name() or risk.owner.get_username(),
        "before": scored(*scores_of(risk, Stage.BEFORE)),
        "after": scored(*scores_of(risk, Stage.AFTER)),
        "review_on": risk.review_on,
        "review": (
            {"text": f"Closed on {risk.closed_on:%-d %B %Y}", "colour": "grey"}
            if closed
            else review_words(risk.review_on, today)
        ),
        "closed": closed,
        "mitigations": [
            {
                "description": m.description,
                "action": m.action.title if m.action else "",
                "action_href": (
                    reverse("improvement:action_detail", args=[m.action_id]) if m.action else ""
                ),
            }
            for m in risk.mitigations.all()
        ],
    }


def heat_map_rows(heat_map: HeatMap) -> list[dict[str, Any]]:
    """The grid as a table: a row per likelihood (5 first), a cell per impact (1 to 5)."""
    return [
        {
            "likelihood": likelihood,
            "cells": [
                {
                    "impact": impact,
                    "count": heat_map.counts.get((likelihood, impact), 0),
                    "rating": rating(score(likelihood, impact)).value,
                }
                for impact in SCORES
            ],
        }
        for likelihood in reversed(SCORES)
    ]


def heat_map_name(heat_map: HeatMap) -> str:
    n = heat_map.total
    return (
        f"Heat map of {n} open risk{'' if n == 1 else 's'} {STAGE_WORDS[heat_map.stage]}, "
        "likelihood by impact. The table after it gives every count."
    )


def assessment_rows(assessments: list[RiskAssessment]) -> list[dict[str, Any]]:
    return [
        {
            "assessed_on": a.assessed_on,
            "by": a.assessed_by.get_full_name() or a.assessed_by.get_username(),
            "before": scored(a.likelihood_before, a.impact_before),
            "after": scored(a.likelihood_after, a.impact_after),
        }
        for a in assessments
    ]


def band_rows() -> list[dict[str, str]]:
    """The rating bands in words, for the page's explanation."""
    from .selectors_risks import BANDS

    possible = sorted({score(likelihood, impact) for likelihood in SCORES for impact in SCORES})
    rows, lowest = [], 1
    for highest, band in BANDS:
        first = min(s for s in possible if lowest <= s <= highest)
        rows.append({"rating": band.value, "scores": f"{first} to {highest}"})
        lowest = highest + 1
    return rows
