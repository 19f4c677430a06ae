"""Automated EHC plan checks: pure functions over a plan record (standard library only, no
Django), each with an identifier, a plain-English message, the section it concerns and the
law or case law it comes from. `run_checks(record)` gives every finding; `vague_phrases` finds
vague wording in a provision statement, with positions to highlight.

The Django side (`thrive.quality.findings`) builds the record from a plan version. See
docs/quality.md."""

from .record import (
    ADULTHOOD_AREAS,
    DRAFT,
    FINAL,
    NEED_SECTIONS,
    PROVISION_FIELDS,
    PROVISION_SECTIONS,
    SECTION_ORDER,
    Advice,
    Need,
    Outcome,
    PlanRecord,
    Provision,
    Views,
)
from .registry import BY_ID, CHECKS, Check, run_checks
from .results import Finding, Highlight, ItemRef, Problem
from .school_year import ADULTHOOD_FROM, national_curriculum_year, year_label
from .wording import (
    Quantity,
    Vagueness,
    VaguePhrase,
    is_unquantified,
    is_vague,
    quantity,
    vague_phrases,
)

__all__ = [
    "ADULTHOOD_AREAS",
    "ADULTHOOD_FROM",
    "BY_ID",
    "CHECKS",
    "DRAFT",
    "FINAL",
    "NEED_SECTIONS",
    "PROVISION_FIELDS",
    "PROVISION_SECTIONS",
    "SECTION_ORDER",
    "Advice",
    "Check",
    "Finding",
    "Highlight",
    "ItemRef",
    "Need",
    "Outcome",
    "PlanRecord",
    "Problem",
    "Provision",
    "Quantity",
    "VaguePhrase",
    "Vagueness",
    "Views",
    "is_unquantified",
    "is_vague",
    "national_curriculum_year",
    "quantity",
    "run_checks",
    "vague_phrases",
    "year_label",
]
