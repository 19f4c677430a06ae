"""The forecast's state space: every SEN type × setting category, valid at the NCYs the
category admits (``categories.CATEGORY_NCYS``). Pure Python: no Django."""

import numpy as np

from thrive.law import codes

from .categories import CATEGORY_NCYS, SETTING_CATEGORY_CODES
from .model.states import NCY_MAX, NCY_MIN, StateSpace


def default_space() -> StateSpace:
    needs = tuple(code for code, _ in codes.SEN_TYPES.choices())
    ncys = np.arange(NCY_MIN, NCY_MAX + 1)
    valid = np.zeros((len(ncys), len(needs), len(SETTING_CATEGORY_CODES)), dtype=bool)
    for s, category in enumerate(SETTING_CATEGORY_CODES):
        first, last = CATEGORY_NCYS[category]
        valid[(ncys >= first) & (ncys <= last), :, s] = True
    return StateSpace(needs=needs, settings=SETTING_CATEGORY_CODES, valid=valid)
