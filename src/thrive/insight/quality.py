"""The quality of EHC plans, for the dashboard: how many plans issued in a period were audited,
how the audits completed in it rated plans overall and section by section, month by month, by
team and by locality, and which automated checks found most. And, for the case work team, the
plans behind each of those figures.

Audits are few (at most a few per plan a year), so every figure is one grouped query over the
quality app's own tables, with no summary table. Section grades are not stored: an audit works
them out from its ratings when it is shown (`thrive.quality.scoring`), so `section_grades`
works out every audit's in the database by the same rules, and counts them there.

`Audit.findings` holds the automated checks' findings on the version when its audit was
completed: a JSON list of {"check", "title", "section", "blocking"}. The database unpacks it
(PostgreSQL's jsonb_array_elements, SQLite's json_each), leaving out anything that is not a
finding with a check."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import (
    Avg,
    CharField,
    Count,
    Exists,
    Expression,
    F,
    FloatField,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models import Case as When_
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, TruncMonth
from django.utils import timezone

from thrive.accounts.policy import restrict_cases
from thrive.assessments.models import Case
from thrive.plans.models import PlanVersion, VersionKind
from thrive.quality.models import AgreedRating, Audit, AuditorRating, AuditStatus, Rating

from .breakdowns import BREAKDOWNS, NOT_RECORDED
from .periods import Period

#: The versions that issue a plan: the final plan and each final amended plan.
FINAL_KINDS = (VersionKind.FINAL, VersionKind.AMENDED_FINAL)
GOOD_OR_BETTER = (Rating.OUTSTANDING.value, Rating.GOOD.value)
BETTER = "good_or_better"  # a drill-down's rating for "good or outstanding"

Counts = dict[str, int]  # {rating value: audits, ..., "audits": all of them}


# --- What is counted ---------------------------------------------------------------------


def _moments(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The first moment of `first` and the first moment after `last`, in the council's time."""
    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min))
    return start, end


def completed_audits(period: Period) -> QuerySet[Audit]:
    """Audits completed in `period` (the council's days). A version audited twice counts twice:
    each audit is a judgement of the plan as it stood."""
    start, end = _moments(period.start, period.end)
    return Audit.objects.filter(
        status=AuditStatus.COMPLETE, completed_at__gte=start, completed_at__lt=end
    )


def issued_plans(period: Period) -> QuerySet[PlanVersion]:
    """Final and final amended plans issued in `period`."""
    return PlanVersion.objects.filter(
        kind__in=FINAL_KINDS, issued_on__gte=period.start, issued_on__lte=period.end
    )


def _audited() -> Q:
    """A plan version with a complete audit of its own, or of the draft it was based on."""
    complete = Audit.objects.filter(status=AuditStatus.COMPLETE)
    return Q(Exists(complete.filter(version=OuterRef("pk")))) | Q(
        Exists(complete.filter(version=OuterRef("based_on")))
    )


def _rating_counts() -> dict[str, Count]:
    counts = {r.value: Count("pk", filter=Q(overall_rating=r.value)) for r in Rating}
    return counts | {"audits": Count("pk")}


def _team() -> Expression:
    """The team recorded for the case's case officer now; "" when none is recorded."""
    return Coalesce(
        F("version__plan__case__case_officer__team"), Value(NOT_RECORDED), output_field=CharField()
    )


def _locality() -> Expression:
    """The child's postcode district now, as the dashboard's locality breakdown has it."""
    return BREAKDOWNS["locality"].expression("version__plan__case__child__", None)


#: The groups audits are compared by: {key: the group's expression over an audit}.
GROUPINGS = {"team": _team, "locality": _locality}


# --- The figures -------------------------------------------------------------------------


def plans_audited(period: Period) -> Counts:
    """{"plans": issued in `period`, "audited": of which with a complete audit}."""
    counts: Counts = issued_plans(period).aggregate(
        plans=Count("pk"), audited=Count("pk", filter=_audited())
    )
    return counts


def overall_ratings(period: Period) -> Counts:
    """Audits completed in `period` by overall rating, and all of them ("audits")."""
    counts: Counts = completed_audits(period).aggregate(**_rating_counts())
    return counts


def ratings_by_month(period: Period) -> dict[dt.date, Counts]:
    """{first day of the month: counts} for each month of `period` with an audit completed."""
    rows: Any = (
        completed_audits(period)
        .annotate(month=TruncMonth("completed_at"))
        .values("month")
        .annotate(**_rating_counts())
        .order_by("month")
    )
    return {timezone.localtime(row.pop("month")).date(): row for row in rows}


def ratings_by(period: Period, grouping: str) -> dict[str, Counts]:
    """{group: counts} for audits completed in `period`, grouped by team or by locality."""
    rows: Any = (
        completed_audits(period)
        .annotate(grp=GROUPINGS[grouping]())
        .values("grp")
        .annotate(**_rating_counts())
        .order_by()
    )
    return {row.pop("grp"): row for row in rows}


# --- Section grades, worked out in the database ------------------------------------------

#: A mean exactly half-way between two grades takes the lower one (scoring rule 3). The means
#: are fractions with small denominators, so one above the half-way mark passes it by far more
#: than the rounding error of floating point.
_ROUNDING = 1e-9


def _points(field: str) -> When_:
    """A rating's points, as scoring counts them: Outstanding 4 down to Inadequate 1."""
    whens = [When(**{field: r.value}, then=Value(r.order)) for r in Rating]
    return When_(*whens, output_field=IntegerField())


def _criterion_points(audits: QuerySet[Audit]) -> QuerySet[Any]:
    """One row per rated criterion of each audit: its section, weight and points, which are
    the rating agreed at moderation if there is one, else the mean of its auditors' (rule 1)."""
    agreed = AgreedRating.objects.filter(
        moderation__audit=OuterRef("audit"), criterion=OuterRef("criterion")
    ).values(points=_points("rating"))[:1]
    return (
        AuditorRating.objects.filter(audit__in=audits.values("pk"))
        .values(
            audit_ref=F("audit"),
            criterion_ref=F("criterion"),
            section_code=F("criterion__section"),
            weight_value=F("criterion__weight"),
        )
        .annotate(
            points=Coalesce(
                Cast(Subquery(agreed), FloatField()),
                Cast(Avg(_points("rating")), FloatField()),
            )
        )
        .order_by()
    )


def _graded_sections(audits: QuerySet[Audit]) -> tuple[str, list[Any]]:
    """SQL giving (audit_ref, section_code, grade) for each section each audit rated: the
    weighted mean of its criteria's points (rule 3), as a `Rating` value."""
    inner, inner_params = _criterion_points(audits).query.sql_with_params()
    grades = [Rating.OUTSTANDING, Rating.GOOD, Rating.REQUIRES_IMPROVEMENT]
    cases = " ".join("WHEN mean > %s THEN %s" for _ in grades)
    params: list[Any] = []
    for rating in grades:
        params += [rating.order - 0.5 + _ROUNDING, rating.value]
    means = (
        "SELECT audit_ref, section_code, SUM(weight_value * points) / SUM(weight_value) AS mean "
        "FROM ({}) per_criterion GROUP BY audit_ref, section_code"
    )
    mean = means.format(inner)
    sql = f"SELECT audit_ref, section_code, CASE {cases} ELSE %s END AS grade FROM ({mean}) m"  # noqa: S608
    return sql, [*params, Rating.INADEQUATE.value, *inner_params]


def section_grades(period: Period) -> dict[str, Counts]:
    """{section code: {rating value: audits giving the section that grade, "audits": all}}
    for audits completed in `period`."""
    graded, params = _graded_sections(completed_audits(period))
    counted = "SELECT section_code, grade, COUNT(*) FROM ({}) graded GROUP BY section_code, grade"
    sql = counted.format(graded)
    result: dict[str, Counts] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for section, grade, count in cursor.fetchall():  # at most 4 rows a section
            counts = result.setdefault(section, {r.value: 0 for r in Rating} | {"audits": 0})
            counts[grade] = count
            counts["audits"] += count
    return result


def _audits_with_section(audits: QuerySet[Audit], section: str, grade: str) -> RawSQL:
    """The ids of `audits` that graded `section` (`grade`, or any grade when it is "")."""
    graded, params = _graded_sections(audits)
    sql = f"SELECT audit_ref FROM ({graded}) graded WHERE section_code = %s"  # noqa: S608
    params = [*params, section]
    if grade:
        sql += " AND grade = %s"
        params.append(grade)
    return RawSQL(sql, params)  # noqa: S611 (the SQL is Thrive's; the values are parameters)


# --- Automated findings ------------------------------------------------------------------


@dataclass(frozen=True)
class _JsonDialect:
    """How one database unpacks each audit's findings (`a.found`) into elements `f`."""

    elements: str
    is_object: str
    text: str  # an element's text at key {key}
    blocking: str  # 1 when the element says "blocking": true, else 0
    joined: str  # the distinct values of {expression}, joined by commas


_POSTGRESQL = _JsonDialect(
    elements="CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a.found) = 'array' "
    "THEN a.found ELSE '[]'::jsonb END) AS f(value)",
    is_object="jsonb_typeof(f.value) = 'object'",
    text="(f.value ->> '{key}')",
    blocking="CASE WHEN f.value -> 'blocking' = 'true'::jsonb THEN 1 ELSE 0 END",
    joined="string_agg(DISTINCT {expression}, ',')",
)
_SQLITE = _JsonDialect(
    elements=", json_each(CASE WHEN json_type(a.found) = 'array' THEN a.found ELSE '[]' END) AS f",
    is_object="f.type = 'object'",
    text="json_extract(f.value, '$.{key}')",
    blocking="CASE WHEN json_type(f.value, '$.blocking') = 'true' THEN 1 ELSE 0 END",
    joined="group_concat(DISTINCT {expression})",
)


def _dialect() -> _JsonDialect:
    return _POSTGRESQL if connection.vendor == "postgresql" else _SQLITE


def _findings_of(audits: QuerySet[Audit]) -> tuple[str, list[Any], _JsonDialect]:
    """FROM and WHERE for every finding (`f`) of `audits` (`a`) that names a check."""
    inner, params = audits.values(audit_ref=F("pk"), found=F("findings")).query.sql_with_params()
    d = _dialect()
    check = d.text.format(key="check")
    sql = f"FROM ({inner}) a {d.elements} WHERE {d.is_object} AND COALESCE({check}, '') <> ''"
    return sql, list(params), d


@dataclass(frozen=True)
class FindingCount:
    check: str
    title: str
    sections: tuple[str, ...]  # where in the plan it was found, in the Regulations' order
    blocking: bool
    audits: int  # audits whose plan version had this finding, however many times


def findings_counts(period: Period) -> list[FindingCount]:
    """Each automated check found in audits completed in `period`, with the number of audits
    that found it, most often found first, and the sections it was found in. Should a check's
    title have changed over time, the greatest (in sort order) is shown; it blocks issue if
    any of its findings did."""
    source, params, d = _findings_of(completed_audits(period))
    of = {key: d.text.format(key=key) for key in ("check", "title", "section")}
    sections = d.joined.format(expression=of["section"])
    columns = f"{of['check']}, MAX({of['title']}), {sections}, MAX({d.blocking})"
    columns += ", COUNT(DISTINCT a.audit_ref)"
    sql = f"SELECT {columns} {source} GROUP BY 1 ORDER BY 5 DESC, 1"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()  # one row per check
    return [
        FindingCount(str(check), title or str(check), _sections(codes), bool(blocking), audits)
        for check, title, codes, blocking, audits in rows
    ]


def _sections(joined: str | None) -> tuple[str, ...]:
    """Section codes joined by commas, in the Regulations' order (which is also the order they
    sort in: A to G, H1, H2, I to K)."""
    return tuple(sorted({code for code in (joined or "").split(",") if code}))


def _audits_with_finding(audits: QuerySet[Audit], check: str) -> RawSQL:
    source, params, d = _findings_of(audits)
    sql = f"SELECT a.audit_ref {source} AND {d.text.format(key='check')} = %s"
    return RawSQL(sql, [*params, check])  # noqa: S611 (the SQL is Thrive's; the values are parameters)


# --- The plans behind a figure -----------------------------------------------------------


@dataclass(frozen=True)
class Drill:
    """Which audits a figure counts: those completed in the period, narrowed by any of their
    overall rating (or `BETTER`), a section's grade, the month, team, locality and check.
    `team` and `locality` are None when not asked for ("" is the group not recorded)."""

    rating: str = ""
    section: str = ""
    section_rating: str = ""
    month: dt.date | None = None
    team: str | None = None
    locality: str | None = None
    check: str = ""


def _visible(user: Any) -> QuerySet[Case]:
    return restrict_cases(user, Case.objects.all())


def plans_for(*, user: Any, period: Period, audited: bool | None = None) -> QuerySet[PlanVersion]:
    """Plans issued in `period` that `user` may see, newest first: all, or only those with
    (`audited`) or without a complete audit. Each has `rating`, its latest audit's rating."""
    latest = (
        Audit.objects.filter(status=AuditStatus.COMPLETE)
        .filter(Q(version=OuterRef("pk")) | Q(version=OuterRef("based_on")))
        .order_by("-completed_at", "-pk")
    )
    plans = issued_plans(period).filter(plan__case__in=_visible(user))
    if audited is not None:
        plans = plans.filter(_audited()) if audited else plans.exclude(_audited())
    return (
        plans.annotate(rating=Subquery(latest.values("overall_rating")[:1]))
        .select_related("plan__case__child")
        .order_by("-issued_on", "-pk")
    )


def audits_for(*, user: Any, period: Period, drill: Drill) -> QuerySet[Audit]:
    """Audits completed in `period` that `drill` picks out and `user` may see, newest first."""
    every = completed_audits(period)
    audits = every.filter(version__plan__case__in=_visible(user))
    if drill.rating == BETTER:
        audits = audits.filter(overall_rating__in=GOOD_OR_BETTER)
    elif drill.rating:
        audits = audits.filter(overall_rating=drill.rating)
    if drill.section:
        audits = audits.filter(
            pk__in=_audits_with_section(every, drill.section, drill.section_rating)
        )
    if drill.month is not None:
        last = (drill.month + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        start, end = _moments(drill.month, last)
        audits = audits.filter(completed_at__gte=start, completed_at__lt=end)
    if drill.team is not None:
        audits = audits.alias(grp=_team()).filter(grp=drill.team)
    if drill.locality is not None:
        audits = audits.alias(locality=_locality()).filter(locality=drill.locality)
    if drill.check:
        audits = audits.filter(pk__in=_audits_with_finding(every, drill.check))
    return audits.select_related("version__plan__case__child").order_by("-completed_at", "-pk")


def years_with_quality(today: dt.date) -> list[int]:
    """Calendar years from the first plan issued or audit completed (or last year, the page's
    first choice) to this year, newest first."""
    first_plan = PlanVersion.objects.filter(kind__in=FINAL_KINDS).aggregate(first=Min("issued_on"))[
        "first"
    ]
    first_audit = Audit.objects.filter(status=AuditStatus.COMPLETE).aggregate(
        first=Min("completed_at")
    )["first"]
    years = [today.year - 1]
    if first_plan:
        years.append(first_plan.year)
    if first_audit:
        years.append(timezone.localtime(first_audit).year)
    return list(range(today.year, min(years) - 1, -1))
