"""A case with a disagreement: the decision letter of 1 October 2025, the family's contact
with a mediation adviser on 20 October 2025, and an appeal registered on 5 December 2025.
The child is called Ada; today is 2 March 2026 (tests.factories.TODAY)."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tests.disputes.builders import CONTACTED, LETTER, REGISTERED
from tests.factories import TODAY
from thrive.assessments.models import Case
from thrive.disputes import services
from thrive.disputes.models import Appeal, Mediation


@pytest.fixture
def case(make_case: Callable[..., Case]) -> Case:
    return make_case(received_on=dt.date(2025, 6, 2))


@pytest.fixture
def mediation(officer: Any, case: Case) -> Mediation:
    return services.mediation_record(
        actor=officer,
        case=case,
        subject="plan_content",
        decision_letter_on=LETTER,
        adviser_contacted_on=CONTACTED,
        today=TODAY,
    )


@pytest.fixture
def appeal(officer: Any, case: Case, mediation: Mediation) -> Appeal:
    return services.appeal_record(
        actor=officer,
        case=case,
        subject="plan_content",
        decision_letter_on=LETTER,
        registered_on=REGISTERED,
        mediation=mediation,
        today=TODAY,
    )
