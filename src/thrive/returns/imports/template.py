"""The caseload import template: the columns of a CSV file or the first sheet of an XLSX
workbook, one row per request for an EHC needs assessment (a child with two requests has
two rows, each repeating the child's columns). The same table documents the template in
docs/import.md and names the SEN2 XML element each column corresponds to, so errors in
an XML file name the element the user can find."""

import csv
import io
from dataclasses import dataclass
from typing import Final

from thrive.law import codes

DATE: Final = "date: YYYY-MM-DD or DD/MM/YYYY (a date cell in XLSX)"
FLAG: Final = "1 (yes) or 0 (no); blank means no"


@dataclass(frozen=True)
class Column:
    name: str  # the heading, exactly
    meaning: str
    format: str
    required: str  # "yes", "no" or when it is needed
    element: str  # the SEN2 XML element it corresponds to
    code_list: codes.CodeList | None = None
    example: str = ""


def _list(code_list: codes.CodeList) -> str:
    return "a code from the list below"


COLUMNS: Final = (
    Column("upn", "Unique pupil number", "13 characters with a valid check letter", "no",
           "UPN", example="C938260000010"),
    Column("uln", "Unique learner number", "10 digits with a valid check digit", "no",
           "UniqueLearnerNumber"),
    Column("upn_unknown", "Why there is no UPN or ULN", _list(codes.UPN_UNKNOWN),
           "only when there is no UPN and no ULN", "UPNunknown", codes.UPN_UNKNOWN),
    Column("surname", "Surname", "text", "yes", "Surname", example="Smith"),
    Column("forename", "First name", "text", "yes", "Forename", example="Amira"),
    Column("date_of_birth", "Date of birth", DATE, "yes", "PersonBirthDate",
           example="2015-03-14"),
    Column("sex", "Sex", _list(codes.SEXES), "yes", "Sex", codes.SEXES, example="F"),
    Column("ethnicity", "Ethnicity", _list(codes.ETHNICITIES), "yes", "Ethnicity",
           codes.ETHNICITIES, example="WBRI"),
    Column("postcode", "Home postcode", "a UK postcode", "no", "PostCode",
           example="HP1 1AA"),
    Column("request_received", "Date the request for an assessment was received", DATE,
           "yes", "ReceivedDate", example="2025-01-06"),
    Column("request_source", "Who made the request", _list(codes.REQUEST_SOURCES), "no",
           "RequestSource", codes.REQUEST_SOURCES, example="1"),
    Column("request_outcome", "Decision whether to assess", "Y, N, A, W or H (below)", "yes",
           "RequestOutcome", example="Y"),
    Column("request_outcome_date", "Date the family was told the decision to assess", DATE,
           "when the decision is Y or N", "RequestOutcomeDate", example="2025-02-10"),
    Column("assessment_outcome", "Decision whether to issue a plan",
           "Y, N, A, W or H (below)", "when the decision to assess is Y or H",
           "AssessmentOutcome", example="Y"),
    Column("assessment_outcome_date",
           "Date the plan was issued (Y), or the family told no plan would be issued (N)",
           DATE, "no", "AssessmentOutcomeDate", example="2025-05-19"),
    Column("week20_exceptions", "An exception to the 20-week limit applied", FLAG, "no",
           "Week20", example="0"),
    Column("plan_start", "Date of the EHC plan", DATE, "when a plan was issued",
           "StartDate", example="2025-05-19"),
    Column("placement_urn", "URN of the school or college named in section I",
           "6 digits, a setting already in Thrive", "no", "URN", example="100001"),
    Column("placement_ukprn", "UKPRN of the setting named in section I",
           "8 digits, a setting already in Thrive", "no", "UKPRN"),
    Column("sen_setting", "The setting when there is no URN or UKPRN",
           _list(codes.SEN_SETTINGS), "no", "SENsetting", codes.SEN_SETTINGS),
    Column("primary_need", "Primary type of need", _list(codes.SEN_TYPES),
           "when a plan was issued", "SENtype (rank 1)", codes.SEN_TYPES, example="ASD"),
    Column("secondary_need", "Secondary type of need", _list(codes.SEN_TYPES), "no",
           "SENtype (rank 2)", codes.SEN_TYPES),
    Column("review_meeting", "Date of the latest annual review meeting", DATE, "no",
           "ReviewMeeting"),
    Column("review_outcome", "Decision after that review: A amend, C cease, M maintain",
           "A, C or M", "no", "ReviewOutcome"),
    Column("review_decision_date", "Date the family was told the review decision", DATE,
           "no", "LastReview"),
    Column("cease_date", "Date the plan ceased", DATE, "with cease_reason", "CeaseDate"),
    Column("cease_reason", "Why the plan ceased", _list(codes.CEASE_REASONS),
           "with cease_date", "CeaseReason", codes.CEASE_REASONS),
)  # fmt: skip

NAMES: Final = tuple(column.name for column in COLUMNS)
BY_NAME: Final = {column.name: column for column in COLUMNS}
REQUIRED_HEADINGS: Final = ("surname", "forename", "date_of_birth", "request_received")

#: The SEN2 outcome codes the two decisions take (sen2-details.md 4.1 and 4.2).
REQUEST_OUTCOMES: Final = {
    "Y": "The council decided to assess",
    "N": "The council decided not to assess",
    "A": "Decision not yet made",
    "W": "Request withdrawn before the decision",
    "H": "Decided before the period covered (historical)",
}
ASSESSMENT_OUTCOMES: Final = {
    "Y": "A plan is (or will be) issued",
    "N": "The council decided not to issue a plan",
    "A": "Decision not yet made",
    "W": "Withdrawn before the decision",
    "H": "Decided before the period covered, or the plan transferred in",
}
REVIEW_OUTCOMES: Final = {"A": "Amend the plan", "C": "Cease the plan", "M": "Maintain it"}


def element_for(column: str) -> str:
    """The SEN2 XML element an error about `column` concerns (for an XML file's report)."""
    found = BY_NAME.get(column)
    return found.element.split(" ")[0] if found else column


def example_csv() -> bytes:
    """The template as a CSV file: the headings and one example row (made-up values)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(NAMES)
    writer.writerow(column.example for column in COLUMNS)
    return out.getvalue().encode()
