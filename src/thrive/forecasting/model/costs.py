"""Projected cost: Σ count × unit cost, aggregated within each simulation, then summarised.

Children counted in January Y cost the unit cost for year Y, the annual cost at the price year
uplifted by its own percentage each year: ``unit_cost * (1 + uplift_percent / 100) **
(Y - price_year)`` (earlier years are deflated the same way)."""

import numpy as np
import numpy.typing as npt

from ..categories import AGE_BANDS, DSG_CATEGORIES
from .simulate import Simulation
from .states import StateSpace
from .summarise import Table, dsg_by_age, dsg_matrix, ncy_bands, summarise_values

FloatArray = npt.NDArray[np.float64]


def unit_costs_by_year(
    unit_cost: npt.ArrayLike, uplift_percent: npt.ArrayLike, price_year: int, years: npt.ArrayLike
) -> FloatArray:
    """(year, need, setting) pounds per child counted in that January."""
    cost = np.asarray(unit_cost, dtype=np.float64)
    uplift = np.broadcast_to(np.asarray(uplift_percent, dtype=np.float64), cost.shape)
    offset = np.asarray(years, dtype=np.float64) - price_year
    return cost[None] * (1.0 + uplift[None] / 100.0) ** offset[:, None, None]


def cost_values(
    simulation: Simulation,
    space: StateSpace,
    unit_cost: npt.ArrayLike,
    uplift_percent: npt.ArrayLike,
    price_year: int,
) -> FloatArray:
    """Cost per simulation, year, NCY and setting: (simulation, year, ncy, setting)."""
    n_need, n_setting = space.shape[1:]
    cost = np.asarray(unit_cost, dtype=np.float64)
    if cost.shape != (n_need, n_setting):
        raise ValueError(f"unit costs must have shape (need, setting) = {(n_need, n_setting)}")
    if np.asarray(uplift_percent).shape not in ((), cost.shape):
        raise ValueError("uplift must be one figure or one per need and setting")
    rates = unit_costs_by_year(cost, uplift_percent, price_year, simulation.years)
    out = np.einsum("syank,ynk->syak", simulation.counts, rates, optimize=True)
    return np.asarray(out, dtype=np.float64)


def cost_tables(
    simulation: Simulation,
    space: StateSpace,
    unit_cost: npt.ArrayLike,
    uplift_percent: npt.ArrayLike,
    price_year: int,
) -> dict[str, Table]:
    """Cost tables (pounds) for the total, DSG category (when the settings are the setting
    category codes), age band and setting (labels: codes, as in ``summarise.aggregate``)."""
    values = cost_values(simulation, space, unit_cost, uplift_percent, price_year)
    by_setting = values.sum(axis=2)
    by_ncy = values.sum(axis=3)
    bands = ncy_bands(by_ncy, space.ncys, [(lo, hi) for _, _, lo, hi in AGE_BANDS])
    years = simulation.years
    out = {
        "total": summarise_values("total", ("All",), years, by_setting.sum(axis=2)[:, :, None]),
    }
    dsg = dsg_matrix(space)
    if dsg is not None:
        codes = tuple(code for code, _ in DSG_CATEGORIES)
        out["dsg_category"] = summarise_values("dsg_category", codes, years, by_setting @ dsg)
    out["age_band"] = summarise_values(
        "age_band", tuple(label for _, label, _, _ in AGE_BANDS), years, bands
    )
    out["setting"] = summarise_values("setting", space.settings, years, by_setting)
    grid = dsg_by_age(values, space)
    if grid is not None:
        out["dsg_age"] = summarise_values("dsg_age", grid[0], years, grid[1])
    return out
