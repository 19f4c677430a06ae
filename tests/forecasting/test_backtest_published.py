"""The published-statistics reader, on a small file and on the real release when present."""

from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

from thrive.forecasting.backtest.published import (
    CASELOAD,
    CASELOAD_2022,
    read_caseload,
    read_caseload_2022,
)

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans\n"
)


def write(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / CASELOAD
    path.parent.mkdir(parents=True)
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8-sig")
    return tmp_path


def test_reads_headline_rows_skips_suppressed_and_keeps_the_contiguous_tail(
    tmp_path: Path,
) -> None:
    la = "Academic year,Local authority,E92000001,England,E1,R,{code},1,{name},{topic},x,{v}"
    rows = [
        "201819,Academic year,National,E92000001,England,,,,,,All EHC plans,All EHC plans,100",
        "201920,Academic year,National,E92000001,England,,,,,,All EHC plans,All EHC plans,110",
        "201819," + la.format(code="E06000001", name="A", topic="All EHC plans", v="10"),
        "201920," + la.format(code="E06000001", name="A", topic="All EHC plans", v="x"),
        "202021," + la.format(code="E06000001", name="A", topic="All EHC plans", v="12"),
        "202122," + la.format(code="E06000001", name="A", topic="All EHC plans", v="13"),
        "202122," + la.format(code="E06000001", name="A", topic="Sex", v="999"),
        "201819," + la.format(code="E10000002", name="Bucks", topic="All EHC plans", v="5"),
        "201920," + la.format(code="E06000060", name="Bucks", topic="All EHC plans", v="6"),
    ]
    published = read_caseload(write(tmp_path, rows))
    np.testing.assert_array_equal(published.england.years, [2019, 2020])
    np.testing.assert_array_equal(published.england.counts, [100, 110])
    a = published.las["E06000001"]
    np.testing.assert_array_equal(a.years, [2021, 2022])  # 2020 suppressed breaks the run
    np.testing.assert_array_equal(a.counts, [12, 13])
    bucks = published.las["E06000060"]  # the renamed code joins its old series
    np.testing.assert_array_equal(bucks.counts, [5, 6])
    assert "E10000002" not in published.las


real = pytest.mark.skipif(not (DATA / CASELOAD).is_file(), reason="published data absent")


@real
def test_real_release_england_positive_and_each_la_once_a_year() -> None:
    published = read_caseload(DATA)
    assert published.england.years.tolist() == list(range(2019, 2026))
    assert np.all(published.england.counts > 0)
    assert np.all(np.diff(published.england.counts) > 0)  # plans grew every year
    assert len(published.las) > 150
    for s in published.las.values():
        assert np.all(np.diff(s.years) == 1)
        assert np.all(s.counts > 0)
    la_total = sum(s.counts[s.years == 2025][0] for s in published.las.values() if 2025 in s.years)
    assert la_total == pytest.approx(published.england.counts[-1], rel=0.01)


@real
def test_command_prints_every_method_at_every_horizon(
    capsys: pytest.CaptureFixture[str],
) -> None:
    call_command("backtest-published", str(DATA))
    out = capsys.readouterr().out
    for method in ("stationary", "trend", "anchored", "damped", "last_growth", "loglinear"):
        assert sum(line.startswith(method) for line in out.splitlines()) == 3
    assert "Lowest MAPE at 3 year(s) ahead" in out


def test_reads_the_2022_release_totals_up_to_the_last_year(tmp_path: Path) -> None:
    header = (
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
        "region_name,old_la_code,new_la_code,la_name,characteristic_age,Total_st,Total_st_pc,"
        "Total_ehc,Total_ehc_pc,Total_all,Total_all_pc\n"
    )
    la = (
        "{y},Calendar year,Local authority,E92000001,England,E1,R,878,E10000008,Devon,"
        "{age},1,1,1,1,{v},1"
    )
    rows = [
        "2015,Calendar year,National,E92000001,England,,,,,,Total,1,1,1,1,999,100",
        la.format(y=2015, age="Total", v="100"),
        la.format(y=2016, age="Total", v="110"),
        la.format(y=2016, age="Under 5", v="7"),
        la.format(y=2017, age="Total", v="121"),
    ]
    path = tmp_path / CASELOAD_2022
    path.parent.mkdir(parents=True)
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    devon = read_caseload_2022(tmp_path, last_year=2016)["878"]
    assert devon.name == "Devon"
    np.testing.assert_array_equal(devon.years, [2015, 2016])
    np.testing.assert_array_equal(devon.counts, [100, 110])
