"""Writing a version's sections (SEND Regulations 2014, reg. 12(1)): the views in A, needs in
B to D, outcomes in E, provision in F to H2, the setting in I, the personal budget in J and the
advice in K. Each outcome addresses at least one need and each provision serves at least one
outcome, so the thread from need to provision is never broken."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from thrive.advice.models import AdviceRequest
from thrive.core.errors import Refusal
from thrive.core.text import TEXT_LIMIT, limited_text, required_text
from thrive.law import codes
from thrive.people.models import Setting

from .. import selectors
from ..models import (
    AdulthoodArea,
    Need,
    NeedSection,
    Outcome,
    PlanVersion,
    Provision,
    ProvisionSection,
    VersionKind,
)
from ._common import audit, editable, next_order, own_items

#: Each detail of a provision, the message when it is missing, and its length limit: specified
#: and quantified, as the Code of Practice asks (CoP 9.69).
PROVISION_DETAILS = (
    ("what", "Enter what the provision is", TEXT_LIMIT),
    ("who", "Enter who will deliver the provision", 200),
    ("how_often", "Enter how often the provision happens", 200),
    ("how_long", "Enter how long the provision lasts", 200),
    ("group_size", "Enter the group size or ratio", 100),
)
NO_NEED = "Select at least one need this outcome addresses"
NO_OUTCOME = "Select at least one outcome this provision works towards"


# --- Sections A, I, J and K --------------------------------------------------------------


@transaction.atomic
def plan_change_views(*, actor: Any, version: PlanVersion, **views: str) -> PlanVersion:
    """Section A: the views, interests and aspirations of the child and parents, or the young
    person (reg. 12(1)(a)). The keyword arguments are section A's fields."""
    locked = editable(actor, version)
    if unknown := set(views) - set(selectors.VIEWS_FIELDS):
        raise ValueError(f"Not a section A field: {sorted(unknown)}")
    for name, value in views.items():
        setattr(locked, name, limited_text(value, field=name, limit=TEXT_LIMIT * 2))
    locked.save(update_fields=list(views))
    audit(actor, locked, "changed section A")
    return locked


@transaction.atomic
def plan_change_placement(
    *, actor: Any, version: PlanVersion, setting: Setting | None = None, placement_type: str = ""
) -> PlanVersion:
    """Section I: the name and type of the school or other institution, or the type only
    (reg. 12(1)(i)). The first draft names neither (Children and Families Act 2014, s.38(5))."""
    locked = editable(actor, version)
    if locked.kind == VersionKind.DRAFT:
        raise Refusal(
            "A draft plan must not name a school or other institution, or say what type it "
            "is (Children and Families Act 2014, s.38(5)). Fill in section I in the final plan."
        )
    if setting is None and not placement_type:
        raise Refusal(
            "Select the school or other institution, or the type of setting",
            field="placement_setting",
        )
    if placement_type and placement_type not in codes.ESTABLISHMENT_TYPES:
        raise Refusal("Select a type of setting from the list", field="placement_type")
    locked.placement_setting = setting
    # A named setting brings its own type, so the two can never disagree.
    locked.placement_type = setting.establishment_type if setting else placement_type
    locked.save(update_fields=["placement_setting", "placement_type"])
    audit(actor, locked, "changed section I")
    return locked


@transaction.atomic
def plan_change_budget(
    *, actor: Any, version: PlanVersion, personal_budget: str, direct_payments: bool
) -> PlanVersion:
    """Section J. Where provision is secured by direct payments, the plan says which needs and
    outcomes they meet (reg. 12(1)(j))."""
    locked = editable(actor, version)
    text = limited_text(personal_budget, field="personal_budget", limit=TEXT_LIMIT * 2)
    if direct_payments and not text:
        raise Refusal(
            "Say which needs and outcomes the direct payments will meet", field="personal_budget"
        )
    locked.personal_budget, locked.direct_payments = text, direct_payments
    locked.save(update_fields=["personal_budget", "direct_payments"])
    audit(actor, locked, "changed section J")
    return locked


@transaction.atomic
def plan_choose_advice(
    *, actor: Any, version: PlanVersion, advice_requests: Iterable[AdviceRequest]
) -> PlanVersion:
    """Section K: the advice and information the plan rests on (reg. 12(1)(k))."""
    locked = editable(actor, version)
    chosen = list(advice_requests)
    given = set(selectors.submitted_advice(locked.plan.case).values_list("pk", flat=True))
    if any(advice.pk not in given for advice in chosen):
        raise Refusal("Choose advice that has been given for this case", field="advice")
    locked.advice.set(chosen)
    audit(actor, locked, "changed section K")
    return locked


# --- Needs: sections B, C and D ----------------------------------------------------------


def _need_fields(section: str, text: str) -> dict[str, str]:
    if section not in NeedSection.values:
        raise Refusal("Select which section the need belongs in", field="section")
    return {"section": section, "text": required_text(text, field="text", missing="Enter the need")}


@transaction.atomic
def need_add(*, actor: Any, version: PlanVersion, section: str, text: str) -> Need:
    locked = editable(actor, version)
    fields = _need_fields(section, text)
    order = next_order(locked.needs.filter(section=section))
    need = Need.objects.create(version=locked, order=order, **fields)
    audit(actor, locked, f"added a need to section {section}")
    return need


@transaction.atomic
def need_change(*, actor: Any, need: Need, section: str, text: str) -> Need:
    locked = editable(actor, need.version)
    fields = _need_fields(section, text)
    if section != need.section:  # moved: it goes to the end of its new section
        need.order = next_order(locked.needs.filter(section=section))
    need.section, need.text = fields["section"], fields["text"]
    need.save(update_fields=["section", "text", "order"])
    audit(actor, locked, f"changed a need in section {section}")
    return need


@transaction.atomic
def need_remove(*, actor: Any, need: Need) -> None:
    """Refused while an outcome addresses this need alone: it would address nothing."""
    locked = editable(actor, need.version)
    if any(outcome.needs.count() == 1 for outcome in need.outcomes.all()):
        raise Refusal("An outcome addresses only this need. Change or remove that outcome first.")
    section = need.section
    need.delete()
    audit(actor, locked, f"removed a need from section {section}")


# --- Outcomes: section E -----------------------------------------------------------------


def _outcome_fields(
    text: str, time_frame: str, achieve_by: dt.date | None, adulthood_area: str
) -> dict[str, Any]:
    if adulthood_area and adulthood_area not in AdulthoodArea.values:
        raise Refusal("Select a preparing for adulthood area from the list", field="adulthood_area")
    return {
        "text": required_text(text, field="text", missing="Enter the outcome"),
        "time_frame": required_text(
            time_frame,
            field="time_frame",
            missing="Enter when the outcome should be achieved",
            limit=200,
        ),
        "achieve_by": achieve_by,
        "adulthood_area": adulthood_area,
    }


@transaction.atomic
def outcome_add(
    *,
    actor: Any,
    version: PlanVersion,
    text: str,
    time_frame: str,
    needs: Iterable[Need],
    achieve_by: dt.date | None = None,
    adulthood_area: str = "",
) -> Outcome:
    """An outcome: the difference the plan should make, by when (CoP 9.61, 9.66), for at
    least one need in this version."""
    locked = editable(actor, version)
    fields = _outcome_fields(text, time_frame, achieve_by, adulthood_area)
    chosen = own_items(locked, needs, field="needs", missing=NO_NEED)
    outcome = Outcome.objects.create(version=locked, order=next_order(locked.outcomes), **fields)
    outcome.needs.set(chosen)
    audit(actor, locked, "added an outcome to section E")
    return outcome


@transaction.atomic
def outcome_change(
    *,
    actor: Any,
    outcome: Outcome,
    text: str,
    time_frame: str,
    needs: Iterable[Need],
    achieve_by: dt.date | None = None,
    adulthood_area: str = "",
) -> Outcome:
    locked = editable(actor, outcome.version)
    fields = _outcome_fields(text, time_frame, achieve_by, adulthood_area)
    chosen = own_items(locked, needs, field="needs", missing=NO_NEED)
    for name, value in fields.items():
        setattr(outcome, name, value)
    outcome.save()
    outcome.needs.set(chosen)
    audit(actor, locked, "changed an outcome in section E")
    return outcome


@transaction.atomic
def outcome_remove(*, actor: Any, outcome: Outcome) -> None:
    """Refused while a provision serves this outcome alone."""
    locked = editable(actor, outcome.version)
    if any(provision.outcomes.count() == 1 for provision in outcome.provisions.all()):
        raise Refusal(
            "A provision works towards only this outcome. Change or remove that provision first."
        )
    outcome.delete()
    audit(actor, locked, "removed an outcome from section E")


# --- Provision: sections F, G, H1 and H2 -------------------------------------------------


def _provision_fields(section: str, details: dict[str, str]) -> dict[str, str]:
    if section not in ProvisionSection.values:
        raise Refusal("Select which section the provision belongs in", field="section")
    fields = {"section": section}
    for name, missing, limit in PROVISION_DETAILS:
        fields[name] = required_text(details[name], field=name, missing=missing, limit=limit)
    return fields


@transaction.atomic
def provision_add(
    *,
    actor: Any,
    version: PlanVersion,
    section: str,
    outcomes: Iterable[Outcome],
    what: str,
    who: str,
    how_often: str,
    how_long: str,
    group_size: str,
) -> Provision:
    """Provision, specified and quantified (CoP 9.69), for at least one outcome."""
    locked = editable(actor, version)
    details = {"what": what, "who": who, "how_often": how_often, "how_long": how_long}
    fields = _provision_fields(section, {**details, "group_size": group_size})
    chosen = own_items(locked, outcomes, field="outcomes", missing=NO_OUTCOME)
    order = next_order(locked.provisions.filter(section=section))
    provision = Provision.objects.create(version=locked, order=order, **fields)
    provision.outcomes.set(chosen)
    audit(actor, locked, f"added provision to section {section}")
    return provision


@transaction.atomic
def provision_change(
    *,
    actor: Any,
    provision: Provision,
    section: str,
    outcomes: Iterable[Outcome],
    what: str,
    who: str,
    how_often: str,
    how_long: str,
    group_size: str,
) -> Provision:
    locked = editable(actor, provision.version)
    details = {"what": what, "who": who, "how_often": how_often, "how_long": how_long}
    fields = _provision_fields(section, {**details, "group_size": group_size})
    chosen = own_items(locked, outcomes, field="outcomes", missing=NO_OUTCOME)
    if section != provision.section:
        provision.order = next_order(locked.provisions.filter(section=section))
    for name, value in fields.items():
        setattr(provision, name, value)
    provision.save()
    provision.outcomes.set(chosen)
    audit(actor, locked, f"changed provision in section {section}")
    return provision


@transaction.atomic
def provision_remove(*, actor: Any, provision: Provision) -> None:
    locked = editable(actor, provision.version)
    section = provision.section
    provision.delete()
    audit(actor, locked, f"removed provision from section {section}")
