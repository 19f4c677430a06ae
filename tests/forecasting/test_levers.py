"""Scenario levers: each moves the projection in the expected direction by roughly the expected
amount, on a small synthetic area (forecasting.md, "Scenario levers users ask for")."""

import itertools

import numpy as np
import pytest

from thrive.forecasting.inputs import Closure, FlowChange, ScenarioInputs
from thrive.forecasting.model.estimate import estimate
from thrive.forecasting.model.levers import ProjectionPlan, close, projection_plan
from thrive.forecasting.model.simulate import Simulation, simulate
from thrive.forecasting.model.states import Snapshot, StateSpace, Transitions, transitions

SETTINGS = ("mainstream", "special_state", "other")
MAINSTREAM, SPECIAL, OTHER = 0, 1, 2
BASE = 2025
POPULATION = 3000


def space() -> StateSpace:
    ncys = np.arange(0, 15)
    valid = np.ones((len(ncys), 2, 3), dtype=bool)
    valid[ncys > 13, :, SPECIAL] = False  # special schools to Year 13 only
    return StateSpace(("ASD", "SEMH"), SETTINGS, ncy_min=0, ncy_max=14, valid=valid)


def area() -> tuple[list[Transitions], dict[int, np.ndarray], np.ndarray, StateSpace]:
    """Five Januaries (2021-2025) of about 800 children: 8% leave and 8% move a year, 120 join
    (a fifth into special schools)."""
    sp = space()
    rng = np.random.default_rng(5)
    p = np.array([0.6, 0.2, 0.2])
    n = 800
    ncy = rng.integers(0, 14, size=n)
    snaps = [Snapshot(2021, np.arange(n), ncy, rng.integers(0, 2, n), rng.choice(3, size=n, p=p))]
    for year in range(2022, BASE + 1):
        s = snaps[-1]
        keep = (rng.random(len(s.child)) > 0.08) & (s.ncy < 14)
        ncy, setting = s.ncy[keep] + 1, s.setting[keep].copy()
        move = rng.random(len(ncy)) < 0.08
        setting[move] = rng.choice(3, size=int(move.sum()), p=p)
        setting[(ncy > 13) & (setting == SPECIAL)] = OTHER
        j = 120
        new = np.arange(s.child.max() + 1, s.child.max() + 1 + j)
        snaps.append(
            Snapshot(
                year,
                np.concatenate([s.child[keep], new]),
                np.concatenate([ncy, rng.integers(0, 14, size=j)]),
                np.concatenate([s.need[keep], rng.integers(0, 2, size=j)]),
                np.concatenate([setting, rng.choice(3, size=j, p=p)]),
            )
        )
    history = [transitions(a, b) for a, b in itertools.pairwise(snaps)]
    population = {year: np.full(sp.n_ncy, POPULATION) for year in range(2022, BASE + 1)}
    return history, population, snaps[-1].counts(sp), sp


def plan(refusal_share_history: float | None = None, **levers: object) -> ProjectionPlan:
    history, population, _, sp = area()
    inputs = ScenarioInputs(base_year=BASE, variant="stationary", years=4, **levers)  # type: ignore[arg-type]
    return projection_plan(
        history, population, sp, inputs, refusal_share_history=refusal_share_history
    )


def run(p: ProjectionPlan) -> Simulation:
    _, _, start, sp = area()
    return simulate(
        p.parameters,
        start,
        np.full((4, sp.n_ncy), POPULATION),
        first_year=BASE,
        simulations=300,
        seed=3,
        joiner_multiplier=p.joiner_multiplier,
    )


def in_special(result: Simulation) -> np.ndarray:
    """Mean children in special schools per January."""
    return result.counts[..., SPECIAL].sum(axis=(2, 3)).mean(axis=0)


def test_no_levers_is_the_plain_estimate_every_year() -> None:
    history, population, _, sp = area()
    p = plan()
    plain = estimate(history, population, sp)
    assert len(p.parameters) == 4
    assert all(q is p.parameters[0] for q in p.parameters)
    np.testing.assert_array_equal(p.parameters[0].leave_alpha, plain.leave_alpha)
    np.testing.assert_array_equal(p.joiner_multiplier, np.ones((4, sp.n_ncy)))
    assert p.trend is None
    assert p.notes == ["Joining, leaving and moving rates stay at their 2021 to 2025 average."]


def test_history_from_estimates_from_the_later_history_only() -> None:
    history, population, _, sp = area()
    p = plan(history_from=2023)
    later = estimate([t for t in history if t.year >= 2024], population, sp)
    for name in ("leave_alpha", "move_alpha", "mover_alpha", "join_alpha", "joiner_alpha"):
        np.testing.assert_array_equal(getattr(p.parameters[0], name), getattr(later, name))
    assert "from January 2023 onwards" in p.notes[1]
    with pytest.raises(ValueError, match="No history is left"):
        projection_plan(
            history[:1],
            population,
            sp,
            ScenarioInputs(base_year=BASE, history_from=2024),
            refusal_share_history=None,
        )


def test_doubling_flows_into_special_schools_fills_them_from_that_year() -> None:
    p = plan(flow_changes=(FlowChange("into", "special_state", 2.0, 2027),))
    base = plan()
    assert p.parameters[0] is not p.parameters[1]  # 2026 unchanged, 2027 on changed
    np.testing.assert_array_equal(p.parameters[0].joiner_alpha, base.parameters[0].joiner_alpha)
    more, same = in_special(run(p)), in_special(run(base))
    assert more[1] == pytest.approx(same[1], rel=0.02)  # January 2026: not yet
    # About 24 joiners and 13 movers a year into special schools, doubled: ~30+ more a year.
    assert more[2] - same[2] > 20
    assert more[4] - same[4] > 60
    assert p.notes[1] == (
        "From January 2027, 100% more children join or move into the setting type "
        '"State special school (maintained, academy or free)".'
    )


def test_halving_flows_out_of_special_schools_keeps_more_there() -> None:
    p = plan(flow_changes=(FlowChange("out_of", "special_state", 0.5, 2026),))
    kept, same = in_special(run(p)), in_special(run(plan()))
    assert kept[4] - same[4] > 15
    assert "50% fewer children leave or move out of" in p.notes[1]


def test_a_closed_setting_is_empty_from_its_january_and_everyone_is_counted() -> None:
    p = plan(closures=(Closure("special_state", 2027),))
    result = run(p)
    special = result.counts[..., SPECIAL].sum(axis=(2, 3))
    assert (special[:, 1] > 100).all()  # January 2026: open
    assert (special[:, 2:] == 0).all()  # January 2027 on: closed
    totals = result.counts.sum(axis=(2, 3, 4), dtype=np.int64)
    flows = result.joiners.sum(axis=2, dtype=np.int64) - result.leavers.sum(axis=2)
    np.testing.assert_array_equal(totals[:, :-1] + flows, totals[:, 1:])
    # Its children moved rather than left: the total barely changes.
    open_total = run(plan()).counts.sum(axis=(2, 3, 4)).mean(axis=0)
    assert totals.mean(axis=0)[2] == pytest.approx(open_total[2], rel=0.03)
    assert p.notes[1].startswith('From January 2027, the setting type "State special school')
    assert "closes: nobody joins or moves in" in p.notes[1]


def test_closing_where_nothing_else_is_valid_makes_its_children_leave() -> None:
    history, population, _, sp = area()
    params = estimate(history, population, sp)
    shut = close(params, [MAINSTREAM, OTHER])  # special schools take NCY 0 to 13 only
    at13, at12 = sp.ncy_index(13), sp.ncy_index(12)
    # From NCY 13 in "other" nothing is open at NCY 14: they leave.
    assert shut.leave_alpha[at13, 0, OTHER] > 1e6
    assert shut.move_alpha[at13, 0, OTHER] == 0
    # From NCY 12 in "other": everyone who stays moves, into a special school.
    assert shut.move_alpha[at12, 0, OTHER] > 1e6
    np.testing.assert_array_equal(shut.mover_alpha[at12, 0, OTHER] > 0, [False, True, False])
    assert shut.leave_alpha[at12, 0, OTHER] == params.leave_alpha[at12, 0, OTHER]
    assert (shut.joiner_alpha[..., [MAINSTREAM, OTHER]] == 0).all()
    assert shut.join_alpha[sp.ncy_index(14)] == 0  # nobody can join NCY 14 any more
    assert shut.join_alpha[at12] == params.join_alpha[at12]
    # Each need keeps its share of joiners at an NCY.
    np.testing.assert_allclose(
        shut.joiner_alpha[at12].sum(axis=1), params.joiner_alpha[at12].sum(axis=1)
    )


def test_a_higher_refusal_share_means_fewer_joiners() -> None:
    p = plan(0.1, refusal_share=0.3, refusal_from_year=2027)
    np.testing.assert_allclose(p.joiner_multiplier[:, 0], [1, 0.7 / 0.9, 0.7 / 0.9, 0.7 / 0.9])
    fewer, same = (
        run(p).joiners.sum(axis=2).mean(axis=0),
        run(plan()).joiners.sum(axis=2).mean(axis=0),
    )
    assert fewer[0] == pytest.approx(same[0], rel=0.05)
    assert fewer[1:].sum() / same[1:].sum() == pytest.approx(0.7 / 0.9, rel=0.05)
    assert "30% of requests for an assessment are refused instead of 10%" in p.notes[1]
    with pytest.raises(ValueError, match="not known"):
        plan(refusal_share=0.3, refusal_from_year=2027)


def test_trend_and_damped_variants_carry_the_fitted_trend() -> None:
    history, population, _, sp = area()
    trend = projection_plan(
        history,
        population,
        sp,
        ScenarioInputs(base_year=BASE, variant="trend", years=4),
        refusal_share_history=None,
    )
    damped = projection_plan(
        history,
        population,
        sp,
        ScenarioInputs(base_year=BASE, variant="damped", years=4),
        refusal_share_history=None,
    )
    assert trend.trend is not None
    assert trend.trend == damped.trend
    # 120 joiners a year into a stable population: the fitted growth is near 0.
    assert abs(trend.trend.growth_percent) < 5
    distance = np.abs(np.log(trend.joiner_multiplier)) - np.abs(np.log(damped.joiner_multiplier))
    assert (distance[1:] > 0).all()  # damped stays closer to the history's level
    assert "keeps changing, more slowly" in damped.notes[0]


def test_a_trend_without_enough_history_falls_back_to_stationary_and_says_so() -> None:
    history, population, _, sp = area()
    p = projection_plan(
        history,
        population,
        sp,
        ScenarioInputs(base_year=BASE, variant="trend", years=4, history_from=2023),
        refusal_share_history=None,
    )
    assert p.trend is None
    np.testing.assert_array_equal(p.joiner_multiplier, 1.0)
    assert "at least 3 years" in p.notes[0]
