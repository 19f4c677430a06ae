"""Projected cost: Σ count × uplifted unit cost, aggregated within each simulation."""

import numpy as np
import pytest

from thrive.forecasting.model.costs import cost_tables, unit_costs_by_year
from thrive.forecasting.model.simulate import Simulation
from thrive.forecasting.model.states import StateSpace
from thrive.forecasting.space import default_space

SPACE = StateSpace(("ASD", "SEMH"), ("MMS", "MSS"))
UNIT = np.array([[1000.0, 5000.0], [2000.0, 8000.0]])
UPLIFT = np.array([[10.0, 0.0], [0.0, 50.0]])


def simulation(counts: np.ndarray, first_year: int = 2025) -> Simulation:
    sims, years = counts.shape[:2]
    zeros = np.zeros((sims, years - 1, counts.shape[2]), dtype=np.int32)
    return Simulation(
        first_year=first_year,
        counts=counts.astype(np.int32),
        joiners=zeros,
        leavers=zeros,
        movers=np.zeros((sims, years - 1), dtype=np.int32),
    )


def test_uplift_compounds_from_the_price_year() -> None:
    rates = unit_costs_by_year(UNIT, UPLIFT, 2025, [2024, 2025, 2027])
    assert rates[1].tolist() == UNIT.tolist()
    assert rates[2, 0, 0] == pytest.approx(1000 * 1.1**2)  # 1,210
    assert rates[2, 1, 1] == pytest.approx(8000 * 1.5**2)  # 18,000
    assert rates[2, 0, 1] == 5000
    assert rates[0, 1, 1] == pytest.approx(8000 / 1.5)


def test_hand_worked_costs() -> None:
    # Two simulations, Januaries 2025 and 2026, price year 2025.
    counts = np.zeros((2, 2, *SPACE.shape), dtype=np.int64)
    five, twelve = SPACE.ncy_index(5), SPACE.ncy_index(12)
    counts[0, 0, five, 0, 0] = 2  # 2 ASD in MMS, NCY 5: 2 × 1,000
    counts[0, 0, twelve, 1, 1] = 1  # 1 SEMH in MSS, NCY 12: 8,000
    counts[0, 1, five, 0, 0] = 3  # 2026: 3 × 1,100
    counts[0, 1, twelve, 1, 1] = 2  # 2026: 2 × 12,000
    counts[1, 0, five, 1, 0] = 1  # 2,000
    counts[1, 1, five, 1, 0] = 1  # no uplift: 2,000
    tables = cost_tables(simulation(counts), SPACE, UNIT, UPLIFT, 2025)
    assert set(tables) == {"total", "age_band", "setting"}  # no DSG: settings aren't categories
    total = tables["total"]
    assert total.labels == ("All",)
    # Totals: simulation 0: 10,000 then 27,300; simulation 1: 2,000 then 2,000.
    np.testing.assert_allclose(total.mean[:, 0], [6000, 14650])
    np.testing.assert_allclose(total.quantiles[:, 1, 0].min(), 2000 + 0.025 * 25300)
    setting = tables["setting"]
    assert setting.labels == ("MMS", "MSS")
    np.testing.assert_allclose(setting.mean[1], [(3300 + 2000) / 2, 24000 / 2])
    age = tables["age_band"]
    assert age.labels[1:4] == ("5 to 10", "11 to 15", "16 to 19")
    np.testing.assert_allclose(age.mean[0], [0, 2000, 0, 4000, 0])


def test_totals_equal_the_sum_of_the_breakdowns_in_every_simulation() -> None:
    space = default_space()
    rng = np.random.default_rng(3)
    counts = rng.poisson(0.5, size=(200, 4, *space.shape)) * space.valid
    unit = rng.uniform(5000, 60000, size=space.shape[1:])
    uplift = rng.uniform(0, 5, size=space.shape[1:])
    tables = cost_tables(simulation(counts, 2026), space, unit, uplift, 2025)
    total = tables["total"].mean[:, 0]
    for name in ("dsg_category", "age_band", "setting"):
        np.testing.assert_allclose(tables[name].mean.sum(axis=1), total, err_msg=name)
    assert tables["dsg_category"].labels[1] == "resourced_provision"
    assert (tables["dsg_category"].quantiles[:, :, 1] == 0).all()
    # Quantiles are of per-simulation totals, not sums of the breakdowns' quantiles.
    assert not np.allclose(tables["setting"].median.sum(axis=1), tables["total"].median[:, 0])


def test_refuses_unit_costs_of_the_wrong_shape() -> None:
    counts = np.zeros((1, 1, *SPACE.shape), dtype=np.int64)
    with pytest.raises(ValueError, match="shape"):
        cost_tables(simulation(counts), SPACE, np.ones((3, 2)), 0.0, 2025)
    with pytest.raises(ValueError, match="uplift"):
        cost_tables(simulation(counts), SPACE, UNIT, np.ones(3), 2025)
