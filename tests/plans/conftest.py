"""Plans at each stage: a case that has decided to issue, its draft, the draft issued, and the
final plan being written."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import TODAY
from tests.plans.builders import ASSESS_YES, ISSUE_YES, RECEIVED, SERVED, fill
from thrive.advice.models import AdviceRequest
from thrive.assessments.models import Case
from thrive.plans import services
from thrive.plans.models import PlanVersion


@pytest.fixture
def issuing_case(make_case: Callable[..., Case]) -> Case:
    """A case where the council has decided to issue a plan; the child is called Ada."""
    return make_case(received_on=RECEIVED, steps=(ASSESS_YES, ISSUE_YES))


@pytest.fixture
def draft(officer: Any, issuing_case: Case) -> PlanVersion:
    return services.plan_start(actor=officer, case=issuing_case)


@pytest.fixture
def issued_draft(officer: Any, draft: PlanVersion) -> PlanVersion:
    fill(draft, officer)
    return services.plan_issue_draft(actor=officer, version=draft, served_on=SERVED, today=TODAY)


@pytest.fixture
def final(officer: Any, issued_draft: PlanVersion) -> PlanVersion:
    """Version 2, the final plan, being written, with a type of setting in section I."""
    version = services.plan_new_version(actor=officer, version=issued_draft, kind="final")
    return services.plan_change_placement(
        actor=officer, version=version, placement_type="mainstream_academy"
    )


@pytest.fixture
def make_advice(officer: Any) -> Callable[..., AdviceRequest]:
    def factory(case: Case, *, submitted: bool = True, **fields: Any) -> AdviceRequest:
        values: dict[str, Any] = {
            "case": case,
            "contributor": "educational_psychology",
            "practitioner": officer,  # any user will do: the plan reads who it was for only
            "question": "Please assess cognition and learning.",
            "requested_on": dt.date(2025, 10, 2),
            "requested_by": officer,
            "submitted_at": timezone.now() if submitted else None,
            "summary": "Needs help with phonics." if submitted else "",
        }
        values.update(fields)
        return AdviceRequest.objects.create(**values)

    return factory
