"""The ways each measure is split to compare groups of children (equity): where they live, their
primary need, their age when the request arrived, sex, ethnicity and the type of setting.

Each breakdown is an ORM expression over a child (`prefix` is the path to the child, such as
"child__" from a case) so the grouping happens in the database. The refresh
(`services.insight_refresh`) stores each case's group in the summary tables, in the column
named by the breakdown's key, and the dashboard's queries group by that column."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Case as When_
from django.db.models import CharField, Expression, F, Func, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce, Left, Length, Replace, Upper
from django.db.models.lookups import GreaterThanOrEqual, LessThan

from thrive.law import codes

NOT_RECORDED = ""  # the group for children whose value is missing


@dataclass(frozen=True)
class Breakdown:
    key: str
    name: str  # "Locality (postcode district)"
    expression: Callable[[str, Any], Expression]  # (prefix to the child, received-on expression)
    label: Callable[[str], str]

    def group_label(self, code: str) -> str:
        return "Not recorded" if code == NOT_RECORDED else self.label(code)


def _field(name: str) -> Callable[[str, Any], Expression]:
    def expression(prefix: str, received_on: Any) -> Expression:
        return Coalesce(F(f"{prefix}{name}"), Value(NOT_RECORDED), output_field=CharField())

    return expression


def _locality(prefix: str, received_on: Any) -> Expression:
    """The postcode district: the outward code, everything but the last three characters of the
    postcode once spaces are removed ("BN3 1AA" and "BN31AA" both give BN3)."""
    compact = Upper(Replace(F(f"{prefix}postcode"), Value(" "), Value("")))
    return When_(
        When(Q(**{f"{prefix}postcode": ""}), then=Value(NOT_RECORDED)),
        default=Left(compact, Length(compact) - 3),
        output_field=CharField(),
    )


# (first age, group) from the oldest group down, read from thrive.law.codes.age_group itself.
_AGE_GROUP_STARTS = [
    (age, codes.age_group(age))
    for age in range(codes.MAX_AGE, -1, -1)
    if age == 0 or codes.age_group(age) != codes.age_group(age - 1)
]


class _DatePart(Func):
    """A date's year (`YYYY`) or month and day as one number (`MMDD`: 3 May is 503), in the
    database's own functions. Django's Extract calls a Python function for every row on
    SQLite, which costs seconds over every case."""

    output_field = IntegerField()
    _POSTGRESQL = {  # date_part gives a float; EXTRACT a numeric, several times slower
        "YYYY": "date_part('year', {0})",
        "MMDD": "(date_part('month', {0}) * 100 + date_part('day', {0}))",
    }
    _SQLITE = {"YYYY": "%Y", "MMDD": "%m%d"}  # strftime's formats, passed as parameters

    def __init__(self, expression: Any, part: str) -> None:
        super().__init__(expression)
        self.part = part

    def as_sql(
        self,
        compiler: Any,
        connection: Any,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> tuple[str, tuple[Any, ...]]:
        sql, params = compiler.compile(self.source_expressions[0])
        repeated = tuple(params) * (1 if self.part == "YYYY" else 2)  # MMDD names it twice
        return f"CAST({self._POSTGRESQL[self.part].format(sql)} AS INTEGER)", repeated

    def as_sqlite(
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, tuple[Any, ...]]:
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(strftime(%s, {sql}) AS INTEGER)", (self._SQLITE[self.part], *params)


def _age_group(prefix: str, received_on: Any) -> Expression:
    """DfE's age group on the day the request was received (SEN2 statistics, note 1: "age on
    the date the request for the EHC needs assessment was received"), in completed years
    counted as thrive.law.codes.age_on counts them (a 29 February birthday falls on 1 March)."""
    born = F(f"{prefix}date_of_birth")
    before_birthday = When(
        LessThan(_DatePart(received_on, "MMDD"), _DatePart(born, "MMDD")), then=Value(1)
    )
    age = (
        _DatePart(received_on, "YYYY")
        - _DatePart(born, "YYYY")
        - When_(before_birthday, default=Value(0), output_field=IntegerField())
    )
    groups = [
        When(GreaterThanOrEqual(age, start), then=Value(code)) for start, code in _AGE_GROUP_STARTS
    ]
    return When_(*groups, output_field=CharField())


BREAKDOWNS: dict[str, Breakdown] = {
    b.key: b
    for b in (
        Breakdown("locality", "Locality (postcode district)", _locality, lambda code: code),
        Breakdown("primary_need", "Primary need", _field("primary_need"), codes.SEN_TYPES.label),
        Breakdown("age_group", "Age when the request arrived", _age_group, codes.AGE_GROUPS.label),
        Breakdown("sex", "Sex", _field("sex"), codes.SEXES.label),
        Breakdown("ethnicity", "Ethnicity", _field("ethnicity"), codes.ETHNICITIES.label),
        Breakdown(
            "setting_type",
            "Type of setting",
            _field("setting__establishment_type"),
            codes.ESTABLISHMENT_TYPES.label,
        ),
    )
}
