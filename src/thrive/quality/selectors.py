"""Reads for plan audits, and the two reads the issuing gate asks: the version's rating and its
override.

Who may see a case may see its plan audits, except the family (`Action.AUDIT_VIEW`): the case
work team, and practitioners invited to the case. Anyone else gets a 404, the same as for a
version that does not exist. Which criteria a person may rate follows from their agency
(`auditor_agencies`)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from thrive.accounts.models import OrganisationKind
from thrive.accounts.policy import Action, can, is_casework, is_practitioner, restrict_cases
from thrive.assessments.models import Case
from thrive.law.clock import Contributor
from thrive.plans import selectors as plan_selectors
from thrive.plans.models import DRAFT_KINDS, PlanVersion

from . import scoring
from .checks import Finding
from .models import (
    Agency,
    AgreedRating,
    Audit,
    AuditFramework,
    AuditorRating,
    AuditStatus,
    Criterion,
    IssueOverride,
    Moderation,
    Rating,
)

# --- Who rates what ----------------------------------------------------------------------

#: A practitioner's agency comes from the kind of organisation they belong to (a school, the
#: educational psychology service, a health service or a social care team) ...
ORGANISATION_AGENCIES = {
    OrganisationKind.SCHOOL: Agency.EDUCATION,
    OrganisationKind.EDUCATIONAL_PSYCHOLOGY: Agency.EDUCATION,
    OrganisationKind.HEALTH: Agency.HEALTH,
    OrganisationKind.SOCIAL_CARE: Agency.SOCIAL_CARE,
}
#: ... or, when none of their organisations says, from the kind of advice they give.
DISCIPLINE_AGENCIES = {
    Contributor.EDUCATIONAL_PSYCHOLOGY: Agency.EDUCATION,
    Contributor.EDUCATION: Agency.EDUCATION,
    Contributor.HEALTH: Agency.HEALTH,
    Contributor.SOCIAL_CARE: Agency.SOCIAL_CARE,
}


def auditor_agencies(user: Any) -> frozenset[Agency]:
    """The agencies whose criteria `user` may rate. The council's SEND team rates for
    education; a practitioner for the agencies of their organisations, or of their discipline
    when they belong to no school, service or team of a known kind; nobody else rates."""
    if is_casework(user):
        return frozenset({Agency.EDUCATION})
    if not is_practitioner(user):
        return frozenset()
    kinds = user.organisations.values_list("kind", flat=True)
    agencies = {ORGANISATION_AGENCIES[k] for k in kinds if k in ORGANISATION_AGENCIES}
    if not agencies and user.discipline in DISCIPLINE_AGENCIES:
        agencies.add(DISCIPLINE_AGENCIES[user.discipline])
    return frozenset(agencies)


# --- Versions and their audits -----------------------------------------------------------


def version_get_for(*, user: Any, version_id: int) -> PlanVersion:
    """The version with its plan, case and child, if `user` may see its audits; otherwise 404,
    whether or not it exists."""
    versions = PlanVersion.objects.select_related("plan__case__child").filter(
        plan__case__in=restrict_cases(user, Case.objects.all())
    )
    version = versions.filter(pk=version_id).first()
    if version is None or not can(user, Action.AUDIT_VIEW, version.plan.case):
        raise Http404
    return version


def audits_for_version(version: PlanVersion) -> list[Audit]:
    return list(
        version.audits.select_related("framework", "started_by", "completed_by").order_by("number")
    )


def audits_for_case(*, user: Any, case: Case) -> QuerySet[Audit]:
    """Every audit of every version of the case's plan, if `user` may see the case's audits."""
    if not can(user, Action.AUDIT_VIEW, case):
        return Audit.objects.none()
    return Audit.objects.filter(version__plan__case=case).select_related("version", "framework")


def open_audit(version: PlanVersion) -> Audit | None:
    """The audit in progress or awaiting moderation: a version has one at most."""
    return (
        version.audits.filter(status__in=[AuditStatus.IN_PROGRESS, AuditStatus.AWAITING_MODERATION])
        .select_related("framework", "started_by")
        .first()
    )


def audit_in(version: PlanVersion, number: int | None = None) -> Audit:
    """Audit `number` of the version, or its latest audit; 404 if there is none."""
    audits = version.audits.select_related("framework", "started_by", "completed_by")
    audit = audits.filter(number=number).first() if number else audits.order_by("-number").first()
    if audit is None:
        raise Http404
    return audit


# --- What the issuing gate asks ----------------------------------------------------------


def version_rating(version: PlanVersion) -> Rating | None:
    """The overall rating of the version's latest complete audit; None if it has none."""
    latest = (
        version.audits.filter(status=AuditStatus.COMPLETE)
        .order_by("-completed_at", "-number")
        .values_list("overall_rating", flat=True)
        .first()
    )
    return Rating(latest) if latest else None


def version_override(version: PlanVersion) -> IssueOverride | None:
    """The latest override a SEND manager recorded for the version; None if there is none."""
    return version.overrides.select_related("manager").order_by("-created_at", "-id").first()


def version_overrides(version: PlanVersion) -> list[IssueOverride]:
    return list(version.overrides.select_related("manager").order_by("created_at", "id"))


# --- Frameworks --------------------------------------------------------------------------


def framework_in_use() -> AuditFramework | None:
    return AuditFramework.objects.filter(active=True).first()


def framework_being_written() -> AuditFramework | None:
    return AuditFramework.objects.filter(activated_at__isnull=True).first()


def frameworks() -> list[AuditFramework]:
    return list(AuditFramework.objects.select_related("created_by").order_by("-version"))


def framework_criteria(framework: AuditFramework) -> list[Criterion]:
    return list(framework.criteria.order_by("section", "order", "id"))


def criterion_in(framework: AuditFramework, criterion_id: int) -> Criterion:
    try:
        return framework.criteria.get(pk=criterion_id)
    except Criterion.DoesNotExist:
        raise Http404 from None


# --- An audit's ratings, and its result --------------------------------------------------


@dataclass(frozen=True)
class AuditSheet:
    """An audit's criteria, every auditor's ratings of each, and the moderation if any."""

    audit: Audit
    criteria: list[Criterion]
    ratings: dict[int, list[AuditorRating]]  # by criterion id
    moderation: Moderation | None
    agreed: dict[int, Rating]  # by criterion id

    def scoring_input(self) -> list[scoring.CriterionRatings]:
        return [
            scoring.CriterionRatings(
                key=c.pk,
                section=c.section,
                weight=c.weight,
                grades=tuple(Rating(r.rating).grade for r in self.ratings.get(c.pk, [])),
                agreed=self.agreed[c.pk].grade if c.pk in self.agreed else None,
            )
            for c in self.criteria
        ]

    def result(
        self, *, missing_sections: tuple[str, ...] = (), unquantified_provision: bool = False
    ) -> scoring.Result:
        return scoring.plan_result(
            self.scoring_input(),
            missing_sections=missing_sections,
            unquantified_provision=unquantified_provision,
        )

    def disputed(self) -> list[Criterion]:
        """The criteria the auditors disagree about that moderation has not settled."""
        keys = set(scoring.unsettled(self.scoring_input()))
        return [c for c in self.criteria if c.pk in keys]

    def unrated_by_agency(self) -> dict[Agency, list[str]]:
        """The sections each agency has not finished rating."""
        unrated: dict[Agency, list[str]] = defaultdict(list)
        for criterion in self.criteria:
            if criterion.pk not in self.ratings and criterion.pk not in self.agreed:
                sections = unrated[Agency(criterion.agency)]
                if criterion.section not in sections:
                    sections.append(criterion.section)
        return dict(unrated)


def audit_sheet(audit: Audit) -> AuditSheet:
    """Four queries, however many criteria and auditors."""
    criteria = framework_criteria(audit.framework)
    ratings: dict[int, list[AuditorRating]] = defaultdict(list)
    for rating in audit.ratings.select_related("auditor").order_by("auditor_id", "id"):
        ratings[rating.criterion_id].append(rating)
    moderation = (
        Moderation.objects.filter(audit=audit)
        .select_related("moderator")
        .prefetch_related(Prefetch("agreed", queryset=AgreedRating.objects.all()))
        .first()
    )
    agreed = (
        {a.criterion_id: Rating(a.rating) for a in moderation.agreed.all()} if moderation else {}
    )
    return AuditSheet(audit, criteria, dict(ratings), moderation, agreed)


def criteria_to_rate(audit: Audit, user: Any) -> list[Criterion]:
    """The audit's criteria `user` may rate, in the framework's order."""
    agencies = auditor_agencies(user)
    return [c for c in framework_criteria(audit.framework) if c.agency in agencies]


def own_ratings(audit: Audit, user: Any) -> dict[int, AuditorRating]:
    return {r.criterion_id: r for r in audit.ratings.filter(auditor=user)}


# --- What caps a plan's rating -----------------------------------------------------------


def missing_sections(version: PlanVersion) -> tuple[str, ...]:
    """Sections every plan must fill that this version leaves empty: A (views), B (needs),
    E (outcomes), F (special educational provision), I in a final or amended plan (a draft
    names no setting: Children and Families Act 2014, s.38(5)), and K (advice). Sections C,
    D, G, H1, H2 and J may rightly be empty when there is nothing to say."""
    filled = {
        "A": any(getattr(version, name) for name in plan_selectors.VIEWS_FIELDS),
        "B": version.needs.filter(section="B").exists(),
        "E": version.outcomes.exists(),
        "F": version.provisions.filter(section="F").exists(),
        "I": version.kind in DRAFT_KINDS
        or bool(version.placement_setting_id or version.placement_type),
        "K": version.advice.exists(),
    }
    return tuple(code for code, present in filled.items() if not present)


#: The automated checks that find a line of section F not specified and quantified (Code of
#: Practice 9.69); either caps an audit's rating at requires improvement (scoring, rule 5).
UNQUANTIFIED_CHECKS = frozenset({"provision-vague", "provision-detail-missing"})


def unquantified_provision(findings: Iterable[Finding]) -> bool:
    return any(f.check in UNQUANTIFIED_CHECKS and f.section == "F" for f in findings)
