"""witan.send's input files: read, written, and read back."""

from pathlib import Path

import numpy as np
import pytest

from thrive.forecasting.model.population import read_population_csv
from thrive.forecasting.model.states import NONSEND, StateSpace, Transitions
from thrive.forecasting.space import default_space
from thrive.forecasting.witan import (
    WitanFileError,
    cost_array,
    read_costs,
    read_transitions,
    read_valid_states,
    write_costs,
    write_population,
    write_transitions,
    write_valid_states,
)

FILES = Path(__file__).parent / "witan_files"
HEADER = "calendar-year,setting-1,need-1,academic-year-1,setting-2,need-2,academic-year-2\n"


def test_reads_transitions_into_thrive_years() -> None:
    text = HEADER + (
        "2022,MMS,ASD,3,MMS,ASD,4\n"  # stayer
        "2022,MMS,SEMH,5,MSS,SEMH,6\n"  # mover
        "2022,NONSEND,NONSEND,1,MSS,ASD,2\n"  # joiner
        "2023,MSS,SEMH,6,NONSEND,NONSEND,7\n"  # leaver
        "2023,MMS,ASD,4,MMS,ASD,4\n"  # repeats a year: dropped
    )
    history = read_transitions(text)
    assert history.space.needs == ("ASD", "SEMH")
    assert history.space.settings == ("MMS", "MSS")
    assert (history.space.ncy_min, history.space.ncy_max) == (2, 6)
    assert [t.year for t in history.transitions] == [2023, 2024]  # the second January
    first = history.transitions[0]
    assert first.joiner.tolist() == [False, False, True]
    assert first.mover.tolist() == [False, True, False]
    assert first.ncy1[2] == NONSEND
    assert first.ncy2[2] == 2
    assert history.transitions[1].leaver.tolist() == [True]
    assert history.dropped == 1
    assert history.base_year == 2024
    # In January 2024: the leaver has gone; the child repeating NCY 4 is still there.
    space = history.space
    assert history.start.sum() == 1
    assert history.start[space.ncy_index(4), 0, 0] == 1


def test_every_bad_row_is_named() -> None:
    text = HEADER + (
        "2022,MMS,ASD,3,MMS,ASD,4\n"
        "soon,MMS,ASD,3,MMS,ASD,4\n"
        "2022,NONSEND,ASD,3,MMS,ASD,4\n"
        "2022,NONSEND,NONSEND,3,NONSEND,NONSEND,4\n"
        "2022,MMS,ASD,three,MMS,ASD,4\n"
    )
    with pytest.raises(WitanFileError) as raised:
        read_transitions(text)
    assert raised.value.errors == [
        "Row 3: calendar-year must be a whole number",
        "Row 4: setting-1 and need-1 must both be NONSEND",
        "Row 5: both sides are NONSEND",
        "Row 6: academic-year-1 must be a whole number",
    ]


def test_refuses_missing_columns_and_unknown_labels() -> None:
    with pytest.raises(WitanFileError, match="no column need-2"):
        read_transitions(
            "calendar-year,setting-1,need-1,academic-year-1,setting-2,academic-year-2\n"
        )
    valid = "setting,setting-group,min-academic-year,max-academic-year,needs\nMMS,g,0,11,ASD\n"
    with pytest.raises(WitanFileError, match="Row 2: setting-2 MSS is not in valid-states"):
        read_transitions(HEADER + "2022,MMS,ASD,3,MSS,ASD,4\n", valid)


def test_rows_outside_the_valid_ncys_are_counted_and_left_out() -> None:
    valid = "setting,setting-group,min-academic-year,max-academic-year,needs\nMMS,g,0,11,ASD\n"
    history = read_transitions(
        HEADER + "2022,MMS,ASD,3,MMS,ASD,4\n2022,MMS,ASD,11,MMS,ASD,12\n", valid
    )
    assert history.outside == 1
    assert len(history.transitions[0].ncy1) == 1


def test_reads_valid_states() -> None:
    text = (
        "setting,setting-group,min-academic-year,max-academic-year,needs,setting->setting\n"
        'MMS,g1,0,11,"ASD,SEMH","MSS"\n'
        'MSS,g2,-2,14,"ASD",""\n'
    )
    space = read_valid_states(text, ("SEMH",), ())
    assert space.needs == ("SEMH", "ASD")
    assert space.settings == ("MMS", "MSS")
    assert (space.ncy_min, space.ncy_max) == (-2, 14)
    assert space.valid[space.ncy_index(11), :, 0].tolist() == [True, True]
    assert not space.valid[space.ncy_index(12), :, 0].any()
    assert space.valid[space.ncy_index(-2), :, 1].tolist() == [False, True]
    assert space.moves_allowed.tolist() == [True, False]
    with pytest.raises(WitanFileError, match="no row for setting FEC"):
        read_valid_states(text, (), ("FEC",))
    with pytest.raises(WitanFileError, match="Row 2: min-academic-year"):
        read_valid_states(text.replace("0,11", "11,0"), (), ())


def test_valid_states_round_trip() -> None:
    space = default_space()
    back = read_valid_states(write_valid_states(space), (), ())
    assert back.needs == space.needs
    assert back.settings == space.settings
    assert (back.ncy_min, back.ncy_max) == (space.ncy_min, space.ncy_max)
    np.testing.assert_array_equal(back.valid, space.valid)
    np.testing.assert_array_equal(back.moves_allowed, space.moves_allowed)
    assert "special_state,maintained_special,-2,15," in write_valid_states(space)


def rows_of(t: Transitions) -> list[tuple[int, ...]]:
    arrays = (t.ncy1, t.need1, t.setting1, t.ncy2, t.need2, t.setting2)
    return sorted(zip(*(a.tolist() for a in arrays), strict=True))


def test_transitions_round_trip_through_witan_form() -> None:
    history = read_transitions(
        (FILES / "transitions.csv").read_text(), (FILES / "valid-states.csv").read_text()
    )
    assert history.dropped == 1
    assert history.base_year == 2024
    text = write_transitions(history.transitions, history.space)
    back = read_transitions(text, write_valid_states(history.space))
    assert back.space.settings == history.space.settings
    assert back.dropped == 0  # the repeated year was dropped on the way in
    assert [t.year for t in back.transitions] == [t.year for t in history.transitions]
    for a, b in zip(history.transitions, back.transitions, strict=True):
        assert rows_of(a) == rows_of(b)
    np.testing.assert_array_equal(back.start, history.start)


def test_thrive_transitions_written_with_witan_years() -> None:
    space = StateSpace(("ASD",), ("MMS", "MSS"))
    t = Transitions(
        year=2025,
        ncy1=np.array([3, 7, NONSEND]),
        need1=np.array([0, 0, NONSEND]),
        setting1=np.array([0, 1, NONSEND]),
        ncy2=np.array([4, NONSEND, 1]),
        need2=np.array([0, NONSEND, 0]),
        setting2=np.array([1, NONSEND, 0]),
    )
    assert write_transitions([t], space).splitlines()[1:] == [
        "2024,MMS,ASD,3,MSS,ASD,4",
        "2024,MSS,ASD,7,NONSEND,NONSEND,8",
        "2024,NONSEND,NONSEND,0,MMS,ASD,1",
    ]
    back = read_transitions(write_transitions([t], space), write_valid_states(space))
    assert rows_of(back.transitions[0]) == rows_of(t)


def test_costs_round_trip() -> None:
    space = StateSpace(("ASD", "SEMH"), ("MMS", "MSS"))
    unit = np.array([[8000.0, 25000.5], [0.0, 31000.0]])
    text = write_costs(unit, space)
    assert text.splitlines()[:2] == ["need,setting,cost", "ASD,MMS,8000"]
    np.testing.assert_array_equal(cost_array(read_costs(text), space), unit)


def test_costs_errors_name_the_row() -> None:
    with pytest.raises(WitanFileError) as raised:
        read_costs("need,setting,cost\nASD,MMS,lots\nASD,MMS,5\n,MSS,3\n")
    assert raised.value.errors == [
        "Row 2: cost must be a number of pounds, 0 or more",
        "Row 3: a second cost for ASD in MMS",
        "Row 4: need and setting must both be given",
    ]


def test_population_round_trip() -> None:
    space = StateSpace(("ASD",), ("MMS",), ncy_min=0, ncy_max=3)
    pop = {2025: np.array([10, 11, 12, 13]), 2026: np.array([20, 21, 22, 23])}
    back = read_population_csv(write_population(pop, space), space)
    assert sorted(back) == [2025, 2026]
    for year in pop:
        np.testing.assert_array_equal(back[year], pop[year])
