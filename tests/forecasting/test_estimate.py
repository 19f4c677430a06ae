"""The estimator on tiny hand-worked histories: expected parameters computed here from the
formulas in forecasting.md ("Estimation"), not read back from the code."""

import numpy as np
import pytest

from thrive.forecasting.model.estimate import Parameters, estimate
from thrive.forecasting.model.states import NONSEND, Snapshot, StateSpace, transitions

X, Y, Z = 0, 1, 2  # settings
A = 0  # the one need


def space(valid: np.ndarray | None = None, moves_allowed: np.ndarray | None = None) -> StateSpace:
    sp = StateSpace(("A",), ("X", "Y", "Z"), ncy_min=4, ncy_max=7)
    return StateSpace(
        sp.needs,
        sp.settings,
        ncy_min=4,
        ncy_max=7,
        valid=sp.valid if valid is None else valid,
        moves_allowed=sp.moves_allowed if moves_allowed is None else moves_allowed,
    )


def snap(year: int, rows: list[tuple[int, int, int]]) -> Snapshot:
    """rows: (child, ncy, setting), need A throughout."""
    a = np.array(rows, dtype=np.int64).reshape(-1, 3)
    return Snapshot(year, a[:, 0], a[:, 1], np.zeros(len(a), dtype=np.int64), a[:, 2])


def history() -> tuple[list[Snapshot], dict[int, np.ndarray]]:
    # 2020: ten children at NCY 5 in X (0-9), four at NCY 5 in Y (10-13).
    s2020 = snap(2020, [(c, 5, X) for c in range(10)] + [(c, 5, Y) for c in range(10, 14)])
    # 2021: 0 and 1 left; 2 moved X -> Y; 3-9 stayed in X; 10-13 stayed in Y;
    # three joiners at NCY 6: two into X, one into Y.
    s2021 = snap(
        2021,
        [(2, 6, Y)]
        + [(c, 6, X) for c in range(3, 10)]
        + [(c, 6, Y) for c in range(10, 14)]
        + [(100, 6, X), (101, 6, X), (102, 6, Y)],
    )
    # 2022: everyone ages to NCY 7 in the same setting; nobody joins or leaves.
    s2022 = snap(
        2022, [(c, 7, s) for c, _, s in zip(s2021.child, s2021.ncy, s2021.setting, strict=True)]
    )
    population = {2021: np.full(4, 100), 2022: np.full(4, 200)}
    return [s2020, s2021, s2022], population


def fitted(sp: StateSpace | None = None) -> tuple[Parameters, StateSpace]:
    snaps, population = history()
    sp = sp or space()
    t = [transitions(snaps[0], snaps[1]), transitions(snaps[1], snaps[2])]
    return estimate(t, population, sp), sp


def test_transitions_classify_joiners_leavers_movers_and_drop_repeats() -> None:
    before = snap(2020, [(1, 5, X), (2, 5, X), (3, 5, X), (4, 5, Y)])
    after = snap(2021, [(1, 6, X), (2, 6, Y), (4, 5, Y), (9, 0, Z)])  # 4 repeats NCY 5
    t = transitions(before, after)
    assert len(t.ncy1) == 4  # 1 stayer, 1 mover, 1 leaver (3), 1 joiner (9); the repeat dropped
    assert t.stayer.sum() == 1
    assert t.mover.sum() == 1
    assert t.leaver.sum() == 1
    assert t.joiner.sum() == 1
    assert t.setting1[t.joiner][0] == NONSEND
    assert t.ncy2[t.joiner][0] == 0
    assert t.ncy1[t.leaver][0] == 5
    assert t.setting2[t.leaver][0] == NONSEND


def test_leaving_uses_the_ncy_wide_rate_as_a_prior_of_weight_one() -> None:
    p, sp = fitted()
    i = sp.ncy_index(5)
    pi = (2 + 0.5) / (14 + 1)  # 2 leavers of 14 at NCY 5
    # X at NCY 5: 2 leavers of 10.
    assert p.leave_alpha[i, A, X] == pytest.approx(2 + pi)
    assert p.leave_beta[i, A, X] == pytest.approx(10 - 2 + 1 - pi)
    # Y at NCY 5: none of 4 left.
    assert p.leave_alpha[i, A, Y] == pytest.approx(0 + pi)
    assert p.leave_beta[i, A, Y] == pytest.approx(4 + 1 - pi)
    # Z at NCY 5: no observations.
    assert (p.leave_alpha[i, A, Z], p.leave_beta[i, A, Z]) == (0.5, 0.5)
    # NCY 6 in 2021: X holds 7 + 2 joiners, Y 1 mover + 4 + 1 joiner; nobody left by 2022.
    j = sp.ncy_index(6)
    pi6 = (0 + 0.5) / (15 + 1)
    assert p.leave_alpha[j, A, X] == pytest.approx(pi6)
    assert p.leave_beta[j, A, X] == pytest.approx(9 + 1 - pi6)


def test_moving_of_those_who_stay() -> None:
    p, sp = fitted()
    i = sp.ncy_index(5)
    pi = (1 + 0.5) / (1 + 11 + 1)  # 1 mover; 7 + 4 stayers who did not move
    assert p.move_alpha[i, A, X] == pytest.approx(1 + pi)
    assert p.move_beta[i, A, X] == pytest.approx(7 + 1 - pi)
    assert p.move_alpha[i, A, Y] == pytest.approx(0 + pi)
    assert p.move_beta[i, A, Y] == pytest.approx(4 + 1 - pi)
    assert (p.move_alpha[i, A, Z], p.move_beta[i, A, Z]) == (1.0, 1.0)


def test_mover_destinations_prior_sums_to_one_over_allowed_settings() -> None:
    p, sp = fitted()
    i = sp.ncy_index(5)
    # From X: allowed Y and Z (k = 2); NCY-wide destinations at NCY 5: Y once, Z never.
    weights = np.array([0.0, 1 + 1 / 2, 0 + 1 / 2])
    prior = weights / weights.sum()
    observed = np.array([0.0, 1.0, 0.0])
    np.testing.assert_allclose(p.mover_alpha[i, A, X], observed + prior)
    # From Y nobody moved: the prior alone, summing to 1, nothing back into Y.
    from_y = p.mover_alpha[i, A, Y]
    assert from_y[Y] == 0
    assert from_y.sum() == pytest.approx(1.0)
    np.testing.assert_allclose(from_y[[X, Z]], np.array([0.5, 0.5]) / 1.0)


def test_invalid_destinations_are_excluded() -> None:
    valid = np.ones((4, 1, 3), dtype=bool)
    valid[2, 0, Z] = False  # Z not valid at NCY 6 (index 2 from NCY 4)
    p, sp = fitted(space(valid=valid))
    i = sp.ncy_index(5)
    np.testing.assert_allclose(p.mover_alpha[i, A, X], [0.0, 1.0 + 1.0, 0.0])
    # Joiner destinations at NCY 6: only X and Y are valid, 1/2 each added.
    np.testing.assert_allclose(p.joiner_alpha[sp.ncy_index(6), A], [2 + 0.5, 1 + 0.5, 0.0])


def test_no_moves_where_the_setting_forbids_them() -> None:
    p, sp = fitted(space(moves_allowed=np.array([False, True, True])))
    assert not p.can_move[sp.ncy_index(5), A, X]
    assert p.can_move[sp.ncy_index(5), A, Y]


def test_joining_uses_mean_joiners_and_mean_population() -> None:
    p, sp = fitted()
    j = sp.ncy_index(6)
    joiners = (3 + 0.001) / 2  # 3 in 2021, none in 2022 (0.001 added)
    population = (100 + 200) / 2
    assert p.join_alpha[j] == pytest.approx(joiners)
    assert p.join_beta[j] == pytest.approx(population - joiners)
    # Joiner destinations: 2 into X, 1 into Y, plus 1/3 for each of the 3 valid states.
    np.testing.assert_allclose(p.joiner_alpha[j, A], [2 + 1 / 3, 1 + 1 / 3, 1 / 3])


def test_snapshots_from_labels() -> None:
    sp = space()
    s = sp.snapshot(2024, [7, 8], [4, 6], ["A", "A"], ["Z", "X"])
    assert s.setting.tolist() == [Z, X]
    assert s.counts(sp)[sp.ncy_index(4), A, Z] == 1
    with pytest.raises(ValueError, match="unknown setting: Q"):
        sp.snapshot(2024, [1], [5], ["A"], ["Q"])
    with pytest.raises(ValueError, match="NCY outside"):
        sp.snapshot(2024, [1], [8], ["A"], ["X"])
    with pytest.raises(ValueError, match="twice"):
        sp.snapshot(2024, [1, 1], [5, 5], ["A", "A"], ["X", "X"])


def test_weights_multiply_every_count_they_touch() -> None:
    snaps, population = history()
    sp = space()
    t = [transitions(snaps[0], snaps[1]), transitions(snaps[1], snaps[2])]
    ones = estimate(t, population, sp, weights=[np.ones(len(x.ncy1)) for x in t])
    plain = estimate(t, population, sp)
    np.testing.assert_array_equal(ones.leave_alpha, plain.leave_alpha)
    np.testing.assert_array_equal(ones.joiner_alpha, plain.joiner_alpha)
    # Weight 2 on the 2021 joiners into X and on the 2020 leavers: counted twice.
    w = [np.ones(len(x.ncy1)) for x in t]
    w[0][t[0].joiner & (t[0].setting2 == X)] = 2.0
    w[0][t[0].leaver] = 2.0
    p = estimate(t, population, sp, weights=w)
    j = sp.ncy_index(6)
    np.testing.assert_allclose(p.joiner_alpha[j, A], [4 + 1 / 3, 1 + 1 / 3, 1 / 3])
    assert p.join_alpha[j] == pytest.approx((5 + 0.001) / 2)
    i = sp.ncy_index(5)
    pi = (4 + 0.5) / (16 + 1)  # 4 weighted leavers of 16 weighted observations at NCY 5
    assert p.leave_alpha[i, A, X] == pytest.approx(4 + pi)
    assert p.leave_beta[i, A, X] == pytest.approx(12 - 4 + 1 - pi)


def test_weights_must_match_the_transitions() -> None:
    snaps, population = history()
    t = [transitions(snaps[0], snaps[1])]
    with pytest.raises(ValueError, match="one value per transition"):
        estimate(t, population, space(), weights=[np.ones(3)])
    with pytest.raises(ValueError, match="one array per year"):
        estimate(t, population, space(), weights=[])
