"""The dashboard's figures, counted in the database from the case timelines.

Two steps, both in SQL:

1. `case_milestones()`: one row per case with the date of each milestone (request, decisions,
   final plan, withdrawal) and of the first exception that counts, by conditional aggregation
   over the event table (`Min("events__on", filter=...)`), plus the group the chosen breakdown
   puts the child in. Built with the ORM.
2. `group_counts()`: counts per group over those rows, with DfE's definitions. Written as SQL
   around the ORM's query, because the ORM cannot group by a column of an aggregated
   subquery; the only per-database part is adding days to a date.

Percentiles use PostgreSQL's `percentile_cont`; SQLite has none, so there the per-plan weeks
come back and `_percentile` (the same linear interpolation) finishes the job.
Only "open cases past a deadline" is worked out in Python: it needs the statutory clock, and
the caseload already keeps it for every open case (`assessments.selectors.summary_cache`).
"""

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from django.db import connection
from django.db.models import (
    DateField,
    Exists,
    ExpressionWrapper,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from thrive.assessments.models import Case, CaseEvent
from thrive.assessments.selectors import closing_steps, summary_cache
from thrive.law import clock
from thrive.law.clock import EventKind, ExceptionReason

from .breakdowns import Breakdown
from .periods import Period

ALL = "all"  # the one group when no breakdown is asked for
FINAL_PLAN_DAYS = clock.FINAL_PLAN_WEEKS * 7  # DfE: issued <= received + 140 days
ADVICE_DAYS = clock.ADVICE_WEEKS * 7  # reg. 8(1): 6 weeks from being asked
PERCENTILES = (0.5, 0.9)


def _first(kind: EventKind, **fields: Any) -> Min:
    conditions = {f"events__{name}": value for name, value in fields.items()}
    return Min("events__on", filter=Q(events__kind=kind, **conditions))


def _request_received_on(case_path: str) -> Subquery:
    requests = CaseEvent.objects.filter(
        case=OuterRef(case_path), kind=EventKind.REQUEST_RECEIVED
    ).values("on")[:1]
    return Subquery(requests, output_field=DateField())


def _first_qualifying_exception() -> Subquery:
    """The first day an exception that can excuse the 20 weeks was in force (reg. 13(3) applying
    reg. 10(4)). A closure or absence ((a), (b), (d)) that ended within 4 weeks does not count
    (thrive.law.clock: "not less than 4 weeks"); one still running does. Periods are paired by
    reason, as the clock refuses a second start before the first has ended."""
    short_end = CaseEvent.objects.filter(
        case=OuterRef("case"),
        kind=EventKind.EXCEPTION_ENDED,
        exception=OuterRef("exception"),
        on__gte=OuterRef("on"),
        on__lte=ExpressionWrapper(
            OuterRef("on") + (clock.QUALIFYING_PERIOD - dt.timedelta(days=1)),
            output_field=DateField(),
        ),
    )
    qualifying = CaseEvent.objects.filter(
        Q(exception=ExceptionReason.PERSONAL_CIRCUMSTANCES) | ~Exists(short_end),
        case=OuterRef("pk"),
        kind=EventKind.EXCEPTION_STARTED,
    )
    return Subquery(qualifying.order_by("on").values("on")[:1], output_field=DateField())


def case_milestones(breakdown: Breakdown | None = None) -> QuerySet[Case, dict[str, Any]]:
    """One row per case: its milestone dates and the breakdown group of its child."""
    cases = Case.objects.annotate(
        received_on=_first(EventKind.REQUEST_RECEIVED),
        assessed_on=_first(EventKind.DECISION_TO_ASSESS, outcome=True),
        not_assessed_on=_first(EventKind.DECISION_TO_ASSESS, outcome=False),
        issue_on=_first(EventKind.DECISION_TO_ISSUE, outcome=True),
        not_issued_on=_first(EventKind.DECISION_TO_ISSUE, outcome=False),
        final_on=_first(EventKind.FINAL_ISSUED),
        withdrawn_on=_first(EventKind.WITHDRAWN),
        excepted_from=_first_qualifying_exception(),
    )
    if breakdown is not None:
        cases = cases.annotate(grp=breakdown.expression("child__", _request_received_on("pk")))
    columns = [
        "child_id",
        "received_on",
        "assessed_on",
        "not_assessed_on",
        "issue_on",
        "not_issued_on",
        "final_on",
        "withdrawn_on",
        "excepted_from",
    ]
    rows: QuerySet[Case, dict[str, Any]] = cases.values(*columns, *(["grp"] if breakdown else []))
    return rows


# --- SQL over the milestones ----------------------------------------------------------------


def _plus_days(column: str, days: int) -> str:
    if connection.vendor == "postgresql":
        return f"({column} + {int(days)})"
    return f"date({column}, '+{int(days)} days')"


def _days_between(start: str, end: str) -> str:
    if connection.vendor == "postgresql":
        return f"({end} - {start})"
    return f"(julianday({end}) - julianday({start}))"


def _date(day: dt.date) -> Any:
    return connection.ops.adapt_datefield_value(day)


def _group(breakdown: Breakdown | None) -> str:
    return "t.grp" if breakdown else f"'{ALL}'"


_COUNTS = """
SELECT {group} AS grp,
  SUM(CASE WHEN {received} THEN 1 ELSE 0 END),
  SUM(CASE WHEN {received} AND t.not_assessed_on IS NOT NULL THEN 1 ELSE 0 END),
  SUM(CASE WHEN {received} AND t.assessed_on IS NOT NULL THEN 1 ELSE 0 END),
  SUM(CASE WHEN {received} AND t.withdrawn_on IS NOT NULL AND t.assessed_on IS NULL
      AND t.not_assessed_on IS NULL THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.assessed_on IS NOT NULL AND ({issued} OR {not_issued}) THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.assessed_on IS NOT NULL AND {not_issued} THEN 1 ELSE 0 END),
  SUM(CASE WHEN {final} THEN 1 ELSE 0 END),
  SUM(CASE WHEN {final} AND {in_time} THEN 1 ELSE 0 END),
  SUM(CASE WHEN {final} AND NOT {excepted} THEN 1 ELSE 0 END),
  SUM(CASE WHEN {final} AND NOT {excepted} AND {in_time} THEN 1 ELSE 0 END),
  COUNT(DISTINCT CASE WHEN t.final_on <= %(end)s THEN t.child_id END)
FROM ({milestones}) t
{group_by}
"""
_COUNT_NAMES = (
    "requests",
    "not_assessed",
    "assessed",
    "withdrawn",
    "assess_decided",
    "not_issued",
    "plans",
    "plans_in_time",
    "plans_ex",
    "plans_in_time_ex",
    "active_plans",
)


def _between(column: str) -> str:
    return f"({column} >= %(start)s AND {column} <= %(end)s)"


def _sql(template: str, breakdown: Breakdown | None, **parts: str) -> tuple[str, dict[str, Any]]:
    inner, inner_params = case_milestones(breakdown).query.sql_with_params()
    # The outer SQL names its parameters, so name the ORM's positional ones too.
    names = {f"orm{i}": value for i, value in enumerate(inner_params)}
    pieces = inner.split("%s")
    inner = pieces[0] + "".join(f"%(orm{i})s{piece}" for i, piece in enumerate(pieces[1:]))
    due = _plus_days("t.received_on", FINAL_PLAN_DAYS)
    sql = template.format(
        group=_group(breakdown),
        group_by="GROUP BY t.grp" if breakdown else "",
        milestones=inner,
        received=_between("t.received_on"),
        issued=_between("t.issue_on"),
        not_issued=_between("t.not_issued_on"),
        final=_between("t.final_on"),
        in_time=f"(t.final_on <= {due})",
        excepted=(
            f"(t.excepted_from IS NOT NULL AND t.excepted_from <= t.final_on"
            f" AND t.excepted_from <= {due})"
        ),
        **parts,
    )
    return sql, names


def _run(sql: str, params: dict[str, Any], period: Period) -> list[tuple[Any, ...]]:
    params = {**params, "start": _date(period.start), "end": _date(period.end)}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def group_counts(period: Period, breakdown: Breakdown | None = None) -> dict[str, dict[str, int]]:
    """{group: {count name: value}} for every case-based count in `period`."""
    sql, params = _sql(_COUNTS, breakdown)
    return {
        str(row[0]): {
            name: int(value or 0) for name, value in zip(_COUNT_NAMES, row[1:], strict=True)
        }
        for row in _run(sql, params, period)
    }


_WEEKS_PG = """
SELECT {group} AS grp, COUNT(*),
  percentile_cont(0.5) WITHIN GROUP (ORDER BY {days}),
  percentile_cont(0.9) WITHIN GROUP (ORDER BY {days})
FROM ({milestones}) t WHERE {final} {group_by}
"""
_WEEKS_ROWS = "SELECT {group} AS grp, {days} FROM ({milestones}) t WHERE {final}"


def _percentile(ordered: list[float], fraction: float) -> float:
    """PostgreSQL's percentile_cont: linear interpolation between the two nearest values."""
    position = fraction * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def weeks_to_plan(period: Period, breakdown: Breakdown | None = None) -> dict[str, dict[str, Any]]:
    """{group: {"plans", "median_weeks", "p90_weeks"}}: weeks from request to final plan, for
    plans issued in `period`."""
    days = _days_between("t.received_on", "t.final_on")
    if connection.vendor == "postgresql":
        sql, params = _sql(_WEEKS_PG, breakdown, days=days)
        rows = _run(sql, params, period)
        return {
            str(grp): {"plans": n, "median_weeks": median / 7, "p90_weeks": p90 / 7}
            for grp, n, median, p90 in rows
            if n  # with no breakdown, no plans still gives one row of NULLs
        }
    sql, params = _sql(_WEEKS_ROWS, breakdown, days=days)
    grouped: dict[str, list[float]] = defaultdict(list)
    for grp, elapsed in _run(sql, params, period):
        grouped[str(grp)].append(float(elapsed))
    result = {}
    for grp, values in grouped.items():
        values.sort()
        median, p90 = (_percentile(values, f) / 7 for f in PERCENTILES)
        result[grp] = {"plans": len(values), "median_weeks": median, "p90_weeks": p90}
    return result


def advice_counts(
    period: Period, breakdown: Breakdown | None = None, *, by_contributor: bool = False
) -> dict[str, dict[str, int]]:
    """{group: {"advice", "advice_in_time"}}: advice received in `period`, and how much came
    within 6 weeks of the body being asked (reg. 8(1)): received <= requested + 42 days.
    Each piece of advice is paired with the latest request to that contributor before it."""
    asked = CaseEvent.objects.filter(
        case=OuterRef("case"),
        kind=EventKind.ADVICE_REQUESTED,
        contributor=OuterRef("contributor"),
        on__lte=OuterRef("on"),
    ).order_by("-on", "-id")
    advice = CaseEvent.objects.filter(
        kind=EventKind.ADVICE_RECEIVED, on__gte=period.start, on__lte=period.end
    ).annotate(requested_on=Subquery(asked.values("on")[:1], output_field=DateField()))
    group: str | None
    if by_contributor:
        group = "contributor"
    elif breakdown is not None:
        advice = advice.annotate(
            grp=breakdown.expression("case__child__", _request_received_on("case"))
        )
        group = "grp"
    else:
        group = None
    rows = advice.values(*([group] if group else []), "on", "requested_on")
    inner, inner_params = rows.query.sql_with_params()
    due = _plus_days("t.requested_on", ADVICE_DAYS)
    sql = (
        f"SELECT {'t.' + group if group else repr(ALL)}, COUNT(*),"  # noqa: S608
        f" SUM(CASE WHEN t.requested_on IS NOT NULL AND t.{connection.ops.quote_name('on')}"
        f" <= {due} THEN 1 ELSE 0 END) FROM ({inner}) t"
        f"{' GROUP BY t.' + group if group else ''}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, inner_params)
        return {
            str(grp): {"advice": int(n), "advice_in_time": int(in_time or 0)}
            for grp, n, in_time in cursor.fetchall()
        }


def overdue_counts(today: dt.date, breakdown: Breakdown | None = None) -> dict[str, dict[str, int]]:
    """{group: {"open", "overdue"}}: open cases, and those past a statutory deadline today, from
    the statutory clock's summary of each open case (kept by the caseload)."""
    summaries = summary_cache.summaries(today)
    overdue_ids = {case_id for case_id, s in summaries.items() if s.is_overdue}
    if breakdown is None:
        return {ALL: {"open": len(summaries), "overdue": len(overdue_ids)}}
    closed = CaseEvent.objects.filter(closing_steps(), case=OuterRef("pk"))
    groups = (
        Case.objects.filter(~Exists(closed))
        .annotate(grp=breakdown.expression("child__", _request_received_on("pk")))
        .values_list("pk", "grp")
    )
    open_by_group: Counter[str] = Counter()
    overdue_by_group: Counter[str] = Counter()
    for case_id, grp in groups.iterator(chunk_size=20_000):
        if case_id in summaries:
            open_by_group[grp] += 1
            overdue_by_group[grp] += case_id in overdue_ids
    return {g: {"open": n, "overdue": overdue_by_group[g]} for g, n in open_by_group.items()}


def dashboard_numbers(
    period: Period, today: dt.date, breakdown: Breakdown | None = None
) -> dict[str, dict[str, Any]]:
    """Every number the measures need, {group: {name: value}}, from four grouped queries."""
    sources = (
        group_counts(period, breakdown),
        weeks_to_plan(period, breakdown),
        advice_counts(period, breakdown),
        overdue_counts(today, breakdown),
    )
    numbers: dict[str, dict[str, Any]] = defaultdict(dict)
    for source in sources:
        for grp, values in source.items():
            numbers[grp].update(values)
    for values in numbers.values():
        decided = sum(values.get(k, 0) for k in ("not_assessed", "assessed", "withdrawn"))
        values["undecided"] = values.get("requests", 0) - decided
    return dict(numbers)


def years_with_requests(today: dt.date) -> list[int]:
    """Calendar years from the first request on record to this year, newest first."""
    first = CaseEvent.objects.filter(kind=EventKind.REQUEST_RECEIVED).aggregate(first=Min("on"))
    start = first["first"].year if first["first"] else today.year
    return list(range(today.year, start - 1, -1))
