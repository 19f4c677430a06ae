"""An audit's life: the case work team starts it on a plan version; education, health and
social care auditors each rate their agency's criteria; the team completes it, which grades
the plan (`scoring.py`) or, if auditors disagree, sends it to a SEND manager to moderate."""

from collections.abc import Mapping
from typing import Any, NamedTuple

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from thrive.accounts.policy import Action, can
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.core.text import limited_text, required_text
from thrive.plans.models import PlanVersion

from .. import selectors
from ..findings import version_findings
from ..models import (
    Agency,
    AgreedRating,
    Audit,
    AuditFramework,
    AuditorRating,
    AuditStatus,
    Moderation,
    Rating,
)
from ._common import audit_version


class Given(NamedTuple):
    """What an auditor gives one criterion: a rating (a `Rating` value) and a comment, which
    is required when the rating is below Good."""

    rating: str
    comment: str = ""


def _locked(audit: Audit) -> Audit:
    return (
        Audit.objects.select_for_update()
        .select_related("version__plan__case", "framework")
        .get(pk=audit.pk)
    )


def _sections(codes: list[str]) -> str:
    words = [f"section {code}" if i == 0 else code for i, code in enumerate(codes)]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


# --- Starting ----------------------------------------------------------------------------


@transaction.atomic
def audit_start(
    *, actor: Any, version: PlanVersion, framework: AuditFramework | None = None
) -> Audit:
    """Audit `version` against `framework`, or the framework in use. One audit of a version is
    open at a time."""
    if not can(actor, Action.AUDIT_RUN, version.plan.case):
        raise Refusal("Only the SEND case work team can start an audit.")
    locked = PlanVersion.objects.select_for_update().select_related("plan__case").get(pk=version.pk)
    framework = framework or selectors.framework_in_use()
    if framework is None:
        raise Refusal(
            "No audit framework is in use. A SEND manager or administrator can put one in use."
        )
    if framework.is_being_written:
        raise Refusal(f"Version {framework.version} of the framework is still being written.")
    if (current := selectors.open_audit(locked)) is not None:
        raise Refusal(f"Audit {current.number} of this version is still open. Complete it first.")
    number = (locked.audits.aggregate(last=Max("number"))["last"] or 0) + 1
    audit = Audit.objects.create(
        version=locked, number=number, framework=framework, started_by=actor
    )
    audit_version(actor, audit, locked, f"started audit {number}", AuditAction.CREATE)
    return audit


# --- Rating ------------------------------------------------------------------------------


@transaction.atomic
def audit_rate(*, actor: Any, audit: Audit, ratings: Mapping[int, Given]) -> list[AuditorRating]:
    """The actor's ratings of some of the audit's criteria, by criterion id. Each auditor rates
    only their agency's criteria; rating a criterion again replaces their earlier rating."""
    locked = _locked(audit)
    case = locked.version.plan.case
    agencies = selectors.auditor_agencies(actor)
    if not agencies or not can(actor, Action.AUDIT_VIEW, case):
        raise Refusal(
            "Only education, health and social care professionals working with the "
            "child can rate their plan."
        )
    if locked.status != AuditStatus.IN_PROGRESS:
        raise Refusal(f"Audit {locked.number} is no longer taking ratings.")
    if not ratings:
        raise Refusal("Rate at least one criterion")
    criteria = {c.pk: c for c in locked.framework.criteria.filter(pk__in=list(ratings))}
    saved = []
    for criterion_id, given in ratings.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            raise Refusal("Rate only the criteria of this audit's framework")
        if criterion.agency not in agencies:
            yours = " and ".join(sorted(Agency(a).label.lower() for a in agencies))
            raise Refusal(f"You can rate only the {yours} criteria.")
        if given.rating not in Rating.values:
            raise Refusal("Select a rating", field=f"rating_{criterion_id}")
        comment = limited_text(given.comment, field=f"comment_{criterion_id}")
        if not Rating(given.rating).grade.is_good_enough and not comment:
            raise Refusal(
                "Say what needs to improve, for a rating below good",
                field=f"comment_{criterion_id}",
            )
        rating, _ = AuditorRating.objects.update_or_create(
            audit=locked,
            auditor=actor,
            criterion=criterion,
            defaults={"agency": criterion.agency, "rating": given.rating, "comment": comment},
        )
        saved.append(rating)
    audit_version(
        actor, locked, locked.version, f"rated {len(saved)} criteria in audit {locked.number}"
    )
    return saved


# --- Completing --------------------------------------------------------------------------


@transaction.atomic
def audit_complete(*, actor: Any, audit: Audit) -> Audit:
    """Grade the plan once every criterion is rated. Where auditors disagree, the audit waits
    for a SEND manager to moderate it instead."""
    if not can(actor, Action.AUDIT_RUN, audit.version.plan.case):
        raise Refusal("Only the SEND case work team can complete an audit.")
    locked = _locked(audit)
    if locked.status == AuditStatus.AWAITING_MODERATION:
        raise Refusal("The auditors disagree. A SEND manager must moderate the audit.")
    if locked.status == AuditStatus.COMPLETE:
        raise Refusal(f"Audit {locked.number} is already complete.")
    sheet = selectors.audit_sheet(locked)
    if unrated := sheet.unrated_by_agency():
        waiting = "; ".join(
            f"{agency.label} has not rated {_sections(codes)}" for agency, codes in unrated.items()
        )
        raise Refusal(f"Every criterion must be rated first. {waiting}.")
    result = sheet.result()
    if result.disagreements:
        locked.status = AuditStatus.AWAITING_MODERATION
        locked.save(update_fields=["status"])
        audit_version(actor, locked, locked.version, f"sent audit {locked.number} for moderation")
        return locked
    return _finish(actor, locked, sheet)


def _finish(actor: Any, audit: Audit, sheet: selectors.AuditSheet) -> Audit:
    """Grade the plan with its caps (a missing section; a section F line the automated checks
    find not specified and quantified), and store the overall rating, what limited it, and the
    findings it rested on."""
    found = version_findings(audit.version)
    result = sheet.result(
        missing_sections=selectors.missing_sections(audit.version),
        unquantified_provision=selectors.unquantified_provision(found),
    )
    if result.overall is None:  # every criterion is rated and settled by now
        raise AssertionError("An audit was finished without a result")
    audit.status = AuditStatus.COMPLETE
    audit.overall_rating = result.overall.value
    audit.limits = "\n".join(result.limits)
    audit.completed_by = actor
    audit.completed_at = timezone.now()
    audit.findings = [
        {"check": f.check, "title": f.title, "section": f.section, "blocking": f.blocking}
        for f in found
    ]
    fields = ["status", "overall_rating", "limits", "completed_by", "completed_at", "findings"]
    audit.save(update_fields=fields)
    audit_version(
        actor,
        audit,
        audit.version,
        f"completed audit {audit.number}: {result.overall.label.lower()}",
    )
    return audit


# --- Moderating --------------------------------------------------------------------------


@transaction.atomic
def audit_moderate(
    *,
    actor: Any,
    audit: Audit,
    agreed: Mapping[int, str],
    reason: str,
) -> Audit:
    """A SEND manager agrees a rating (by criterion id) for each criterion the auditors
    disagree about, says why, and so completes the audit."""
    if not can(actor, Action.AUDIT_MODERATE, audit.version.plan.case):
        raise Refusal("Only a SEND manager can moderate an audit.")
    locked = _locked(audit)
    if locked.status != AuditStatus.AWAITING_MODERATION:
        raise Refusal(f"Audit {locked.number} is not waiting for moderation.")
    sheet = selectors.audit_sheet(locked)
    disputed = [criterion.pk for criterion in sheet.disputed()]
    for criterion_id in disputed:
        if agreed.get(criterion_id, "") not in Rating.values:
            raise Refusal(
                "Select the rating agreed for each criterion the auditors disagree about",
                field=f"agreed_{criterion_id}",
            )
    if set(agreed) - set(disputed):
        raise Refusal("Agree ratings only for the criteria the auditors disagree about")
    why = required_text(reason, field="reason", missing="Say why you agreed these ratings")
    moderation = Moderation.objects.create(audit=locked, moderator=actor, reason=why)
    AgreedRating.objects.bulk_create(
        AgreedRating(moderation=moderation, criterion_id=criterion_id, rating=agreed[criterion_id])
        for criterion_id in disputed
    )
    audit_version(actor, locked, locked.version, f"moderated audit {locked.number}")
    return _finish(actor, locked, selectors.audit_sheet(locked))
