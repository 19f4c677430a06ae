"""Reads for EHC needs assessment cases: the only way a view reaches a child's case.

Each case's stage and deadlines come from `thrive.law.clock` over its events. The caseload
needs them for every open case at once, so each process keeps the clock's summary of each open
case in memory (see `_SummaryCache`): the figures are never stored in the database beside the
events. See docs/adr/0001-caseload-from-the-clock.md."""

import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.http import Http404

from thrive.accounts.policy import restrict_cases
from thrive.law import clock

from .models import Case, CaseEvent

PAGE_SIZE = 25
DUE_SOON_DAYS = 14
_EVENT_FIELDS = ("case_id", "kind", "on", "outcome", "contributor", "exception")


def case_get_for(*, user: Any, case_id: int) -> Case:
    """The case with its child, if `user` may see it; otherwise 404, whether or not it exists."""
    cases = restrict_cases(
        user, Case.objects.select_related("child", "case_officer", "child__setting")
    )
    try:
        return cases.get(pk=case_id)
    except Case.DoesNotExist:
        raise Http404 from None


def case_events(case: Case) -> QuerySet[CaseEvent]:
    return case.events.select_related("recorded_by").order_by("on", "id")


def case_clock(case: Case, *, today: dt.date) -> clock.AssessmentClock:
    return clock.assessment_clock([e.as_law_event() for e in case.events.all()], today)


@dataclass(frozen=True)
class CaseSummary:
    """What the caseload needs from one case's clock."""

    case_id: int
    stage: clock.Stage
    received_on: dt.date
    next_deadline: clock.Deadline | None

    @property
    def is_overdue(self) -> bool:
        return self.next_deadline is not None and self.next_deadline.state == "overdue"

    def due_within(self, today: dt.date, days: int) -> bool:
        nd = self.next_deadline
        return nd is not None and today <= nd.due_on <= today + dt.timedelta(days=days)


def _law_event(row: tuple[Any, ...]) -> clock.Event:
    _, kind, on, outcome, contributor, exception = row
    return clock.Event(
        kind=clock.EventKind(kind),
        on=on,
        outcome=outcome,
        contributor=clock.Contributor(contributor) if contributor else None,
        exception=clock.ExceptionReason(exception) if exception else None,
    )


def _summarise(case_id: int, rows: Iterable[tuple[Any, ...]], today: dt.date) -> CaseSummary:
    result = clock.assessment_clock([_law_event(r) for r in rows], today)
    return CaseSummary(case_id, result.stage, result.received_on, result.next_deadline)


def closing_steps() -> Q:
    """Events that close a case, from the law's own list (thrive.law.clock.CLOSING_STEPS)."""
    closing = Q(pk__in=[])
    for kind, outcome in clock.CLOSING_STEPS:
        closing |= Q(kind=kind) if outcome is None else Q(kind=kind, outcome=outcome)
    return closing


def _open_cases() -> QuerySet[Case]:
    closed = CaseEvent.objects.filter(closing_steps(), case=OuterRef("pk"))
    return Case.objects.filter(~Exists(closed))


class _SummaryCache:
    """The clock's summary of every open case, per process.

    A new day recomputes them all (days left change with the date). Within a day only cases
    with new events are recomputed: events are append-only (database triggers), so a new event
    is the only way a summary changes. Ids can become visible out of order on PostgreSQL (a
    transaction that took a lower id may commit later), so each refresh re-reads a window of
    recent ids instead of trusting the highest one seen."""

    WINDOW = 2_000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        self._day: dt.date | None = None
        self._open: dict[int, CaseSummary] = {}
        self._floor = 0  # every event id up to here has been applied
        self._seen: set[int] = set()  # event ids above the floor already applied

    def summaries(self, today: dt.date) -> dict[int, CaseSummary]:
        with self._lock:
            if self._day != today:
                self._rebuild(today)
            else:
                self._refresh(today)
            return dict(self._open)

    def _rebuild(self, today: dt.date) -> None:
        self.clear()
        top = CaseEvent.objects.aggregate(top=Max("id"))["top"] or 0
        self._floor = max(0, top - self.WINDOW)
        # Read the recent ids before the events: an event committed in between is then
        # recomputed once more at the next refresh, never missed.
        self._seen = set(CaseEvent.objects.filter(id__gt=self._floor).values_list("id", flat=True))
        events = CaseEvent.objects.filter(case__in=_open_cases())
        self._apply(_group_by_case(events), today)
        self._day = today

    def _refresh(self, today: dt.date) -> None:
        recent = CaseEvent.objects.filter(id__gt=self._floor).values_list("id", "case_id")
        new = [(event_id, case_id) for event_id, case_id in recent if event_id not in self._seen]
        if new:
            changed = {case_id for _, case_id in new}
            self._apply(_group_by_case(CaseEvent.objects.filter(case_id__in=changed)), today)
            for case_id in changed - set(self._open):
                self._open.pop(case_id, None)
            self._seen.update(event_id for event_id, _ in new)
        floor = max(self._floor, max(self._seen, default=0) - self.WINDOW)
        self._seen = {event_id for event_id in self._seen if event_id > floor}
        self._floor = floor

    def _apply(self, grouped: dict[int, list[tuple[Any, ...]]], today: dt.date) -> None:
        for case_id, rows in grouped.items():
            summary = _summarise(case_id, rows, today)
            if summary.stage.is_open:
                self._open[case_id] = summary
            else:
                self._open.pop(case_id, None)


def _group_by_case(events: QuerySet[CaseEvent]) -> dict[int, list[tuple[Any, ...]]]:
    grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    rows = events.order_by("case_id", "on", "id").values_list(*_EVENT_FIELDS)
    for row in rows.iterator(chunk_size=20_000):
        grouped[row[0]].append(row)
    return grouped


summary_cache = _SummaryCache()


@dataclass
class CaseloadFilters:
    stage: str = ""
    case_officer: int | None = None
    overdue: bool = False
    due_soon: bool = False
    need: str = ""
    sort: str = "deadline"  # deadline | received | name


@dataclass
class Caseload:
    page_number: int
    page_count: int
    total: int
    cases: list[tuple[Case, CaseSummary]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _sort_key(sort: str, names: dict[int, tuple[str, str]] | None) -> Any:
    far = dt.date.max
    if sort == "received":
        return lambda s: (s.received_on, s.case_id)
    if sort == "name" and names is not None:
        return lambda s: (*names[s.case_id], s.case_id)
    return lambda s: (s.next_deadline.due_on if s.next_deadline else far, s.case_id)


def caseload_for(*, user: Any, filters: CaseloadFilters, today: dt.date, page: int = 1) -> Caseload:
    """Open cases the user may see, filtered and sorted, one page at a time."""
    visible = restrict_cases(user, Case.objects.all())
    if not visible.query.is_empty():
        summaries = [s for s in summary_cache.summaries(today).values() if s.stage.is_open]
    else:
        summaries = []
    counts = {
        "open": len(summaries),
        "overdue": sum(s.is_overdue for s in summaries),
        "due_soon": sum(s.due_within(today, DUE_SOON_DAYS) for s in summaries),
    }
    if filters.stage:
        summaries = [s for s in summaries if s.stage == filters.stage]
    if filters.overdue:
        summaries = [s for s in summaries if s.is_overdue]
    if filters.due_soon:
        summaries = [s for s in summaries if s.due_within(today, DUE_SOON_DAYS)]
    if filters.case_officer or filters.need:
        narrowed = visible
        if filters.case_officer:
            narrowed = narrowed.filter(case_officer_id=filters.case_officer)
        if filters.need:
            narrowed = narrowed.filter(child__primary_need=filters.need)
        allowed = set(narrowed.values_list("id", flat=True))
        summaries = [s for s in summaries if s.case_id in allowed]
    names = None
    if filters.sort == "name":
        names = {
            cid: (last.lower(), first.lower())
            for cid, last, first in visible.filter(
                id__in=[s.case_id for s in summaries]
            ).values_list("id", "child__last_name", "child__first_name")
        }
    summaries.sort(key=_sort_key(filters.sort, names))
    page_count = max(1, -(-len(summaries) // PAGE_SIZE))
    page = min(max(page, 1), page_count)
    shown = summaries[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    cases = visible.select_related("child", "case_officer").in_bulk([s.case_id for s in shown])
    return Caseload(
        page,
        page_count,
        len(summaries),
        [(cases[s.case_id], s) for s in shown if s.case_id in cases],
        counts,
    )
