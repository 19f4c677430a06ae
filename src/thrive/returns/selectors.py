"""Reads for the SEN2 pages: the return for a collection year as the records stand, its
validation findings and which queries have been confirmed. The caller has already checked
the user may see children's records (the return holds names)."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings

from thrive.returns.models_sen2 import Sen2QueryConfirmation
from thrive.returns.sen2.build import build_return, reference_date_for
from thrive.returns.sen2.records import Sen2Return
from thrive.returns.sen2.rules import validate
from thrive.returns.sen2.rules.base import ERROR, QUERY, Finding

FindingKey = tuple[str, int | None, int | None, str]  # rule, child, case, element


def finding_key(finding: Finding) -> FindingKey:
    return (finding.rule_id, finding.child_id, finding.case_id, finding.item)


@dataclass(frozen=True)
class LaDetails:
    """The LA-level answers Thrive does not hold (Designated Medical, Clinical and Social Care
    Officer: Y in post, N no, R recruiting), asked for on the page."""

    dmo: str = ""
    dco: str = ""
    dsco: str = ""


@dataclass(frozen=True)
class Sen2Report:
    year: int
    reference_date: date
    ret: Sen2Return
    findings: list[Finding]
    confirmed: frozenset[FindingKey] = field(default_factory=frozenset)

    def is_confirmed(self, finding: Finding) -> bool:
        return finding.severity == QUERY and finding_key(finding) in self.confirmed

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def queries(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == QUERY]

    @property
    def open_queries(self) -> list[Finding]:
        return [f for f in self.queries if not self.is_confirmed(f)]

    @property
    def blocked(self) -> bool:
        """Export waits until every error is put right and every query put right or
        confirmed."""
        return bool(self.errors or self.open_queries)


def confirmed_queries(year: int) -> frozenset[FindingKey]:
    rows = Sen2QueryConfirmation.objects.filter(year=year).values_list(
        "rule_id", "child_id", "case_id", "item"
    )
    return frozenset(rows)


def sen2_report(*, year: int, details: LaDetails) -> Sen2Report:
    """Build the return for collection `year` on its census day and validate it."""
    reference = reference_date_for(year)
    la_code = settings.THRIVE_LA_CODE
    ret = build_return(
        year=year,
        reference_date=reference,
        la_code=la_code,
        dmo=details.dmo,
        dco=details.dco,
        dsco=details.dsco,
    )
    findings = validate(ret, la_code=la_code)
    return Sen2Report(year, reference, ret, findings, confirmed_queries(year))
