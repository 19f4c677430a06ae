"""Loading DfE's published files: the figures reproduce the file's own published percentages,
a file the loader does not understand (a column missing, or one it does not know) is refused
with nothing written, and a reload replaces."""

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from thrive.benchmarks import loader
from thrive.benchmarks.loader import DataRefused
from thrive.benchmarks.loader.files import (
    NEIGHBOUR_COLUMNS,
    NEIGHBOUR_FOLDER,
    NEIGHBOUR_IGNORED,
    POPULATION_COLUMNS,
    POPULATION_FILE,
    POPULATION_IGNORED,
)
from thrive.benchmarks.models import (
    BenchmarkLoad,
    Level,
    Population,
    PublishedFigure,
    StatisticalNeighbour,
)
from thrive.benchmarks.services import benchmarks_load
from thrive.core.models import AuditEntry
from thrive.people.models import LocalAuthority

TIMELINESS = "ehcp-stats/release-2025/timeliness_20_week.csv"
EXCLUDING = "within_20_weeks_excluding_exceptions"


def _published_rows(data: Path, relative: str) -> list[dict[str, str]]:
    with (data / relative).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _headline_2022(data: Path, level: str, name_column: str, name: str) -> dict[str, str]:
    for row in _published_rows(data, TIMELINESS):
        if (
            row["time_period"] == "2022"
            and row["geographic_level"] == level
            and row[name_column] == name
            and row["breakdown_topic"] == "All EHC plans issued"
        ):
            return row
    raise AssertionError(f"no 2022 headline row for {name}")


def _stored(measure: str, area_code: str, period: str) -> PublishedFigure:
    return PublishedFigure.objects.get(
        measure=measure, area_code=area_code, period=period, release="2025"
    )


def test_reproduces_devon_its_region_and_england_within_20_weeks(timeliness_loaded: Path) -> None:
    devon = _headline_2022(timeliness_loaded, "Local authority", "old_la_code", "878")
    region = _headline_2022(timeliness_loaded, "Regional", "region_code", devon["region_code"])
    england = _headline_2022(timeliness_loaded, "National", "country_name", "England")
    for row, code in ((devon, "878"), (region, devon["region_code"]), (england, "E92000001")):
        stored = _stored(EXCLUDING, code, "2022")
        assert stored.value == float(row["PC_plans_issued_20_weeks_ex"])
        assert stored.numerator == int(row["plans_issued_20_weeks_ex"])
        assert stored.denominator == int(row["plans_issued_den_ex"])
        assert round(100 * stored.numerator / stored.denominator, 1) == stored.value
        including = _stored("within_20_weeks", code, "2022")
        assert including.value == float(row["pc_plans_issued_within_20_weeks"])
    assert _stored(EXCLUDING, "878", "2022").value == 11.8  # the figure quoted in the issue
    assert region["region_name"] == "South West"


def test_loads_the_pre_2023_series_from_the_2022_release(db: Any, data_dir: Path) -> None:
    benchmarks_load(actor=None, data=data_dir, only={"mi2022"})
    rows = _published_rows(data_dir, "ehcp-stats/release-2022/sen2_mi.csv")
    devon_2016 = next(r for r in rows if r["old_la_code"] == "878" and r["time_period"] == "2016")
    stored = PublishedFigure.objects.get(
        measure=EXCLUDING, area_code="878", period="2016", release="2022"
    )
    assert stored.value == float(devon_2016["NoExc20weekRate"])
    assert stored.denominator == int(devon_2016["TotNoExcEHC"])
    periods = set(
        PublishedFigure.objects.filter(release="2022", measure=EXCLUDING).values_list(
            "period", flat=True
        )
    )
    assert min(periods) == "2014"
    assert max(periods) == "2021"


def test_works_out_a_share_dfe_left_unpublished(db: Any, data_dir: Path) -> None:
    """In 2022 requests.csv has the counts but `x` for the percentage."""
    benchmarks_load(actor=None, data=data_dir, only={"requests"})
    england = PublishedFigure.objects.get(
        measure="requests_refused", level=Level.NATIONAL, period="2022"
    )
    assert england.value_published is False
    assert england.numerator is not None
    assert england.denominator
    assert england.value == round(100 * england.numerator / england.denominator, 1)
    published = PublishedFigure.objects.get(
        measure="requests_refused", level=Level.NATIONAL, period="2023"
    )
    assert published.value_published is True


def test_loads_neighbours_population_and_local_authorities(db: Any, data_dir: Path) -> None:
    benchmarks_load(actor=None, data=data_dir, only={"timeliness", "neighbours", "population"})
    devon = StatisticalNeighbour.objects.filter(edition=2025, la_code="878")
    assert list(devon.values_list("rank", flat=True)) == list(range(1, 11))
    assert StatisticalNeighbour.objects.filter(edition=2021, la_code="878").count() == 10
    assert set(Population.objects.filter(area_code="878").values_list("age", flat=True)) == set(
        range(26)
    )
    la = LocalAuthority.objects.get(code="878")
    assert la.gss_code.startswith("E10")
    assert la.region == "South West"


def test_reloading_replaces_instead_of_duplicating(timeliness_loaded: Path) -> None:
    counts = (PublishedFigure.objects.count(), StatisticalNeighbour.objects.count())
    benchmarks_load(actor=None, data=timeliness_loaded, only={"timeliness", "neighbours"})
    assert (PublishedFigure.objects.count(), StatisticalNeighbour.objects.count()) == counts
    assert LocalAuthority.objects.filter(code="878").count() == 1


def test_a_load_is_audited(timeliness_loaded: Path) -> None:
    entry = AuditEntry.objects.get(object_type="benchmarks.benchmarkload")
    assert entry.channel == "command"
    assert "published statistics" in entry.summary


def _copy(
    data: Path,
    target: Path,
    relative: str = TIMELINESS,
    *,
    drop: str = "",
    add: str = "",
    rename: tuple[str, str] | None = None,
) -> None:
    """Write the first 50 rows of a published file into `target`, with one column dropped,
    one added (filled with 1) or one renamed."""
    rows = _published_rows(data, relative)[:50]
    fields = [f for f in rows[0] if f != drop] + ([add] if add else [])
    if rename:
        fields = [rename[1] if f == rename[0] else f for f in fields]
        rows = [{rename[1] if k == rename[0] else k: v for k, v in r.items()} for r in rows]
    out = target / relative
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({**r, add: "1"} if add else r for r in rows)


def _copy_without(data: Path, target: Path, column: str) -> None:
    _copy(data, target, drop=column)


def test_refuses_a_file_with_a_missing_column_and_writes_nothing(
    timeliness_loaded: Path, tmp_path: Path
) -> None:
    before = (PublishedFigure.objects.count(), LocalAuthority.objects.count())
    _copy_without(timeliness_loaded, tmp_path, "plans_issued_den_ex")
    with pytest.raises(DataRefused) as refused:
        benchmarks_load(actor=None, data=tmp_path, only={"timeliness"})
    assert str(refused.value) == (
        "timeliness_20_week.csv is missing the columns: plans_issued_den_ex"
    )
    assert (PublishedFigure.objects.count(), LocalAuthority.objects.count()) == before


def test_the_command_refuses_with_the_file_and_column_named(
    db: Any, data_dir: Path, tmp_path: Path
) -> None:
    _copy_without(data_dir, tmp_path, "plans_issued_den_ex")
    with pytest.raises(Exception, match="missing the columns: plans_issued_den_ex"):
        call_command("load-benchmarks", data=tmp_path, only="timeliness", stdout=io.StringIO())
    assert not PublishedFigure.objects.exists()
    assert not LocalAuthority.objects.exists()


def test_matches_column_names_whatever_their_case(db: Any, data_dir: Path, tmp_path: Path) -> None:
    rows = _published_rows(data_dir, TIMELINESS)[:20]
    out = tmp_path / TIMELINESS
    out.parent.mkdir(parents=True)
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([name.upper() for name in rows[0]])
        writer.writerows(row.values() for row in rows)
    benchmarks_load(actor=None, data=tmp_path, only={"timeliness"})
    assert PublishedFigure.objects.filter(measure=EXCLUDING).exists()


def test_dry_run_writes_nothing(db: Any, data_dir: Path) -> None:
    out = io.StringIO()
    call_command("load-benchmarks", data=data_dir, only="timeliness", dry_run=True, stdout=out)
    assert "Dry run: nothing was written." in out.getvalue()
    assert not PublishedFigure.objects.exists()


def test_the_command_says_what_it_loaded(db: Any, data_dir: Path) -> None:
    out = io.StringIO()
    call_command("load-benchmarks", data=data_dir, only="timeliness,neighbours", stdout=out)
    text = out.getvalue()
    assert "EHC plans issued within 20 weeks, leaving out exceptions:" in text
    assert "2019 to 2024" in text
    assert "statistical neighbour rows" in text


def test_refuses_an_unknown_subset(db: Any, data_dir: Path) -> None:
    with pytest.raises(DataRefused, match="Unknown subsets: tribunals"):
        benchmarks_load(actor=None, data=data_dir, only={"tribunals"})


def _written() -> tuple[int, ...]:
    return (
        PublishedFigure.objects.count(),
        Population.objects.count(),
        LocalAuthority.objects.count(),
        BenchmarkLoad.objects.count(),
        AuditEntry.objects.count(),
    )


def test_refuses_a_file_with_a_column_it_does_not_know_and_writes_nothing(
    timeliness_loaded: Path, tmp_path: Path
) -> None:
    before = _written()
    _copy(timeliness_loaded, tmp_path, add="avg_weeks_issue_plan")
    with pytest.raises(DataRefused) as refused:
        benchmarks_load(actor=None, data=tmp_path, only={"timeliness"})
    assert str(refused.value) == (
        "timeliness_20_week.csv has columns Thrive does not know: avg_weeks_issue_plan"
    )
    assert _written() == before


def test_a_refused_last_file_leaves_the_earlier_good_files_unwritten(
    db: Any, data_dir: Path, tmp_path: Path
) -> None:
    """The population file is read after the figures: its refusal stops the whole load."""
    _copy(data_dir, tmp_path)
    _copy(data_dir, tmp_path, POPULATION_FILE, add="sex_code")
    with pytest.raises(DataRefused, match="has columns Thrive does not know: sex_code"):
        benchmarks_load(actor=None, data=tmp_path, only={"timeliness", "population"})
    assert _written() == (0, 0, 0, 0, 0)


def test_names_every_unknown_column_in_the_file_s_order(
    db: Any, data_dir: Path, tmp_path: Path
) -> None:
    _copy(data_dir, tmp_path, "ehcp-stats/statistical-neighbours/statistical_neighbours_2025.csv")
    path = tmp_path / NEIGHBOUR_FOLDER / "statistical_neighbours_2025.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [f"{line},z1,a2" for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataRefused) as refused:
        benchmarks_load(actor=None, data=tmp_path, only={"neighbours"})
    assert str(refused.value) == (
        "statistical_neighbours_2025.csv has columns Thrive does not know: z1, a2"
    )
    assert not StatisticalNeighbour.objects.exists()


def test_a_renamed_column_is_named_as_missing_and_as_unknown(
    db: Any, data_dir: Path, tmp_path: Path
) -> None:
    _copy(data_dir, tmp_path, rename=("plans_issued_den_ex", "plans_issued_denominator_ex"))
    with pytest.raises(DataRefused) as refused:
        benchmarks_load(actor=None, data=tmp_path, only={"timeliness"})
    assert str(refused.value) == (
        "timeliness_20_week.csv is missing the columns: plans_issued_den_ex; it also has "
        "columns Thrive does not know: plans_issued_denominator_ex"
    )


def test_the_command_refuses_an_unknown_column_with_the_file_named(
    db: Any, data_dir: Path, tmp_path: Path
) -> None:
    _copy(data_dir, tmp_path, add="avg_weeks_issue_plan")
    with pytest.raises(CommandError) as refused:
        call_command("load-benchmarks", data=tmp_path, only="timeliness", stdout=io.StringIO())
    assert str(refused.value) == (
        "Nothing was loaded. timeliness_20_week.csv has columns Thrive does not know: "
        "avg_weeks_issue_plan"
    )
    assert _written() == (0, 0, 0, 0, 0)


def test_refuses_population_that_is_not_for_persons(
    db: Any, data_dir: Path, tmp_path: Path
) -> None:
    _copy(data_dir, tmp_path, POPULATION_FILE)
    path = tmp_path / POPULATION_FILE
    text = path.read_text(encoding="utf-8").replace(",Persons,", ",Females,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataRefused, match="has a row for sex 'Females': Thrive reads persons"):
        benchmarks_load(actor=None, data=tmp_path, only={"population"})
    assert not Population.objects.exists()


def _header(data: Path, relative: str) -> set[str]:
    with (data / relative).open(encoding="utf-8-sig", newline="") as handle:
        return {name.strip().lower() for name in next(csv.reader(handle))}


def _lower(names: Any) -> set[str]:
    return {name.lower() for name in names}


def test_the_known_columns_are_exactly_those_the_published_files_carry(data_dir: Path) -> None:
    """The lists of ignored columns hold only columns the real files have, so they never grow
    into a way of accepting anything."""
    for spec in loader.FIGURE_FILES:
        used, ignored = _lower(spec.required()), _lower(spec.ignored)
        assert not used & ignored, spec.path
        assert _header(data_dir, spec.path) == used | ignored, spec.path
    for path in sorted((data_dir / NEIGHBOUR_FOLDER).glob("statistical_neighbours_*.csv")):
        relative = f"{NEIGHBOUR_FOLDER}/{path.name}"
        assert _header(data_dir, relative) == NEIGHBOUR_COLUMNS | set(NEIGHBOUR_IGNORED)
    expected = POPULATION_COLUMNS | set(POPULATION_IGNORED)
    assert _header(data_dir, POPULATION_FILE) == expected


def test_every_published_file_is_read(data_dir: Path) -> None:
    read = loader.read_all(data_dir)
    editions = list((data_dir / NEIGHBOUR_FOLDER).glob("statistical_neighbours_*.csv"))
    assert len(read.files) == len(loader.FIGURE_FILES) + len(editions) + 1
    assert {r.measure for r in read.figures} >= {"active_plans", "requests_received"}
