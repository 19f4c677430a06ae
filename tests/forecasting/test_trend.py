"""The trend GLM recovers a known growth in joining rates from synthetic history, and its
multipliers make the simulation grow by it (forecasting.md, "Improvements to build")."""

import numpy as np
import pytest

from thrive.forecasting.backtest.methods import DAMPING
from thrive.forecasting.model.estimate import estimate
from thrive.forecasting.model.simulate import simulate
from thrive.forecasting.model.states import NONSEND, StateSpace, Transitions
from thrive.forecasting.model.trend import fit_trend, joiner_multiplier

YEARS = list(range(2019, 2025))
POPULATION = 5000
RATE = 0.02  # joiners per child in each NCY in the first year


def space() -> StateSpace:
    return StateSpace(("A",), ("X", "Y"), ncy_min=0, ncy_max=14)


def joiners_only(year: int, per_ncy: np.ndarray, sp: StateSpace) -> Transitions:
    ncy = np.repeat(sp.ncys, per_ncy)
    none = np.full(len(ncy), NONSEND, dtype=np.int64)
    rng = np.random.default_rng(year)
    return Transitions(
        year=year,
        ncy1=none,
        need1=none,
        setting1=none,
        ncy2=ncy,
        need2=np.zeros(len(ncy), dtype=np.int64),
        setting2=rng.integers(0, 2, size=len(ncy)),
    )


def history(
    growth: float, *, seed: int = 1, extra_variation: float = 0.0, years: list[int] = YEARS
) -> tuple[list[Transitions], dict[int, np.ndarray], StateSpace]:
    """Joiners ~ Poisson(population * RATE * growth ** (year - first)); with
    ``extra_variation`` the rate of each (year, NCY) is also gamma-distributed (overdispersed)."""
    sp = space()
    rng = np.random.default_rng(seed)
    out = []
    for year in years:
        mean = POPULATION * RATE * growth ** (year - years[0]) * np.ones(sp.n_ncy)
        if extra_variation:
            shape = 1 / extra_variation
            mean = mean * rng.gamma(shape, 1 / shape, size=sp.n_ncy)
        out.append(joiners_only(year, rng.poisson(mean), sp))
    population = {year: np.full(sp.n_ncy, POPULATION) for year in years}
    return out, population, sp


def test_recovers_eight_percent_growth_with_a_constant_population() -> None:
    h, population, sp = history(1.08)
    fit = fit_trend(h, population, sp)
    assert fit.growth_percent == pytest.approx(8.0, abs=1.5)
    assert fit.low_percent < fit.growth_percent < fit.high_percent
    assert fit.family == "Poisson"
    assert fit.text.startswith("From January 2018 to January 2024, the share")
    assert f"has grown by about {fit.growth_percent:.1f}% a year" in fit.text


def test_a_flat_history_gives_about_no_growth() -> None:
    h, population, sp = history(1.0, seed=2)
    fit = fit_trend(h, population, sp)
    assert fit.growth_percent == pytest.approx(0.0, abs=1.5)
    assert fit.low_percent < 0 < fit.high_percent


def test_overdispersed_counts_switch_to_negative_binomial_with_a_wider_interval() -> None:
    h, population, sp = history(1.08, extra_variation=0.1, seed=3)
    fit = fit_trend(h, population, sp)
    assert fit.family == "negative binomial"
    assert fit.growth_percent == pytest.approx(8.0, abs=4)
    # Counts without the extra variation are fitted as Poisson, with a narrower band.
    plain = fit_trend(*history(1.08, seed=3))
    assert plain.family == "Poisson"
    assert fit.high_percent - fit.low_percent > plain.high_percent - plain.low_percent


def test_too_few_years_is_refused_in_plain_english() -> None:
    h, population, sp = history(1.08, years=[2023, 2024])
    with pytest.raises(ValueError, match="at least 3 years of history"):
        fit_trend(h, population, sp)


def test_multipliers_are_centred_on_the_mean_history_year_and_damping_slows_growth() -> None:
    h, population, sp = history(1.08)
    fit = fit_trend(h, population, sp)
    projected = [2025, 2026, 2027, 2028]
    trend = joiner_multiplier(fit, YEARS, projected, sp.n_ncy, damping=None)
    damped = joiner_multiplier(fit, YEARS, projected, sp.n_ncy, damping=DAMPING)
    assert trend.shape == damped.shape == (4, sp.n_ncy)
    mean_year = np.mean(YEARS)  # 2021.5
    np.testing.assert_allclose(trend[:, 0], np.exp(fit.slope * (np.array(projected) - mean_year)))
    assert (damped > 1).all()
    assert (damped < trend).all()
    assert (np.diff(damped[:, 0]) > 0).all()
    # The first damped year adds phi years of growth after the last history year.
    last = np.exp(fit.slope * (2024 - mean_year))
    assert damped[0, 0] == pytest.approx(last * np.exp(fit.slope * DAMPING))


def test_simulating_with_the_trend_multiplier_continues_the_growth() -> None:
    h, population, sp = history(1.08, seed=4)
    fit = fit_trend(h, population, sp)
    params = estimate(h, population, sp)
    projected = [2025, 2026, 2027]
    mult = joiner_multiplier(fit, YEARS, projected, sp.n_ncy, damping=None)
    result = simulate(
        params,
        np.zeros(sp.shape, dtype=np.int64),
        np.full((3, sp.n_ncy), POPULATION),
        first_year=2024,
        simulations=500,
        seed=1,
        joiner_multiplier=mult,
    )
    mean_joiners = result.joiners.sum(axis=2).mean(axis=0)
    expected = sp.n_ncy * POPULATION * RATE * 1.08 ** (np.array(projected) - YEARS[0])
    np.testing.assert_allclose(mean_joiners, expected, rtol=0.06)
