"""Reads for ceasing a plan (Children and Families Act 2014 s.45; SEND Regulations 2014,
regs 29-31): the decision that stands, whether the plan has ceased, the dates the notice
starts, and the case work team's report of plans ceased. The dates come from
`thrive.law.reviews`; `today` is passed in, never read here.

A plan with a standing decision to cease is maintained until `ceases_on` (the end of the
appeal period, s.45(4)); from that day on it has ceased."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.db.models.functions import ExtractYear

from thrive.accounts.policy import restrict_cases
from thrive.assessments.models import Case
from thrive.law import reviews as law

from .models import EhcPlan
from .models_reviews import Cessation


def standing_cessation(plan: EhcPlan) -> Cessation | None:
    """The decision to cease that has not been withdrawn, if any (at most one)."""
    return plan.cessations.filter(withdrawn_on__isnull=True).first()


def latest_cessation(plan: EhcPlan) -> Cessation | None:
    """The latest decision to cease, standing or withdrawn."""
    return plan.cessations.order_by("-notified_on", "-id").first()


def plan_ceased_on(plan: EhcPlan, today: date) -> date | None:
    """The day the plan ceased, if it has ceased by `today`; None while it is maintained."""
    cessation = standing_cessation(plan)
    if cessation is None or cessation.ceases_on > today:
        return None
    return cessation.ceases_on


@dataclass(frozen=True)
class CessationStatus:
    """The plan's standing decision to cease and where it has got to on `today`."""

    cessation: Cessation
    ceased: bool
    notice: law.CessationNotice | None


def cessation_status(plan: EhcPlan, today: date) -> CessationStatus | None:
    cessation = standing_cessation(plan)
    if cessation is None:
        return None
    return CessationStatus(
        cessation=cessation,
        ceased=cessation.ceases_on <= today,
        notice=cessation_notice_for(cessation),
    )


def cessation_notice_for(cessation: Cessation) -> law.CessationNotice | None:
    """The notice's dates (reg. 31(2)): the appeal deadline and the day to contact a
    mediation adviser by. None when the child or young person has died: the plan lapses and
    no decision is notified."""
    if not cessation.ground:
        return None
    return law.cessation_notice(cessation.notified_on)


def ceased_plans_for(*, user: Any, year: int | None, today: date) -> QuerySet[Cessation]:
    """Standing decisions whose plan had ceased by `today`, in `year` of the day it ceased
    (every year when None), oldest first, for the cases `user` may see."""
    cessations = Cessation.objects.filter(
        withdrawn_on__isnull=True,
        ceases_on__lte=today,
        plan__case__in=restrict_cases(user, Case.objects.all()),
    )
    if year is not None:
        cessations = cessations.filter(ceases_on__year=year)
    return cessations.select_related("plan__case").order_by("ceases_on", "id")


def ceased_years(*, user: Any, today: date) -> list[int]:
    """The years in which plans the user may see ceased, latest first, for the filter."""
    years = (
        ceased_plans_for(user=user, year=None, today=today)
        .annotate(year=ExtractYear("ceases_on"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return list(years)
