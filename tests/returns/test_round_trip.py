"""Issue 7 part 4: a SEN2 return exported by Thrive and imported into an empty Thrive
reproduces the same people, plans and counts, on a generated area.

The area is generated, its return built and written as XML, and then everything is rolled
back: Thrive is empty again (the timelines and the audit log cannot be deleted, by design, so
rolling back is the honest way to empty it). The council and its settings are put back, as a
council moving to Thrive would load them from Get Information About Schools first; the XML is
imported; the return is built again and compared with the first.

What SEN2 does not carry cannot come back, so it is left out of the comparison:
- mediation and tribunal flags (Thrive records disputes; a return only flags them);
- the date of an earlier review's decision while the latest review is still open (SEN2 gives
  no meeting date for it);
- the draft date of an amended plan after a review;
- the type of a setting named only as "other" (OTH: SEN2 does not say which type);
- the earlier settings of a plan that moved school during the year (the imported plan names
  the setting of the first final plan)."""

import datetime as dt
from dataclasses import astuple, replace
from typing import Any

import pytest
from django.db import transaction

from tests.factories import make_user
from thrive.accounts.models import Role
from thrive.demo.generator import generate_area
from thrive.people.models import LocalAuthority, Setting
from thrive.returns.imports.importer import import_records
from thrive.returns.imports.sen2_xml import read_records
from thrive.returns.models import ImportRun
from thrive.returns.sen2.build import build_return, period_for, reference_date_for, return_counts
from thrive.returns.sen2.records import Person, Request, Sen2Return
from thrive.returns.sen2.xml_writer import write_xml

TODAY = dt.date(2026, 11, 23)
YEAR = 2026
LA = "938"


def _setting(code: str | None) -> str | None:
    """OTH stands for every type of setting Thrive knows but SEN2 does not list: it cannot
    say which type, so an imported plan names none."""
    return None if code == "OTH" else code


def _request(r: Request) -> tuple[Any, ...]:
    a = r.assessment
    named = a.named_plan if a else None
    active = r.active_plan
    return (
        r.received_date,
        r.source,
        r.outcome,
        r.outcome_date,
        a and (a.outcome, a.outcome_date, a.week20_exceptions),
        named
        and (
            named.start_date,
            tuple(astuple(replace(p, sen_setting=_setting(p.sen_setting))) for p in named.details),
            named.personal_budget,
            named.cease_date,
            named.cease_reason,
        ),
        active
        and (
            active.needs,
            active.review_meeting,
            active.review_outcome,
            active.last_review if active.review_outcome else None,
            active.placements[-1].urn if active.placements else None,
        ),
    )


def _person(p: Person) -> tuple[Any, ...]:
    return (
        p.surname, p.forename, p.birth_date, p.sex, p.ethnicity, p.postcode, p.upn,
        p.upn_unknown, tuple(_request(r) for r in p.requests),
    )  # fmt: skip


def _people(ret: Sen2Return) -> list[tuple[Any, ...]]:
    return sorted(_person(p) for p in ret.persons)


def _build() -> Sen2Return:
    return build_return(year=YEAR, reference_date=reference_date_for(YEAR), la_code=LA)


@pytest.mark.django_db
def test_an_exported_return_imported_into_an_empty_thrive_builds_the_same_return() -> None:
    with transaction.atomic():
        generate_area(children=300, seed=7, years=4, today=TODAY, established=0.4)
        exported = _build()
        data = write_xml(exported)
        councils = list(LocalAuthority.objects.values())
        settings = list(Setting.objects.values())
        transaction.set_rollback(True)
    assert not Setting.objects.exists()
    LocalAuthority.objects.bulk_create(LocalAuthority(**row) for row in councils)
    Setting.objects.bulk_create(Setting(**row) for row in settings)
    manager = make_user("importer", Role.SEND_MANAGER)
    run = ImportRun.objects.create(created_by=manager, file_name="sen2.xml", kind="sen2_xml")

    report = import_records(
        read_records(data), actor=manager, kind="sen2_xml", dry_run=False, audit_object=run,
        today=TODAY,
    )  # fmt: skip

    assert report.errors == []
    again = _build()
    assert len(again.persons) == len(exported.persons)
    assert _people(again) == _people(exported)
    period = period_for(YEAR)
    assert return_counts(again, *period) == return_counts(exported, *period)
    assert report.counts["children"]["new"] == len(exported.persons)
    plans = sum(
        1 for p in exported.persons for r in p.requests if r.assessment and r.assessment.named_plan
    )
    assert report.counts["plans"]["new"] == plans
    assert plans > 20  # the area has plans to compare, issued in the year and before

    # And importing the same file again changes nothing.
    second = import_records(
        read_records(data), actor=manager, kind="sen2_xml", dry_run=False, audit_object=run,
        today=TODAY,
    )  # fmt: skip
    assert second.errors == []
    assert {change for counts in second.counts.values() for change in counts} == {"unchanged"}
    assert second.counts["children"]["unchanged"] == len(exported.persons)
