"""The synthetic area as plain data: who the children are and what happened to their
requests. Pure Python (no Django), so it is fast, testable on its own and deterministic:
child number i is drawn from its own random stream, seeded by (seed, i)."""

import gc
import math
import random
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from typing import Final

from thrive.demo.calibration import Calibration, age_range
from thrive.law import codes
from thrive.law.clock import Event, EventKind

from .after_issue import NOTHING_AFTER, AfterIssue, AfterOdds, plan_after_issue
from .contents import About, Contents, Featured, plan_contents
from .featured import SHAPES, born_aged, demo_case, shaped_events
from .people import IdentifierBook, draw_upn, nhs_number, postcode_in
from .records import PlannedAdvice, PlannedPlan, PlannedResponse, PlannedViews
from .register import Register
from .timeline import Odds, Route, Timeline, accepted_steps, plan_timeline
from .words import FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, POSTCODE_DISTRICTS, SURNAMES

# --- Not published nationally: assumptions ---------------------------------------------
SECONDARY_NEED: Final = 0.35  # children with a secondary need recorded
NHS_NUMBER_KNOWN: Final = 0.97  # the rest have none recorded yet
UPN_AT_FOUR: Final = 0.5  # four-year-olds already in a reception class
MANAGER_HOLDS: Final = 0.04  # cases a SEND manager holds themselves
REASSIGNED: Final = 0.1  # cases that changed hands once

_STREAM_BITS: Final = 40  # child i's stream is seeded (seed << 40) | i
MAX_CHILDREN: Final = 850_000  # the NHS test range has room for about 900,000
_YEAR_DAYS: Final = 365.25
#: Plans issued before the window were requested up to this many years before it.
ESTABLISHED_SPAN_YEARS: Final = 12


@dataclass(frozen=True)
class AreaSpec:
    """Everything the synthetic area depends on: the same spec gives the same area."""

    children: int
    seed: int
    years: int
    today: date
    la_code: str
    officers: tuple[str, ...]  # usernames of case officers
    managers: tuple[str, ...]  # usernames of SEND managers (hold a few cases)
    calibration: Calibration = field(compare=False)
    # The share of children whose plan was issued before the window: an area's caseload of
    # plans is mostly older than its recent requests (England: about 640,000 active plans
    # against about 110,000 requests a year).
    established: float = 0.0
    documents: bool = True  # advice, plans and family views; timelines only when False

    def __post_init__(self) -> None:
        if not 1 <= self.children <= MAX_CHILDREN:
            raise ValueError(f"Choose between 1 and {MAX_CHILDREN:,} children.")
        if not 1 <= self.years <= 10:
            raise ValueError("Choose between 1 and 10 years.")
        if self.seed < 0:
            raise ValueError("The seed must be 0 or more.")
        if not self.officers:
            raise ValueError("At least one case officer is needed.")
        if not 0 <= self.established < 1:
            raise ValueError("The share of established plans must be at least 0 and below 1.")

    @cached_property
    def draws(self) -> "Draws":
        return Draws.from_calibration(self.calibration, self.years)


@dataclass(frozen=True)  # no slots: slotted dataclasses unpickle several times slower
class PlannedChild:
    number: int  # position in the area, 0-based: the same number gets the same child
    first_name: str
    last_name: str
    date_of_birth: date
    sex: str
    ethnicity: str
    postcode: str
    upn: str
    nhs_number: str
    primary_need: str
    secondary_need: str
    setting: int | None  # index into the register
    officers: tuple[str, ...]  # usernames who held the case, in order; the last holds it
    request_source: str
    events: tuple[Event, ...]
    refused_steps: int
    advice: tuple[PlannedAdvice, ...] = ()  # one per ADVICE_REQUESTED, in the same order
    plan: PlannedPlan | None = None  # when a draft plan was issued
    views: PlannedViews | None = None
    response: PlannedResponse | None = None  # to the draft, when comments were received
    demo: str = ""  # featured.DemoCase value, for the demo's family sign-ins
    after: AfterIssue = NOTHING_AFTER  # reviews, amendments, ceasing, mediation and appeals


Weights = tuple[tuple[str, ...], tuple[float, ...]]


def _weights(mapping: Mapping[str, float]) -> Weights:
    return tuple(mapping), tuple(mapping.values())


@dataclass(frozen=True)
class Draws:
    """Calibrated weights in the shape `random.choices` takes, built once per area."""

    odds: Odds
    ages: Weights
    sexes: Weights
    ethnicities: Weights
    needs: Weights
    placements: Mapping[int, Weights]
    growth_per_day: float  # requests rise over the years as England's have
    after: AfterOdds

    @classmethod
    def from_calibration(cls, calibration: Calibration, years: int) -> "Draws":
        placements = {}
        for key, weights in calibration.data["placements"]["by_age"].items():
            low, high = age_range(key)
            for age in range(low, high + 1):
                placements[age] = _weights({g: float(w) for g, w in weights.items()})
        volume = calibration.weights("requests", "relative_volume_by_year")
        first, last = min(volume), max(volume)
        per_year = (volume[last] / volume[first]) ** (1 / max(1, int(last) - int(first)))
        return cls(
            odds=Odds.from_calibration(calibration),
            ages=_weights(calibration.weights("age_at_request")),
            sexes=_weights(calibration.weights("sex")),
            ethnicities=_weights(calibration.weights("ethnicity")),
            needs=_weights(calibration.weights("primary_need")),
            placements=placements,
            growth_per_day=math.log(per_year) / _YEAR_DAYS,
            after=AfterOdds.from_calibration(calibration),
        )


def _received_on(rng: random.Random, spec: AreaSpec) -> date:
    """A day in the last ``years`` years, later years busier (inverse of the growth CDF)."""
    window = round(spec.years * _YEAR_DAYS)
    k = spec.draws.growth_per_day
    u = rng.random()
    offset = u * window if k == 0 else math.log1p(u * math.expm1(k * window)) / k
    return spec.today - timedelta(days=window - 1 - min(int(offset), window - 1))


def _established_received_on(rng: random.Random, spec: AreaSpec) -> date:
    """A day in the ``ESTABLISHED_SPAN_YEARS`` before the window: an established plan's request."""
    window = round(spec.years * _YEAR_DAYS)
    span = round(ESTABLISHED_SPAN_YEARS * _YEAR_DAYS)
    return spec.today - timedelta(days=window + rng.randrange(span))


def _date_of_birth(rng: random.Random, spec: AreaSpec, received: date) -> date:
    low, high = age_range(rng.choices(*spec.draws.ages)[0])
    age = rng.randint(low, high)
    born = received - timedelta(days=int(age * _YEAR_DAYS) + rng.randrange(365))
    while codes.age_on(born, spec.today) > codes.MAX_AGE:  # still 0-25 today
        born += timedelta(days=365)
    return min(born, received)


def _needs(rng: random.Random, needs: Weights) -> tuple[str, str]:
    primary = rng.choices(*needs)[0]
    if rng.random() >= SECONDARY_NEED:
        return primary, ""
    while (secondary := rng.choices(*needs)[0]) == primary:
        pass
    return primary, secondary


def _upn(rng: random.Random, spec: AreaSpec, born: date, age: int) -> str:
    if age < 4 or (age == 4 and rng.random() >= UPN_AT_FOUR):
        return ""  # not yet at school: SEN2 records UPNunknown UN1 instead
    entry_year = born.year + (5 if born.month >= 9 else 4)  # reception, the September after 4
    return draw_upn(rng, spec.la_code, entry_year)


def _officers(rng: random.Random, spec: AreaSpec) -> tuple[str, ...]:
    if spec.managers and rng.random() < MANAGER_HOLDS:
        first = rng.choice(spec.managers)
    else:
        first = rng.choice(spec.officers)
    others = [o for o in spec.officers if o != first]
    if others and rng.random() < REASSIGNED:
        return first, rng.choice(others)
    return (first,)


def plan_child(spec: AreaSpec, register: Register, number: int) -> PlannedChild:
    """Child ``number`` of the area, with their request and what has happened to it."""
    rng = random.Random((spec.seed << _STREAM_BITS) | number)
    draws = spec.draws
    # Drawn only when asked for, so areas without established plans keep their streams.
    established = spec.established > 0 and rng.random() < spec.established
    received = _established_received_on(rng, spec) if established else _received_on(rng, spec)
    born = _date_of_birth(rng, spec, received)
    sex = rng.choices(*draws.sexes)[0]
    first_names = FIRST_NAMES_FEMALE if sex == "F" else FIRST_NAMES_MALE
    first_name, last_name = rng.choice(first_names), rng.choice(SURNAMES)
    ethnicity = rng.choices(*draws.ethnicities)[0]
    primary, secondary = _needs(rng, draws.needs)
    timeline = plan_timeline(
        rng,
        draws.odds,
        received=received,
        age=codes.age_on(born, received),
        today=spec.today,
        route=Route.ISSUED if established else None,
    )
    age = codes.age_on(born, spec.today)
    group = rng.choices(*draws.placements[age])[0]
    if group == "special" and not timeline.plan_issued:
        group = "mainstream"  # special schools admit children with a plan
    demo = demo_case(number)
    featured = Featured()
    if demo is not None:  # shaped for a demo sign-in
        shape = SHAPES[demo]
        born, age = born_aged(shape.age, spec.today, rng.randrange(20, 340)), shape.age
        primary, secondary, group, featured = (
            shape.primary_need,
            "",
            shape.placement,
            shape.featured,
        )
        events, refused = accepted_steps(shaped_events(shape, spec.today), spec.today)
        timeline = Timeline(shape.request_source, events, refused)
    postcode = postcode_in(rng)
    upn = _upn(rng, spec, born, age)
    nhs = nhs_number(rng) if rng.random() < NHS_NUMBER_KNOWN else ""
    setting = register.pick(rng, group, age)
    officers = _officers(rng, spec)
    about = About(
        number=number,
        first_name=first_name,
        sex=sex,
        born=born,
        primary_need=primary,
        secondary_need=secondary,
        setting=setting,
        setting_name="" if setting is None else register.settings[setting].name,
        locality=_LOCALITIES[postcode.split()[0]],
        request_source=timeline.request_source,
    )
    contents = (
        _contents(rng, spec, register, about, timeline, featured, age)
        if spec.documents
        else Contents()
    )
    after = (
        plan_after_issue(
            draws.after,
            seed=spec.seed,
            number=number,
            born=born,
            events=timeline.events,
            final_on=None if contents.plan is None else contents.plan.final_on,
            today=spec.today,
        )
        if spec.documents
        else NOTHING_AFTER
    )
    return PlannedChild(
        number=number,
        first_name=first_name,
        last_name=last_name,
        date_of_birth=born,
        sex=sex,
        ethnicity=ethnicity,
        postcode=postcode,
        upn=upn,
        nhs_number=nhs,
        primary_need=primary,
        secondary_need=secondary,
        setting=setting,
        officers=officers,
        request_source=timeline.request_source,
        events=timeline.events,
        refused_steps=timeline.refused,
        advice=contents.advice,
        plan=contents.plan,
        views=contents.views,
        response=contents.response,
        demo=demo.value if demo else "",
        after=after,
    )


_LOCALITIES: Final = {code: locality for code, locality, _ in POSTCODE_DISTRICTS}


def _contents(
    rng: random.Random,
    spec: AreaSpec,
    register: Register,
    about: About,
    timeline: Timeline,
    featured: Featured,
    age: int,
) -> Contents:
    commented = any(e.kind is EventKind.COMMENTS_RECEIVED for e in timeline.events)
    return plan_contents(
        seed=spec.seed,
        about=about,
        events=timeline.events,
        today=spec.today,
        featured=featured,
        special_school=register.pick(rng, "special", age) if commented else None,
    )


def plan_children(spec: AreaSpec, register: Register, start: int, stop: int) -> list[PlannedChild]:
    """Children ``start`` to ``stop - 1``, before identifiers are made unique."""
    return [plan_child(spec, register, number) for number in range(start, stop)]


def with_unique_identifiers(
    children: Sequence[PlannedChild], book: IdentifierBook
) -> list[PlannedChild]:
    """The children with any duplicate UPN or NHS number moved to the next free one, in
    order, so the result is the same however the children were planned."""
    unique = []
    for child in children:
        upn = book.claim_upn(child.upn)
        nhs = book.claim_nhs(child.nhs_number) if child.nhs_number else ""
        if (upn, nhs) != (child.upn, child.nhs_number):
            child = replace(child, upn=upn, nhs_number=nhs)
        unique.append(child)
    return unique


def plan_area(
    spec: AreaSpec,
    register: Register,
    *,
    chunk_size: int = 5000,
    book: IdentifierBook | None = None,
) -> Iterator[list[PlannedChild]]:
    """The area's children, ``chunk_size`` at a time, with unique identifiers."""
    book = book or IdentifierBook()
    for start in range(0, spec.children, chunk_size):
        chunk = plan_children(spec, register, start, min(start + chunk_size, spec.children))
        yield with_unique_identifiers(chunk, book)


# --- Planning in worker processes (spawned: they import this module, never Django) -----

_worker_state: dict[str, tuple[AreaSpec, Register]] = {}


def worker_start(spec: AreaSpec, register: Register) -> None:
    _worker_state["area"] = (spec, register)
    gc.disable()  # see `without_cycle_collection`; the process ends with the area


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Millions of short-lived tuples and strings make the cyclic garbage collector run
    often over everything alive (it tripled the time to unpickle a batch). The area makes
    no reference cycles worth collecting, so it is paused meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def worker_plan(start: int, stop: int) -> list[PlannedChild]:
    spec, register = _worker_state["area"]
    return plan_children(spec, register, start, stop)
