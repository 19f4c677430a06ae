"""The Annex A lists' columns and coded answers, as the area SEND inspection template asks
for them (statutory.md section 4 [S]; the headings as the data-to-insight SEN validator
spells them, with an EN DASH, U+2013, in the establishment columns).

Pure Python: a `Row` holds one child's answers, already coded ("a) Male"), with dates as
`datetime.date` so the workbook writes real date cells. None means blank: Thrive does not
hold the answer, and the council fills it from another system."""

from dataclasses import dataclass
from datetime import date
from typing import Final

from thrive.law import codes

LIST_1: Final = "List_1"
LIST_2: Final = "List_2"

#: Column heading -> the `Row` attribute that answers it, in the template's order.
LIST_1_COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("Unique ID", "unique_id"),
    ("UPN", "upn"),
    ("ULN", "uln"),
    ("Date of birth", "date_of_birth"),
    ("Gender", "gender"),
    ("Ethnicity", "ethnicity"),
    ("Date initial EHC plan issued", "initial_plan_issued"),
    ("Date updated EHC plan issued", "updated_plan_issued"),
    ("Date EHC plan last reviewed", "last_reviewed"),
    ("SEN primary need", "primary_need"),
    ("Main education establishment \u2013 URN", "main_urn"),
    ("Main education establishment \u2013 phase", "main_phase"),
    ("Subsidiary education establishment \u2013 phase (dual registration)", "subsidiary_phase"),
    ("Elective home education", "elective_home_education"),
    ("Suspensions", "suspensions"),
    ("Permanent exclusions", "permanent_exclusions"),
    ("Absence", "absence"),
    ("Pupil Premium", "pupil_premium"),
    ("Known to children's social care?", "known_to_social_care"),
    ("Which children's social care team?", "social_care_team"),
    ("Does the child or young person have a disability?", "disability"),
)

#: List 2 has List 1's columns without the three plan dates and elective home education.
_NOT_IN_LIST_2: Final = frozenset(
    {"initial_plan_issued", "updated_plan_issued", "last_reviewed", "elective_home_education"}
)
LIST_2_COLUMNS: Final = tuple(c for c in LIST_1_COLUMNS if c[1] not in _NOT_IN_LIST_2)

COLUMNS: Final = {LIST_1: LIST_1_COLUMNS, LIST_2: LIST_2_COLUMNS}

#: Columns Thrive never fills: the council answers them from its other systems (the school
#: census, the management information system, children's social care). Subsidiary phase:
#: Thrive records one setting per child, no dual registration. Elective home education:
#: Thrive records no SENsetting, so it cannot say. ULN: Thrive records no ULN.
NOT_HELD: Final = (
    "uln",
    "subsidiary_phase",
    "elective_home_education",
    "suspensions",
    "permanent_exclusions",
    "absence",
    "pupil_premium",
    "known_to_social_care",
    "social_care_team",
    "disability",
)

#: Where the council finds what Thrive leaves blank, for the page.
WHERE_TO_FIND: Final = {
    "uln": "The learner records service or the college's records",
    "subsidiary_phase": "The school census: a dual registration with enrolment status S",
    "elective_home_education": "The council's elective home education register",
    "suspensions": "The school census or the council's exclusions records (last 6 months)",
    "permanent_exclusions": "The school census or the council's exclusions records (last 6 months)",
    "absence": "The school census or attendance records (last 6 months)",
    "pupil_premium": "The school census",
    "known_to_social_care": "Children's social care records",
    "social_care_team": "Children's social care records",
    "disability": "Children's social care and health records",
}

DATE_COLUMNS: Final = frozenset(
    {"date_of_birth", "initial_plan_issued", "updated_plan_issued", "last_reviewed"}
)


def headings(sheet: str) -> tuple[str, ...]:
    return tuple(heading for heading, _ in COLUMNS[sheet])


def not_held_headings(sheet: str) -> tuple[str, ...]:
    """The sheet's headings of the columns Thrive leaves blank."""
    return tuple(heading for heading, name in COLUMNS[sheet] if name in NOT_HELD)


@dataclass(frozen=True)
class BlankColumn:
    heading: str
    where: str
    on_list_2: bool


def blank_columns() -> tuple[BlankColumn, ...]:
    """The columns Thrive leaves blank, in List 1's order (List 2's are among them)."""
    on_list_2 = {name for _, name in LIST_2_COLUMNS}
    return tuple(
        BlankColumn(heading, WHERE_TO_FIND[name], name in on_list_2)
        for heading, name in LIST_1_COLUMNS
        if name in NOT_HELD
    )


def _lettered(*answers: str) -> dict[str, str]:
    return {answer: f"{chr(ord('a') + i)}) {answer}" for i, answer in enumerate(answers)}


#: Gender from the child's recorded sex: a) Male b) Female c) Not known d) Not specified.
GENDER: Final = {"M": "a) Male", "F": "b) Female", "U": "c) Not known", "I": "d) Not specified"}
GENDER_NOT_KNOWN: Final = "c) Not known"

#: Ethnicity: the CBDS main codes a) WBRI to t) NOBT, in `codes.ETHNICITIES`' order.
ETHNICITY: Final = _lettered(*codes.ETHNICITIES.codes)
ETHNICITY_NOT_OBTAINED: Final = ETHNICITY["NOBT"]

#: SEN primary need: a) SPLD to l) OTH, as SEN2 codes them before 2025. The template has no
#: answer for Down syndrome (DS, new in SEN2 2025), so DS is answered l) OTH [U].
PRIMARY_NEED: Final = _lettered(
    "SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "OTH"
)
PRIMARY_NEED["DS"] = PRIMARY_NEED["OTH"]

#: Establishment phase: a) Nursery to i) FE college, from the setting's phase.
PHASE: Final = {
    entry.code: f"{chr(ord('a') + i)}) {entry.label}" for i, entry in enumerate(codes.PHASES)
}

YES: Final = "a) Yes"
NO: Final = "b) No"


def gender(sex: str) -> str:
    return GENDER.get(sex, GENDER_NOT_KNOWN)


def ethnicity(code: str) -> str:
    """A code outside CBDS's main list, or none, is information not yet obtained."""
    return ETHNICITY.get(code, ETHNICITY_NOT_OBTAINED)


def primary_need(code: str) -> str | None:
    return PRIMARY_NEED.get(code)


def phase(code: str | None) -> str | None:
    return PHASE.get(code) if code else None


@dataclass(frozen=True)
class Row:
    """One child or young person's line. Coded answers are strings; dates are dates."""

    unique_id: int
    date_of_birth: date
    gender: str
    ethnicity: str
    upn: str | None = None
    uln: str | None = None
    initial_plan_issued: date | None = None
    updated_plan_issued: date | None = None
    last_reviewed: date | None = None
    primary_need: str | None = None
    main_urn: str | None = None
    main_phase: str | None = None
    subsidiary_phase: str | None = None
    elective_home_education: str | None = None
    suspensions: int | None = None
    permanent_exclusions: int | None = None
    absence: float | None = None
    pupil_premium: str | None = None
    known_to_social_care: str | None = None
    social_care_team: str | None = None
    disability: str | None = None

    def cells(self, sheet: str) -> list[object]:
        return [getattr(self, name) for _, name in COLUMNS[sheet]]
