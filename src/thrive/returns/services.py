"""Writes for the SEN2 pages: confirming queries, and exporting the return (audited). The
return itself is only read: nothing here changes a child's records."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction

from thrive.accounts.policy import Action, can
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.people.models import LocalAuthority
from thrive.returns.models_sen2 import Sen2QueryConfirmation
from thrive.returns.selectors import Sen2Report
from thrive.returns.sen2.csv_modules import write_csv_zip
from thrive.returns.sen2.rules.base import QUERY, Finding
from thrive.returns.sen2.xml_writer import write_xml

XML, CSV = "xml", "csv"
FORMATS = {
    XML: ("application/xml", "xml", "XML"),
    CSV: ("application/zip", "zip", "CSV modules"),
}


def _require(actor: Any) -> None:
    if not can(actor, Action.CASE_WORK):
        raise Refusal("Only the case work team may work on the SEN2 return")


def _council() -> LocalAuthority:
    council = LocalAuthority.objects.filter(code=settings.THRIVE_LA_CODE).first()
    if council is None:
        raise Refusal("Set up the council (THRIVE_LA_CODE) before making the SEN2 return")
    return council


@transaction.atomic
def sen2_confirm_queries(*, actor: Any, year: int, findings: Iterable[Finding]) -> int:
    """Confirm queries that have been checked; errors cannot be confirmed. Returns how many
    were newly confirmed."""
    _require(actor)
    chosen = list(findings)
    if not chosen:
        raise Refusal("Select a query to confirm", field="finding")
    if any(f.severity != QUERY for f in chosen):
        raise Refusal("Only queries can be confirmed: put errors right in the records")
    # Every query of a rule may be thousands: one read, one insert.
    done = set(
        Sen2QueryConfirmation.objects.filter(year=year).values_list(
            "rule_id", "child_id", "case_id", "item"
        )
    )
    keys = {(f.rule_id, f.child_id, f.case_id, f.item) for f in chosen} - done
    Sen2QueryConfirmation.objects.bulk_create(
        Sen2QueryConfirmation(
            year=year, rule_id=rule, child_id=child, case_id=case, item=item, confirmed_by=actor
        )
        for rule, child, case, item in sorted(keys, key=str)
    )
    new = len(keys)
    rules = ", ".join(sorted({f.rule_id for f in chosen}))
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=_council(),
        summary=f"confirmed {new} SEN2 {year} queries ({rules})",
    )
    return new


@transaction.atomic
def sen2_export(*, actor: Any, report: Sen2Report, fmt: str) -> tuple[bytes, str, str]:
    """The return as a file: (data, content type, file name). Refused while errors or
    unconfirmed queries remain. Audited with the year, the format and the number of people,
    nothing personal."""
    _require(actor)
    if fmt not in FORMATS:
        raise Refusal("Choose XML or CSV")
    if report.errors:
        raise Refusal(
            f"The return has {len(report.errors)} errors. Put them right in the records "
            "before exporting it"
        )
    if report.open_queries:
        raise Refusal(
            f"The return has {len(report.open_queries)} queries nobody has confirmed. Put "
            "them right or confirm them before exporting it"
        )
    content_type, extension, label = FORMATS[fmt]
    data = write_xml(report.ret) if fmt == XML else write_csv_zip(report.ret)
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        obj=_council(),
        summary=f"exported the SEN2 {report.year} return as {label} "
        f"({len(report.ret.persons)} people)",
    )
    name = f"SEN2-{report.year}-{settings.THRIVE_LA_CODE}.{extension}"
    return data, content_type, name
