"""The published measures Thrive compares against: plain-English names and definitions.
Labels and definitions live here; every figure comes from the loaded files."""

from dataclasses import dataclass

PERCENT, COUNT = "percent", "count"
RATE_BASE = 10_000  # counts are also shown per 10,000 of the population aged 0 to 25


@dataclass(frozen=True)
class Measure:
    key: str
    name: str
    definition: str
    unit: str  # PERCENT or COUNT
    numerator_label: str = ""
    denominator_label: str = ""
    count_label: str = ""  # what a count counts, for a chart's axis

    @property
    def is_percent(self) -> bool:
        return self.unit == PERCENT

    @property
    def has_rate(self) -> bool:
        """Counts are compared per 10,000 of the population aged 0 to 25 as well."""
        return self.unit == COUNT


MEASURES = (
    Measure(
        key="within_20_weeks",
        name="EHC plans issued within 20 weeks",
        definition=(
            "Of the new EHC plans issued in the calendar year, the share issued within 20 weeks "
            "of the request for an assessment. Counts every plan, including those where the law "
            "allows more time (exceptions)."
        ),
        unit=PERCENT,
        numerator_label="Issued within 20 weeks",
        denominator_label="Plans issued",
    ),
    Measure(
        key="within_20_weeks_excluding_exceptions",
        name="EHC plans issued within 20 weeks, leaving out exceptions",
        definition=(
            "The same share, leaving out plans where the law allows more time, for example "
            "when the family asked for a delay or a school was closed."
        ),
        unit=PERCENT,
        numerator_label="Issued within 20 weeks",
        denominator_label="Plans issued, leaving out exceptions",
    ),
    Measure(
        key="requests_received",
        name="Requests for an assessment",
        definition=(
            "The number of requests for an EHC needs assessment the council received in the "
            "calendar year. Before 2019 DfE counts initial requests for an EHC plan."
        ),
        unit=COUNT,
        count_label="Number of requests",
    ),
    Measure(
        key="requests_refused",
        name="Requests for an assessment refused",
        definition=(
            "Of the requests for an EHC needs assessment received in the calendar year, the "
            "share where the council decided not to assess."
        ),
        unit=PERCENT,
        numerator_label="Decided not to assess",
        denominator_label="Requests received",
    ),
    Measure(
        key="not_issued_after_assessment",
        name="Assessments that ended without a plan",
        definition=(
            "Of the EHC needs assessments in the calendar year, the share where the council "
            "decided not to issue a plan. Before 2022 DfE counts assessments as plans issued "
            "plus plans not issued."
        ),
        unit=PERCENT,
        numerator_label="Plan not issued",
        denominator_label="Assessments",
    ),
    Measure(
        key="new_plans",
        name="New EHC plans",
        definition="The number of EHC plans issued for the first time in the calendar year.",
        unit=COUNT,
        count_label="Number of plans",
    ),
    Measure(
        key="active_plans",
        name="EHC plans in place in January",
        definition=(
            "The number of EHC plans the council maintained on the January census day of the "
            "school year."
        ),
        unit=COUNT,
        count_label="Number of plans",
    ),
)

BY_KEY = {m.key: m for m in MEASURES}


def period_label(period: str) -> str:
    """ "2022" stays a calendar year; "202425" is the January 2025 census of 2024/25."""
    if len(period) == 6:
        return f"January 20{period[4:]}"
    return period


def population_year(period: str) -> int:
    """The ONS mid-year estimate a period's rate is worked out from.

    A calendar year ("2024") uses the estimate for 30 June of that year, the middle of the year
    the events happened in. A January census ("202425", January 2025) uses the estimate for
    30 June 2024, the start of that school year: the children and young people counted in the
    census, by their age at the start of the school year."""
    return int(period[:4])
