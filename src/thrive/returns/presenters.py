"""Display-ready rows for the SEN2 validation report: counts by rule, and the findings child
by child with their case reference and the link to the case to put them right. Case
references and ids only: no names on the report."""

from collections import defaultdict
from dataclasses import dataclass

from django.urls import reverse

from thrive.assessments.models import Case
from thrive.returns.selectors import Sen2Report
from thrive.returns.sen2.build import period_for, return_counts
from thrive.returns.sen2.rules.base import ERROR, REGISTRY, Finding

SEVERITY_LABELS = {ERROR: "Error", "query": "Query"}


@dataclass(frozen=True)
class RuleRow:
    rule_id: str
    summary: str
    severity: str
    count: int
    open: int  # errors, or queries not yet confirmed


@dataclass(frozen=True)
class FindingRow:
    rule_id: str
    severity: str
    item: str
    message: str
    confirmed: bool
    case_id: int | None
    child_id: int | None
    can_confirm: bool


@dataclass(frozen=True)
class ChildRow:
    child_id: int | None
    reference: str  # the case reference(s), or "The return's header"
    link: str
    findings: list[FindingRow]


def _reference(case_id: int | None) -> str:
    return Case(pk=case_id).reference if case_id else ""


def rule_rows(report: Sen2Report) -> list[RuleRow]:
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_rule[f.rule_id].append(f)
    rows = []
    for rule_id, found in sorted(by_rule.items()):
        rule = REGISTRY.get(rule_id)
        severity = found[0].severity
        rows.append(
            RuleRow(
                rule_id=rule_id,
                summary=rule.summary if rule else found[0].message,
                severity=SEVERITY_LABELS.get(severity, severity),
                count=len(found),
                open=sum(1 for f in found if not report.is_confirmed(f)),
            )
        )
    return sorted(rows, key=lambda r: (r.severity != "Error", -r.open, r.rule_id))


def child_rows(report: Sen2Report) -> list[ChildRow]:
    """One row per child with findings (the header's findings first), in file order."""
    grouped: dict[int | None, list[Finding]] = defaultdict(list)
    for f in report.findings:
        grouped[f.child_id].append(f)
    # A finding about the person (not one request) links to the person's first case.
    person_cases = {
        p.child_id: sorted(r.case_id for r in p.requests if r.case_id) for p in report.ret.persons
    }
    rows = []
    for child_id, found in grouped.items():
        cases = (
            sorted({f.case_id for f in found if f.case_id}) or person_cases.get(child_id, [])[:1]
        )
        reference = ", ".join(_reference(c) for c in cases) or "The return's header"
        target = cases[0] if cases else None
        link = reverse("assessments:case_detail", args=[target]) if target else ""
        findings = [
            FindingRow(
                rule_id=f.rule_id,
                severity=SEVERITY_LABELS.get(f.severity, f.severity),
                item=f.item,
                message=f.message,
                confirmed=report.is_confirmed(f),
                case_id=f.case_id,
                child_id=f.child_id,
                can_confirm=f.severity != ERROR and not report.is_confirmed(f),
            )
            for f in found
        ]
        rows.append(ChildRow(child_id, reference, link, findings))
    return sorted(rows, key=lambda r: (r.child_id is not None, r.child_id or 0))


@dataclass(frozen=True)
class Summary:
    persons: int
    requests: int
    new_plans: int
    active_plans: int
    errors: int
    queries: int
    open_queries: int


def summary(report: Sen2Report) -> Summary:
    start, end = period_for(report.year)
    counts = return_counts(report.ret, start, end)
    requests = [r for p in report.ret.persons for r in p.requests]
    return Summary(
        persons=len(report.ret.persons),
        requests=counts.requests,
        new_plans=counts.plans,
        active_plans=sum(1 for r in requests if r.active_plan is not None),
        errors=len(report.errors),
        queries=len(report.queries),
        open_queries=len(report.open_queries),
    )
