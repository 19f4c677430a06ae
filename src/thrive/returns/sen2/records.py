"""The SEN2 person-level return as frozen dataclasses, one per XML element group, in the
order of the return's modules (sen2-details.md section 2.1): the header, then each person
with their requests; a request holds its assessment (with the named plan) and, for a plan
maintained in the year, its active plan details.

Pure Python, no Django: the builder fills these from the database, the rules check them, the
writers turn them into XML and CSV, and the readers turn a file back into them. Dates are
`datetime.date`; flags are bools (written 0/1); codes are the SEN2 code strings; anything
not known is None. `child_id` and `case_id` tie a record back to Thrive's records for the
validation report: they are never written to the return."""

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Header:
    """Message/Header: CollectionDetails and Source (with the LA-level DMO, DCO, DSCO)."""

    year: int  # the collection year, e.g. 2026
    reference_date: date  # the census day
    lea: str  # 3-digit old-style LA number
    software_code: str = "Thrive"
    release: str = "1"
    serial_no: str = "001"
    created_at: datetime | None = None
    dmo: str | None = None  # Y | N | R
    dco: str | None = None
    dsco: str | None = None  # from 2025
    collection: str = "SEN2"  # CollectionDetails/Collection, as read back from a file
    source_level: str = "L"  # Source/SourceLevel, as read back from a file


@dataclass(frozen=True)
class Need:
    """ActivePlans/SENneed."""

    sen_type: str  # SENtype code, e.g. ASD
    rank: int  # 1 primary, 2 secondary


@dataclass(frozen=True)
class Placement:
    """NamedPlan/PlanDetail (entry_date None) or ActivePlans/PlacementDetail."""

    rank: int  # PlacementRank 1 or 2
    urn: str | None = None  # 6 digits
    ukprn: str | None = None  # 8 digits
    sen_setting: str | None = None  # only when no URN or UKPRN
    sen_setting_other: str | None = None
    sen_unit: bool = False
    resourced_provision: bool = False
    entry_date: date | None = None  # PlacementDetail only
    leaving_date: date | None = None
    res: str | None = None  # residential code
    wbp: str | None = None  # work-based learning code


@dataclass(frozen=True)
class NamedPlan:
    """Assessment/NamedPlan: the plan issued after this request's assessment."""

    start_date: date
    details: tuple[Placement, ...] = ()
    plan_res: str | None = None
    plan_wbp: str | None = None
    personal_budget: bool | None = None  # PB
    organised_arrangements: bool | None = None  # OA
    direct_payments: str | None = None  # DP: E, S, H or I
    cease_date: date | None = None
    cease_reason: str | None = None  # 1-9


@dataclass(frozen=True)
class Assessment:
    """Requests/Assessment."""

    outcome: str  # AssessmentOutcome: Y N A W H
    outcome_date: date | None = None
    mediation: bool = False
    tribunal: bool = False
    other_mediation: bool = False
    other_tribunal: bool = False
    week20_exceptions: bool | None = None  # Week20: True when exceptions apply
    named_plan: NamedPlan | None = None


@dataclass(frozen=True)
class ActivePlan:
    """Requests/ActivePlans: a plan maintained during the collection year."""

    placements: tuple[Placement, ...] = ()
    needs: tuple[Need, ...] = ()
    transfer_la: str | None = None
    review_meeting: date | None = None
    review_outcome: str | None = None  # A amend, C cease, M maintain
    review_draft: date | None = None  # 2025 on
    phase_transfer_due: date | None = None  # 2025 on
    phase_transfer_final: date | None = None  # 2025 on
    last_review: date | None = None  # the date the review decision was notified


@dataclass(frozen=True)
class Request:
    """Person/Requests: one request for an EHC needs assessment."""

    outcome: str  # RequestOutcome: Y N A W H
    received_date: date | None = None
    source: str | None = None  # RequestSource 1-5
    relevant_youth_accommodation: bool = False  # RYA
    outcome_date: date | None = None
    mediation: bool = False
    tribunal: bool = False
    exported: str | None = None  # 3-digit LA number
    assessment: Assessment | None = None
    active_plan: ActivePlan | None = None
    case_id: int | None = None  # Thrive's case: for the report, never written


@dataclass(frozen=True)
class Person:
    """Persons/Person."""

    surname: str
    forename: str
    birth_date: date
    sex: str  # M F U
    ethnicity: str  # CBDS code
    postcode: str
    upn: str | None = None
    uln: str | None = None
    upn_unknown: str | None = None  # UN1 ... UN10, only without UPN and ULN
    requests: tuple[Request, ...] = ()
    child_id: int | None = None  # Thrive's child: for the report, never written


@dataclass(frozen=True)
class Sen2Return:
    header: Header
    persons: tuple[Person, ...] = field(default_factory=tuple)
