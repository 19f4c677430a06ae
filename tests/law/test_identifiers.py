"""Tests for thrive.law.identifiers: vectors from reference/statutory.md section 5, DfE's
CIN validator tests and NHS/ESFA examples, plus hypothesis properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thrive.law.identifiers import (
    UPN_ALPHABET,
    UPN_LENGTH_PROBLEM,
    format_nhs_number,
    is_valid_nhs_number,
    is_valid_postcode,
    is_valid_uln,
    is_valid_upn,
    la_name,
    nhs_check_digit,
    normalise_nhs_number,
    normalise_postcode,
    normalise_upn,
    recognised_la_codes,
    uln_check_digit,
    upn_check_letter,
    upn_problems,
)


def rules(upn: str) -> list[str]:
    return [code for code, _ in upn_problems(upn)]


# --- UPN -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("upn", "broken"),
    [
        ("B801200005001", []),  # statutory.md 5.1 (python-stdnum)
        ("A801200005001", ["1510"]),  # same, wrong check letter (expected B)
        ("b801200005001", []),  # normalised to upper case
        (" B801200005001 ", []),
        ("X80120000A001", ["1540"]),  # check letter cannot be worked out
        ("E000200005001", ["1530"]),  # 000 is no LA
        ("R247962919251", ["1510", "1530"]),  # CIN validator 1510 test: wrong letter
        ("X428558133462", ["1510", "1530"]),
        ("A950000178301", ["1530"]),  # CIN validator 1510 test: right letter
        ("H243278544154", ["1530"]),
        ("B80120000500I", ["1550"]),  # I, O and S are never used
        ("B80120000500S", ["1550"]),
        ("B8012000050O1", ["1540"]),
        ("Xabc20000A00I", ["1530", "1540", "1550"]),
    ],
)
def test_upn_problems(upn: str, broken: list[str]) -> None:
    assert rules(upn) == broken
    assert is_valid_upn(upn) is (not broken)


def test_upn_problems_carry_dfe_messages() -> None:
    assert upn_problems("A801200005001") == [
        ("1510", "UPN invalid (wrong check letter at character 1)")
    ]
    assert upn_problems("E000200005001") == [
        ("1530", "UPN invalid (characters 2-4 not a recognised LA code)")
    ]


@pytest.mark.parametrize("upn", ["", "B80120000500", "B8012000050011", "UN1"])
def test_upn_of_the_wrong_length_gets_one_problem(upn: str) -> None:
    assert upn_problems(upn) == [UPN_LENGTH_PROBLEM]


def test_temporary_upn_letter_counts_by_its_alphabet_index() -> None:
    temporary = upn_check_letter("80120000500A") + "80120000500A"
    assert temporary == "M80120000500A"
    assert is_valid_upn(temporary)


@pytest.mark.parametrize("bad", ["80120000500", "8012000050011", "8O1200005001", "80120000500I"])
def test_upn_check_letter_needs_12_well_formed_characters(bad: str) -> None:
    with pytest.raises(ValueError, match="12 characters"):
        upn_check_letter(bad)


def test_normalise_upn() -> None:
    assert normalise_upn("  b801200005001\n") == "B801200005001"


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("878", "Devon"),
        ("201", "City of London"),
        ("942", "Cumberland"),  # 2023 reorganisation
        ("943", "Westmorland and Furness"),
        ("909", "Cumbria"),  # abolished: old UPNs keep it
        ("928", "Northamptonshire"),
        ("835", "Dorset"),  # pre-2019 Dorset
        ("001", "Pseudo LA code"),
    ],
)
def test_recognised_la_codes(code: str, name: str) -> None:
    assert code in recognised_la_codes()
    assert la_name(code) == name


def test_unrecognised_la_codes() -> None:
    assert {"000", "006", "999", "100", "839 "}.isdisjoint(recognised_la_codes())
    assert la_name("999") is None
    assert all(len(code) == 3 and code.isdigit() for code in recognised_la_codes())


LA_CODES = sorted(recognised_la_codes())
upn_bodies = st.builds(
    lambda la, digits, last: la + digits + last,
    st.sampled_from(LA_CODES),
    st.text("0123456789", min_size=8, max_size=8),
    st.sampled_from("0123456789" + UPN_ALPHABET),
)


@given(upn_bodies)
def test_a_computed_check_letter_always_validates(body: str) -> None:
    assert is_valid_upn(upn_check_letter(body) + body)


@given(upn_bodies, st.integers(1, 12), st.integers(1, 22))
def test_changing_one_character_within_its_class_always_invalidates(
    body: str, position: int, shift: int
) -> None:
    # Mod 23 is prime and weights 2..13 are below it, so changing any one digit for
    # another digit (or the final letter for another letter) changes the check letter.
    upn = upn_check_letter(body) + body
    old = upn[position]
    if old.isdigit():
        new = str((int(old) + shift % 9 + 1) % 10)  # any other digit
    else:
        new = UPN_ALPHABET[(UPN_ALPHABET.index(old) + shift) % 23]
    assert new != old
    assert not is_valid_upn(upn[:position] + new + upn[position + 1 :])


def test_digit_and_letter_of_equal_value_share_a_check_letter() -> None:
    # The real limit of the scheme: a final "1" and a final "B" (both worth 1) give the
    # same check letter, so that swap is not detected.
    assert is_valid_upn("B801200005001")
    assert is_valid_upn("B80120000500B")


# --- ULN -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uln", "valid"),
    [
        ("1000000043", True),  # ESFA ILR validation tests (DD01)
        ("1000000063", False),  # remainder 0: never issued
        ("1000000044", False),
        ("0000000000", False),  # cannot start with 0
        ("9999999999", False),  # ILR's temporary ULN is not a learner's number
        ("100000004", False),
        ("10000000433", False),
        ("100000004X", False),
        (" 1000000043 ", True),
    ],
)
def test_is_valid_uln(uln: str, valid: bool) -> None:
    assert is_valid_uln(uln) is valid


def test_uln_check_digit() -> None:
    assert uln_check_digit("100000004") == 3
    assert uln_check_digit("100000006") is None
    with pytest.raises(ValueError, match="9 digits"):
        uln_check_digit("12345")


@given(st.text("0123456789", min_size=9, max_size=9).filter(lambda s: s[0] != "0"))
def test_uln_with_computed_check_digit_is_valid(first9: str) -> None:
    check = uln_check_digit(first9)
    if check is not None:
        assert is_valid_uln(first9 + str(check))
    assert sum(is_valid_uln(first9 + d) for d in "0123456789") == (check is not None)


# --- NHS number ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nhs_number", "valid"),
    [
        ("9434765870", True),  # statutory.md 5.3
        ("9434765871", False),
        ("943 476 5870", True),
        ("943-476-5870", True),
        ("4444444444", False),  # passes the checksum, but all digits identical
        ("0000000000", False),
        ("943476587", False),
        ("94347658700", False),
        ("943476587O", False),
        ("٩٤٣٤٧٦٥٨٧٠", False),  # Arabic-Indic digits are not NHS digits
        ("", False),
    ],
)
def test_is_valid_nhs_number(nhs_number: str, valid: bool) -> None:
    assert is_valid_nhs_number(nhs_number) is valid


def test_nhs_test_range_can_be_refused() -> None:
    test_number = "999000001" + str(nhs_check_digit("999000001"))
    assert is_valid_nhs_number(test_number)
    assert not is_valid_nhs_number(test_number, allow_test_numbers=False)
    assert is_valid_nhs_number("9434765870", allow_test_numbers=False)


def test_format_and_normalise_nhs_number() -> None:
    assert format_nhs_number("9434765870") == "943 476 5870"
    assert format_nhs_number("943-476 5870") == "943 476 5870"
    assert normalise_nhs_number(" 943 476 5870 ") == "9434765870"
    with pytest.raises(ValueError, match="10 digits"):
        format_nhs_number("94347658")


@given(st.text("0123456789", min_size=9, max_size=9))
def test_nhs_number_with_computed_check_digit_is_valid_unless_r_is_10(first9: str) -> None:
    check = nhs_check_digit(first9)
    if check is None:  # r == 10: no number starts this way
        assert not any(is_valid_nhs_number(first9 + d) for d in "0123456789")
    else:
        number = first9 + str(check)
        assert is_valid_nhs_number(number) is (len(set(number)) > 1)


@given(st.text("0123456789", min_size=10, max_size=10), st.integers(0, 9), st.integers(1, 9))
def test_changing_one_nhs_digit_invalidates(number: str, position: int, shift: int) -> None:
    if is_valid_nhs_number(number):
        changed = str((int(number[position]) + shift) % 10)
        assert not is_valid_nhs_number(number[:position] + changed + number[position + 1 :])


# --- Postcode --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "postcode",
    ["SW1A 1AA", "EC1A 1BB", "W1A 0AX", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "GIR 0AA"],
)
def test_valid_postcodes(postcode: str) -> None:
    assert is_valid_postcode(postcode)
    assert is_valid_postcode(postcode.lower().replace(" ", ""))


@pytest.mark.parametrize(
    "postcode",
    [
        "",
        "SW1A",
        "QA1 1AA",  # Q, V, X never first
        "VA1 1AA",
        "AI1 1AA",  # I, J, Z never second
        "SW1A 1AC",  # C, I, K, M, O, V never in the inward code
        "SW1A 1AI",
        "SW1A 11A",
        "12345",
        "BFPO 123",  # keep as free text
        "SW1A 1AA X",
    ],
)
def test_invalid_postcodes(postcode: str) -> None:
    assert not is_valid_postcode(postcode)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [("sw1a1aa", "SW1A 1AA"), ("  SW1A   1AA ", "SW1A 1AA"), ("m11ae", "M1 1AE"), ("ab", "AB")],
)
def test_normalise_postcode(raw: str, normal: str) -> None:
    assert normalise_postcode(raw) == normal
