"""The Annex A lists: who is on them on a reference date, their coded answers, the exact
sheet names and headings, real date cells, and a fixed number of queries."""

import datetime as dt
from collections.abc import Callable
from io import BytesIO
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from tests.returns import annex_a_builders as build
from thrive.disputes.models import Appeal
from thrive.people.models import Child, LocalAuthority
from thrive.returns.annex_a import annex_a_lists, annex_a_workbook, columns, headings
from thrive.returns.annex_a.selectors import list_1_rows, list_2_rows

ON = dt.date(2026, 1, 15)
DASH = "\u2013"  # EN DASH, as the template spells the establishment columns

#: The template's headings, as published (statutory.md section 4; data-to-insight's SEN
#: validator, sen_validator/rule_engine/__api.py), written out here character by character.
LIST_1_HEADINGS = [
    "Unique ID",
    "UPN",
    "ULN",
    "Date of birth",
    "Gender",
    "Ethnicity",
    "Date initial EHC plan issued",
    "Date updated EHC plan issued",
    "Date EHC plan last reviewed",
    "SEN primary need",
    f"Main education establishment {DASH} URN",
    f"Main education establishment {DASH} phase",
    f"Subsidiary education establishment {DASH} phase (dual registration)",
    "Elective home education",
    "Suspensions",
    "Permanent exclusions",
    "Absence",
    "Pupil Premium",
    "Known to children's social care?",
    "Which children's social care team?",
    "Does the child or young person have a disability?",
]
LIST_2_HEADINGS = [
    h
    for h in LIST_1_HEADINGS
    if not h.startswith("Date ") or h == "Date of birth"
    if h != "Elective home education"
]


def _ids(rows: list[columns.Row]) -> list[int]:
    return [row.unique_id for row in rows]


def _open(lists: Any) -> Any:
    return load_workbook(BytesIO(annex_a_workbook(lists)))


# --- Headings and sheets ---------------------------------------------------------------


def test_headings_are_the_templates_character_by_character() -> None:
    for sheet, expected in (("List_1", LIST_1_HEADINGS), ("List_2", LIST_2_HEADINGS)):
        got = headings(sheet)
        assert [[ord(c) for c in h] for h in got] == [[ord(c) for c in h] for h in expected]
    assert len(LIST_1_HEADINGS) == 21
    assert len(LIST_2_HEADINGS) == 17
    assert sum(DASH in h for h in headings("List_1")) == 3
    assert not any("-" in h for h in headings("List_1") if "establishment" in h)


@pytest.mark.django_db
def test_workbook_has_list_1_then_list_2_with_the_header_row_frozen() -> None:
    book = _open(annex_a_lists(ON))
    assert book.sheetnames == ["List_1", "List_2"]
    for name, expected in (("List_1", LIST_1_HEADINGS), ("List_2", LIST_2_HEADINGS)):
        sheet = book[name]
        assert [cell.value for cell in sheet[1]] == expected
        assert sheet.freeze_panes == "A2"
        assert sheet.max_row == 1  # nobody on an empty area's lists
        assert all(sheet.column_dimensions[c].width >= 12 for c in ("A", "K"))


# --- List 1 ------------------------------------------------------------------------------


@pytest.fixture
def child(make_child: Callable[..., Child]) -> Callable[..., Child]:
    return make_child


def test_list_1_is_the_plans_maintained_on_the_date(child: Any, officer: Any) -> None:
    kept = child(upn="A123456789012")
    build.plan(kept, officer, dt.date(2024, 5, 1))
    issued_after = child()
    build.plan(issued_after, officer, ON + dt.timedelta(days=1))
    issued_that_day = child()
    build.plan(issued_that_day, officer, ON)
    not_final = child()
    build.plan(not_final, officer, None)
    ceased = child()
    build.cease(build.plan(ceased, officer, dt.date(2023, 3, 1)), officer, ON)
    ceasing_later = child()
    build.cease(
        build.plan(ceasing_later, officer, dt.date(2023, 3, 1)), officer, ON.replace(month=2)
    )
    withdrawn = child()
    build.cease(build.plan(withdrawn, officer, dt.date(2023, 3, 1)), officer, ON, withdrawn_on=ON)
    appealed = child()  # the family appealed the decision to cease: the plan is kept meanwhile
    held = build.plan(appealed, officer, dt.date(2023, 3, 1))
    build.cease(held, officer, ON - dt.timedelta(days=7))
    Appeal.objects.create(
        case=held.case,
        subject="ceasing",
        decision_letter_on=ON - dt.timedelta(weeks=10),
        registered_on=ON - dt.timedelta(weeks=5),
        recorded_by=officer,
    )

    assert _ids(list_1_rows(ON)) == [
        kept.pk,
        issued_that_day.pk,
        ceasing_later.pk,
        withdrawn.pk,
        appealed.pk,
    ]
    # A day before, the plan issued that day is not in, and the ceased plan still is
    before = _ids(list_1_rows(ON - dt.timedelta(days=1)))
    assert issued_that_day.pk not in before
    assert ceased.pk in before


def test_list_1_dates_are_the_first_final_last_amended_and_last_review(
    child: Any, officer: Any
) -> None:
    ada = child(date_of_birth=dt.date(2015, 2, 3))
    made = build.plan(ada, officer, dt.date(2022, 6, 1))
    build.review(made, officer, dt.date(2023, 5, 20), decision="amend")
    build.amend(made, officer, dt.date(2023, 7, 10))
    build.review(made, officer, dt.date(2024, 5, 21))
    build.review(made, officer, ON + dt.timedelta(days=3), decision="")  # after the date
    build.amend(made, officer, ON + dt.timedelta(days=10))  # after the date
    fresh = child()
    build.plan(fresh, officer, dt.date(2025, 11, 1))

    rows = {row.unique_id: row for row in list_1_rows(ON)}
    assert rows[ada.pk].date_of_birth == dt.date(2015, 2, 3)
    assert rows[ada.pk].initial_plan_issued == dt.date(2022, 6, 1)
    assert rows[ada.pk].updated_plan_issued == dt.date(2023, 7, 10)
    assert rows[ada.pk].last_reviewed == dt.date(2024, 5, 21)
    assert rows[fresh.pk].updated_plan_issued is None
    assert rows[fresh.pk].last_reviewed is None


def test_list_1_coded_answers(child: Any, officer: Any, council: LocalAuthority) -> None:
    school = build.setting(council, "123456", "secondary")
    special = build.setting(council, "654321", "special", name="Elm")
    boy = child(sex="M", ethnicity="BCRB", primary_need="DS")
    girl = child(sex="F", ethnicity="NOBT", primary_need="SEMH", setting=school)
    made = build.plan(boy, officer, dt.date(2024, 1, 1), named=school)
    build.amend(made, officer, dt.date(2025, 1, 1), named=special)
    build.plan(girl, officer, dt.date(2024, 1, 1))

    rows = {row.unique_id: row for row in list_1_rows(ON)}
    assert (rows[boy.pk].gender, rows[girl.pk].gender) == ("a) Male", "b) Female")
    assert (rows[boy.pk].ethnicity, rows[girl.pk].ethnicity) == ("n) BCRB", "t) NOBT")
    assert rows[boy.pk].primary_need == "l) OTH"  # Down syndrome: no answer in the template
    assert rows[girl.pk].primary_need == "e) SEMH"
    # The setting the plan in force names; without one, the child's recorded setting
    assert (rows[boy.pk].main_urn, rows[boy.pk].main_phase) == ("654321", "g) Special")
    assert (rows[girl.pk].main_urn, rows[girl.pk].main_phase) == ("123456", "e) Secondary")
    for name in columns.NOT_HELD:
        assert getattr(rows[boy.pk], name) is None


def test_code_lists_follow_the_template() -> None:
    assert columns.ETHNICITY["WBRI"] == "a) WBRI"
    assert columns.ETHNICITY["NOBT"] == "t) NOBT"
    assert columns.ethnicity("") == "t) NOBT"
    assert [columns.PRIMARY_NEED[c] for c in ("SPLD", "ASD", "OTH")] == [
        "a) SPLD",
        "k) ASD",
        "l) OTH",
    ]
    assert columns.PHASE["nursery"] == "a) Nursery"
    assert columns.PHASE["pru_ap"] == "h) Pupil referral unit/Alternative provision"
    assert columns.PHASE["fe_college"] == "i) FE college"
    assert columns.gender("") == "c) Not known"


# --- List 2 ------------------------------------------------------------------------------


def test_list_2_is_derived_from_requests_that_led_to_no_plan(
    child: Any, officer: Any, council: LocalAuthority
) -> None:
    school = build.setting(council, "100001", "primary")
    refused = child(setting=school, upn="B123456789012")
    build.request(refused, dt.date(2025, 3, 1), ("decision_to_assess", dt.date(2025, 4, 1), False))
    in_progress = child(setting=school)
    build.request(in_progress, dt.date(2025, 12, 1))
    with_plan = child(setting=school)
    build.plan(with_plan, officer, dt.date(2024, 1, 1))
    request_after = child(setting=school)
    build.request(request_after, ON + dt.timedelta(days=1))
    no_setting = child()
    build.request(no_setting, dt.date(2025, 3, 1))
    no_need = child(setting=school, primary_need="")
    build.request(no_need, dt.date(2025, 3, 1))
    too_old = child(setting=school, date_of_birth=dt.date(1999, 1, 1))
    build.request(too_old, dt.date(2025, 3, 1))
    plan_ceased = child(setting=school)  # a new request after the plan ceased
    build.cease(build.plan(plan_ceased, officer, dt.date(2022, 1, 1)), officer, dt.date(2024, 9, 1))
    build.request(plan_ceased, dt.date(2025, 5, 1))
    final_after = child(setting=school)  # the plan came after the reference date
    build.plan(final_after, officer, ON + dt.timedelta(days=5), received=dt.date(2025, 8, 1))

    rows = list_2_rows(ON)
    assert _ids(rows) == [refused.pk, in_progress.pk, plan_ceased.pk, final_after.pk]
    first = rows[0]
    assert (first.upn, first.main_urn, first.main_phase) == (
        "B123456789012",
        "100001",
        "b) Primary",
    )
    assert first.primary_need == "k) ASD"
    assert set(_ids(rows)).isdisjoint(_ids(list_1_rows(ON)))


# --- Workbook cells -----------------------------------------------------------------------


def test_dates_are_real_date_cells_shown_dd_mm_yyyy(child: Any, officer: Any) -> None:
    ada = child(date_of_birth=dt.date(2015, 2, 3), upn="A123456789012")
    made = build.plan(ada, officer, dt.date(2022, 6, 1))
    build.review(made, officer, dt.date(2024, 5, 21))
    build.request(child(setting=None), dt.date(2025, 3, 1))

    sheet = _open(annex_a_lists(ON))["List_1"]
    assert sheet.max_row == 2
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, sheet[2], strict=True))
    for heading, expected in (
        ("Date of birth", dt.date(2015, 2, 3)),
        ("Date initial EHC plan issued", dt.date(2022, 6, 1)),
        ("Date EHC plan last reviewed", dt.date(2024, 5, 21)),
    ):
        cell = row[heading]
        assert cell.is_date
        assert cell.number_format == "DD/MM/YYYY"
        assert cell.value.date() == expected
    assert row["Date updated EHC plan issued"].value is None
    assert row["Unique ID"].value == ada.pk
    assert row["UPN"].value == "A123456789012"
    assert row["Gender"].value == "b) Female"
    assert row["Suspensions"].value is None


# --- Queries -----------------------------------------------------------------------------


def _queries(on: dt.date) -> int:
    with CaptureQueriesContext(connection) as context:
        annex_a_lists(on)
    return len(context)


def test_a_fixed_number_of_queries_however_many_children(
    child: Any, officer: Any, council: LocalAuthority
) -> None:
    school = build.setting(council, "100001", "primary")

    def area(n: int) -> None:
        for i in range(n):
            made = build.plan(child(setting=school), officer, dt.date(2024, 1, 1), named=school)
            build.review(made, officer, dt.date(2025, 1, 1))
            build.amend(made, officer, dt.date(2025, 2, 1))
            if i % 2:
                build.cease(made, officer, dt.date(2025, 12, 1))
            build.request(child(setting=school), dt.date(2025, 3, 1))

    area(2)
    few = _queries(ON)
    assert few <= 5  # the plans a disagreement holds (up to 3), then one query per list
    area(10)
    assert _queries(ON) == few
    lists = annex_a_lists(ON)
    assert (len(lists.list_1), len(lists.list_2)) == (6, 12)
