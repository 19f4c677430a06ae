"""SEN2 validation rules: every registered rule fails on a record made to break it (with
its id and severity) and passes on a valid return and on near misses; the table covers the
whole registry."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

import pytest

from thrive.law.identifiers import upn_check_letter
from thrive.returns.sen2.records import (
    ActivePlan,
    Assessment,
    Header,
    NamedPlan,
    Need,
    Person,
    Placement,
    Request,
    Sen2Return,
)
from thrive.returns.sen2.rules import ERROR, QUERY, REGISTRY, Finding, validate
from thrive.returns.sen2.rules.years import third_thursday_of_january

LA = "201"
CENSUS_2026 = date(2026, 1, 15)  # third Thursday of January 2026

Change = Callable[[Sen2Return], Sen2Return]


def valid_return(year: int = 2026) -> Sen2Return:
    """A return every rule accepts: one child with a plan issued in 2024, reviewed in 2025."""
    census = third_thursday_of_january(year)
    school = Placement(rank=1, urn="123456")
    return Sen2Return(
        header=Header(
            year=year,
            reference_date=census,
            lea=LA,
            created_at=datetime(year, 1, 20, 9, 30),
            dmo="Y",
            dco="N",
            dsco="R" if year >= 2025 else None,
        ),
        persons=(
            Person(
                surname="Smith",
                forename="Ada",
                birth_date=date(2014, 5, 1),
                sex="F",
                ethnicity="WBRI",
                postcode="SW1A 1AA",
                upn="P201123456789",
                uln="1234567899",
                child_id=7,
                requests=(
                    Request(
                        outcome="Y",
                        received_date=date(year - 2, 3, 1),
                        source="1" if year >= 2025 else None,
                        outcome_date=date(year - 2, 4, 1),
                        case_id=70,
                        assessment=Assessment(
                            outcome="Y",
                            outcome_date=date(year - 2, 7, 1),
                            week20_exceptions=False,
                            named_plan=NamedPlan(
                                start_date=date(year - 2, 7, 1),
                                details=(school,),
                                personal_budget=True,
                                organised_arrangements=False,
                                direct_payments="E",
                                plan_res="A",
                                plan_wbp=None,
                            ),
                        ),
                        active_plan=ActivePlan(
                            placements=(replace(school, entry_date=date(year - 3, 9, 1)),),
                            needs=(Need("ASD", 1), Need("SLCN", 2)),
                            review_meeting=date(year - 1, 6, 1),
                            review_outcome="M",
                            last_review=date(year - 1, 6, 20),
                        ),
                    ),
                ),
            ),
        ),
    )


# --- changing one part of the sample ---------------------------------------------------


def header(**changes: object) -> Change:
    return lambda ret: replace(ret, header=replace(ret.header, **changes))  # type: ignore[arg-type]


def person(**changes: object) -> Change:
    return lambda ret: replace(ret, persons=(replace(ret.persons[0], **changes),))  # type: ignore[arg-type]


def _request_change(fn: Callable[[Request], Request]) -> Change:
    def change(ret: Sen2Return) -> Sen2Return:
        first = ret.persons[0]
        return replace(ret, persons=(replace(first, requests=(fn(first.requests[0]),)),))

    return change


def request(**changes: object) -> Change:
    return _request_change(lambda r: replace(r, **changes))  # type: ignore[arg-type]


def assessment(**changes: object) -> Change:
    def fn(r: Request) -> Request:
        assert r.assessment is not None
        return replace(r, assessment=replace(r.assessment, **changes))  # type: ignore[arg-type]

    return _request_change(fn)


def named(**changes: object) -> Change:
    def fn(r: Request) -> Request:
        assert r.assessment is not None
        assert r.assessment.named_plan is not None
        plan = replace(r.assessment.named_plan, **changes)  # type: ignore[arg-type]
        return replace(r, assessment=replace(r.assessment, named_plan=plan))

    return _request_change(fn)


def active(**changes: object) -> Change:
    def fn(r: Request) -> Request:
        assert r.active_plan is not None
        return replace(r, active_plan=replace(r.active_plan, **changes))  # type: ignore[arg-type]

    return _request_change(fn)


def placement(**changes: object) -> Change:
    def fn(r: Request) -> Request:
        assert r.active_plan is not None
        first = replace(r.active_plan.placements[0], **changes)  # type: ignore[arg-type]
        return replace(r, active_plan=replace(r.active_plan, placements=(first,)))

    return _request_change(fn)


def detail(**changes: object) -> Change:
    def fn(r: Request) -> Request:
        assert r.assessment is not None
        assert r.assessment.named_plan is not None
        plan = r.assessment.named_plan
        first = replace(plan.details[0], **changes)  # type: ignore[arg-type]
        plan = replace(plan, details=(first, *plan.details[1:]))
        return replace(r, assessment=replace(r.assessment, named_plan=plan))

    return _request_change(fn)


def both(*changes: Change) -> Change:
    def change(ret: Sen2Return) -> Sen2Return:
        for step in changes:
            ret = step(ret)
        return ret

    return change


def year(y: int, *changes: Change) -> Change:
    return lambda ret: both(*changes)(valid_return(y))


NO_PLAN = assessment(named_plan=None, outcome_date=None)
UNDECIDED = both(
    request(active_plan=None), assessment(outcome="A", outcome_date=None, named_plan=None)
)

#: rule id -> (severity, a change that breaks it). One row per registered rule.
FAILING: dict[str, tuple[str, Change]] = {
    "T-HDR-1a": (ERROR, header(collection="SEN1")),
    "T-HDR-1b": (ERROR, header(source_level="X")),
    "T-HDR-1c": (ERROR, header(lea="20A")),
    "T-HDR-1d": (ERROR, header(lea="202")),
    "T-HDR-1e": (ERROR, header(reference_date=date(2026, 2, 19))),
    "T-HDR-1f": (QUERY, header(reference_date=date(2026, 1, 22))),
    "T-HDR-1g": (ERROR, header(serial_no="1")),
    "T-HDR-1h": (QUERY, header(created_at=datetime(2026, 1, 1, 12, 0))),
    "T-HDR-2a": (ERROR, header(dmo=None)),
    "T-HDR-2b": (ERROR, header(dco="Yes")),
    "T-HDR-2c": (ERROR, header(dsco=None)),
    "T-PER-1": (ERROR, person(requests=())),
    "T-PER-2a": (ERROR, person(upn="A201123456789")),
    "T-PER-2b": (ERROR, person(uln="123456789")),
    "T-PER-2c": (QUERY, person(uln="1234567890")),
    "T-PER-2d": (ERROR, person(upn=None, uln=None)),
    "T-PER-2e": (ERROR, person(upn_unknown="UN1")),
    "T-PER-3a": (ERROR, person(sex="X")),
    "T-PER-3b": (ERROR, person(ethnicity="WXYZ")),
    "T-PER-4a": (ERROR, person(surname=" ")),
    "T-PER-4b": (ERROR, person(postcode="")),
    "T-PER-4c": (QUERY, person(postcode="NOT A CODE")),
    "T-PER-4d": (QUERY, person(birth_date=date(1999, 1, 1))),
    "T-REQ-1": (ERROR, request(outcome="Q")),
    "T-REQ-2a": (ERROR, request(outcome_date=None)),
    "T-REQ-2b": (ERROR, request(outcome_date=date(2024, 2, 1))),
    "T-REQ-3": (QUERY, request(outcome="W")),
    "T-REQ-4a": (ERROR, request(source=None)),
    "T-REQ-4b": (ERROR, request(source="6")),
    "T-REQ-5a": (ERROR, request(exported="201")),
    "T-REQ-5b": (ERROR, active(transfer_la="2020")),
    "T-REQ-6": (QUERY, request(assessment=None, active_plan=None)),
    "T-ASS-1": (ERROR, assessment(outcome="S")),
    "T-ASS-2a": (
        ERROR,
        both(
            request(active_plan=None), assessment(outcome="N", outcome_date=None, named_plan=None)
        ),
    ),
    "T-ASS-2b": (ERROR, assessment(outcome_date=None)),
    "T-ASS-2c": (ERROR, both(request(active_plan=None), assessment(named_plan=None))),
    "T-ASS-2d": (ERROR, assessment(outcome_date=date(2024, 2, 1))),
    "T-ASS-3a": (
        ERROR,
        both(request(active_plan=None), assessment(outcome="W", outcome_date=None)),
    ),
    "T-ASS-3b": (ERROR, both(assessment(outcome="H", outcome_date=None, named_plan=None))),
    "T-ASS-4a": (QUERY, assessment(week20_exceptions=None)),
    "T-ASS-4b": (
        QUERY,
        both(assessment(outcome_date=date(2024, 7, 20)), named(start_date=date(2024, 7, 20))),
    ),
    "T-PLN-1a": (ERROR, named(start_date=None)),
    "T-PLN-1b": (ERROR, named(details=())),
    "T-PLN-1c": (ERROR, named(details=(Placement(rank=2, urn="123456"),))),
    "T-PLN-2a": (ERROR, detail(urn=None)),
    "T-PLN-2b": (ERROR, detail(sen_setting="OLA")),
    "T-PLN-2c": (ERROR, detail(urn="12345")),
    "T-PLN-2d": (ERROR, placement(urn=None, ukprn="1234567")),
    "T-PLN-2e": (ERROR, placement(urn=None, sen_setting="HOME")),
    "T-PLN-3a": (ERROR, named(cease_date=date(2025, 12, 1))),
    "T-PLN-3b": (ERROR, named(cease_date=date(2025, 12, 1), cease_reason="0")),
    "T-PLN-3c": (ERROR, named(cease_date=date(2024, 6, 1), cease_reason="9")),
    "T-PLN-4a": (ERROR, named(plan_res="C")),
    "T-PLN-4b": (ERROR, named(plan_wbp="X")),
    "T-PLN-4c": (ERROR, named(direct_payments="P")),
    "T-PLN-4d": (ERROR, placement(res="52")),
    "T-PLN-4e": (ERROR, placement(wbp="I")),
    "T-PLN-5": (QUERY, named(personal_budget=False)),
    "T-ACT-1a": (ERROR, active(needs=())),
    "T-ACT-1b": (ERROR, active(needs=(Need("ASD", 2), Need("SLCN", 2)))),
    "T-ACT-1c": (ERROR, active(needs=(Need("NSA", 1),))),
    "T-ACT-2a": (ERROR, active(placements=())),
    "T-ACT-2b": (ERROR, placement(entry_date=None)),
    "T-ACT-2c": (ERROR, placement(leaving_date=date(2022, 1, 1))),
    "T-ACT-2d": (ERROR, placement(entry_date=date(2020, 9, 1), leaving_date=date(2024, 7, 20))),
    "T-ACT-3a": (ERROR, active(review_meeting=None, last_review=None)),
    "T-ACT-3b": (ERROR, active(last_review=date(2026, 1, 16))),
    "T-ACT-3c": (ERROR, active(review_outcome="R")),
    "T-ACT-4a": (QUERY, active(last_review=date(2025, 5, 31))),
    "T-ACT-4b": (QUERY, active(last_review=date(2025, 6, 30))),
    "T-ACT-5": (QUERY, active(review_meeting=None, review_outcome=None, last_review=None)),
    "T-ACT-6": (QUERY, active(phase_transfer_final=date(2025, 2, 16))),
    "T-GEN-1a": (ERROR, request(received_date="2024-03-01")),
    "T-GEN-1b": (ERROR, request(outcome_date=date(2026, 1, 16))),
    "T-GEN-1c": (ERROR, person(birth_date=date(2026, 2, 1))),
    "T-GEN-2": (ERROR, request(tribunal=2)),
}


def _ids(findings: list[Finding]) -> set[str]:
    return {finding.rule_id for finding in findings}


def test_the_sample_passes_every_rule_in_each_year() -> None:
    for y in (2024, 2025, 2026):
        assert validate(valid_return(y), la_code=LA) == []


def test_every_registered_rule_has_a_failing_case() -> None:
    assert set(FAILING) == set(REGISTRY)


def test_the_table_says_each_rules_severity() -> None:
    assert {rule_id: severity for rule_id, (severity, _) in FAILING.items()} == {
        rule.id: rule.severity for rule in REGISTRY.values()
    }


@pytest.mark.parametrize("rule_id", sorted(FAILING))
def test_rule_fails_on_a_broken_record(rule_id: str) -> None:
    severity, change = FAILING[rule_id]
    findings = [f for f in validate(change(valid_return()), la_code=LA) if f.rule_id == rule_id]
    assert findings, f"{rule_id} did not fire"
    assert {f.severity for f in findings} == {severity}
    rule = REGISTRY[rule_id]
    assert all(f.item in f.message for f in findings), "the message names the item"
    if rule.scope != "header":
        assert {f.child_id for f in findings} == {7}
        assert all(f.location.startswith("Person 1") for f in findings)
    if rule.scope == "request":
        assert {f.case_id for f in findings} == {70}


def test_a_upn_in_lower_case_is_written_in_capitals() -> None:
    (finding,) = validate(person(upn="p201123456789")(valid_return()), la_code=LA)
    assert (finding.rule_id, finding.message) == (
        "T-PER-2a",
        "UPN must be written in capital letters with no spaces",
    )


def test_messages_keep_the_date_of_birth_out() -> None:
    for born in (date(2026, 2, 1), date(1999, 1, 1)):
        messages = [
            f.message for f in validate(person(birth_date=born)(valid_return()), la_code=LA)
        ]
        assert messages
        assert not [m for m in messages if born.isoformat() in m]


def test_a_review_decision_overdue_at_the_census_is_queried() -> None:
    change = active(review_meeting=date(2025, 12, 17), review_outcome=None)
    (finding,) = validate(change(valid_return()), la_code=LA)
    assert (finding.rule_id, finding.severity) == ("T-ACT-4b", QUERY)
    assert "was due by 2026-01-14" in finding.message


#: Near misses: a change that looks like the failing one but is allowed.
PASSING: list[tuple[str, Change]] = [
    ("T-HDR-1f", header(reference_date=date(2024, 1, 18), year=2024, dsco=None)),
    ("T-HDR-1h", header(created_at=None)),
    ("T-HDR-2c", year(2025, header(dsco=None))),
    ("T-PER-2a", person(upn=upn_check_letter("20112345678A") + "20112345678A")),
    ("T-PER-2d", person(upn=None, uln=None, upn_unknown="UN10")),
    ("T-PER-2e", person(upn=None, uln=None, upn_unknown="UN2")),
    ("T-PER-4c", person(postcode="sw1a1aa")),
    ("T-PER-4d", person(birth_date=date(2000, 6, 1))),
    ("T-REQ-2a", both(request(outcome="A", outcome_date=None), UNDECIDED)),
    ("T-REQ-2b", request(outcome_date=date(2024, 3, 1))),
    ("T-REQ-3", request(outcome="H")),
    ("T-REQ-4a", year(2025, request(source=None))),
    ("T-REQ-4b", year(2024, request(source="9"))),
    ("T-REQ-5a", request(exported="202")),
    ("T-REQ-5b", active(transfer_la="202")),
    ("T-ASS-1", year(2023, assessment(outcome="S"))),
    ("T-ASS-2c", both(request(active_plan=None), NO_PLAN)),
    ("T-ASS-3b", assessment(outcome="H")),
    (
        "T-ASS-4b",
        both(assessment(outcome_date=date(2024, 7, 19)), named(start_date=date(2024, 7, 19))),
    ),
    ("T-ASS-4b", both(assessment(outcome_date=date(2024, 9, 1), week20_exceptions=True))),
    ("T-PLN-1c", named(details=(Placement(1, urn="123456"), Placement(2, ukprn="12345678")))),
    ("T-PLN-2b", detail(urn=None, sen_setting="OLA")),
    ("T-PLN-3a", named(cease_date=date(2025, 12, 1), cease_reason="5")),
    ("T-PLN-4a", named(plan_res="B")),
    ("T-PLN-4e", placement(wbp="S")),
    ("T-PLN-5", named(direct_payments=None, personal_budget=False)),
    ("T-ACT-1a", active(needs=(Need("ASD", 1),))),
    ("T-ACT-1c", active(needs=(Need("DS", 1),))),
    ("T-ACT-2c", placement(leaving_date=date(2023, 9, 1))),
    ("T-ACT-2d", placement(entry_date=date(2020, 9, 1), leaving_date=date(2025, 1, 1))),
    ("T-ACT-4b", active(last_review=date(2025, 6, 29))),
    # A decision still pending, within 4 weeks of the census: LastReview is the previous one.
    ("T-ACT-4a", active(review_meeting=date(2025, 12, 19), review_outcome=None)),
    ("T-ACT-4b", active(review_meeting=date(2025, 12, 19), review_outcome=None)),
    (
        "T-ACT-5",
        both(
            active(review_meeting=None, review_outcome=None, last_review=None),
            named(start_date=date(2025, 1, 16)),
            assessment(outcome_date=date(2025, 1, 16)),
            request(received_date=date(2024, 10, 1), outcome_date=date(2024, 10, 20)),
        ),
    ),
    ("T-ACT-6", active(phase_transfer_final=date(2025, 2, 15))),
    (
        "T-ACT-6",
        both(person(birth_date=date(2009, 5, 1)), active(phase_transfer_final=date(2025, 3, 31))),
    ),
    ("T-GEN-1b", active(phase_transfer_due=date(2026, 2, 15))),
    ("T-GEN-2", assessment(week20_exceptions=True)),
]


@pytest.mark.parametrize(("rule_id", "change"), PASSING)
def test_rule_passes_a_near_miss(rule_id: str, change: Change) -> None:
    ret = change(valid_return())
    assert rule_id not in _ids(validate(ret, la_code=LA))
