"""Display-ready rows for the caseload import pages."""

from dataclasses import dataclass
from typing import Any

from .imports.importer import CHANGED, KINDS, NEW, UNCHANGED
from .models import ImportKind, ImportRun, ImportStatus

_KIND_LABELS = {
    "children": "Children and young people",
    "cases": "Requests for assessment (cases)",
    "plans": "EHC plans",
    "reviews": "Annual reviews",
    "cessations": "Plans ceased",
}


@dataclass(frozen=True)
class CountRow:
    label: str
    new: int
    changed: int
    unchanged: int


@dataclass(frozen=True)
class ErrorRow:
    where: str
    column: str
    message: str
    value: str


def count_rows(run: ImportRun) -> list[CountRow]:
    counts: dict[str, dict[str, int]] = run.counts or {}
    return [
        CountRow(
            _KIND_LABELS[kind],
            counts.get(kind, {}).get(NEW, 0),
            counts.get(kind, {}).get(CHANGED, 0),
            counts.get(kind, {}).get(UNCHANGED, 0),
        )
        for kind in KINDS
    ]


def error_rows(run: ImportRun, *, show_values: bool) -> list[ErrorRow]:
    """The run's errors in file order. Values (which may be a name or a UPN) only for the
    user who uploaded the file."""
    errors: list[dict[str, Any]] = run.errors or []
    noun = "Person" if run.kind == ImportKind.SEN2_XML else "Row"
    return [
        ErrorRow(
            where=f"{noun} {e['row']}" if e["row"] else "The file",
            column=e["column"],
            message=e["message"],
            value=e.get("value", "") if show_values else "",
        )
        for e in errors
    ]


def heading(run: ImportRun) -> str:
    if not run.is_finished:
        return "Checking the file" if run.status != "writing" else "Importing the file"
    if run.errors:
        return "The file was not imported"
    return "What the import would change" if run.dry_run else "The caseload was imported"


def progress_label(run: ImportRun) -> str:
    """What the progress bar shows. While saving, PostgreSQL reports the rows saved so far;
    where it cannot (SQLite), the bar stays full after checking and says it is saving."""
    if run.status == ImportStatus.WRITING:
        if run.total and run.done < run.total:
            return f"Saving the records: {run.done} of {run.total} rows ({run.percent}%)"
        return f"All {run.total} rows checked. Saving the records"
    if run.status == ImportStatus.CHECKING:
        return f"Checking rows: {run.done} of {run.total} ({run.percent}%)"
    return "Waiting to start"
