"""States (NCY, need, setting) and transitions between two consecutive January snapshots.

NCY runs from -4 (nursery) to 20; needs and settings are coded as indexes into the
``StateSpace``'s tuples. ``NONSEND`` (-1) marks a missing side of a transition."""

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

NCY_MIN = -4
NCY_MAX = 20
NONSEND = -1

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class StateSpace:
    """Needs, settings and which (NCY, need, setting) states are valid.

    ``valid`` has shape (n_ncy, n_need, n_setting); ``moves_allowed`` has one flag per setting
    (may children move out of it). Defaults: every state valid, every setting allows moves."""

    needs: tuple[str, ...]
    settings: tuple[str, ...]
    ncy_min: int = NCY_MIN
    ncy_max: int = NCY_MAX
    valid: BoolArray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    moves_allowed: BoolArray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def __post_init__(self) -> None:
        if self.valid.size == 0:
            object.__setattr__(self, "valid", np.ones(self.shape, dtype=bool))
        if self.moves_allowed.size == 0:
            object.__setattr__(self, "moves_allowed", np.ones(len(self.settings), dtype=bool))
        if self.valid.shape != self.shape:
            raise ValueError(f"valid has shape {self.valid.shape}, expected {self.shape}")
        if self.moves_allowed.shape != (len(self.settings),):
            raise ValueError("moves_allowed needs one flag per setting")

    @property
    def n_ncy(self) -> int:
        return self.ncy_max - self.ncy_min + 1

    @property
    def shape(self) -> tuple[int, int, int]:
        return (self.n_ncy, len(self.needs), len(self.settings))

    @property
    def ncys(self) -> IntArray:
        return np.arange(self.ncy_min, self.ncy_max + 1, dtype=np.int64)

    def ncy_index(self, ncy: IntArray | int) -> IntArray:
        return np.asarray(ncy, dtype=np.int64) - self.ncy_min

    def need_codes(self, labels: Sequence[str]) -> IntArray:
        """Need labels → codes (indexes into ``needs``); an unknown label is an error."""
        return _codes(self.needs, labels, "need")

    def setting_codes(self, labels: Sequence[str]) -> IntArray:
        """Setting labels → codes (indexes into ``settings``); an unknown label is an error."""
        return _codes(self.settings, labels, "setting")

    def snapshot(
        self,
        year: int,
        child: Sequence[int],
        ncy: Sequence[int],
        need: Sequence[str],
        setting: Sequence[str],
    ) -> "Snapshot":
        """A snapshot from labels; NCYs outside the space's range are an error."""
        ncys = np.asarray(ncy, dtype=np.int64)
        outside = (ncys < self.ncy_min) | (ncys > self.ncy_max)
        if outside.any():
            raise ValueError(f"NCY outside {self.ncy_min}..{self.ncy_max}: {ncys[outside][0]}")
        return Snapshot(
            year,
            np.asarray(child, dtype=np.int64),
            ncys,
            self.need_codes(need),
            self.setting_codes(setting),
        )


def _codes(known: tuple[str, ...], labels: Sequence[str], what: str) -> IntArray:
    index = {label: i for i, label in enumerate(known)}
    try:
        return np.array([index[label] for label in labels], dtype=np.int64)
    except KeyError as error:
        raise ValueError(f"unknown {what}: {error.args[0]}") from None


@dataclass(frozen=True)
class Snapshot:
    """Everyone with a plan on one January census day: parallel arrays of codes."""

    year: int
    child: IntArray
    ncy: IntArray
    need: IntArray
    setting: IntArray

    def __post_init__(self) -> None:
        n = len(self.child)
        if not all(len(a) == n for a in (self.ncy, self.need, self.setting)):
            raise ValueError("snapshot arrays differ in length")
        if len(np.unique(self.child)) != n:
            raise ValueError("a child appears twice in one snapshot")

    def counts(self, space: StateSpace) -> IntArray:
        """Children per state, shape ``space.shape``."""
        out = np.zeros(space.shape, dtype=np.int64)
        np.add.at(out, (space.ncy_index(self.ncy), self.need, self.setting), 1)
        return out


@dataclass(frozen=True)
class Transitions:
    """One row per child between two snapshots; NONSEND (-1) on a missing side.

    ``year`` is the calendar year of the second snapshot."""

    year: int
    ncy1: IntArray
    need1: IntArray
    setting1: IntArray
    ncy2: IntArray
    need2: IntArray
    setting2: IntArray

    @property
    def joiner(self) -> BoolArray:
        return np.asarray(self.setting1 == NONSEND, dtype=bool)

    @property
    def leaver(self) -> BoolArray:
        return np.asarray(self.setting2 == NONSEND, dtype=bool)

    @property
    def present(self) -> BoolArray:
        return np.asarray((self.setting1 != NONSEND) & (self.setting2 != NONSEND), dtype=bool)

    @property
    def mover(self) -> BoolArray:
        return np.asarray(self.present & (self.setting1 != self.setting2), dtype=bool)

    @property
    def stayer(self) -> BoolArray:
        return np.asarray(self.present & (self.setting1 == self.setting2), dtype=bool)


def transitions(before: Snapshot, after: Snapshot) -> Transitions:
    """Pair two consecutive snapshots by child. Leavers keep their NCY on side 1 and get
    NONSEND on side 2 (and joiners the reverse). Children on both sides whose NCY did not rise
    by exactly one (repeats and skips) are dropped. A change of need alone is not modelled:
    a child present on both sides keeps the need they had in the first snapshot."""
    in_both, i1, i2 = np.intersect1d(before.child, after.child, return_indices=True)
    del in_both
    left = np.setdiff1d(np.arange(len(before.child)), i1)
    joined = np.setdiff1d(np.arange(len(after.child)), i2)
    steady = after.ncy[i2] == before.ncy[i1] + 1
    i1, i2 = i1[steady], i2[steady]
    none_l = np.full(len(left), NONSEND, dtype=np.int64)
    none_j = np.full(len(joined), NONSEND, dtype=np.int64)
    return Transitions(
        year=after.year,
        ncy1=np.concatenate([before.ncy[i1], before.ncy[left], none_j]),
        need1=np.concatenate([before.need[i1], before.need[left], none_j]),
        setting1=np.concatenate([before.setting[i1], before.setting[left], none_j]),
        ncy2=np.concatenate([after.ncy[i2], none_l, after.ncy[joined]]),
        need2=np.concatenate([before.need[i1], none_l, after.need[joined]]),
        setting2=np.concatenate([after.setting[i2], none_l, after.setting[joined]]),
    )
