"""Sufficiency: places needed by category and locality against capacity, by year."""

import numpy as np
import pytest

from thrive.forecasting.inputs import CapacityChange
from thrive.forecasting.model.places import (
    ALL_LOCALITIES,
    capacity_by_year,
    places_needed,
)
from thrive.forecasting.model.simulate import Simulation
from thrive.forecasting.model.states import StateSpace

SPACE = StateSpace(("ASD", "SEMH"), ("mainstream", "special_state", "other"))


def simulation(by_setting: list[list[list[int]]]) -> Simulation:
    """(simulation, year, setting) counts, all placed at NCY 5 with need ASD."""
    per = np.asarray(by_setting)
    sims, years = per.shape[:2]
    counts = np.zeros((sims, years, *SPACE.shape), dtype=np.int32)
    counts[:, :, SPACE.ncy_index(5), 0, :] = per
    zeros = np.zeros((sims, years - 1, SPACE.n_ncy), dtype=np.int32)
    return Simulation(2026, counts, zeros, zeros, np.zeros((sims, years - 1), dtype=np.int32))


def test_apportions_each_simulation_before_taking_quantiles() -> None:
    # Special school counts in three simulations: 100, 200, 300 (2026) and 120, 240, 360 (2027).
    sim = simulation(
        [[[0, 100, 0], [0, 120, 0]], [[0, 200, 0], [0, 240, 0]], [[0, 300, 0], [0, 360, 0]]]
    )
    shares = {"special_state": {"North": 0.25, "South": 0.75}}
    capacity = {("special_state", "North", 2026): 40, ("special_state", "South", 2027): 200}
    rows = places_needed(sim, SPACE, shares, capacity)
    got = {(r.year, r.category, r.locality): r for r in rows}
    north = got[(2026, "special_state", "North")]
    assert north.needed_median == 50
    assert north.needed_high_80 == pytest.approx(50 + 0.8 * 25)  # 90th percentile of 25, 50, 75
    assert north.capacity == 40
    assert north.gap_median == 10
    south = got[(2027, "special_state", "South")]
    assert south.needed_median == 180
    assert south.capacity == 200
    assert south.gap_median == -20
    assert got[(2027, "special_state", "North")].capacity == 0


def test_every_category_is_listed_even_without_capacity() -> None:
    sim = simulation([[[5, 7, 3]], [[6, 8, 2]]])
    rows = places_needed(sim, SPACE, {"mainstream": {"East": 1.0}}, {})
    assert [(r.category, r.locality) for r in rows] == [
        ("mainstream", "East"),
        ("special_state", ALL_LOCALITIES),
        ("other", ALL_LOCALITIES),
    ]
    assert rows[1].capacity == 0
    assert rows[1].gap_median == rows[1].needed_median == 7.5


def test_a_locality_with_capacity_but_no_share_needs_nothing() -> None:
    sim = simulation([[[0, 10, 0]]])
    rows = places_needed(
        sim, SPACE, {"special_state": {"North": 1.0}}, {("special_state", "West", 2026): 30}
    )
    west = next(r for r in rows if r.locality == "West")
    assert (west.needed_median, west.capacity, west.gap_median) == (0, 30, -30)


def test_refuses_shares_that_do_not_add_up() -> None:
    sim = simulation([[[1, 1, 1]]])
    with pytest.raises(ValueError, match="add up to 1"):
        places_needed(sim, SPACE, {"mainstream": {"A": 0.5, "B": 0.4}}, {})
    with pytest.raises(ValueError, match="negative"):
        places_needed(sim, SPACE, {"mainstream": {"A": 1.5, "B": -0.5}}, {})


SETTINGS = [
    (1, "special_state", "North", 100),
    (2, "special_state", "North", 50),
    (3, "special_state", "South", 80),
]


def test_capacity_without_changes_is_the_same_every_year() -> None:
    cap = capacity_by_year(SETTINGS, (), [2026, 2027])
    assert cap == {
        ("special_state", "North", 2026): 150,
        ("special_state", "South", 2026): 80,
        ("special_state", "North", 2027): 150,
        ("special_state", "South", 2027): 80,
    }


def test_openings_and_closures_apply_from_their_year() -> None:
    changes = (
        CapacityChange("close", 2028, setting_id=2),
        CapacityChange(
            "open", 2027, name="New school", category="special_state", locality="South", places=60
        ),
        CapacityChange(
            "open", 2028, name="Hub", category="special_independent", locality="East", places=12
        ),
    )
    cap = capacity_by_year(SETTINGS, changes, range(2026, 2030))
    assert [cap[("special_state", "North", y)] for y in range(2026, 2030)] == [150, 150, 100, 100]
    assert [cap[("special_state", "South", y)] for y in range(2026, 2030)] == [80, 140, 140, 140]
    assert [cap[("special_independent", "East", y)] for y in range(2026, 2030)] == [0, 0, 12, 12]


def test_closing_every_setting_in_a_locality_leaves_it_at_zero() -> None:
    changes = (CapacityChange("close", 2027, setting_id=3),)
    cap = capacity_by_year(SETTINGS, changes, [2026, 2027])
    assert cap[("special_state", "South", 2026)] == 80
    assert cap[("special_state", "South", 2027)] == 0


def test_refuses_to_close_a_setting_not_recorded() -> None:
    with pytest.raises(ValueError, match="id 9"):
        capacity_by_year(SETTINGS, (CapacityChange("close", 2027, setting_id=9),), [2027])
