"""The published figures the synthetic local area is drawn to match.

`derive_calibration` reads DfE's "Education, health and care plans" CSVs (England's national
rows, latest year in each file) and reduces them to a small set of proportions;
`derive-calibration` writes those to `thrive/demo/data/calibration.json`, which ships with
Thrive. The generator reads only that JSON, so a user's machine never needs the CSVs.

Standard library only: the generator's workers import this without Django.
"""

import csv
import gzip
import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Final, TextIO

#: Where the shipped calibration lives, inside the `thrive.demo` package.
CALIBRATION_RESOURCE: Final = "data/calibration.json"

PUBLICATION: Final = {
    "publisher": "Department for Education",
    "publication": "Education, health and care plans",
    "url": "https://explore-education-statistics.service.gov.uk/find-statistics/"
    "education-health-and-care-plans",
    "licence": "Open Government Licence v3.0",
    "attribution": "Contains public sector information licensed under the Open Government "
    "Licence v3.0.",
    "geography": "England (national rows)",
}

_DIGITS: Final = 4  # proportions to 0.01 of a percentage point: plenty for a demo

#: DfE's ethnicity breakdown labels -> CBDS codes (thrive.law.codes.ETHNICITIES).
#: "Unclassified" covers refused and not yet obtained; DfE does not split it.
ETHNICITY_LABELS: Final = {
    "White - White British": "WBRI",
    "White - Irish": "WIRI",
    "White - Traveller of Irish heritage": "WIRT",
    "White - Any other White background": "WOTH",
    "White - Gypsy/Roma": "WROM",
    "Mixed - White and Black Caribbean": "MWBC",
    "Mixed - White and Black African": "MWBA",
    "Mixed - White and Asian": "MWAS",
    "Mixed - Any other Mixed background": "MOTH",
    "Asian - Indian": "AIND",
    "Asian - Pakistani": "APKN",
    "Asian - Bangladeshi": "ABAN",
    "Asian - Any other Asian background": "AOTH",
    "Black - Black Caribbean": "BCRB",
    "Black - Black African": "BAFR",
    "Black - Any other Black background": "BOTH",
    "Asian - Chinese": "CHNE",
    "Any other ethnic group": "OOTH",
    "Unclassified": "NOBT",
}

SEX_LABELS: Final = {"Male": "M", "Female": "F"}

#: sen_need_newplans.csv column stems -> SEN2 SENtype codes (thrive.law.codes.SEN_TYPES).
#: Down syndrome (DS) is inside "oth" until the 2026 release.
NEED_COLUMNS: Final = {
    "asd": "ASD",
    "hi": "HI",
    "mld": "MLD",
    "msi": "MSI",
    "oth": "OTH",
    "pd": "PD",
    "pmld": "PMLD",
    "semh": "SEMH",
    "slcn": "SLCN",
    "sld": "SLD",
    "spld": "SPLD",
    "vi": "VI",
}

#: Placement groups of caseload.csv: group -> the columns that make it up.
PLACEMENT_GROUPS: Final = {
    "mainstream": ("mainstream_total",),
    "special": ("special_total",),
    "ap": ("ap_pru_total",),
    "fe": ("fe_total",),
    "early_years": ("nm_early_years",),
    "elsewhere": ("ed_elsewhere", "placement_unknown"),
}

#: Within each group, establishment types (thrive.law.codes.ESTABLISHMENT_TYPES) and the
#: caseload.csv columns that count them.
ESTABLISHMENT_COLUMNS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "mainstream": {
        "mainstream_la_maintained": (
            "mainstream_la_maintained",
            "mainstream_la_maintained_resourced_provision",
            "mainstream_la_maintained_senunit",
        ),
        "mainstream_academy": (
            "mainstream_academy",
            "mainstream_academy_resourced_provision",
            "mainstream_academy_senunit",
        ),
        "mainstream_free_school": (
            "mainstream_free_school",
            "mainstream_free_school_resourced_provision",
            "mainstream_free_school_senunit",
        ),
        "mainstream_independent": ("mainstream_independent",),
    },
    "special": {
        "special_la_maintained": ("special_la_maintained",),
        "special_academy_free": ("special_academy_free",),
        "special_independent": ("special_independent",),
        "special_non_maintained": ("special_non_maintained",),
    },
    "ap": {
        "ap_pru_la_maintained": ("ap_pru_la_maintained",),
        "ap_pru_academy": ("ap_pru_academy",),
        "ap_pru_free_school": ("ap_pru_free_school",),
    },
    "fe": {
        "general_fe_tertiary_college": ("general_fe_tertiary_colleges", "ukrlp_provider"),
        "specialist_post_16_institution": ("specialist_post_16_institutions",),
    },
    "early_years": {"early_years": ("nm_early_years",)},
}


# --- Reading DfE's files ---------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """England's rows of one DfE file, with lower-cased column names."""

    release: str
    file: str
    rows: tuple[dict[str, str], ...]

    def latest_period(self, topic_prefix: str, column: str) -> str:
        """The latest time_period whose headline row has a figure in ``column``."""
        periods = [
            row["time_period"]
            for row in self.rows
            if row["breakdown_topic"].startswith(topic_prefix) and _is_number(row.get(column))
        ]
        if not periods:
            raise ValueError(f"{self.file} has no national {column!r} figures.")
        return max(periods)

    def headline(self, period: str, topic_prefix: str) -> dict[str, str]:
        for row in self.breakdown(period, topic_prefix):
            return row
        raise ValueError(f"{self.file} has no national headline row for {period}.")

    def breakdown(self, period: str, topic_prefix: str) -> Iterator[dict[str, str]]:
        for row in self.rows:
            if row["time_period"] == period and row["breakdown_topic"].startswith(topic_prefix):
                yield row

    def source(self, period: str) -> dict[str, str]:
        return {"release": self.release, "file": self.file, "time_period": period}


def _is_number(value: str | None) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except ValueError:
        return False


def _number(row: Mapping[str, str], *columns: str) -> float:
    """Sum of the named columns; DfE's x (unavailable) and z (not applicable) count as 0."""
    return sum(float(row[c]) for c in columns if _is_number(row.get(c)))


def _open_text(path: Path) -> TextIO:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def read_national(data_dir: Path, name: str) -> Table:
    """England's rows of ``name`` (e.g. "requests.csv") from the newest release holding it.

    Releases are the ``release-YYYY`` folders of ``data_dir``; the file may be gzipped.
    Column names are matched without regard to case (DfE changed some between releases).
    """
    for release in sorted(data_dir.glob("release-*"), reverse=True):
        for path in (release / name, release / f"{name}.gz"):
            if path.exists():
                with _open_text(path) as text:
                    reader = csv.DictReader(text)
                    rows = tuple(
                        {
                            key.strip().lower(): (value or "").strip()
                            for key, value in row.items()
                            if key
                        }
                        for row in reader
                    )
                national = tuple(r for r in rows if r.get("geographic_level") == "National")
                return Table(release.name, name, national)
    raise FileNotFoundError(f"No release under {data_dir} has {name}.")


# --- Reducing them to proportions ------------------------------------------------------


def _share(part: float, whole: float) -> float:
    return round(part / whole, _DIGITS) if whole else 0.0


def _shares(counts: Mapping[str, float]) -> dict[str, float]:
    total = sum(counts.values())
    return {key: _share(value, total) for key, value in counts.items() if value > 0}


def _requests(table: Table) -> tuple[dict[str, Any], dict[str, str]]:
    period = table.latest_period("All", "requests_decided_to_assess")
    row = table.headline(period, "All")
    received = _number(row, "requests_received_in_year")
    # Requests still undecided when DfE counted are mostly the year's last few weeks; the
    # generator decides every request, so shares are of the requests that were resolved.
    resolved = received - _number(row, "requests_decision_not_made")
    on_time = _number(row, "request_outcome_six_weeks")
    decided = on_time + _number(row, "request_outcome_over_6_weeks")
    growth = {
        r["time_period"]: _number(r, "requests_received_in_year")
        for r in table.rows
        if r["breakdown_topic"].startswith("All") and _is_number(r["requests_received_in_year"])
    }
    return {
        "refused": _share(_number(row, "requests_decided_not_to_assess"), resolved),
        "withdrawn": _share(_number(row, "requests_withdrawn"), resolved),
        "decided_within_6_weeks": _share(on_time, decided),
        "refused_of_received": _share(_number(row, "requests_decided_not_to_assess"), received),
        "relative_volume_by_year": {
            year: _share(n, received) for year, n in sorted(growth.items())
        },
    }, table.source(period)


def _request_age_key(label: str) -> str | None:
    """requests.csv age rows as age ranges: "Aged 2 and under" -> "0-2", "Aged 7" -> "7",
    "Aged 20 and over" -> "20-25" (25 is the oldest a plan covers); "Age unknown" -> None."""
    words = label.removeprefix("Aged ").split(" ")
    if not words[0].isdigit():
        return None
    if label.endswith("and under"):
        return f"0-{words[0]}"
    if label.endswith("and over"):
        return f"{words[0]}-25"
    return words[0]


def age_range(key: str) -> tuple[int, int]:
    """The youngest and oldest age of an age key: "0-2" -> (0, 2), "7" -> (7, 7)."""
    low, _, high = key.partition("-")
    return int(low), int(high or low)


def _characteristics(table: Table, period: str) -> dict[str, dict[str, float]]:
    """Age at request, sex and ethnicity of the children requests were made for."""
    ages: dict[str, float] = {}
    sexes: dict[str, float] = {}
    ethnicities: dict[str, float] = {}
    for row in table.breakdown(period, "Child or young persons age"):
        if (ages_key := _request_age_key(row["breakdown"])) is not None:
            ages[ages_key] = _number(row, "requests_received_in_year")
    for row in table.breakdown(period, "Sex"):
        if row["breakdown"] in SEX_LABELS:
            sexes[SEX_LABELS[row["breakdown"]]] = _number(row, "requests_received_in_year")
    for row in table.breakdown(period, "Ethnicity"):
        code = ETHNICITY_LABELS[row["breakdown"]]
        ethnicities[code] = _number(row, "requests_received_in_year")
    by_age = dict(sorted(_shares(ages).items(), key=lambda item: age_range(item[0])))
    return {"age_at_request": by_age, "sex": _shares(sexes), "ethnicity": _shares(ethnicities)}


def _assessments(table: Table) -> tuple[dict[str, float], dict[str, str]]:
    period = table.latest_period("All", "assess_not_issued")
    row = table.headline(period, "All")
    issued, not_issued = _number(row, "assess_issued"), _number(row, "assess_not_issued")
    withdrawn = _number(row, "assess_withdrawn")
    within = _number(row, "outcome_decision_within_time")
    return {
        "not_issued": _share(not_issued, issued + not_issued + withdrawn),
        "withdrawn": _share(withdrawn, issued + not_issued + withdrawn),
        "not_issued_within_16_weeks": _share(
            within, within + _number(row, "outcome_decision_over_time")
        ),
    }, table.source(period)


def _timeliness(table: Table) -> tuple[dict[str, Any], dict[str, str]]:
    period = table.latest_period("All", "plans_issued_gt_1_year")
    row = table.headline(period, "All")
    total = {
        "within_20_weeks": _number(row, "plans_issued_within_20_weeks"),
        "20_to_52_weeks": _number(row, "plans_issued_gt20weeks_ltyear"),
        "over_52_weeks": _number(row, "plans_issued_gt_1_year"),
    }
    # "Excluding exceptions" counts the plans no exception applied to; the rest had one.
    without = {
        "within_20_weeks": _number(row, "plans_issued_20_weeks_ex"),
        "20_to_52_weeks": _number(row, "plans_issued_gt20weeks_ltyear_ex"),
        "over_52_weeks": _number(row, "plans_issued_gt_1_year_ex"),
    }
    with_exception = {key: total[key] - without[key] for key in total}
    plans = _number(row, "plans_issued_den")
    return {
        "with_exception": _share(plans - _number(row, "plans_issued_den_ex"), plans),
        "all_plans": _shares(total),
        "plans_with_exception": _shares(with_exception),
        "plans_without_exception": _shares(without),
    }, table.source(period)


def _needs(table: Table) -> tuple[dict[str, float], dict[str, str]]:
    period = table.latest_period("All", "number_asd")
    row = table.headline(period, "All")
    # "Need not recorded" is left out: every synthetic child has a recorded need.
    counts = {code: _number(row, f"number_{stem}") for stem, code in NEED_COLUMNS.items()}
    return _shares(counts), table.source(period)


def _caseload_age_key(label: str) -> str:
    """caseload.csv age rows as age ranges: "under 3" -> "0-2", "age 7" -> "7"."""
    return "0-2" if label == "under 3" else label.removeprefix("age ")


def _placements(table: Table) -> tuple[dict[str, Any], dict[str, str]]:
    period = table.latest_period("All", "ehcplans")
    by_age: dict[str, dict[str, float]] = {}
    for row in table.breakdown(period, "Child or young persons age"):
        counts = {group: _number(row, *cols) for group, cols in PLACEMENT_GROUPS.items()}
        by_age[_caseload_age_key(row["breakdown"])] = _shares(counts)
    headline = table.headline(period, "All")
    types = {
        group: _shares({code: _number(headline, *cols) for code, cols in columns.items()})
        for group, columns in ESTABLISHMENT_COLUMNS.items()
    }
    ordered = dict(sorted(by_age.items(), key=lambda item: age_range(item[0])))
    return {"by_age": ordered, "establishment_types": types}, table.source(period)


#: ceased_plans.csv columns -> SEN2 CeaseReason codes (thrive.law.codes.CEASE_REASONS).
#: "not_rec" (no reason recorded) is left out: every synthetic cessation has a reason.
CEASE_COLUMNS: Final = {
    "max_age": "1",
    "needs_met": "2",
    "he": "3",
    "employ": "4",
    "transfer": "5",
    "no_engage": "6",
    "moved_outside_eng": "7",
    "deceased": "8",
    "other": "9",
}

#: The tribunal file is a spreadsheet table, not DfE's tidy format.
TRIBUNAL_FILE: Final = "send_tribunal_appeal_rate_2014_2024.csv"
TRIBUNAL_APPEALS: Final = "Appeals registered"
TRIBUNAL_DECISIONS: Final = "Total Appealable Decisions"


def _annual_reviews(table: Table) -> tuple[dict[str, Any], dict[str, str], float]:
    """Reviews held, decided within 4 weeks and their outcomes; also the plans in force
    (the denominator of the yearly share of plans ceased)."""
    period = table.latest_period("All", "total_review_meeting")
    row = table.headline(period, "All")
    expected = _number(row, "review_expected")
    within = _number(row, "number_decsion_4weeks")
    outcomes = {
        "keep": _number(row, "outcome_maintan"),
        "amend": _number(row, "outcome_amend"),
        "cease": _number(row, "outcome_cease"),
    }
    return (
        {
            "held": _share(_number(row, "total_review_meeting"), expected),
            "no_meeting": _share(_number(row, "no_review_meeting"), expected),
            "decided_within_4_weeks": _share(
                within, within + _number(row, "number_decision_gt_4weeks")
            ),
            "outcomes": _shares(outcomes),
        },
        table.source(period),
        _number(row, "total_ehc_plans"),
    )


def _ceased(table: Table, plans_in_force: float) -> tuple[dict[str, Any], dict[str, str]]:
    period = table.latest_period("All", "total_ceased")
    row = table.headline(period, "All")
    reasons = {code: _number(row, column) for column, code in CEASE_COLUMNS.items()}
    return {
        "per_plan_per_year": _share(_number(row, "total_ceased"), plans_in_force),
        "reasons": _shares(reasons),
    }, table.source(period)


def _count(cell: str) -> float:
    """A spreadsheet cell as a number: "1,071" -> 1071; " - " (none or suppressed) -> 0."""
    text = cell.replace(",", "").strip()
    return float(text) if _is_number(text) else 0.0


def read_tribunal(data_dir: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """England's appeals registered per appealable decision, latest year, from the
    Ministry of Justice and DfE table published with the release: title rows, then a row of
    years (each heading three columns), a row of column labels, a row per local authority
    and an "England Total" row."""
    for release in sorted(data_dir.glob("release-*"), reverse=True):
        path = release / TRIBUNAL_FILE
        if path.exists():
            break
    else:
        raise FileNotFoundError(f"No release under {data_dir} has {TRIBUNAL_FILE}.")
    with _open_text(path) as text:
        rows = list(csv.reader(text))
    header = next(i for i, r in enumerate(rows) if r and r[0].strip() == "Local Authority")
    years, labels = rows[header], rows[header + 1]
    total = next(r for r in rows if r and r[0].strip().startswith("England Total"))
    year = max(cell.strip() for cell in years if cell.strip().isdigit())
    start = years.index(year)
    columns = {labels[i].strip(): i for i in range(start, start + 3)}
    appeals = next(i for label, i in columns.items() if label.startswith(TRIBUNAL_APPEALS))
    decisions = next(i for label, i in columns.items() if label.startswith(TRIBUNAL_DECISIONS))
    registered, appealable = _count(total[appeals]), _count(total[decisions])
    return {
        "per_appealable_decision": _share(registered, appealable),
        "registered": int(registered),
        "appealable_decisions": int(appealable),
    }, {"release": release.name, "file": TRIBUNAL_FILE, "time_period": year}


def derive_calibration(data_dir: Path) -> dict[str, Any]:
    """The calibration, as JSON-ready data, from DfE's CSVs under ``data_dir``."""
    requests_table = read_national(data_dir, "requests.csv")
    requests, requests_source = _requests(requests_table)
    characteristics = _characteristics(requests_table, requests_source["time_period"])
    assessments, assessments_source = _assessments(read_national(data_dir, "assessments.csv"))
    timeliness, timeliness_source = _timeliness(read_national(data_dir, "timeliness_20_week.csv"))
    needs, needs_source = _needs(read_national(data_dir, "sen_need_newplans.csv"))
    placements, placements_source = _placements(read_national(data_dir, "caseload.csv"))
    reviews, reviews_source, plans_in_force = _annual_reviews(
        read_national(data_dir, "annual_reviews.csv")
    )
    ceased, ceased_source = _ceased(read_national(data_dir, "ceased_plans.csv"), plans_in_force)
    appeals, appeals_source = read_tribunal(data_dir)
    return {
        "source": {
            **PUBLICATION,
            "files": [
                {**requests_source, "used_for": "request outcomes, age, sex, ethnicity"},
                {**assessments_source, "used_for": "assessment outcomes"},
                {**timeliness_source, "used_for": "20-week timeliness and exceptions"},
                {**needs_source, "used_for": "primary need of new plans"},
                {**placements_source, "used_for": "placement by age (January caseload)"},
                {
                    **reviews_source,
                    "used_for": "annual reviews held, decided within 4 weeks, outcomes",
                    "columns": "review_expected, total_review_meeting, no_review_meeting, "
                    "number_decsion_4weeks, number_decision_gt_4weeks, outcome_maintan, "
                    "outcome_amend, outcome_cease; total_ehc_plans for the ceased share",
                },
                {
                    **ceased_source,
                    "used_for": "plans ceased in a year and their SEN2 reasons",
                    "columns": "total_ceased; "
                    + ", ".join(f"{column}={code}" for column, code in CEASE_COLUMNS.items()),
                },
                {
                    **appeals_source,
                    "used_for": "SEND Tribunal appeals per appealable decision",
                    "columns": "England Total row: Appeals registered, Total Appealable Decisions",
                },
            ],
        },
        "requests": requests,
        "assessments": assessments,
        "timeliness": timeliness,
        "primary_need": needs,
        **characteristics,
        "placements": placements,
        "annual_reviews": reviews,
        "ceased": ceased,
        "appeals": appeals,
    }


def calibration_json(calibration: Mapping[str, Any]) -> str:
    """The calibration as the file holds it: stable key order, one trailing newline."""
    return json.dumps(calibration, indent=1, ensure_ascii=False) + "\n"


# --- Reading the shipped calibration ---------------------------------------------------


@dataclass(frozen=True)
class Calibration:
    """The proportions the generator draws from (see `derive_calibration` for each one)."""

    data: Mapping[str, Any]

    def share(self, section: str, key: str) -> float:
        return float(self.data[section][key])

    def weights(self, section: str, *path: str) -> dict[str, float]:
        """A {value: share} mapping, e.g. weights("timeliness", "plans_with_exception")."""
        node: Any = self.data[section]
        for key in path:
            node = node[key]
        return {str(key): float(value) for key, value in node.items()}


def load_calibration(path: Path | None = None) -> Calibration:
    """The calibration shipped with Thrive, or the JSON file at ``path``."""
    if path is not None:
        return Calibration(json.loads(path.read_text(encoding="utf-8")))
    return _shipped()


@cache
def _shipped() -> Calibration:
    text = files("thrive.demo").joinpath(CALIBRATION_RESOURCE).read_text(encoding="utf-8")
    return Calibration(json.loads(text))
