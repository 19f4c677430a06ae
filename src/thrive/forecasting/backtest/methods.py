"""Forecasters of one area's yearly EHC plan count from its history up to an origin year.

Each forecaster takes the counts observed up to and including the origin year (oldest first)
and a number of horizons, and returns the central forecast and the 80% and 95% intervals for
the following years. None uses population: the published caseload has no matching population
series by local authority for every year, so these are forecasts of counts, not of rates.

- ``stationary``: the last value carried forward, no growth (the top-down analogue of
  witan.send's stationary rates: the future looks like the latest year). Intervals widen like
  a random walk, from the spread of past year-on-year log changes.
- ``trend``: a negative-binomial-type GLM of the count on year with a log link (statsmodels
  Poisson GLM with the dispersion estimated from the Pearson chi-squared, i.e. quasi-Poisson).
  Intervals by parametric bootstrap: the dispersion drawn from its scaled inverse chi-squared
  distribution (at least 1), the coefficients from their normal distribution given it, then
  counts from a negative binomial with that mean and variance ``dispersion * mean``.
- ``damped``: damped log-linear growth. The growth rate is the log-linear slope of the history;
  from the last value, year h adds ``slope * (phi + phi**2 + ... + phi**h)`` to the log count,
  with ``phi = 0.8`` fixed (not fitted: too few years to fit it per council). Intervals from
  the residual spread of the log-linear fit, widening with the square root of the horizon.
- ``anchored``: the ``trend`` model fitted to the last five years only and moved so that it
  passes through the latest count (every forecast and bound multiplied by the ratio of the
  latest count to the fitted value for that year). Chosen on a development back-test of
  earlier years (release 2022, origins 2013-2021) before it was run on the 2022-2024 origins
  reported to users (docs/forecasting.md): recent growth matters more than old growth, and the
  latest count is the best guide to the level.
- ``last_growth`` (baseline): last value times (1 + mean yearly growth) ** h; intervals from the
  spread of yearly log growth.
- ``loglinear`` (baseline): ordinary least squares on log counts against year; ordinary
  prediction intervals (Student t) on the log scale, turned back into counts.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import statsmodels.api as sm
from scipy import stats

LEVELS = (0.80, 0.95)
DAMPING = 0.8
BOOTSTRAP_DRAWS = 2000
ANCHOR_WINDOW = 5


@dataclass(frozen=True)
class Forecast:
    """Arrays of length ``horizons``: the central forecast and the interval bounds."""

    mean: np.ndarray
    lo80: np.ndarray
    hi80: np.ndarray
    lo95: np.ndarray
    hi95: np.ndarray


Method = Callable[[np.ndarray, int], Forecast]


def _lognormal(centre_log: np.ndarray, sd_log: np.ndarray, df: float | None = None) -> Forecast:
    def q(p: float) -> float:
        return float(stats.t.ppf(p, df) if df else stats.norm.ppf(p))

    return Forecast(
        mean=np.exp(centre_log),
        lo80=np.exp(centre_log + q(0.10) * sd_log),
        hi80=np.exp(centre_log + q(0.90) * sd_log),
        lo95=np.exp(centre_log + q(0.025) * sd_log),
        hi95=np.exp(centre_log + q(0.975) * sd_log),
    )


def _log_changes(y: np.ndarray) -> np.ndarray:
    return np.diff(np.log(y))


def _sd(values: np.ndarray) -> float:
    return float(np.std(values, ddof=1)) if values.size > 1 else 0.0


def _check(y: np.ndarray) -> np.ndarray:
    y = np.asarray(y, dtype=np.float64)
    if y.ndim != 1 or y.size < 2 or np.any(y <= 0) or not np.all(np.isfinite(y)):
        raise ValueError("need at least two positive counts")
    return y


def stationary(y: np.ndarray, horizons: int) -> Forecast:
    y = _check(y)
    h = np.arange(1, horizons + 1)
    changes = _log_changes(y)
    # Random walk without drift: the spread of past changes about zero, not about their mean.
    sd = float(np.sqrt(np.mean(changes**2)))
    return _lognormal(np.full(horizons, np.log(y[-1])), sd * np.sqrt(h))


def last_growth(y: np.ndarray, horizons: int) -> Forecast:
    y = _check(y)
    h = np.arange(1, horizons + 1)
    growth = float(np.mean(y[1:] / y[:-1] - 1.0))
    centre = np.log(y[-1]) + h * np.log1p(growth)
    changes = _log_changes(y)
    sd = _sd(changes) * np.sqrt(h + h**2 / changes.size)
    return _lognormal(centre, sd, df=max(changes.size - 1, 1))


def _ols_log(y: np.ndarray) -> tuple[np.ndarray, np.ndarray, float, int]:
    t = np.arange(y.size, dtype=np.float64)
    x = np.column_stack([np.ones_like(t), t])
    coef, *_ = np.linalg.lstsq(x, np.log(y), rcond=None)
    resid = np.log(y) - x @ coef
    dof = max(y.size - 2, 1)
    s2 = float(resid @ resid) / dof
    return coef, np.linalg.inv(x.T @ x), s2, dof


def loglinear(y: np.ndarray, horizons: int) -> Forecast:
    y = _check(y)
    coef, xtx_inv, s2, dof = _ols_log(y)
    t_new = np.arange(y.size, y.size + horizons, dtype=np.float64)
    x_new = np.column_stack([np.ones_like(t_new), t_new])
    centre = x_new @ coef
    var = s2 * (1.0 + np.einsum("ij,jk,ik->i", x_new, xtx_inv, x_new))
    return _lognormal(centre, np.sqrt(var), df=dof)


def damped(y: np.ndarray, horizons: int, phi: float = DAMPING) -> Forecast:
    y = _check(y)
    coef, _, s2, _ = _ols_log(y)
    h = np.arange(1, horizons + 1)
    cumulative = np.cumsum(phi**h)
    centre = np.log(y[-1]) + coef[1] * cumulative
    # Spread: residual noise of the fit plus year-on-year variability, growing with sqrt(h).
    sd = np.sqrt(s2 + _sd(_log_changes(y)) ** 2) * np.sqrt(h)
    return _lognormal(centre, sd)


def trend(y: np.ndarray, horizons: int, seed: int = 0) -> Forecast:
    """Quasi-Poisson GLM on year (log link), NB predictive intervals by parametric bootstrap."""
    y = _check(y)
    t = np.arange(y.size, dtype=np.float64)
    x = sm.add_constant(t)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # perfect fits (e.g. a constant series) warn
        fit = sm.GLM(y, x, family=sm.families.Poisson()).fit()
    dof = max(y.size - 2, 1)
    dispersion = float(fit.pearson_chi2) / dof
    t_new = np.arange(y.size, y.size + horizons, dtype=np.float64)
    x_new = np.column_stack([np.ones_like(t_new), t_new])
    mean = np.exp(x_new @ fit.params)
    rng = np.random.default_rng(seed)
    # The dispersion is itself uncertain with so few years: draw it from its scaled inverse
    # chi-squared distribution, then the coefficients given it, then the count given those.
    phi = np.maximum(dispersion * dof / rng.chisquare(dof, size=BOOTSTRAP_DRAWS), 1.0)
    unit = rng.multivariate_normal(np.zeros(2), np.asarray(fit.cov_params()), size=BOOTSTRAP_DRAWS)
    coefs = np.asarray(fit.params) + unit * np.sqrt(phi)[:, None]
    mu = np.exp(coefs @ x_new.T)  # draws x horizons
    # Negative binomial with variance phi * mu, as a gamma mixture of Poissons.
    excess = (phi - 1.0)[:, None]
    overdispersed = excess > 1e-9
    safe = np.where(overdispersed, excess, 1.0)
    rate = np.where(overdispersed, rng.gamma(mu / safe, safe), mu)
    draws = rng.poisson(rate)
    lo80, hi80, lo95, hi95 = np.quantile(draws, [0.10, 0.90, 0.025, 0.975], axis=0)
    return Forecast(mean=mean, lo80=lo80, hi80=hi80, lo95=lo95, hi95=hi95)


def anchored(y: np.ndarray, horizons: int, window: int = ANCHOR_WINDOW) -> Forecast:
    """``trend`` on the last ``window`` years, moved to pass through the latest count."""
    recent = _check(y)[-window:]
    base = trend(recent, horizons)
    t = sm.add_constant(np.arange(recent.size, dtype=np.float64))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted = sm.GLM(recent, t, family=sm.families.Poisson()).fit().fittedvalues
    ratio = float(recent[-1] / np.asarray(fitted)[-1])
    return Forecast(*(ratio * a for a in (base.mean, base.lo80, base.hi80, base.lo95, base.hi95)))


METHODS: dict[str, Method] = {
    "stationary": stationary,
    "trend": trend,
    "anchored": anchored,
    "damped": damped,
    "last_growth": last_growth,
    "loglinear": loglinear,
}
