"""A plan version ready to audit, the framework in use, and an auditor for each agency."""

from collections.abc import Callable
from typing import Any

import pytest

from tests.plans.builders import ASSESS_YES, ISSUE_YES, RECEIVED
from tests.quality.builders import framework_in_use, full_version, invited_practitioner
from thrive.accounts.models import User
from thrive.assessments.models import Case
from thrive.plans.models import PlanVersion
from thrive.quality import services
from thrive.quality.models import Audit, AuditFramework


@pytest.fixture
def framework(db: Any) -> AuditFramework:
    return framework_in_use()


@pytest.fixture
def case(make_case: Callable[..., Case]) -> Case:
    """A case where the council has decided to issue a plan; the child is called Ada."""
    return make_case(received_on=RECEIVED, steps=(ASSESS_YES, ISSUE_YES))


@pytest.fixture
def version(case: Case, officer: User) -> PlanVersion:
    return full_version(case, officer)


@pytest.fixture
def nurse(case: Case) -> User:
    return invited_practitioner(case, "nurse", "health", discipline="health")


@pytest.fixture
def social_worker(case: Case) -> User:
    return invited_practitioner(case, "socialworker", "social_care", discipline="social_care")


@pytest.fixture
def audit(officer: User, version: PlanVersion, framework: AuditFramework) -> Audit:
    return services.audit_start(actor=officer, version=version)
