"""The caseload import pages (thrive.returns.views_import)."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from tests.factories import make_user
from tests.returns.import_builders import csv_bytes, row, upn
from thrive.core.navigation import navigation_for
from thrive.people.models import Child, LocalAuthority
from thrive.returns.imports import template
from thrive.returns.imports.csv_xlsx import read_csv
from thrive.returns.models import ImportRun, ImportStatus


def upload(client: Any, data: bytes, *, name: str = "caseload.csv", dry_run: bool) -> Any:
    fields: dict[str, Any] = {"file": SimpleUploadedFile(name, data)}
    if dry_run:
        fields["dry_run"] = "on"
    return client.post("/returns/import/", fields)


@pytest.fixture
def signed_in(client: Any, manager: Any, council: LocalAuthority) -> Any:
    client.force_login(manager)
    return client


def test_the_upload_page_shows_the_file_upload_and_the_template(signed_in: Any) -> None:
    page = signed_in.get("/returns/import/").content.decode()
    assert 'class="govuk-file-upload"' in page
    assert 'enctype="multipart/form-data"' in page
    assert "<code>request_received</code>" in page


def test_no_file_shows_the_error_summary(signed_in: Any) -> None:
    response = signed_in.post("/returns/import/", {})
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert 'href="#id_file">Select a file to import' in page
    assert "govuk-file-upload--error" in page


def test_a_file_of_the_wrong_kind_is_refused(signed_in: Any) -> None:
    response = upload(signed_in, b"%PDF", name="caseload.pdf", dry_run=False)
    assert response.status_code == 400
    assert "must be a CSV, XLSX or XML file" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_a_dry_run_reports_the_counts_then_imports_on_confirmation(
    signed_in: Any, django_capture_on_commit_callbacks: Any
) -> None:
    rows = [row(upn=upn(n), forename=f"Child{n}", placement_urn="") for n in (1, 2)]
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(signed_in, csv_bytes(rows), dry_run=True)
    run = ImportRun.objects.get()
    assert response["Location"] == f"/returns/import/{run.pk}/"
    page = signed_in.get(response["Location"]).content.decode()
    assert "What the import would change" in page
    assert "Would change" in page
    assert not Child.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = signed_in.post(f"/returns/import/{run.pk}/import/")
    second = ImportRun.objects.exclude(pk=run.pk).get()
    assert confirmed["Location"] == f"/returns/import/{second.pk}/"
    assert Child.objects.count() == 2
    page = signed_in.get(confirmed["Location"]).content.decode()
    assert "The caseload was imported" in page
    run.refresh_from_db()
    assert run.data is None  # the checked file goes once it is imported


def test_the_problems_are_listed_with_values_only_for_the_uploader(
    signed_in: Any, administrator: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    bad = upn(4)[:-1] + "8"
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(signed_in, csv_bytes([row(upn=bad, placement_urn="")]), dry_run=False)
    page = signed_in.get(response["Location"]).content.decode()
    assert "The file was not imported" in page
    assert "govuk-error-summary" in page
    assert "The upn fails its check letter" in page
    assert "Row 2" in page
    assert bad in page
    client.force_login(administrator)
    page = client.get(response["Location"]).content.decode()
    assert "The upn fails its check letter" in page
    assert bad not in page


def test_the_run_page_refreshes_with_a_progress_bar_while_running(
    signed_in: Any, manager: Any
) -> None:
    run = ImportRun.objects.create(
        created_by=manager, file_name="big.csv", kind="csv", status=ImportStatus.CHECKING,
        done=250, total=1000,
    )  # fmt: skip
    response = signed_in.get(f"/returns/import/{run.pk}/")
    page = response.content.decode()
    assert response["Refresh"] == "2"
    assert '<progress id="import-progress"' in page
    assert 'value="25"' in page
    assert "Checking rows: 250 of 1000 (25%)" in page
    run.status, run.done = ImportStatus.WRITING, 1000
    run.save()
    assert (
        "All 1000 rows checked. Saving the records"
        in signed_in.get(f"/returns/import/{run.pk}/").content.decode()
    )
    run.done = 400
    run.save()
    saving = signed_in.get(f"/returns/import/{run.pk}/").content.decode()
    assert "Saving the records: 400 of 1000 rows (40%)" in saving
    run.status = ImportStatus.DONE
    run.save()
    assert "Refresh" not in signed_in.get(f"/returns/import/{run.pk}/")


def test_a_case_officer_may_not_import(client: Any, officer: Any, manager: Any) -> None:
    run = ImportRun.objects.create(created_by=manager, file_name="c.csv", kind="csv")
    client.force_login(officer)
    assert client.get("/returns/import/").status_code == 403
    assert client.get(f"/returns/import/{run.pk}/").status_code == 403
    assert client.post("/returns/import/", {}).status_code == 403


def test_the_template_downloads_with_every_column_and_a_row_that_imports(
    signed_in: Any,
) -> None:
    response = signed_in.get("/returns/import/template.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    data = response.content
    assert data.decode().splitlines()[0] == ",".join(template.NAMES)
    read = read_csv(data)
    assert read.errors == ()
    assert read.records[0].person.surname == "Smith"


def test_managers_and_administrators_reach_the_import_from_the_navigation(
    officer: Any, manager: Any, db: Any
) -> None:
    def texts(user: Any) -> set[str]:
        request = RequestFactory().get("/")
        request.user = user
        return {str(i["text"]) for i in navigation_for(request)}

    assert "Import" in texts(manager)
    assert "Import" in texts(make_user("admin2", "administrator"))
    assert "Import" not in texts(officer)
