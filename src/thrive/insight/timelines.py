"""What the summary tables (`models`) are built from: ORM queries over the case timelines.

`case_facts_source()` gives one row per case with the date of each milestone (request,
decisions, final plan, withdrawal, closing) and of the first exception that counts, by
conditional aggregation over the case's events (`Min("steps__on", filter=...)`) in one pass
grouped by case, plus the group every breakdown puts the case in. `advice_facts_source()`
pairs each piece of advice with its request using a window function. `services.insight_refresh`
runs both as `INSERT INTO ... SELECT`: nothing here is read row by row in Python.
"""

import datetime as dt
from typing import Any

from django.db.models import Case as When_
from django.db.models import (
    CharField,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    RowRange,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce

from thrive.assessments.models import Case, CaseEvent
from thrive.law import clock
from thrive.law.clock import EventKind, ExceptionReason

from .breakdowns import BREAKDOWNS, NOT_RECORDED

# The steps the milestones are read from. Advice, drafts and comments (over half of every
# timeline) play no part, so the join leaves them out.
STEPS = sorted(
    {
        EventKind.REQUEST_RECEIVED,
        EventKind.DECISION_TO_ASSESS,
        EventKind.DECISION_TO_ISSUE,
        EventKind.FINAL_ISSUED,
        EventKind.WITHDRAWN,
        EventKind.EXCEPTION_STARTED,
        *(kind for kind, _ in clock.CLOSING_STEPS),
    }
)

MILESTONES = (
    "child_id",
    "received_on",
    "assessed_on",
    "not_assessed_on",
    "issue_on",
    "not_issued_on",
    "final_on",
    "withdrawn_on",
    "excepted_from",
)


def _first(kind: EventKind, **fields: Any) -> Min:
    conditions = {f"steps__{name}": value for name, value in fields.items()}
    return Min("steps__on", filter=Q(steps__kind=kind, **conditions))


def _first_qualifying_exception() -> Min:
    """The first day an exception that can excuse the 20 weeks was in force (reg. 13(3) applying
    reg. 10(4)). A closure or absence ((a), (b), (d)) that ended within 4 weeks does not count
    (thrive.law.clock: "not less than 4 weeks"); one still running does. Periods are paired by
    reason, as the clock refuses a second start before the first has ended. The end is looked
    for only for the (few) exception_started events: the aggregate's filter checks the kind
    first."""
    short_end = CaseEvent.objects.filter(
        case=OuterRef("steps__case"),
        kind=EventKind.EXCEPTION_ENDED,
        exception=OuterRef("steps__exception"),
        on__gte=OuterRef("steps__on"),
        on__lte=ExpressionWrapper(
            OuterRef("steps__on") + (clock.QUALIFYING_PERIOD - dt.timedelta(days=1)),
            output_field=DateField(),
        ),
    )
    return Min(
        "steps__on",
        filter=Q(steps__kind=EventKind.EXCEPTION_STARTED)
        & (Q(steps__exception=ExceptionReason.PERSONAL_CIRCUMSTANCES) | Q(~Exists(short_end))),
    )


def _closed() -> Min:
    """The first step that closed the case, from the law's own list (clock.CLOSING_STEPS)."""
    closing = Q(pk__in=[])
    for kind, outcome in clock.CLOSING_STEPS:
        closing |= Q(steps__kind=kind, **({} if outcome is None else {"steps__outcome": outcome}))
    return Min("steps__on", filter=closing)


def case_milestones(children: list[int] | None = None) -> QuerySet[Case, dict[str, Any]]:
    """One row per case (of `children` only, when given): its child and its milestone dates,
    by conditional aggregation over its events (one pass over the timeline, grouped by case)."""
    chosen = Case.objects.all() if children is None else Case.objects.filter(child_id__in=children)
    cases = chosen.annotate(
        steps=FilteredRelation("events", condition=Q(events__kind__in=STEPS))
    ).annotate(
        received_on=_first(EventKind.REQUEST_RECEIVED),
        assessed_on=_first(EventKind.DECISION_TO_ASSESS, outcome=True),
        not_assessed_on=_first(EventKind.DECISION_TO_ASSESS, outcome=False),
        issue_on=_first(EventKind.DECISION_TO_ISSUE, outcome=True),
        not_issued_on=_first(EventKind.DECISION_TO_ISSUE, outcome=False),
        final_on=_first(EventKind.FINAL_ISSUED),
        withdrawn_on=_first(EventKind.WITHDRAWN),
        excepted_from=_first_qualifying_exception(),
    )
    rows: QuerySet[Case, dict[str, Any]] = cases.values(*MILESTONES)
    return rows


def case_facts_source(children: list[int] | None = None) -> QuerySet[Case, dict[str, Any]]:
    """What the refresh copies into `CaseFacts`: each case's milestones, the day it closed and
    the group every breakdown puts it in (a column per breakdown, named by its key); for the
    cases of `children` only, when given."""
    on_request = Q(steps__kind=EventKind.REQUEST_RECEIVED)
    cases = case_milestones(children).annotate(
        closed_on=_closed(),
        # The group on the day the request arrived, taken from the request's own row: an
        # aggregate, so the query still groups by the case alone.
        **{
            key: Coalesce(
                Min(breakdown.expression("child__", F("steps__on")), filter=on_request),
                Value(NOT_RECORDED),
                output_field=CharField(),
            )
            for key, breakdown in BREAKDOWNS.items()
        },
    )
    rows: QuerySet[Case, dict[str, Any]] = cases.values(
        "id", *MILESTONES, "closed_on", *BREAKDOWNS
    ).order_by()
    return rows


def advice_facts_source(children: list[int] | None = None) -> QuerySet[Any, Any]:
    """What the refresh copies into `AdviceFacts`: every advice request and receipt (on the
    cases of `children` only, when given: the window is per case, so none is cut short), where each
    receipt carries the day of the latest request to the same contributor on or before it: a
    running maximum of request dates over the case's and contributor's events in date order,
    requests first on a shared day. The refresh keeps the receipts, with their case's groups
    from the `CaseFacts` it has just built."""
    requested = Q(kind=EventKind.ADVICE_REQUESTED)
    events = CaseEvent.objects.all()
    if children is not None:
        events = events.filter(case__child_id__in=children)
    advice = events.filter(
        kind__in=[EventKind.ADVICE_REQUESTED, EventKind.ADVICE_RECEIVED]
    ).annotate(
        requested_on=Window(
            Max(When_(When(requested, then=F("on")), output_field=DateField())),
            partition_by=[F("case_id"), F("contributor")],
            order_by=[
                F("on").asc(),
                When_(When(requested, then=Value(0)), default=Value(1)).asc(),
                F("id").asc(),
            ],
            frame=RowRange(start=None, end=0),
        )
    )
    return advice.values("id", "case_id", "contributor", "kind", "requested_on", "on").order_by()
