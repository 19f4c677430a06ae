"""Import runs: the task and the command, with progress (thrive.returns.imports.runs,
thrive.returns.tasks, the import-caseload command)."""

import io
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections

from tests.factories import make_user
from tests.returns.import_builders import csv_bytes, row, upn, xlsx_bytes
from thrive.core.errors import Refusal
from thrive.people.models import Child, LocalAuthority
from thrive.returns.imports import runs
from thrive.returns.imports.runs import import_run_create, import_run_execute
from thrive.returns.models import ImportRun, ImportStatus
from thrive.returns.tasks import run_import


def rows(n: int) -> list[dict[str, Any]]:
    return [row(upn=upn(i), forename=f"Child{i}", placement_urn="") for i in range(1, n + 1)]


def test_the_task_runs_the_import_and_keeps_the_report(
    manager: Any, council: LocalAuthority
) -> None:
    run = import_run_create(
        actor=manager, file_name="caseload.xlsx", data=xlsx_bytes(rows(3)), dry_run=False
    )
    assert (run.kind, run.status) == ("xlsx", ImportStatus.QUEUED)
    run_import.enqueue(run.pk)  # the immediate backend in tests
    run.refresh_from_db()
    assert run.status == ImportStatus.DONE
    assert (run.done, run.total, run.percent) == (3, 3, 100)
    assert run.counts["children"] == {"new": 3}
    assert run.data is None  # the file is not kept once imported
    assert Child.objects.count() == 3


def test_the_run_records_progress_as_rows_are_checked(
    manager: Any, council: LocalAuthority, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runs, "PROGRESS_EVERY", 2)
    run = import_run_create(
        actor=manager, file_name="caseload.csv", data=csv_bytes(rows(5)), dry_run=True
    )
    seen: list[tuple[str, int, int, str]] = []

    def spy(done: int, total: int, phase: str) -> None:
        fresh = ImportRun.objects.get(pk=run.pk)
        seen.append((phase, done, fresh.done, fresh.status))

    import_run_execute(run, progress=spy)
    checking = [
        (done, stored, status) for phase, done, stored, status in seen if phase == "checking"
    ]
    assert [done for done, _, _ in checking] == [1, 2, 3, 4, 5]
    assert [stored for _, stored, _ in checking] == [0, 2, 2, 4, 5]  # every 2 rows and the last
    assert {status for _, _, status in checking} == {ImportStatus.CHECKING}
    assert [done for phase, done, _, _ in seen if phase == "writing"] == [1, 2, 3, 4, 5]
    run.refresh_from_db()
    assert run.status == ImportStatus.DONE
    assert not Child.objects.exists()  # a dry run


def test_a_refused_run_keeps_every_error_and_writes_nothing(
    manager: Any, council: LocalAuthority
) -> None:
    data = csv_bytes([*rows(2), row(upn="", forename="", sex="X", placement_urn="")])
    run = import_run_create(actor=manager, file_name="caseload.csv", data=data, dry_run=False)
    import_run_execute(run)
    run.refresh_from_db()
    assert run.status == ImportStatus.REFUSED
    assert [(e["row"], e["column"]) for e in run.errors] == [(4, "forename"), (4, "sex")]
    assert not Child.objects.exists()


def test_a_file_of_another_kind_is_refused(manager: Any, officer: Any) -> None:
    with pytest.raises(Refusal, match="CSV, XLSX or SEN2 XML"):
        import_run_create(actor=manager, file_name="caseload.pdf", data=b"x", dry_run=False)
    with pytest.raises(Refusal, match="SEND managers and administrators"):
        import_run_create(actor=officer, file_name="caseload.csv", data=b"x", dry_run=False)


def test_a_damaged_workbook_is_one_file_error(manager: Any, council: LocalAuthority) -> None:
    run = import_run_create(actor=manager, file_name="c.xlsx", data=b"not a zip", dry_run=False)
    import_run_execute(run)
    run.refresh_from_db()
    assert run.errors == [
        {"row": 0, "column": "file", "message": "could not be read as Excel workbook in the "
         "Thrive template", "value": ""}
    ]  # fmt: skip


def test_the_command_prints_progress_and_counts(
    manager: Any, council: LocalAuthority, tmp_path: Path
) -> None:
    path = tmp_path / "caseload.csv"
    path.write_bytes(csv_bytes(rows(4)))
    out, err = io.StringIO(), io.StringIO()
    call_command("import-caseload", str(path), "--user", "manager", "--dry-run",
                 stdout=out, stderr=err)  # fmt: skip
    assert "Checking rows: 4 of 4 (100%)\n" in err.getvalue()
    assert "Writing rows: 4 of 4 (100%)" in err.getvalue()
    assert "children: 4 new, 0 changed, 0 unchanged" in out.getvalue()
    assert "Dry run: nothing was written." in out.getvalue()
    assert not Child.objects.exists()
    call_command("import-caseload", str(path), "--user", "manager", stdout=out, stderr=err)
    assert Child.objects.count() == 4


def test_the_command_lists_errors_without_values(
    manager: Any, council: LocalAuthority, tmp_path: Path
) -> None:
    path = tmp_path / "caseload.csv"
    bad = upn(7)[:-1] + "9"
    path.write_bytes(csv_bytes([row(upn=bad, placement_urn="")]))
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 error"):
        call_command("import-caseload", str(path), "--user", "manager", stdout=out,
                     stderr=io.StringIO())  # fmt: skip
    assert "Error: row 2, upn: fails its check letter" in out.getvalue()
    assert bad not in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_rows_saved_are_seen_while_the_import_is_still_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another connection (the run's page) reads the count of rows saved before the import's
    transaction commits. SQLite has one writer at a time, so this is PostgreSQL's."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (SQLite has one writer at a time)")
    monkeypatch.setattr(runs, "PROGRESS_EVERY", 1)
    LocalAuthority.objects.create(code=settings.THRIVE_LA_CODE, name="Test council")
    manager = make_user("importer", "send_manager")
    run = import_run_create(
        actor=manager, file_name="caseload.csv", data=csv_bytes(rows(3)), dry_run=False
    )
    page = connections.create_connection(DEFAULT_DB_ALIAS)
    seen: list[tuple[int, int]] = []

    def look(done: int, total: int, phase: str) -> None:
        if phase == "writing":
            with page.cursor() as cursor:
                cursor.execute("SELECT done FROM returns_importrun WHERE id = %s", [run.pk])
                seen.append((done, cursor.fetchone()[0]))
            with page.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM people_child")
                assert cursor.fetchone()[0] == 0  # nothing committed yet

    try:
        import_run_execute(run, progress=look)
    finally:
        page.close()
    assert seen == [(1, 1), (2, 2), (3, 3)]
    assert Child.objects.count() == 3
