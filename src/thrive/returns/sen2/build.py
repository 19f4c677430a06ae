"""Build the SEN2 person-level return from Thrive's records (read only).

Scope (statutory.md section 3.2): for collection year Y the census day is in January Y and the
flows are for the calendar year Y-1 (the "period"). A case (one request) is in the return
when its request arrived on or before the census day and, as recorded on the census day:
- it was still open (ongoing work at the request, assessment or issuing stage), or
- a step on it (request, decision to assess, decision to issue, final plan, withdrawal) fell
  between the start of the period and the census day, or
- its plan was maintained at some time from the start of the period to the census day
  (active on the census day, or ceased in that time).
A person is in the return when at least one of their cases is.

Everything is read as it stood on the census day: a step dated after it is left out. The
case milestones come from the dashboard's own query (`insight.timelines.case_milestones`),
and whether an exception applies to the 20 weeks is worked out as the dashboard works it
out, so the return's counts and the dashboard's agree by construction
(tests/returns/test_figures_match_dashboard.py). The day a plan ceased is the plans app's
(`plans.selectors_ceasing`, which applies `thrive.law.reviews`).

A fixed number of queries, whatever the size of the area (tests/returns/test_build.py)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.utils import timezone

from thrive.assessments.models import Case, CaseEvent
from thrive.disputes.models import Appeal, Mediation, Subject
from thrive.insight.timelines import MILESTONES, case_milestones
from thrive.law import clock, codes
from thrive.law.clock import EventKind
from thrive.people.models import Child
from thrive.plans.models import PlanVersion, VersionKind
from thrive.plans.models_reviews import AnnualReview, ReviewDecision
from thrive.plans.selectors_ceasing import ceased_by
from thrive.returns.sen2.records import (
    ActivePlan,
    Assessment,
    Header,
    NamedPlan,
    Need,
    Person,
    Placement,
    Request,
    Sen2Return,
)
from thrive.returns.sen2.rules.years import year_spec

_FINALS = (VersionKind.FINAL, VersionKind.AMENDED_FINAL)
_REVIEW_OUTCOMES = {ReviewDecision.KEEP: "M", ReviewDecision.AMEND: "A", ReviewDecision.CEASE: "C"}
_OTHER_SUBJECTS = frozenset(
    {Subject.PLAN_CONTENT, Subject.SETTING_NAMED, Subject.REFUSAL_TO_AMEND, Subject.CEASING}
)
#: A plan that names only the type of setting: "type of setting specified, no setting named",
#: or an early years provider with no URN (statutory.md section 3.5).
_TYPE_ONLY_SETTING = {"early_years": "EYP"}
_UNDER_6_NO_UPN = "UN1"


def reference_date_for(year: int) -> date:
    """The census day (ReferenceDate) of collection year `year`: the third Thursday of January
    unless a year's census day is known (`rules.years`, one place for it) [U]."""
    return year_spec(year).census_date


def collection_year_for(today: date) -> int:
    """The collection a user most likely means: the coming January's (this January's while
    January lasts)."""
    return today.year if today.month == 1 else today.year + 1


def period_for(year: int) -> tuple[date, date]:
    """The calendar year the flows of collection `year` are counted over."""
    return date(year - 1, 1, 1), date(year - 1, 12, 31)


@dataclass
class _Placement:
    setting_id: int | None
    urn: str
    ukprn: str
    placement_type: str
    issued_on: date


@dataclass
class _Plan:
    plan_id: int
    case_id: int
    first_final: _Placement | None = None
    first_final_budget: bool = False
    finals: list[_Placement] | None = None
    drafts: list[tuple[date, int | None]] | None = None  # (issued_on, review id)


def _upto(day: date | None, last: date) -> date | None:
    return day if day is not None and day <= last else None


def _milestones(reference: date) -> dict[int, dict[str, Any]]:
    rows = {}
    for row in case_milestones().values("id", *MILESTONES).order_by():
        for name, value in row.items():
            if isinstance(value, date):
                row[name] = _upto(value, reference)
        rows[row["id"]] = row
    return rows


def _request_sources() -> dict[int, str]:
    received = CaseEvent.objects.filter(kind=EventKind.REQUEST_RECEIVED)
    return dict(received.values_list("case_id", "request_source"))


def _plans(reference: date) -> dict[int, _Plan]:
    """{case id: its plan's issued versions}, one query."""
    plans: dict[int, _Plan] = {}
    versions = (
        PlanVersion.objects.filter(
            issued_on__isnull=False,
            issued_on__lte=reference,
            kind__in=[*_FINALS, VersionKind.AMENDED_DRAFT],
        )
        .annotate(has_budget=ExpressionWrapper(~Q(personal_budget=""), BooleanField()))
        .values_list(
            "plan_id",
            "plan__case_id",
            "kind",
            "issued_on",
            "placement_setting_id",
            "placement_setting__urn",
            "placement_setting__ukprn",
            "placement_type",
            "has_budget",
            "review_id",
        )
        .order_by("plan_id", "number")
    )
    for plan_id, case_id, kind, issued, setting, urn, ukprn, type_, budget, review in versions:
        assert issued is not None  # filtered above
        plan = plans.setdefault(case_id, _Plan(plan_id, case_id, finals=[], drafts=[]))
        if kind in _FINALS:
            placement = _Placement(setting, urn or "", ukprn or "", type_, issued)
            if plan.first_final is None:
                plan.first_final, plan.first_final_budget = placement, bool(budget)
            assert plan.finals is not None
            plan.finals.append(placement)
        elif kind == VersionKind.AMENDED_DRAFT:
            assert plan.drafts is not None
            plan.drafts.append((issued, review))
    return plans


def _reviews(reference: date) -> dict[int, list[tuple[int, date, str, date | None]]]:
    reviews: dict[int, list[tuple[int, date, str, date | None]]] = defaultdict(list)
    rows = AnnualReview.objects.filter(meeting_on__lte=reference).values_list(
        "plan_id", "id", "meeting_on", "decision", "decision_notified_on"
    )
    for plan_id, review_id, meeting, decision, notified in rows.order_by("meeting_on", "id"):
        reviews[plan_id].append((review_id, meeting, decision, notified))
    return reviews


def _cessations(reference: date) -> dict[int, tuple[date, str]]:
    """{plan id: (the day it ceased, the reason code)} for plans ceased by the census day."""
    return {c.plan_id: (on, c.reason) for c, on in ceased_by(reference)}


def _disputes(reference: date) -> dict[int, list[tuple[str, str, date]]]:
    """{case id: [(kind, subject, date)]}: mediations (by the day the adviser was contacted)
    and appeals (by the day the Tribunal registered them), up to the census day."""
    found: dict[int, list[tuple[str, str, date]]] = defaultdict(list)
    mediations = Mediation.objects.filter(adviser_contacted_on__lte=reference)
    for case_id, subject, on in mediations.values_list(
        "case_id", "subject", "adviser_contacted_on"
    ):
        found[case_id].append(("mediation", subject, on))
    appeals = Appeal.objects.filter(registered_on__lte=reference)
    for case_id, subject, on in appeals.values_list("case_id", "subject", "registered_on"):
        found[case_id].append(("tribunal", subject, on))
    return found


def _children() -> dict[int, dict[str, Any]]:
    with_case = Case.objects.filter(child=OuterRef("pk"))
    rows = Child.objects.filter(Exists(with_case)).values(
        "id",
        "first_name",
        "last_name",
        "date_of_birth",
        "sex",
        "ethnicity",
        "postcode",
        "upn",
        "primary_need",
        "secondary_need",
    )
    return {row["id"]: dict(row) for row in rows}


def _decided(yes: date | None, no: date | None) -> tuple[bool | None, date | None]:
    if yes is not None:
        return True, yes
    if no is not None:
        return False, no
    return None, None


def _outcome(decision: bool | None, on: date | None, withdrawn: date | None, start: date) -> str:
    if decision is not None and on is not None:
        if on < start:
            return "H"
        return "Y" if decision else "N"
    return "W" if withdrawn is not None else "A"


def _flags(
    disputes: Iterable[tuple[str, str, date]], subjects: Iterable[str], since: date | None = None
) -> tuple[bool, bool]:
    wanted = set(subjects)
    chosen = [
        kind
        for kind, subject, on in disputes
        if subject in wanted and (since is None or on >= since)
    ]
    return "mediation" in chosen, "tribunal" in chosen


def _placement(
    place: _Placement, rank: int, entry_date: date | None = None, leaving_date: date | None = None
) -> Placement:
    setting = None
    if not (place.urn or place.ukprn) and place.placement_type:
        setting = _TYPE_ONLY_SETTING.get(place.placement_type, "OTH")
    return Placement(
        rank=rank,
        urn=place.urn or None,
        ukprn=None if place.urn else place.ukprn or None,
        sen_setting=setting,
        entry_date=entry_date,
        leaving_date=leaving_date,
    )


def _placements_in_year(finals: list[_Placement], start: date) -> tuple[Placement, ...]:
    """The settings the plan named during the year: runs of issued final versions naming the
    same setting (or type). A run starts the day its first version was issued (the date
    Thrive holds: the plan's, not the school's admission register) and ends the day before
    the next run starts. The current run and any run that ended in the period."""
    runs: list[tuple[_Placement, date, date | None]] = []
    for place in finals:
        if runs and (runs[-1][0].setting_id, runs[-1][0].placement_type) == (
            place.setting_id,
            place.placement_type,
        ):
            continue
        if runs:
            runs[-1] = (runs[-1][0], runs[-1][1], place.issued_on - timedelta(days=1))
        runs.append((place, place.issued_on, None))
    chosen = [run for run in runs if run[2] is None or run[2] >= start]
    return tuple(
        _placement(place, 1, entry_date=entry, leaving_date=leaving)
        for place, entry, leaving in chosen
    )


def _needs(child: dict[str, Any]) -> tuple[Need, ...]:
    needs = []
    if child["primary_need"]:
        needs.append(Need(child["primary_need"], 1))
    if child["secondary_need"] and child["secondary_need"] != child["primary_need"]:
        needs.append(Need(child["secondary_need"], 2))
    return tuple(needs)


def _active_plan(
    plan: _Plan,
    child: dict[str, Any],
    reviews: list[tuple[int, date, str, date | None]],
    start: date,
    reference: date,
) -> ActivePlan:
    # The latest meeting on or before the census day; its outcome and the decision date only
    # when the decision was notified by then (sen2-details.md section 3.5, CAPITA 5.4-5.6).
    meeting = reviews[-1] if reviews else None
    notified = [r for r in reviews if r[3] is not None and r[3] <= reference]
    outcome = None
    if meeting is not None and meeting[3] is not None and meeting[3] <= reference and meeting[2]:
        outcome = _REVIEW_OUTCOMES[ReviewDecision(meeting[2])]
    drafts = [on for on, review in plan.drafts or [] if meeting and review == meeting[0]]
    return ActivePlan(
        placements=_placements_in_year(plan.finals or [], start),
        needs=_needs(child),
        review_meeting=meeting[1] if meeting else None,
        review_outcome=outcome,
        review_draft=max(drafts) if drafts else None,
        last_review=max(r[3] for r in notified if r[3] is not None) if notified else None,
    )


def _request(
    row: dict[str, Any],
    *,
    source: str,
    plan: _Plan | None,
    ceased: tuple[date, str] | None,
    reviews: list[tuple[int, date, str, date | None]],
    disputes: list[tuple[str, str, date]],
    child: dict[str, Any],
    start: date,
    reference: date,
) -> Request:
    to_assess, assess_on = _decided(row["assessed_on"], row["not_assessed_on"])
    request_outcome = _outcome(to_assess, assess_on, row["withdrawn_on"], start)
    assessment = None
    if to_assess:
        to_issue, issue_on = _decided(row["issue_on"], row["not_issued_on"])
        outcome = _outcome(to_issue, issue_on, row["withdrawn_on"], start)
        final_on = row["final_on"] or (
            plan.first_final.issued_on if plan and plan.first_final else None
        )
        named = None
        week20 = None
        if to_issue and final_on is not None:
            first = plan.first_final if plan else None
            named = NamedPlan(
                start_date=final_on,
                details=(_placement(first, 1),) if first else (),
                personal_budget=plan.first_final_budget if plan else None,
                cease_date=ceased[0] if ceased else None,
                cease_reason=ceased[1] if ceased else None,
            )
            # As the dashboard counts it (insight.services._case_facts): an exception in force
            # from a day on or before both the final plan and the 20-week limit.
            due = clock.assessment_due_dates(row["received_on"])["final_plan"]
            excepted = row["excepted_from"]
            week20 = excepted is not None and excepted <= min(final_on, due)
        mediation, tribunal = _flags(disputes, [Subject.REFUSAL_TO_ISSUE])
        other_mediation, other_tribunal = _flags(disputes, _OTHER_SUBJECTS, since=start)
        assessment = Assessment(
            outcome=outcome,
            outcome_date=(final_on if to_issue else issue_on) if outcome != "A" else None,
            mediation=mediation,
            tribunal=tribunal,
            other_mediation=other_mediation,
            other_tribunal=other_tribunal,
            week20_exceptions=week20,
            named_plan=named,
        )
    active = None
    if plan is not None and plan.finals and (ceased is None or ceased[0] >= start):
        active = _active_plan(plan, child, reviews, start, reference)
    mediation, tribunal = _flags(disputes, [Subject.REFUSAL_TO_ASSESS])
    return Request(
        outcome=request_outcome,
        received_date=row["received_on"],
        source=source or None,
        outcome_date=assess_on if request_outcome in ("Y", "N") else None,
        mediation=mediation,
        tribunal=tribunal,
        assessment=assessment,
        active_plan=active,
        case_id=row["id"],
    )


def _in_scope(
    row: dict[str, Any], plan: _Plan | None, ceased: tuple[date, str] | None, start: date
) -> bool:
    if row["received_on"] is None:
        return False  # received after the census day
    closed = any(
        row[name] for name in ("not_assessed_on", "not_issued_on", "final_on", "withdrawn_on")
    )
    steps = (
        row[name]
        for name in (
            "received_on",
            "assessed_on",
            "not_assessed_on",
            "issue_on",
            "not_issued_on",
            "final_on",
            "withdrawn_on",
        )
    )
    maintained = plan is not None and bool(plan.finals) and (ceased is None or ceased[0] >= start)
    return not closed or maintained or any(on is not None and on >= start for on in steps)


def _person(child: dict[str, Any], requests: list[Request], reference: date) -> Person:
    upn = child["upn"] or None
    unknown = None
    if upn is None and codes.age_on(child["date_of_birth"], reference) < 6:
        unknown = _UNDER_6_NO_UPN  # "under 6 and not yet given a UPN": what the record shows
    return Person(
        surname=child["last_name"],
        forename=child["first_name"],
        birth_date=child["date_of_birth"],
        sex=child["sex"],
        ethnicity=child["ethnicity"],
        postcode=child["postcode"],
        upn=upn,
        upn_unknown=unknown,
        requests=tuple(sorted(requests, key=lambda r: (r.received_date or reference, r.case_id))),
        child_id=child["id"],
    )


def build_return(
    *,
    year: int,
    reference_date: date,
    la_code: str,
    dmo: str | None = None,
    dco: str | None = None,
    dsco: str | None = None,
) -> Sen2Return:
    """The SEN2 return for collection `year` as Thrive's records stood on `reference_date`.
    `dmo`, `dco` and `dsco` are the LA-level answers (Y, N or R), which Thrive does not hold."""
    start, _ = period_for(year)
    milestones = _milestones(reference_date)
    sources = _request_sources()
    plans = _plans(reference_date)
    reviews = _reviews(reference_date)
    cessations = _cessations(reference_date)
    disputes = _disputes(reference_date)
    children = _children()
    by_child: dict[int, list[Request]] = defaultdict(list)
    for case_id, row in milestones.items():
        plan = plans.get(case_id)
        ceased = cessations.get(plan.plan_id) if plan else None
        if not _in_scope(row, plan, ceased, start):
            continue
        child = children[row["child_id"]]
        by_child[row["child_id"]].append(
            _request(
                row,
                source=sources.get(case_id, ""),
                plan=plan,
                ceased=ceased,
                reviews=reviews.get(plan.plan_id, []) if plan else [],
                disputes=disputes.get(case_id, []),
                child=child,
                start=start,
                reference=reference_date,
            )
        )
    persons = tuple(
        _person(children[child_id], requests, reference_date)
        for child_id, requests in sorted(by_child.items())
    )
    header = Header(
        year=year,
        reference_date=reference_date,
        lea=la_code,
        created_at=timezone.localtime().replace(microsecond=0, tzinfo=None),
        dmo=dmo or None,
        dco=dco or None,
        dsco=dsco or None,
    )
    return Sen2Return(header=header, persons=persons)


@dataclass(frozen=True)
class ReturnCounts:
    """The return's flows over a period, counted from the return itself (for the comparison
    with the dashboard's measures: docs/returns.md, "SEN2 return")."""

    requests: int
    not_issued: int
    plans: int
    plans_in_time: int
    plans_ex: int
    plans_in_time_ex: int


def return_counts(ret: Sen2Return, start: date, end: date) -> ReturnCounts:
    """Requests received, decisions not to issue, new plans issued, and those issued within
    20 weeks (day arithmetic as `clock.within_20_weeks`), with and without exceptions."""
    requests = not_issued = plans = in_time = plans_ex = in_time_ex = 0
    for person in ret.persons:
        for request in person.requests:
            received = request.received_date
            if received is not None and start <= received <= end:
                requests += 1
            assessment = request.assessment
            if assessment is None:
                continue
            when = assessment.outcome_date
            if assessment.outcome == "N" and when is not None and start <= when <= end:
                not_issued += 1
            named = assessment.named_plan
            if named is None or not start <= named.start_date <= end or received is None:
                continue
            timely = clock.within_20_weeks(received, named.start_date)
            plans += 1
            in_time += timely
            if not assessment.week20_exceptions:
                plans_ex += 1
                in_time_ex += timely
    return ReturnCounts(requests, not_issued, plans, in_time, plans_ex, in_time_ex)
