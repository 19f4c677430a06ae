"""The population model at scale: a synthetic area of 15,000 plans (NCY -1..19, 10 needs,
8 setting categories), estimated from 5 yearly January snapshots, then 1,000 simulations ×
10 years and their summaries. Prints the time of each step. Target: under 30 s in all.

Usage: .venv/bin/python benchmarks/forecast.py [--plans N] [--simulations S] [--years Y]
No database: pure numpy."""

import argparse
import itertools
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from thrive.forecasting.model.estimate import estimate
from thrive.forecasting.model.simulate import simulate
from thrive.forecasting.model.states import Snapshot, StateSpace, transitions
from thrive.forecasting.model.summarise import summarise

NEEDS = ("ASD", "SLCN", "SEMH", "MLD", "SLD", "PMLD", "SpLD", "PD", "HI", "VI")
SETTINGS = ("EY", "MMS", "MSU", "MSS", "ISS", "NMSS", "AP", "FE")
FIRST_YEAR = 2021


def space() -> StateSpace:
    ncys = np.arange(-4, 21)
    valid = np.ones((len(ncys), len(NEEDS), len(SETTINGS)), dtype=bool)
    valid[ncys > 0, :, SETTINGS.index("EY")] = False  # early years only before Year 1
    valid[ncys < 12, :, SETTINGS.index("FE")] = False  # further education from Year 12
    valid[ncys < 1, :, SETTINGS.index("AP")] = False
    valid[ncys > 14, :, SETTINGS.index("MMS")] = False
    moves = np.ones(len(SETTINGS), dtype=bool)
    return StateSpace(NEEDS, SETTINGS, valid=valid, moves_allowed=moves)


def synthetic_history(
    plans: int, rng: np.random.Generator
) -> tuple[list[Snapshot], dict[int, np.ndarray]]:
    """Five January snapshots of a growing area (``plans`` in the last), and its population."""
    sp = space()
    ncys = sp.ncys
    # Plans peak in the later primary and secondary years and thin out after Year 14.
    shape = np.exp(-(((ncys - 9.0) / 6.0) ** 2)) * ((ncys >= -1) & (ncys <= 19))
    need_p = np.array([0.33, 0.2, 0.15, 0.08, 0.06, 0.02, 0.05, 0.04, 0.04, 0.03])
    setting_p = np.array([0.03, 0.38, 0.08, 0.3, 0.08, 0.05, 0.03, 0.05])
    leave = np.clip(0.04 + 0.25 * (ncys >= 14) + 0.2 * (ncys == 11), 0, 1)
    population = {FIRST_YEAR + y: np.full(sp.n_ncy, 7000 + 70 * y) for y in range(5)}

    def place(n_ncy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        need = rng.choice(len(NEEDS), size=len(n_ncy), p=need_p)
        setting = rng.choice(len(SETTINGS), size=len(n_ncy), p=setting_p)
        bad = ~sp.valid[sp.ncy_index(n_ncy), need, setting]
        setting[bad] = np.where(n_ncy[bad] >= 12, SETTINGS.index("FE"), SETTINGS.index("MSS"))
        setting[bad & (n_ncy <= 0)] = SETTINGS.index("EY")
        return need, setting

    ncy = rng.choice(ncys, size=int(plans / 1.25), p=shape / shape.sum())
    need, setting = place(ncy)
    child = np.arange(len(ncy))
    snaps = [Snapshot(FIRST_YEAR, child, ncy, need, setting)]
    next_id = len(ncy)
    for y in range(1, 5):
        s = snaps[-1]
        keep = rng.random(len(s.child)) >= leave[sp.ncy_index(s.ncy)]
        keep &= s.ncy < 19
        child, ncy, need, setting = (
            s.child[keep],
            s.ncy[keep] + 1,
            s.need[keep],
            s.setting[keep].copy(),
        )
        move = rng.random(len(child)) < 0.06
        setting[move] = rng.choice(len(SETTINGS), size=int(move.sum()), p=setting_p)
        bad = ~sp.valid[sp.ncy_index(ncy), need, setting]
        setting[bad] = np.where(ncy[bad] >= 12, SETTINGS.index("FE"), SETTINGS.index("MSS"))
        joiners = rng.poisson(0.2 * len(child) * shape / shape.sum())
        j_ncy = np.repeat(ncys, joiners)
        j_need, j_setting = place(j_ncy)
        j_child = np.arange(next_id, next_id + len(j_ncy))
        next_id += len(j_ncy)
        snaps.append(
            Snapshot(
                FIRST_YEAR + y,
                np.concatenate([child, j_child]),
                np.concatenate([ncy, j_ncy]),
                np.concatenate([need, j_need]),
                np.concatenate([setting, j_setting]),
            )
        )
    return snaps, population


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plans", type=int, default=15_000)
    parser.add_argument("--simulations", type=int, default=1000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    sp = space()
    snaps, population = synthetic_history(args.plans, rng)
    last = snaps[-1]
    print(
        f"area: {len(snaps[0].child):,} plans in {snaps[0].year}, "
        f"{len(last.child):,} in {last.year}"
    )

    t0 = time.perf_counter()
    history = [transitions(a, b) for a, b in itertools.pairwise(snaps)]
    params = estimate(history, population, sp)
    t1 = time.perf_counter()
    projection = np.array([population[last.year] + 70 * (y + 1) for y in range(args.years)])
    result = simulate(
        params,
        last.counts(sp),
        projection,
        first_year=last.year,
        simulations=args.simulations,
        seed=args.seed,
    )
    t2 = time.perf_counter()
    tables = summarise(result, sp)
    t3 = time.perf_counter()
    total = tables["total"]
    print(
        f"{args.simulations:,} simulations × {args.years} years; "
        f"total in {int(total.years[-1])}: median {total.median[-1, 0]:,.0f}, "
        f"95% {total.interval(95)[0][-1, 0]:,.0f}–{total.interval(95)[1][-1, 0]:,.0f}"
    )
    print(f"estimate  {t1 - t0:6.2f} s")
    print(f"simulate  {t2 - t1:6.2f} s")
    print(f"summarise {t3 - t2:6.2f} s")
    print(f"total     {t3 - t0:6.2f} s  (target 30 s)")


if __name__ == "__main__":
    main()
