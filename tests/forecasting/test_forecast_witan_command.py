"""``forecast-witan``: the model run on a folder of witan.send files, no database."""

import csv
import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

FILES = Path(__file__).parent / "witan_files"


def run(folder: Path, out: Path, *args: str) -> list[dict[str, str]]:
    call_command("forecast-witan", str(folder), "--out", str(out), "--simulations", "100", *args)
    with out.open() as f:
        return list(csv.DictReader(f))


def total(rows: list[dict[str, str]], measure: str = "count") -> dict[int, float]:
    return {
        int(r["year"]): float(r["median"])
        for r in rows
        if r["measure"] == measure and r["breakdown"] == "total"
    }


def test_forecasts_counts_and_costs_from_witan_files(tmp_path: Path) -> None:
    rows = run(FILES, tmp_path / "out.csv", "--years", "3")
    counts = total(rows)
    assert sorted(counts) == [2024, 2025, 2026, 2027]
    # The base January is the second side of the last year's transitions, less leavers.
    last = [
        r
        for r in csv.DictReader((FILES / "transitions.csv").open())
        if r["calendar-year"] == "2023" and r["setting-2"] != "NONSEND"
    ]
    assert counts[2024] == len(last)
    breakdowns = {r["breakdown"] for r in rows if r["measure"] == "count"}
    assert breakdowns == {"total", "setting", "need", "ncy_group", "age_band"}
    settings = {r["label"] for r in rows if r["breakdown"] == "setting"}
    assert settings == {"MMS", "MSS", "FEC"}
    costs = total(rows, "cost")
    assert sorted(costs) == sorted(counts)
    assert costs[2027] > 0
    # Every count row of one year and breakdown sums to the total's mean.
    by_setting = sum(
        float(r["mean"])
        for r in rows
        if r["breakdown"] == "setting" and r["year"] == "2027" and r["measure"] == "count"
    )
    mean_total = next(
        float(r["mean"])
        for r in rows
        if r["breakdown"] == "total" and r["year"] == "2027" and r["measure"] == "count"
    )
    assert by_setting == pytest.approx(mean_total, abs=0.05)


def test_same_seed_same_results_and_trend_differs(tmp_path: Path) -> None:
    one = run(FILES, tmp_path / "a.csv", "--seed", "7")
    two = run(FILES, tmp_path / "b.csv", "--seed", "7")
    assert one == two
    trend = run(FILES, tmp_path / "c.csv", "--seed", "7", "--variant", "trend")
    damped = run(FILES, tmp_path / "d.csv", "--seed", "7", "--variant", "damped")
    # The synthetic area's joiners grow each year, so the trend projects more than stationary
    # and the damped trend lies between.
    assert total(trend)[2029] > total(damped)[2029] > total(one)[2029]


def test_without_costs_or_valid_states(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    for name in ("transitions.csv", "population.csv"):
        shutil.copy(FILES / name, folder / name)
    rows = run(folder, tmp_path / "out.csv", "--years", "2")
    assert {r["measure"] for r in rows} == {"count"}
    assert total(rows)[2026] > 0


def test_refuses_bad_files_naming_the_rows(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    shutil.copy(FILES / "transitions.csv", folder / "transitions.csv")
    (folder / "population.csv").write_text("calendar-year,academic-year,population\n2020,0,lots\n")
    with pytest.raises(CommandError, match="Row 2: population must be a whole number"):
        run(folder, tmp_path / "out.csv")
    (folder / "population.csv").unlink()
    with pytest.raises(CommandError, match=r"population\.csv was not found"):
        run(folder, tmp_path / "out.csv")


def test_refuses_projection_years_without_population(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no rows for calendar years 2032, 2033:"):
        run(FILES, tmp_path / "out.csv", "--years", "10")


def test_writes_the_csv_to_the_screen_and_notes_apart() -> None:
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "forecast-witan", str(FILES), "--simulations", "100", "--years", "1", stdout=out, stderr=err
    )
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert total(rows)[2025] > 0
    assert "Rows left out: 1 where the NCY did not rise by one" in err.getvalue()
