"""Reading a SEN2 return back (thrive.returns.imports.sen2_xml) and importing it."""

import datetime as dt
import re
from dataclasses import replace
from typing import Any

import pytest

from tests.returns.import_builders import upn
from tests.returns.sen2_sample import sample_return
from thrive.assessments.models import Case, CaseEvent
from thrive.people.models import Child, LocalAuthority, Setting
from thrive.plans.models import EhcPlan
from thrive.returns.imports.importer import import_records
from thrive.returns.imports.sen2_xml import Sen2XmlError, read_records, read_xml
from thrive.returns.models import ImportRun
from thrive.returns.sen2.records import (
    Assessment,
    Header,
    Person,
    Placement,
    Request,
    Sen2Return,
)
from thrive.returns.sen2.xml_writer import write_xml

TODAY = dt.date(2026, 6, 1)


def without_ids(ret: Sen2Return) -> Sen2Return:
    """The return as a file holds it: Thrive's child and case ids are never written."""
    persons = tuple(
        replace(p, child_id=None, requests=tuple(replace(r, case_id=None) for r in p.requests))
        for p in ret.persons
    )
    return replace(ret, persons=persons)


def test_a_written_return_reads_back_the_same() -> None:
    ret = sample_return()
    assert read_xml(write_xml(ret)) == without_ids(ret)


def test_element_names_are_matched_in_any_letter_case() -> None:
    ret = sample_return()
    data = write_xml(ret).decode()
    lowered = re.sub(r"<(/?)([A-Za-z0-9]+)", lambda m: f"<{m[1]}{m[2].lower()}", data)
    upper = re.sub(r"<(/?)([A-Za-z0-9]+)", lambda m: f"<{m[1]}{m[2].upper()}", data)
    assert "<senneed>" in lowered
    assert "<PERSONBIRTHDATE>" in upper
    assert read_xml(lowered.encode()) == without_ids(ret)
    assert read_xml(upper.encode()) == without_ids(ret)


def test_both_spellings_of_sen_setting_and_postcode_are_read() -> None:
    data = write_xml(sample_return()).decode()
    changed = data.replace("<PostCode>", "<Postcode>").replace("</PostCode>", "</Postcode>")
    assert "<Postcode>" in changed
    assert read_xml(changed.encode()).persons[0].postcode == sample_return().persons[0].postcode


def test_entity_expansion_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Message><Persons>&b;</Persons></Message>'
    )
    with pytest.raises(Sen2XmlError, match="XML features"):
        read_xml(bomb)
    assert [e.column for e in read_records(bomb).errors] == ["file"]


def test_a_file_that_is_not_a_return_is_one_error() -> None:
    with pytest.raises(Sen2XmlError):
        read_xml(b"<Something/>")
    result = read_records(b"not xml")
    assert [(e.row, e.column) for e in result.errors] == [(0, "file")]


def test_errors_in_an_xml_file_name_the_person_and_the_element(
    manager: Any, council: LocalAuthority
) -> None:
    data = write_xml(sample_return()).decode()
    data = data.replace("<Sex>", "<Sex>Q", 1)
    run = ImportRun.objects.create(created_by=manager, file_name="r.xml", kind="sen2_xml")
    report = import_records(
        read_records(data.encode()), actor=manager, kind="sen2_xml", dry_run=False,
        audit_object=run, today=TODAY,
    )  # fmt: skip
    assert ("Sex", 1) in [(e.column, e.row) for e in report.errors]
    assert ("URN", 1) in [(e.column, e.row) for e in report.errors]  # 123456 is not in Thrive
    assert not Child.objects.exists()


def test_a_return_is_imported(manager: Any, council: LocalAuthority) -> None:
    Setting.objects.create(
        urn="123456", name="School", establishment_type="mainstream_academy", phase="primary",
        local_authority=council,
    )  # fmt: skip
    run = ImportRun.objects.create(created_by=manager, file_name="r.xml", kind="sen2_xml")
    ret = sample_return()
    ret = replace(
        ret,
        persons=tuple(replace(p, upn=upn(n)) if p.upn else p for n, p in enumerate(ret.persons)),
    )
    report = import_records(
        read_records(write_xml(ret)), actor=manager, kind="sen2_xml", dry_run=False,
        audit_object=run, today=TODAY,
    )  # fmt: skip
    assert report.errors == []
    assert Child.objects.count() == len(ret.persons)
    assert Case.objects.count() == sum(len(p.requests) for p in ret.persons)
    assert EhcPlan.objects.get().versions.get().placement_setting.urn == "123456"  # type: ignore[union-attr]


def test_a_later_placement_becomes_an_amended_final_naming_it(
    manager: Any, council: LocalAuthority
) -> None:
    for urn, kind in (("123456", "mainstream_academy"), ("654321", "special_academy_free")):
        Setting.objects.create(
            urn=urn, name=urn, establishment_type=kind, phase="primary", local_authority=council
        )
    ret = sample_return()
    first = ret.persons[0]
    request = first.requests[0]
    assert request.active_plan is not None
    moved = replace(
        request.active_plan,
        placements=(
            Placement(rank=1, urn="123456", entry_date=dt.date(2025, 7, 14),
                      leaving_date=dt.date(2025, 10, 31)),
            Placement(rank=1, urn="654321", entry_date=dt.date(2025, 11, 1)),
        ),
    )  # fmt: skip
    person = replace(first, upn=upn(3), requests=(replace(request, active_plan=moved),))
    run = ImportRun.objects.create(created_by=manager, file_name="r.xml", kind="sen2_xml")
    report = import_records(
        read_records(write_xml(replace(ret, persons=(person,)))), actor=manager,
        kind="sen2_xml", dry_run=False, audit_object=run, today=TODAY,
    )  # fmt: skip

    assert report.errors == []
    versions = list(
        EhcPlan.objects.get()
        .versions.order_by("number")
        .values_list("kind", "issued_on", "placement_setting__urn")
    )
    assert versions == [
        ("final", dt.date(2025, 7, 14), "123456"),
        ("amended_final", dt.date(2025, 11, 1), "654321"),
    ]
    assert EhcPlan.objects.get().versions.get(number=2).needs.count() == 2


def test_a_decision_to_issue_in_the_period_without_a_date_is_dated_within_it(
    manager: Any, council: LocalAuthority
) -> None:
    """Assessment Y with no plan yet after a historical decision to assess: the decision to
    issue is dated the first day of the period the return covers, so it reads back as Y."""
    person = Person(
        surname="Example", forename="Ada", birth_date=dt.date(2015, 3, 14), sex="F",
        ethnicity="WBRI", postcode="HP1 1AA", upn=upn(8),
        requests=(Request(outcome="H", received_date=dt.date(2024, 10, 8), source="1",
                          assessment=Assessment(outcome="Y")),),
    )  # fmt: skip
    ret = Sen2Return(header=Header(year=2026, reference_date=dt.date(2026, 1, 15), lea="938"),
                     persons=(person,))  # fmt: skip
    run = ImportRun.objects.create(created_by=manager, file_name="r.xml", kind="sen2_xml")
    report = import_records(
        read_records(write_xml(ret)), actor=manager, kind="sen2_xml", dry_run=False,
        audit_object=run, today=TODAY,
    )  # fmt: skip
    assert report.errors == []
    steps = list(CaseEvent.objects.order_by("id").values_list("kind", "on", "outcome"))
    assert steps == [
        ("request_received", dt.date(2024, 10, 8), None),
        ("decision_to_assess", dt.date(2024, 10, 8), True),
        ("decision_to_issue", dt.date(2025, 1, 1), True),
    ]


def test_a_withdrawal_a_return_reports_without_a_date_is_dated_in_its_period(
    manager: Any, council: LocalAuthority
) -> None:
    person = Person(
        surname="Example", forename="Ada", birth_date=dt.date(2015, 3, 14), sex="F",
        ethnicity="WBRI", postcode="HP1 1AA", upn=upn(9),
        requests=(Request(outcome="W", received_date=dt.date(2024, 12, 1), source="1"),),
    )  # fmt: skip
    ret = Sen2Return(header=Header(year=2026, reference_date=dt.date(2026, 1, 15), lea="938"),
                     persons=(person,))  # fmt: skip
    run = ImportRun.objects.create(created_by=manager, file_name="r.xml", kind="sen2_xml")
    report = import_records(
        read_records(write_xml(ret)), actor=manager, kind="sen2_xml", dry_run=False,
        audit_object=run, today=TODAY,
    )  # fmt: skip
    assert report.errors == []
    steps = list(CaseEvent.objects.order_by("id").values_list("kind", "on"))
    assert steps == [
        ("request_received", dt.date(2024, 12, 1)),
        ("withdrawn", dt.date(2025, 1, 1)),
    ]
