"""The golden thread: every need has an outcome and provision that meets it, every outcome
rests on a need and has provision working towards it, every line of provision serves an
outcome (Code of Practice 9.61, 9.69). Provision meets a need through the outcomes it serves.

Supersedes `thrive.plans.selectors.thread_gaps`."""

from collections.abc import Iterator
from typing import Final

from .record import Need, PlanRecord
from .results import ItemRef, Problem

#: Which provision sections meet each kind of need. Health or social care provision that
#: educates or trains is special educational provision and belongs in F (Children and
#: Families Act 2014, s.21(5)), so F counts for C and D too.
MEETS: Final = {"B": ("F",), "C": ("G", "F"), "D": ("H1", "H2", "F")}
_WHERE: Final = {
    "B": "special educational provision in section F",
    "C": "health provision in section G (or provision in F that educates or trains)",
    "D": "social care provision in section H1 or H2 (or provision in F that educates or trains)",
}


def _need_ref(need: Need) -> ItemRef:
    return ItemRef("need", need.id, need.label)


def _outcomes_for(record: PlanRecord, need: Need) -> set[int]:
    return {o.id for o in record.outcomes if need.id in o.need_ids}


def need_no_outcome(record: PlanRecord) -> Iterator[Problem]:
    """Needs that no outcome addresses (Code of Practice 9.61, 9.66)."""
    for need in record.needs:
        if not _outcomes_for(record, need):
            yield Problem(
                need.section,
                _need_ref(need),
                f"{need.label} is not addressed by any outcome in section E.",
            )


def _unmet(record: PlanRecord, section: str) -> Iterator[Problem]:
    sections = MEETS[section]
    for need in record.needs:
        if need.section != section:
            continue
        outcomes = _outcomes_for(record, need)
        if not any(p.section in sections and p.outcome_ids & outcomes for p in record.provisions):
            yield Problem(
                need.section,
                _need_ref(need),
                f"{need.label} has no {_WHERE[section]} working towards its outcomes.",
            )


def need_no_provision(record: PlanRecord) -> Iterator[Problem]:
    """Section B needs with no section F provision: provision must be specified for each and
    every need (R v Secretary of State for Education and Science, ex parte E [1992] 1 FLR
    377 (CA); Code of Practice 9.69)."""
    return _unmet(record, "B")


def health_need_no_provision(record: PlanRecord) -> Iterator[Problem]:
    """Section C health needs with no health provision (SEND Regulations 2014,
    reg. 12(1)(g))."""
    return _unmet(record, "C")


def care_need_no_provision(record: PlanRecord) -> Iterator[Problem]:
    """Section D social care needs with no social care provision (SEND Regulations 2014,
    reg. 12(1)(h))."""
    return _unmet(record, "D")


def outcome_no_need(record: PlanRecord) -> Iterator[Problem]:
    """Outcomes linked to no need in this plan (Code of Practice 9.66)."""
    needs = {n.id for n in record.needs}
    for outcome in record.outcomes:
        if not outcome.need_ids & needs:
            yield Problem(
                "E",
                ItemRef("outcome", outcome.id, outcome.label, "needs"),
                f"{outcome.label} is not linked to any need in sections B, C or D.",
            )


def outcome_no_provision(record: PlanRecord) -> Iterator[Problem]:
    """Outcomes that no provision works towards (Code of Practice 9.69)."""
    served = {o for p in record.provisions for o in p.outcome_ids}
    for outcome in record.outcomes:
        if outcome.id not in served:
            yield Problem(
                "E",
                ItemRef("outcome", outcome.id, outcome.label),
                f"{outcome.label} has no provision in sections F to H working towards it.",
            )


def provision_no_outcome(record: PlanRecord) -> Iterator[Problem]:
    """Provision that serves no outcome in this plan (Code of Practice 9.69: it should be
    clear how the provision supports the outcomes)."""
    outcomes = {o.id for o in record.outcomes}
    for provision in record.provisions:
        if not provision.outcome_ids & outcomes:
            yield Problem(
                provision.section,
                ItemRef("provision", provision.id, provision.label, "outcomes"),
                f"{provision.label} does not work towards any outcome in section E.",
            )
