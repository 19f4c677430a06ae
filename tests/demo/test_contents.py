"""What the planner writes about each child (pure Python): advice that matches the timeline,
EHC plans with the golden thread, some of them weak, the family's contributions and the
featured cases behind the demo's sign-ins."""

import datetime as dt
import re
import string
from collections import Counter

import pytest

from tests.demo.conftest import TODAY
from thrive.demo.generator import PlannedChild, Register
from thrive.demo.generator.contents import pronouns
from thrive.demo.generator.featured import DEMO_CASES, DemoCase
from thrive.demo.generator.phrases import adulthood, education, health_care
from thrive.demo.generator.phrases.vague import MARKERS
from thrive.demo.generator.records import TO_PRACTITIONER, TO_SETTING, PlannedPlan
from thrive.demo.generator.school import school_year, stage_time_frame
from thrive.law import codes
from thrive.law.clock import EventKind, Stage, advice_due_on, assessment_clock, comments_close_on

Area = tuple[Register, list[PlannedChild]]
K = EventKind
KINDS = ("need", "outcome", "provision")


def _on(child: PlannedChild, kind: EventKind) -> list[dt.date]:
    return [e.on for e in child.events if e.kind is kind]


def _plans(area: Area) -> list[tuple[PlannedChild, PlannedPlan]]:
    return [(c, c.plan) for c in area[1] if c.plan is not None]


def _text(plan: PlannedPlan) -> str:
    parts = [o.text + " " + o.time_frame for o in plan.outcomes]
    parts += [" ".join(p[1:7]) for p in plan.provisions]
    return " ".join(parts).lower()


# --- Advice ------------------------------------------------------------------------------


def test_one_request_for_advice_per_request_on_the_timeline(area: Area) -> None:
    for child in area[1]:
        asked = [(e.contributor.value, e.on) for e in child.events if e.kind is K.ADVICE_REQUESTED]
        assert [(a.contributor, a.requested_on) for a in child.advice] == asked
        received = Counter((e.contributor.value, e.on) for e in child.events
                           if e.kind is K.ADVICE_RECEIVED)  # fmt: skip
        withdrawn = Counter((e.contributor.value, e.on) for e in child.events
                            if e.kind is K.ADVICE_WITHDRAWN)  # fmt: skip
        assert Counter((a.contributor, a.received_on) for a in child.advice if a.received_on) == (
            received
        )
        assert Counter((a.contributor, a.withdrawn_on) for a in child.advice if a.withdrawn_on) == (
            withdrawn
        )


def test_advice_given_has_two_to_four_items_of_each_kind(area: Area) -> None:
    given = [a for c in area[1] for a in c.advice if a.received_on]
    assert len(given) > 1000
    for advice in given:
        counts = Counter(kind for kind, _ in advice.items)
        assert set(counts) == set(KINDS)
        assert all(2 <= n <= 4 for n in counts.values()), counts
        assert advice.summary
        assert advice.question
    assert all(not a.items for c in area[1] for a in c.advice if not a.received_on)


def test_advice_goes_to_inboxes_schools_and_sometimes_the_psychologist_by_name(area: Area) -> None:
    recipients = Counter((a.contributor, a.recipient) for c in area[1] for a in c.advice)
    assert recipients[("educational_psychology", TO_PRACTITIONER)] > 0
    assert (
        recipients[("educational_psychology", "service")]
        > recipients[("educational_psychology", TO_PRACTITIONER)]
    )
    assert recipients[("education", TO_SETTING)] > recipients[("education", "service")] > 0
    for child in area[1]:
        for advice in child.advice:
            if advice.recipient == TO_SETTING:
                assert child.setting is not None


def test_requests_outstanding_when_a_case_closes_are_withdrawn(area: Area) -> None:
    for child in area[1]:
        stage = assessment_clock(child.events, TODAY).stage
        if not stage.is_open:
            assert all(a.received_on or a.withdrawn_on for a in child.advice), child.number


# --- Plans -------------------------------------------------------------------------------


def test_a_plan_for_every_draft_and_a_final_version_for_every_final(area: Area) -> None:
    for child in area[1]:
        drafted, final = _on(child, K.DRAFT_ISSUED), _on(child, K.FINAL_ISSUED)
        if not drafted:
            assert child.plan is None
            continue
        plan = child.plan
        assert plan is not None
        assert plan.drafted_on == drafted[0]
        assert plan.final_on == (final[0] if final else None)
        assert plan.started_on == _on(child, K.DECISION_TO_ISSUE)[0]


def test_section_k_holds_the_advice_received_by_each_version(area: Area) -> None:
    for child, plan in _plans(area):
        assert plan.draft_advice
        for position in plan.draft_advice:
            received = child.advice[position].received_on
            assert received is not None
            assert received <= plan.drafted_on
        if plan.final_on:
            assert set(plan.draft_advice) <= set(plan.final_advice)


def test_plans_keep_the_golden_thread(area: Area) -> None:
    for _, plan in _plans(area):
        sections = Counter(n.section for n in plan.needs)
        assert sections["B"] >= 2
        assert plan.outcomes
        assert any(p.section == "F" for p in plan.provisions)
        for outcome in plan.outcomes:
            assert outcome.needs
            assert all(0 <= n < len(plan.needs) for n in outcome.needs)
            assert outcome.time_frame
        for provision in plan.provisions:
            assert provision.outcomes
            assert all(0 <= o < len(plan.outcomes) for o in provision.outcomes)
            assert all(provision[1:7])  # what, who, how often, how long, group size
        addressed = {n for o in plan.outcomes for n in o.needs}
        assert addressed == set(range(len(plan.needs)))


def test_some_plans_have_health_and_social_care_sections(area: Area) -> None:
    plans = [p for _, p in _plans(area)]
    with_c = sum(any(n.section == "C" for n in p.needs) for p in plans)
    with_d = sum(any(n.section == "D" for n in p.needs) for p in plans)
    with_h = sum(any(x.section in ("H1", "H2") for x in p.provisions) for p in plans)
    assert 0.2 * len(plans) < with_c < 0.7 * len(plans)
    assert 0.05 * len(plans) < with_d < 0.5 * len(plans)
    assert with_h == with_d
    budgets = sum(bool(p.personal_budget) for p in plans)
    assert 0.02 * len(plans) < budgets < 0.1 * len(plans)


def test_from_year_9_outcomes_prepare_for_adulthood(area: Area) -> None:
    for child, plan in _plans(area):
        year = school_year(child.date_of_birth, plan.drafted_on)
        areas = {o.adulthood_area for o in plan.outcomes} - {""}
        if year >= 9:
            assert areas, child.number
        else:
            assert not areas, child.number


def test_good_time_frames_name_a_date_in_the_future_of_the_plan(area: Area) -> None:
    dated = [(p, o) for _, p in _plans(area) for o in p.outcomes if o.achieve_by]
    assert len(dated) > 1000
    for plan, outcome in dated:
        assert outcome.achieve_by > plan.drafted_on
        assert str(outcome.achieve_by.year) in outcome.time_frame


def test_key_stage_time_frames() -> None:
    born = dt.date(2017, 3, 4)  # Reception 2021-22, Year 5 in 2026-27
    assert stage_time_frame(born, dt.date(2026, 11, 1)) == (
        "By the end of Key Stage 2, in July 2028",
        dt.date(2028, 7, 20),
    )
    assert stage_time_frame(born, dt.date(2028, 3, 1))[0] == (
        "By the end of Key Stage 3, in July 2031"
    )


def test_about_a_third_of_plans_are_weak_and_nothing_says_which(area: Area) -> None:
    plans = [p for _, p in _plans(area)]
    vague = [p for p in plans if any(m in _text(p) for m in MARKERS)]
    no_views = [p for p in plans if not p.views_child]
    assert 0.15 * len(plans) < len(vague) < 0.4 * len(plans)
    assert 0.03 * len(plans) < len(no_views) < 0.25 * len(plans)
    assert "weak" not in PlannedPlan._fields


def test_item_keys_are_unique_and_shaped_like_uuids(area: Area) -> None:
    keys = [item.key for _, p in _plans(area) for item in (*p.needs, *p.outcomes, *p.provisions)]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}", k) for k in keys)


# --- Phrase banks ------------------------------------------------------------------------

STRANDS = [
    *(s for strands in education.BY_NEED.values() for s in strands),
    *adulthood.ADULTHOOD,
    *(s for strands in health_care.HEALTH_BY_NEED.values() for s in strands),
    *health_care.CARE,
]


@pytest.mark.parametrize("sex", ["F", "M"])
def test_strands_are_specific_and_fill_in_for_any_child(sex: str) -> None:
    p = pronouns("Ada", sex)
    for strand in STRANDS:
        texts = [strand.need, strand.outcome, *strand.provision]
        filled = [t.format(**p) for t in texts]
        assert not any(m in t.lower() for t in filled for m in MARKERS), strand.topic
        fields = {f for t in texts for _, f, _, _ in string.Formatter().parse(t) if f}
        assert fields <= set(p), strand.topic
        assert strand.outcome.startswith("will ")
        assert set(strand.phases) <= set("epsc")
    assert set(education.BY_NEED) == set(codes.SEN_TYPES.codes)


# --- The family's contributions ----------------------------------------------------------


def test_families_give_views_in_most_assessments_and_respond_to_drafts(area: Area) -> None:
    assessed = [c for c in area[1] if any(e.outcome for e in c.events
                                          if e.kind is K.DECISION_TO_ASSESS)]  # fmt: skip
    with_views = [c for c in assessed if c.views is not None]
    assert 0.5 * len(assessed) < len(with_views) < 0.7 * len(assessed)
    for child in area[1]:
        commented = _on(child, K.COMMENTS_RECEIVED)
        assert (child.response is not None) == bool(commented)
        if child.response:
            assert child.response.given_on == commented[0]
        if child.views:
            decided = [e.on for e in child.events if e.kind is K.DECISION_TO_ASSESS]
            assert decided[0] <= child.views.given_on <= TODAY
    methods = Counter(c.views.on_behalf_method for c in with_views if c.views)
    assert set(methods) >= {"paper", "phone", "meeting"}


# --- Featured cases for the demo sign-ins ------------------------------------------------


def _featured(area: Area, case: DemoCase) -> PlannedChild:
    child = area[1][DEMO_CASES.index(case)]
    assert child.demo == case.value
    return child


def test_the_parent_case_has_its_draft_open_for_comments(area: Area) -> None:
    child = _featured(area, DemoCase.DRAFT_OPEN)
    clock = assessment_clock(child.events, TODAY)
    assert clock.stage is Stage.DRAFT_ISSUED
    served = _on(child, K.DRAFT_ISSUED)[0]
    assert served < TODAY <= comments_close_on(served)
    assert not _on(child, K.COMMENTS_RECEIVED)
    assert child.plan is not None
    assert child.plan.views_child
    assert not any(m in _text(child.plan) for m in MARKERS)


def test_the_second_parent_case_waits_for_advice_due_soon(area: Area) -> None:
    child = _featured(area, DemoCase.ADVICE_OUTSTANDING)
    assert assessment_clock(child.events, TODAY).stage is Stage.ASSESSING
    waiting = {a.contributor: a for a in child.advice if not a.received_on}
    assert waiting["educational_psychology"].recipient == TO_PRACTITIONER
    assert waiting["education"].recipient == TO_SETTING
    assert all(advice_due_on(a.requested_on) > TODAY for a in waiting.values())
    assert child.setting is not None
    assert child.views is None


def test_the_young_person_is_17_with_a_final_plan(area: Area) -> None:
    child = _featured(area, DemoCase.FINAL_PLAN)
    assert codes.age_on(child.date_of_birth, TODAY) == 17
    assert assessment_clock(child.events, TODAY).stage is Stage.FINAL_ISSUED
    assert child.plan is not None
    assert child.plan.final_on
    assert any(o.adulthood_area for o in child.plan.outcomes)
    assert child.response is not None
    assert child.response.on_behalf_method == ""
