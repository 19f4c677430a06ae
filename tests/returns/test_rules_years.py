"""SEN2 rules: what changes by collection year comes from the year settings, and the
engine (registry, ordering, locations) behaves."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.returns.test_rules import LA, active, header, named, placement, request, valid_return
from thrive.returns.sen2.records import Need, Sen2Return
from thrive.returns.sen2.rules import REGISTRY, Finding, validate
from thrive.returns.sen2.rules.base import header_rule
from thrive.returns.sen2.rules.years import third_thursday_of_january, year_spec

#: The checks of sen2-details.md section 5.2 (28 rows), and T-PER-4, which we added.
PUBLISHED = {
    *(f"T-HDR-{n}" for n in (1, 2)),
    *(f"T-PER-{n}" for n in (1, 2, 3)),
    *(f"T-REQ-{n}" for n in range(1, 7)),
    *(f"T-ASS-{n}" for n in range(1, 5)),
    *(f"T-PLN-{n}" for n in range(1, 6)),
    *(f"T-ACT-{n}" for n in range(1, 7)),
    *(f"T-GEN-{n}" for n in (1, 2)),
}


def found(ret: Sen2Return, rule_id: str) -> list[Finding]:
    return [f for f in validate(ret, la_code=LA) if f.rule_id == rule_id]


def test_every_published_check_is_implemented_and_nothing_else_but_t_per_4() -> None:
    assert len(PUBLISHED) == 28
    assert {rule.published_id for rule in REGISTRY.values()} == PUBLISHED | {"T-PER-4"}


@pytest.mark.parametrize(
    ("year", "source", "expected"),
    [
        (2026, None, "T-REQ-4a"),
        (2025, None, None),
        (2025, "5", None),
        (2025, "0", "T-REQ-4b"),
        (2024, "0", None),  # not collected: the writers leave it out
    ],
)
def test_request_source_is_mandatory_from_2026_and_new_in_2025(
    year: int, source: str | None, expected: str | None
) -> None:
    ret = request(source=source)(valid_return(year))
    ids = {f.rule_id for f in validate(ret, la_code=LA)}
    assert ids == ({expected} if expected else set())


@pytest.mark.parametrize(
    ("year", "dsco", "fails"),
    [(2026, None, True), (2025, None, False), (2025, "X", True), (2024, "X", False)],
)
def test_dsco_by_year(year: int, dsco: str | None, fails: bool) -> None:
    assert bool(found(header(dsco=dsco)(valid_return(year)), "T-HDR-2c")) is fails


def test_down_syndrome_is_a_need_from_2025() -> None:
    change = active(needs=(Need("DS", 1),))
    assert found(change(valid_return(2024)), "T-ACT-1c")
    assert not found(change(valid_return(2025)), "T-ACT-1c")


def test_oth_setting_from_2024() -> None:
    change = placement(urn=None, sen_setting="OTH")
    assert found(change(valid_return(2023)), "T-PLN-2e")
    assert not found(change(valid_return(2024)), "T-PLN-2e")


def test_residential_code_messages_give_that_years_meanings() -> None:
    (old,) = found(named(plan_res="Z")(valid_return(2025)), "T-PLN-4a")
    (new,) = found(named(plan_res="Z")(valid_return(2026)), "T-PLN-4a")
    assert "38 to 51 weeks" in old.message
    assert "up to 38 weeks" in new.message
    assert "39 to 52 weeks" in new.message


def test_census_days() -> None:
    assert third_thursday_of_january(2024) == date(2024, 1, 18) == year_spec(2024).census_date
    assert third_thursday_of_january(2025) == date(2025, 1, 16)
    assert third_thursday_of_january(2026) == date(2026, 1, 15)
    assert third_thursday_of_january(2027) == date(2027, 1, 21)
    assert year_spec(2024).census_date_known
    assert not year_spec(2026).census_date_known


def test_a_later_year_keeps_2026_settings() -> None:
    later, known = year_spec(2030), year_spec(2026)
    assert later.request_source == known.request_source == "mandatory"
    assert later.res_meanings == known.res_meanings
    assert later.census_date == date(2030, 1, 17)


def test_findings_come_header_first_then_person_by_person_with_locations() -> None:
    ret = valid_return()
    nameless = replace(ret.persons[0], surname="", child_id=None)
    second = replace(ret.persons[0], child_id=8, sex="X")
    ret = replace(ret, header=replace(ret.header, dmo=None), persons=(nameless, second))
    findings = validate(ret, la_code=LA)
    assert [(f.rule_id, f.location, f.child_id) for f in findings] == [
        ("T-HDR-2a", "Header", None),
        ("T-PER-4a", "Person 1", None),
        ("T-PER-3a", "Person 2", 8),
    ]


def test_request_findings_carry_the_case_and_request_number() -> None:
    ret = valid_return()
    first = ret.persons[0]
    extra = replace(first.requests[0], outcome="Q", case_id=71)
    ret = replace(ret, persons=(replace(first, requests=(*first.requests, extra)),))
    (finding,) = validate(ret, la_code=LA)
    assert finding == Finding(
        "T-REQ-1",
        "error",
        "RequestOutcome must be Y, N, A, W or H, not 'Q'",
        7,
        71,
        "RequestOutcome",
        "Person 1, request 2",
    )


def test_a_rule_id_cannot_be_registered_twice() -> None:
    before = dict(REGISTRY)
    with pytest.raises(ValueError, match="twice"):
        header_rule("T-HDR-1a", "E", "again", "test")(lambda h, c: iter(()))
    assert before == REGISTRY


def test_a_return_with_no_persons_only_gets_header_findings() -> None:
    ret = Sen2Return(valid_return().header)
    assert validate(ret, la_code=LA) == []
    assert {f.rule_id for f in validate(ret, la_code="202")} == {"T-HDR-1d"}


def test_docs_list_every_rule_with_its_severity() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "returns.md").read_text("utf-8")
    for rule in REGISTRY.values():
        assert f"| {rule.id} | {rule.severity} | {rule.summary} |" in docs, rule.id
