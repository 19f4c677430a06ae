"""Records for the Annex A tests, written directly: a child's request, plan versions issued on
given days, reviews and decisions to cease."""

import datetime as dt
from typing import Any

from django.utils import timezone

from thrive.assessments.models import Case, CaseEvent
from thrive.people.models import Child, LocalAuthority, Setting
from thrive.plans.models import AnnualReview, Cessation, EhcPlan, PlanVersion


def setting(council: LocalAuthority, urn: str | None, phase: str, name: str = "Oak") -> Setting:
    return Setting.objects.create(
        urn=urn,
        name=name,
        establishment_type="mainstream_academy",
        phase=phase,
        local_authority=council,
    )


def request(child: Child, received: dt.date, *steps: tuple[str, dt.date, bool]) -> Case:
    case = Case.objects.create(child=child)
    CaseEvent.objects.create(case=case, kind="request_received", on=received)
    for kind, on, outcome in steps:
        CaseEvent.objects.create(case=case, kind=kind, on=on, outcome=outcome)
    return case


def plan(
    child: Child,
    actor: Any,
    final_on: dt.date | None,
    *,
    received: dt.date | None = None,
    named: Setting | None = None,
) -> EhcPlan:
    """A case whose draft was issued, and its final plan issued on `final_on` (None: the
    final is being written)."""
    start = received or (final_on or dt.date(2025, 1, 1)) - dt.timedelta(weeks=20)
    made = EhcPlan.objects.create(case=request(child, start))
    PlanVersion.objects.create(
        plan=made,
        number=1,
        kind="draft",
        created_by=actor,
        issued_on=start + dt.timedelta(weeks=14),
        issued_at=timezone.now(),
    )
    issued = {"issued_on": final_on, "issued_at": timezone.now()} if final_on else {}
    PlanVersion.objects.create(
        plan=made, number=2, kind="final", created_by=actor, placement_setting=named, **issued
    )
    return made


def amend(made: EhcPlan, actor: Any, issued_on: dt.date, named: Setting | None = None) -> None:
    number = made.versions.count() + 1
    PlanVersion.objects.create(
        plan=made,
        number=number,
        kind="amended_draft",
        created_by=actor,
        issued_on=issued_on - dt.timedelta(weeks=4),
        issued_at=timezone.now(),
    )
    PlanVersion.objects.create(
        plan=made,
        number=number + 1,
        kind="amended_final",
        created_by=actor,
        issued_on=issued_on,
        issued_at=timezone.now(),
        placement_setting=named,
    )


def review(made: EhcPlan, actor: Any, meeting_on: dt.date, decision: str = "keep") -> None:
    AnnualReview.objects.create(
        plan=made, meeting_on=meeting_on, scheduled_by=actor, decision=decision
    )


def cease(
    made: EhcPlan, actor: Any, ceases_on: dt.date, withdrawn_on: dt.date | None = None
) -> None:
    Cessation.objects.create(
        plan=made,
        reason="2",
        ground="no_longer_necessary",
        reasons_given="Needs met at school.",
        notified_on=ceases_on - dt.timedelta(weeks=9),
        ceases_on=ceases_on,
        withdrawn_on=withdrawn_on,
        recorded_by=actor,
    )
