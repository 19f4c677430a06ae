"""The SEN2 XML element names, in one table: the writer takes every name from here.

Letter case as sen2-details.md sections 2.2 and 2.3 settle it ([S]; the DfE XSD itself was not
seen). The three names whose case sources disagree on (SENsetting, SENSettingOther, PostCode)
can be changed without touching the writer: set THRIVE_SEN2_ELEMENT_NAMES in the settings to
a dict of {our key: the name to write}, e.g. {"sen_setting": "SENSetting"}. Readers match
names case-insensitively."""

from typing import Final

from django.conf import settings

#: {our key: element name}. Keys are the record fields' names (records.py) where there is one.
DEFAULT_NAMES: Final[dict[str, str]] = {
    # Header
    "message": "Message",
    "header": "Header",
    "collection_details": "CollectionDetails",
    "collection": "Collection",
    "year": "Year",
    "reference_date": "ReferenceDate",
    "source": "Source",
    "source_level": "SourceLevel",
    "lea": "LEA",
    "software_code": "SoftwareCode",
    "release": "Release",
    "serial_no": "SerialNo",
    "created_at": "DateTime",
    "dmo": "DMO",
    "dco": "DCO",
    "dsco": "DSCO",
    # Person
    "persons": "Persons",
    "person": "Person",
    "surname": "Surname",
    "forename": "Forename",
    "birth_date": "PersonBirthDate",
    "sex": "Sex",
    "ethnicity": "Ethnicity",
    "postcode": "PostCode",
    "upn": "UPN",
    "uln": "UniqueLearnerNumber",
    "upn_unknown": "UPNunknown",
    # Requests
    "requests": "Requests",
    "received_date": "ReceivedDate",
    "request_source": "RequestSource",
    "rya": "RYA",
    "request_outcome_date": "RequestOutcomeDate",
    "request_outcome": "RequestOutcome",
    "request_mediation": "RequestMediation",
    "request_tribunal": "RequestTribunal",
    "exported": "Exported",
    # Assessment
    "assessment": "Assessment",
    "assessment_outcome": "AssessmentOutcome",
    "assessment_outcome_date": "AssessmentOutcomeDate",
    "assessment_mediation": "AssessmentMediation",
    "assessment_tribunal": "AssessmentTribunal",
    "other_mediation": "OtherMediation",
    "other_tribunal": "OtherTribunal",
    "week20": "Week20",
    # NamedPlan
    "named_plan": "NamedPlan",
    "start_date": "StartDate",
    "plan_detail": "PlanDetail",
    "plan_res": "PlanRes",
    "plan_wbp": "PlanWBP",
    "pb": "PB",
    "oa": "OA",
    "dp": "DP",
    "cease_date": "CeaseDate",
    "cease_reason": "CeaseReason",
    # Placements
    "urn": "URN",
    "ukprn": "UKPRN",
    "sen_setting": "SENsetting",
    "sen_setting_other": "SENSettingOther",
    "placement_rank": "PlacementRank",
    "entry_date": "EntryDate",
    "leaving_date": "LeavingDate",
    "sen_unit": "SENunitIndicator",
    "resourced_provision": "ResourcedProvisionIndicator",
    "res": "Res",
    "wbp": "WBP",
    # ActivePlans
    "active_plans": "ActivePlans",
    "transfer_la": "TransferLA",
    "placement_detail": "PlacementDetail",
    "sen_need": "SENneed",
    "sen_type": "SENtype",
    "sen_type_rank": "SENtypeRank",
    "review_meeting": "ReviewMeeting",
    "review_outcome": "ReviewOutcome",
    "review_draft": "ReviewDraft",
    "phase_transfer_due": "PhaseTransferDueDate",
    "phase_transfer_final": "PhaseTransferFinalDate",
    "last_review": "LastReview",
}


def element_names() -> dict[str, str]:
    """The names to write: the defaults with any the settings override."""
    overrides = getattr(settings, "THRIVE_SEN2_ELEMENT_NAMES", None) or {}
    unknown = set(overrides) - set(DEFAULT_NAMES)
    if unknown:
        raise ValueError(f"Unknown SEN2 element keys in THRIVE_SEN2_ELEMENT_NAMES: {unknown}")
    return DEFAULT_NAMES | dict(overrides)
