"""An EHC plan's sections A to K for one synthetic child, drawn from the phrase banks: the
needs, outcomes and provision come from the same strands as the advice, so the plan reads
as written from it. About 30% of plans are written weakly, as real ones are: provision
not quantified, outcomes with no time frame, the child's own views missing. Nothing records
which: a quality check has to find them."""

import random
from collections.abc import Sequence
from datetime import date
from typing import Final, NamedTuple

from . import school
from .phrases import letters, vague, voices
from .phrases.types import Provision, Strand
from .records import PlannedNeed, PlannedOutcome, PlannedPlan, PlannedProvision

# --- Assumptions -------------------------------------------------------------------------
WEAK_PLANS: Final = 0.3
#: In a weak plan: the chance of each kind of weakness, and of each item showing it.
WEAK_PROVISION, WEAK_PROVISION_ITEM = 0.85, 0.6
WEAK_TIME_FRAMES, WEAK_TIME_FRAME_ITEM = 0.5, 0.5
MISSING_CHILD_VIEWS: Final = 0.4
HEALTH_NEEDS_IN_PLAN: Final = 0.6  # plans with section C, when health advice came in
CARE_NEEDS_IN_PLAN: Final = 0.7  # plans with section D, when social care advice came in
SECOND_NEED_LINK: Final = 0.2  # outcomes that also address a second need
PERSONAL_BUDGET: Final = 0.05
BUDGET_AMOUNTS: Final = (1200, 1800, 2400, 3000, 3600, 4800, 6000)


class Keys:
    """Item keys shaped like UUIDv7 (48-bit counter, then random bits) and rising with the
    child's number, so the database indexes them in order; deterministic for the area."""

    def __init__(self, rng: random.Random, today: date, number: int) -> None:
        self.rng = rng
        self.next = (today.toordinal() * 86_400_000 + number * 64) % (1 << 48)

    def __call__(self) -> str:
        bits = self.rng.getrandbits(74)
        value = (self.next << 80) | (7 << 76) | ((bits >> 62) << 64) | (2 << 62)
        self.next += 1
        return f"{value | (bits & ((1 << 62) - 1)):032x}"


class Worded(NamedTuple):
    """A strand in the child's name and pronouns, for the plan and for advice."""

    need: str  # "Ada finds ... ."
    outcome: str  # "Ada will ... ."
    provision: Provision
    advice_need: str  # "Finds ..."
    advice_outcome: str  # "To ..."
    advice_provision: str  # "What (who; how often; how long; group size)"


class Wording:
    """Each strand worded once per child, however often the plan and the advice use it."""

    def __init__(self, person: dict[str, str]) -> None:
        self.person = person
        self.worded: dict[int, Worded] = {}

    def __call__(self, strand: Strand) -> Worded:
        if (worded := self.worded.get(id(strand))) is None:
            p = self.person
            need, outcome = strand.need.format(**p), strand.outcome.format(**p)
            provision = Provision(*(part.format(**p) for part in strand.provision))
            worded = self.worded[id(strand)] = Worded(
                f"{p['name']} {need}.",
                f"{p['name']} {outcome}.",
                provision,
                need[:1].upper() + need[1:],
                "To " + outcome.removeprefix("will "),
                f"{provision.what} ({provision.who}; {provision.how_often}; "
                f"{provision.how_long}; {provision.group_size})",
            )
        return worded


class Child(NamedTuple):
    """What section A and the time frames need to know about the child."""

    person: dict[str, str]  # name and pronouns for str.format
    wording: Wording
    born: date
    primary_need: str
    setting_name: str
    family: tuple[str, str, str, str, str]  # voices.FAMILIES entry
    locality: str
    request_source: str
    received_on: date
    interests: tuple[str, ...]
    traits: tuple[str, ...]


class Strands(NamedTuple):
    education: Sequence[Strand]
    adulthood: Sequence[Strand]
    health: Sequence[Strand]  # in the plan (section C), if any
    care: Sequence[Strand]  # in the plan (section D), if any


def section_a(
    rng: random.Random, child: Child, on: date, *, own_views: bool
) -> tuple[str, str, str, str, str]:
    """Views, interests, aspirations and history, in plain English for the child's age."""
    p = child.person
    age_band = school.band(school.school_year(child.born, on))
    interests = [i.format(**p) for i in child.interests]
    views = _child_views(rng, age_band, child.interests).format(**p) if own_views else ""
    _, speaker, says, worries, pronoun = child.family
    worry = rng.choice(voices.WORRIES[age_band])
    family = (
        f"{speaker} {says} {{name}} is {child.traits[0]} and {child.traits[1]}. "
        f"{pronoun} {worries} most about {worry}. {pronoun} would like "
        f"{rng.choice(voices.FAMILY_WISHES)}."
    ).format(**p)
    likes = (
        f"{{name}} enjoys {interests[0]}, and {{he}} also loves {interests[1]}. People who "
        f"know {{him}} say {{he}} is {child.traits[0]}, {child.traits[2]} and {child.traits[1]}."
    )
    hope = rng.choice(voices.FAMILY_HOPES[age_band])
    if age_band == "e":
        aspirations = f"{{His}} family hope {{he}} will {hope}."
    else:
        aim = rng.choice(voices.CHILD_AIMS[age_band])
        aspirations = f"{{name}} would like {aim}. {{His}} family hope {{he}} will {hope}."
    return views, family, likes.format(**p), aspirations.format(**p), _history(child)


def _child_views(rng: random.Random, age_band: str, interests: Sequence[str]) -> str:
    """In the child's words where they can give them (a template for the child's name)."""
    if age_band == "e":
        return (
            "{name} is too young to give {his} views in words, so the adults who know {him} "
            f"best watched what {{he}} enjoys. {{He}} is happiest with {interests[0]}, and "
            f"shows {{he}} is upset by {rng.choice(voices.UPSET)}."
        )
    if age_band == "p":
        return (
            f"{{name}} told us: \"I like {interests[0].format(**voices.FIRST_PERSON)}. I don't "
            "like it when "
            f"{rng.choice(voices.DISLIKES['p'])}. I want help with "
            f"{rng.choice(voices.HELP_WITH['p'])}. My best thing at school is "
            f'{rng.choice(voices.BEST_AT_SCHOOL)}."'
        )
    return (
        f"{{name}} said: \"I want teachers to {rng.choice(voices.TEACHERS_SHOULD)}. It's "
        f"hard when {rng.choice(voices.DISLIKES[age_band])}. I'd like help with "
        f'{rng.choice(voices.HELP_WITH[age_band])}."'
    )


def _history(child: Child) -> str:
    p = child.person
    age_at_request = child.received_on.year - child.born.year
    noticed = child.born.year + max(1, min(3, age_at_request - 1))
    if child.primary_need in ("SEMH", "SPLD"):
        noticed = child.born.year + max(1, min(age_at_request - 1, 7))
    diagnosed = min(child.received_on.year, noticed + 1)
    lives_with = child.family[0]
    parts = [
        f"{{name}} lives in {child.locality} with {lives_with}.",
        voices.NEED_HISTORY[child.primary_need]
        .replace("{noticed}", str(noticed))
        .replace("{diagnosed}", str(diagnosed)),
        f"{{He}} goes to {child.setting_name}." if child.setting_name else "",
        f"The council received a request for an EHC needs assessment in "
        f"{school.MONTHS[child.received_on.month - 1]} {child.received_on.year}, made "
        f"{voices.REQUESTED_BY[child.request_source]}.",
    ]
    return " ".join(part for part in parts if part).format(**p)


def _good_time_frame(rng: random.Random, child: Child, on: date) -> tuple[str, date]:
    draw = rng.random()
    if draw < 0.6:
        return school.stage_time_frame(child.born, on)
    if draw < 0.85:
        return school.short_step(on)
    return school.twelve_months(on)


def _vague_provision(rng: random.Random, topic: str, p: dict[str, str]) -> Provision:
    return Provision(
        rng.choice(vague.WHAT).format(topic=topic, **p),
        rng.choice(vague.WHO),
        rng.choice(vague.HOW_OFTEN),
        rng.choice(vague.HOW_LONG),
        rng.choice(vague.GROUP_SIZE),
    )


def _weaknesses(rng: random.Random) -> tuple[bool, bool, bool]:
    """Which ways a weak plan falls short: at least one."""
    while True:
        provision = rng.random() < WEAK_PROVISION
        time_frames = rng.random() < WEAK_TIME_FRAMES
        views = rng.random() < MISSING_CHILD_VIEWS
        if provision or time_frames or views:
            return provision, time_frames, views


def build_plan(
    rng: random.Random,
    child: Child,
    strands: Strands,
    keys: Keys,
    *,
    started_on: date,
    drafted_on: date,
    final_on: date | None,
    weak: bool,
    draft_advice: tuple[int, ...],
    final_advice: tuple[int, ...],
) -> PlannedPlan:
    p, words = child.person, child.wording
    vague_provision, vague_time, no_views = _weaknesses(rng) if weak else (False,) * 3
    # Time frames: the end of the key stage or phase mostly, else a step within the year.
    frames = (
        school.stage_time_frame(child.born, drafted_on),
        school.short_step(drafted_on),
        school.twelve_months(drafted_on),
    )
    needs: list[PlannedNeed] = []
    outcomes: list[PlannedOutcome] = []
    by: date | None
    b_needs = [_add_need(needs, keys, "B", words(s).need) for s in strands.education]
    for strand, need in zip(strands.education, b_needs, strict=True):
        linked = [need]
        if len(b_needs) > 1 and rng.random() < SECOND_NEED_LINK:
            linked.append(rng.choice([n for n in b_needs if n != need]))
        if vague_time and rng.random() < WEAK_TIME_FRAME_ITEM:
            text = rng.choice(vague.OUTCOMES).format(topic=strand.topic, **p)
            frame = rng.choice(vague.TIME_FRAMES)
            outcome = PlannedOutcome(keys(), f"{p['name']} {text}.", frame, None, "",
                                     tuple(sorted(linked)))  # fmt: skip
        else:
            draw = rng.random()
            frame, by = frames[0 if draw < 0.6 else 1 if draw < 0.85 else 2]
            outcome = PlannedOutcome(keys(), words(strand).outcome, frame, by, "",
                                     tuple(sorted(linked)))  # fmt: skip
        outcomes.append(outcome)
    adult_frame = school.adulthood_time_frame(child.born, drafted_on)
    for strand in strands.adulthood:
        linked = sorted(rng.sample(b_needs, min(len(b_needs), 1 + (rng.random() < 0.5))))
        frame, by = adult_frame
        if vague_time and rng.random() < WEAK_TIME_FRAME_ITEM:
            frame, by = rng.choice(vague.TIME_FRAMES), None
        outcomes.append(PlannedOutcome(keys(), words(strand).outcome, frame, by,
                                       strand.adulthood_area, tuple(linked)))  # fmt: skip
    for section, chosen in (("C", strands.health), ("D", strands.care)):
        for strand in chosen:
            need = _add_need(needs, keys, section, words(strand).need)
            frame, by = frames[2]
            outcomes.append(PlannedOutcome(keys(), words(strand).outcome, frame, by, "", (need,)))
    provisions = _provisions(rng, child, strands, keys, vague=vague_provision)
    views = section_a(rng, child, drafted_on, own_views=not no_views)
    budget, direct = _budget(rng, child, school.school_year(child.born, drafted_on), strands)
    return PlannedPlan(
        started_on, drafted_on, final_on, *views, tuple(needs), tuple(outcomes),
        tuple(provisions), budget, direct, draft_advice, final_advice,
    )  # fmt: skip


def _provisions(
    rng: random.Random, child: Child, strands: Strands, keys: Keys, *, vague: bool
) -> list[PlannedProvision]:
    """One provision for each outcome, in the same order. A weak plan words some of its
    special educational provision vaguely (the first, at least)."""
    threads = [*strands.education, *strands.adulthood, *strands.health, *strands.care]
    provisions = []
    for position, strand in enumerate(threads):
        if (
            vague
            and strand.section == "F"
            and (position == 0 or rng.random() < WEAK_PROVISION_ITEM)
        ):
            provision = _vague_provision(rng, strand.topic, child.person)
        else:
            provision = child.wording(strand).provision
        provisions.append(PlannedProvision(keys(), strand.section, *provision, (position,)))
    return provisions


def _add_need(needs: list[PlannedNeed], keys: Keys, section: str, text: str) -> int:
    needs.append(PlannedNeed(keys(), section, text))
    return len(needs) - 1


def _budget(rng: random.Random, child: Child, year: int, strands: Strands) -> tuple[str, bool]:
    if rng.random() >= PERSONAL_BUDGET:
        return "", False
    age_band = school.band(year)
    text, direct, _ = rng.choice(
        [b for b in letters.PERSONAL_BUDGETS if age_band in b[2]] or letters.PERSONAL_BUDGETS
    )
    topic = strands.education[0].topic
    amount = rng.choice(BUDGET_AMOUNTS)
    return (
        f"{text.format(amount=amount, **child.person)} It meets the outcome in section E "
        f"about {topic}.",
        direct,
    )
