"""Reads of the risk register: the scores and their rating bands (defined here, once), the
risks on the register and the heat map's counts. (Which risks changed in a period, for progress
reports, is `selectors_reports.risks_changed`, over the same RiskAssessment rows.)

Rating bands of a score (likelihood x impact, each 1-5), as docs/improvement.md states them:
1-4 low, 5-9 medium, 10-16 high, 20-25 very high (no product of two numbers 1-5 lies between
16 and 20)."""

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from .models import Action, Mitigation, Risk, RiskAssessment

SCORES = range(1, 6)


class Rating(StrEnum):
    LOW = "Low"
    MEDIUM = "Medium"
    HIGH = "High"
    VERY_HIGH = "Very high"


#: (highest score in the band, rating), in order: the one place the bands are defined.
BANDS: tuple[tuple[int, Rating], ...] = (
    (4, Rating.LOW),
    (9, Rating.MEDIUM),
    (16, Rating.HIGH),
    (25, Rating.VERY_HIGH),
)


def score(likelihood: int, impact: int) -> int:
    """The risk score: likelihood times impact, each from 1 to 5."""
    if likelihood not in SCORES or impact not in SCORES:
        raise ValueError("likelihood and impact are each from 1 to 5")
    return likelihood * impact


def rating(value: int) -> Rating:
    """The band a score (1-25) falls in."""
    for highest, band in BANDS:
        if 1 <= value <= highest:
            return band
    raise ValueError(f"a score is from 1 to 25, not {value}")


class Stage(StrEnum):
    """Which scores: before mitigation, or after (the current, residual risk)."""

    BEFORE = "before"
    AFTER = "after"


def scores_of(risk: Risk | RiskAssessment, stage: Stage) -> tuple[int, int]:
    if stage is Stage.BEFORE:
        return risk.likelihood_before, risk.impact_before
    return risk.likelihood_after, risk.impact_after


def risk_list(*, include_closed: bool = False) -> QuerySet[Risk]:
    """The register, with owners and mitigations (and their actions) in three queries."""
    risks = Risk.objects.select_related("owner").prefetch_related(
        Prefetch("mitigations", Mitigation.objects.select_related("action"))
    )
    return risks if include_closed else risks.filter(closed_on__isnull=True)


def risk_get(risk_id: int) -> Risk:
    risks = Risk.objects.select_related("owner").prefetch_related(
        Prefetch("mitigations", Mitigation.objects.select_related("action")),
        Prefetch("assessments", RiskAssessment.objects.select_related("assessed_by")),
    )
    return get_object_or_404(risks, pk=risk_id)


def actions_for_mitigation() -> QuerySet[Action]:
    """The programme's actions a mitigation may link to."""
    return Action.objects.select_related("workstream").order_by("workstream__title", "title")


@dataclass(frozen=True)
class HeatMap:
    """Open risks counted by (likelihood, impact) for one stage."""

    stage: Stage
    counts: dict[tuple[int, int], int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def heat_map(risks: list[Risk], stage: Stage) -> HeatMap:
    counts = Counter(scores_of(risk, stage) for risk in risks if risk.closed_on is None)
    return HeatMap(stage=stage, counts=dict(counts))
