"""The published data lives beside the repository (<repo>/../shared/data), on this machine and
on CI. Tests that need it are skipped, with the reason, where it is absent. Tests of arithmetic
use small hand-built sets with known answers instead."""

from pathlib import Path
from typing import Any

import pytest

from thrive.benchmarks.models import Level, Population, PublishedFigure, StatisticalNeighbour
from thrive.benchmarks.services import benchmarks_load
from thrive.people.models import LocalAuthority

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture
def data_dir() -> Path:
    if not (DATA / "ehcp-stats").is_dir():
        pytest.skip(f"the published statistics are not at {DATA}")
    return DATA


@pytest.fixture
def timeliness_loaded(db: Any, data_dir: Path) -> Path:
    """The 20-week timeliness figures and statistical neighbours, loaded (about a second)."""
    benchmarks_load(actor=None, data=data_dir, only={"timeliness", "neighbours"})
    return data_dir


REGION, ENGLAND = "E12000099", "E92000001"


def add_count(measure: str, code: str, period: str, value: float | None) -> None:
    """One published count, for a hand-built set: council and neighbours are 3-digit codes."""
    level = {ENGLAND: Level.NATIONAL, REGION: Level.REGIONAL}.get(code, Level.LOCAL_AUTHORITY)
    name = {ENGLAND: "England", REGION: "Test Region"}.get(code, f"Area {code}")
    PublishedFigure.objects.create(
        measure=measure,
        level=level,
        area_code=code,
        area_name=name,
        region_code=REGION if level == Level.LOCAL_AUTHORITY else "",
        period=period,
        value=value,
        source_file="test.csv",
        release="2025",
    )


def add_population(code: str, year: int, total: int) -> None:
    """`total` people aged 0 to 25, split between ages 0 and 25 so the sum is tested."""
    level = {ENGLAND: Level.NATIONAL, REGION: Level.REGIONAL}.get(code, Level.LOCAL_AUTHORITY)
    for age, count in ((0, total // 4), (25, total - total // 4)):
        Population.objects.create(level=level, area_code=code, year=year, age=age, population=count)


@pytest.fixture
def counts_with_population(db: Any) -> None:
    """EHC plans in January 2025 (period 202425, so the mid-2024 population) for council 100,
    its region, England and its neighbours 101 to 104. Per 10,000 aged 0 to 25:
    council 50 / 20,000 = 25; region 500 / 100,000 = 50; England 2,000 / 1,000,000 = 20;
    101: 30 / 10,000 = 30; 102: 10 / 5,000 = 20; 103: count not published; 104: population
    not loaded. Neighbours' rates average 25 (2 of 4). The council's mid-2023 population is
    different, to show the year is chosen from the period."""
    LocalAuthority.objects.create(code="100", name="Council 100")
    for rank, code in enumerate(["101", "102", "103", "104"], start=1):
        StatisticalNeighbour.objects.create(
            edition=2025, la_code="100", rank=rank, neighbour_code=code, neighbour_name=code
        )
        LocalAuthority.objects.create(code=code, name=f"Area {code}")
    plans = (("100", 50), (REGION, 500), (ENGLAND, 2_000), ("101", 30), ("102", 10), ("104", 40))
    for code, count in (*plans, ("103", None)):
        add_count("active_plans", code, "202425", count)
    people = (("100", 20_000), (REGION, 100_000), (ENGLAND, 1_000_000), ("101", 10_000))
    for code, total in (*people, ("102", 5_000), ("103", 8_000)):
        add_population(code, 2024, total)
    add_population("100", 2023, 40_000)
