"""The synthetic area as planned (pure Python): deterministic, lawful, valid identifiers,
and close to England's published figures."""

import datetime as dt
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence

import pytest

from tests.demo.conftest import CHILDREN, TODAY, area_spec, planned
from thrive.demo.calibration import Calibration
from thrive.demo.generator import PlannedChild, Register, plan_child
from thrive.demo.generator.people import IdentifierBook
from thrive.demo.generator.register import POOLS
from thrive.demo.generator.words import POSTCODE_DISTRICTS
from thrive.law import codes, identifiers
from thrive.law.clock import EventKind, assessment_clock, refusal_for, within_20_weeks

Area = tuple[Register, list[PlannedChild]]
K = EventKind


# --- Determinism ------------------------------------------------------------------------


def test_same_seed_and_date_give_the_same_area(area: Area) -> None:
    register, children = planned(area_spec())
    assert register == area[0]
    assert children == area[1]


def test_a_different_seed_gives_a_different_area(area: Area) -> None:
    register, children = planned(area_spec(seed=2, children=200))
    assert register.settings != area[0].settings
    assert [c.events for c in children] != [c.events for c in area[1][:200]]
    assert [c.first_name for c in children] != [c.first_name for c in area[1][:200]]


def test_each_child_depends_only_on_seed_and_number(area: Area) -> None:
    spec = area_spec(children=10)
    register = area[0]
    assert plan_child(spec, register, 7) == plan_child(spec, register, 7)
    assert plan_child(spec, register, 7).events == area[1][7].events


# --- Never an impossible history --------------------------------------------------------


def test_every_timeline_replays_through_the_law_without_a_refusal(area: Area) -> None:
    for child in area[1]:
        assert child.refused_steps == 0
        assert child.events[0].kind is K.REQUEST_RECEIVED
        for position, event in enumerate(child.events):
            assert refusal_for(child.events[:position], event, TODAY) is None, child.number
        assessment_clock(child.events, TODAY)  # raises on a malformed history


def test_no_date_is_after_today_or_before_birth(area: Area) -> None:
    for child in area[1]:
        assert all(child.date_of_birth <= e.on <= TODAY for e in child.events)


def test_requests_spread_over_the_years_and_recent_ones_are_still_open(area: Area) -> None:
    received = [c.events[0].on for c in area[1]]
    assert min(received) >= TODAY - dt.timedelta(days=4 * 366)
    assert max(received) >= TODAY - dt.timedelta(days=14)
    recent = [c for c in area[1] if c.events[0].on > TODAY - dt.timedelta(weeks=12)]
    assert recent
    assert any(assessment_clock(c.events, TODAY).is_open for c in recent)
    by_year = Counter(day.year for day in received)
    assert by_year[TODAY.year - 1] > by_year[TODAY.year - 3]  # demand rises, as England's


# --- Identifiers and people -------------------------------------------------------------

POSTCODE = re.compile(r"^ZY[1-8] [0-9][A-Z]{2}$")


def test_upns_have_the_council_code_and_a_correct_check_letter(area: Area) -> None:
    upns = [c.upn for c in area[1] if c.upn]
    assert len(upns) == len(set(upns))
    for upn in upns:
        assert identifiers.is_valid_upn(upn), upn
        assert upn[1:4] == "938"
        assert identifiers.upn_check_letter(upn[1:]) == upn[0]


def test_school_age_children_have_upns_and_some_under_fives_do_not(area: Area) -> None:
    ages = {c.number: codes.age_on(c.date_of_birth, TODAY) for c in area[1]}
    assert all(c.upn for c in area[1] if ages[c.number] >= 5)
    assert any(not c.upn for c in area[1] if ages[c.number] < 5)


def test_nhs_numbers_are_valid_test_numbers(area: Area) -> None:
    numbers = [c.nhs_number for c in area[1] if c.nhs_number]
    assert len(numbers) == len(set(numbers)) > CHILDREN * 0.9
    for number in numbers:
        assert number.startswith("999")
        assert identifiers.is_valid_nhs_number(number), number


def test_postcodes_are_valid_and_in_the_areas_districts(area: Area) -> None:
    districts = Counter(c.postcode.split()[0] for c in area[1])
    assert set(districts) == {code for code, _, _ in POSTCODE_DISTRICTS}
    assert districts["ZY1"] > districts["ZY8"]  # districts differ in size
    for child in area[1]:
        assert identifiers.is_valid_postcode(child.postcode)
        assert POSTCODE.match(child.postcode)
    for setting in area[0].settings:
        assert identifiers.is_valid_postcode(setting.postcode)


def test_everyone_is_aged_0_to_25_with_valid_codes(area: Area) -> None:
    for child in area[1]:
        assert 0 <= codes.age_on(child.date_of_birth, TODAY) <= 25
        assert child.sex in codes.SEXES
        assert child.ethnicity in codes.ETHNICITIES
        assert child.primary_need in codes.SEN_TYPES
        assert child.secondary_need != child.primary_need
        assert not child.secondary_need or child.secondary_need in codes.SEN_TYPES
        assert child.first_name
        assert child.last_name


def test_identifier_book_moves_a_duplicate_to_the_next_free_number() -> None:
    book = IdentifierBook()
    first = book.claim_nhs("9990000019")
    second = book.claim_nhs("9990000019")
    assert first == "9990000019"
    assert second != first
    assert identifiers.is_valid_nhs_number(second)
    upn = "A938200024001"
    upn = identifiers.upn_check_letter(upn[1:]) + upn[1:]
    assert book.claim_upn(upn) == upn
    moved = book.claim_upn(upn)
    assert moved != upn
    assert identifiers.is_valid_upn(moved)
    assert moved[1:4] == "938"


# --- Settings ---------------------------------------------------------------------------


def test_register_has_unique_urns_and_every_kind_of_setting(area: Area) -> None:
    settings = area[0].settings
    urns = [s.urn for s in settings]
    assert len(urns) == len(set(urns))
    assert all(re.fullmatch(r"[1-9]\d{5}", u) for u in urns)
    assert len({s.name for s in settings}) == len(settings)
    assert {s.phase for s in settings} == {phase for _, phase, *_ in POOLS}
    assert all(s.establishment_type in codes.ESTABLISHMENT_TYPES for s in settings)
    assert all(s.phase in codes.PHASES for s in settings)


def test_each_childs_setting_suits_their_age(area: Area) -> None:
    ages = {pool: (low, high) for pool, _, _, _, low, high in POOLS}
    placed = [c for c in area[1] if c.setting is not None]
    assert len(placed) > CHILDREN * 0.8
    for child in placed:
        low, high = ages[area[0].settings[child.setting].pool]
        assert low <= codes.age_on(child.date_of_birth, TODAY) <= high
    assert {area[0].settings[c.setting].pool for c in placed} == set(ages)


def test_cases_are_spread_over_the_case_officers(area: Area) -> None:
    holders = Counter(c.officers[-1] for c in area[1])
    assert set(holders) == {"officer", "officer2", "officer3", "manager"}
    assert holders["manager"] < holders["officer"] / 5
    assert any(len(c.officers) == 2 for c in area[1])


# --- Close to England's published figures (DfE 2024, England) ---------------------------


def _events(child: PlannedChild, kind: EventKind) -> list[dt.date]:
    return [e.on for e in child.events if e.kind is kind]


def _received_before(children: Sequence[PlannedChild], weeks: int) -> list[PlannedChild]:
    """Children whose request is old enough for every step of that stage to have happened."""
    return [c for c in children if c.events[0].on <= TODAY - dt.timedelta(weeks=weeks)]


def _share(part: int, whole: int) -> float:
    return part / whole


def test_refusals_match_englands_share(area: Area, calibration: Calibration) -> None:
    decided = _received_before(area[1], 13)  # every decision is made by 12 weeks
    refused = sum(any(e.outcome is False and e.kind is K.DECISION_TO_ASSESS for e in c.events)
                  for c in decided)  # fmt: skip
    expected = calibration.share("requests", "refused")
    assert _share(refused, len(decided)) == pytest.approx(expected, abs=0.03)


def test_decisions_within_6_weeks_match(area: Area, calibration: Calibration) -> None:
    decisions = [
        (c.events[0].on, day)
        for c in _received_before(area[1], 13)
        for day in _events(c, K.DECISION_TO_ASSESS)
    ]
    on_time = sum(day <= received + dt.timedelta(weeks=6) for received, day in decisions)
    expected = calibration.share("requests", "decided_within_6_weeks")
    assert _share(on_time, len(decisions)) == pytest.approx(expected, abs=0.04)


def _plans(area: Area) -> list[PlannedChild]:
    # Requests 80 weeks old have finished: the slowest plans take 78 weeks.
    return [c for c in _received_before(area[1], 80) if _events(c, K.FINAL_ISSUED)]


def test_twenty_week_timeliness_matches(area: Area, calibration: Calibration) -> None:
    plans = _plans(area)
    weeks = Counter()
    for child in plans:
        received, issued = child.events[0].on, _events(child, K.FINAL_ISSUED)[0]
        if within_20_weeks(received, issued):
            weeks["within_20_weeks"] += 1
        elif issued <= received + dt.timedelta(weeks=52):
            weeks["20_to_52_weeks"] += 1
        else:
            weeks["over_52_weeks"] += 1
    expected = calibration.weights("timeliness", "all_plans")
    assert len(plans) > 800
    assert _share(weeks["within_20_weeks"], len(plans)) == pytest.approx(
        expected["within_20_weeks"], abs=0.04
    )
    assert _share(weeks["20_to_52_weeks"], len(plans)) == pytest.approx(
        expected["20_to_52_weeks"], abs=0.04
    )
    assert _share(weeks["over_52_weeks"], len(plans)) == pytest.approx(
        expected["over_52_weeks"], abs=0.03
    )


def test_exceptions_apply_to_englands_share_of_plans(area: Area, calibration: Calibration) -> None:
    plans = _plans(area)
    excepted = sum(assessment_clock(c.events, TODAY).exceptions_apply for c in plans)
    expected = calibration.share("timeliness", "with_exception")
    assert _share(excepted, len(plans)) == pytest.approx(expected, abs=0.03)


def test_assessments_ending_without_a_plan_match(area: Area, calibration: Calibration) -> None:
    assessed = [
        c
        for c in _received_before(area[1], 80)
        if any(e.kind is K.DECISION_TO_ASSESS and e.outcome for e in c.events)
    ]
    not_issued = sum(
        any(e.kind is K.DECISION_TO_ISSUE and e.outcome is False for e in c.events)
        for c in assessed
    )
    expected = calibration.share("assessments", "not_issued")
    assert _share(not_issued, len(assessed)) == pytest.approx(expected, abs=0.03)


def test_every_assessment_asks_an_educational_psychologist(area: Area) -> None:
    for child in area[1]:
        if any(e.kind is K.ADVICE_REQUESTED for e in child.events):
            asked = {e.contributor for e in child.events if e.kind is K.ADVICE_REQUESTED}
            assert "educational_psychology" in asked


def test_most_advice_comes_back_within_6_weeks(area: Area) -> None:
    on_time = total = 0
    for child in area[1]:
        asked = {e.contributor: e.on for e in child.events if e.kind is K.ADVICE_REQUESTED}
        for event in child.events:
            if event.kind is K.ADVICE_RECEIVED:
                total += 1
                on_time += event.on <= asked[event.contributor] + dt.timedelta(weeks=6)
    assert 0.7 < on_time / total < 0.95


def test_characteristics_follow_england(area: Area, calibration: Calibration) -> None:
    children = area[1]
    needs = Counter(c.primary_need for c in children)
    for need in ("ASD", "SEMH", "SLCN"):
        expected = calibration.share("primary_need", need)
        assert _share(needs[need], len(children)) == pytest.approx(expected, abs=0.04)
    males = sum(c.sex == "M" for c in children)
    assert _share(males, len(children)) == pytest.approx(calibration.share("sex", "M"), abs=0.04)
    white_british = sum(c.ethnicity == "WBRI" for c in children)
    expected = calibration.share("ethnicity", "WBRI")
    assert _share(white_british, len(children)) == pytest.approx(expected, abs=0.04)


# --- Worker processes -------------------------------------------------------------------

PLANNER_IMPORTS = """
import sys
import thrive.demo.generator, thrive.demo.generator.plan
from thrive.demo.calibration import load_calibration
load_calibration()  # reads the packaged JSON
assert not [m for m in sys.modules if m == "django" or m.startswith("django.")]
"""


def test_planning_imports_no_django() -> None:
    # Worker processes are spawned and import only the planner: it must not need Django.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, "-c", PLANNER_IMPORTS], env=env, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_worker_processes_plan_the_same_children(area: Area) -> None:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from thrive.demo.generator.plan import plan_children, worker_plan, worker_start

    spec = area_spec()
    with ProcessPoolExecutor(
        1, mp_context=get_context("spawn"), initializer=worker_start, initargs=(spec, area[0])
    ) as pool:
        planned_there = pool.submit(worker_plan, 100, 140).result()
    assert planned_there == plan_children(spec, area[0], 100, 140)


def test_established_plans_were_requested_before_the_window_and_all_issued() -> None:
    spec = area_spec(children=1000, established=0.4, documents=False)
    _, children = planned(spec)
    window_start = TODAY - dt.timedelta(days=round(spec.years * 365.25))
    older = [c for c in children if c.events[0].on < window_start]
    assert 0.35 < len(older) / len(children) < 0.45
    assert all(_events(c, EventKind.FINAL_ISSUED) for c in older)
    assert all(c.events[0].on >= window_start - dt.timedelta(days=12 * 366) for c in older)
    assert all(c.refused_steps == 0 for c in children)


def test_areas_without_established_plans_keep_their_children(area: Area) -> None:
    _, children = area
    _, same = planned(area_spec(established=0.0))
    assert [c.events for c in same[:50]] == [c.events for c in children[:50]]


def test_timelines_only_plans_no_documents() -> None:
    _, children = planned(area_spec(children=300, documents=False))
    assert all(c.plan is None and not c.advice and c.views is None for c in children)
    assert any(_events(c, EventKind.FINAL_ISSUED) for c in children)


def test_established_share_must_be_below_one() -> None:
    with pytest.raises(ValueError, match="established"):
        area_spec(established=1.0)
