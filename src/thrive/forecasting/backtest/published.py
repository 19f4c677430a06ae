"""Read the total EHC plans per local authority per year from DfE's published caseload.

Source: ``ehcp-stats/release-2025/caseload.csv`` (January census, 2018/19 to 2024/25).
Only the headline rows (``breakdown_topic == "All EHC plans"``) are read; the ``ehcplans``
column is the total. ``time_period`` ``202425`` is the January 2025 census and is returned
as the year 2025. Suppressed or unavailable values (``c``, ``x``, ``z``, blank) are missing.

Local authorities are keyed by ``new_la_code``. Buckinghamshire changed code in 2020
(E10000002 to E06000060) without changing area, so its old code is mapped to the new one.
Authorities whose area changed (Dorset, Bournemouth/Poole, Northamptonshire, Cumbria) keep
separate series, each of which is only as long as the area existed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

CASELOAD = Path("ehcp-stats/release-2025/caseload.csv")
#: The earlier aggregate SEN2 series (statements and EHC plans, January 2010-2022), used only
#: to choose between methods before they are tested on the 2025 release.
CASELOAD_2022 = Path("ehcp-stats/release-2022/sen2_age_caseload.csv")
MISSING = {"", "c", "x", "z", "u", "low", ":"}
RENAMED = {"E10000002": "E06000060"}  # Buckinghamshire: same area, new code from 2020


@dataclass(frozen=True)
class Series:
    """One area's yearly counts (years ascending, no missing values)."""

    code: str
    name: str
    years: np.ndarray
    counts: np.ndarray


@dataclass
class Published:
    england: Series
    las: dict[str, Series] = field(default_factory=dict)


def _year(time_period: str) -> int:
    """``202425`` (academic year) is the January 2025 census."""
    return int(time_period[:4]) + 1 if len(time_period) == 6 else int(time_period)


def _count(value: str) -> float | None:
    value = value.strip().replace(",", "")
    if value.lower() in MISSING:
        return None
    return float(value)


def _series(code: str, name: str, points: dict[int, float]) -> Series:
    years = np.array(sorted(points), dtype=np.int64)
    counts = np.array([points[y] for y in years], dtype=np.float64)
    return Series(code=code, name=name, years=years, counts=counts)


def contiguous_tail(series: Series) -> Series:
    """The longest run of consecutive years ending at the series' last year."""
    if series.years.size == 0:
        return series
    gaps = np.nonzero(np.diff(series.years) != 1)[0]
    start = int(gaps[-1]) + 1 if gaps.size else 0
    return Series(series.code, series.name, series.years[start:], series.counts[start:])


def read_caseload(data_dir: Path | str) -> Published:
    """England's and every local authority's total EHC plans by January census year."""
    path = Path(data_dir) / CASELOAD
    england: dict[int, float] = {}
    las: dict[str, dict[int, float]] = {}
    names: dict[str, str] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["breakdown_topic"] != "All EHC plans":
                continue
            year = _year(row["time_period"])
            value = _count(row["ehcplans"])
            level = row["geographic_level"]
            if value is None:
                continue
            if level == "National":
                england[year] = value
            elif level == "Local authority":
                code = RENAMED.get(row["new_la_code"], row["new_la_code"])
                if year in las.setdefault(code, {}):
                    raise ValueError(f"{code} appears twice in {year}")
                las[code][year] = value
                names[code] = row["la_name"]
    return Published(
        england=_series("E92000001", "England", england),
        las={
            code: contiguous_tail(_series(code, names[code], points))
            for code, points in sorted(las.items())
        },
    )


def read_caseload_2022(data_dir: Path | str, last_year: int = 2022) -> dict[str, Series]:
    """Every local authority's total of statements and EHC plans (``Total_all``, the
    ``characteristic_age`` "Total" rows) each January up to ``last_year``, keyed by the DfE
    3-digit code, from the 2022 release."""
    path = Path(data_dir) / CASELOAD_2022
    las: dict[str, dict[int, float]] = {}
    names: dict[str, str] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["geographic_level"] != "Local authority" or row["characteristic_age"] != "Total":
                continue
            year, value = int(row["time_period"]), _count(row["Total_all"])
            if value is None or year > last_year:
                continue
            code = row["old_la_code"]
            las.setdefault(code, {})[year] = value
            names[code] = row["la_name"]
    return {
        code: contiguous_tail(_series(code, names[code], points))
        for code, points in sorted(las.items())
    }
