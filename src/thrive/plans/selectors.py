"""Reads for EHC plans: who may see which version, and a version's contents as a snapshot that
the edit page, the document, the PDF and the comparison all draw from.

The case work team sees every version. A family linked to the child sees a version once it is
issued: a draft being written is the council's working copy. Anyone else gets a 404, the same
as for a version that does not exist."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from thrive.accounts.models import Organisation
from thrive.accounts.policy import is_casework, is_family, restrict_cases
from thrive.advice.models import AdviceRequest
from thrive.assessments.models import Case
from thrive.law import clock, codes

from .diff import Field, Item, Section
from .models import EhcPlan, Need, Outcome, PlanVersion, Provision

SECTION_TITLES = {
    "A": "Section A: Views, interests and aspirations",
    "B": "Section B: Special educational needs",
    "C": "Section C: Health needs related to special educational needs",
    "D": "Section D: Social care needs related to special educational needs or a disability",
    "E": "Section E: Outcomes",
    "F": "Section F: Special educational provision",
    "G": "Section G: Health provision",
    "H1": "Section H1: Social care provision under section 2 of the Chronically Sick and "
    "Disabled Persons Act 1970",
    "H2": "Section H2: Other social care provision",
    "I": "Section I: School, college or other institution",
    "J": "Section J: Personal budget",
    "K": "Section K: Advice and information",
}
NEED_SECTIONS = ("B", "C", "D")
PROVISION_SECTIONS = ("F", "G", "H1", "H2")
VIEWS_FIELDS = ("views_child", "views_family", "interests", "aspirations", "history")


# --- Who may see what ------------------------------------------------------------------


def plan_for_case(case: Case) -> EhcPlan | None:
    return EhcPlan.objects.filter(case=case).first()


def plan_versions(plan: EhcPlan) -> list[PlanVersion]:
    return list(plan.versions.select_related("issued_by", "created_by").order_by("number"))


def version_get_for(*, user: Any, version_id: int) -> PlanVersion:
    """The version with its plan, case and child, if `user` may read it; otherwise 404."""
    versions = PlanVersion.objects.select_related(
        "plan__case__child", "placement_setting", "issued_by"
    ).filter(plan__case__in=restrict_cases(user, Case.objects.all()))
    if is_family(user):
        versions = versions.filter(issued_at__isnull=False)
    elif not is_casework(user):
        versions = versions.none()  # invited practitioners see the case, not the plan
    try:
        return versions.get(pk=version_id)
    except PlanVersion.DoesNotExist:
        raise Http404 from None


def issued_versions_for(*, user: Any, case: Case) -> QuerySet[PlanVersion]:
    """Issued versions of the case's plan that `user` may read (for the family's pages)."""
    if not (is_family(user) or is_casework(user)):
        return PlanVersion.objects.none()
    cases = restrict_cases(user, Case.objects.filter(pk=case.pk))
    return PlanVersion.objects.filter(plan__case__in=cases, issued_at__isnull=False).order_by(
        "number"
    )


def need_in(version: PlanVersion, need_id: int) -> Need:
    try:
        return version.needs.get(pk=need_id)
    except Need.DoesNotExist:
        raise Http404 from None


def outcome_in(version: PlanVersion, outcome_id: int) -> Outcome:
    try:
        return version.outcomes.get(pk=outcome_id)
    except Outcome.DoesNotExist:
        raise Http404 from None


def provision_in(version: PlanVersion, provision_id: int) -> Provision:
    try:
        return version.provisions.get(pk=provision_id)
    except Provision.DoesNotExist:
        raise Http404 from None


def submitted_advice(case: Case) -> QuerySet[AdviceRequest]:
    """Advice given for the case and not withdrawn: what section K may rest on."""
    return case.advice_requests.filter(submitted_at__isnull=False, withdrawn_on__isnull=True)


def setting_inbox_emails(setting_id: int | None) -> list[str]:
    """The inboxes of organisations that stand for the named school or college."""
    if setting_id is None:
        return []
    inboxes = Organisation.objects.filter(setting_id=setting_id).exclude(email="")
    return list(inboxes.values_list("email", flat=True))


# --- A version's contents ----------------------------------------------------------------


@dataclass(frozen=True)
class PlanContents:
    """A version's items, loaded once, each with its number in this version ("B2")."""

    version: PlanVersion
    needs: list[Need]
    outcomes: list[Outcome]
    provisions: list[Provision]
    advice: list[AdviceRequest]
    numbers: dict[tuple[str, int], str]

    def number(self, item: Need | Outcome | Provision) -> str:
        return self.numbers[_id(item)]

    @property
    def position(self) -> dict[tuple[str, int], int]:
        """Where each item comes in the plan, to list linked items in the plan's order."""
        return {key: place for place, key in enumerate(self.numbers)}


def _numbered(items: Iterable[Any], section_of: Any) -> dict[tuple[str, int], str]:
    numbers: dict[tuple[str, int], str] = {}
    counts: dict[str, int] = {}
    for item in items:
        section = section_of(item)
        counts[section] = counts.get(section, 0) + 1
        joiner = "." if len(section) > 1 else ""  # "B2", but "H1.2" rather than "H12"
        numbers[(type(item).__name__, item.pk)] = f"{section}{joiner}{counts[section]}"
    return numbers


def version_contents(version: PlanVersion) -> PlanContents:
    needs = list(version.needs.order_by("section", "order", "id"))
    outcomes = list(version.outcomes.prefetch_related("needs").order_by("order", "id"))
    provisions = list(version.provisions.prefetch_related("outcomes"))
    provisions.sort(key=lambda p: (PROVISION_SECTIONS.index(p.section), p.order, p.pk))
    advice = list(version.advice.order_by("submitted_at", "id"))
    numbers = {
        **_numbered(needs, lambda n: n.section),
        **_numbered(outcomes, lambda o: "E"),
        **_numbered(provisions, lambda p: p.section),
    }
    return PlanContents(version, needs, outcomes, provisions, advice, numbers)


def _links(contents: PlanContents, linked: Iterable[Need | Outcome], label: str) -> Field:
    """Compared by the linked items' keys; shown by number and the start of their text, one a
    line, so each outcome shows its needs and each provision its outcomes."""
    places = contents.position
    ordered = sorted(linked, key=lambda item: places[_id(item)])
    return Field(
        label,
        value=",".join(sorted(str(item.key) for item in ordered)),
        shown="\n".join(f"{contents.number(item)}: {_short(item.text)}" for item in ordered),
    )


def _short(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _id(item: Need | Outcome | Provision) -> tuple[str, int]:
    return (type(item).__name__, item.pk)


def _need_item(contents: PlanContents, need: Need) -> Item:
    return Item(str(need.key), contents.number(need), (Field("Need", need.text),), need.pk)


def _outcome_item(contents: PlanContents, outcome: Outcome) -> Item:
    fields = [Field("Outcome", outcome.text), Field("Time frame", outcome.time_frame)]
    if outcome.achieve_by:
        fields.append(Field("Achieve by", clock.render_date(outcome.achieve_by)))
    fields.append(_links(contents, outcome.needs.all(), "Needs it addresses"))
    if outcome.adulthood_area:
        fields.append(Field("Preparing for adulthood", outcome.get_adulthood_area_display()))
    return Item(str(outcome.key), contents.number(outcome), tuple(fields), outcome.pk)


def _provision_item(contents: PlanContents, provision: Provision) -> Item:
    fields = (
        Field("What", provision.what),
        Field("Who delivers it", provision.who),
        Field("How often", provision.how_often),
        Field("For how long", provision.how_long),
        Field("Group size or ratio", provision.group_size),
        _links(contents, provision.outcomes.all(), "Outcomes it works towards"),
    )
    return Item(str(provision.key), contents.number(provision), fields, provision.pk)


def _advice_item(advice: AdviceRequest) -> Item:
    given = timezone.localtime(advice.submitted_at).date() if advice.submitted_at else None
    fields = [Field("Given on", clock.render_date(given) if given else "Not given yet")]
    if advice.summary:
        fields.append(Field("Summary", advice.summary))
    title = clock.Contributor(advice.contributor).advice_label
    return Item(f"advice:{advice.pk}", title, tuple(fields), advice.pk)


def _views_fields(version: PlanVersion) -> tuple[Field, ...]:
    return tuple(Field(views_label(name), getattr(version, name)) for name in VIEWS_FIELDS)


def views_label(name: str) -> str:
    """A section A field's label, as the model names it."""
    return str(getattr(PlanVersion._meta.get_field(name), "verbose_name", name))


def _placement_fields(version: PlanVersion) -> tuple[Field, ...]:
    setting = version.placement_setting
    kind = codes.ESTABLISHMENT_TYPES.label(version.placement_type) if version.placement_type else ""
    return (
        Field(
            "School, college or other institution",
            setting.name if setting else "",
            shown="" if setting or not kind else "None named: the type only",
        ),
        Field("Type", kind),
    )


def _budget_fields(version: PlanVersion) -> tuple[Field, ...]:
    return (
        Field("Personal budget", version.personal_budget),
        Field("Direct payments", "Yes" if version.direct_payments else "No"),
    )


def snapshot(contents: PlanContents) -> tuple[Section, ...]:
    """Every section, A to K, in the order of the Regulations (reg. 12(1))."""
    version = contents.version
    items: dict[str, list[Item]] = {code: [] for code in SECTION_TITLES}
    for need in contents.needs:
        items[need.section].append(_need_item(contents, need))
    items["E"] = [_outcome_item(contents, o) for o in contents.outcomes]
    for provision in contents.provisions:
        items[provision.section].append(_provision_item(contents, provision))
    items["K"] = [_advice_item(a) for a in contents.advice]
    fields = {
        "A": _views_fields(version),
        "I": _placement_fields(version),
        "J": _budget_fields(version),
    }
    return tuple(
        Section(code, title, fields.get(code, ()), tuple(items[code]))
        for code, title in SECTION_TITLES.items()
    )


def version_snapshot(version: PlanVersion) -> tuple[Section, ...]:
    return snapshot(version_contents(version))
