"""Checks for the identifiers a SEND record carries: UPN, ULN, NHS number and postcode.

Format checks only: a well-formed identifier may still belong to nobody. Sources are
cited per function with the reference's confidence tags ([V], [S], [U]).
"""

import csv
import re
from functools import cache
from importlib.resources import files
from typing import Final


def _is_digits(text: str) -> bool:
    # ASCII only: str.isdigit() also accepts digits from other scripts, such as "٣".
    return text.isascii() and text.isdigit()


# --- UPN (Unique Pupil Number) ---------------------------------------------------------

#: Check-letter alphabet, A=0 ... Z=22: A-Z without I, O and S. The same letters are the
#: ones allowed in character 13 of a temporary UPN.
UPN_ALPHABET: Final = "ABCDEFGHJKLMNPQRTUVWXYZ"
_UPN_LENGTH: Final = 13

#: CBDS rule codes and messages (DfE wording, as in the CIN validator) [S].
UPN_RULES: Final = {
    "1510": "UPN invalid (wrong check letter at character 1)",
    "1530": "UPN invalid (characters 2-4 not a recognised LA code)",
    "1540": "UPN invalid (characters 5-12 not all numeric)",
    "1550": "UPN invalid (character 13 not a recognised value)",
}
#: Not a rule: the CBDS data item (N00001) is 13 characters, enforced by the schema.
UPN_LENGTH_PROBLEM: Final = ("N00001", "UPN must be 13 characters long")


@cache
def _la_table() -> dict[str, str]:
    text = files("thrive.law").joinpath("data/la_codes.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {row["code"]: row["name"] for row in rows}


def recognised_la_codes() -> frozenset[str]:
    """The 3-digit LA numbers CBDS rule 1530 accepts in characters 2-4 of a UPN.

    Every post-April 1998 LA number (current and abolished: a UPN keeps the number it was
    allocated under) plus the CBDS pseudo-codes 001-005. The list lives in
    ``thrive/law/data/la_codes.csv``, which names its sources; keep it updated [S].
    """
    return frozenset(_la_table())


def la_name(code: str) -> str | None:
    """The name of the local authority with this 3-digit DfE LA number (CBDS LA codes)."""
    return _la_table().get(code)


def normalise_upn(upn: str) -> str:
    """A UPN as CBDS holds it: surrounding spaces removed, upper case (CBDS item N00001)."""
    return upn.strip().upper()


def _upn_value(character: str) -> int:
    # Digits count as themselves, letters (character 13 only) by their alphabet index.
    return int(character) if _is_digits(character) else UPN_ALPHABET.index(character)


def _valid_last(character: str) -> bool:
    return _is_digits(character) or character in UPN_ALPHABET


def upn_check_letter(upn12: str) -> str:
    """The check letter (character 1) for the other 12 characters of a UPN.

    CBDS rule 1510 / DfE UPN guide 1.2 [V]: weight character i (2-13) by i, sum, take the
    remainder mod 23 and read it in ``UPN_ALPHABET``. A letter in character 13 (a
    temporary UPN) counts as its alphabet index. Raises ValueError if ``upn12`` is not 11
    digits followed by a digit or an allowed letter.
    """
    if not (len(upn12) == 12 and _is_digits(upn12[:11]) and _valid_last(upn12[11])):
        raise ValueError("Give the 12 characters after the check letter.")
    total = sum(weight * _upn_value(c) for weight, c in enumerate(upn12, start=2))
    return UPN_ALPHABET[total % 23]


def upn_problems(upn: str) -> list[tuple[str, str]]:
    """Every CBDS rule a UPN breaks, as (rule code, DfE message); empty if valid.

    CBDS rules 1510 (check letter), 1530 (characters 2-4 a recognised LA number), 1540
    (characters 5-12 numeric) and 1550 (character 13 a digit or A-Z without I, O, S), with
    DfE's messages [S: CIN validator; SEN2 numbering U]. A value that is not 13 characters
    gets ``UPN_LENGTH_PROBLEM`` only. The check letter is only tested when characters 2-13
    are well formed. Validates ``normalise_upn(upn)``.
    """
    upn = normalise_upn(upn)
    if len(upn) != _UPN_LENGTH:
        return [UPN_LENGTH_PROBLEM]
    broken = {
        "1530": upn[1:4] not in recognised_la_codes(),
        "1540": not _is_digits(upn[4:12]),
        "1550": not _valid_last(upn[12]),
    }
    if _is_digits(upn[1:12]) and _valid_last(upn[12]):
        broken["1510"] = upn_check_letter(upn[1:]) != upn[0]
    return [(code, UPN_RULES[code]) for code in sorted(broken) if broken[code]]


def is_valid_upn(upn: str) -> bool:
    """Whether a UPN passes CBDS rules 1510, 1530, 1540 and 1550 (see ``upn_problems``)."""
    return not upn_problems(upn)


# --- ULN (Unique Learner Number) -------------------------------------------------------


def uln_check_digit(first9: str) -> int | None:
    """The 10th digit of a ULN for its first 9 digits; None when no ULN can end them.

    [U in our reference; matches ESFA's ILR validation, derived item DD01 [S]]: weight
    digits 1-9 by 10 down to 2, sum, take the remainder mod 11; a remainder of 0 is never
    issued, otherwise the check digit is 10 minus the remainder.
    """
    if not (len(first9) == 9 and _is_digits(first9)):
        raise ValueError("Give the first 9 digits of the ULN.")
    remainder = sum(w * int(d) for w, d in zip(range(10, 1, -1), first9, strict=True)) % 11
    return None if remainder == 0 else 10 - remainder


def is_valid_uln(uln: str) -> bool:
    """Whether a Unique Learner Number (Learning Records Service) is well formed [U].

    10 digits, not starting with 0 (ESFA treats a ULN as a 10-digit number [S]), ending
    in the check digit from ``uln_check_digit``. Surrounding spaces are ignored.
    """
    uln = uln.strip()
    if not (len(uln) == 10 and _is_digits(uln) and uln[0] != "0"):
        return False
    return uln_check_digit(uln[:9]) == int(uln[9])


# --- NHS number ------------------------------------------------------------------------

_NHS_SEPARATORS: Final = re.compile(r"[\s-]")
#: NHS test numbers start 999 [U]; pass allow_test_numbers=False to refuse them.
_NHS_TEST_PREFIX: Final = "999"


def normalise_nhs_number(nhs_number: str) -> str:
    """An NHS number without its spaces or hyphens: "943 476 5870" -> "9434765870"
    (NHS Data Dictionary, NHS NUMBER format). Other characters are kept, so validation
    can reject them.
    """
    return _NHS_SEPARATORS.sub("", nhs_number)


def nhs_check_digit(first9: str) -> int | None:
    """The 10th digit of an NHS number for its first 9; None when no number can end them.

    NHS Data Dictionary, modulus 11 [S]: weight digits 1-9 by 10 down to 2, sum,
    r = 11 - (sum mod 11); r = 11 gives 0, and r = 10 means the 9 digits are never used.
    """
    if not (len(first9) == 9 and _is_digits(first9)):
        raise ValueError("Give the first 9 digits of the NHS number.")
    r = 11 - sum(w * int(d) for w, d in zip(range(10, 1, -1), first9, strict=True)) % 11
    return {11: 0, 10: None}.get(r, r)


def is_valid_nhs_number(nhs_number: str, *, allow_test_numbers: bool = True) -> bool:
    """Whether an NHS number is well formed (NHS Data Dictionary, modulus 11 check) [S].

    Ten digits once spaces and hyphens are removed, with the right check digit. All
    identical digits (e.g. 4444444444) pass the checksum but are refused. Numbers starting
    999 are the test range [U]: refuse them outside test systems with
    ``allow_test_numbers=False``.
    """
    digits = normalise_nhs_number(nhs_number)
    if not (len(digits) == 10 and _is_digits(digits)):
        return False
    if len(set(digits)) == 1:
        return False
    if not allow_test_numbers and digits.startswith(_NHS_TEST_PREFIX):
        return False
    return nhs_check_digit(digits[:9]) == int(digits[9])


def format_nhs_number(nhs_number: str) -> str:
    """An NHS number as people read it, 3-3-4: "943 476 5870" (NHS Data Dictionary).

    Raises ValueError unless it is 10 digits once spaces and hyphens are removed.
    """
    digits = normalise_nhs_number(nhs_number)
    if not (len(digits) == 10 and _is_digits(digits)):
        raise ValueError("An NHS number has 10 digits.")
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


# --- Postcode --------------------------------------------------------------------------

#: GOV.UK data standards pattern for a UK postcode [S]. Format, not existence: only the
#: ONS Postcode Directory says a postcode exists. Keep BFPO and overseas as free text.
POSTCODE_PATTERN: Final = re.compile(
    r"^(GIR 0AA|(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
    r" [0-9][ABD-HJLNP-UW-Z]{2})$"
)
_INWARD_LENGTH: Final = 3


def normalise_postcode(postcode: str) -> str:
    """A postcode in its standard form (GOV.UK data standards): upper case, one space
    before the last 3 characters. "sw1a1aa" -> "SW1A 1AA". Values of 3 characters or
    fewer come back compacted, without a space.
    """
    compact = "".join(postcode.split()).upper()
    if len(compact) <= _INWARD_LENGTH:
        return compact
    return f"{compact[:-_INWARD_LENGTH]} {compact[-_INWARD_LENGTH:]}"


def is_valid_postcode(postcode: str) -> bool:
    """Whether ``normalise_postcode(postcode)`` matches the GOV.UK postcode pattern [S]."""
    return POSTCODE_PATTERN.fullmatch(normalise_postcode(postcode)) is not None
