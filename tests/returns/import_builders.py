"""Builders for the caseload import tests: template rows as CSV or XLSX bytes."""

import csv
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

from thrive.law.identifiers import upn_check_letter
from thrive.returns.imports import template


def upn(serial: int, la: str = "938") -> str:
    body = f"{la}26{serial:06d}0"
    return upn_check_letter(body) + body


def row(**fields: Any) -> dict[str, Any]:
    """A child with a plan issued after a request in 2025, at setting URN 100001."""
    values: dict[str, Any] = {
        "upn": upn(1),
        "surname": "Example",
        "forename": "Ada",
        "date_of_birth": "2015-03-14",
        "sex": "F",
        "ethnicity": "WBRI",
        "postcode": "HP1 1AA",
        "request_received": "2025-01-06",
        "request_source": "1",
        "request_outcome": "Y",
        "request_outcome_date": "2025-02-10",
        "assessment_outcome": "Y",
        "assessment_outcome_date": "2025-05-19",
        "week20_exceptions": "0",
        "plan_start": "2025-05-19",
        "placement_urn": "100001",
        "primary_need": "ASD",
        "secondary_need": "SLCN",
        "review_meeting": "2026-04-20",
        "review_outcome": "M",
        "review_decision_date": "2026-05-01",
    }
    values.update(fields)
    return values


def csv_bytes(rows: Sequence[dict[str, Any]], columns: Sequence[str] = template.NAMES) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for values in rows:
        writer.writerow({k: v for k, v in values.items() if k in columns})
    return out.getvalue().encode()


def xlsx_bytes(rows: Sequence[dict[str, Any]], columns: Sequence[str] = template.NAMES) -> bytes:
    """The same rows in a workbook, dates as real date cells."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([name.upper() for name in columns])  # headings in any case
    for values in rows:
        cells: list[Any] = []
        for name in columns:
            value = values.get(name, "")
            if isinstance(value, str) and len(value) == 10 and value[4] == "-":
                value = dt.date.fromisoformat(value)
            cells.append(value if value != "" else None)
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
