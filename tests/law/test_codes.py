"""Tests for thrive.law.codes: code lists from reference/statutory.md 3.4-3.5 and
sen2-details.md 4, and DfE age groups."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thrive.law.codes import (
    AGE_GROUPS,
    CEASE_REASONS,
    ESTABLISHMENT_TYPES,
    ETHNICITIES,
    PHASES,
    REQUEST_SOURCES,
    SEN_SETTINGS,
    SEN_TYPES,
    SEXES,
    UPN_UNKNOWN,
    Code,
    CodeList,
    age_group,
    age_on,
)

ALL_LISTS = [
    SEN_TYPES,
    SEN_SETTINGS,
    ETHNICITIES,
    SEXES,
    REQUEST_SOURCES,
    CEASE_REASONS,
    UPN_UNKNOWN,
    ESTABLISHMENT_TYPES,
    PHASES,
    AGE_GROUPS,
]


@pytest.mark.parametrize(
    ("code_list", "codes"),
    [
        (
            SEN_TYPES,
            "SPLD MLD SLD PMLD SEMH SLCN HI VI MSI PD ASD DS OTH",
        ),
        (SEN_SETTINGS, "OLA OPA EHE EYP OTH NEET NIEC NIEO"),
        (
            ETHNICITIES,
            "WBRI WIRI WIRT WOTH WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH "
            "CHNE OOTH REFU NOBT",
        ),
        (SEXES, "M F"),
        (REQUEST_SOURCES, "1 2 3 4 5"),
        (CEASE_REASONS, "1 2 3 4 5 6 7 8 9"),
        (UPN_UNKNOWN, "UN1 UN2 UN3 UN5 UN8 UN9 UN10"),
        (
            PHASES,
            "nursery primary middle_deemed_primary middle_deemed_secondary secondary "
            "all_through special pru_ap fe_college",
        ),
        (AGE_GROUPS, "under_5 5_to_10 11_to_15 16_to_19 20_to_25"),
    ],
)
def test_code_lists_hold_the_published_codes_in_order(code_list: CodeList, codes: str) -> None:
    assert code_list.codes == tuple(codes.split())


@pytest.mark.parametrize(
    ("code_list", "code", "label"),
    [
        (SEN_TYPES, "ASD", "Autistic spectrum disorder"),
        (SEN_TYPES, "DS", "Down syndrome"),
        (ETHNICITIES, "WBRI", "White - British"),
        (SEXES, "F", "Female"),
        (CEASE_REASONS, "8", "Deceased"),
        (PHASES, "middle_deemed_secondary", "Middle (deemed secondary)"),
        (AGE_GROUPS, "5_to_10", "5 to 10"),
        (ESTABLISHMENT_TYPES, "special_non_maintained", "Special school: non-maintained"),
    ],
)
def test_labels(code_list: CodeList, code: str, label: str) -> None:
    assert code_list.label(code) == label


def test_code_list_behaves_like_a_read_only_collection() -> None:
    assert "SEMH" in SEN_TYPES
    assert "NSA" not in SEN_TYPES  # school census code, not for EHC plans
    assert 1 not in REQUEST_SOURCES  # codes are strings
    assert len(SEXES) == 2
    assert list(SEXES) == [Code("M", "Male"), Code("F", "Female")]
    assert SEXES.choices() == [("M", "Male"), ("F", "Female")]
    with pytest.raises(KeyError, match="U"):
        SEXES.label("U")


def test_code_list_refuses_repeated_codes() -> None:
    with pytest.raises(ValueError, match="repeats"):
        CodeList("Test", "none", (Code("A", "One"), Code("A", "Two")))


@pytest.mark.parametrize("code_list", ALL_LISTS, ids=lambda c: c.name)
def test_every_list_names_its_source_and_has_plain_labels(code_list: CodeList) -> None:
    assert code_list.source
    assert any(tag in code_list.source for tag in ("[V", "[S", "[U"))
    assert all(entry.label[:1].isupper() or entry.label[:1].isdigit() for entry in code_list)
    assert len(set(code_list.codes)) == len(code_list)
    assert all(len(code) <= 40 for code in code_list.codes)  # fits a CharField


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(2010, 9, 1), date(2025, 8, 31), 14),
        (date(2010, 9, 1), date(2025, 9, 1), 15),
        (date(2012, 2, 29), date(2025, 2, 28), 12),  # leap-day birthday
        (date(2012, 2, 29), date(2025, 3, 1), 13),
        (date(2012, 2, 29), date(2024, 2, 29), 12),
        (date(2025, 1, 1), date(2025, 1, 1), 0),
    ],
)
def test_age_on(born: date, on: date, age: int) -> None:
    assert age_on(born, on) == age


def test_age_on_refuses_a_date_before_birth() -> None:
    with pytest.raises(ValueError, match="before the date of birth"):
        age_on(date(2020, 1, 2), date(2020, 1, 1))


@pytest.mark.parametrize(
    ("age", "group"),
    [
        (0, "under_5"),
        (4, "under_5"),
        (5, "5_to_10"),
        (10, "5_to_10"),
        (11, "11_to_15"),
        (15, "11_to_15"),
        (16, "16_to_19"),
        (19, "16_to_19"),
        (20, "20_to_25"),
        (25, "20_to_25"),
    ],
)
def test_age_group_boundaries(age: int, group: str) -> None:
    assert age_group(age) == group


@pytest.mark.parametrize("age", [-1, 26, 40])
def test_age_group_refuses_ages_outside_0_to_25(age: int) -> None:
    with pytest.raises(ValueError, match="0 to 25"):
        age_group(age)


@given(st.integers(0, 25))
def test_every_age_falls_in_exactly_one_listed_group(age: int) -> None:
    assert age_group(age) in AGE_GROUPS


@given(st.dates(date(1990, 1, 1), date(2030, 12, 31)), st.integers(0, 20_000))
def test_age_rises_by_exactly_one_a_year(born: date, days: int) -> None:
    on = born + timedelta(days=days)
    if (on.month, on.day) != (2, 29):
        assert age_on(born, on.replace(year=on.year + 1)) == age_on(born, on) + 1
    assert age_on(born, on) <= days // 365
