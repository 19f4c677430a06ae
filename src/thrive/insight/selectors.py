"""The dashboard's figures, counted in the database from the summary tables (`models`).

`CaseFacts` holds one row per case with its milestone dates, what follows from them (in time,
an exception applies, days to the plan) and its group in every breakdown, as of the last
refresh (`services.insight_refresh`, run by a task). So every figure here is a plain
`GROUP BY` over about one row per case with conditional counts, with DfE's definitions; no
page works out a milestone from the timelines again.

Every count is additive across groups (a child with a plan is counted on the case that gave
them their first plan), so the groups add up to the whole area. On PostgreSQL one pass per
source counts every breakdown and the whole area at once (GROUPING SETS). Percentiles use
PostgreSQL's `percentile_cont`; SQLite has none, so there the per-plan days come back and
`_percentile` (the same linear interpolation) finishes the job.
"Open cases past a deadline" needs the statutory clock, which the caseload already keeps for
every open case (`assessments.selectors.summary_cache`): the overdue cases' ids go to the
database in one parameter and are counted by group there.
"""

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Aggregate, Count, FloatField, Min, Q, QuerySet
from django.db.models.expressions import RawSQL

from thrive.assessments.selectors import summary_cache

from .breakdowns import BREAKDOWNS, Breakdown
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


Grouped = dict[str, dict[str, Any]]  # {group: {name: value}}
ByBreakdown = dict[str, Grouped]  # {breakdown key: Grouped}, and ALL: {ALL: the whole area}


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


def _grouped_by_each(
    rows: QuerySet[Any, Any], breakdowns: Sequence[Breakdown], **aggregates: Any
) -> ByBreakdown:
    """The aggregates by each breakdown and for the whole area. PostgreSQL does it in one pass
    over the rows (GROUPING SETS, which Django's ORM cannot say: its own query has its GROUP
    BY swapped); elsewhere one query per breakdown."""
    if not breakdowns or connection.vendor != "postgresql":
        each = {b.key: _grouped(rows, b, **aggregates) for b in breakdowns}
        return each | {ALL: _grouped(rows, None, **aggregates)}
    keys = [b.key for b in breakdowns]
    query = rows.values(*keys).annotate(**aggregates).order_by()
    sql, params = query.query.get_compiler(using=query.db).as_sql()
    sets = ", ".join(f"({connection.ops.quote_name(key)})" for key in keys)
    sql, swapped = re.subn(r" GROUP BY [0-9, ]+$", f" GROUP BY GROUPING SETS ({sets}, ())", sql)
    if swapped != 1:
        raise RuntimeError(f"Unexpected GROUP BY in the dashboard's query: {sql[-200:]}")
    result: ByBreakdown = {key: {} for key in [*keys, ALL]}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        for row in cursor.fetchall():
            values = dict(zip(names, row, strict=True))
            # A breakdown's group is never NULL ("" when not recorded), so the one column
            # that is not NULL says which set the row belongs to; none: the whole area.
            groups = [(key, values.pop(key)) for key in keys]
            key, group = next(((k, g) for k, g in groups if g is not None), (ALL, ALL))
            result[key][group] = values
    return result


def _counts_by_each(period: Period, breakdowns: Sequence[Breakdown]) -> ByBreakdown:
    return _grouped_by_each(CaseFacts.objects.all(), breakdowns, **_case_counts(period))


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


def _weeks_by_each(period: Period, breakdowns: Sequence[Breakdown]) -> ByBreakdown:
    plans = CaseFacts.objects.filter(_in(period, "final_on"))
    if connection.vendor == "postgresql":
        rows = _grouped_by_each(
            plans,
            breakdowns,
            plans=Count("pk"),
            median_days=_PercentileCont("days_to_plan", 0.5),
            p90_days=_PercentileCont("days_to_plan", 0.9),
        )
        return {
            key: {
                grp: {
                    "plans": r["plans"],
                    "median_weeks": r["median_days"] / 7,
                    "p90_weeks": r["p90_days"] / 7,
                }
                for grp, r in grouped.items()
                if r["plans"]  # the whole area with no plans still gives one row of NULLs
            }
            for key, grouped in rows.items()
        }
    keys = [b.key for b in breakdowns]
    days: dict[str, dict[str, list[float]]] = {key: defaultdict(list) for key in [*keys, ALL]}
    for *groups, elapsed in plans.values_list(*keys, "days_to_plan").order_by():
        for key, grp in zip(keys, groups, strict=True):
            days[key][grp].append(float(elapsed))
        days[ALL][ALL].append(float(elapsed))
    return {key: {grp: _weeks(v) for grp, v in grouped.items()} for key, grouped in days.items()}


def weeks_to_plan(period: Period, breakdown: Breakdown | None = None) -> dict[str, dict[str, Any]]:
    """{group: {"plans", "median_weeks", "p90_weeks"}}: weeks from request to final plan, for
    plans issued in `period`."""
    return _weeks_by_each(period, [breakdown] if breakdown else [])[
        breakdown.key if breakdown else ALL
    ]


_ADVICE_COUNTS = {"advice": Count("pk"), "advice_in_time": Count("pk", filter=Q(in_time=True))}


def _advice_by_each(period: Period, breakdowns: Sequence[Breakdown]) -> ByBreakdown:
    advice = AdviceFacts.objects.filter(_in(period, "received_on"))
    return _grouped_by_each(advice, breakdowns, **_ADVICE_COUNTS)


def advice_counts(
    period: Period, breakdown: Breakdown | None = None, *, by_contributor: bool = False
) -> dict[str, dict[str, int]]:
    """{group: {"advice", "advice_in_time"}}: advice received in `period`, and how much came
    within 6 weeks of the body being asked (reg. 8(1)): received <= requested + 42 days.
    Each piece of advice is paired with the latest request to that contributor before it."""
    advice = AdviceFacts.objects.filter(_in(period, "received_on"))
    if by_contributor:
        rows: Any = advice.values("contributor").annotate(**_ADVICE_COUNTS).order_by()
        return {row.pop("contributor"): row for row in rows}
    return _grouped(advice, breakdown, **_ADVICE_COUNTS)


def _one_of(ids: list[int]) -> RawSQL:
    """A subquery giving `ids`, passed as one parameter whatever their number."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


def _overdue_by_each(today: dt.date, breakdowns: Sequence[Breakdown]) -> ByBreakdown:
    """Cases open when the figures were counted (`open`) that are past a statutory deadline
    today, by the statutory clock's summary of each open case (kept by the caseload). A case
    opened since the refresh waits for the next one."""
    overdue = sorted(
        case_id for case_id, s in summary_cache.summaries(today).items() if s.is_overdue
    )
    rows = CaseFacts.objects.filter(closed_on__isnull=True, case_id__in=_one_of(overdue))
    return _grouped_by_each(rows, breakdowns, overdue=Count("pk"))


def overdue_counts(today: dt.date, breakdown: Breakdown | None = None) -> dict[str, dict[str, int]]:
    """{group: {"overdue"}}: open cases past a statutory deadline today (`_overdue_by_each`)."""
    return _overdue_by_each(today, [breakdown] if breakdown else [])[
        breakdown.key if breakdown else ALL
    ]


def _merge(*sources: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    numbers: dict[str, dict[str, Any]] = defaultdict(dict)
    for source in sources:
        for grp, values in source.items():
            numbers[grp].update(values)
    for values in numbers.values():
        decided = sum(values.get(k, 0) for k in ("not_assessed", "assessed", "withdrawn"))
        values["undecided"] = values.get("requests", 0) - decided
    return dict(numbers)


Figures_ = tuple[dict[str, Any], Grouped]  # (the whole area's numbers, {group: numbers})


def _figures_by_each(
    period: Period, today: dt.date, breakdowns: Sequence[Breakdown]
) -> dict[str, Figures_]:
    sources = (
        _counts_by_each(period, breakdowns),
        _weeks_by_each(period, breakdowns),
        _advice_by_each(period, breakdowns),
        _overdue_by_each(today, breakdowns),
    )
    whole = _merge(*(source[ALL] for source in sources))[ALL]
    return {b.key: (whole, _merge(*(source[b.key] for source in sources))) for b in breakdowns}


def dashboard_figures(period: Period, today: dt.date, breakdown: Breakdown) -> Figures_:
    """(the whole area's numbers, {group: numbers}) for the page: every number the measures
    need, from one grouped query per source."""
    return _figures_by_each(period, today, [breakdown])[breakdown.key]


def figures_by_every_breakdown(period: Period, today: dt.date) -> dict[str, Figures_]:
    """`dashboard_figures` for every breakdown, {breakdown key: figures}: on PostgreSQL one
    pass over the summary tables per source for all of them."""
    return _figures_by_each(period, today, list(BREAKDOWNS.values()))


def dashboard_numbers(
    period: Period, today: dt.date, breakdown: Breakdown | None = None
) -> dict[str, dict[str, Any]]:
    """Every number the measures need, {group: {name: value}} ({ALL: ...} with no breakdown)."""
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
