"""Plans built row by row for the work queue tests: versions issued on given days, reviews and
cessations, without going through the issuing services (their checks are tested in
tests/plans). TODAY is 2 March 2026 (tests.factories)."""

import datetime as dt
from typing import Any

from django.utils import timezone

from thrive.assessments.models import Case
from thrive.plans.models import AnnualReview, Cessation, EhcPlan, PlanVersion


def plan_with(case: Case, officer: Any, *versions: tuple[str, dt.date | None]) -> EhcPlan:
    """A plan with versions 1, 2, ... of the given kinds, each issued on its day (or not)."""
    plan = EhcPlan.objects.create(case=case)
    for number, (kind, issued_on) in enumerate(versions, start=1):
        PlanVersion.objects.create(
            plan=plan,
            number=number,
            kind=kind,
            created_by=officer,
            issued_on=issued_on,
            issued_at=timezone.now() if issued_on else None,
            issued_by=officer if issued_on else None,
        )
    return plan


def issued_plan(case: Case, officer: Any, final_on: dt.date) -> EhcPlan:
    """A draft served a month before the final plan, issued on `final_on`."""
    return plan_with(
        case, officer, ("draft", final_on - dt.timedelta(days=30)), ("final", final_on)
    )


def add_version(plan: EhcPlan, officer: Any, kind: str, issued_on: dt.date | None) -> PlanVersion:
    number = plan.versions.count() + 1
    return PlanVersion.objects.create(
        plan=plan,
        number=number,
        kind=kind,
        created_by=officer,
        issued_on=issued_on,
        issued_at=timezone.now() if issued_on else None,
        issued_by=officer if issued_on else None,
    )


def add_review(plan: EhcPlan, officer: Any, meeting_on: dt.date, **fields: Any) -> AnnualReview:
    return AnnualReview.objects.create(
        plan=plan, meeting_on=meeting_on, scheduled_by=officer, **fields
    )


def cease(plan: EhcPlan, officer: Any, ceases_on: dt.date, **fields: Any) -> Cessation:
    values: dict[str, Any] = {
        "plan": plan,
        "reason": "2",
        "reasons_given": "The plan is no longer necessary.",
        "notified_on": ceases_on - dt.timedelta(days=70),
        "ceases_on": ceases_on,
        "recorded_by": officer,
    }
    values.update(fields)
    return Cessation.objects.create(**values)
