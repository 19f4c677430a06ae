"""Code lists for SEND records, with plain-English labels, and DfE age groups.

Codes are the ones DfE collections use (SEN2 person-level return, CBDS), so exports need
no translation. Each list names its source and confidence tag ([V] verified, [S]
secondary source, [U] unverified) in its ``source``.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Final


@dataclass(frozen=True)
class Code:
    """One value in a code list: the code stored and sent, and its plain-English label."""

    code: str
    label: str


@dataclass(frozen=True)
class CodeList:
    """An ordered, immutable list of codes, usable as Django ``choices``."""

    name: str
    source: str
    entries: tuple[Code, ...]

    def __post_init__(self) -> None:
        codes = [entry.code for entry in self.entries]
        if len(set(codes)) != len(codes):
            raise ValueError(f"{self.name} repeats a code.")

    def __iter__(self) -> Iterator[Code]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, code: object) -> bool:
        return any(entry.code == code for entry in self.entries)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(entry.code for entry in self.entries)

    def choices(self) -> list[tuple[str, str]]:
        """(code, label) pairs in order, for Django fields and forms."""
        return [(entry.code, entry.label) for entry in self.entries]

    def label(self, code: str) -> str:
        """The label for ``code``; KeyError if the list does not have it."""
        for entry in self.entries:
            if entry.code == code:
                return entry.label
        raise KeyError(f"{code!r} is not in {self.name}.")


def _codes(name: str, source: str, *pairs: tuple[str, str]) -> CodeList:
    return CodeList(name, source, tuple(Code(code, label) for code, label in pairs))


SEN_TYPES: Final = _codes(
    "SEN type",
    "SEN2 SENtype, 2025 on [S: witan.sen2; DS confirmed by DfE 2025 data guidance]. "
    "The school census code NSA is not valid for EHC plans [U].",
    ("SPLD", "Specific learning difficulty"),
    ("MLD", "Moderate learning difficulty"),
    ("SLD", "Severe learning difficulty"),
    ("PMLD", "Profound and multiple learning difficulty"),
    ("SEMH", "Social, emotional and mental health"),
    ("SLCN", "Speech, language and communication needs"),
    ("HI", "Hearing impairment"),
    ("VI", "Vision impairment"),
    ("MSI", "Multi-sensory impairment"),
    ("PD", "Physical disability"),
    ("ASD", "Autistic spectrum disorder"),
    ("DS", "Down syndrome"),
    ("OTH", "Other difficulty or disability"),
)

SEN_SETTINGS: Final = _codes(
    "SEN setting",
    "SEN2 SENsetting, used only when there is no URN or UKPRN [S: witan.sen2 2025; "
    "OTH added 2024].",
    ("OLA", "Other arrangements made by the local authority (education otherwise)"),
    ("OPA", "Other arrangements made by parents or the young person"),
    ("EHE", "Elective home education"),
    ("EYP", "Early years provider with no URN"),
    ("OTH", "Type of setting specified, no setting named"),
    ("NEET", "Not in education, employment or training (16 to 25)"),
    ("NIEC", "Not in education: notice to cease the plan issued"),
    ("NIEO", "Not in education: other reason, such as awaiting a placement"),
)

ETHNICITIES: Final = _codes(
    "Ethnicity",
    "CBDS main ethnicity codes, as in SEN2 and Annex A (a) WBRI to (t) NOBT [S].",
    ("WBRI", "White - British"),
    ("WIRI", "White - Irish"),
    ("WIRT", "White - Traveller of Irish heritage"),
    ("WOTH", "White - Any other White background"),
    ("WROM", "White - Gypsy/Roma"),
    ("MWBC", "Mixed - White and Black Caribbean"),
    ("MWBA", "Mixed - White and Black African"),
    ("MWAS", "Mixed - White and Asian"),
    ("MOTH", "Mixed - Any other mixed background"),
    ("AIND", "Asian - Indian"),
    ("APKN", "Asian - Pakistani"),
    ("ABAN", "Asian - Bangladeshi"),
    ("AOTH", "Asian - Any other Asian background"),
    ("BCRB", "Black - Caribbean"),
    ("BAFR", "Black - African"),
    ("BOTH", "Black - Any other Black background"),
    ("CHNE", "Chinese"),
    ("OOTH", "Any other ethnic group"),
    ("REFU", "Refused"),
    ("NOBT", "Information not yet obtained"),
)

SEXES: Final = _codes(
    "Sex",
    "SEN2 Sex, 2024 on [S2: Social Finance XSD, D2I]. U (unknown) appears in one "
    "unofficial schema and in DfE statistics, but acceptance in the return is [U], so it "
    "is left out.",
    ("M", "Male"),
    ("F", "Female"),
)

REQUEST_SOURCES: Final = _codes(
    "Request source",
    "SEN2 RequestSource, optional 2025, mandatory 2026 [S2: Access Synergy; D2I].",
    ("1", "Young person or parent (including guardian or carer)"),
    ("2", "School or other education setting (including college or nursery)"),
    ("3", "Health care professional"),
    ("4", "Social care professional"),
    ("5", "Other"),
)

CEASE_REASONS: Final = _codes(
    "Reason the plan ceased",
    "SEN2 CeaseReason [S]; grounds in Children and Families Act 2014, s.45.",
    ("1", "Reached maximum age (end of the academic year they turned 25)"),
    ("2", "Needs met without a plan, continuing in education or training"),
    ("3", "Moved on to higher education"),
    ("4", "Moved on to paid employment (not an apprenticeship)"),
    ("5", "Transferred to another local authority in England"),
    ("6", "Young person no longer wishes to engage in education or training"),
    ("7", "Moved outside England"),
    ("8", "Deceased"),
    ("9", "Other"),
)

UPN_UNKNOWN: Final = _codes(
    "Reason UPN and ULN are unavailable",
    "SEN2 UPNunknown, the SEN2 guide's list [S: data-to-insight SSD quoting the DfE "
    "guide]. It differs from the CBDS/CIN list: UN3 means educated outside England here, "
    "and UN4, UN6 and UN7 are not listed (their validity in SEN2 is [U]).",
    ("UN1", "Under 6 and not yet given a UPN"),
    ("UN2", "Never attended a state-funded school in England"),
    ("UN3", "Educated outside England"),
    ("UN5", "Name or date of birth differ between sources, so the UPN cannot be matched"),
    ("UN8", "New to the local authority, UPN or ULN not yet known"),
    ("UN9", "Young person never attended a state-funded school or college in England"),
    ("UN10", "Request led to no further action before the UPN or ULN was known"),
)

ESTABLISHMENT_TYPES: Final = _codes(
    "Type of education setting",
    "Grouped as DfE's EHC plan caseload statistics group settings (columns of "
    "caseload.csv, 2025 release) [V]; sixth form college and early years provider added "
    "[U]. GIAS has finer types; map them onto these.",
    ("mainstream_la_maintained", "Mainstream school: local authority maintained"),
    ("mainstream_academy", "Mainstream school: academy"),
    ("mainstream_free_school", "Mainstream school: free school"),
    ("mainstream_independent", "Mainstream school: independent"),
    ("special_la_maintained", "Special school: local authority maintained"),
    ("special_academy_free", "Special school: academy or free school"),
    ("special_independent", "Special school: independent"),
    ("special_non_maintained", "Special school: non-maintained"),
    ("ap_pru_la_maintained", "Pupil referral unit or alternative provision: maintained"),
    ("ap_pru_academy", "Pupil referral unit or alternative provision: academy"),
    ("ap_pru_free_school", "Pupil referral unit or alternative provision: free school"),
    ("general_fe_tertiary_college", "General further education or tertiary college"),
    ("sixth_form_college", "Sixth form college"),
    ("specialist_post_16_institution", "Specialist post-16 institution"),
    ("early_years", "Early years provider"),
)

PHASES: Final = _codes(
    "Phase of education",
    "Area SEND inspection Annex A, 'Main education establishment - phase', answers "
    "a) to i) in this order [S: D2I ssd-data-model quoting the template].",
    ("nursery", "Nursery"),
    ("primary", "Primary"),
    ("middle_deemed_primary", "Middle (deemed primary)"),
    ("middle_deemed_secondary", "Middle (deemed secondary)"),
    ("secondary", "Secondary"),
    ("all_through", "All-through"),
    ("special", "Special"),
    ("pru_ap", "Pupil referral unit/Alternative provision"),
    ("fe_college", "FE college"),
)

AGE_GROUPS: Final = _codes(
    "Age group",
    "DfE SEN2 statistics age groups (characteristic_age: 'Under 5', 'Age 5 to 10', ...) "
    "[V: sen2_age_caseload.csv, 2022 release].",
    ("under_5", "Under 5"),
    ("5_to_10", "5 to 10"),
    ("11_to_15", "11 to 15"),
    ("16_to_19", "16 to 19"),
    ("20_to_25", "20 to 25"),
)

_AGE_GROUP_STARTS: Final = ((20, "20_to_25"), (16, "16_to_19"), (11, "11_to_15"), (5, "5_to_10"))
#: EHC plans run to the end of the academic year in which the young person turns 25
#: (Children and Families Act 2014, s.45), so nobody older is in scope.
MAX_AGE: Final = 25


def age_on(date_of_birth: date, on: date) -> int:
    """Age in completed years on a date. Someone born on 29 February turns a year older on
    1 March in a non-leap year (Family Law Reform Act 1969, s.9: an age is attained at the
    start of the anniversary of birth). Raises ValueError if ``on`` is before birth.
    """
    if on < date_of_birth:
        raise ValueError("The date is before the date of birth.")
    had_birthday = (on.month, on.day) >= (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - (0 if had_birthday else 1)


def age_group(age_years: int) -> str:
    """The DfE SEN2 statistics age group code (``AGE_GROUPS``) for an age in years.

    Under 5, 5 to 10, 11 to 15, 16 to 19, 20 to 25 (DfE EHC plan statistics [V]). Raises
    ValueError outside 0 to 25, the ages an EHC plan covers (Children and Families Act
    2014, s.45 and s.83).
    """
    if not 0 <= age_years <= MAX_AGE:
        raise ValueError(f"An EHC plan covers ages 0 to {MAX_AGE}, not {age_years}.")
    return next((code for start, code in _AGE_GROUP_STARTS if age_years >= start), "under_5")
