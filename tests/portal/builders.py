"""Builders for portal tests: a case taken to a served draft plan, and the plans app's
document pages hidden."""

import datetime as dt
from typing import Any

from django.urls import NoReverseMatch
from django.utils import timezone

from tests.factories import TODAY, step
from thrive.assessments import services as assessments
from thrive.assessments.models import Case
from thrive.plans.models import AnnualReview, EhcPlan, PlanVersion


def draft_steps(received_on: dt.date, served_on: dt.date) -> tuple[Any, ...]:
    """Yes to assess, yes to issue, and a draft plan served on `served_on`."""
    return (
        step("decision_to_assess", received_on + dt.timedelta(days=30), outcome=True),
        step("decision_to_issue", served_on - dt.timedelta(days=5), outcome=True),
        step("draft_issued", served_on),
    )


def _officer(case: Case) -> Any:
    assert case.case_officer is not None
    return case.case_officer


def issue_draft(case: Case, served_on: dt.date) -> PlanVersion:
    """The case's draft plan version, issued (the plans app's job; done with models here)."""
    plan, _ = EhcPlan.objects.get_or_create(case=case)
    version = plan.versions.filter(kind="draft").first()
    if version is None:
        version = PlanVersion.objects.create(
            plan=plan, number=1, kind="draft", created_by=_officer(case)
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


def issue_final(case: Case, issued_on: dt.date) -> PlanVersion:
    """The case's final plan, issued (the plans app's job; done with models here)."""
    draft = issue_draft(case, issued_on - dt.timedelta(days=30))
    return PlanVersion.objects.create(
        plan=draft.plan,
        number=draft.number + 1,
        kind="final",
        based_on=draft,
        created_by=_officer(case),
        issued_on=issued_on,
        issued_at=timezone.now(),
        issued_by=case.case_officer,
    )


def schedule_review(case: Case, meeting_on: dt.date, **fields: Any) -> AnnualReview:
    """An open annual review of the case's plan (the plans app's job; done with models here)."""
    return AnnualReview.objects.create(
        plan=case.plan, meeting_on=meeting_on, scheduled_by=_officer(case), **fields
    )
