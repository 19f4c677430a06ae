"""The automated checks on real plan versions (thrive.quality.findings): the record built from
the database, findings pointing at real items, and a fixed number of queries."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import TODAY
from tests.plans.builders import ASSESS_YES, ISSUE_YES, RECEIVED, SERVED, fill
from thrive.advice.models import AdviceItem, AdviceRequest
from thrive.assessments.models import Case
from thrive.plans import services
from thrive.plans.models import PlanVersion
from thrive.plans.selectors import version_contents
from thrive.quality import checks
from thrive.quality.findings import (
    contents_findings,
    findings_by_item,
    version_findings,
    version_record,
)

VIEWS = {
    "views_child": "I like trains and want to drive one.",
    "views_family": "We want her to read with us at bedtime.",
    "interests": "Trains, swimming and drawing.",
    "aspirations": "To be a train driver.",
}


@pytest.fixture
def issuing(make_case: Callable[..., Case]) -> Callable[..., Case]:
    """A case that has decided to issue a plan, for a child born on `born`."""

    def factory(born: dt.date = dt.date(2016, 5, 4)) -> Case:
        return make_case(received_on=RECEIVED, steps=(ASSESS_YES, ISSUE_YES), date_of_birth=born)

    return factory


@pytest.fixture
def draft(officer: Any, issuing: Callable[..., Case]) -> PlanVersion:
    """A draft with a need, an outcome and its provision (tests.plans.builders.fill) and
    section A written."""
    version = services.plan_start(actor=officer, case=issuing())
    fill(version, officer)
    return services.plan_change_views(actor=officer, version=version, **VIEWS)


def advice_given(case: Case, officer: Any, contributor: str = "health", **fields: Any) -> Any:
    values: dict[str, Any] = {
        "case": case,
        "contributor": contributor,
        "practitioner": officer,
        "question": "Please advise on health needs.",
        "requested_on": dt.date(2025, 10, 2),
        "requested_by": officer,
        "submitted_at": timezone.now(),
    }
    return AdviceRequest.objects.create(**{**values, **fields})


def ids(version: PlanVersion, check: str) -> list[str]:
    return [f.anchor for f in version_findings(version, today=TODAY) if f.check == check]


# --- The record ----------------------------------------------------------------------------


def test_the_record_mirrors_the_version(officer: Any, draft: PlanVersion) -> None:
    need = draft.needs.get()
    outcome = draft.outcomes.get()
    provision = draft.provisions.get()
    care = services.need_add(actor=officer, version=draft, section="C", text="Has asthma.")
    record = version_record(draft, today=TODAY)
    assert record.kind == checks.DRAFT
    assert not record.placement_named
    assert record.views == checks.Views(
        child=VIEWS["views_child"],
        family=VIEWS["views_family"],
        interests=VIEWS["interests"],
        aspirations=VIEWS["aspirations"],
    )
    assert [(n.id, n.number, n.section) for n in record.needs] == [
        (need.pk, "B1", "B"),
        (care.pk, "C1", "C"),
    ]
    [o] = record.outcomes
    assert (o.id, o.number, o.need_ids, o.time_frame) == (
        outcome.pk,
        "E1",
        frozenset({need.pk}),
        "By July 2027, the end of Year 6",
    )
    [p] = record.provisions
    assert (p.id, p.number, p.how_often, p.outcome_ids) == (
        provision.pk,
        "F1",
        "3 sessions of 30 minutes a week",
        frozenset({outcome.pk}),
    )


def test_the_year_group_is_set_on_the_plans_date(officer: Any, draft: PlanVersion) -> None:
    """Born 4 May 2016: Year 5 in 2025/26, Year 6 from 1 September 2026. A version being
    written is dated today; an issued one by its issue."""
    assert version_record(draft, today=dt.date(2026, 8, 31)).year_group == 5
    assert version_record(draft, today=dt.date(2026, 9, 1)).year_group == 6
    services.plan_issue_draft(actor=officer, version=draft, served_on=SERVED, today=TODAY)
    draft.refresh_from_db()
    assert version_record(draft, today=dt.date(2027, 9, 1)).year_group == 5


# --- Findings on real rows -----------------------------------------------------------------


def test_a_filled_draft_blocks_nothing(draft: PlanVersion) -> None:
    found = version_findings(draft, today=TODAY)
    assert [f for f in found if f.blocking] == []


def test_vague_provision_is_found_on_the_provision_with_its_phrases(
    officer: Any, draft: PlanVersion
) -> None:
    provision = draft.provisions.get()
    services.provision_change(
        actor=officer,
        provision=provision,
        section="F",
        outcomes=list(provision.outcomes.all()),
        what="Access to phonics support as appropriate.",
        who="School staff",
        how_often="Regular",
        how_long="Ongoing",
        group_size="Small group",
    )
    found = [
        f for f in version_findings(draft, today=TODAY) if f.anchor == f"provision-{provision.pk}"
    ]
    assert {(f.check, f.item.field) for f in found} == {
        ("provision-vague", "what"),
        ("provision-vague", "how_often"),
        ("provision-vague", "how_long"),
        ("provision-vague", "group_size"),
        ("provision-detail-missing", "who"),
    }
    assert all(f.blocking and f.item.label == "Provision F1" for f in found)
    [what] = [f for f in found if f.item.field == "what"]
    assert [h.text for h in what.highlights] == ["Access to", "support", "as appropriate"]


def test_a_year_9_plan_needs_preparing_for_adulthood(
    officer: Any, issuing: Callable[..., Case]
) -> None:
    version = services.plan_start(actor=officer, case=issuing(born=dt.date(2011, 10, 1)))
    _, outcome, _ = fill(version, officer)
    assert ids(version, "adulthood-outcomes-missing") == ["section-E"]
    services.outcome_change(
        actor=officer,
        outcome=outcome,
        text=outcome.text,
        time_frame=outcome.time_frame,
        needs=list(outcome.needs.all()),
        adulthood_area="employment",
    )
    assert ids(version, "adulthood-outcomes-missing") == []
    assert ids(version, "adulthood-areas-uncovered") == ["section-E"]


def test_a_final_plan_needs_section_i(officer: Any, draft: PlanVersion) -> None:
    services.plan_issue_draft(actor=officer, version=draft, served_on=SERVED, today=TODAY)
    final = services.plan_new_version(actor=officer, version=draft, kind="final")
    assert version_record(final, today=TODAY).kind == checks.FINAL
    assert ids(final, "placement-missing") == ["section-I"]
    final = services.plan_change_placement(
        actor=officer, version=final, placement_type="mainstream_academy"
    )
    assert ids(final, "placement-missing") == []


def test_advice_received_must_be_appended_in_section_k(officer: Any, draft: PlanVersion) -> None:
    case = draft.plan.case
    late = advice_given(case, officer)
    advice_given(case, officer, contributor="social_care", withdrawn_on=dt.date(2025, 11, 1))
    advice_given(case, officer, contributor="education", submitted_at=None)
    [finding] = [
        f for f in version_findings(draft, today=TODAY) if f.check == "advice-not-in-section-k"
    ]
    assert finding.anchor == f"advice-{late.pk}"
    assert finding.blocking
    assert finding.item.label.startswith("Advice from health (given ")
    services.plan_choose_advice(actor=officer, version=draft, advice_requests=[late])
    assert ids(draft, "advice-not-in-section-k") == []


def test_advice_not_reflected_in_the_plan_is_pointed_out(officer: Any, draft: PlanVersion) -> None:
    advice = advice_given(draft.plan.case, officer, contributor="educational_psychology")
    AdviceItem.objects.create(
        request=advice, kind="need", text="Reads well below the expected level"
    )
    AdviceItem.objects.create(request=advice, kind="provision", text="Weekly hydrotherapy sessions")
    services.plan_choose_advice(actor=officer, version=draft, advice_requests=[advice])
    [finding] = [
        f for f in version_findings(draft, today=TODAY) if f.check == "advice-not-reflected"
    ]
    assert '"Weekly hydrotherapy sessions"' in finding.message
    assert "Reads well below" not in finding.message  # section B says it
    assert not finding.blocking


# --- Queries and display ---------------------------------------------------------------------


def _grow(version: PlanVersion, officer: Any, times: int) -> None:
    for n in range(times):
        need = services.need_add(actor=officer, version=version, section="B", text=f"Need {n}.")
        outcome = services.outcome_add(
            actor=officer, version=version, text=f"will read {n} words", time_frame="By 2027",
            needs=[need],
        )  # fmt: skip
        services.provision_add(
            actor=officer, version=version, section="G", outcomes=[outcome], what="Physio",
            who="A physiotherapist", how_often="Weekly", how_long="30 minutes", group_size="1:1",
        )  # fmt: skip
        advice = advice_given(version.plan.case, officer)
        AdviceItem.objects.create(request=advice, kind="provision", text=f"Physio {n}")


def test_the_number_of_queries_does_not_grow_with_the_plan(
    officer: Any, draft: PlanVersion
) -> None:
    def queries() -> int:
        version = PlanVersion.objects.get(pk=draft.pk)
        with CaptureQueriesContext(connection) as captured:
            version_findings(version, today=TODAY)
        return len(captured)

    _grow(draft, officer, 1)
    small = queries()
    _grow(draft, officer, 6)
    assert queries() == small


def test_findings_for_loaded_contents_match(officer: Any, draft: PlanVersion) -> None:
    contents = version_contents(draft)
    assert contents_findings(contents, today=TODAY) == version_findings(draft, today=TODAY)


def test_findings_are_grouped_by_the_item_they_point_to(officer: Any, draft: PlanVersion) -> None:
    need = draft.needs.get()
    extra = services.need_add(actor=officer, version=draft, section="D", text="Needs short breaks.")
    draft = services.plan_change_views(actor=officer, version=draft, views_child="", interests="")
    grouped = findings_by_item(version_findings(draft, today=TODAY))
    assert {f.check for f in grouped[f"need-{extra.pk}"]} == {
        "need-no-outcome",
        "care-need-no-provision",
    }
    assert [f.item.field for f in grouped["views-A"]] == ["views_child", "interests"]
    assert f"need-{need.pk}" not in grouped
