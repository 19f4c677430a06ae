"""Starting a plan, issuing its versions and starting the next one.

Issuing asks the law. The draft and the final plan of an assessment go on the case's timeline
through `assessments.services.case_append_step`, which refuses a step out of order (a draft
before the decision to issue, a final before the draft) or too early (a final inside the
family's 15 days, unless their comments are in). Amended plans come after the assessment has
closed, so their dates and the family's 15 days (reg. 22(2)) are checked here."""

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from thrive.assessments.models import Case
from thrive.assessments.services import case_append_step
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.core.notifications import notify
from thrive.law import clock
from thrive.people.selectors import family_emails
from thrive.quality.gate import QualityGateRefusal, issue_gate

from .. import selectors
from ..models import (
    EhcPlan,
    NeedSection,
    Outcome,
    PlanVersion,
    Provision,
    ProvisionSection,
    VersionKind,
)
from ..models_reviews import AnnualReview, ReviewDecision
from ._common import audit, editable, require_plan_editor
from .ceasing import refuse_if_ceased

#: Stages in which a plan may be written: the council has decided to issue one (reg. 10).
PLAN_STAGES = frozenset({clock.Stage.DRAFTING, clock.Stage.DRAFT_ISSUED, clock.Stage.FINAL_ISSUED})
_COPIED_FIELDS = (
    *selectors.VIEWS_FIELDS,
    "placement_setting",
    "placement_type",
    "personal_budget",
    "direct_payments",
)


@transaction.atomic
def plan_start(*, actor: Any, case: Case) -> PlanVersion:
    """Start the plan once the council has decided to issue one: version 1, a draft, with
    section K filled from the advice given for the assessment (reg. 12(1)(k))."""
    require_plan_editor(actor, case)
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if EhcPlan.objects.filter(case=locked).exists():
        raise Refusal("This case already has a plan.")
    events = [e.as_law_event() for e in locked.events.all()]
    # The stage depends on the events only; today matters to deadlines, not asked for here.
    if clock.assessment_clock(events, timezone.localdate()).stage not in PLAN_STAGES:
        raise Refusal("A plan can only be started after the decision to issue one.")
    version = PlanVersion.objects.create(
        plan=EhcPlan.objects.create(case=locked),
        number=1,
        kind=VersionKind.DRAFT,
        created_by=actor,
    )
    version.advice.set(selectors.submitted_advice(locked))
    audit(actor, version, "started the plan", AuditAction.CREATE)
    return version


# --- Issuing -----------------------------------------------------------------------------


def _missing_content(version: PlanVersion) -> str | None:
    """What a plan must hold before the family receives it (reg. 12(1)): needs in B, outcomes
    in E, provision in F and, in a final plan, section I."""
    if not version.needs.filter(section=NeedSection.B).exists():
        return "Add at least one special educational need in section B before issuing."
    if not version.outcomes.exists():
        return "Add at least one outcome in section E before issuing."
    if not version.provisions.filter(section=ProvisionSection.F).exists():
        return "Add at least one special educational provision in section F before issuing."
    if not version.is_draft and not (version.placement_setting_id or version.placement_type):
        return (
            "Name the school or other institution, or the type of setting, in section I "
            "before issuing."
        )
    return None


def _check_ready(version: PlanVersion, *, draft: bool) -> None:
    if version.is_draft != draft:
        raise Refusal(f"Version {version.number} is a {version.get_kind_display().lower()}.")
    if problem := _missing_content(version):
        raise Refusal(problem)


def _record_on_timeline(
    actor: Any, version: PlanVersion, kind: clock.EventKind, on: dt.date, today: dt.date, field: str
) -> None:
    try:
        case_append_step(
            actor=actor, case=version.plan.case, step=clock.Event(kind=kind, on=on), today=today
        )
    except Refusal as refusal:
        raise Refusal(refusal.message, field=field) from None


def _check_amendment_date(version: PlanVersion, on: dt.date, today: dt.date, field: str) -> None:
    if on > today:
        raise Refusal("The date cannot be in the future.", field=field)
    previous = version.based_on.issued_on if version.based_on else None
    if previous and on < previous:
        raise Refusal(
            f"The date cannot be before version {version.number - 1} was issued on "
            f"{clock.render_date(previous)}.",
            field=field,
        )


def _freeze(actor: Any, version: PlanVersion, issued_on: dt.date) -> None:
    version.issued_on, version.issued_by, version.issued_at = issued_on, actor, timezone.now()
    version.save(update_fields=["issued_on", "issued_by", "issued_at"])


@transaction.atomic
def plan_issue_draft(
    *, actor: Any, version: PlanVersion, served_on: dt.date, today: dt.date
) -> PlanVersion:
    """Serve the draft on the family. They then have at least 15 days, beginning with the day
    it is served, to comment, ask for a school or other institution to be named and ask for a
    meeting (reg. 13(1); reg. 22(2) for a draft amended plan)."""
    locked = editable(actor, version)
    _check_ready(locked, draft=True)
    if locked.kind == VersionKind.DRAFT:
        kind = clock.EventKind.DRAFT_ISSUED
        _record_on_timeline(actor, locked, kind, served_on, today, "served_on")
    else:
        _check_amendment_date(locked, served_on, today, "served_on")
    _freeze(actor, locked, served_on)
    audit(actor, locked, "issued the draft plan")
    case = locked.plan.case
    closes = clock.render_date(clock.comments_close_on(served_on))
    notify(
        recipients=family_emails(case.child_id),
        subject=f"Draft EHC plan for case {case.reference}",
        body=(
            f"A draft EHC plan has been issued for case {case.reference}. You have until "
            f"{closes} to comment and to ask for a school or college to be named. You can also "
            "ask to meet us to talk about it."
        ),
    )
    return locked


def _check_amended_draft_window(version: PlanVersion, issued_on: dt.date) -> None:
    """Reg. 22(2)(c): at least 15 days on the draft amended plan, unless comments are in."""
    draft = version.based_on
    if draft is None or draft.issued_on is None:
        raise Refusal("A final amended plan cannot be issued before its draft.")
    closes = clock.comments_close_on(draft.issued_on)
    if issued_on <= closes and not draft.responses.exists():
        raise Refusal(
            "The final plan cannot be issued before the family's 15 days to comment end on "
            f"{clock.render_date(closes)}, unless their comments have been received.",
            field="issued_on",
        )


def plan_issue_final(
    *, actor: Any, version: PlanVersion, issued_on: dt.date, today: dt.date
) -> PlanVersion:
    """Issue the final plan to the family and the named school or college (reg. 13(2); reg.
    22(3) for an amended plan). The family may then appeal to the SEND Tribunal about
    sections B, F and I (Children and Families Act 2014, s.51).

    The quality gate (`quality.gate`) refuses a plan rated inadequate or with blocking check
    findings unless a SEND manager has recorded an override; the refusal is written to the
    audit log once the issuing transaction has been rolled back."""
    try:
        return _issue_final(actor=actor, version=version, issued_on=issued_on, today=today)
    except QualityGateRefusal as refusal:
        audit(actor, version, refusal.summary)
        raise


@transaction.atomic
def _issue_final(
    *, actor: Any, version: PlanVersion, issued_on: dt.date, today: dt.date
) -> PlanVersion:
    locked = editable(actor, version)
    _check_ready(locked, draft=False)
    gate = issue_gate(locked)
    if gate.stops_issue:
        raise gate.refusal()
    if locked.kind == VersionKind.FINAL:
        kind = clock.EventKind.FINAL_ISSUED
        _record_on_timeline(actor, locked, kind, issued_on, today, "issued_on")
    else:
        _check_amendment_date(locked, issued_on, today, "issued_on")
        _check_amended_draft_window(locked, issued_on)
    _freeze(actor, locked, issued_on)
    overridden = " with a SEND manager's override of the quality gate" if gate.override else ""
    audit(actor, locked, f"issued the final plan{overridden}")
    _tell_about_final(locked)
    return locked


def _tell_about_final(version: PlanVersion) -> None:
    reference = version.plan.case.reference
    notify(
        recipients=family_emails(version.plan.case.child_id),
        subject=f"Final EHC plan for case {reference}",
        body=(
            f"The final EHC plan has been issued for case {reference}. If you disagree with "
            "the special educational needs, the special educational provision or the school "
            "or college named in it, you can appeal to the SEND Tribunal within 2 months. "
            "Before you appeal you must contact a mediation adviser, unless your appeal is "
            "only about the school or college named. Mediation is free."
        ),
    )
    notify(
        recipients=selectors.setting_inbox_emails(version.placement_setting_id),
        subject=f"Final EHC plan for case {reference} names your setting",
        body=(
            f"The final EHC plan for case {reference} names your school or college. "
            "Please read it and make the provision it sets out."
        ),
    )


# --- The next version --------------------------------------------------------------------


@transaction.atomic
def plan_new_version(
    *,
    actor: Any,
    version: PlanVersion,
    kind: str,
    review: AnnualReview | None = None,
    today: dt.date | None = None,
) -> PlanVersion:
    """Start the next version as a copy of the latest, issued one, with every need, outcome,
    provision and link between them: the final after the draft, later a draft amended plan
    and its final. One version is written at a time. A draft amended plan that follows an
    annual review's decision to amend the plan (reg. 22) names that `review`; a plan that has
    ceased gets no new version."""
    require_plan_editor(actor, version.plan.case)
    plan = EhcPlan.objects.select_for_update().get(pk=version.plan_id)
    refuse_if_ceased(plan, today or timezone.localdate())
    latest = plan.versions.order_by("-number").first()
    if latest is None or latest.pk != version.pk:
        raise Refusal("Start the next version from the latest one.")
    if not latest.is_issued:
        raise Refusal(f"Version {latest.number} is still being written. Issue it first.")
    if kind != latest.next_kind:
        wanted = VersionKind(latest.next_kind).label.lower()
        raise Refusal(f"After a {latest.get_kind_display().lower()}, start a {wanted}.")
    if review is not None:
        _check_amending_review(plan, review, kind)
    copy = _copy_version(actor, latest, kind, review)
    after = f" after the annual review of {review.meeting_on}" if review else ""
    audit(actor, copy, f"started version {copy.number} from version {latest.number}{after}")
    return copy


def _check_amending_review(plan: EhcPlan, review: AnnualReview, kind: str) -> None:
    """A draft amended plan follows a review that decided to amend the plan, once."""
    if review.plan_id != plan.pk:
        raise Refusal("The review is not of this plan.")
    if kind != VersionKind.AMENDED_DRAFT:
        raise Refusal("Only a draft amended plan follows a review's decision to amend.")
    if review.decision != ReviewDecision.AMEND:
        raise Refusal("The review did not decide to amend the plan.")
    if review.amendments.exists():
        raise Refusal("A draft amended plan has already been started after this review.")


def _copy_version(
    actor: Any, version: PlanVersion, kind: str, review: AnnualReview | None
) -> PlanVersion:
    copy = PlanVersion.objects.create(
        plan_id=version.plan_id,
        number=version.number + 1,
        kind=kind,
        based_on=version,
        review=review,
        created_by=actor,
        **{name: getattr(version, name) for name in _COPIED_FIELDS},
    )
    copy.advice.set(version.advice.all())
    needs = _copy_items(version.needs.all(), copy, ("section", "text"))
    outcomes = _copy_items(
        version.outcomes.prefetch_related("needs"),
        copy,
        ("text", "time_frame", "achieve_by", "adulthood_area"),
    )
    provisions = _copy_items(
        version.provisions.prefetch_related("outcomes"),
        copy,
        ("section", "what", "who", "how_often", "how_long", "group_size"),
    )
    _copy_links(Outcome.needs.through, "outcome", "need", "needs", outcomes, needs)
    _copy_links(
        Provision.outcomes.through, "provision", "outcome", "outcomes", provisions, outcomes
    )
    return copy


def _copy_items(
    items: Iterable[Any], copy: PlanVersion, names: Sequence[str]
) -> dict[int, tuple[Any, Any]]:
    """{old pk: (old item, its copy)}. The copy keeps the item's key."""
    originals = list(items)
    if not originals:
        return {}
    model = type(originals[0])
    copies = model.objects.bulk_create(
        model(version=copy, key=item.key, order=item.order, **{n: getattr(item, n) for n in names})
        for item in originals
    )
    return {old.pk: (old, new) for old, new in zip(originals, copies, strict=True)}


def _copy_links(
    through: Any,
    owner: str,
    target: str,
    related: str,
    owners: dict[int, tuple[Any, Any]],
    targets: dict[int, tuple[Any, Any]],
) -> None:
    """Point each copied outcome at the copied needs (each provision at the copied outcomes)."""
    through.objects.bulk_create(
        through(**{f"{owner}_id": new.pk, f"{target}_id": targets[linked.pk][1].pk})
        for old, new in owners.values()
        for linked in getattr(old, related).all()
    )
