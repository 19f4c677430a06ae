"""Builders for the audit tests: a plan version with every section a plan must fill, auditors
of each agency invited to its case, and ratings given through the service."""

import datetime as dt
from typing import Any

from django.utils import timezone

from tests.factories import make_user
from tests.plans.builders import fill
from thrive.accounts.models import Organisation, User
from thrive.advice.models import AdviceRequest
from thrive.assessments.models import Case, CaseAccess
from thrive.plans import services as plan_services
from thrive.plans.models import PlanVersion
from thrive.quality import defaults, selectors, services
from thrive.quality.models import Audit, AuditFramework, Criterion


def framework_in_use() -> AuditFramework:
    """The default framework, in use. Migration 0002 installs it; a browser test's flush of the
    database removes it, so tests install it again when it is gone."""
    framework = defaults.install(AuditFramework, Criterion, when=timezone.now())
    assert framework is not None
    return framework


def full_version(case: Case, officer: User) -> PlanVersion:
    """A draft resting on given advice, with views in A and a need, outcome and provision."""
    AdviceRequest.objects.create(
        case=case,
        contributor="educational_psychology",
        practitioner=officer,
        question="Please assess cognition and learning.",
        requested_on=dt.date(2025, 10, 2),
        requested_by=officer,
        submitted_at=timezone.now(),
        summary="Needs help with phonics.",
    )
    version = plan_services.plan_start(actor=officer, case=case)
    fill(version, officer)
    return plan_services.plan_change_views(
        actor=officer, version=version, views_child="I like trains and drawing."
    )


def invited_practitioner(case: Case, username: str, kind: str, **extra: Any) -> User:
    """A practitioner in an organisation of `kind`, invited to `case`."""
    user = make_user(username, "practitioner", **extra)
    organisation = Organisation.objects.create(name=f"{username.title()} service", kind=kind)
    user.organisations.add(organisation)
    CaseAccess.objects.create(case=case, user=user, granted_by=None)
    return user


def rate_all(audit: Audit, auditor: User, rating: str = "good", comment: str = "") -> None:
    """`auditor` gives every criterion they may rate the same rating."""
    if not comment and rating in ("requires_improvement", "inadequate"):
        comment = "The wording is too vague."
    ratings = {
        c.pk: services.Given(rating, comment) for c in selectors.criteria_to_rate(audit, auditor)
    }
    services.audit_rate(actor=auditor, audit=audit, ratings=ratings)


def criteria(audit: Audit, section: str, agency: str = "education") -> list[Criterion]:
    return list(audit.framework.criteria.filter(section=section, agency=agency))


def everyone_rates(audit: Audit, officer: User, rating: str = "good") -> tuple[User, User]:
    """A nurse and a social worker are invited to the case; they and `officer` rate every
    criterion of their agency. Returns the nurse and the social worker."""
    case = audit.version.plan.case
    nurse = invited_practitioner(case, "nurse", "health", discipline="health")
    social_worker = invited_practitioner(case, "socialworker", "social_care")
    for auditor in (officer, nurse, social_worker):
        rate_all(audit, auditor, rating)
    return nurse, social_worker


def dispute(audit: Audit, manager: User) -> Criterion:
    """`manager` rates the first criterion of section F below good; returns that criterion."""
    [first, *_] = criteria(audit, "F")
    services.audit_rate(
        actor=manager,
        audit=audit,
        ratings={first.pk: services.Given("requires_improvement", "No hours given.")},
    )
    return first
