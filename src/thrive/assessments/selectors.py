"""Reads for EHC needs assessment cases: the only way a view reaches a child's case.

Each case's stage and deadlines come from `thrive.law.clock` over its events. The caseload
needs them for every open case at once, so each process keeps the clock's summary per case in
memory, keyed by the case's latest event and today's date: a new event or a new day recomputes
that case, and the figures are never stored in the database beside the events."""

import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max, QuerySet
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


class _SummaryCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._day: dt.date | None = None
        self._entries: dict[int, tuple[int, CaseSummary]] = {}

    def summaries(self, today: dt.date) -> dict[int, CaseSummary]:
        latest = dict(CaseEvent.objects.order_by().values_list("case_id").annotate(Max("id")))
        with self._lock:
            if self._day != today:
                self._entries, self._day = {}, today
            stale = [
                cid
                for cid, eid in latest.items()
                if cid not in self._entries or self._entries[cid][0] != eid
            ]
            for case_id, rows in _events_by_case(stale, everything=len(stale) > len(latest) // 2):
                self._entries[case_id] = (latest[case_id], _summarise(case_id, rows, today))
            return {cid: self._entries[cid][1] for cid in latest}

    def clear(self) -> None:
        with self._lock:
            self._entries, self._day = {}, None


def _events_by_case(
    case_ids: list[int], *, everything: bool
) -> Iterable[tuple[int, list[tuple[Any, ...]]]]:
    if not case_ids:
        return []
    grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    wanted = set(case_ids)
    chunks = (
        [None] if everything else [case_ids[i : i + 5000] for i in range(0, len(case_ids), 5000)]
    )
    for chunk in chunks:
        events = CaseEvent.objects.order_by("case_id", "on", "id")
        if chunk is not None:
            events = events.filter(case_id__in=chunk)
        for row in events.values_list(*_EVENT_FIELDS).iterator(chunk_size=20000):
            if row[0] in wanted:
                grouped[row[0]].append(row)
    return grouped.items()


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
