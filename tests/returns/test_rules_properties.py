"""SEN2 rules, property tests: a valid generated person never fails the person rules,
broken identifiers always do, the 20-week query fires exactly past 140 days, and no value
makes a rule crash."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tests.returns.test_rules import LA, assessment, both, named, request, valid_return
from thrive.law import codes
from thrive.law.identifiers import (
    POSTCODE_PATTERN,
    UPN_ALPHABET,
    recognised_la_codes,
    uln_check_digit,
    upn_check_letter,
)
from thrive.returns.sen2.records import Person, Sen2Return
from thrive.returns.sen2.rules import REGISTRY, validate

CENSUS = date(2026, 1, 15)
PERSON_RULES = {rule.id for rule in REGISTRY.values() if rule.scope == "person"}


@st.composite
def upns(draw: st.DrawFn) -> str:
    la = draw(st.sampled_from(sorted(recognised_la_codes())))
    middle = draw(st.text("0123456789", min_size=8, max_size=8))
    last = draw(st.sampled_from("0123456789" + UPN_ALPHABET))
    rest = la + middle + last
    return upn_check_letter(rest) + rest


@st.composite
def ulns(draw: st.DrawFn) -> str:
    first9 = draw(st.text("0123456789", min_size=9, max_size=9).filter(lambda d: d[0] != "0"))
    check = uln_check_digit(first9)
    if check is None:
        first9 = first9[:8] + ("1" if first9[8] != "1" else "2")
        check = uln_check_digit(first9)
    assert check is not None
    return first9 + str(check)


@st.composite
def valid_people(draw: st.DrawFn) -> Person:
    upn = draw(st.none() | upns())
    uln = draw(st.none() | ulns())
    reason = draw(st.sampled_from(codes.UPN_UNKNOWN.codes)) if upn is None and uln is None else None
    age_days = draw(st.integers(min_value=0, max_value=25 * 365))
    names = st.text(st.characters(categories=["L"]), min_size=1, max_size=20)
    sample = valid_return().persons[0]
    return replace(
        sample,
        surname=draw(names),
        forename=draw(names),
        birth_date=CENSUS - timedelta(days=age_days),
        sex=draw(st.sampled_from(codes.SEXES.codes)),
        ethnicity=draw(st.sampled_from(codes.ETHNICITIES.codes)),
        postcode=draw(st.from_regex(POSTCODE_PATTERN, fullmatch=True)),
        upn=upn,
        uln=uln,
        upn_unknown=reason,
    )


def with_person(person: Person) -> Sen2Return:
    return replace(valid_return(), persons=(person,))


@given(valid_people())
def test_a_valid_person_passes_every_person_rule(person: Person) -> None:
    ids = {f.rule_id for f in validate(with_person(person), la_code=LA)}
    assert not ids & PERSON_RULES


@given(upns(), st.sampled_from(UPN_ALPHABET))
def test_a_wrong_check_letter_always_fails_t_per_2a(upn: str, letter: str) -> None:
    wrong = letter if letter != upn[0] else UPN_ALPHABET[UPN_ALPHABET.index(letter) - 1]
    person = replace(valid_return().persons[0], upn=wrong + upn[1:])
    ids = [f.rule_id for f in validate(with_person(person), la_code=LA)]
    assert ids == ["T-PER-2a"]


@given(st.sampled_from(["UN4", "UN6", "UN7", "UN11", "", "un1"]) | st.none())
def test_no_identifier_and_no_listed_reason_fails_t_per_2d(reason: str | None) -> None:
    person = replace(valid_return().persons[0], upn=None, uln=None, upn_unknown=reason)
    assert [f.rule_id for f in validate(with_person(person), la_code=LA)] == ["T-PER-2d"]


@given(st.integers(min_value=0, max_value=400))
def test_the_20_week_query_fires_exactly_after_140_days(days: int) -> None:
    received = date(2024, 1, 2)
    issued = received + timedelta(days=days)
    change = both(
        request(received_date=received, outcome_date=received),
        assessment(outcome_date=issued, week20_exceptions=False),
        named(start_date=issued),
    )
    ids = {f.rule_id for f in validate(change(valid_return()), la_code=LA)}
    assert ("T-ASS-4b" in ids) is (days > 140)


@given(
    st.text(max_size=15),
    st.text(max_size=15),
    st.text(max_size=15),
    st.text(max_size=15),
    st.text(max_size=15),
    st.text(max_size=5),
)
def test_no_text_makes_a_person_rule_crash(
    upn: str, uln: str, postcode: str, sex: str, ethnicity: str, reason: str
) -> None:
    person = replace(
        valid_return().persons[0],
        upn=upn,
        uln=uln,
        postcode=postcode,
        sex=sex,
        ethnicity=ethnicity,
        upn_unknown=reason,
    )
    for finding in validate(with_person(person), la_code=LA):
        assert finding.item in finding.message
