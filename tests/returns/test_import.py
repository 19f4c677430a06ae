"""The caseload import: checking every row, writing in one transaction, matching on a
second run, dry runs (thrive.returns.imports.importer)."""

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.returns.import_builders import csv_bytes, row, upn, xlsx_bytes
from thrive.assessments.models import Case, CaseEvent
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.law import clock
from thrive.people.models import Child, LocalAuthority, Setting
from thrive.plans.models import EhcPlan, PlanVersion
from thrive.plans.models_reviews import AnnualReview, Cessation
from thrive.returns.imports import template
from thrive.returns.imports.csv_xlsx import read_csv, read_xlsx
from thrive.returns.imports.importer import import_records
from thrive.returns.models import ImportRun

TODAY = dt.date(2026, 6, 1)
MODELS = (Child, Case, CaseEvent, EhcPlan, PlanVersion, AnnualReview, Cessation)


@pytest.fixture
def school(council: LocalAuthority) -> Setting:
    return Setting.objects.create(
        urn="100001",
        ukprn="10000001",
        name="Test Primary",
        establishment_type="mainstream_la_maintained",
        phase="primary",
        local_authority=council,
    )


@pytest.fixture
def run(manager: Any) -> ImportRun:
    return ImportRun.objects.create(created_by=manager, file_name="caseload.csv", kind="csv")


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def do_import(data: bytes, actor: Any, run: ImportRun, *, dry_run: bool = False) -> Any:
    return import_records(
        read_csv(data), actor=actor, kind="csv", dry_run=dry_run, audit_object=run, today=TODAY
    )


def test_imports_a_child_with_case_timeline_plan_and_review(
    manager: Any, run: ImportRun, school: Setting
) -> None:
    report = do_import(csv_bytes([row()]), manager, run)
    assert report.errors == []
    assert report.written
    child = Child.objects.get()
    assert (child.first_name, child.last_name, child.upn) == ("Ada", "Example", upn(1))
    assert (child.primary_need, child.secondary_need, child.setting) == ("ASD", "SLCN", school)
    case = Case.objects.get()
    events = [e.as_law_event() for e in case.events.order_by("id")]
    assert [e.kind for e in events] == [
        clock.EventKind.REQUEST_RECEIVED,
        clock.EventKind.DECISION_TO_ASSESS,
        clock.EventKind.DECISION_TO_ISSUE,
        clock.EventKind.DRAFT_ISSUED,
        clock.EventKind.COMMENTS_RECEIVED,
        clock.EventKind.FINAL_ISSUED,
    ]
    assert clock.assessment_clock(events, TODAY).stage == clock.Stage.FINAL_ISSUED
    assert case.events.get(kind="request_received").request_source == "1"
    version = PlanVersion.objects.get()
    assert (version.kind, version.issued_on) == ("final", dt.date(2025, 5, 19))
    assert version.placement_setting == school
    assert [n.text for n in version.needs.all()] == [
        "Autistic spectrum disorder",
        "Speech, language and communication needs",
    ]
    review = AnnualReview.objects.get()
    assert (review.meeting_on, review.decision) == (dt.date(2026, 4, 20), "keep")
    assert review.decision_notified_on == dt.date(2026, 5, 1)
    assert report.counts["children"] == {"new": 1}
    assert report.counts["plans"] == {"new": 1}
    entry = AuditEntry.objects.get(object_type="returns.importrun")
    assert "children 1 new" in entry.summary
    assert "Example" not in entry.summary
    assert upn(1) not in entry.summary


def test_the_import_of_a_file_with_one_bad_row_writes_nothing(
    manager: Any, run: ImportRun, school: Setting
) -> None:
    good = [row(upn=upn(n), forename=f"Child{n}") for n in range(1, 6)]
    bad = row(upn=upn(9)[:-1] + "7", forename="Bad")  # the check letter no longer fits
    before = counts()
    report = do_import(csv_bytes([*good[:3], bad, *good[3:]]), manager, run)
    assert counts() == before
    assert not report.written
    assert [(e.row, e.column, e.message) for e in report.errors] == [
        (5, "upn", "fails its check letter")
    ]
    assert report.errors[0].value not in report.errors[0].message


def test_a_step_the_law_refuses_is_a_row_error_and_nothing_is_written(
    manager: Any, run: ImportRun, school: Setting
) -> None:
    """A plan issued before the decision to assess cannot be recorded: the check runs only
    when writing, and still nothing is kept."""
    before = counts()
    early = row(upn=upn(2), forename="Early", assessment_outcome_date="2025-02-01",
                plan_start="2025-02-01")  # fmt: skip
    report = do_import(csv_bytes([row(), early]), manager, run)
    assert counts() == before
    assert [(e.row, e.column) for e in report.errors] == [(3, "assessment_outcome_date")]
    assert "cannot be before the last recorded step" in report.errors[0].message


@pytest.mark.parametrize(
    ("fields", "column", "message"),
    [
        ({"surname": ""}, "surname", "is required"),
        ({"date_of_birth": "14.03.2015"}, "date_of_birth", "is not a date in the form YYYY-MM-DD"),
        ({"date_of_birth": "1990-01-01"}, "date_of_birth", "is more than 26 years ago"),
        ({"sex": "X"}, "sex", "is not one of the codes in the template"),
        ({"ethnicity": "ZZZZ"}, "ethnicity", "is not one of the codes in the template"),
        ({"postcode": "NOT A CODE"}, "postcode", "is not a valid postcode"),
        ({"upn": "H80120000100"}, "upn", "must be 13 characters"),
        ({"uln": "1234567890"}, "uln", "is not a valid unique learner number"),
        ({"upn_unknown": "UN1"}, "upn_unknown", "must be blank when there is a UPN or ULN"),
        ({"request_received": ""}, "request_received", "is required"),
        ({"request_received": "2027-01-01"}, "request_received", "cannot be in the future"),
        ({"request_source": "9"}, "request_source", "is not one of the codes"),
        ({"request_outcome": "Q"}, "request_outcome", "is not one of the codes"),
        ({"request_outcome_date": ""}, "request_outcome_date", "is required when"),
        ({"request_outcome_date": "2024-12-01"}, "request_outcome_date", "is before the request"),
        ({"request_outcome": "N"}, "assessment_outcome", "must be blank unless"),
        ({"assessment_outcome": ""}, "assessment_outcome", "is required when there is a plan"),
        ({"assessment_outcome": "N"}, "plan_start", "must be blank unless"),
        ({"week20_exceptions": "maybe"}, "week20_exceptions", "must be 1 or 0"),
        ({"placement_urn": "12345"}, "placement_urn", "must be 6 digits"),
        ({"placement_urn": "999999"}, "placement_urn", "names a setting that is not in Thrive"),
        ({"placement_urn": "", "placement_ukprn": "99999999"}, "placement_ukprn", "not in Thrive"),
        ({"placement_urn": "", "sen_setting": "XYZ"}, "sen_setting", "is not one of the codes"),
        ({"primary_need": ""}, "primary_need", "is required when there is a plan"),
        ({"secondary_need": "ASD"}, "secondary_need", "must differ from the primary need"),
        ({"review_outcome": "Z"}, "review_outcome", "is not one of the codes"),
        ({"review_meeting": ""}, "review_meeting", "is required when there is a review decision"),
        ({"review_decision_date": "2026-04-01"}, "review_decision_date", "is before the review"),
        ({"cease_date": "2026-01-01"}, "cease_reason", "is required when the plan ceased"),
        ({"cease_reason": "1"}, "cease_date", "is required with a reason"),
        ({"cease_date": "2025-01-01", "cease_reason": "1"}, "cease_date", "is before the plan"),
        ({"cease_date": "2026-01-01", "cease_reason": "0"}, "cease_reason", "is not one of"),
    ],
)
def test_every_kind_of_row_error_names_the_row_column_and_reason(
    manager: Any, run: ImportRun, school: Setting, fields: dict[str, str], column: str,
    message: str,
) -> None:  # fmt: skip
    before = counts()
    report = do_import(csv_bytes([row(upn=upn(3), forename="Good"), row(**fields)]), manager, run)
    assert counts() == before
    assert {e.row for e in report.errors} == {3}
    assert any(e.column == column and message in e.message for e in report.errors)


def test_unknown_and_missing_headings_are_refused(manager: Any, run: ImportRun) -> None:
    data = csv_bytes([row()], columns=["surname", "forename", "date_of_birth", "colour"])
    report = do_import(data, manager, run)
    assert [(e.row, e.column, e.message) for e in report.errors] == [
        (1, "colour", "is not a column of the template"),
        (1, "request_received", "is a required column and is missing"),
    ]


def test_running_the_same_file_again_creates_nothing_and_reports_unchanged(
    manager: Any, run: ImportRun, school: Setting
) -> None:
    rows = [row(), row(upn="", upn_unknown="UN8", forename="Bo", date_of_birth="2016-01-02",
                cease_date="2026-05-20", cease_reason="3", review_meeting="",
                review_outcome="", review_decision_date="")]  # fmt: skip
    first = do_import(csv_bytes(rows), manager, run)
    assert first.errors == []
    after_first = counts()
    assert after_first["Cessation"] == 1
    second = do_import(csv_bytes(rows), manager, run)
    assert second.errors == []
    assert counts() == after_first
    assert second.counts["children"] == {"unchanged": 2}
    assert second.counts["cases"] == {"unchanged": 2}
    assert second.counts["plans"] == {"unchanged": 2}
    assert second.counts["reviews"] == {"unchanged": 1}
    assert second.counts["cessations"] == {"unchanged": 1}


def test_a_later_file_adds_the_steps_since_and_reports_changes(
    manager: Any, run: ImportRun, school: Setting
) -> None:
    waiting = row(assessment_outcome="", assessment_outcome_date="", plan_start="",
                  placement_urn="", primary_need="", secondary_need="", review_meeting="",
                  review_outcome="", review_decision_date="")  # fmt: skip
    assert do_import(csv_bytes([waiting]), manager, run).errors == []
    assert not EhcPlan.objects.exists()
    report = do_import(csv_bytes([row(postcode="HP2 2BB")]), manager, run)
    assert report.errors == []
    assert report.counts["children"] == {"changed": 1}
    assert report.counts["cases"] == {"changed": 1}
    assert report.counts["plans"] == {"new": 1}
    assert Child.objects.get().postcode == "HP2 2BB"
    assert Case.objects.count() == 1
    assert Case.objects.get().events.filter(kind="final_issued").exists()


def test_a_file_that_contradicts_a_case_is_refused(
    manager: Any, run: ImportRun, school: Setting
) -> None:
    assert do_import(csv_bytes([row()]), manager, run).errors == []
    before = counts()
    report = do_import(csv_bytes([row(request_outcome="N", assessment_outcome="",
                                      plan_start="")]), manager, run)  # fmt: skip
    assert counts() == before
    assert [(e.row, e.column) for e in report.errors] == [(2, "request_received")]


def test_a_dry_run_writes_nothing_and_counts_what_would_change(
    manager: Any, run: ImportRun, school: Setting
) -> None:
    assert do_import(csv_bytes([row()]), manager, run).errors == []
    before = counts()
    audits = AuditEntry.objects.count()
    rows = [row(postcode="HP2 2BB"), row(upn=upn(5), forename="New")]
    report = do_import(csv_bytes(rows), manager, run, dry_run=True)
    assert report.errors == []
    assert not report.written
    assert counts() == before
    assert AuditEntry.objects.count() == audits
    assert Child.objects.get().postcode == "HP1 1AA"
    assert report.counts["children"] == {"changed": 1, "new": 1}
    assert report.counts["cases"] == {"unchanged": 1, "new": 1}


def test_xlsx_and_csv_read_the_same(school: Setting) -> None:
    rows = [row(), row(upn="", upn_unknown="un1", forename="Cy", week20_exceptions="1")]
    from_csv = read_csv(csv_bytes(rows))
    from_xlsx = read_xlsx(xlsx_bytes(rows))
    assert from_csv.errors == from_xlsx.errors == ()
    assert from_csv.records == from_xlsx.records
    assert from_csv.records[1].person.requests[0].assessment.week20_exceptions is True  # type: ignore[union-attr]


def test_day_first_dates_are_read(school: Setting) -> None:
    read = read_csv(csv_bytes([row(date_of_birth="14/03/2015")]))
    assert read.records[0].person.birth_date == dt.date(2015, 3, 14)


def test_an_exception_to_the_20_weeks_is_kept(
    manager: Any, run: ImportRun, school: Setting
) -> None:
    late = row(assessment_outcome_date="2025-07-21", plan_start="2025-07-21",
               week20_exceptions="1")  # fmt: skip
    assert do_import(csv_bytes([late]), manager, run).errors == []
    kinds = list(CaseEvent.objects.order_by("id").values_list("kind", "exception"))
    assert ("exception_started", "c") in kinds
    assert ("exception_ended", "c") in kinds


def test_only_managers_and_administrators_may_import(
    officer: Any, administrator: Any, council: LocalAuthority, run: ImportRun
) -> None:
    with pytest.raises(Refusal):
        do_import(csv_bytes([row(placement_urn="")]), officer, run)
    assert not Child.objects.exists()
    assert do_import(csv_bytes([row(placement_urn="")]), administrator, run).written


def test_the_guide_documents_every_column_of_the_template() -> None:
    guide = (Path(__file__).parents[2] / "docs" / "import.md").read_text()
    for column in template.COLUMNS:
        assert f"| `{column.name}` | {column.meaning} |" in guide
    example = guide.split("```csv\n")[1].split("```")[0].encode()
    read = read_csv(example)
    assert read.errors == ()
    assert len(read.records) == 1


def test_a_file_without_the_upn_keeps_the_one_thrive_holds(
    manager: Any, run: ImportRun, school: Setting
) -> None:
    assert do_import(csv_bytes([row()]), manager, run).errors == []
    report = do_import(csv_bytes([row(upn="", upn_unknown="UN8")]), manager, run)
    assert report.errors == []
    assert report.counts["children"] == {"unchanged": 1}
    assert Child.objects.get().upn == upn(1)


def test_two_children_with_the_same_name_and_birthday_but_different_upns_stay_two(
    manager: Any, run: ImportRun, school: Setting
) -> None:
    twins = [row(upn=upn(1)), row(upn=upn(2), request_received="2025-01-07")]
    first = do_import(csv_bytes(twins), manager, run)
    assert first.counts["children"] == {"new": 2}
    second = do_import(csv_bytes(twins), manager, run)
    assert second.counts["children"] == {"unchanged": 2}
    assert Child.objects.count() == 2


def test_rows_of_one_child_without_a_upn_are_one_child(
    manager: Any, run: ImportRun, school: Setting
) -> None:
    rows = [row(upn="", upn_unknown="UN8"),
            row(upn="", upn_unknown="UN8", request_received="2026-01-05",
                request_outcome="A", request_outcome_date="", assessment_outcome="",
                plan_start="")]  # fmt: skip
    report = do_import(csv_bytes(rows), manager, run)
    assert report.errors == []
    assert report.counts["children"] == {"new": 1, "unchanged": 1}
    assert Child.objects.get().cases.count() == 2
