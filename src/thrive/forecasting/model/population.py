"""The general child population by NCY for each January, the model's joining denominator.

NCY n in January Y is age n + 4 at the ONS mid-year estimate of Y - 1 (age on 31 August is
NCY + 4; mid-year is 30 June, close enough). Where that mid-year has no estimate, the nearest
estimate is rolled by cohort: each age group carries forward a year older each year (ages
younger than the youngest held take the youngest's count), or back a year younger (ages older
than the oldest held take the oldest's count). No births, deaths or migration are modelled.

Also reads witan.send's ``population.csv`` (``calendar-year, academic-year, population``; its
academic year is the NCY). witan.send divides the joiners of its transition year C (between
January C and January C + 1) by the population row of calendar year C; Thrive divides the
joiners into January Y by the population of January Y. So row C is read as January C + 1,
and the same file gives the same rates in both."""

import csv
import io
from collections.abc import Mapping, Sequence

import numpy as np

from .states import IntArray, StateSpace

AGE_AT_NCY_0 = 4
COLUMNS = ("calendar-year", "academic-year", "population")
#: witan.send's population row C is the denominator of joiners into January C + 1.
WITAN_YEAR_OFFSET = 1


class PopulationFileError(ValueError):
    """Every problem found in a population file, one line each ("Row 5: ...")."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


def roll(ages: Mapping[int, int], years: int) -> dict[int, int]:
    """An estimate by age rolled ``years`` forward (or back, when negative) by cohort, over the
    same ages (which must run without gaps)."""
    youngest, oldest = min(ages), max(ages)
    if len(ages) != oldest - youngest + 1:
        raise ValueError(f"the estimate skips ages between {youngest} and {oldest}")
    return {age: int(ages[min(max(age - years, youngest), oldest)]) for age in ages}


def _nearest(available: Sequence[int], year: int) -> int:
    return min(available, key=lambda e: (abs(e - year), e))


def population_by_ncy(
    estimates: Mapping[int, Mapping[int, int]], years: Sequence[int], space: StateSpace
) -> dict[int, IntArray]:
    """January year → population by NCY (length ``space.n_ncy``) from mid-year estimates
    (mid-year → age → count)."""
    if not estimates:
        raise ValueError("no population estimates were given")
    ages = [int(n) + AGE_AT_NCY_0 for n in space.ncys]
    out: dict[int, IntArray] = {}
    available = sorted(estimates)
    for year in years:
        source = _nearest(available, year - 1)
        held = estimates[source]
        missing = [a for a in ages if a not in held]
        if missing:
            raise ValueError(
                f"the {source} mid-year estimate has no count for age {missing[0]}; "
                f"ages {ages[0]} to {ages[-1]} are needed"
            )
        rolled = roll(held, (year - 1) - source)
        out[year] = np.array([rolled[a] for a in ages], dtype=np.int64)
    return out


def _whole(value: str) -> int | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def read_population_csv(text: str, space: StateSpace) -> dict[int, IntArray]:
    """witan.send's population.csv → January year (calendar-year + 1) → population by NCY.
    Rows count from the header (row 1). NCYs outside the space's range are ignored. Every NCY
    of the space is needed for each year present, and the years must run without gaps."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in next(reader, [])]
    if not set(COLUMNS) <= set(header):
        raise PopulationFileError([f"Row 1: the columns must include {', '.join(COLUMNS)}"])
    where = [header.index(c) for c in COLUMNS]
    errors: list[str] = []
    found: dict[int, dict[int, int]] = {}
    for row_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = [row[i].strip() if i < len(row) else "" for i in where]
        year, ncy, count = (_whole(c) for c in cells)
        if year is None:
            errors.append(f"Row {row_number}: calendar-year must be a year, such as 2024")
        if ncy is None:
            errors.append(f"Row {row_number}: academic-year must be a whole number")
        if count is None or count < 0:
            errors.append(f"Row {row_number}: population must be a whole number of 0 or more")
        if year is None or ncy is None or count is None or count < 0:
            continue
        if not space.ncy_min <= ncy <= space.ncy_max:
            continue
        if ncy in found.setdefault(year, {}):
            errors.append(f"Row {row_number}: a second population for {year}, NCY {ncy}")
        found[year][ncy] = count
    errors += _completeness(found, space)
    if errors:
        raise PopulationFileError(errors)
    return {
        year + WITAN_YEAR_OFFSET: np.array([by_ncy[int(n)] for n in space.ncys], dtype=np.int64)
        for year, by_ncy in sorted(found.items())
    }


def _completeness(found: Mapping[int, Mapping[int, int]], space: StateSpace) -> list[str]:
    if not found:
        return ["The file has no population rows"]
    errors: list[str] = []
    for year, by_ncy in sorted(found.items()):
        missing = [str(n) for n in space.ncys if int(n) not in by_ncy]
        if missing:
            errors.append(f"{year}: no population for NCY {', '.join(missing)}")
    gaps = sorted(set(range(min(found), max(found) + 1)) - set(found))
    if gaps:
        errors.append(f"The years must run without gaps: no rows for {', '.join(map(str, gaps))}")
    return errors
