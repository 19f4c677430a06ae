"""witan.send's input files, read and written, so a council can take its history from Thrive to
witan.send and back (forecasting.md, "Inputs in witan.send form"). Pure Python: no Django.

- ``transitions.csv``: ``calendar-year, setting-1, need-1, academic-year-1, setting-2, need-2,
  academic-year-2``. witan's calendar year is the year of the *first* January (a joiner "for
  2016" joined between January 2016 and January 2017), so its rows for calendar year C are
  Thrive's ``Transitions`` for the year C + 1. A missing side is ``NONSEND`` in both setting and
  need, with its academic year still one step from the other side's.
- ``population.csv``: see ``model.population.read_population_csv`` (calendar-year C read as
  January C + 1, the January whose joiners witan.send divides by it).
- ``costs.csv``: ``need, setting, cost`` (pounds a year).
- ``valid-states.csv``: ``setting, setting-group, min-academic-year, max-academic-year, needs,
  setting->setting`` (``needs`` and ``setting->setting`` are comma-separated lists). Thrive keeps
  whether children may move out of a setting but not which destinations: a mover may go to any
  setting valid at their next NCY.

Problems are collected for the whole file and raised together, one line per row ("Row 5: ..."),
rows counted from the header (row 1)."""

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .categories import DSG_CATEGORY_OF
from .model.population import WITAN_YEAR_OFFSET
from .model.states import NONSEND as NONE_CODE
from .model.states import IntArray, StateSpace, Transitions

FloatArray = npt.NDArray[np.float64]
NONSEND = "NONSEND"
TRANSITION_COLUMNS = (
    "calendar-year",
    "setting-1",
    "need-1",
    "academic-year-1",
    "setting-2",
    "need-2",
    "academic-year-2",
)
COST_COLUMNS = ("need", "setting", "cost")
VALID_STATE_COLUMNS = (
    "setting",
    "setting-group",
    "min-academic-year",
    "max-academic-year",
    "needs",
)
MOVES_COLUMN = "setting->setting"


class WitanFileError(ValueError):
    """Every problem found in a witan.send file, one line each."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class WitanHistory:
    """A transitions file read: the state space, one ``Transitions`` per year (Thrive's year:
    the second January), the children in each state in the last January (``start``), and how
    many rows were left out because the NCY did not rise by exactly one (``dropped``) or was
    outside the valid states' NCYs (``outside``)."""

    space: StateSpace
    transitions: tuple[Transitions, ...]
    start: IntArray
    base_year: int
    dropped: int
    outside: int


@dataclass(frozen=True)
class _Row:
    number: int
    year: int
    setting1: str
    need1: str
    ncy1: int
    setting2: str
    need2: str
    ncy2: int


def _rows(text: str, columns: Sequence[str], name: str) -> list[tuple[int, dict[str, str]]]:
    """(row number, {column: stripped cell}) for each non-blank row; the header must hold
    ``columns``."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in columns if c not in header]
    if missing:
        raise WitanFileError([f"Row 1: {name} has no column {', '.join(missing)}"])
    out = []
    for number, cells in enumerate(reader, start=2):
        if any(c.strip() for c in cells):
            padded = [*cells, *[""] * (len(header) - len(cells))]
            out.append((number, {h: padded[i].strip() for i, h in enumerate(header)}))
    if not out:
        raise WitanFileError([f"{name} has no rows"])
    return out


def _int(value: str) -> int | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def _transition_row(number: int, cells: Mapping[str, str], errors: list[str]) -> _Row | None:
    found = len(errors)
    year, ncy1, ncy2 = (
        _int(cells[c]) for c in ("calendar-year", "academic-year-1", "academic-year-2")
    )
    for column, value in (
        ("calendar-year", year),
        ("academic-year-1", ncy1),
        ("academic-year-2", ncy2),
    ):
        if value is None:
            errors.append(f"Row {number}: {column} must be a whole number")
    for side in ("1", "2"):
        setting, need = cells[f"setting-{side}"], cells[f"need-{side}"]
        if not setting or not need:
            errors.append(f"Row {number}: setting-{side} and need-{side} must both be given")
        elif (setting == NONSEND) != (need == NONSEND):
            errors.append(f"Row {number}: setting-{side} and need-{side} must both be {NONSEND}")
    if cells["setting-1"] == NONSEND and cells["setting-2"] == NONSEND:
        errors.append(f"Row {number}: both sides are {NONSEND}")
    if len(errors) > found or year is None or ncy1 is None or ncy2 is None:
        return None
    return _Row(
        number,
        year,
        cells["setting-1"],
        cells["need-1"],
        ncy1,
        cells["setting-2"],
        cells["need-2"],
        ncy2,
    )


def read_transitions(text: str, valid_states: str | None = None) -> WitanHistory:
    """Read ``transitions.csv`` (and ``valid-states.csv`` when given). Without valid states,
    needs and settings are the labels found (sorted), every state is valid and the NCYs run
    from the lowest to the highest found. With them, the space is the valid states' and a label
    they do not name is an error."""
    errors: list[str] = []
    rows = [
        row
        for number, cells in _rows(text, TRANSITION_COLUMNS, "transitions.csv")
        if (row := _transition_row(number, cells, errors))
    ]
    if errors:
        raise WitanFileError(errors)
    space = _space_found(rows) if valid_states is None else read_valid_states(valid_states, (), ())
    _check_labels(rows, space)
    steady = [r for r in rows if r.ncy2 == r.ncy1 + 1]
    inside = [r for r in steady if _inside(r, space)]
    by_year: dict[int, list[_Row]] = {}
    for r in inside:
        by_year.setdefault(r.year + 1, []).append(r)
    if not by_year:
        raise WitanFileError(["transitions.csv has no usable rows where the NCY rises by one"])
    base_year = max(r.year for r in rows) + 1
    return WitanHistory(
        space=space,
        transitions=tuple(_transitions(year, by_year[year], space) for year in sorted(by_year)),
        start=_start([r for r in rows if r.year + 1 == base_year], space),
        base_year=base_year,
        dropped=len(rows) - len(steady),
        outside=len(steady) - len(inside),
    )


def _start(rows: Sequence[_Row], space: StateSpace) -> IntArray:
    """Children per state in the last January: the second side of its year's rows (a child
    repeating or skipping a year is still there)."""
    start = np.zeros(space.shape, dtype=np.int64)
    for r in rows:
        if r.setting2 != NONSEND and space.ncy_min <= r.ncy2 <= space.ncy_max:
            at = (r.ncy2 - space.ncy_min, space.needs.index(r.need2))
            start[(*at, space.settings.index(r.setting2))] += 1
    return start


def _space_found(rows: Sequence[_Row]) -> StateSpace:
    needs = sorted({n for r in rows for n in (r.need1, r.need2)} - {NONSEND})
    settings = sorted({s for r in rows for s in (r.setting1, r.setting2)} - {NONSEND})
    ncys = [r.ncy1 for r in rows if r.setting1 != NONSEND]
    ncys += [r.ncy2 for r in rows if r.setting2 != NONSEND]
    return StateSpace(tuple(needs), tuple(settings), ncy_min=min(ncys), ncy_max=max(ncys))


def _check_labels(rows: Sequence[_Row], space: StateSpace) -> None:
    errors = []
    for r in rows:
        for what, label, known in (
            ("setting-1", r.setting1, space.settings),
            ("need-1", r.need1, space.needs),
            ("setting-2", r.setting2, space.settings),
            ("need-2", r.need2, space.needs),
        ):
            if label != NONSEND and label not in known:
                errors.append(f"Row {r.number}: {what} {label} is not in valid-states.csv")
    if errors:
        raise WitanFileError(errors)


def _inside(r: _Row, space: StateSpace) -> bool:
    sides = [(r.setting1, r.ncy1), (r.setting2, r.ncy2)]
    return all(space.ncy_min <= ncy <= space.ncy_max for s, ncy in sides if s != NONSEND)


def _transitions(year: int, rows: Sequence[_Row], space: StateSpace) -> Transitions:
    def codes(labels: list[str], known: tuple[str, ...]) -> IntArray:
        index = {label: i for i, label in enumerate(known)}
        return np.array([index.get(label, NONE_CODE) for label in labels], dtype=np.int64)

    def ncys(values: list[int], settings: list[str]) -> IntArray:
        return np.array(
            [NONE_CODE if s == NONSEND else v for v, s in zip(values, settings, strict=True)],
            dtype=np.int64,
        )

    s1, s2 = [r.setting1 for r in rows], [r.setting2 for r in rows]
    return Transitions(
        year=year,
        ncy1=ncys([r.ncy1 for r in rows], s1),
        need1=codes([r.need1 for r in rows], space.needs),
        setting1=codes(s1, space.settings),
        ncy2=ncys([r.ncy2 for r in rows], s2),
        need2=codes([r.need2 for r in rows], space.needs),
        setting2=codes(s2, space.settings),
    )


def read_valid_states(text: str, needs: Sequence[str], settings: Sequence[str]) -> StateSpace:
    """The state space of ``valid-states.csv``: ``needs`` and ``settings`` first (in that
    order), then any others the file names in the order it names them. A setting given but
    without a row is an error. NCYs run from the lowest minimum to the highest maximum."""
    errors: list[str] = []
    parsed: list[tuple[str, int, int, list[str], list[str] | None]] = []
    seen: set[str] = set()
    for number, cells in _rows(text, VALID_STATE_COLUMNS, "valid-states.csv"):
        setting = cells["setting"]
        low, high = _int(cells["min-academic-year"]), _int(cells["max-academic-year"])
        row_needs = _list(cells["needs"])
        if not setting:
            errors.append(f"Row {number}: setting is empty")
        elif setting in seen:
            errors.append(f"Row {number}: a second row for setting {setting}")
        if low is None or high is None or low > high:
            errors.append(
                f"Row {number}: min-academic-year and max-academic-year must be whole numbers, "
                "the minimum no more than the maximum"
            )
        if not row_needs:
            errors.append(f"Row {number}: needs is empty")
        if setting and low is not None and high is not None and row_needs and low <= high:
            moves = _list(cells[MOVES_COLUMN]) if MOVES_COLUMN in cells else None
            parsed.append((setting, low, high, row_needs, moves))
        seen.add(setting)
    missing = [s for s in settings if s not in seen]
    if missing:
        errors.append(f"valid-states.csv has no row for setting {', '.join(missing)}")
    if errors:
        raise WitanFileError(errors)
    all_needs = _ordered([*needs, *(n for row in parsed for n in row[3])])
    all_settings = _ordered([*settings, *(row[0] for row in parsed)])
    ncy_min = min(row[1] for row in parsed)
    ncy_max = max(row[2] for row in parsed)
    valid = np.zeros((ncy_max - ncy_min + 1, len(all_needs), len(all_settings)), dtype=bool)
    moves_allowed = np.ones(len(all_settings), dtype=bool)
    for setting, low, high, row_needs, moves in parsed:
        s = all_settings.index(setting)
        for need in row_needs:
            valid[low - ncy_min : high - ncy_min + 1, all_needs.index(need), s] = True
        if moves is not None:
            moves_allowed[s] = any(m != setting for m in moves)
    return StateSpace(
        tuple(all_needs),
        tuple(all_settings),
        ncy_min=ncy_min,
        ncy_max=ncy_max,
        valid=valid,
        moves_allowed=moves_allowed,
    )


def _list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(",") if item.strip()]


def _ordered(labels: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(labels))


def read_costs(text: str) -> dict[tuple[str, str], float]:
    """``costs.csv`` → (need, setting) → pounds a year."""
    errors: list[str] = []
    out: dict[tuple[str, str], float] = {}
    for number, cells in _rows(text, COST_COLUMNS, "costs.csv"):
        key = (cells["need"], cells["setting"])
        try:
            cost = float(cells["cost"])
        except ValueError:
            cost = -1.0
        if not all(key):
            errors.append(f"Row {number}: need and setting must both be given")
        elif key in out:
            errors.append(f"Row {number}: a second cost for {key[0]} in {key[1]}")
        if not np.isfinite(cost) or cost < 0:
            errors.append(f"Row {number}: cost must be a number of pounds, 0 or more")
        out[key] = cost
    if errors:
        raise WitanFileError(errors)
    return out


def cost_array(costs: Mapping[tuple[str, str], float], space: StateSpace) -> FloatArray:
    """(need, setting) pounds for the space; a pair without a cost costs 0 and pairs the space
    does not know are ignored."""
    out = np.zeros(space.shape[1:], dtype=np.float64)
    for (need, setting), cost in costs.items():
        if need in space.needs and setting in space.settings:
            out[space.needs.index(need), space.settings.index(setting)] = cost
    return out


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_transitions(history: Sequence[Transitions], space: StateSpace) -> str:
    """Thrive's transitions as ``transitions.csv`` (calendar year = Thrive's year - 1)."""
    rows: list[tuple[object, ...]] = []
    for t in history:
        for i in range(len(t.ncy1)):
            joiner, leaver = t.setting1[i] == NONE_CODE, t.setting2[i] == NONE_CODE
            ncy1 = int(t.ncy2[i]) - 1 if joiner else int(t.ncy1[i])
            ncy2 = int(t.ncy1[i]) + 1 if leaver else int(t.ncy2[i])
            rows.append(
                (
                    t.year - 1,
                    NONSEND if joiner else space.settings[t.setting1[i]],
                    NONSEND if joiner else space.needs[t.need1[i]],
                    ncy1,
                    NONSEND if leaver else space.settings[t.setting2[i]],
                    NONSEND if leaver else space.needs[t.need2[i]],
                    ncy2,
                )
            )
    return _csv(TRANSITION_COLUMNS, rows)


def write_population(population: Mapping[int, npt.ArrayLike], space: StateSpace) -> str:
    """January year → population by NCY as ``population.csv`` (calendar-year = January - 1,
    the inverse of ``read_population_csv``)."""
    rows = [
        (year - WITAN_YEAR_OFFSET, int(ncy), int(count))
        for year in sorted(population)
        for ncy, count in zip(space.ncys, np.asarray(population[year]), strict=True)
    ]
    return _csv(("calendar-year", "academic-year", "population"), rows)


def write_costs(unit_cost: npt.ArrayLike, space: StateSpace) -> str:
    """(need, setting) pounds as ``costs.csv``."""
    cost = np.asarray(unit_cost, dtype=np.float64)
    if cost.shape != space.shape[1:]:
        raise ValueError(f"unit costs must have shape {space.shape[1:]}")
    rows = [
        (need, setting, _number(cost[n, s]))
        for n, need in enumerate(space.needs)
        for s, setting in enumerate(space.settings)
    ]
    return _csv(COST_COLUMNS, rows)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def write_valid_states(space: StateSpace) -> str:
    """The space as ``valid-states.csv``: per setting, the NCYs and needs valid anywhere in it
    (exact when each setting's valid NCYs are the same for all its needs, as in Thrive's
    space); setting groups are the DSG categories when the settings are Thrive's categories."""
    rows = []
    for s, setting in enumerate(space.settings):
        valid = space.valid[:, :, s]
        ncys = space.ncys[valid.any(axis=1)]
        if ncys.size == 0:
            continue
        needs = [n for i, n in enumerate(space.needs) if valid[:, i].any()]
        moves = [o for o in space.settings if o != setting] if space.moves_allowed[s] else []
        rows.append(
            (
                setting,
                DSG_CATEGORY_OF.get(setting, ""),
                int(ncys.min()),
                int(ncys.max()),
                ",".join(needs),
                ",".join(moves),
            )
        )
    return _csv((*VALID_STATE_COLUMNS, MOVES_COLUMN), rows)
