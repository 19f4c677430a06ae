"""The dashboard's figures, counted in the database from the summary tables (`models`).

`CaseFacts` holds one row per case with its milestone dates, what follows from them (in time,
an exception applies, days to the plan) and its group in every breakdown, as of the last
refresh (`services.insight_refresh`, run by a task). So every figure here is a plain
`GROUP BY` over about one row per case with conditional counts, with DfE's definitions; no
page works out a milestone from the timelines again.

Every count is additive across groups (a child with a plan is counted on the case that gave
them their first plan), so the whole area's counts are the sum of the groups' and one query
serves both. Percentiles use PostgreSQL's `percentile_cont`; SQLite has none, so there the
per-plan days come back and `_percentile` (the same linear interpolation) finishes the job.
"Open cases past a deadline" needs the statutory clock, which the caseload already keeps for
every open case (`assessments.selectors.summary_cache`): the overdue cases' ids go to the
database in one parameter and are counted by group there.
"""

import datetime as dt
import json
from collections import defaultdict
from typing import Any

from django.db import connection
from django.db.models import Aggregate, Count, FloatField, Min, Q, QuerySet

from thrive.assessments.selectors import summary_cache

from .breakdowns import Breakdown
from .models import AdviceFacts, CaseFacts, Figures, Refresh
from .periods import Period

ALL = "all"  # the one group when no breakdown is asked for
PERCENTILES = (0.5, 0.9)


class _PercentileCont(Aggregate):
    """PostgreSQL's percentile_cont(fraction) WITHIN GROUP (ORDER BY expression)."""

    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression: Any, fraction: float) -> None:
        super().__init__(expression, fraction=float(fraction))


def _in(period: Period, field: str) -> Q:
    return Q(**{f"{field}__gte": period.start, f"{field}__lte": period.end})


def _case_counts(period: Period) -> dict[str, Count]:
    received = _in(period, "received_on")
    final = _in(period, "final_on")
    undecided = Q(assessed_on__isnull=True, not_assessed_on__isnull=True)
    counts = {
        "requests": received,
        "not_assessed": received & Q(not_assessed_on__isnull=False),
        "assessed": received & Q(assessed_on__isnull=False),
        "withdrawn": received & Q(withdrawn_on__isnull=False) & undecided,
        "assess_decided": Q(assessed_on__isnull=False)
        & (_in(period, "issue_on") | _in(period, "not_issued_on")),
        "not_issued": Q(assessed_on__isnull=False) & _in(period, "not_issued_on"),
        "plans": final,
        "plans_in_time": final & Q(plan_in_time=True),
        "plans_ex": final & Q(exception_applies=False),
        "plans_in_time_ex": final & Q(exception_applies=False, plan_in_time=True),
        # Children with a plan by the end of the period, each counted on their first plan.
        "active_plans": Q(childs_first_plan=True, final_on__lte=period.end),
        "open": Q(closed_on__isnull=True),  # open when the figures were counted
    }
    return {name: Count("pk", filter=condition) for name, condition in counts.items()}


def _grouped(
    rows: QuerySet[Any, Any], breakdown: Breakdown | None, **aggregates: Any
) -> dict[str, dict[str, Any]]:
    """{group: {name: value}}, one query: grouped by the breakdown's column, or the whole."""
    if breakdown is None:
        return {ALL: rows.aggregate(**aggregates)}
    values = rows.values(breakdown.key).annotate(**aggregates).order_by()
    return {row.pop(breakdown.key): row for row in values}


def _with_whole(grouped: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """The groups, and ALL: their sum (every count here is additive over groups)."""
    whole: dict[str, int] = defaultdict(int)
    for values in grouped.values():
        for name, value in values.items():
            whole[name] += value
    return {**grouped, ALL: dict(whole)}


def group_counts(period: Period, breakdown: Breakdown | None = None) -> dict[str, dict[str, int]]:
    """{group: {count name: value}} for every case-based count in `period`."""
    return _grouped(CaseFacts.objects.all(), breakdown, **_case_counts(period))


def _percentile(ordered: list[float], fraction: float) -> float:
    """PostgreSQL's percentile_cont: linear interpolation between the two nearest values."""
    position = fraction * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def _weeks(days: list[float]) -> dict[str, Any]:
    days.sort()
    median, p90 = (_percentile(days, f) / 7 for f in PERCENTILES)
    return {"plans": len(days), "median_weeks": median, "p90_weeks": p90}


def _weeks_to_plan(
    period: Period, breakdown: Breakdown | None, *, whole: bool
) -> dict[str, dict[str, Any]]:
    plans = CaseFacts.objects.filter(_in(period, "final_on"))
    if connection.vendor == "postgresql":
        aggregates = {
            "plans": Count("pk"),
            "median_days": _PercentileCont("days_to_plan", 0.5),
            "p90_days": _PercentileCont("days_to_plan", 0.9),
        }
        rows = _grouped(plans, breakdown, **aggregates)
        if whole and breakdown is not None:
            rows |= _grouped(plans, None, **aggregates)
        return {
            grp: {
                "plans": r["plans"],
                "median_weeks": r["median_days"] / 7,
                "p90_weeks": r["p90_days"] / 7,
            }
            for grp, r in rows.items()
            if r["plans"]  # with no breakdown, no plans still gives one row of NULLs
        }
    days: dict[str, list[float]] = defaultdict(list)
    column = breakdown.key if breakdown else None
    for grp, elapsed in plans.values_list(column or "pk", "days_to_plan").order_by():
        days[grp if column else ALL].append(float(elapsed))
        if whole and column:
            days[ALL].append(float(elapsed))
    return {grp: _weeks(values) for grp, values in days.items()}


def weeks_to_plan(period: Period, breakdown: Breakdown | None = None) -> dict[str, dict[str, Any]]:
    """{group: {"plans", "median_weeks", "p90_weeks"}}: weeks from request to final plan, for
    plans issued in `period`."""
    return _weeks_to_plan(period, breakdown, whole=False)


def advice_counts(
    period: Period, breakdown: Breakdown | None = None, *, by_contributor: bool = False
) -> dict[str, dict[str, int]]:
    """{group: {"advice", "advice_in_time"}}: advice received in `period`, and how much came
    within 6 weeks of the body being asked (reg. 8(1)): received <= requested + 42 days.
    Each piece of advice is paired with the latest request to that contributor before it."""
    advice = AdviceFacts.objects.filter(_in(period, "received_on"))
    counts = {"advice": Count("pk"), "advice_in_time": Count("pk", filter=Q(in_time=True))}
    if by_contributor:
        rows: Any = advice.values("contributor").annotate(**counts).order_by()
        return {row.pop("contributor"): row for row in rows}
    return _grouped(advice, breakdown, **counts)


def _ids_condition(ids: list[int]) -> tuple[str, list[Any]]:
    """`case_id` is one of `ids`, passed as one parameter whatever their number."""
    if connection.vendor == "postgresql":
        return "case_id = ANY(%s)", [ids]
    return "case_id IN (SELECT value FROM json_each(%s))", [json.dumps(ids)]


def overdue_counts(today: dt.date, breakdown: Breakdown | None = None) -> dict[str, dict[str, int]]:
    """{group: {"overdue"}}: cases open when the figures were counted (`open`) that
    are past a statutory deadline today, by the statutory clock's summary of each open case
    (kept by the caseload). A case opened since the refresh waits for the next one."""
    overdue = sorted(
        case_id for case_id, s in summary_cache.summaries(today).items() if s.is_overdue
    )
    table = CaseFacts._meta.db_table
    column = connection.ops.quote_name(breakdown.key) if breakdown else f"'{ALL}'"
    condition, params = _ids_condition(overdue)
    # Names from the model and the breakdowns, never from input.
    sql = (
        f"SELECT {column}, COUNT(*) FROM {table}"  # noqa: S608
        f" WHERE closed_on IS NULL AND {condition}"
        f"{f' GROUP BY {column}' if breakdown else ''}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    counts = {str(grp): {"overdue": int(n)} for grp, n in rows}
    return counts if breakdown else counts or {ALL: {"overdue": 0}}


def _merge(*sources: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    numbers: dict[str, dict[str, Any]] = defaultdict(dict)
    for source in sources:
        for grp, values in source.items():
            numbers[grp].update(values)
    for values in numbers.values():
        decided = sum(values.get(k, 0) for k in ("not_assessed", "assessed", "withdrawn"))
        values["undecided"] = values.get("requests", 0) - decided
    return dict(numbers)


def dashboard_figures(
    period: Period, today: dt.date, breakdown: Breakdown
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """(the whole area's numbers, {group: numbers}) for the page: every number the measures
    need, from one grouped query per source, the whole area's counts summed from the groups."""
    counts = _with_whole(group_counts(period, breakdown))
    advice = _with_whole(advice_counts(period, breakdown))
    overdue = _with_whole(overdue_counts(today, breakdown))
    weeks = _weeks_to_plan(period, breakdown, whole=True)
    numbers = _merge(counts, weeks, advice, overdue)
    whole = numbers.pop(ALL, {})
    return whole, numbers


def dashboard_numbers(
    period: Period, today: dt.date, breakdown: Breakdown | None = None
) -> dict[str, dict[str, Any]]:
    """Every number the measures need, {group: {name: value}}, from four grouped queries."""
    return _merge(
        group_counts(period, breakdown),
        weeks_to_plan(period, breakdown),
        advice_counts(period, breakdown),
        overdue_counts(today, breakdown),
    )


def years_with_requests(today: dt.date) -> list[int]:
    """Calendar years from the first request on record to this year, newest first."""
    first = CaseFacts.objects.aggregate(first=Min("received_on"))["first"]
    start = first.year if first else today.year
    return list(range(today.year, start - 1, -1))


def last_refresh() -> Refresh | None:
    """When the figures were last counted (if ever) and last asked for."""
    return Refresh.objects.first()


def stored_figures(
    as_of: dt.datetime, period: Period, breakdown: Breakdown
) -> dict[str, Any] | None:
    """The figures worked out for `period` by `breakdown` from the refresh at `as_of`, if any:
    {"whole": {...}, "groups": {group: {...}}}."""
    numbers = (
        Figures.objects.filter(
            as_of=as_of, start=period.start, end=period.end, breakdown=breakdown.key
        )
        .values_list("numbers", flat=True)
        .first()
    )
    return numbers
