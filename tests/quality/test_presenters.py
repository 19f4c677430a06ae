"""Audit presenters: numbers, ratings and findings in words."""

from thrive.quality import presenters
from thrive.quality.models import Audit, Criterion


def test_criteria_are_numbered_within_their_section_as_plan_items_are() -> None:
    criteria = [
        Criterion(pk=1, section="A"),
        Criterion(pk=2, section="A"),
        Criterion(pk=3, section="H1"),
        Criterion(pk=4, section="H1"),
        Criterion(pk=5, section="F"),
    ]
    assert presenters.numbers(criteria) == {1: "A1", 2: "A2", 3: "H1.1", 4: "H1.2", 5: "F1"}


def test_a_rating_is_always_in_words() -> None:
    assert presenters.rating_tag("requires_improvement") == {
        "text": "Requires improvement",
        "colour": "yellow",
    }
    assert presenters.rating_tag("")["text"] == "Not rated yet"


def test_agencies_in_a_sentence() -> None:
    assert presenters.agency_words({"social_care", "health"}) == "health and social care"
    assert presenters.agency_words({"education"}) == "education"


def test_findings_kept_with_an_audit_are_one_line_per_check_and_section() -> None:
    vague = {"check": "provision-vague", "title": "Vague provision", "section": "F"}
    audit = Audit(
        findings=[
            vague | {"blocking": True},
            vague | {"blocking": True},
            {"check": "views-child-missing", "title": "No views", "section": "A", "blocking": 0},
            "not a finding",
        ]
    )
    assert presenters.finding_lines(audit) == [
        "Section F: Vague provision (2 places). Must be put right before a final plan is issued.",
        "Section A: No views.",
    ]
