"""Who is on each Annex A list on a reference date, and their answers: a fixed number of
queries however many children (up to three for the plans a disagreement about ceasing
holds, then one per list), with no names read.

- List 1: every child or young person with an EHC plan the council maintains on the date:
  the first final plan issued on or before it, and the plan not ceased by it
  (`plans.selectors_ceasing.maintained_plans`, which applies s.45(4)).
- List 2: children and young people on SEN support. Thrive records no SEN support status,
  so the list is derived [U] (docs/returns.md, "Annex A"): not on List 1, with a request for
  an EHC needs assessment received on or before the date that has not led to a final plan by
  then (refused, withdrawn or still going on), a primary need recorded, an education setting
  recorded, and aged 25 or under on the date."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Exists, Max, Min, OuterRef, Q, Subquery

from thrive.assessments.models import Case, CaseEvent
from thrive.law.clock import EventKind
from thrive.law.codes import MAX_AGE
from thrive.people.models import Child
from thrive.plans.models import AnnualReview, PlanVersion, VersionKind
from thrive.plans.selectors_ceasing import maintained_plans

from . import columns
from .columns import Row

FINAL_KINDS = (VersionKind.FINAL, VersionKind.AMENDED_FINAL)


@dataclass(frozen=True)
class AnnexALists:
    reference_date: date
    list_1: tuple[Row, ...]
    list_2: tuple[Row, ...]


def _issued_by(on: date, **filters: Any) -> Any:
    return PlanVersion.objects.filter(
        plan=OuterRef("pk"), issued_at__isnull=False, issued_on__lte=on, **filters
    )


def _aggregate(queryset: Any, field: str, function: type[Min] | type[Max]) -> Subquery:
    values = queryset.order_by().values("plan").annotate(value=function(field)).values("value")
    return Subquery(values[:1])


def _in_force(on: date, field: str) -> Subquery:
    """`field` of the final or amended final plan in force on the date: the latest issued."""
    latest = _issued_by(on, kind__in=FINAL_KINDS).order_by("-issued_on", "-number")
    return Subquery(latest.values(field)[:1])


def _plans_on(on: date) -> Any:
    issued = _issued_by(on, kind__in=FINAL_KINDS)
    return maintained_plans(on).filter(Exists(issued))


def list_1_rows(on: date, maintained: Any = None) -> list[Row]:
    """One row per child with a plan maintained on `on`, by Thrive's child id. A child with
    more than one maintained plan (a record to put right) is listed once, with the plan
    issued most recently. `maintained`: `_plans_on(on)`, if the caller has it already."""
    reviews = AnnualReview.objects.filter(plan=OuterRef("pk"), meeting_on__lte=on)
    plans = (_plans_on(on) if maintained is None else maintained).annotate(
        initial=_aggregate(_issued_by(on, kind__in=FINAL_KINDS), "issued_on", Min),
        updated=_aggregate(_issued_by(on, kind=VersionKind.AMENDED_FINAL), "issued_on", Max),
        reviewed=_aggregate(reviews, "meeting_on", Max),
        named_urn=_in_force(on, "placement_setting__urn"),
        named_phase=_in_force(on, "placement_setting__phase"),
    )
    values = plans.values(
        "pk",
        "initial",
        "updated",
        "reviewed",
        "named_urn",
        "named_phase",
        "case__child_id",
        "case__child__upn",
        "case__child__date_of_birth",
        "case__child__sex",
        "case__child__ethnicity",
        "case__child__primary_need",
        "case__child__setting__urn",
        "case__child__setting__phase",
    ).order_by("case__child_id", "-initial", "-pk")
    rows: dict[int, Row] = {}
    for plan in values:
        child_id = plan["case__child_id"]
        if child_id in rows:
            continue
        named = plan["named_urn"] is not None or plan["named_phase"] is not None
        urn = plan["named_urn"] if named else plan["case__child__setting__urn"]
        phase = plan["named_phase"] if named else plan["case__child__setting__phase"]
        rows[child_id] = Row(
            unique_id=child_id,
            upn=plan["case__child__upn"] or None,
            date_of_birth=plan["case__child__date_of_birth"],
            gender=columns.gender(plan["case__child__sex"]),
            ethnicity=columns.ethnicity(plan["case__child__ethnicity"]),
            initial_plan_issued=plan["initial"],
            updated_plan_issued=plan["updated"],
            last_reviewed=plan["reviewed"],
            primary_need=columns.primary_need(plan["case__child__primary_need"]),
            main_urn=urn or None,
            main_phase=columns.phase(phase),
        )
    return list(rows.values())


def _born_after(on: date, years: int) -> date:
    """The day before which someone is older than `years` on `on` (29 February -> 1 March)."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:
        return date(on.year - years, 3, 1)


def list_2_rows(on: date, maintained: Any = None) -> list[Row]:
    """One row per child on the derived SEN support list (see the module's docstring)."""
    received = CaseEvent.objects.filter(
        case=OuterRef("pk"), kind=EventKind.REQUEST_RECEIVED, on__lte=on
    )
    final = PlanVersion.objects.filter(
        plan__case=OuterRef("pk"), kind__in=FINAL_KINDS, issued_at__isnull=False, issued_on__lte=on
    )
    open_requests = Case.objects.filter(child=OuterRef("pk")).filter(
        Exists(received) & ~Exists(final)
    )
    with_plan = (_plans_on(on) if maintained is None else maintained).filter(
        case__child=OuterRef("pk")
    )
    oldest = _born_after(on, MAX_AGE + 1)
    children = (
        Child.objects.filter(Exists(open_requests))
        .exclude(Exists(with_plan))
        .exclude(primary_need="")
        .filter(Q(setting__isnull=False), date_of_birth__lte=on, date_of_birth__gt=oldest)
        .order_by("pk")
        .values(
            "pk",
            "upn",
            "date_of_birth",
            "sex",
            "ethnicity",
            "primary_need",
            "setting__urn",
            "setting__phase",
        )
    )
    return [
        Row(
            unique_id=child["pk"],
            upn=child["upn"] or None,
            date_of_birth=child["date_of_birth"],
            gender=columns.gender(child["sex"]),
            ethnicity=columns.ethnicity(child["ethnicity"]),
            primary_need=columns.primary_need(child["primary_need"]),
            main_urn=child["setting__urn"] or None,
            main_phase=columns.phase(child["setting__phase"]),
        )
        for child in children
    ]


def annex_a_lists(on: date) -> AnnexALists:
    """Both lists on the reference date `on`. For the case work team only: the caller checks
    (the rows carry ids and dates, which are personal data)."""
    maintained = _plans_on(on)  # works out which plans a disagreement holds, once
    return AnnexALists(
        reference_date=on,
        list_1=tuple(list_1_rows(on, maintained)),
        list_2=tuple(list_2_rows(on, maintained)),
    )
