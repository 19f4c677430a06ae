"""Summaries aggregate within each simulation, then summarise across simulations."""

import numpy as np
import pytest

from thrive.forecasting.categories import DSG_CATEGORIES
from thrive.forecasting.model.simulate import Simulation
from thrive.forecasting.model.states import StateSpace
from thrive.forecasting.model.summarise import (
    NCY_GROUPS,
    aggregate,
    summarise,
    summarise_values,
)
from thrive.forecasting.space import default_space

SPACE = StateSpace(("ASD", "SEMH"), ("MMS", "MSS"))


def simulation(counts: np.ndarray) -> Simulation:
    sims, years = counts.shape[:2]
    zeros = np.zeros((sims, years - 1, SPACE.n_ncy), dtype=np.int32)
    return Simulation(
        first_year=2025,
        counts=counts.astype(np.int32),
        joiners=zeros,
        leavers=zeros,
        movers=np.zeros((sims, years - 1), dtype=np.int32),
    )


def random_counts(seed: int = 0, sims: int = 101, years: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.poisson(2.0, size=(sims, years, *SPACE.shape))


def test_every_breakdown_counts_everyone_once() -> None:
    counts = random_counts()
    groups = aggregate(simulation(counts), SPACE)
    total = counts.sum(axis=(2, 3, 4))
    for name in ("need", "setting", "ncy_group", "age_band", "ncy", "state"):
        np.testing.assert_array_equal(groups[name][1].sum(axis=2), total, err_msg=name)
    np.testing.assert_array_equal(groups["total"][1][:, :, 0], total)


def test_ncy_groups() -> None:
    counts = np.zeros((1, 1, *SPACE.shape), dtype=np.int64)
    for ncy, n in ((-4, 1), (0, 2), (1, 10), (6, 20), (7, 100), (11, 200), (12, 1000), (13, 2000)):
        counts[0, 0, SPACE.ncy_index(ncy), 0, 0] = n
    counts[0, 0, SPACE.ncy_index(14), 1, 1] = 10000
    counts[0, 0, SPACE.ncy_index(20), 1, 1] = 20000
    labels, values = aggregate(simulation(counts), SPACE)["ncy_group"]
    assert labels == tuple(g[0] for g in NCY_GROUPS) == ("<1", "1–6", "7–11", "12–13", "14+")
    assert values[0, 0].tolist() == [3, 30, 300, 3000, 30000]


def test_the_median_total_is_the_median_of_totals_not_a_sum_of_medians() -> None:
    # Three simulations, two needs: (10, 0), (0, 10), (1, 1). Totals 10, 10, 2 (median 10);
    # medians by need 1 and 1, whose sum (2) is not the median total.
    counts = np.zeros((3, 1, *SPACE.shape), dtype=np.int64)
    counts[0, 0, 5, 0, 0], counts[0, 0, 5, 1, 0] = 10, 0
    counts[1, 0, 5, 0, 0], counts[1, 0, 5, 1, 0] = 0, 10
    counts[2, 0, 5, 0, 0], counts[2, 0, 5, 1, 0] = 1, 1
    tables = summarise(simulation(counts), SPACE)
    assert tables["total"].median[0, 0] == 10  # totals 10, 10, 2
    assert tables["need"].median[0].sum() == 2  # medians 1 and 1
    assert tables["total"].mean[0, 0] == pytest.approx(22 / 3)


def test_intervals_nest_around_the_median() -> None:
    tables = summarise(simulation(random_counts(seed=4, sims=500)), SPACE)
    for table in tables.values():
        lows = [table.interval(w)[0] for w in (50, 80, 95)]
        highs = [table.interval(w)[1] for w in (50, 80, 95)]
        assert (lows[2] <= lows[1]).all()
        assert (lows[1] <= lows[0]).all()
        assert (lows[0] <= table.median).all()
        assert (table.median <= highs[0]).all()
        assert (highs[0] <= highs[1]).all()
        assert (highs[1] <= highs[2]).all()
    total = tables["total"]
    per_sim = random_counts(seed=4, sims=500).sum(axis=(2, 3, 4))
    np.testing.assert_allclose(total.interval(80)[0][:, 0], np.quantile(per_sim, 0.1, axis=0))
    np.testing.assert_allclose(total.interval(95)[1][:, 0], np.quantile(per_sim, 0.975, axis=0))
    rows = total.rows()
    assert [r["year"] for r in rows] == [2025, 2026, 2027]
    assert set(rows[0]) >= {"mean", "median", "low_50", "high_95", "sd"}


def test_state_breakdown_covers_only_valid_states() -> None:
    valid = np.ones(SPACE.shape, dtype=bool)
    valid[:5, :, 1] = False
    space = StateSpace(SPACE.needs, SPACE.settings, valid=valid)
    counts = random_counts() * valid
    labels, values = aggregate(simulation(counts), space)["state"]
    assert len(labels) == valid.sum()
    assert "-4|ASD|MSS" not in labels
    assert "-4|ASD|MMS" in labels
    np.testing.assert_array_equal(values.sum(axis=2), counts.sum(axis=(2, 3, 4)))


def test_age_bands_follow_the_dsg_plan() -> None:
    counts = np.zeros((1, 1, *SPACE.shape), dtype=np.int64)
    for ncy, n in ((-4, 1), (0, 2), (1, 10), (6, 20), (7, 100), (11, 200), (12, 1000), (15, 2000)):
        counts[0, 0, SPACE.ncy_index(ncy), 0, 0] = n
    counts[0, 0, SPACE.ncy_index(16), 1, 1] = 10000
    counts[0, 0, SPACE.ncy_index(20), 1, 1] = 20000
    labels, values = aggregate(simulation(counts), SPACE)["age_band"]
    assert labels == ("Under 5", "5 to 10", "11 to 15", "16 to 19", "20 to 25")
    assert values[0, 0].tolist() == [3, 30, 300, 3000, 30000]


def test_dsg_categories_group_the_setting_categories() -> None:
    space = default_space()
    counts = np.zeros((2, 1, *space.shape), dtype=np.int64)
    setting = space.settings.index
    counts[0, 0, space.ncy_index(5), 0, setting("special_state")] = 4
    counts[0, 0, space.ncy_index(13), 2, setting("further_education")] = 3
    counts[0, 0, space.ncy_index(13), 2, setting("specialist_post_16")] = 2
    counts[0, 0, space.ncy_index(-1), 1, setting("early_years")] = 1
    counts[1, 0, space.ncy_index(3), 5, setting("other")] = 7
    zeros = np.zeros((2, 0, space.n_ncy), dtype=np.int32)
    sim = Simulation(2025, counts.astype(np.int32), zeros, zeros, np.zeros((2, 0), np.int32))
    labels, values = aggregate(sim, space)["dsg_category"]
    assert labels == tuple(code for code, _ in DSG_CATEGORIES)
    by_code = dict(zip(labels, values[0, 0].tolist(), strict=True))
    assert by_code == {
        "mainstream": 0,
        "resourced_provision": 0,
        "maintained_special": 4,
        "independent_special": 0,
        "hospital_ap": 0,
        "post_16": 5,
        "other": 1,
    }
    assert values[1, 0].tolist() == [0, 0, 0, 0, 0, 0, 7]


def test_no_dsg_breakdown_for_settings_that_are_not_categories() -> None:
    assert "dsg_category" not in aggregate(simulation(random_counts()), SPACE)


def test_summarise_values_takes_quantiles_across_simulations() -> None:
    values = np.arange(2 * 3 * 101).reshape(101, 3, 2).astype(float)
    table = summarise_values("cost", ("a", "b"), [2026, 2027, 2028], values)
    assert table.labels == ("a", "b")
    assert table.years.tolist() == [2026, 2027, 2028]
    np.testing.assert_allclose(table.median, np.median(values, axis=0))
    np.testing.assert_allclose(table.mean, values.mean(axis=0))
    np.testing.assert_allclose(table.interval(80)[1], np.quantile(values, 0.9, axis=0))
    with pytest.raises(ValueError, match="shaped"):
        summarise_values("cost", ("a",), [2026], values)
