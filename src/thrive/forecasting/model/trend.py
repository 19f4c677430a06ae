"""The trend inside the population model (forecasting.md, "Improvements to build": "joiner rates
per NCY as Poisson / negative-binomial GLMs ``joiners ~ year + NCY, offset log(population)``",
and "a damped trend").

The stationary model's known weakness (forecasting.md, "Known weakness") is that its joining
rate is the mean over the history, so a growing area is under-predicted more the further it
looks. Here one growth rate per year is fitted across every NCY (each NCY keeps its own level),
and ``joiner_multiplier`` turns it into the factor on the estimator's mean joining rate that
``simulate`` takes."""

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import statsmodels.api as sm
from scipy import stats

from .states import StateSpace, Transitions

FloatArray = npt.NDArray[np.float64]

MIN_YEARS = 3
OVERDISPERSED = 1.5  # Pearson chi-squared / df above this: negative binomial, not Poisson
LEVEL = 0.80


@dataclass(frozen=True)
class TrendFit:
    """``slope`` is the fitted change in log joining rate per year; the percentages are
    ``100 * (exp(slope) - 1)`` and its 80% interval."""

    slope: float
    growth_percent: float
    low_percent: float
    high_percent: float
    family: str  # "Poisson" or "negative binomial"
    first_year: int  # the first January of the history fitted
    last_year: int  # the last
    text: str

    def as_dict(self) -> dict[str, float | str]:
        """The results JSON's ``trend`` entry."""
        return {
            "growth_percent": round(self.growth_percent, 1),
            "low_percent": round(self.low_percent, 1),
            "high_percent": round(self.high_percent, 1),
            "family": self.family,
            "text": self.text,
        }


def joiner_counts(
    history: Sequence[Transitions], population: Mapping[int, npt.ArrayLike], space: StateSpace
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Rows (year, NCY index, joiners, population) for every history year and every NCY that
    anyone can join (a valid state and a positive population)."""
    years, ncys, joiners, pops = [], [], [], []
    open_ncy = space.valid.any(axis=(1, 2))
    for t in history:
        j = t.joiner
        count = np.bincount(space.ncy_index(t.ncy2[j]), minlength=space.n_ncy)
        pop = np.asarray(population[t.year], dtype=np.float64)
        keep = open_ncy & (pop > 0)
        years.append(np.full(int(keep.sum()), t.year, dtype=np.float64))
        ncys.append(np.flatnonzero(keep).astype(np.float64))
        joiners.append(count[keep].astype(np.float64))
        pops.append(pop[keep])
    return (
        np.concatenate(years),
        np.concatenate(ncys),
        np.concatenate(joiners),
        np.concatenate(pops),
    )


def fit_trend(
    history: Sequence[Transitions], population: Mapping[int, npt.ArrayLike], space: StateSpace
) -> TrendFit:
    """Fit ``joiners ~ year + C(NCY)`` with offset log(population) by a log-link GLM.

    Poisson first; when the Pearson chi-squared per degree of freedom is above 1.5 the counts
    vary more than Poisson allows and the interval would be too narrow, so the model is refitted
    as a negative binomial. Its alpha (variance = mu + alpha * mu^2) is estimated by the method
    of moments from the Poisson fit, the Cameron and Trivedi auxiliary regression
    ``((y - mu)^2 - y) / mu = alpha * mu``: closed-form and always defined, where the maximum-
    likelihood ``discrete_model.NegativeBinomial`` often fails to converge on a handful of years
    with one dummy per NCY. NCYs where nobody ever joined are left out (their level would be
    minus infinity and carries no information about growth)."""
    year, ncy, y, pop = joiner_counts(history, population, space)
    years_with_joiners = {int(v) for v in np.unique(year[y > 0])}
    if len(years_with_joiners) < MIN_YEARS:
        raise ValueError(
            f"A trend needs at least {MIN_YEARS} years of history in which children joined; "
            f"there are {len(years_with_joiners)}."
        )
    joined_ever = np.isin(ncy, np.unique(ncy[y > 0]))
    year, ncy, y, pop = year[joined_ever], ncy[joined_ever], y[joined_ever], pop[joined_ever]
    levels = np.unique(ncy)
    centre = year.mean()
    dummies = (ncy[:, None] == levels[None, :]).astype(np.float64)
    x = np.column_stack([year - centre, dummies])  # one level per NCY, no separate intercept
    offset = np.log(pop)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # perfect-separation and convergence chatter
        fit = sm.GLM(y, x, family=sm.families.Poisson(), offset=offset).fit()
        df = max(len(y) - x.shape[1], 1)
        family = "Poisson"
        if fit.pearson_chi2 / df > OVERDISPERSED:
            mu = fit.mu
            alpha = max(float(np.sum((y - mu) ** 2 - y) / np.sum(mu**2)), 1e-8)
            nb = sm.families.NegativeBinomial(alpha=alpha)
            fit = sm.GLM(y, x, family=nb, offset=offset).fit()
            family = "negative binomial"
    slope, se = float(fit.params[0]), float(fit.bse[0])
    z = float(stats.norm.ppf(0.5 + LEVEL / 2))
    growth, low, high = (100 * (np.exp(v) - 1) for v in (slope, slope - z * se, slope + z * se))
    first, last = int(year.min()) - 1, int(year.max())  # joiners of year Y came after Jan Y-1
    return TrendFit(
        slope=slope,
        growth_percent=float(growth),
        low_percent=float(low),
        high_percent=float(high),
        family=family,
        first_year=first,
        last_year=last,
        text=_text(float(growth), float(low), float(high), family, first, last),
    )


def _text(growth: float, low: float, high: float, family: str, first: int, last: int) -> str:
    way = "grown" if growth >= 0 else "fallen"
    return (
        f"From January {first} to January {last}, the share of children joining the plan "
        f"population each year has {way} by about {abs(growth):.1f}% a year, allowing for the "
        f"size of each year group (80% range {low:.1f}% to {high:.1f}%; a {family} model of "
        "joiners by year group)."
    )


def joiner_multiplier(
    fit: TrendFit,
    history_years: Sequence[int],
    projected_years: Sequence[int],
    n_ncy: int,
    *,
    damping: float | None,
) -> FloatArray:
    """The factor on the estimator's joining rate for each projected year, (years, n_ncy).

    The estimator's rate is the mean over the history years, so it belongs to the mean history
    year: the trend multiplier for year Y is exp(slope * (Y - mean history year)). Damped
    (``damping`` = phi, e.g. 0.8 as ``backtest.methods.DAMPING``): up to the last history year
    as the trend; after it, year h beyond adds slope * (phi + phi^2 + ... + phi^h), so growth
    slows and the level settles."""
    if not history_years:
        raise ValueError("history_years is empty")
    mean_year = float(np.mean(history_years))
    last = max(history_years)
    years = np.asarray(projected_years, dtype=np.float64)
    if damping is None:
        log_factor = fit.slope * (years - mean_year)
    else:
        beyond = np.array(
            [sum(damping**k for k in range(1, int(y) - last + 1)) for y in years], dtype=float
        )
        log_factor = fit.slope * (np.minimum(years, last) - mean_year + beyond)
    return np.repeat(np.exp(log_factor)[:, None], n_ncy, axis=1)
