"""The vague-wording detector: phrases and their positions, the tricky specific cases, and
properties that hold for any text."""

import csv
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thrive.quality.checks import Vagueness, is_unquantified, is_vague, quantity, vague_phrases

DATA = Path(__file__).resolve().parent / "data"


def phrases(text: str, context: str = "") -> list[str]:
    return [p.phrase for p in vague_phrases(text, context=context)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Access to speech and language therapy as appropriate", ["Access to", "as appropriate"]),
        ("Regular check-ins with a trusted adult", ["Regular"]),
        ("Up to 5 hours a week of additional adult support", ["Up to 5 hours"]),
        ("Up to 25% extra time in exams", ["Up to 25%"]),
        ("Physiotherapy: a maximum of 6 sessions a year", ["a maximum of 6 sessions"]),
        ("Maths support in a small group", ["support", "small group"]),
        ("Social skills groups as and when required", ["as and when required"]),
        ("Speech therapy AS REQUIRED", ["AS REQUIRED"]),
        ("Reading support, as/when required", ["support", "as/when required"]),
        ("Staff may use a timer", ["may"]),
        ("The school should provide a key worker", ["should"]),
        ("He will benefit from a consistent approach", ["benefit from"]),
        ("Frequency to be determined by the therapist", ["to be determined"]),
        ("Holiday provision subject to availability", ["subject to availability"]),
        ("Approximately 20 minutes of reading each day", ["Approximately 20"]),
        ("An ELSA programme tailored to his needs", ["tailored to his needs"]),
        ("Advice from relevant professionals", ["relevant professionals"]),
        ("Phonics intervention", ["intervention"]),
        ("SALT input", ["input"]),
        ("Ongoing monitoring by the SENCo", ["Ongoing"]),
        ("1:1 support, to be reduced over time", ["support", "over time"]),
        ("Movement breaks when he needs them", ["when he needs them"]),
    ],
)
def test_finds_vague_phrases(text: str, found: list[str]) -> None:
    assert phrases(text) == found


@pytest.mark.parametrize(
    "text",
    [
        # "access to" with a frequency, a duration and a named role
        "Weekly access to a speech and language therapist for 30 minutes",
        "Access to a laptop with speech-to-text software for all written work in every lesson",
        "Two 30-minute opportunities a week to practise buying a snack, with a teaching assistant",
        # "regular", but the frequency is given
        "Regular movement breaks every 30 minutes, of 3 to 5 minutes each",
        # a ceiling on the group or the language, not on the provision
        "Groups of up to 4 pupils for phonics, 30 minutes every day",
        "Instructions in chunks of no more than 3 key words, in every lesson",
        "Kept up to date by the SENCo each term",
        # "should" inside a clause about the child; "May" the month
        "A visual card showing what she should do when she finishes a task, in every lesson",
        "A prompt card reminding him how he should ask to leave the room, in every lesson",
        "A review by the therapist in May 2027 and every 12 months after that",
        "Exam practice in May under exam conditions, for each GCSE subject",
        # "support" as part of a name, as a verb, or quantified
        "A family support worker will visit for 1 hour every week",
        "A teaching assistant will support him in every PE lesson",
        "1:1 teaching assistant support for 25 hours a week",
        # "appropriate" as a description, not a judgement left to later
        "Age-appropriate reading books, changed every Friday",
        # a range with a floor
        "Between 20 and 30 minutes of reading with a teaching assistant every day",
    ],
)
def test_leaves_specific_provision_alone(text: str) -> None:
    assert phrases(text) == []
    assert not is_vague(text)


def test_positions_point_at_the_phrase() -> None:
    text = "Small group work, as appropriate, with regular review"
    assert [(p.start, p.end, p.kind) for p in vague_phrases(text)] == [
        (0, 11, Vagueness.GROUP),
        (18, 32, Vagueness.DISCRETION),
        (39, 46, Vagueness.FREQUENCY),
    ]


def test_the_rest_of_the_provision_counts_as_evidence_of_quantity() -> None:
    assert phrases("Reading support", context="3 times a week\n20 minutes") == []
    assert phrases("Small group", context="") == ["Small group"]
    assert phrases("Small group", context="A group of no more than 4") == []
    # but only as evidence: phrases in the context are not reported
    assert phrases("Phonics", context="As appropriate") == []


def test_a_statement_that_says_nothing_about_how_much_is_vague_without_vague_words() -> None:
    assert phrases("Travel training") == []
    assert is_unquantified("Travel training")
    assert is_vague("Travel training")
    assert not is_vague("Travel training, 2 sessions a week for 6 weeks")


def test_quantity_tells_frequency_amount_occasions_and_group_size_apart() -> None:
    said = quantity("3 x 20 minutes weekly in a group of 4")
    assert (said.frequency, said.amount, said.occasions, said.group_size) == (
        True,
        True,
        False,
        True,
    )
    assert quantity("for all written work").occasions
    assert not quantity("A group of 4").says_how_much


def test_every_kind_of_vagueness_says_what_to_do() -> None:
    assert all(kind.advice for kind in Vagueness)


# --- Properties --------------------------------------------------------------------------

UNCONDITIONALLY_VAGUE = st.sampled_from(
    [
        "as appropriate",
        "as required",
        "where possible",
        "if needed",
        "as and when",
        "up to 5 hours a week",
        "subject to availability",
        "at the school's discretion",
        "from time to time",
        "support as needed",
        "where appropriate",
        "if necessary",
    ]
)


def _clear_statements() -> list[str]:
    with (DATA / "vague_wording.csv").open(encoding="utf-8", newline="") as rows:
        return [r["statement"] for r in csv.DictReader(rows) if r["label"] == "clear"]


CLEAR = [s for s in _clear_statements() if not vague_phrases(s)]


@given(st.text())
def test_never_fails_and_every_span_is_the_text_it_names(text: str) -> None:
    found = vague_phrases(text, context=text[::-1])
    assert all(text[p.start : p.end] == p.phrase and p.start < p.end for p in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@given(st.sampled_from(CLEAR), UNCONDITIONALLY_VAGUE, st.booleans(), st.booleans())
def test_adding_a_vague_phrase_to_a_clear_statement_is_always_flagged(
    clear: str, phrase: str, at_start: bool, shout: bool
) -> None:
    phrase = phrase.upper() if shout else phrase
    text = f"{phrase.capitalize()}: {clear}" if at_start else f"{clear}, {phrase}"
    start = 0 if at_start else len(clear) + 2
    end = start + len(phrase)
    assert any(p.start < end and start < p.end for p in vague_phrases(text))


@given(st.sampled_from(CLEAR + _clear_statements()), st.text(max_size=60))
def test_context_only_ever_excuses(text: str, context: str) -> None:
    """Other fields of the provision add evidence of quantity: they can clear a phrase but
    never add one."""
    alone = {i for p in vague_phrases(text) for i in range(p.start, p.end)}
    together = {i for p in vague_phrases(text, context=context) for i in range(p.start, p.end)}
    assert together <= alone


def test_the_clear_statements_are_there_to_sample() -> None:
    assert len(CLEAR) > 100
