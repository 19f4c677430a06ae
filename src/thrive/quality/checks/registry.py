"""Every automated plan check, with its identifier, title, citation and whether it blocks a
final plan being issued; `run_checks` runs them over a plan record.

Blocking checks are those where the law or case law says "must" and the Tribunal or a court
would find the plan wrong: unquantified or vague special educational provision, a section B
need with no section F provision, advice missing from section K, no preparing for adulthood
from Year 9, section I empty on a final plan. The rest are advisory: they concern quality
(SMART outcomes, the thread, section A) or provision the law words less strictly.
docs/quality.md gives the reasons."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from . import citations, outcomes, provision, sections, thread
from .record import SECTION_ORDER, PlanRecord
from .results import Finding, Problem


@dataclass(frozen=True)
class Check:
    id: str
    title: str
    citation: str
    blocking: bool
    function: Callable[[PlanRecord], Iterable[Problem]]

    def run(self, record: PlanRecord) -> list[Finding]:
        return [
            Finding(
                check=self.id,
                title=self.title,
                message=problem.message,
                section=problem.section,
                item=problem.item,
                citation=self.citation,
                blocking=self.blocking,
                highlights=problem.highlights,
            )
            for problem in self.function(record)
        ]


CHECKS: Final[tuple[Check, ...]] = (
    Check(
        "views-child-missing",
        "The child's or young person's own views are missing",
        citations.VIEWS,
        False,
        sections.views_child_missing,
    ),
    Check(
        "views-family-missing",
        "The parents' or carers' views are missing",
        citations.VIEWS,
        False,
        sections.views_family_missing,
    ),
    Check(
        "interests-aspirations-missing",
        "Interests or aspirations are missing",
        citations.VIEWS,
        False,
        sections.interests_aspirations_missing,
    ),
    Check(
        "need-no-outcome",
        "A need has no outcome",
        citations.THREAD,
        False,
        thread.need_no_outcome,
    ),
    Check(
        "need-no-provision",
        "A special educational need has no provision in section F",
        citations.EVERY_NEED,
        True,
        thread.need_no_provision,
    ),
    Check(
        "health-need-no-provision",
        "A health need has no health provision",
        citations.HEALTH_CARE_NEED,
        False,
        thread.health_need_no_provision,
    ),
    Check(
        "care-need-no-provision",
        "A social care need has no social care provision",
        citations.HEALTH_CARE_NEED,
        False,
        thread.care_need_no_provision,
    ),
    Check(
        "outcome-no-need",
        "An outcome is linked to no need",
        citations.THREAD,
        False,
        thread.outcome_no_need,
    ),
    Check(
        "outcome-no-provision",
        "No provision works towards an outcome",
        citations.THREAD,
        False,
        thread.outcome_no_provision,
    ),
    Check(
        "outcome-not-time-bound",
        "An outcome has no time frame",
        citations.SMART,
        False,
        outcomes.outcome_not_time_bound,
    ),
    Check(
        "outcome-not-observable",
        "An outcome has nothing observable or measurable",
        citations.SMART,
        False,
        outcomes.outcome_not_observable,
    ),
    Check(
        "adulthood-outcomes-missing",
        "No preparing for adulthood outcomes from Year 9",
        citations.ADULTHOOD,
        True,
        outcomes.adulthood_outcomes_missing,
    ),
    Check(
        "adulthood-areas-uncovered",
        "Preparing for adulthood areas not covered",
        citations.ADULTHOOD_AREAS,
        False,
        outcomes.adulthood_areas_uncovered,
    ),
    Check(
        "provision-vague",
        "Special educational provision in vague words",
        citations.SPECIFIED,
        True,
        provision.provision_vague,
    ),
    Check(
        "provision-detail-missing",
        "Special educational provision without who, how often, how long or group size",
        citations.SPECIFIED,
        True,
        provision.provision_detail_missing,
    ),
    Check(
        "provision-no-outcome",
        "Provision works towards no outcome",
        citations.THREAD,
        False,
        thread.provision_no_outcome,
    ),
    Check(
        "health-care-provision-vague",
        "Health or social care provision in vague words",
        citations.HEALTH_CARE_SPECIFIED,
        False,
        provision.health_care_provision_vague,
    ),
    Check(
        "health-care-provision-detail-missing",
        "Health or social care provision without who, how often, how long or group size",
        citations.HEALTH_CARE_SPECIFIED,
        False,
        provision.health_care_provision_detail_missing,
    ),
    Check(
        "placement-missing",
        "Section I is empty on a final plan",
        citations.PLACEMENT,
        True,
        sections.placement_missing,
    ),
    Check(
        "advice-not-in-section-k",
        "Advice received is not in section K",
        citations.SECTION_K,
        True,
        sections.advice_not_in_section_k,
    ),
    Check(
        "advice-not-reflected",
        "Advice received is not reflected in the plan",
        citations.EVIDENCE,
        False,
        sections.advice_not_reflected,
    ),
)
BY_ID: Final = {check.id: check for check in CHECKS}
_FIELD_ORDER: Final = (
    *("", "views_child", "views_family", "interests", "aspirations"),
    *("text", "needs", "time_frame"),
    *("what", "who", "how_often", "how_long", "group_size", "outcomes"),
)


def run_checks(record: PlanRecord, checks: Sequence[Check] = CHECKS) -> list[Finding]:
    """Every finding, in the plan's order: by section (A to K), then item as the plan lists
    them, then field, blocking ones first."""
    findings = [finding for check in checks for finding in check.run(record)]
    places = _places(record)
    fields = _FIELD_ORDER
    return sorted(
        findings,
        key=lambda f: (
            SECTION_ORDER.index(f.section) if f.section in SECTION_ORDER else len(SECTION_ORDER),
            places.get((f.item.kind, f.item.id), -1),
            fields.index(f.item.field) if f.item.field in fields else len(fields),
            not f.blocking,
        ),
    )


def _places(record: PlanRecord) -> dict[tuple[str, int | None], int]:
    items = [
        *(("need", n.id) for n in record.needs),
        *(("outcome", o.id) for o in record.outcomes),
        *(("provision", p.id) for p in record.provisions),
        *(("advice", a.id) for a in record.advice),
    ]
    return {item: place for place, item in enumerate(items)}
