"""The dashboard's measures: one definition each, with the DfE definition it follows.

A measure names the counts it is built from (see `selectors`) and the columns its table shows.
A column is a count, a share (numerator / denominator, as a percentage) or a number of weeks.
"""

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    COUNT = "count"
    SHARE = "share"
    WEEKS = "weeks"


@dataclass(frozen=True)
class Column:
    key: str  # the count's name, or for a share the numerator's
    label: str
    kind: Kind = Kind.COUNT
    denominator: str = ""  # shares only
    size: str = ""  # weeks only: the count of children the figure is built from


@dataclass(frozen=True)
class Measure:
    key: str
    name: str
    explanation: str  # plain English, shown on the page
    numerator: str
    denominator: str
    dfe_definition: str
    columns: tuple[Column, ...]
    headline: Column  # the figure in the headline panel, the chart and the spread sentence
    source: str  # which selector the counts come from: counts, weeks, advice, overdue
    rate: str = ""  # a count that also has a rate per 10,000 of the 0 to 25 population


def _share(key: str, label: str, denominator: str) -> Column:
    return Column(key, label, Kind.SHARE, denominator)


REQUESTS = Column("requests", "Requests received")
REFUSED = _share("not_assessed", "Share refused", "requests")
NOT_ISSUED = _share("not_issued", "Share not issued", "assess_decided")
IN_TIME = _share("plans_in_time", "Within 20 weeks, including exceptions", "plans")
IN_TIME_EX = _share("plans_in_time_ex", "Within 20 weeks, excluding exceptions", "plans_ex")
MEDIAN = Column("median_weeks", "Median weeks", Kind.WEEKS, size="plans")
ADVICE_IN_TIME = _share("advice_in_time", "Share within 6 weeks", "advice")
OVERDUE = _share("overdue", "Share past a deadline", "open")
ACTIVE = Column("active_plans", "Active EHC plans")

MEASURES: tuple[Measure, ...] = (
    Measure(
        key="requests",
        name="Requests for an assessment",
        explanation=(
            "How many requests for an EHC needs assessment arrived in the period, counted on "
            "the day each request was received."
        ),
        numerator="Requests received in the period.",
        denominator="None. The rate divides by the population aged 0 to 25, per 10,000.",
        dfe_definition="requests_received_in_year (DfE EHC plan statistics, requests.csv).",
        columns=(REQUESTS,),
        headline=REQUESTS,
        source="counts",
        rate="requests",
    ),
    Measure(
        key="refused",
        name="Requests refused",
        explanation=(
            "Of the requests received in the period, the share where the council decided not "
            "to assess. The table also shows requests it decided to assess, requests withdrawn "
            "before a decision and requests still waiting for one."
        ),
        numerator="Requests received in the period that the council decided not to assess.",
        denominator="Requests received in the period.",
        dfe_definition=(
            "requests_decided_not_to_assess / requests_received_in_year (requests.csv), with "
            "requests_decided_to_assess, requests_withdrawn and requests_decision_not_made. "
            "Decisions are counted as recorded today, as DfE counts them at collection."
        ),
        columns=(
            REQUESTS,
            Column("not_assessed", "Decided not to assess"),
            Column("assessed", "Decided to assess"),
            Column("withdrawn", "Withdrawn before a decision"),
            Column("undecided", "Not yet decided"),
            REFUSED,
        ),
        headline=REFUSED,
        source="counts",
    ),
    Measure(
        key="not_issued",
        name="Assessments that ended without a plan",
        explanation=(
            "Of the assessments where the council decided in the period whether to issue a "
            "plan, the share where it decided not to."
        ),
        numerator="Assessments with a decision not to issue a plan made in the period.",
        denominator="Assessments with a decision whether to issue a plan made in the period.",
        dfe_definition=(
            "assess_not_issued / assessments with a decision (assessments.csv, note 2: "
            "percentages only apply where a decision was made). DfE counts assessments by "
            "calendar year without saying which date; we use the date of the decision whether "
            "to issue."
        ),
        columns=(
            Column("assess_decided", "Decisions whether to issue"),
            Column("not_issued", "Decided not to issue"),
            NOT_ISSUED,
        ),
        headline=NOT_ISSUED,
        source="counts",
    ),
    Measure(
        key="plans_20_weeks",
        name="New plans issued within 20 weeks",
        explanation=(
            "New EHC plans whose final version was issued in the period, and the share issued "
            "within 20 weeks of the request: on or before the day 140 days after it arrived. "
            "Including exceptions counts every plan. Excluding exceptions leaves out plans "
            "where a lawful reason for delay applied, such as a school closed for 4 weeks or "
            "more."
        ),
        numerator="Plans issued in the period on or before the request date plus 140 days.",
        denominator=(
            "Plans issued in the period (including exceptions); plans issued in the period "
            "with no exception applying (excluding exceptions)."
        ),
        dfe_definition=(
            "pc_plans_issued_within_20_weeks = plans issued within 20 weeks / plans_issued_den; "
            "PC_plans_issued_20_weeks_ex = plans_issued_20_weeks_ex / plans_issued_den_ex "
            "(timeliness_20_week.csv). Day arithmetic: start <= received + 140 days."
        ),
        columns=(
            Column("plans", "New plans"),
            IN_TIME,
            Column("plans_ex", "Plans without an exception"),
            IN_TIME_EX,
        ),
        headline=IN_TIME,
        source="counts",
    ),
    Measure(
        key="weeks_to_plan",
        name="Weeks from request to plan",
        explanation=(
            "For new plans issued in the period, how long families waited from the request to "
            "the final plan. Half waited less than the median. Nine in ten waited less than "
            "the 90th percentile."
        ),
        numerator="Days from the request to the final plan, divided by 7.",
        denominator="Plans issued in the period.",
        dfe_definition=(
            "No DfE equivalent: DfE publishes bands (within 20 weeks, 20 to 52 weeks, over 52 "
            "weeks) from the same dates."
        ),
        columns=(
            Column("plans", "New plans"),
            MEDIAN,
            Column("p90_weeks", "90th percentile weeks", Kind.WEEKS, size="plans"),
        ),
        headline=MEDIAN,
        source="weeks",
    ),
    Measure(
        key="advice_6_weeks",
        name="Advice returned within 6 weeks",
        explanation=(
            "Advice received in the period from professionals such as educational "
            "psychologists, health and social care, and the share that arrived within 6 weeks "
            "of being asked."
        ),
        numerator="Advice received in the period no more than 42 days after it was asked for.",
        denominator="Advice received in the period.",
        dfe_definition=(
            "No DfE statistic. The 6 weeks are SEND Regulations 2014, reg. 8(1); DfE collects "
            "no advice dates."
        ),
        columns=(Column("advice", "Advice received"), ADVICE_IN_TIME),
        headline=ADVICE_IN_TIME,
        source="advice",
    ),
    Measure(
        key="overdue",
        name="Open cases past a statutory deadline",
        explanation=(
            "Assessments still open today where a time limit in the regulations has passed "
            "and the step is not done. This is today's position, whatever period is chosen."
        ),
        numerator="Open cases whose next statutory deadline has passed.",
        denominator="Open cases.",
        dfe_definition=(
            "No DfE statistic: worked out from the statutory clock (thrive.law.clock)."
        ),
        columns=(Column("open", "Open cases"), Column("overdue", "Past a deadline"), OVERDUE),
        headline=OVERDUE,
        source="overdue",
    ),
    Measure(
        key="active_plans",
        name="Active EHC plans",
        explanation=(
            "Children and young people with an EHC plan on the last day of the period: a final "
            "plan issued on or before that day. Thrive does not record ceased plans yet, so "
            "every issued plan counts."
        ),
        numerator="Children with a final plan issued on or before the end of the period.",
        denominator="None. The rate divides by the population aged 0 to 25, per 10,000.",
        dfe_definition=(
            "The caseload of EHC plans (SEN2 caseload, January census day), counted here on "
            "the last day of the period."
        ),
        columns=(ACTIVE,),
        headline=ACTIVE,
        source="counts",
        rate="active_plans",
    ),
)

BY_KEY = {m.key: m for m in MEASURES}
