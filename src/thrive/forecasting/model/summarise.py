"""Summaries of a simulation: counts by year for the total, need, setting, NCY group, age band,
DSG management plan category, NCY and state. Counts are aggregated within each simulation
first, then summarised across simulations (mean, sd, median, 50/80/95% intervals): medians and
quantiles are never summed.

Need, setting and DSG category labels are codes (the results builder maps them to words);
age bands are labelled as the DSG plan labels them ("5 to 10")."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ..categories import AGE_BANDS, DSG_CATEGORIES, DSG_CATEGORY_OF
from .simulate import Simulation
from .states import StateSpace

FloatArray = npt.NDArray[np.float64]
NCY_GROUPS: tuple[tuple[str, int, int], ...] = (
    ("<1", -4, 0),
    ("1–6", 1, 6),
    ("7–11", 7, 11),
    ("12–13", 12, 13),
    ("14+", 14, 20),
)
INTERVALS = (50, 80, 95)
_QUANTILES = np.array([0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975])


@dataclass(frozen=True)
class Table:
    """One breakdown: arrays shaped (year, label)."""

    breakdown: str
    labels: tuple[str, ...]
    years: npt.NDArray[np.int64]
    mean: FloatArray
    sd: FloatArray
    quantiles: FloatArray  # (quantile, year, label) at _QUANTILES

    @property
    def median(self) -> FloatArray:
        return np.asarray(self.quantiles[3], dtype=np.float64)

    def interval(self, width: int) -> tuple[FloatArray, FloatArray]:
        """The central ``width``% interval (50, 80 or 95) as (low, high)."""
        i = INTERVALS.index(width)
        return self.quantiles[2 - i], self.quantiles[4 + i]

    def rows(self) -> list[dict[str, object]]:
        out: list[dict[str, object]] = []
        for y, year in enumerate(self.years):
            for c, label in enumerate(self.labels):
                row: dict[str, object] = {
                    "year": int(year),
                    "breakdown": self.breakdown,
                    "label": label,
                    "mean": float(self.mean[y, c]),
                    "sd": float(self.sd[y, c]),
                    "median": float(self.median[y, c]),
                }
                for width in INTERVALS:
                    low, high = self.interval(width)
                    row[f"low_{width}"] = float(low[y, c])
                    row[f"high_{width}"] = float(high[y, c])
                out.append(row)
        return out


def ncy_bands(
    by_ncy: npt.NDArray[Any], ncys: npt.NDArray[np.int64], bands: Sequence[tuple[int, int]]
) -> npt.NDArray[Any]:
    """Sum the last axis (one entry per NCY in ``ncys``) into inclusive NCY ranges."""
    return np.stack([by_ncy[..., (ncys >= lo) & (ncys <= hi)].sum(axis=-1) for lo, hi in bands], -1)


def dsg_matrix(space: StateSpace) -> npt.NDArray[np.int64] | None:
    """(setting, DSG category) 0/1 membership, or None when the space's settings are not the
    setting category codes (a witan.send file's own settings, say)."""
    if not set(space.settings) <= set(DSG_CATEGORY_OF):
        return None
    codes = [code for code, _ in DSG_CATEGORIES]
    out = np.zeros((len(space.settings), len(codes)), dtype=np.int64)
    for s, setting in enumerate(space.settings):
        out[s, codes.index(DSG_CATEGORY_OF[setting])] = 1
    return out


def dsg_by_age(
    by_ncy_setting: npt.NDArray[Any], space: StateSpace
) -> tuple[tuple[str, ...], npt.NDArray[Any]] | None:
    """(simulation, year, ncy, setting) → labels ``"dsg|age band"`` (DSG category first, each
    with every age band) and (simulation, year, label): the DSG management plan's grid. None
    when the settings are not the setting category codes."""
    dsg = dsg_matrix(space)
    if dsg is None:
        return None
    bands = ncy_bands(
        np.moveaxis(by_ncy_setting, 2, 3), space.ncys, [(lo, hi) for _, _, lo, hi in AGE_BANDS]
    )  # (simulation, year, setting, band)
    grid = np.einsum("ytsb,sd->ytdb", bands, dsg)  # (simulation, year, dsg, band)
    labels = tuple(f"{d}|{b}" for d, _ in DSG_CATEGORIES for _, b, _, _ in AGE_BANDS)
    return labels, grid.reshape(*grid.shape[:2], -1)


def aggregate(
    simulation: Simulation, space: StateSpace
) -> dict[str, tuple[tuple[str, ...], npt.NDArray[np.int64]]]:
    """Per simulation counts for every breakdown: name → (labels, (simulation, year, label)).

    ``dsg_category`` is present only when the settings are the setting category codes."""
    counts = simulation.counts.astype(np.int64)
    ncys = space.ncys
    by_ncy = counts.sum(axis=(3, 4))
    groups = ncy_bands(by_ncy, ncys, [(lo, hi) for _, lo, hi in NCY_GROUPS])
    bands = ncy_bands(by_ncy, ncys, [(lo, hi) for _, _, lo, hi in AGE_BANDS])
    by_setting = counts.sum(axis=(2, 3))
    valid = np.flatnonzero(space.valid.ravel())
    a, n, s = np.unravel_index(valid, space.shape)
    state_labels = tuple(
        f"{ncys[i]}|{space.needs[j]}|{space.settings[k]}" for i, j, k in zip(a, n, s, strict=True)
    )
    sims, years = counts.shape[:2]
    out = {
        "total": (("All",), counts.sum(axis=(2, 3, 4))[:, :, None]),
        "need": (space.needs, counts.sum(axis=(2, 4))),
        "setting": (space.settings, by_setting),
        "ncy_group": (tuple(g[0] for g in NCY_GROUPS), groups),
        "age_band": (tuple(label for _, label, _, _ in AGE_BANDS), bands),
        "ncy": (tuple(str(x) for x in ncys), by_ncy),
        "state": (state_labels, counts.reshape(sims, years, -1)[:, :, valid]),
    }
    dsg = dsg_matrix(space)
    if dsg is not None:
        out["dsg_category"] = (tuple(code for code, _ in DSG_CATEGORIES), by_setting @ dsg)
    grid = dsg_by_age(counts.sum(axis=3), space)
    if grid is not None:
        out["dsg_age"] = grid
    return out


def summarise_values(
    breakdown: str, labels: Sequence[str], years: npt.ArrayLike, values: npt.ArrayLike
) -> Table:
    """Summarise per simulation values shaped (simulation, year, label) across simulations."""
    v = np.asarray(values, dtype=np.float64)
    if v.ndim != 3 or v.shape[2] != len(labels):
        raise ValueError("values must be shaped (simulation, year, label)")
    return Table(
        breakdown=breakdown,
        labels=tuple(labels),
        years=np.asarray(years, dtype=np.int64),
        mean=v.mean(axis=0),
        sd=v.std(axis=0, ddof=1) if v.shape[0] > 1 else np.zeros(v.shape[1:]),
        quantiles=np.quantile(v, _QUANTILES, axis=0),
    )


def summarise(simulation: Simulation, space: StateSpace) -> dict[str, Table]:
    return {
        name: summarise_values(name, labels, simulation.years, values)
        for name, (labels, values) in aggregate(simulation, space).items()
    }
