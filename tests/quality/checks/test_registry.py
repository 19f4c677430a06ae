"""Every check, with plans that must trigger it and plans that must not; the registry's
promises (identifiers, citations, blocking, order)."""

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.quality.checks.records import (
    EP_ADVICE,
    findings,
    good_plan,
    with_outcome,
    with_provision,
)
from thrive.quality.checks import (
    BY_ID,
    CHECKS,
    DRAFT,
    Advice,
    Need,
    PlanRecord,
    Views,
    run_checks,
)

DOCS = (Path(__file__).resolve().parents[3] / "docs" / "quality.md").read_text(encoding="utf-8")

Build = Callable[[], PlanRecord]


def _without_provision(number: str) -> PlanRecord:
    plan = good_plan()
    return replace(plan, provisions=tuple(p for p in plan.provisions if p.number != number))


def _extra_need(section: str) -> PlanRecord:
    plan = good_plan()
    return replace(plan, needs=(*plan.needs, Need(9, f"{section}9", section, "A further need.")))


# check id -> (a plan that must trigger it, the anchor and field the finding points to)
TRIGGERS: dict[str, tuple[Build, str, str]] = {
    "views-child-missing": (
        lambda: good_plan(views=Views(child="N/A", family="x", interests="x", aspirations="x")),
        "views-A",
        "views_child",
    ),
    "views-family-missing": (
        lambda: good_plan(views=Views(child="x", family="", interests="x", aspirations="x")),
        "views-A",
        "views_family",
    ),
    "interests-aspirations-missing": (
        lambda: good_plan(views=Views(child="x", family="x", interests="x", aspirations=" ")),
        "views-A",
        "aspirations",
    ),
    "need-no-outcome": (lambda: _extra_need("B"), "need-9", ""),
    "need-no-provision": (lambda: _without_provision("F1"), "need-1", ""),
    "health-need-no-provision": (lambda: _without_provision("G1"), "need-2", ""),
    "care-need-no-provision": (lambda: _without_provision("H2.1"), "need-3", ""),
    "outcome-no-need": (
        lambda: with_outcome(good_plan(), "E4", need_ids=frozenset({99})),
        "outcome-14",
        "needs",
    ),
    "outcome-no-provision": (
        lambda: with_provision(good_plan(), "H2.1", outcome_ids=frozenset({13})),
        "outcome-14",
        "",
    ),
    "outcome-not-time-bound": (
        lambda: with_outcome(good_plan(), "E2", time_frame="Ongoing"),
        "outcome-12",
        "time_frame",
    ),
    "outcome-not-observable": (
        lambda: with_outcome(good_plan(), "E1", text="will make progress with his reading"),
        "outcome-11",
        "text",
    ),
    "adulthood-outcomes-missing": (
        lambda: good_plan(
            outcomes=tuple(replace(o, adulthood_area="") for o in good_plan().outcomes)
        ),
        "section-E",
        "",
    ),
    "adulthood-areas-uncovered": (
        lambda: with_outcome(good_plan(), "E4", adulthood_area="employment"),
        "section-E",
        "",
    ),
    "provision-vague": (
        lambda: with_provision(good_plan(), "F1", how_often="Regularly"),
        "provision-21",
        "how_often",
    ),
    "provision-detail-missing": (
        lambda: with_provision(good_plan(), "F1", who="School staff"),
        "provision-21",
        "who",
    ),
    "provision-no-outcome": (
        lambda: with_provision(good_plan(), "F1", outcome_ids=frozenset()),
        "provision-21",
        "outcomes",
    ),
    "health-care-provision-vague": (
        lambda: with_provision(good_plan(), "H2.1", what="Travel training where possible"),
        "provision-23",
        "what",
    ),
    "health-care-provision-detail-missing": (
        lambda: with_provision(good_plan(), "G1", how_long=""),
        "provision-22",
        "how_long",
    ),
    "placement-missing": (lambda: good_plan(placement_named=False), "section-I", ""),
    "advice-not-in-section-k": (
        lambda: good_plan(advice=(replace(EP_ADVICE, in_section_k=False),)),
        "advice-31",
        "",
    ),
    "advice-not-reflected": (
        lambda: good_plan(
            advice=(
                EP_ADVICE,
                Advice(32, "Advice from health", "health", True, ("Weekly hydrotherapy",)),
            )
        ),
        "advice-32",
        "",
    ),
}

# check id -> plans that look close to triggering it but must not
MUST_NOT_TRIGGER: dict[str, list[Build]] = {
    "views-child-missing": [good_plan],
    "views-family-missing": [
        good_plan,
        # a young person over compulsory school age speaks for themselves
        lambda: good_plan(
            year_group=12, views=Views(child="x", family="", interests="x", aspirations="x")
        ),
    ],
    "interests-aspirations-missing": [good_plan],
    "need-no-outcome": [good_plan],
    "need-no-provision": [
        good_plan,
        # the need is met through an outcome another need shares
        lambda: with_outcome(good_plan(), "E1", need_ids=frozenset({1, 2})),
    ],
    "health-need-no-provision": [
        good_plan,
        # health provision that educates or trains belongs in F (CFA 2014, s.21(5))
        lambda: with_provision(good_plan(), "G1", section="F", number="F2"),
    ],
    "care-need-no-provision": [
        good_plan,
        lambda: with_provision(good_plan(), "H2.1", section="H1", number="H1.1"),
    ],
    "outcome-no-need": [good_plan],
    "outcome-no-provision": [good_plan],
    "outcome-not-time-bound": [
        good_plan,
        lambda: with_outcome(good_plan(), "E2", time_frame="Ongoing", achieve_by=date(2027, 7, 1)),
        lambda: with_outcome(good_plan(), "E2", time_frame="By his next annual review"),
        lambda: with_outcome(good_plan(), "E2", time_frame="Within 6 months"),
    ],
    "outcome-not-observable": [
        good_plan,
        lambda: with_outcome(good_plan(), "E1", text="will put on his coat and shoes unaided"),
        lambda: with_outcome(good_plan(), "E1", text="will complete a week of work experience"),
    ],
    "adulthood-outcomes-missing": [
        good_plan,
        # Year 8 and an unknown year group: not yet required
        lambda: good_plan(
            year_group=8,
            outcomes=tuple(replace(o, adulthood_area="") for o in good_plan().outcomes),
        ),
        lambda: good_plan(
            year_group=None,
            outcomes=tuple(replace(o, adulthood_area="") for o in good_plan().outcomes),
        ),
    ],
    "adulthood-areas-uncovered": [
        good_plan,
        lambda: good_plan(year_group=8, outcomes=(replace(good_plan().outcomes[0]),)),
    ],
    "provision-vague": [
        good_plan,
        # "access to", quantified, with a named role
        lambda: with_provision(
            good_plan(),
            "F1",
            what="Weekly access to a speech and language therapist for 30 minutes",
        ),
        # vague wording in health provision is a different, advisory, check
        lambda: with_provision(good_plan(), "G1", how_often="As required"),
    ],
    "provision-detail-missing": [
        good_plan,
        # left to the vague-wording finding, which already asks for the frequency
        lambda: with_provision(good_plan(), "F1", how_often="Regular"),
    ],
    "provision-no-outcome": [good_plan],
    "health-care-provision-vague": [
        good_plan,
        lambda: with_provision(good_plan(), "F1", how_often="As required"),
    ],
    "health-care-provision-detail-missing": [good_plan],
    "placement-missing": [good_plan, lambda: good_plan(kind=DRAFT, placement_named=False)],
    "advice-not-in-section-k": [good_plan],
    "advice-not-reflected": [
        good_plan,
        # advice with no itemised recommendations, from a contributor whose sections are used
        lambda: good_plan(advice=(Advice(33, "Advice from health", "health", True),)),
    ],
}


def test_the_tables_cover_every_check() -> None:
    assert set(TRIGGERS) == set(BY_ID) == set(MUST_NOT_TRIGGER)


@pytest.mark.parametrize("check", TRIGGERS)
def test_the_check_finds_the_problem_in_the_exact_place(check: str) -> None:
    build, anchor, field = TRIGGERS[check]
    found = findings(build(), check)
    assert found, f"{check} found nothing"
    assert any(f.anchor == anchor and f.item.field == field for f in found), found
    for finding in found:
        assert finding.message.strip()
        assert finding.citation == BY_ID[check].citation
        assert finding.blocking == BY_ID[check].blocking


@pytest.mark.parametrize(
    ("check", "build"),
    [(check, build) for check, builds in MUST_NOT_TRIGGER.items() for build in builds],
)
def test_the_check_stays_quiet_when_the_plan_is_right(check: str, build: Build) -> None:
    assert findings(build(), check) == []


def test_a_good_plan_has_no_findings_at_all() -> None:
    assert run_checks(good_plan()) == []


def test_an_empty_final_plan_is_blocked_only_for_what_is_missing() -> None:
    found = run_checks(PlanRecord(kind="final"))
    assert {f.check for f in found if f.blocking} == {"placement-missing"}


def test_findings_come_in_the_plans_order() -> None:
    plan = with_provision(good_plan(placement_named=False), "F1", who="Staff", how_often="Often")
    plan = replace(plan, views=Views(child="x", family="x", interests="", aspirations="x"))
    order = [(f.section, f.anchor, f.item.field) for f in run_checks(plan)]
    assert order == [
        ("A", "views-A", "interests"),
        ("F", "provision-21", "who"),
        ("F", "provision-21", "how_often"),
        ("I", "section-I", ""),
    ]


# --- The registry ------------------------------------------------------------------------

# A citation names a real source: a regulation, an Act, the Code of Practice or a judgment.
SOURCE = re.compile(r"reg\. \d+\(|Act (19|20)\d\d|Code of Practice|\[(19|20)\d\d\]")
BLOCKING = {
    "need-no-provision",
    "adulthood-outcomes-missing",
    "provision-vague",
    "provision-detail-missing",
    "placement-missing",
    "advice-not-in-section-k",
}


def test_identifiers_are_unique_and_plain() -> None:
    ids = [check.id for check in CHECKS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", i) for i in ids)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_every_check_cites_its_source_and_is_documented(check: object) -> None:
    assert SOURCE.search(check.citation), check.citation  # type: ignore[attr-defined]
    doc = " ".join((check.function.__doc__ or "").split())  # type: ignore[attr-defined]
    assert SOURCE.search(doc), "the function's docstring cites its source"
    assert f"`{check.id}`" in DOCS  # type: ignore[attr-defined]


def test_which_checks_block_issue() -> None:
    """The decision recorded in docs/quality.md: what the law says "must" and the Tribunal
    or a court would find wrong blocks; quality and style advise."""
    assert {check.id for check in CHECKS if check.blocking} == BLOCKING


def test_special_educational_provision_blocks_where_health_and_care_provision_advises() -> None:
    plan = with_provision(good_plan(), "F1", what="Reading support as appropriate")
    plan = with_provision(plan, "H2.1", what="Travel training as appropriate")
    found = {(f.section, f.blocking) for f in run_checks(plan)}
    assert found == {("F", True), ("H2", False)}


def test_vague_wording_findings_carry_the_phrases_to_highlight() -> None:
    what = "Access to reading support as appropriate"
    [finding] = findings(with_provision(good_plan(), "F1", what=what), "provision-vague")
    assert [(h.field, what[h.start : h.end]) for h in finding.highlights] == [
        ("what", "Access to"),
        ("what", "as appropriate"),
    ]
    assert '"as appropriate"' in finding.message
