"""Writing the synthetic area to the database, and the `generate-area` command."""

import io
import os
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from tests.demo.conftest import TODAY, area_spec, planned
from thrive.accounts.models import Role
from thrive.assessments.models import Case, CaseAssignment, CaseEvent
from thrive.core.models import AuditEntry
from thrive.demo.generator import default_workers, generate_area
from thrive.law.clock import assessment_clock, refusal_for
from thrive.people.models import Child, LocalAuthority, Setting

SMALL = 300


@pytest.fixture
def small_area(db: Any) -> Any:
    return generate_area(children=SMALL, seed=1, years=4, today=TODAY)


def test_writes_the_council_settings_children_and_cases(small_area: Any) -> None:
    la = LocalAuthority.objects.get(code=settings.THRIVE_LA_CODE)
    assert la.name == settings.THRIVE_COUNCIL_NAME
    assert Child.objects.filter(home_local_authority=la).count() == SMALL
    assert Case.objects.count() == SMALL
    assert Setting.objects.filter(local_authority=la).count() == small_area.settings
    assert CaseEvent.objects.count() == small_area.events
    assert small_area.refused_steps == 0


def test_database_holds_exactly_the_planned_area(small_area: Any) -> None:
    register, children = planned(area_spec(children=SMALL))
    rows = Child.objects.order_by("id").values_list(
        "first_name", "last_name", "date_of_birth", "upn", "nhs_number", "postcode",
        "primary_need", "setting__urn",
    )  # fmt: skip
    expected = [
        (c.first_name, c.last_name, c.date_of_birth, c.upn, c.nhs_number, c.postcode,
         c.primary_need, None if c.setting is None else register.settings[c.setting].urn)
        for c in children
    ]  # fmt: skip
    assert list(rows) == expected
    cases = Case.objects.order_by("id").prefetch_related("events")
    for case, child in zip(cases, children, strict=True):
        assert tuple(e.as_law_event() for e in case.events.all()) == child.events


def test_stored_timelines_replay_without_a_refusal(small_area: Any) -> None:
    for case in Case.objects.prefetch_related("events"):
        history = [event.as_law_event() for event in case.events.all()]
        for position, event in enumerate(history):
            assert refusal_for(history[:position], event, TODAY) is None
        assessment_clock(history, TODAY)
        assert case.events.all()[0].request_source  # who asked is recorded


def test_cases_are_held_by_case_officers_with_their_history(small_area: Any) -> None:
    for case in Case.objects.select_related("case_officer").prefetch_related("assignments"):
        assert case.case_officer.role in (Role.CASE_OFFICER, Role.SEND_MANAGER)
        assignments = list(case.assignments.all())
        assert assignments
        assert assignments[-1].case_officer_id == case.case_officer_id
    assert CaseAssignment.objects.exclude(assigned_by=None).exists()  # some were reassigned


def test_history_reads_as_if_recorded_on_the_day(small_area: Any) -> None:
    for case in Case.objects.prefetch_related("events", "assignments"):
        events, assignments = list(case.events.all()), list(case.assignments.all())
        received = events[0].on
        assert timezone.localtime(case.created_at).date() == received
        assert timezone.localtime(assignments[0].assigned_at).date() == received
        holders = {a.case_officer_id for a in assignments}
        for event in events:
            assert timezone.localtime(event.recorded_at).date() == event.on
            assert event.recorded_by_id in holders


def test_one_audit_entry_records_the_generation(small_area: Any) -> None:
    entry = AuditEntry.objects.get()
    la = LocalAuthority.objects.get(code=settings.THRIVE_LA_CODE)
    assert entry.actor is None
    assert entry.channel == "command"
    assert (entry.object_type, entry.object_id) == ("people.localauthority", la.pk)
    assert f"{SMALL:,} children" in entry.summary
    assert "seed 1" in entry.summary


def test_ids_carry_on_after_the_generated_rows(small_area: Any) -> None:
    case = Case.objects.order_by("-id").first()
    event = CaseEvent.objects.create(case=case, kind="withdrawn", on=TODAY)
    assert event.pk == CaseEvent.objects.count()


@pytest.mark.django_db
def test_command_reports_what_it_generated() -> None:
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "generate-area", children=120, seed=3, years=2, today=TODAY, stdout=out, stderr=err
    )
    assert "120 children and young people" in out.getvalue()
    assert "children 120/120" in err.getvalue()  # progress, on stderr
    assert Child.objects.count() == 120


@pytest.mark.django_db
def test_if_empty_does_nothing_when_children_exist() -> None:
    call_command("generate-area", children=50, today=TODAY, stdout=io.StringIO())
    out = io.StringIO()
    call_command("generate-area", "--if-empty", children=50, today=TODAY, stdout=out)
    assert "no area was generated" in out.getvalue()
    assert Child.objects.count() == 50
    assert AuditEntry.objects.count() == 1


@pytest.mark.django_db
def test_if_empty_generates_into_an_empty_database() -> None:
    call_command("generate-area", "--if-empty", children=40, today=TODAY, stdout=io.StringIO())
    assert Child.objects.count() == 40


@pytest.mark.parametrize(
    ("children", "cpus", "load", "workers"),
    [
        (5_000, 8, 0.0, 0),  # small: planned here
        (100_000, 2, 0.2, 1),  # a CPU to spare beside the writer
        (100_000, 2, 1.5, 0),  # the machine is busy: a worker would only add work
        (100_000, 8, 1.0, 4),  # up to 4
    ],
)
def test_workers_only_where_a_cpu_is_spare(
    monkeypatch: pytest.MonkeyPatch, children: int, cpus: int, load: float, workers: int
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cpus)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load), raising=False)
    assert default_workers(children) == workers
