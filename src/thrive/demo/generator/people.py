"""Synthetic identifiers and addresses: valid in format, obviously not real people.

NHS numbers come from the 999 test range; UPNs carry the council's LA number and a
correct check letter; postcodes sit in the made-up "ZY" area (see `words`)."""

import random
from collections.abc import Iterable
from typing import Final

from thrive.law.identifiers import nhs_check_digit, upn_check_letter

from .words import INWARD_LETTERS, POSTCODE_DISTRICTS

_DISTRICTS: Final = tuple(code for code, _, _ in POSTCODE_DISTRICTS)
_DISTRICT_WEIGHTS: Final = tuple(weight for _, _, weight in POSTCODE_DISTRICTS)
NHS_TEST_PREFIX: Final = "999"  # NHS test range: 999 000 0000 to 999 999 9999
_NHS_BODY: Final = 10**6  # the six digits after the prefix


def postcode_in(rng: random.Random) -> str:
    """A postcode in one of the area's districts, weighted by where families live."""
    district = rng.choices(_DISTRICTS, _DISTRICT_WEIGHTS)[0]
    letters = rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{district} {rng.randrange(10)}{letters}"


def _nhs_with_check(body: int) -> str | None:
    first9 = f"{NHS_TEST_PREFIX}{body:06d}"
    check = nhs_check_digit(first9)
    number = f"{first9}{check}"
    # Check digit 10 never ends a number; all-nines passes the sum but is refused.
    return None if check is None or len(set(number)) == 1 else number


def nhs_number(rng: random.Random) -> str:
    """A valid NHS number from the test range (modulus 11 check digit)."""
    while (number := _nhs_with_check(rng.randrange(_NHS_BODY))) is None:
        pass
    return number


def upn(la_code: str, establishment: int, year: int, serial: int) -> str:
    """A UPN: check letter, LA number, DfE establishment number, 2-digit year of
    allocation and 3-digit serial (DfE UPN guide)."""
    upn12 = f"{la_code}{establishment:04d}{year % 100:02d}{serial:03d}"
    return upn_check_letter(upn12) + upn12


def draw_upn(rng: random.Random, la_code: str, entry_year: int) -> str:
    """A permanent UPN allocated when the child started at a primary school (DfE numbers
    2000-3999 are primary schools)."""
    return upn(la_code, rng.randrange(2000, 4000), entry_year, rng.randrange(1, 1000))


class IdentifierBook:
    """Keeps synthetic identifiers unique across the area, deterministically: a duplicate
    moves to the next free number in order, so the same draws give the same result."""

    def __init__(self, taken_upns: Iterable[str] = (), taken_nhs: Iterable[str] = ()) -> None:
        self._upns = set(taken_upns)
        self._nhs = set(taken_nhs)

    def claim_nhs(self, number: str) -> str:
        if number not in self._nhs:  # the usual case: drawn valid, not yet used
            self._nhs.add(number)
            return number
        body = int(number[3:9])
        for _ in range(_NHS_BODY):
            if (candidate := _nhs_with_check(body)) is not None and candidate not in self._nhs:
                self._nhs.add(candidate)
                return candidate
            body = (body + 1) % _NHS_BODY
        raise RuntimeError("The NHS test range is used up.")

    def claim_upn(self, candidate: str) -> str:
        if not candidate:
            return candidate
        la_code, establishment = candidate[1:4], int(candidate[4:8])
        year, serial = int(candidate[8:10]), int(candidate[10:13])
        while candidate in self._upns:
            serial = serial % 999 + 1
            if serial == 1:  # the school's serials for that year are used up
                establishment = 2000 + (establishment - 1999) % 2000
            candidate = upn(la_code, establishment, year, serial)
        self._upns.add(candidate)
        return candidate
