"""`thrive import-caseload FILE --user NAME [--dry-run]`: bring an existing caseload in from
a CSV or XLSX file in the Thrive template (docs/import.md) or a SEN2 XML return."""

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper

from thrive.core.errors import Refusal
from thrive.core.models import AuditChannel
from thrive.returns.imports.importer import KINDS
from thrive.returns.imports.runs import import_run_create, import_run_execute


class _Progress:
    """One line on the terminal, rewritten as rows are checked and written."""

    def __init__(self, out: OutputWrapper, *, enabled: bool) -> None:
        self.out = out
        self.enabled = enabled
        self.interactive = out.isatty()
        self.last = (-1, "")

    def __call__(self, done: int, total: int, phase: str) -> None:
        percent = 100 * done // total if total else 100
        if not self.interactive:
            percent -= percent % 10  # a log file gets a line every 10%, not every 1%
        if not self.enabled or (percent, phase) == self.last:
            return
        self.last = (percent, phase)
        line = f"{phase.capitalize()} rows: {done:,} of {total:,} ({percent}%)"
        if not self.interactive:
            self.out.write(line)
            return
        self.out.write(f"\r{line}   ", ending="\n" if done == total else "")
        self.out.flush()


class Command(BaseCommand):
    help = (
        "Import an existing caseload (children, cases and their timelines, plans, reviews and "
        "cessations) from a CSV or XLSX file in the Thrive template (docs/import.md) or a SEN2 "
        "XML return. All or nothing: any bad row and nothing is written; every error is listed "
        "by row and column. Running the same file again creates nothing new."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="a .csv, .xlsx or .xml file")
        parser.add_argument(
            "--user",
            required=True,
            help="the username of the SEND manager or administrator the import is recorded as",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check the file and count what would change, writing nothing",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        actor = get_user_model().objects.filter(username=options["user"]).first()
        if actor is None:
            raise CommandError("No user with that username.")
        try:
            run = import_run_create(
                actor=actor,
                file_name=path.name,
                data=path.read_bytes(),
                dry_run=options["dry_run"],
            )
        except Refusal as refusal:
            raise CommandError(refusal.message) from None
        progress = _Progress(self.stderr, enabled=options["verbosity"] > 0)
        report = import_run_execute(run, progress=progress, channel=AuditChannel.COMMAND)
        if report.errors:
            # Values are left out: a terminal's scrollback and logs are no place for them.
            for error in report.errors:
                where = f"row {error.row}" if error.row else "the file"
                self.stdout.write(f"Error: {where}, {error.column}: {error.message}")
            raise CommandError(
                f"{len(report.errors)} error(s): nothing was written. "
                f"See import {run.pk} in Thrive for the values."
            )
        verb = "Would import" if run.dry_run else "Imported"
        self.stdout.write(f"{verb} (import {run.pk}):")
        for kind in KINDS:
            counts = report.counts.get(kind, {})
            self.stdout.write(
                f"  {kind}: {counts.get('new', 0):,} new, {counts.get('changed', 0):,} changed, "
                f"{counts.get('unchanged', 0):,} unchanged"
            )
        if run.dry_run:
            self.stdout.write("Dry run: nothing was written.")
