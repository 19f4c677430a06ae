"""The back-test forecasters on synthetic series with known answers."""

import numpy as np
import pytest

from thrive.forecasting.backtest.methods import (
    METHODS,
    anchored,
    damped,
    last_growth,
    loglinear,
    stationary,
    trend,
)

GROWING = 1000.0 * 1.05 ** np.arange(6)
NEXT = 1000.0 * 1.05 ** np.arange(6, 9)


def test_trend_recovers_five_percent_growth() -> None:
    f = trend(GROWING, 3)
    growth = f.mean[1:] / f.mean[:-1]
    np.testing.assert_allclose(growth, 1.05, atol=0.002)
    np.testing.assert_allclose(f.mean, NEXT, rtol=0.01)


def test_loglinear_recovers_five_percent_growth() -> None:
    f = loglinear(GROWING, 3)
    np.testing.assert_allclose(f.mean, NEXT, rtol=1e-9)


def test_last_value_plus_mean_growth_gives_the_exact_next_value() -> None:
    f = last_growth(GROWING, 3)
    assert f.mean[0] == pytest.approx(GROWING[-1] * 1.05, rel=1e-12)
    np.testing.assert_allclose(f.mean, NEXT, rtol=1e-12)


def test_anchored_trend_starts_from_the_latest_count_and_uses_recent_growth() -> None:
    # Ten years of 2% growth, then five of 8% with the latest count 3% above its line: the
    # forecast grows at about 8% from the latest count itself.
    y = np.concatenate([1000.0 * 1.02 ** np.arange(10), 1000.0 * 1.02**9 * 1.08 ** np.arange(1, 6)])
    y[-1] *= 1.03
    f = anchored(y, 3)
    growth = f.mean / np.concatenate([[y[-1]], f.mean[:-1]])
    np.testing.assert_allclose(growth, 1.08, atol=0.01)
    assert f.mean[0] == pytest.approx(y[-1] * growth[0], rel=1e-9)
    assert anchored(y, 3, window=15).mean[0] < f.mean[0]  # older, slower growth pulls it down


def test_stationary_carries_the_last_value_forward() -> None:
    f = stationary(GROWING, 3)
    np.testing.assert_allclose(f.mean, GROWING[-1])


def test_damped_growth_is_below_the_trend_and_decays() -> None:
    f = damped(GROWING, 3, phi=0.8)
    expected = GROWING[-1] * np.exp(np.log(1.05) * np.cumsum(0.8 ** np.arange(1, 4)))
    np.testing.assert_allclose(f.mean, expected, rtol=1e-9)
    assert np.all(f.mean < NEXT)
    steps = np.diff(np.log(np.concatenate([[GROWING[-1]], f.mean])))
    assert np.all(np.diff(steps) < 0)


@pytest.mark.parametrize("name", list(METHODS))
def test_constant_series_forecasts_the_constant(name: str) -> None:
    f = METHODS[name](np.full(5, 500.0), 3)
    np.testing.assert_allclose(f.mean, 500.0, rtol=1e-6)


@pytest.mark.parametrize("name", list(METHODS))
def test_intervals_are_nested_around_the_forecast(name: str) -> None:
    rng = np.random.default_rng(3)
    y = 800.0 * 1.08 ** np.arange(6) * rng.lognormal(0, 0.03, 6)
    f = METHODS[name](y, 3)
    assert np.all(f.lo95 <= f.lo80)
    assert np.all(f.lo80 <= f.mean)
    assert np.all(f.mean <= f.hi80)
    assert np.all(f.hi80 <= f.hi95)
    assert np.all(f.hi95 - f.lo95 > 0)


def test_too_short_or_non_positive_history_is_refused() -> None:
    with pytest.raises(ValueError, match="positive counts"):
        trend(np.array([5.0]), 1)
    with pytest.raises(ValueError, match="positive counts"):
        loglinear(np.array([5.0, 0.0, 4.0]), 1)


def test_trend_interval_covers_about_80_percent_of_a_negative_binomial_process() -> None:
    """Series drawn from NB(mean 400 * 1.06**t, variance 3 * mean): the one-year-ahead 80%
    interval of the trend method should cover the next draw about 80% of the time."""
    rng = np.random.default_rng(20261207)
    dispersion, draws, hits80, hits95 = 3.0, 400, 0, 0
    t = np.arange(8)
    mu = 400.0 * 1.06**t
    for i in range(draws):
        y = rng.negative_binomial(mu / (dispersion - 1.0), 1.0 / dispersion).astype(float)
        f = trend(y[:7], 1, seed=i)
        hits80 += int(f.lo80[0] <= y[7] <= f.hi80[0])
        hits95 += int(f.lo95[0] <= y[7] <= f.hi95[0])
    assert 0.72 <= hits80 / draws <= 0.88
    assert 0.90 <= hits95 / draws <= 0.99
