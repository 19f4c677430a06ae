"""Reading DfE's and ONS's published files into rows ready to store. No database here: the
service `benchmarks_load` writes what this reads, in one transaction.

A file's header is checked before any row is read: a file without a column its `FileSpec`
names, or with a column the spec neither uses nor lists as ignored, is refused, and nothing is
written. Column names are matched without regard to case (DfE changes the case between
releases), and `x` (unavailable), `z` (not applicable) and blanks are read as missing."""

import csv
import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..models import Level
from .files import (
    FIGURE_FILES,
    NEIGHBOUR_COLUMNS,
    NEIGHBOUR_FILE,
    NEIGHBOUR_FOLDER,
    NEIGHBOUR_IGNORED,
    POPULATION_COLUMNS,
    POPULATION_FILE,
    POPULATION_IGNORED,
    SUBSETS,
    FigureSpec,
    FileSpec,
)

MISSING = {"", "x", "z", ":", "c", "u"}
LEVELS = {
    "national": Level.NATIONAL,
    "regional": Level.REGIONAL,
    "local authority": Level.LOCAL_AUTHORITY,
}
PERSONS = "persons"


class DataRefused(Exception):
    """A file the loader does not understand; the message names the file and the problem."""


@dataclass(frozen=True)
class FigureRow:
    measure: str
    level: str
    area_code: str
    area_name: str
    region_code: str
    period: str
    numerator: int | None
    denominator: int | None
    value: float | None
    value_published: bool
    source_file: str
    release: str


@dataclass(frozen=True)
class AreaRow:
    """A local authority as a file names it: DfE number, ONS code, name, region."""

    code: str
    gss_code: str
    name: str
    region: str


@dataclass(frozen=True)
class NeighbourRow:
    edition: int
    la_code: str
    rank: int
    neighbour_code: str
    neighbour_name: str
    closeness: str


@dataclass(frozen=True)
class PopulationRow:
    level: str
    area_code: str
    year: int
    age: int
    population: int


@dataclass
class Loaded:
    """Everything read from the files, and which files they were."""

    figures: list[FigureRow] = field(default_factory=list)
    areas: dict[str, AreaRow] = field(default_factory=dict)
    neighbours: list[NeighbourRow] = field(default_factory=list)
    population: list[PopulationRow] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def read_all(data: Path, only: set[str] | None = None) -> Loaded:
    """Read the chosen subsets (all of them by default) from the data folder."""
    unknown = (only or set()) - set(SUBSETS)
    if unknown:
        choices = ", ".join(SUBSETS)
        raise DataRefused(f"Unknown subsets: {', '.join(sorted(unknown))}. Choose from: {choices}")
    wanted = only or set(SUBSETS)
    loaded = Loaded()
    for spec in FIGURE_FILES:
        if spec.key in wanted:
            _read_figures(data / spec.path, spec, loaded)
    if "neighbours" in wanted:
        for path in sorted((data / NEIGHBOUR_FOLDER).glob("statistical_neighbours_*.csv")):
            _read_neighbours(path, loaded)
    if "population" in wanted:
        _read_population(data / POPULATION_FILE, loaded)
    return loaded


def _rows(path: Path, required: set[str], ignored: Iterable[str]) -> Iterator[dict[str, str]]:
    """The file's rows, keyed by lower-case column name, once its header is checked: every
    `required` column is there, and every other column is one of `ignored`."""
    if not path.exists():
        raise DataRefused(f"{path.name} was not found at {path}")
    with _open(path) as handle:
        reader = csv.reader(handle)
        header = [name.strip().lower() for name in next(reader, [])]
        _check_header(path, header, required, ignored)
        for line, values in enumerate(reader, start=2):
            if len(values) != len(header):
                raise DataRefused(
                    f"{path.name} line {line} has {len(values)} values for {len(header)} columns"
                )
            yield dict(zip(header, values, strict=True))


def _check_header(
    path: Path, header: list[str], required: set[str], ignored: Iterable[str]
) -> None:
    needed = {c.lower() for c in required}
    known = needed | {c.lower() for c in ignored}
    missing = sorted(needed - set(header))
    unknown = list(dict.fromkeys(c for c in header if c not in known))  # in the file's order
    problems = []
    if missing:
        problems.append(f"is missing the columns: {', '.join(missing)}")
    if unknown:
        also = "also " if missing else ""
        problems.append(f"{also}has columns Thrive does not know: {', '.join(unknown)}")
    if problems:
        raise DataRefused(f"{path.name} {'; it '.join(problems)}")


def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def _number(text: str) -> float | None:
    text = text.strip().replace(",", "")
    if text.lower() in MISSING:
        return None
    try:
        return float(text)
    except ValueError:
        raise DataRefused(f"{text!r} is not a number") from None


def _whole(row: dict[str, str], column: str | None) -> int | None:
    number = _number(row[column.lower()]) if column else None
    return None if number is None else round(number)


def _level(row: dict[str, str], path: Path) -> str:
    level = LEVELS.get(row["geographic_level"].strip().lower())
    if level is None:
        raise DataRefused(
            f"{path.name} has an unknown geographic_level {row['geographic_level']!r}"
        )
    return level


def _read_figures(path: Path, spec: FileSpec, loaded: Loaded) -> None:
    loaded.files.append(spec.path)
    for row in _rows(path, spec.required(), spec.ignored):
        if spec.headline and row["breakdown_topic"].strip() != spec.headline:
            continue
        level = _level(row, path)
        area_code, area_name = _area(row, level)
        if level == Level.LOCAL_AUTHORITY:
            _remember_area(loaded, row, release=spec.release)
        for figure in spec.figures:
            loaded.figures.append(
                _figure(row, figure, spec, level=level, area=(area_code, area_name), path=path)
            )


def _area(row: dict[str, str], level: str) -> tuple[str, str]:
    if level == Level.NATIONAL:
        return row["country_code"], "England"
    if level == Level.REGIONAL:
        return row["region_code"], row["region_name"]
    return row["old_la_code"], row["la_name"]


def _remember_area(loaded: Loaded, row: dict[str, str], *, release: str) -> None:
    """Keep each LA's details, the newest release's winning (names and codes change)."""
    code = row["old_la_code"]
    if code in loaded.areas and release < "2025":
        return
    loaded.areas[code] = AreaRow(code, row["new_la_code"], row["la_name"], row["region_name"])


def _figure(
    row: dict[str, str],
    figure: FigureSpec,
    spec: FileSpec,
    *,
    level: str,
    area: tuple[str, str],
    path: Path,
) -> FigureRow:
    numerator = _whole(row, figure.numerator)
    denominator = _whole(row, figure.denominator)
    if denominator is None and figure.denominator_parts:
        parts = [_whole(row, part) for part in figure.denominator_parts]
        denominator = None if None in parts else sum(p for p in parts if p is not None)
    value = _number(row[figure.value.lower()]) if figure.value else None
    published = value is not None
    if value is None and numerator is not None and denominator:
        value = round(100 * numerator / denominator, 1)  # DfE publishes one decimal place
    return FigureRow(
        measure=figure.measure,
        level=level,
        area_code=area[0],
        area_name=area[1],
        region_code=row["region_code"] if level == Level.LOCAL_AUTHORITY else "",
        period=row["time_period"].strip(),
        numerator=numerator,
        denominator=denominator,
        value=value,
        value_published=published,
        source_file=path.name,
        release=spec.release,
    )


def _read_neighbours(path: Path, loaded: Loaded) -> None:
    match = NEIGHBOUR_FILE.fullmatch(path.name)
    if match is None:
        return
    loaded.files.append(f"{NEIGHBOUR_FOLDER}/{path.name}")
    edition = int(match.group(1))
    for row in _rows(path, NEIGHBOUR_COLUMNS, NEIGHBOUR_IGNORED):
        loaded.neighbours.append(
            NeighbourRow(
                edition=edition,
                la_code=row["la_code"].strip(),
                rank=int(row["rank"]),
                neighbour_code=row["neighbour_la_code"].strip(),
                neighbour_name=row["neighbour_la_name"].strip(),
                closeness=row["closeness"].strip(),
            )
        )


def _read_population(path: Path, loaded: Loaded) -> None:
    loaded.files.append(POPULATION_FILE)
    for row in _rows(path, POPULATION_COLUMNS, POPULATION_IGNORED):
        if row["sex"].strip().lower() != PERSONS:
            raise DataRefused(
                f"{path.name} has a row for sex {row['sex']!r}: Thrive reads persons only"
            )
        level = _level(row, path)
        code = row["old_la_code"] if level == Level.LOCAL_AUTHORITY else row["la_code"]
        count = _whole(row, "population")
        if count is None:
            continue
        loaded.population.append(
            PopulationRow(level, code.strip(), int(row["year"]), int(row["age"]), count)
        )
