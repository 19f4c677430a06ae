"""Reading the caseload template (`template.COLUMNS`) from CSV or from the first sheet of an
XLSX workbook. Both give the same records: a row's text, or a workbook's date cells, become
a SEN2 `Person` with one request. Headings are matched without regard to letter case or
surrounding spaces; unknown headings are refused so a misspelt column is not silently
ignored."""

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date, datetime

from openpyxl import load_workbook

from thrive.returns.sen2.records import (
    ActivePlan,
    Assessment,
    NamedPlan,
    Need,
    Person,
    Placement,
    Request,
)

from . import template
from .source import UNREADABLE_DATE, ReadResult, RowError, SourceRecord, parse_date, parse_flag

Cell = object


class _Row:
    """One row's values by column, collecting what cannot be read."""

    def __init__(self, number: int, values: Mapping[str, Cell]) -> None:
        self.number = number
        self.values = values
        self.errors: list[RowError] = []

    def text(self, column: str) -> str:
        value = self.values.get(column)
        if value is None:
            return ""
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    def code(self, column: str) -> str | None:
        return self.text(column).upper() or None

    def date(self, column: str) -> date | None:
        value = self.values.get(column)
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = self.text(column)
        if not text:
            return None
        parsed = parse_date(text)
        if parsed is None:
            self.errors.append(
                RowError(self.number, column, "is not a date in the form YYYY-MM-DD", text)
            )
        return parsed

    def flag(self, column: str) -> bool:
        text = self.text(column)
        parsed = parse_flag(text)
        if parsed is None:
            self.errors.append(RowError(self.number, column, "must be 1 or 0", text))
            return False
        return parsed


def _record(row: _Row) -> SourceRecord:
    placement = Placement(
        rank=1,
        urn=row.text("placement_urn") or None,
        ukprn=row.text("placement_ukprn") or None,
        sen_setting=row.code("sen_setting"),
    )
    has_placement = bool(placement.urn or placement.ukprn or placement.sen_setting)
    plan_start = row.date("plan_start")
    named_plan = None
    if plan_start is not None:
        named_plan = NamedPlan(
            start_date=plan_start,
            details=(placement,) if has_placement else (),
            cease_date=row.date("cease_date"),
            cease_reason=row.text("cease_reason") or None,
        )
    assessment = None
    if outcome := row.code("assessment_outcome"):
        assessment = Assessment(
            outcome=outcome,
            outcome_date=row.date("assessment_outcome_date"),
            week20_exceptions=row.flag("week20_exceptions"),
            named_plan=named_plan,
        )
    needs = tuple(
        Need(sen_type=code, rank=rank)
        for rank, column in enumerate(("primary_need", "secondary_need"), start=1)
        if (code := row.code(column))
    )
    active_plan = None
    if named_plan is not None:
        active_plan = ActivePlan(
            placements=(placement,) if has_placement else (),
            needs=needs,
            review_meeting=row.date("review_meeting"),
            review_outcome=row.code("review_outcome"),
            last_review=row.date("review_decision_date"),
        )
    request = Request(
        outcome=row.code("request_outcome") or "",
        received_date=row.date("request_received") or UNREADABLE_DATE,
        source=row.text("request_source") or None,
        outcome_date=row.date("request_outcome_date"),
        assessment=assessment,
        active_plan=active_plan,
    )
    person = Person(
        surname=row.text("surname"),
        forename=row.text("forename"),
        birth_date=row.date("date_of_birth") or UNREADABLE_DATE,
        sex=row.code("sex") or "",
        ethnicity=row.code("ethnicity") or "",
        postcode=row.text("postcode"),
        upn=row.code("upn"),
        uln=row.text("uln") or None,
        upn_unknown=row.code("upn_unknown"),
        requests=(request,),
    )
    return SourceRecord(row=row.number, person=person)


def read_rows(rows: Iterable[Iterable[Cell]]) -> ReadResult:
    """Records from rows of cells, the first being the headings."""
    iterator = iter(rows)
    headings = [str(cell or "").strip().lower() for cell in next(iterator, [])]
    errors: list[RowError] = []
    for heading in headings:
        if heading and heading not in template.BY_NAME:
            errors.append(RowError(1, heading, "is not a column of the template"))
    errors += [
        RowError(1, name, "is a required column and is missing")
        for name in template.REQUIRED_HEADINGS
        if name not in headings
    ]
    if errors:
        return ReadResult(records=(), errors=tuple(errors))
    records: list[SourceRecord] = []
    for number, cells in enumerate(iterator, start=2):
        values = dict(zip(headings, cells, strict=False))
        if all(value in (None, "") for value in values.values()):
            continue  # blank lines at the end of a sheet
        row = _Row(number, values)
        records.append(_record(row))
        errors += row.errors
    return ReadResult(records=tuple(records), errors=tuple(errors))


def read_csv(data: bytes) -> ReadResult:
    text = data.decode("utf-8-sig")
    return read_rows(csv.reader(io.StringIO(text, newline="")))


def read_xlsx(data: bytes) -> ReadResult:
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        return read_rows(sheet.iter_rows(values_only=True))
    finally:
        workbook.close()
