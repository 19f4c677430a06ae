"""The rule machinery: what a finding is, what a rule is, the registry rules join with a
decorator, and `validate`, which runs every registered rule over a return.

A rule is a plain function that looks at one part of the return (the header, a person, or
one of a person's requests) and yields a `Problem` for each thing wrong with it; `validate`
turns problems into `Finding`s with the rule's id and severity and the Thrive ids of the
child and case, so the validation report can link to them."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from string import ascii_lowercase
from typing import Final, Literal

from thrive.law.identifiers import la_name
from thrive.returns.sen2.records import Header, Person, Request, Sen2Return
from thrive.returns.sen2.rules.years import YearSpec, year_spec

ERROR: Final = "error"
QUERY: Final = "query"
#: The reference's severities: E = reject before submission, Q = query (ask to confirm).
SEVERITIES: Final = {"E": ERROR, "Q": QUERY}

LA_NUMBER_LENGTH: Final = 3

Scope = Literal["header", "person", "request"]


@dataclass(frozen=True)
class Finding:
    """One thing wrong with the return, as the validation report shows it.

    ``item`` is the XML element concerned (e.g. ``RequestOutcomeDate``); ``location`` says
    where in the return it is without personal data ("Person 12, request 1"), for files
    read back that have no Thrive ids."""

    rule_id: str
    severity: str  # "error" or "query"
    message: str
    child_id: int | None
    case_id: int | None
    item: str
    location: str = ""


@dataclass(frozen=True)
class Problem:
    """What a rule function yields: the element concerned and the plain-English message."""

    item: str
    message: str


@dataclass(frozen=True)
class Context:
    """What every rule may consult besides the record it checks."""

    header: Header
    la_code: str
    spec: YearSpec

    @property
    def year(self) -> int:
        return self.header.year

    @property
    def reference_date(self) -> date:
        """The census day, as the header gives it."""
        return self.header.reference_date


def as_date(value: object) -> date | None:
    """``value`` if it is a date (not a datetime), else None: rules that compare dates skip
    values a reader could not parse, which T-GEN-1 reports once."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    return None


def la_number_problem(value: str, item: str, own_la: str) -> Problem | None:
    """A 3-digit DfE LA number item (LEA excepted) that is malformed, unknown or our own."""
    if not (len(value) == LA_NUMBER_LENGTH and value.isascii() and value.isdigit()):
        return Problem(item, f"{item} must be a 3-digit LA number, not {value!r}")
    if la_name(value) is None:
        return Problem(item, f"{item} {value} is not a recognised LA number")
    if value == own_la:
        return Problem(
            item, f"{item} is our own LA number ({value}): it should name the other authority"
        )
    return None


HeaderCheck = Callable[[Header, Context], Iterable[Problem]]
PersonCheck = Callable[[Person, Context], Iterable[Problem]]
RequestCheck = Callable[[Request, Person, Context], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """One check. ``id`` keeps the reference's published id (T-PER-2), with a letter when a
    compound check is split (T-PER-2a); ``summary`` says what is checked; ``basis`` where
    the check comes from (schema, guide, supplier, law or inference, as sen2-details.md
    section 5.2 tags it). What differs by collection year is read from ``Context.spec``.
    """

    id: str
    severity: str
    summary: str
    basis: str
    scope: Scope
    check: Callable[..., Iterable[Problem]]

    @property
    def published_id(self) -> str:
        """The reference's id without the split letter: T-PER-2a -> T-PER-2."""
        return self.id.rstrip(ascii_lowercase)


REGISTRY: Final[dict[str, Rule]] = {}


def _register(rule: Rule) -> None:
    if rule.id in REGISTRY:
        raise ValueError(f"Rule {rule.id} is registered twice.")
    if rule.severity not in SEVERITIES.values():
        raise ValueError(f"Rule {rule.id} has severity {rule.severity!r}.")
    REGISTRY[rule.id] = rule


def _rule[F: Callable[..., Iterable[Problem]]](
    scope: Scope, rule_id: str, severity: str, summary: str, basis: str
) -> Callable[[F], F]:
    def decorate(check: F) -> F:
        _register(Rule(rule_id, SEVERITIES[severity], summary, basis, scope, check))
        return check

    return decorate


def header_rule(
    rule_id: str, severity: str, summary: str, basis: str
) -> Callable[[HeaderCheck], HeaderCheck]:
    """Register ``check(header, ctx)``: severity "E" or "Q" as in the reference."""
    return _rule("header", rule_id, severity, summary, basis)


def person_rule(
    rule_id: str, severity: str, summary: str, basis: str
) -> Callable[[PersonCheck], PersonCheck]:
    """Register ``check(person, ctx)``."""
    return _rule("person", rule_id, severity, summary, basis)


def request_rule(
    rule_id: str, severity: str, summary: str, basis: str
) -> Callable[[RequestCheck], RequestCheck]:
    """Register ``check(request, person, ctx)``."""
    return _rule("request", rule_id, severity, summary, basis)


def rules_for(scope: Scope | None = None) -> list[Rule]:
    """The registered rules (of one scope, or all), in id order."""
    return [rule for _, rule in sorted(REGISTRY.items()) if scope is None or rule.scope == scope]


def _findings(
    rule: Rule, problems: Iterable[Problem], child: int | None, case: int | None, where: str
) -> Iterator[Finding]:
    for p in problems:
        yield Finding(rule.id, rule.severity, p.message, child, case, p.item, where)


def validate(ret: Sen2Return, *, la_code: str) -> list[Finding]:
    """Every finding for a return, header first, then person by person in file order.

    ``la_code`` is the 3-digit LA number of the authority making the return. The header's
    collection year picks the year settings (``years.year_spec``) the rules consult."""
    ctx = Context(header=ret.header, la_code=la_code, spec=year_spec(ret.header.year))
    header_rules = rules_for("header")
    person_rules = rules_for("person")
    request_rules = rules_for("request")
    found: list[Finding] = []
    for rule in header_rules:
        found.extend(_findings(rule, rule.check(ret.header, ctx), None, None, "Header"))
    for p_no, person in enumerate(ret.persons, start=1):
        where = f"Person {p_no}"
        for rule in person_rules:
            found.extend(_findings(rule, rule.check(person, ctx), person.child_id, None, where))
        for r_no, request in enumerate(person.requests, start=1):
            r_where = f"{where}, request {r_no}"
            for rule in request_rules:
                problems = rule.check(request, person, ctx)
                found.extend(_findings(rule, problems, person.child_id, request.case_id, r_where))
    return found
