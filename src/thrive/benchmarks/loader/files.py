"""The published files the loader reads, and every column each one carries.

Each file is described by a `FileSpec`: where it is, which rows are headline rows, which columns
make each measure, and which other columns the published file carries that Thrive knows about
and does not use (`ignored`). A file with a column in neither list is refused, so a new or
renamed column in a later release is looked at before it is loaded, never skipped unseen. The
lists were checked against every file under shared/data (a test keeps them honest)."""

import re
from dataclasses import dataclass

GEOGRAPHY = (
    "time_period",
    "geographic_level",
    "country_code",
    "region_code",
    "region_name",
    "new_la_code",
    "old_la_code",
    "la_name",
)
# Labels every DfE file carries beside GEOGRAPHY: the period's kind (calendar or academic year,
# which `time_period`'s length already says) and the country's name.
DFE_LABELS = ("time_identifier", "country_name")
BREAKDOWN = ("breakdown_topic", "breakdown")

# Number of plans by type of placement, in caseload.csv and newplans.csv (release 2025).
PLACEMENTS = (
    "mainstream_la_maintained",
    "mainstream_la_maintained_resourced_provision",
    "mainstream_la_maintained_senunit",
    "mainstream_academy",
    "mainstream_academy_resourced_provision",
    "mainstream_academy_senunit",
    "mainstream_free_school",
    "mainstream_free_school_resourced_provision",
    "mainstream_free_school_senunit",
    "mainstream_independent",
    "mainstream_total",
    "mainstream_total_pc",
    "special_la_maintained",
    "special_academy_free",
    "special_independent",
    "special_non_maintained",
    "special_total",
    "special_total_pc",
    "ap_pru_academy",
    "ap_pru_free_school",
    "ap_pru_la_maintained",
    "ap_pru_total",
    "AP_PRU_total_pc",
    "general_fe_tertiary_colleges",
    "specialist_post_16_institutions",
    "ukrlp_provider",
    "fe_total",
    "fe_total_pc",
    "elective_home_education",
    "other_arrangements_la",
    "other_arrangements_parents",
    "online_provider",
    "w_settings",
    "other_schools",
    "other_placement_settings",
    "neet",
    "neet_ntci",
    "neet_other",
    "neet_other_csa",
    "ed_elsewhere",
    "ed_elsewhere_pc",
    "nm_early_years",
    "nm_early_years_pc",
    "placement_unknown",
    "placement_unknown_pc",
    "await_prov_2022",
    "perm_ex_2022",
)


@dataclass(frozen=True)
class FigureSpec:
    """How one measure is read from a row. `value` is the published column (a percentage or a
    count); when it is missing a percentage is worked out from `numerator` / `denominator`, and a
    missing denominator from the sum of `denominator_parts` (DfE's pre-2022 convention)."""

    measure: str
    value: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    denominator_parts: tuple[str, ...] = ()

    def columns(self) -> set[str]:
        named = {self.value, self.numerator, self.denominator, *self.denominator_parts}
        return {c for c in named if c}


@dataclass(frozen=True)
class FileSpec:
    key: str  # the name --only uses
    path: str  # relative to the data folder
    release: str
    figures: tuple[FigureSpec, ...]
    headline: str = ""  # breakdown_topic of the headline rows, when the file has breakdowns
    ignored: tuple[str, ...] = ()  # columns the published file carries that Thrive does not use

    def required(self) -> set[str]:
        needed = set(GEOGRAPHY) | {c for f in self.figures for c in f.columns()}
        return needed | (set(BREAKDOWN) if self.headline else set())


R2025, R2022 = "ehcp-stats/release-2025", "ehcp-stats/release-2022"
FIGURE_FILES = (
    FileSpec(
        "timeliness",
        f"{R2025}/timeliness_20_week.csv",
        "2025",
        (
            FigureSpec(
                "within_20_weeks",
                "pc_plans_issued_within_20_weeks",
                "plans_issued_within_20_weeks",
                "plans_issued_den",
            ),
            FigureSpec(
                "within_20_weeks_excluding_exceptions",
                "pc_plans_issued_20_weeks_ex",
                "plans_issued_20_weeks_ex",
                "plans_issued_den_ex",
            ),
        ),
        headline="All EHC plans issued",
        ignored=(
            *DFE_LABELS,
            "plans_issued_gt20weeks_ltYear",
            "plans_issued_gt20weeks_ltYear_ex",
            "pc_plans_issued_gt20weeks_ltYear",
            "PC_plans_issued_gt20weeks_ltYear_ex",
            "plans_issued_gt_1_year",
            "plans_issued_gt_1_year_ex",
            "pc_plans_issued_gt_1_year",
            "PC_plans_issued_gt_1_year_ex",
        ),
    ),
    FileSpec(
        "requests",
        f"{R2025}/requests.csv",
        "2025",
        (
            FigureSpec("requests_received", value="requests_received_in_year"),
            FigureSpec(
                "requests_refused",
                "request_not_assess_pc",
                "requests_decided_not_to_assess",
                "requests_received_in_year",
            ),
        ),
        headline="All requests for EHC needs assessments",
        ignored=(
            *DFE_LABELS,
            "requests_rya",
            "requests_decided_to_assess",
            "requests_decision_not_made",
            "requests_withdrawn",
            "request_assess_pc",
            "request_outstanding_pc",
            "request_withdrawn_pc",
            "request_outcome_six_weeks",
            "request_outcome_over_6_weeks",
            "request_outcome_six_weeks_pc",
            "request_outcome_over_6_weeks_pc",
            "mediation_related_request",
            "tribunal_related_request",
            "tribunal_after_mediation_request",
        ),
    ),
    FileSpec(
        "assessments",
        f"{R2025}/assessments.csv",
        "2025",
        (
            FigureSpec(
                "not_issued_after_assessment",
                "assess_not_issued_pc",
                "assess_not_issued",
                "assess_in_year",
                ("assess_issued", "assess_not_issued"),
            ),
        ),
        headline="All EHC needs assessments",
        ignored=(
            *DFE_LABELS,
            "assess_issued_pc",
            "assess_not_made",
            "assess_not_made_pc",
            "assess_withdrawn",
            "assess_withdrawn_pc",
            "outcome_decision_within_time",
            "outcome_decision_over_time",
            "outcome_decision_within_time_pc",
            "outcome_decision_over_time_pc",
            "number_assess_mediation",
            "number_assess_tribunal",
            "number_asssess_mediation_tribunal",  # DfE's spelling
            "number_other_mediation",
            "number_other_tribunal",
            "number_other_mediation_tribunal",
        ),
    ),
    FileSpec(
        "caseload",
        f"{R2025}/caseload.csv",
        "2025",
        (FigureSpec("active_plans", value="ehcplans"),),
        headline="All EHC plans",
        ignored=(*DFE_LABELS, *PLACEMENTS),
    ),
    FileSpec(
        "newplans",
        f"{R2025}/newplans.csv",
        "2025",
        (FigureSpec("new_plans", value="new_ehc_plans"),),
        headline="New EHC plans",
        ignored=(*DFE_LABELS, *PLACEMENTS),
    ),
    FileSpec(
        "mi2022",
        f"{R2022}/sen2_mi.csv",
        "2022",
        (
            FigureSpec("within_20_weeks", "IncExc20weekRate", "IncExc20weekEHC", "TotIncExcEHC"),
            FigureSpec(
                "within_20_weeks_excluding_exceptions",
                "NoExc20weekRate",
                "NoExc20weekEHC",
                "TotNoExcEHC",
            ),
            FigureSpec("requests_received", value="InreqEHC"),
            FigureSpec("requests_refused", "AssRefusedEHC_pc", "AssRefusedEHC", "InreqEHC"),
            FigureSpec(
                "not_issued_after_assessment",
                "AssnoneEHC_pc",
                "AssnoneEHC",
                "NewallEHC_AssnoneEHC_sum",
            ),
        ),
        ignored=(
            *DFE_LABELS,
            "NewallEHC",
            "NewallEHC_pc",
            "AssnodecisionEHC",
            "Assnone",
            "Assnodecision",
            "AssRefused",
            "Mtosi",
            "Sitom",
            "MtoPar",
            "SitoPar",
            "Dislea",
            "Dismet",
            "Disoth",
            "Disleft",
            "MtosiEHC",
            "SitomEHC",
            "MtoParEHC",
            "SitoParEHC",
            "DisleaEHC",
            "DismetEHC",
            "DisothEHC",
            "DisleftEHC",
            "InreqryaEHC",
            "TotIncExc",
            "IncExc26week",
            "TotNoExc",
            "NoExc26week",
            "StatementstoEHC",
            "StatementstoNoEHC",
            "PersonalBudgets",
            "OrgArrangements",
            "DirectPayEducation",
            "DirectPaySocialCare",
            "DirectPayHealth",
            "DirectPayIntegrated",
            "NewEHCMediation",
            "NewEHCTribunal",
            "NewEHCTribunal_pc",
        ),
    ),
)
NEIGHBOUR_FOLDER = "ehcp-stats/statistical-neighbours"
NEIGHBOUR_FILE = re.compile(r"statistical_neighbours_(\d{4})\.csv")
NEIGHBOUR_COLUMNS = {"la_code", "rank", "neighbour_la_code", "neighbour_la_name", "closeness"}
# Names, ONS codes, the tool's region label and whether the LA still exists: the codes and
# ranks are all Thrive needs.
NEIGHBOUR_IGNORED = ("la_name", "new_la_code", "region", "status", "neighbour_new_la_code")
POPULATION_FILE = "population/mye_persons_age0to25_2023_2024.csv"
# `sex` is read to make sure every row counts persons (both sexes together).
POPULATION_COLUMNS = {
    "la_code",
    "old_la_code",
    "geographic_level",
    "year",
    "age",
    "sex",
    "population",
}
POPULATION_IGNORED = ("la_name", "region_name", "ons_code", "ons_name", "ons_geography")
SUBSETS = (*(f.key for f in FIGURE_FILES), "neighbours", "population")
