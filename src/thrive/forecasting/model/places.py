"""Sufficiency: places needed by setting category and locality against the places recorded.

Each simulation's count in a category is apportioned to localities by the shares given (where
children in that category are placed now, say) before quantiles are taken, so the median need
in a locality is a median across simulations, never a share of a median."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..inputs import CapacityChange
from .simulate import Simulation
from .states import StateSpace

#: The locality of a category for which no shares are given.
ALL_LOCALITIES = "All localities"
_SHARE_TOLERANCE = 1e-6


@dataclass(frozen=True)
class PlacesRow:
    year: int
    category: str
    locality: str
    needed_median: float
    needed_high_80: float  # the 90th percentile: the top of the central 80% interval
    capacity: int
    gap_median: float  # needed_median - capacity: above 0 means too few places
    gap_high_80: float


def _check_shares(category: str, shares: Mapping[str, float]) -> None:
    if any(share < 0 for share in shares.values()):
        raise ValueError(f"a locality share for {category} is negative")
    if abs(sum(shares.values()) - 1.0) > _SHARE_TOLERANCE:
        raise ValueError(f"the locality shares for {category} do not add up to 1")


def places_needed(
    simulation: Simulation,
    space: StateSpace,
    locality_shares: Mapping[str, Mapping[str, float]],
    capacity: Mapping[tuple[str, str, int], int],
) -> list[PlacesRow]:
    """One row per year, setting category (the space's settings, every one listed) and
    locality (those with a share or with capacity recorded). A category with no shares counts
    in ``ALL_LOCALITIES``."""
    by_setting = simulation.counts.sum(axis=(2, 3), dtype=np.int64)  # (sim, year, setting)
    rows: list[PlacesRow] = []
    for s, category in enumerate(space.settings):
        shares = dict(locality_shares.get(category) or {ALL_LOCALITIES: 1.0})
        _check_shares(category, shares)
        for key in capacity:
            if key[0] == category:
                shares.setdefault(key[1], 0.0)
        localities = sorted(shares)
        needed = by_setting[:, :, s, None] * np.array([shares[loc] for loc in localities])
        median = np.median(needed, axis=0)
        high = np.quantile(needed, 0.9, axis=0)
        for y, year in enumerate(simulation.years.tolist()):
            for c, locality in enumerate(localities):
                places = int(capacity.get((category, locality, year), 0))
                rows.append(
                    PlacesRow(
                        year=year,
                        category=category,
                        locality=locality,
                        needed_median=float(median[y, c]),
                        needed_high_80=float(high[y, c]),
                        capacity=places,
                        gap_median=float(median[y, c]) - places,
                        gap_high_80=float(high[y, c]) - places,
                    )
                )
    rows.sort(key=lambda r: (r.year, space.settings.index(r.category), r.locality))
    return rows


def capacity_by_year(
    settings: Iterable[tuple[int, str, str, int]],
    changes: Sequence[CapacityChange],
    years: Iterable[int],
) -> dict[tuple[str, str, int], int]:
    """Places by (category, locality, year) from the settings recorded, as
    (setting_id, category, locality, places), with the scenario's openings and closures applied
    from the January of their year. Every (category, locality) seen is listed every year."""
    recorded = list(settings)
    known = {setting_id for setting_id, _, _, _ in recorded}
    closes: dict[int, int] = {}
    for change in changes:
        if change.change == "close":
            if change.setting_id not in known:
                raise ValueError(f"no setting with id {change.setting_id} to close")
            closes[change.setting_id] = min(change.year, closes.get(change.setting_id, change.year))
        elif change.change != "open":
            raise ValueError(f"unknown capacity change {change.change!r}")
    places: list[tuple[str, str, int, int | None, int | None]] = [
        (category, locality, n, None, closes.get(setting_id))
        for setting_id, category, locality, n in recorded
    ]
    places += [
        (c.category, c.locality, c.places, c.year, None) for c in changes if c.change == "open"
    ]
    out: dict[tuple[str, str, int], int] = {}
    for year in years:
        for category, locality, n, opens, closes_in in places:
            key = (category, locality, year)
            open_now = (opens is None or opens <= year) and (closes_in is None or year < closes_in)
            out[key] = out.get(key, 0) + (n if open_now else 0)
    return out
