"""Builders for portal tests: a case taken to a served draft plan, and the plans app's
document pages hidden."""

import datetime as dt
from typing import Any

from django.urls import NoReverseMatch
from django.utils import timezone

from tests.factories import TODAY, step
from thrive.assessments import services as assessments
from thrive.assessments.models import Case
from thrive.plans.models import EhcPlan, PlanVersion


def draft_steps(received_on: dt.date, served_on: dt.date) -> tuple[Any, ...]:
    """Yes to assess, yes to issue, and a draft plan served on `served_on`."""
    return (
        step("decision_to_assess", received_on + dt.timedelta(days=30), outcome=True),
        step("decision_to_issue", served_on - dt.timedelta(days=5), outcome=True),
        step("draft_issued", served_on),
    )


def issue_draft(case: Case, served_on: dt.date) -> PlanVersion:
    """The case's draft plan version, issued (the plans app's job; done with models here)."""
    plan, _ = EhcPlan.objects.get_or_create(case=case)
    version = plan.versions.filter(kind="draft").first()
    if version is None:
        version = PlanVersion.objects.create(
            plan=plan, number=1, kind="draft", created_by=case.case_officer
        )
    PlanVersion.objects.filter(pk=version.pk).update(
        issued_on=served_on, issued_at=timezone.now(), issued_by=case.case_officer
    )
    version.refresh_from_db()
    return version


def record_steps(case: Case, steps: tuple[Any, ...]) -> None:
    today = max(timezone.localdate(), TODAY)  # the service only checks nothing is future
    for event in steps:
        assessments.case_record_step(actor=case.case_officer, case=case, step=event, today=today)


def hide_plan_documents(monkeypatch: Any) -> None:
    """As if the plans app's document pages were not mounted: their names do not resolve."""

    def missing(name: str, args: list[int]) -> str:
        raise NoReverseMatch(name)

    monkeypatch.setattr("thrive.portal.presenters.plan.reverse", missing)
