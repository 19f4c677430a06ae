"""What changes in the SEN2 return from one collection year to the next, as data: the
rules read these settings instead of testing the year themselves. Sources and confidence
tags are those of ../shared/reference/sen2-details.md sections 1 and 4; [U] values are our
inference and are kept here so they can be changed in one place."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal

from thrive.law import codes

Presence = Literal["absent", "optional", "mandatory"]

_THURSDAY: Final = 3


def third_thursday_of_january(year: int) -> date:
    """The spring school census day, which the SEN2 census day is assumed to match [U]."""
    first = date(year, 1, 1)
    first_thursday = first + timedelta(days=(_THURSDAY - first.weekday()) % 7)
    return first_thursday + timedelta(weeks=2)


@dataclass(frozen=True)
class YearSpec:
    """The settings for one collection year (the year of the January census)."""

    year: int
    census_date: date  # expected ReferenceDate
    census_date_known: bool  # False: the third Thursday is assumed [U]
    period_start: date  # flows are for the previous calendar year [V, 2023 spec 1.3]
    request_source: Presence  # RequestSource: 2025 optional, 2026 mandatory [S]
    dsco: Presence  # LA-level DSCO: 2025 optional [V stats], 2026 compulsory [S, weak]
    sen_types: frozenset[str]  # DS from 2025 [S]
    sen_settings: frozenset[str]  # OTH from 2024 [S2]
    res_meanings: dict[str, str]  # PlanRes / Res: codes and what they mean that year
    wbp_codes: frozenset[str]
    sexes: frozenset[str]  # M, F; U is [U] and left out (thrive.law.codes.SEXES)
    request_outcomes: frozenset[str]
    assessment_outcomes: frozenset[str]  # S (another LA assessed) until 2023 only [U]
    la_level_codes: frozenset[str]  # DMO, DCO, DSCO: Y, N, R [S]; DSCO's list [U]
    review_items: bool  # ReviewMeeting, ReviewOutcome: 2024 on [S2]
    phase_transfer_items: bool  # ReviewDraft, PhaseTransfer*Date: 2025 on [S]


_OLD_RES: Final = {"A": "38 to 51 weeks", "B": "52 weeks"}  # up to 2025 [S2]
_NEW_RES: Final = {"A": "up to 38 weeks", "B": "39 to 52 weeks"}  # 2026, CBDS RFC 1299 [S]
_ALL_SEN_TYPES: Final = frozenset(codes.SEN_TYPES.codes)
_ALL_SETTINGS: Final = frozenset(codes.SEN_SETTINGS.codes)
_OUTCOMES: Final = frozenset({"Y", "N", "A", "W", "H"})  # RequestOutcome, AssessmentOutcome
_WBP: Final = frozenset({"A", "T", "S"})  # T after traineeships end is [U]
#: ReferenceDate from the 2024 mock-up [S, XSD-SF]; other years: third Thursday [U].
_KNOWN_CENSUS: Final = {2024: date(2024, 1, 18)}


def _spec(year: int) -> YearSpec:
    census = _KNOWN_CENSUS.get(year, third_thursday_of_january(year))
    return YearSpec(
        year=year,
        census_date=census,
        census_date_known=year in _KNOWN_CENSUS,
        period_start=date(year - 1, 1, 1),
        request_source="mandatory" if year >= 2026 else "optional" if year == 2025 else "absent",
        dsco="mandatory" if year >= 2026 else "optional" if year == 2025 else "absent",
        sen_types=_ALL_SEN_TYPES if year >= 2025 else _ALL_SEN_TYPES - {"DS"},
        sen_settings=_ALL_SETTINGS if year >= 2024 else _ALL_SETTINGS - {"OTH"},
        res_meanings=_NEW_RES if year >= 2026 else _OLD_RES,
        wbp_codes=_WBP,
        sexes=frozenset(codes.SEXES.codes),
        request_outcomes=_OUTCOMES,
        assessment_outcomes=_OUTCOMES | {"S"} if year <= 2023 else _OUTCOMES,
        la_level_codes=frozenset({"Y", "N", "R"}),
        review_items=year >= 2024,
        phase_transfer_items=year >= 2025,
    )


#: The collection years we hold settings for.
YEARS: Final = {year: _spec(year) for year in (2023, 2024, 2025, 2026)}


def year_spec(year: int) -> YearSpec:
    """The settings for a collection year; a year after 2026 keeps 2026's settings (with its
    own census day) until we learn what changed."""
    return YEARS.get(year) or _spec(year)
