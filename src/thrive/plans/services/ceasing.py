"""Ceasing to maintain an EHC plan (Children and Families Act 2014, s.45; SEND Regulations
2014, regs 29-31), and withdrawing that decision.

The council may cease a plan on two grounds only: it is no longer responsible for the child
or young person, or the plan is no longer necessary (s.45(1)). Each SEN2 reason carries its
ground (`law.reviews.cease_ground`); for "Other" the officer chooses it, and a death needs
none - the plan lapses. For a child under 18 a plan may cease only because it is no longer
necessary (reg. 29), or because the child has moved to another local authority or outside
England (the council is then no longer responsible). Before deciding, the council consults
the family and the head or principal (reg. 31(1)); the plan is maintained while an appeal
may be made or is pending (s.45(4)), so `ceases_on` is the earliest day it can cease: the day
after the notice's last day to appeal (`law.reviews.cessation_notice`), or, after a death,
the day recorded. A mediation certificate or an appeal about ceasing keeps the plan longer
(`selectors_ceasing.takes_effect_on`).

A plan whose decision has taken effect has ceased: no new version or review is started for
it (`refuse_if_ceased`)."""

from datetime import date, timedelta
from typing import Any

from django.db import transaction

from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.core.notifications import notify
from thrive.core.text import required_text
from thrive.law import codes
from thrive.law.clock import render_date
from thrive.law.reviews import CeaseGround, cease_ground, cessation_notice
from thrive.people.selectors import family_emails

from .. import selectors
from ..models import EhcPlan
from ..models_reviews import AnnualReview, Cessation, ReviewDecision
from ..selectors_ceasing import plan_ceased_on, standing_cessation
from ..selectors_reviews import FINAL_KINDS, first_final_issued_on
from ._common import require_plan_editor

DECEASED = "8"
OTHER = "9"
#: Reasons that may end the plan of a child under 18 whatever its ground: moving to another
#: local authority in England or outside England, and death.
UNDER_18_REASONS = frozenset({"5", "7", DECEASED})
ADULT_AGE = 18
MAXIMUM_AGE_REASON = "1"
#: A young person reaches the maximum age at the end of the academic year in which they turn
#: 25, so on the day the decision is notified they are at least 24.
MAXIMUM_AGE_AT_LEAST = 24

UNDER_18 = (
    "For a child under 18, the plan can only cease because it is no longer necessary, or "
    "because the child has moved to another local authority or outside England "
    "(SEND Regulations 2014, reg. 29)."
)
ALREADY = "This plan already has a decision to cease it. Withdraw that decision to record another."


def refuse_if_ceased(plan: EhcPlan, today: date) -> None:
    """Refuse a change to a plan that has ceased."""
    if (ceased := plan_ceased_on(plan, today)) is not None:
        raise Refusal(f"This plan ceased on {render_date(ceased)}. It can no longer be changed.")


def _audit(actor: Any, cessation: Cessation, summary: str, action: AuditAction) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=cessation,
        child_id=cessation.plan.case.child_id,
        summary=summary,
    )


def _ground(reason: str, ground: str) -> str:
    """The s.45(1) ground recorded for `reason`: fixed by the reason, chosen for "Other",
    none after a death."""
    if reason not in codes.CEASE_REASONS:
        raise Refusal("Select the reason the plan is ceasing", field="reason")
    fixed = cease_ground(reason)
    if reason == OTHER:
        if ground not in CeaseGround:
            raise Refusal("Select the ground for ceasing the plan", field="ground")
        return ground
    if reason == DECEASED:
        if ground:
            raise Refusal(
                "When the child or young person has died, the plan ends without a ground. "
                "Do not select one.",
                field="ground",
            )
        return ""
    assert fixed is not None
    if ground and ground != fixed:
        raise Refusal(f"The ground for this reason is: {fixed.label.lower()}", field="ground")
    return fixed.value


def _check_age(plan: EhcPlan, reason: str, ground: str, notified_on: date) -> None:
    dob = plan.case.child.date_of_birth
    age = codes.age_on(dob, notified_on) if notified_on >= dob else 0
    if (
        age < ADULT_AGE
        and reason not in UNDER_18_REASONS
        and ground != CeaseGround.NO_LONGER_NECESSARY
    ):
        raise Refusal(UNDER_18, field="reason")
    if reason == MAXIMUM_AGE_REASON and age < MAXIMUM_AGE_AT_LEAST:
        raise Refusal(
            "A young person reaches the maximum age at the end of the academic year in which "
            "they turn 25.",
            field="reason",
        )


def _check_dates(
    plan: EhcPlan, reason: str, consulted_on: date | None, notified_on: date, today: date
) -> None:
    if notified_on > today:
        raise Refusal(
            "The date the decision was notified must be today or in the past", field="notified_on"
        )
    first = first_final_issued_on(plan)
    if first is not None and notified_on < first:
        raise Refusal(
            f"The decision cannot be notified before the final plan was issued on "
            f"{render_date(first)}",
            field="notified_on",
        )
    if consulted_on is None:
        if reason != DECEASED:
            raise Refusal(
                "Enter the date the family and the head or principal were consulted: they must "
                "be consulted before the decision (SEND Regulations 2014, reg. 31(1))",
                field="consulted_on",
            )
        return
    if consulted_on > notified_on:
        raise Refusal(
            "The family and the head or principal must be consulted on or before the day the "
            "decision is notified",
            field="consulted_on",
        )


def _check_review(plan: EhcPlan, review: AnnualReview | None) -> None:
    if review is None:
        return
    if review.plan_id != plan.pk:
        raise Refusal("The review is not of this plan.")
    if review.decision != ReviewDecision.CEASE:
        raise Refusal("The review did not decide to cease the plan.")


@transaction.atomic
def plan_cease(
    *,
    actor: Any,
    plan: EhcPlan,
    reason: str,
    ground: str = "",
    reasons_given: str,
    consulted_on: date | None,
    notified_on: date,
    review: AnnualReview | None = None,
    today: date,
) -> Cessation:
    """Record the decision to cease to maintain the plan, notified on `notified_on`, with the
    SEN2 `reason`, and tell the family and the named school or college (reg. 31(2)). The
    plan is maintained until the appeal deadline (s.45(4)); after a death it ends on the day
    recorded, and no message is sent: an officer writes to the family."""
    require_plan_editor(actor, plan.case)
    plan = EhcPlan.objects.select_for_update().select_related("case__child").get(pk=plan.pk)
    if first_final_issued_on(plan) is None:
        raise Refusal("A plan can only be ceased once its final plan has been issued.")
    if standing_cessation(plan) is not None:
        raise Refusal(ALREADY)
    ground = _ground(reason, ground)
    reasons_given = required_text(
        reasons_given, field="reasons_given", missing="Enter the reasons given to the family"
    )
    _check_dates(plan, reason, consulted_on, notified_on, today)
    _check_age(plan, reason, ground, notified_on)
    _check_review(plan, review)
    # The earliest day the plan can cease: with no mediation and no appeal, the day after
    # the last day to appeal (`selectors_ceasing.takes_effect_on` allows for both).
    ceases_on = notified_on if reason == DECEASED else _after_appeal_window(notified_on)
    cessation = Cessation.objects.create(
        plan=plan,
        review=review,
        reason=reason,
        ground=ground,
        reasons_given=reasons_given,
        consulted_on=consulted_on,
        notified_on=notified_on,
        ceases_on=ceases_on,
        recorded_by=actor,
    )
    _audit(
        actor,
        cessation,
        f"recorded the decision to cease the plan (SEN2 reason {reason}), notified on "
        f"{notified_on}, ceasing on {ceases_on}",
        AuditAction.CREATE,
    )
    if reason != DECEASED:
        _tell_about_cessation(plan, cessation_notice(notified_on).maintained_until_at_least)
    return cessation


def _after_appeal_window(notified_on: date) -> date:
    return cessation_notice(notified_on).maintained_until_at_least + timedelta(days=1)


def _placement_setting_id(plan: EhcPlan) -> int | None:
    latest = plan.versions.filter(kind__in=FINAL_KINDS, issued_at__isnull=False)
    version = latest.order_by("-number").first()
    return version.placement_setting_id if version else None


def _tell_about_cessation(plan: EhcPlan, maintained_until: date) -> None:
    reference = plan.case.reference
    until = render_date(maintained_until)
    notify(
        recipients=family_emails(plan.case.child_id),
        subject=f"Decision to cease the EHC plan for case {reference}",
        body=(
            f"The council has decided to stop maintaining the EHC plan for case {reference}. "
            f"The plan stays in place until at least {until}. You can appeal to the SEND "
            "Tribunal: before you appeal you must contact a mediation adviser. Sign in to read "
            "the decision, the reasons and the dates."
        ),
    )
    notify(
        recipients=selectors.setting_inbox_emails(_placement_setting_id(plan)),
        subject=f"Decision to cease the EHC plan for case {reference}",
        body=(
            f"The council has decided to stop maintaining the EHC plan for case {reference}, "
            f"which names your school or college. Keep making the provision it sets out until "
            f"at least {until}."
        ),
    )


@transaction.atomic
def plan_cease_withdraw(
    *, actor: Any, cessation: Cessation, withdrawn_on: date, why: str, today: date
) -> Cessation:
    """Withdraw a decision to cease: the council changed its mind, or the Tribunal ordered
    the plan to be maintained. The record is kept; the plan is maintained again."""
    require_plan_editor(actor, cessation.plan.case)
    locked = Cessation.objects.select_for_update().select_related("plan__case").get(pk=cessation.pk)
    if not locked.stands:
        raise Refusal("This decision has already been withdrawn.")
    if withdrawn_on > today:
        raise Refusal("The date must be today or in the past", field="withdrawn_on")
    if withdrawn_on < locked.notified_on:
        raise Refusal(
            "The decision cannot be withdrawn before it was notified on "
            f"{render_date(locked.notified_on)}",
            field="withdrawn_on",
        )
    locked.withdrawn_why = required_text(
        why, field="why", missing="Enter why the decision is withdrawn"
    )
    locked.withdrawn_on = withdrawn_on
    locked.save(update_fields=["withdrawn_on", "withdrawn_why"])
    _audit(
        actor,
        locked,
        f"withdrew the decision to cease the plan on {withdrawn_on}",
        AuditAction.CHANGE,
    )
    reference = locked.plan.case.reference
    notify(
        recipients=family_emails(locked.plan.case.child_id),
        subject=f"The EHC plan for case {reference} continues",
        body=(
            f"The council has withdrawn its decision to stop maintaining the EHC plan for case "
            f"{reference}. The plan continues. Sign in to read more."
        ),
    )
    return locked
