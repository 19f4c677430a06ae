"""Reads for the reviews and amendments work queue: for every maintained plan, the dated steps
still to do - the next annual review, the open review's invitations, report and decision, and
amendments in progress - each with its state in words.

Bulk: two queries for the whole area (the plans with their versions summed up, and their
reviews), then the dates come from `thrive.law.reviews` in Python, one plan at a time.
`today` is passed in. A plan counts from its first final plan until it has ceased (a standing
cessation that has taken effect: `plans.selectors_ceasing`)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

from django.db.models import Exists, Max, Min, OuterRef, Q, QuerySet

from thrive.accounts.policy import restrict_cases
from thrive.assessments.models import Case
from thrive.law import reviews as law
from thrive.plans import selectors_ceasing
from thrive.plans.models import EhcPlan, PlanVersion, ReviewDecision, VersionKind
from thrive.plans.models_reviews import AnnualReview
from thrive.plans.selectors_reviews import FINAL_KINDS, date_state

from .models import Step

#: "Due soon": within the next 4 weeks.
SOON_DAYS = 28
NO_TEAM = "No team"
NOT_ASSIGNED = "Not assigned"


class State:
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    LATER = "later"


@dataclass(frozen=True)
class WorkItem:
    """One step due on one plan. No personal data: the case reference and the officer."""

    plan_id: int
    case_id: int
    reference: str
    officer_id: int | None
    officer: str
    team: str
    step: Step
    due_by: date
    state: str  # "Overdue by 3 days (due by ...)", "Due by ..."
    status: str  # State.OVERDUE, DUE_SOON or LATER
    days_overdue: int

    @property
    def what(self) -> str:
        return self.step.label

    @property
    def overdue(self) -> bool:
        return self.status == State.OVERDUE


@dataclass
class Counts:
    overdue: int = 0
    due_soon: int = 0

    def add(self, item: WorkItem) -> None:
        if item.status == State.OVERDUE:
            self.overdue += 1
        elif item.status == State.DUE_SOON:
            self.due_soon += 1


@dataclass(frozen=True)
class QueueFilters:
    team: str = ""
    officer_id: int | None = None
    state: str = ""  # "" overdue or due soon; "overdue"; "due_soon"; "all"


@dataclass(frozen=True)
class WorkQueue:
    """The filtered items, oldest overdue first, and the area's counts by team and officer."""

    items: list[WorkItem]
    total: Counts
    by_team: list[tuple[str, Counts]]
    by_officer: list[tuple[str, Counts]]
    teams: list[str] = field(default_factory=list)
    officers: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Plan:
    pk: int
    case_id: int
    reference: str
    date_of_birth: date
    officer_id: int | None
    officer: str
    team: str
    first_final_on: date
    amended_draft_number: int | None
    amended_draft_on: date | None
    amended_final_number: int | None
    reviews: list[tuple[Any, ...]] = field(default_factory=list)


def case_reference(case_id: int) -> str:
    """`Case.reference` without building a Case (the queue makes tens of thousands)."""
    reference: str = Case.reference.fget(SimpleNamespace(pk=case_id))  # type: ignore[attr-defined]
    return reference


def _officer_name(first: str | None, last: str | None, username: str | None) -> str:
    """As `User.__str__`: the full name, else the username."""
    if username is None:
        return NOT_ASSIGNED
    return f"{first or ''} {last or ''}".strip() or username


def visible_plans(user: Any) -> QuerySet[EhcPlan]:
    """The plans of the cases `user` may see (the access policy decides)."""
    cases = restrict_cases(user, Case.objects.all())
    if not cases.query.where:
        # Every case: no subquery, which SQLite would otherwise run again for every plan
        # when the reviews are read (40 s instead of 0.05 s at 20,000 plans).
        return EhcPlan.objects.all()
    return EhcPlan.objects.filter(case__in=cases)


def maintained_plans(today: date) -> QuerySet[EhcPlan]:
    """Plans not ceased on `today`. (Whether the first final is issued is asked separately.)"""
    return selectors_ceasing.maintained_plans(today)


def _load(
    today: date, plans: QuerySet[EhcPlan], officer_id: int | None, team: str | None
) -> list[_Plan]:
    if officer_id is not None:
        plans = plans.filter(case__case_officer_id=officer_id)
    if team is not None:
        plans = plans.filter(case__case_officer__team=team)
    issued = Q(versions__issued_at__isnull=False)
    amended_draft = issued & Q(versions__kind=VersionKind.AMENDED_DRAFT)
    rows = (
        plans.annotate(
            first_final_on=Min(
                "versions__issued_on", filter=issued & Q(versions__kind__in=FINAL_KINDS)
            ),
            amended_draft_number=Max("versions__number", filter=amended_draft),
            amended_draft_on=Max("versions__issued_on", filter=amended_draft),
            amended_final_number=Max(
                "versions__number", filter=issued & Q(versions__kind=VersionKind.AMENDED_FINAL)
            ),
        )
        .filter(first_final_on__isnull=False)
        .values_list(
            "pk",
            "case_id",
            "case__child__date_of_birth",
            "case__case_officer_id",
            "case__case_officer__first_name",
            "case__case_officer__last_name",
            "case__case_officer__username",
            "case__case_officer__team",
            "first_final_on",
            "amended_draft_number",
            "amended_draft_on",
            "amended_final_number",
        )
    )
    officers: dict[int | None, str] = {}
    found = {
        row[0]: _Plan(
            pk=row[0],
            case_id=row[1],
            reference=case_reference(row[1]),
            date_of_birth=row[2],
            officer_id=row[3],
            officer=officers.get(row[3]) or officers.setdefault(row[3], _officer_name(*row[4:7])),
            team=row[7] or NO_TEAM,
            first_final_on=row[8],
            amended_draft_number=row[9],
            amended_draft_on=row[10],
            amended_final_number=row[11],
        )
        for row in rows
    }
    linked_draft = PlanVersion.objects.filter(
        review=OuterRef("pk"), kind=VersionKind.AMENDED_DRAFT, issued_at__isnull=False
    )
    reviews = (
        AnnualReview.objects.filter(plan__in=plans.values("pk"))
        .annotate(has_draft=Exists(linked_draft))
        .order_by("plan_id", "meeting_on", "pk")
        .values_list(
            "plan_id",
            "meeting_on",
            "invitations_sent_on",
            "report_circulated_on",
            "decision",
            "has_draft",
        )
    )
    for review in reviews:
        if (plan := found.get(review[0])) is not None:
            plan.reviews.append(review)
    return list(found.values())


def _item(plan: _Plan, step: Step, due_by: date, today: date) -> WorkItem:
    state, overdue = date_state(due_by, None, today)
    if overdue:
        status = State.OVERDUE
    elif due_by <= today + timedelta(days=SOON_DAYS):
        status = State.DUE_SOON
    else:
        status = State.LATER
    return WorkItem(
        plan_id=plan.pk,
        case_id=plan.case_id,
        reference=plan.reference,
        officer_id=plan.officer_id,
        officer=plan.officer,
        team=plan.team,
        step=step,
        due_by=due_by,
        state=state,
        status=status,
        days_overdue=max(0, (today - due_by).days),
    )


def _plan_items(plan: _Plan, today: date) -> Iterable[WorkItem]:
    """The steps due on one plan, from the law (as `plans.selectors_reviews.review_timetable`
    works out one plan's)."""
    dob, first = plan.date_of_birth, plan.first_final_on
    held = [r[1] for r in plan.reviews if first <= r[1] <= today]
    due = law.annual_review_due(first, dob, max(held) if held else None)
    yield _item(plan, Step.ANNUAL_REVIEW, due.due_by, today)
    for _, meeting_on, invited_on, report_on, decision, _ in plan.reviews:
        if decision:
            continue
        meeting = law.review_meeting_timetable(meeting_on, dob)
        if invited_on is None:
            yield _item(plan, Step.INVITATIONS, meeting.invitations_by, today)
        if report_on is None:
            yield _item(plan, Step.REPORT, meeting.report_by, today)
        yield _item(plan, Step.DECISION, meeting.decision_by, today)
    decided = [r for r in plan.reviews if r[4]]
    if decided and decided[-1][4] == ReviewDecision.AMEND:
        _, meeting_on, _, _, _, has_draft = decided[-1]
        draft_since = plan.amended_draft_on is not None and plan.amended_draft_on >= meeting_on
        if not has_draft and not draft_since:
            decision_by = law.review_meeting_timetable(meeting_on, dob).decision_by
            yield _item(plan, Step.PROPOSED_AMENDMENTS, decision_by, today)
    draft_number, draft_on = plan.amended_draft_number, plan.amended_draft_on
    if draft_number and draft_on and (plan.amended_final_number or 0) < draft_number:
        final_by = law.amendment_timetable(draft_on).amended_plan_by
        yield _item(plan, Step.AMENDED_FINAL, final_by, today)


_STEP_ORDER = {step: n for n, step in enumerate(Step)}


def _sort_key(item: WorkItem) -> tuple[date, str, int]:
    return (item.due_by, item.reference, _STEP_ORDER[item.step])


def work_items(
    *,
    today: date,
    plans: QuerySet[EhcPlan] | None = None,
    officer_id: int | None = None,
    team: str | None = None,
) -> list[WorkItem]:
    """Every step due on the maintained plans (of `plans`, if given: the caller's access
    policy), oldest due date first. Case references and officers only: no child's record."""
    base = maintained_plans(today)
    if plans is not None:
        base = base & plans  # one WHERE: a nested IN is slow on SQLite
    loaded = _load(today, base, officer_id, team)
    items = [item for plan in loaded for item in _plan_items(plan, today)]
    items.sort(key=_sort_key)
    return items


def _keep(item: WorkItem, filters: QueueFilters) -> bool:
    if filters.team and item.team != filters.team:
        return False
    if filters.officer_id is not None and item.officer_id != filters.officer_id:
        return False
    if filters.state == "all":
        return True
    if filters.state in (State.OVERDUE, State.DUE_SOON):
        return item.status == filters.state
    return item.status != State.LATER


def work_queue(*, today: date, filters: QueueFilters, plans: QuerySet[EhcPlan]) -> WorkQueue:
    """The queue page: counts for the whole area by team and by officer, and the items the
    filters keep, oldest overdue first."""
    items = work_items(today=today, plans=plans)
    total = Counts()
    teams: dict[str, Counts] = defaultdict(Counts)
    officers: dict[tuple[str, int | None], Counts] = defaultdict(Counts)
    for item in items:
        total.add(item)
        teams[item.team].add(item)
        officers[(item.officer, item.officer_id)].add(item)
    return WorkQueue(
        items=[item for item in items if _keep(item, filters)],
        total=total,
        by_team=sorted(teams.items()),
        by_officer=[(name, counts) for (name, _), counts in sorted(officers.items(), key=_by_name)],
        teams=sorted(teams),
        officers=sorted(
            ((pk, name) for name, pk in officers if pk is not None), key=lambda o: o[1]
        ),
    )


def _by_name(entry: tuple[tuple[str, int | None], Counts]) -> tuple[str, int]:
    (name, pk), _ = entry
    return (name.lower(), pk or 0)


def oldest_overdue(*, today: date) -> list[WorkItem]:
    """Every overdue step across the area, most days overdue first (for managers and
    administrators: case references and officers only)."""
    items = [item for item in work_items(today=today) if item.overdue]
    items.sort(key=lambda i: (-i.days_overdue, i.reference, _STEP_ORDER[i.step]))
    return items
