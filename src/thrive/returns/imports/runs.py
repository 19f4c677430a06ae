"""Running an import recorded as an `ImportRun`: start it (the web page, the command), read
its file, check and write with progress on the run, and keep the report. The file is
deleted from the run once it has finished, except after a clean dry run, until the
user imports it (data minimisation: the records it made are in
Thrive, the report keeps only what the user must put right)."""

from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone

from thrive.accounts.policy import Action, can
from thrive.core.errors import Refusal
from thrive.core.models import AuditChannel
from thrive.returns.models import ImportKind, ImportRun, ImportStatus

from .csv_xlsx import read_csv, read_xlsx
from .importer import Progress, Report, import_records
from .sen2_xml import read_records
from .source import ReadResult, RowError

#: Write the progress to the run at most every this many rows (and at the last).
PROGRESS_EVERY = 50

_READERS = {
    ImportKind.CSV: read_csv,
    ImportKind.XLSX: read_xlsx,
    ImportKind.SEN2_XML: read_records,
}


def kind_for(file_name: str) -> ImportKind | None:
    """The kind of file by its extension: .csv, .xlsx or .xml."""
    ending = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return {"csv": ImportKind.CSV, "xlsx": ImportKind.XLSX, "xml": ImportKind.SEN2_XML}.get(ending)


def import_run_create(*, actor: Any, file_name: str, data: bytes, dry_run: bool) -> ImportRun:
    """Record an import to run (the task or the command then runs it)."""
    if not can(actor, Action.IMPORT_CASELOAD):
        raise Refusal("Only SEND managers and administrators can import a caseload.")
    kind = kind_for(file_name)
    if kind is None:
        raise Refusal("The file must be a CSV, XLSX or SEN2 XML file", field="file")
    if not data:
        raise Refusal("The selected file is empty", field="file")
    return ImportRun.objects.create(
        created_by=actor, file_name=file_name[-255:], kind=kind, dry_run=dry_run, data=data
    )


def read_file(kind: str, data: bytes) -> ReadResult:
    try:
        return _READERS[ImportKind(kind)](data)
    except (ValueError, KeyError, OSError):  # not a file of that kind at all
        message = f"could not be read as {ImportKind(kind).label}"
        return ReadResult(records=(), errors=(RowError(0, "file", message),))
    except Exception as error:  # openpyxl raises its own errors for a damaged workbook
        if type(error).__module__.startswith(("openpyxl", "zipfile")):
            message = f"could not be read as {ImportKind(kind).label}"
            return ReadResult(records=(), errors=(RowError(0, "file", message),))
        raise


class _SideChannel:
    """Progress while the records are written, seen by the run's page before the import's
    transaction commits. On PostgreSQL it goes through a second connection in autocommit (the
    import's transaction never touches the run's row, so neither waits for the other). SQLite
    has one writer at a time, so there the page says the records are being saved, without a
    count (the command line counts them on both)."""

    def __init__(self) -> None:
        self.connection: Any = None
        if connection.vendor == "postgresql":
            self.connection = connections.create_connection(DEFAULT_DB_ALIAS)
            self.connection.set_autocommit(True)

    def update(self, run_id: int, done: int) -> None:
        if self.connection is None:
            return
        table = self.connection.ops.quote_name(ImportRun._meta.db_table)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET done = %s, status = %s WHERE id = %s",  # noqa: S608
                [done, ImportStatus.WRITING.value, run_id],
            )

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


def _progress(run: ImportRun, side: _SideChannel) -> Progress:
    def update(done: int, total: int, phase: str) -> None:
        if not (done % PROGRESS_EVERY == 0 or done == total):
            return
        if phase == "checking":
            ImportRun.objects.filter(pk=run.pk).update(
                done=done, total=total, status=ImportStatus.CHECKING
            )
        else:
            side.update(run.pk, done)

    return update


def import_run_execute(
    run: ImportRun, *, progress: Progress | None = None, channel: str = AuditChannel.COMMAND
) -> Report:
    """Read, check and (unless a dry run or in error) write the run's file; keep the report
    on the run. `progress` is called beside the run's own updates (the command prints it)."""
    data = bytes(run.data or b"")
    read = read_file(run.kind, data)
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportStatus.CHECKING, total=len(read.records), done=0
    )
    side = _SideChannel()
    tracker = _progress(run, side)

    def both(done: int, total: int, phase: str) -> None:
        tracker(done, total, phase)
        if progress is not None:
            progress(done, total, phase)

    def writing(done: int, total: int, phase: str) -> None:
        both(done, total, phase)
        if phase == "checking" and done == total:
            ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.WRITING)

    try:
        report = import_records(
            read,
            actor=run.created_by,
            kind=run.kind,
            dry_run=run.dry_run,
            audit_object=run,
            progress=writing,
            channel=channel,
        )
    finally:
        side.close()
    with transaction.atomic():
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportStatus.REFUSED if report.errors else ImportStatus.DONE,
            done=len(read.records),
            total=len(read.records),
            counts=report.counts,
            errors=[error.__dict__ for error in report.errors],
            finished_at=timezone.now(),
            # A clean dry run keeps the file until the user imports it (or it is replaced).
            data=data if run.dry_run and not report.errors else None,
        )
    run.refresh_from_db()
    return report
