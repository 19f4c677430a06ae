"""The register of education settings in the synthetic area: nurseries, schools, special
schools, alternative provision and colleges, sized to the number of children."""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from thrive.demo.calibration import Calibration

from .people import postcode_in
from .words import POSTCODE_DISTRICTS, SAINTS, SETTING_STEMS

#: One setting per this many children (a county has roughly one school or nursery for
#: every 20 to 30 requests for assessment over a few years) [assumption].
CHILDREN_PER_SETTING: Final = 20
MIN_SETTINGS: Final = 40

#: Pools of settings children of an age can attend: (pool, phase code, placement group
#: whose establishment types it takes, share of the register, youngest, oldest).
#: Shares are an assumption, close to the mix of an English county's register in GIAS.
POOLS: Final = (
    ("nursery", "nursery", "early_years", 0.14, 0, 4),
    ("primary", "primary", "mainstream", 0.55, 3, 10),
    ("secondary", "secondary", "mainstream", 0.13, 11, 18),
    ("all_through", "all_through", "mainstream", 0.02, 4, 18),
    ("special", "special", "special", 0.08, 2, 19),
    ("ap", "pru_ap", "ap", 0.03, 5, 16),
    ("fe", "fe_college", "fe", 0.05, 16, 25),
)

_NAMES: Final = {
    "nursery": ("{} Nursery", "{} Pre-School", "{} Day Nursery", "{} Nursery School"),
    "primary": (
        "{} Primary School",
        "{} Primary Academy",
        "{} Infant and Junior School",
        "{} Church of England Primary School",
        "{} Community Primary School",
    ),
    "secondary": ("{} Academy", "{} High School", "{} School", "{} Secondary School"),
    "all_through": ("{} All-Through School", "{} All-Through Academy"),
    "special": ("{} School", "{} Special School", "{} Specialist Academy"),
    "ap": ("{} Pupil Referral Unit", "{} Learning Centre", "{} Alternative Provision Academy"),
    "fe": ("{} College", "{} Sixth Form College"),
}
#: Types whose names differ from the rest of their pool.
_TYPE_NAMES: Final = {
    "special_independent": ("{} House School", "{} Hall School"),
    "specialist_post_16_institution": ("{} Specialist College",),
}
_SAINT_NAMES: Final = ("St {}'s CofE Primary School", "St {}'s Catholic Primary School")
_UKPRN_POOLS: Final = frozenset({"fe"})  # colleges are known by UKPRN as well as URN


@dataclass(frozen=True, slots=True)
class PlannedSetting:
    urn: str
    ukprn: str
    name: str
    establishment_type: str
    phase: str
    postcode: str
    pool: str


@dataclass(frozen=True)
class Register:
    """The settings, and which of them a child of a given age and placement could attend."""

    settings: tuple[PlannedSetting, ...]
    by_pool: Mapping[str, tuple[int, ...]]
    by_pool_type: Mapping[tuple[str, str], tuple[int, ...]]
    type_weights: Mapping[str, tuple[tuple[str, ...], tuple[float, ...]]]

    def pick(self, rng: random.Random, group: str, age: int) -> int | None:
        """Index of a setting for a child of ``age`` placed in ``group`` (a caseload.csv
        placement group), or None when the child attends no setting."""
        pool = _pool_for(group, age)
        if pool is None:
            return None
        if pool in _WITH_ALL_THROUGH and age >= _ALL_THROUGH_FROM:
            pool = _WITH_ALL_THROUGH[pool]
        types, weights = self.type_weights[_POOL_GROUP[pool]]
        chosen = rng.choices(types, weights)[0]
        candidates = self.by_pool_type.get((pool, chosen)) or self.by_pool[pool]
        return candidates[rng.randrange(len(candidates))] if candidates else None


_POOL_PHASE: Final = {pool: phase for pool, phase, *_ in POOLS}
#: Primary and secondary pupils may be at an all-through school instead: these pools are
#: indexed as well, holding both.
_WITH_ALL_THROUGH: Final = {"primary": "primary+all_through", "secondary": "secondary+all_through"}
_ALL_THROUGH_FROM: Final = 4
_POOL_GROUP: Final = {
    **{pool: group for pool, _, group, *_ in POOLS},
    **dict.fromkeys(_WITH_ALL_THROUGH.values(), "mainstream"),
}


def _pool_for(group: str, age: int) -> str | None:
    """Where a child of this age in this placement group goes; None = no setting (home,
    NEET, awaiting provision). Placements that do not fit the age fall back to the
    mainstream route for it, as the rare real ones mostly are."""
    if group == "elsewhere":
        return None
    if group == "early_years" and age <= 4:
        return "nursery"
    if group == "special" and 2 <= age <= 19:
        return "special"
    if group == "ap" and 5 <= age <= 16:
        return "ap"
    if group == "fe" and age >= 16:
        return "fe"
    if age <= 2:
        return "nursery"
    if age <= 10:
        return "primary"
    return "secondary" if age <= 18 else "fe"


def register_size(children: int) -> int:
    return max(MIN_SETTINGS, children // CHILDREN_PER_SETTING)


def _cells(calibration: Calibration, size: int) -> list[tuple[str, str, int]]:
    """(pool, establishment type, how many) for every pool and type, at least one each."""
    cells = []
    for pool, _, group, share, *_ in POOLS:
        types = calibration.weights("placements", "establishment_types", group)
        for establishment_type, type_share in types.items():
            cells.append((pool, establishment_type, max(1, round(size * share * type_share))))
    return cells


def _name(rng: random.Random, pool: str, establishment_type: str, used: set[str]) -> str:
    templates = _TYPE_NAMES.get(establishment_type) or _NAMES[pool]
    for attempt in range(20):
        if pool == "primary" and rng.random() < 0.1:
            name = rng.choice(_SAINT_NAMES).format(rng.choice(SAINTS))
        else:
            stem = rng.choice(SETTING_STEMS)
            if attempt >= 5:  # common stems run out in a big register: add the locality
                stem = f"{rng.choice(POSTCODE_DISTRICTS)[1]} {stem}"
            name = rng.choice(templates).format(stem)
        if name not in used:
            used.add(name)
            return name
    name = f"{name} ({len(used) + 1})"
    used.add(name)
    return name


def _urns(rng: random.Random, count: int, taken: frozenset[str]) -> list[str]:
    """Unique 6-digit URNs (the format GIAS uses), none already in the database."""
    drawn = rng.sample(range(100000, 1000000), count + len(taken))
    return [urn for urn in map(str, drawn) if urn not in taken][:count]


def plan_register(
    calibration: Calibration, *, children: int, seed: int, taken_urns: Sequence[str] = ()
) -> Register:
    rng = random.Random(f"register:{seed}")
    cells = _cells(calibration, register_size(children))
    urns = iter(_urns(rng, sum(n for *_, n in cells), frozenset(taken_urns)))
    used: set[str] = set()
    settings = [
        PlannedSetting(
            urn=next(urns),
            ukprn=f"10{rng.randrange(10**6):06d}" if pool in _UKPRN_POOLS else "",
            name=_name(rng, pool, establishment_type, used),
            establishment_type=establishment_type,
            phase=_POOL_PHASE[pool],
            postcode=postcode_in(rng),
            pool=pool,
        )
        for pool, establishment_type, count in cells
        for _ in range(count)
    ]
    return _indexed(calibration, tuple(settings))


def _indexed(calibration: Calibration, settings: tuple[PlannedSetting, ...]) -> Register:
    by_pool: dict[str, list[int]] = {pool: [] for pool, *_ in POOLS}
    by_pool_type: dict[tuple[str, str], list[int]] = {}
    for index, setting in enumerate(settings):
        pools = [setting.pool]
        if setting.pool == "all_through":
            pools += _WITH_ALL_THROUGH.values()
        elif setting.pool in _WITH_ALL_THROUGH:
            pools.append(_WITH_ALL_THROUGH[setting.pool])
        for pool in pools:
            by_pool.setdefault(pool, []).append(index)
            by_pool_type.setdefault((pool, setting.establishment_type), []).append(index)
    type_weights = {}
    for _, _, group, *_ in POOLS:
        types = calibration.weights("placements", "establishment_types", group)
        type_weights[group] = (tuple(types), tuple(types.values()))
    return Register(
        settings=settings,
        by_pool={pool: tuple(indexes) for pool, indexes in by_pool.items()},
        by_pool_type={key: tuple(indexes) for key, indexes in by_pool_type.items()},
        type_weights=type_weights,
    )
