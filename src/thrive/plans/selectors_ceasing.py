"""Reads for ceasing a plan (Children and Families Act 2014 s.45; SEND Regulations 2014,
regs 29-31): the decision that stands, whether the plan has ceased, the dates the notice
starts, and the case work team's report of plans ceased. The dates come from
`thrive.law.reviews`; `today` is passed in, never read here.

A plan with a standing decision to cease is maintained while an appeal may be made or is
pending (s.45(4)): `law.reviews.cessation_takes_effect` says from which day it has ceased,
given the mediation certificate and the appeal about ceasing recorded in `disputes`. The
stored `ceases_on` is the earliest day that can be (no mediation, no appeal), so only
decisions with `ceases_on` on or before today need that closer look."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from thrive.accounts.policy import restrict_cases
from thrive.assessments.models import Case
from thrive.disputes.models import Appeal, AppealOutcome, Mediation, Subject
from thrive.law import reviews as law

from .models import EhcPlan
from .models_reviews import Cessation

#: Appeal outcomes that keep the plan: the Tribunal orders it maintained, or the council
#: concedes; the decision to cease must then be withdrawn.
KEEPS_THE_PLAN = frozenset(
    {AppealOutcome.UPHELD, AppealOutcome.PARTLY_UPHELD, AppealOutcome.CONCEDED}
)


#: Above this many decisions, `_disputes` reads every disagreement about ceasing at once.
MANY = 500


def standing_cessation(plan: EhcPlan) -> Cessation | None:
    """The decision to cease that has not been withdrawn, if any (at most one)."""
    return plan.cessations.filter(withdrawn_on__isnull=True).first()


def latest_cessation(plan: EhcPlan) -> Cessation | None:
    """The latest decision to cease, standing or withdrawn."""
    return plan.cessations.order_by("-notified_on", "-id").first()


@dataclass(frozen=True)
class CeasingDispute:
    """What the family did about a decision to cease: a mediation certificate, an appeal."""

    certificate_on: date | None = None
    appeal: Appeal | None = None


def _disputes(cessations: list[Cessation]) -> dict[int, CeasingDispute]:
    """Each decision's latest mediation certificate and appeal about ceasing, dated on or
    after the notice: two queries, however many decisions."""
    if not cessations:
        return {}
    notified = {c.plan.case_id: c for c in cessations}
    # Disagreements about ceasing are few: for many decisions, fetch them all rather than
    # name thousands of cases in one query (SQLite limits the parameters).
    cases = Q(case_id__in=notified) if len(notified) <= MANY else Q()
    certificates: dict[int, date | None] = {}
    mediations = Mediation.objects.filter(
        cases, subject=Subject.CEASING, certificate_issued_on__isnull=False
    ).order_by("certificate_issued_on", "id")
    for mediation in mediations:
        cessation = notified.get(mediation.case_id)
        if cessation is not None and mediation.decision_letter_on >= cessation.notified_on:
            certificates[mediation.case_id] = mediation.certificate_issued_on
    appeals: dict[int, Appeal] = {}
    for appeal in Appeal.objects.filter(cases, subject=Subject.CEASING).order_by(
        "registered_on", "id"
    ):
        cessation = notified.get(appeal.case_id)
        if cessation is not None and appeal.decision_letter_on >= cessation.notified_on:
            appeals[appeal.case_id] = appeal
    return {
        c.pk: CeasingDispute(certificates.get(c.plan.case_id), appeals.get(c.plan.case_id))
        for c in cessations
    }


def takes_effect_on(cessation: Cessation, dispute: CeasingDispute) -> date | None:
    """The day the plan stops being maintained; None while an appeal keeps it."""
    if not cessation.ground and cessation.ceases_on == cessation.notified_on:
        return cessation.ceases_on  # a death: the plan lapses, there is nothing to appeal
    appeal = dispute.appeal
    return law.cessation_takes_effect(
        cessation.notified_on,
        mediation_certificate_on=dispute.certificate_on,
        appeal_registered=appeal is not None,
        appeal_decided_on=appeal.outcome_on if appeal and appeal.outcome else None,
        appeal_allowed=appeal is not None and appeal.outcome in KEEPS_THE_PLAN,
    )


def _ceased(cessations: list[Cessation], today: date) -> list[tuple[Cessation, date]]:
    disputes = _disputes(cessations)
    ceased = []
    for cessation in cessations:
        effective = takes_effect_on(cessation, disputes[cessation.pk])
        if effective is not None and effective <= today:
            ceased.append((cessation, effective))
    return ceased


def _due(cessations: QuerySet[Cessation], today: date) -> list[Cessation]:
    """Standing decisions that may have taken effect by `today`."""
    due = cessations.filter(withdrawn_on__isnull=True, ceases_on__lte=today)
    return list(due.select_related("plan__case"))


def maintained_plans(today: date) -> QuerySet[EhcPlan]:
    """Every plan that has not ceased by `today`, as a query the caller can narrow. A
    decision whose earliest day has come has taken effect unless a disagreement about
    ceasing holds it (few: worked out here one by one)."""
    due = Cessation.objects.filter(
        plan=OuterRef("pk"), withdrawn_on__isnull=True, ceases_on__lte=today
    )
    return EhcPlan.objects.exclude(Q(Exists(due)) & ~Q(pk__in=_held_plan_ids(today)))


def _held_plan_ids(today: date) -> list[int]:
    """Plans whose decision's earliest day has come but a mediation certificate or an
    appeal about ceasing keeps them (s.45(4))."""
    disputed = Q(
        Exists(Mediation.objects.filter(case=OuterRef("plan__case"), subject=Subject.CEASING))
    ) | Q(Exists(Appeal.objects.filter(case=OuterRef("plan__case"), subject=Subject.CEASING)))
    due = _due(Cessation.objects.filter(disputed), today)
    ceased = {c.pk for c, _ in _ceased(due, today)}
    return [c.plan_id for c in due if c.pk not in ceased]


def ceased_by(today: date) -> list[tuple[Cessation, date]]:
    """Every standing decision whose plan had ceased by `today`, with the day it ceased."""
    return _ceased(_due(Cessation.objects.all(), today), today)


def plan_ceased_on(plan: EhcPlan, today: date) -> date | None:
    """The day the plan ceased, if it has ceased by `today`; None while it is maintained."""
    ceased = _ceased(_due(plan.cessations.all(), today), today)
    return ceased[0][1] if ceased else None


@dataclass(frozen=True)
class CessationStatus:
    """The plan's standing decision to cease and where it has got to on `today`:
    `takes_effect_on` is None while an appeal keeps the plan."""

    cessation: Cessation
    takes_effect_on: date | None
    ceased: bool
    appeal: Appeal | None
    notice: law.CessationNotice | None


def cessation_status(plan: EhcPlan, today: date) -> CessationStatus | None:
    cessation = standing_cessation(plan)
    if cessation is None:
        return None
    dispute = _disputes([cessation])[cessation.pk]
    effective = takes_effect_on(cessation, dispute)
    return CessationStatus(
        cessation=cessation,
        takes_effect_on=effective,
        ceased=effective is not None and effective <= today,
        appeal=dispute.appeal,
        notice=cessation_notice_for(cessation),
    )


def cessation_notice_for(cessation: Cessation) -> law.CessationNotice | None:
    """The notice's dates (reg. 31(2)): the appeal deadline and the day to contact a
    mediation adviser by. None when the child or young person has died: the plan lapses and
    no decision is notified."""
    if not cessation.ground:
        return None
    return law.cessation_notice(cessation.notified_on)


def ceased_plans_for(*, user: Any, year: int | None, today: date) -> list[tuple[Cessation, date]]:
    """Standing decisions whose plan had ceased by `today`, with the day it ceased, in
    `year` of that day (every year when None), oldest first, for the cases `user` may
    see."""
    cases = restrict_cases(user, Case.objects.all())
    ceased = _ceased(_due(Cessation.objects.filter(plan__case__in=cases), today), today)
    chosen = [(c, on) for c, on in ceased if year is None or on.year == year]
    return sorted(chosen, key=lambda pair: (pair[1], pair[0].pk))


def ceased_years(*, user: Any, today: date) -> list[int]:
    """The years in which plans the user may see ceased, latest first, for the filter."""
    ceased = ceased_plans_for(user=user, year=None, today=today)
    return sorted({on.year for _, on in ceased}, reverse=True)
