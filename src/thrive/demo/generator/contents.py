"""Everything written about one synthetic child's assessment: the requests for advice and
the advice given (one request per ADVICE_REQUESTED on the timeline), the EHC plan when a
draft was issued, the family's views and their response to the draft.

Pure Python and deterministic: each child's contents come from their own random stream,
seeded by the area's seed and the child's number, so adding them changed no other draw."""

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Final, NamedTuple

from thrive.law.clock import Event, EventKind

from . import school
from .phrases import adulthood, education, health_care, letters, voices
from .phrases.types import Strand
from .plan_sections import (
    CARE_NEEDS_IN_PLAN,
    HEALTH_NEEDS_IN_PLAN,
    WEAK_PLANS,
    Child,
    Keys,
    Strands,
    Wording,
    build_plan,
)
from .records import (
    TO_PRACTITIONER,
    TO_SERVICE,
    TO_SETTING,
    PlannedAdvice,
    PlannedPlan,
    PlannedResponse,
    PlannedViews,
)
from .services import STAFF

K = EventKind

# --- Assumptions -------------------------------------------------------------------------
EP_BY_NAME: Final = 0.1  # psychology requests sent to a named EP rather than the inbox
FAMILY_VIEWS: Final = 0.6  # assessed cases with "all about me" views
ON_BEHALF: Final = (("paper", "phone", "meeting"), (0.45, 0.35, 0.2))
WANTS_MEETING: Final = 0.25
ASKS_FOR_A_SETTING: Final = 0.12
SECONDARY_STRAND: Final = 0.7

#: Child i's contents come from the stream seeded (1 << 80) | (seed << 40) | i: apart from
#: the stream that draws the child and their timeline, (seed << 40) | i.
_CONTENTS_STREAM: Final = 1 << 80


class Featured(NamedTuple):
    """How a demo case departs from the usual draws (None: draw as usual)."""

    weak: bool | None = None
    family_views: bool | None = None
    ep_by_name: bool | None = None
    portal: bool = False  # the family gives views and comments through the portal
    own_voice: bool = False  # a young person commenting on their own plan


class About(NamedTuple):
    number: int
    first_name: str
    sex: str
    born: date
    primary_need: str
    secondary_need: str
    setting: int | None  # index into the register
    setting_name: str
    locality: str
    request_source: str


class Contents(NamedTuple):
    advice: tuple[PlannedAdvice, ...] = ()
    plan: PlannedPlan | None = None
    views: PlannedViews | None = None
    response: PlannedResponse | None = None


def pronouns(first_name: str, sex: str) -> dict[str, str]:
    he, him, his = ("she", "her", "her") if sex == "F" else ("he", "him", "his")
    return {"name": first_name, "he": he, "him": him, "his": his, "himself": f"{him}self",
            "He": he.title(), "His": his.title()}  # fmt: skip


def _by_band(strands: Sequence[Strand], band: str) -> tuple[Strand, ...]:
    return tuple(s for s in strands if band in s.phases)


def _padded(strands: Sequence[Strand], extra: Sequence[Strand]) -> tuple[Strand, ...]:
    """At least 2 strands: advice gives 2 to 4 items of each kind."""
    chosen = list(strands)
    chosen += [s for s in extra if s not in chosen][: max(0, 2 - len(chosen))]
    return tuple(chosen)


_BANDS: Final = "epsc"
_EDUCATION: Final = {
    (need, band): _padded(_by_band(strands, band), _by_band(education.GENERIC, band))
    for need, strands in education.BY_NEED.items()
    for band in _BANDS
}
_HEALTH: Final = {
    (need, band): _padded(_by_band(strands, band), _by_band(health_care.HEALTH_GENERIC, band))
    for need, strands in health_care.HEALTH_BY_NEED.items()
    for band in _BANDS
}
_CARE: Final = {band: _by_band(health_care.CARE, band) for band in _BANDS}
_ADULTHOOD: Final = {band: _by_band(adulthood.ADULTHOOD, band) for band in _BANDS}
_CLOSING: Final = frozenset({K.WITHDRAWN, K.FINAL_ISSUED})


class _Request(NamedTuple):
    contributor: str
    on: date
    received: date | None
    withdrawn: date | None


def _requests(events: Sequence[Event]) -> list[_Request]:
    """Each request for advice with the receipt or withdrawal that answered it (the oldest
    open request to the same contributor, as the clock pairs them)."""
    requests: list[_Request] = []
    for event in events:
        who = event.contributor.value if event.contributor else ""
        if event.kind is K.ADVICE_REQUESTED:
            requests.append(_Request(who, event.on, None, None))
        elif event.kind in (K.ADVICE_RECEIVED, K.ADVICE_WITHDRAWN):
            for i, r in enumerate(requests):
                if r.contributor == who and r.received is None and r.withdrawn is None:
                    received = event.on if event.kind is K.ADVICE_RECEIVED else None
                    withdrawn = event.on if event.kind is K.ADVICE_WITHDRAWN else None
                    requests[i] = r._replace(received=received, withdrawn=withdrawn)
                    break
    return requests


def _first(events: Sequence[Event], kind: EventKind, outcome: bool | None = None) -> date | None:
    for event in events:
        if event.kind is kind and (outcome is None or event.outcome is outcome):
            return event.on
    return None


def _sample(rng: random.Random, strands: Sequence[Strand], low: int, high: int) -> list[Strand]:
    return rng.sample(strands, min(len(strands), rng.randint(low, high)))


def _items(
    rng: random.Random, pool: Sequence[Strand], words: Wording
) -> tuple[tuple[str, str], ...]:
    """2 to 4 needs, with the outcome and the provision the advice recommends for each."""
    worded = [words(strand) for strand in _sample(rng, pool, 2, 4)]
    return (
        *(("need", w.advice_need) for w in worded),
        *(("outcome", w.advice_outcome) for w in worded),
        *(("provision", w.advice_provision) for w in worded),
    )


def _advice(
    rng: random.Random,
    about: About,
    p: dict[str, str],
    requests: Sequence[_Request],
    pools: dict[str, Sequence[Strand]],
    featured: Featured,
    words: Wording,
) -> tuple[PlannedAdvice, ...]:
    year = school.school_year(about.born, requests[0].on) if requests else 0
    phase = _phase(year, about.setting_name)
    topic = pools["education"][0].topic
    planned = []
    for request in requests:
        who = request.contributor
        if who == "educational_psychology":
            by_name = featured.ep_by_name
            if by_name is None:
                by_name = rng.random() < EP_BY_NAME
            recipient = TO_PRACTITIONER if by_name else TO_SERVICE
        elif who == "education" and about.setting is not None:
            recipient = TO_SETTING
        else:
            recipient = TO_SERVICE
        question = rng.choice(letters.QUESTIONS[who]).format(
            phase=phase, topic=topic, setting=about.setting_name or "your service", **p
        )
        summary, submitter = "", 0
        items: tuple[tuple[str, str], ...] = ()
        if request.received is not None:
            summary = rng.choice(letters.SUMMARIES[who]).format(topic=topic, **p)
            items = _items(rng, pools[who], words)
            submitter = rng.randrange(len(STAFF[who]))
        planned.append(
            PlannedAdvice(who, recipient, request.on, question, request.received,
                          request.withdrawn, submitter, summary, items)
        )  # fmt: skip
    return tuple(planned)


def _phase(year: int, setting: str) -> str:
    """Where the child is, for a letter: "in Year 4 at Oakfield Primary School"."""
    if year < 0:
        return f"in the nursery at {setting}" if setting else "not yet at a nursery or school"
    if not setting:
        return f"{school.year_words(year)}, with no school or college place at present"
    return f"{school.year_words(year)} at {setting}"


def plan_contents(
    *,
    seed: int,
    about: About,
    events: Sequence[Event],
    today: date,
    featured: Featured,
    special_school: int | None,
) -> Contents:
    """The advice, plan and family contributions of a child whose timeline is ``events``.
    ``special_school`` is a setting the family might ask for instead of the current one."""
    assessed = _first(events, K.DECISION_TO_ASSESS, outcome=True)
    if assessed is None:
        return Contents()
    rng = random.Random(_CONTENTS_STREAM | (seed << 40) | about.number)
    p = pronouns(about.first_name, about.sex)
    drafted = _first(events, K.DRAFT_ISSUED)
    final = _first(events, K.FINAL_ISSUED)
    band = school.band(school.school_year(about.born, assessed))
    strands = _sample(rng, _EDUCATION[(about.primary_need, band)], 2, 4)
    if about.secondary_need and rng.random() < SECONDARY_STRAND:
        extra = [s for s in _EDUCATION[(about.secondary_need, band)] if s not in strands]
        strands += extra[:1]
    focus = drafted or assessed
    grown_up = school.school_year(about.born, focus) >= 9  # Year 9 on: preparing for adulthood
    adult = _sample(rng, _ADULTHOOD[school.band(school.school_year(about.born, focus))], 1, 2)
    pools: dict[str, Sequence[Strand]] = {
        "educational_psychology": strands + (adult if grown_up else []),
        "education": strands,
        "other": strands,
        "health": _HEALTH[(about.primary_need, band)],
        "social_care": _CARE[band],
    }
    requests = _requests(events)
    words = Wording(p)
    advice = _advice(rng, about, p, requests, pools, featured, words)
    child = _child(rng, about, p, words, events[0].on)
    plan = None
    if drafted is not None:
        plan = _plan(rng, about, child, advice, pools, today, featured,
                     started=_first(events, K.DECISION_TO_ISSUE, outcome=True) or drafted,
                     drafted=drafted, final=final, adult=adult if grown_up else [])  # fmt: skip
    closes = min((e.on for e in events if e.kind in _CLOSING or e.outcome is False), default=today)
    views = _views(rng, child, assessed, min(closes, drafted or today, today), featured)
    comments = _first(events, K.COMMENTS_RECEIVED)
    response = None
    if comments is not None:
        response = _response(rng, about, p, comments, featured, special_school)
    return Contents(advice, plan, views, response)


def _child(
    rng: random.Random, about: About, p: dict[str, str], words: Wording, received: date
) -> Child:
    year = school.school_year(about.born, received)
    interests = voices.INTERESTS[school.band(year)]
    return Child(
        person=p,
        wording=words,
        born=about.born,
        primary_need=about.primary_need,
        setting_name=about.setting_name,
        family=rng.choice(voices.FAMILIES),
        locality=about.locality,
        request_source=about.request_source,
        received_on=received,
        interests=tuple(rng.sample(interests, 2)),
        traits=tuple(rng.sample(voices.TRAITS, 3)),
    )


def _plan(
    rng: random.Random,
    about: About,
    child: Child,
    advice: Sequence[PlannedAdvice],
    pools: dict[str, Sequence[Strand]],
    today: date,
    featured: Featured,
    *,
    started: date,
    drafted: date,
    final: date | None,
    adult: Sequence[Strand],
) -> PlannedPlan:
    def received_by(day: date, who: str = "") -> list[int]:
        return [
            i
            for i, a in enumerate(advice)
            if a.received_on is not None and a.received_on <= day and who in ("", a.contributor)
        ]

    health: tuple[Strand, ...] = ()
    care: tuple[Strand, ...] = ()
    if received_by(drafted, "health") and rng.random() < HEALTH_NEEDS_IN_PLAN:
        health = tuple(_sample(rng, pools["health"], 1, 2))
    if received_by(drafted, "social_care") and rng.random() < CARE_NEEDS_IN_PLAN:
        care = tuple(_sample(rng, pools["social_care"], 1, 1))
    weak = featured.weak
    if weak is None:
        weak = rng.random() < WEAK_PLANS
    return build_plan(
        rng,
        child,
        Strands(pools["education"], adult, health, care),
        Keys(rng, today, about.number),
        started_on=started,
        drafted_on=drafted,
        final_on=final,
        weak=weak,
        draft_advice=tuple(received_by(drafted)),
        final_advice=tuple(received_by(final)) if final else (),
    )


def age_placement_type(born: date, today: date) -> str:
    """Section I naming only the type of setting usual at the child's age on ``today`` (a
    child with no setting, or too young then for the setting they attend now)."""
    year = school.school_year(born, today)
    if year < 0:
        return "early_years"
    return "mainstream_la_maintained" if year <= 11 else "general_fe_tertiary_college"


def _views(
    rng: random.Random, child: Child, assessed: date, latest: date, featured: Featured
) -> PlannedViews | None:
    gives = featured.family_views
    if gives is None:
        gives = rng.random() < FAMILY_VIEWS
    given = min(assessed + timedelta(days=rng.randrange(3, 29)), latest)
    if not gives or given < assessed:
        return None
    p = child.person
    band = school.band(school.school_year(child.born, given))
    hard = voices.DISLIKES.get(band) or voices.DISLIKES["p"]
    help_with = voices.HELP_WITH.get(band) or voices.HELP_WITH["p"]
    aims = voices.CHILD_AIMS.get(band)
    hopes = rng.choice(aims) if aims else "to " + rng.choice(voices.FAMILY_HOPES["e"])
    return PlannedViews(
        given_on=given,
        on_behalf_method="" if featured.portal else rng.choices(*ON_BEHALF)[0],
        about_me=f"People say I am {child.traits[0]} and {child.traits[1]}.",
        important_to_me=f"I love {child.interests[0]}. I also like {child.interests[1]}.".format(
            **voices.FIRST_PERSON
        ),
        hard_for_me=f"I find it hard when {rng.choice(hard)}. I need help with "
        f"{rng.choice(help_with)}.",
        support_me=rng.choice(voices.SUPPORT_ME),
        hopes=f"When I grow up I would like {hopes}.".format(**p),
    )


def _response(
    rng: random.Random,
    about: About,
    p: dict[str, str],
    given: date,
    featured: Featured,
    special_school: int | None,
) -> PlannedResponse:
    said = voices.OWN_DRAFT_COMMENTS if featured.own_voice else voices.DRAFT_COMMENTS
    comments = [c.format(**p) for c in rng.sample(said, rng.randint(1, 2))]
    text = " ".join(comments)
    setting = None
    if "different school" in text:
        setting = special_school
    elif about.setting is not None and rng.random() < ASKS_FOR_A_SETTING:
        setting = about.setting
    return PlannedResponse(
        given_on=given,
        on_behalf_method="" if featured.portal else rng.choices(*ON_BEHALF)[0],
        comments=text,
        requested_setting=setting,
        wants_meeting="meeting" in text or rng.random() < WANTS_MEETING,
    )
