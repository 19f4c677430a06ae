"""Section E: outcomes SMART (Code of Practice 9.61, 9.66) and, from Year 9, preparing for
adulthood (SEND Regulations 2014, reg. 12(3); Code of Practice 9.63)."""

import re
from collections.abc import Iterator
from typing import Final

from .record import ADULTHOOD_AREAS, Outcome, PlanRecord
from .results import ItemRef, Problem
from .school_year import ADULTHOOD_FROM, year_label

_NUMBER_WORDS: Final = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
)
_MONTHS: Final = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
)
#: A point in time an outcome can be checked against.
_TIME_ANCHOR: Final = re.compile(
    rf"\b(?:19|20)\d\d\b|\b{_MONTHS}\b|"
    r"\bend\s+of\s+(?:the\s+|this\s+|next\s+|his\s+|her\s+|their\s+)?(?:year\s*\d+|reception|"
    r"nursery|key\s+stage\s*\d|ks\s*\d|(?:primary|secondary|infant|junior)(?:\s+school)?|"
    r"(?:academic|school)\s+year|(?:autumn|spring|summer)\s+term|term|year|phase|course|"
    r"college|sixth\s+form|(?:[\w-]+\s+){0,2}(?:course|placement|internship|programme))\b|"
    rf"\b(?:within|in|after)\s+(?:\d+|{_NUMBER_WORDS}|a|one)\s+(?:weeks?|months?|years?|terms?)\b|"
    r"\bby\s+(?:(?:the|his|her|their)\s+)?(?:(?:next|first|second)\s+)?(?:annual\s+)?review\b|"
    r"\bby\s+(?:the\s+)?age\s+(?:of\s+)?\d+|\b(?:year|yr)\s*\d+\b|\bkey\s+stage\s*\d\b|"
    r"\bks\s*\d\b|\bbefore\s+(?:he|she|they)\s+(?:leaves?|starts?|moves?|transfers?)\b",
    re.IGNORECASE,
)
#: Something that can be counted or seen: a number, a criterion, an "independently".
_MEASURE: Final = re.compile(
    rf"\d|%|\b(?:{_NUMBER_WORDS}|twice|once|half|all|every|each|most|independently|unaided|"
    r"without\s+(?:an?\s+|any\s+)?(?:adult|help|prompt(?:ing|s)?|support|reminders?|being\s+"
    r"reminded|physical\s+help)|on\s+(?:his|her|their)\s+own|by\s+(?:him|her|them)sel(?:f|ves)|"
    r"out\s+of|per\s*cent|at\s+least|consistently|accurately|correctly|no\s+more\s+than)\b",
    re.IGNORECASE,
)
#: What the child will do, that someone else can see.
_ACTION: Final = re.compile(
    r"\b(?:read|write|spell|say|tell|ask|answer|name|count|add|subtract|use|walk|travel|"
    r"dress|undress|eat|drink|complete|follow|take\s+part|attend|join|go|make|choose|greet|"
    r"cook|buy|pay|catch|swim|sit|stand|wait|share|explain|describe|type|sign|point|request|"
    r"identify|recall|solve|calculate|prepare|wash|brush|cross|stay|play|speak|show|move|"
    r"apply|find|plan|organise|pack|carry|climb|kick|throw|draw|copy|match|sort|greet|"
    r"present|record|check|tidy|put|take|get|hold|open|close|turn|transfer|communicate)\b",
    re.IGNORECASE,
)
#: Service-phrased or unobservable outcomes (CoP 9.66: an outcome is the difference made
#: to the child, not what the child is given).
_WEAK: Final = re.compile(
    r"\b(?:make\s+(?:good\s+|expected\s+|some\s+|further\s+)?progress|be\s+supported|"
    r"continue\s+to|have\s+access|be\s+(?:given|provided|offered|helped|encouraged)|receive|"
    r"access\s+(?:the\s+)?(?:curriculum|support|help)|be\s+(?:happy|confident|aware|settled|"
    r"safe|included)|(?:will|to|and|or)\s+(?:further\s+|better\s+)?(?:develop|improve|feel|"
    r"understand|know|experience|engage|benefit|work\s+on|work\s+towards))\b",
    re.IGNORECASE,
)


def _time_bound(outcome: Outcome) -> bool:
    return outcome.achieve_by is not None or bool(_TIME_ANCHOR.search(outcome.time_frame))


def _observable(text: str) -> bool:
    if _MEASURE.search(text):
        return True
    return bool(_ACTION.search(text)) and not _WEAK.search(text)


def outcome_not_time_bound(record: PlanRecord) -> Iterator[Problem]:
    """Outcomes with no date, year group, key stage or period to check them by (SMART: time
    bound; Code of Practice 9.61)."""
    for outcome in record.outcomes:
        if not _time_bound(outcome):
            said = outcome.time_frame.strip()
            yield Problem(
                "E",
                ItemRef("outcome", outcome.id, outcome.label, "time_frame"),
                f'{outcome.label}: the time frame ("{said}") does not say by when. Give a date '
                "or the end of a year group, key stage or phase."
                if said
                else f"{outcome.label} has no time frame. Give a date or the end of a year "
                "group, key stage or phase.",
            )


def outcome_not_observable(record: PlanRecord) -> Iterator[Problem]:
    """Outcomes with nothing anyone could see or measure: "will make progress", "will be
    supported to" (SMART: specific, measurable; Code of Practice 9.61, 9.66)."""
    for outcome in record.outcomes:
        if not _observable(outcome.text):
            yield Problem(
                "E",
                ItemRef("outcome", outcome.id, outcome.label, "text"),
                f"{outcome.label} does not say what the child or young person will be able to "
                "do that someone could see or measure (for example, 'will read a book of their "
                "choice aloud, on their own').",
            )


def _adulthood_applies(record: PlanRecord) -> bool:
    return record.year_group is not None and record.year_group >= ADULTHOOD_FROM


def _section_e() -> ItemRef:
    return ItemRef("section", None, "Section E")


def adulthood_outcomes_missing(record: PlanRecord) -> Iterator[Problem]:
    """From Year 9, the plan must include preparing for adulthood: no outcome is marked as
    one (SEND Regulations 2014, reg. 12(3); Code of Practice 9.63)."""
    if _adulthood_applies(record) and not any(o.adulthood_area for o in record.outcomes):
        year = year_label(record.year_group or 0)
        yield Problem(
            "E",
            _section_e(),
            f"The child or young person is in {year}: from Year 9 the plan must include "
            "preparing for adulthood (employment, independent living, community and health). "
            "No outcome is marked as preparing for adulthood.",
        )


def adulthood_areas_uncovered(record: PlanRecord) -> Iterator[Problem]:
    """From Year 9, preparing for adulthood outcomes that leave out some of the four areas
    (Code of Practice chapter 8 and 9.64)."""
    covered = {o.adulthood_area for o in record.outcomes if o.adulthood_area}
    if _adulthood_applies(record) and covered:
        missing = [label for key, label in ADULTHOOD_AREAS.items() if key not in covered]
        if missing:
            yield Problem(
                "E",
                _section_e(),
                "No preparing for adulthood outcome covers " + _listed(missing) + ".",
            )


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
