"""Records for the forecasting tests: plans with their finals and cessations, requests with
their decisions, population rows, and a small synthetic area with plans over several
Januaries. Written straight to the models (the plan services' own tests cover the services):
fast enough that a service test runs in seconds."""

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings as django_settings

from thrive.accounts.models import User
from thrive.assessments.models import Case, CaseEvent
from thrive.benchmarks.models import Level, Population
from thrive.law import reviews
from thrive.people.models import Child, LocalAuthority, Setting
from thrive.plans.models import EhcPlan, PlanVersion
from thrive.plans.models_reviews import Cessation

D = dt.date

#: One setting per category the synthetic area uses: (establishment type, phase).
SETTING_TYPES: dict[str, tuple[str, str]] = {
    "mainstream": ("mainstream_la_maintained", "primary"),
    "mainstream_2": ("mainstream_academy", "secondary"),
    "special_state": ("special_la_maintained", "all_through"),
    "special_independent": ("special_independent", "all_through"),
    "further_education": ("general_fe_tertiary_college", "sixteen_plus"),
}


def make_setting(council: LocalAuthority, name: str, establishment_type: str) -> Setting:
    setting, _ = Setting.objects.get_or_create(
        name=name,
        defaults={
            "establishment_type": establishment_type,
            "phase": "all_through",
            "local_authority": council,
        },
    )
    return setting


def make_child(
    council: LocalAuthority, born: dt.date, need: str = "ASD", setting: Setting | None = None
) -> Child:
    return Child.objects.create(
        first_name="Test",
        last_name="Child",
        date_of_birth=born,
        sex="F",
        ethnicity="WBRI",
        primary_need=need,
        home_local_authority=council,
        setting=setting,
    )


Placement = Setting | str | None  # a setting, an establishment type named alone, or nothing


def add_plan(
    child: Child,
    officer: User,
    finals: Sequence[tuple[dt.date, Placement]],
    *,
    cease_notified: dt.date | None = None,
    lapsed: bool = False,
) -> EhcPlan:
    """A plan whose final (then amended finals) were issued on the given days, naming the
    given placements; with a decision to cease notified on ``cease_notified`` (on grounds that
    can be appealed, or a lapse on that day when ``lapsed``)."""
    case = Case.objects.create(child=child, case_officer=officer)
    plan = EhcPlan.objects.create(case=case)
    for number, (issued_on, placement) in enumerate(finals, start=1):
        PlanVersion.objects.create(
            plan=plan,
            number=number,
            kind="final" if number == 1 else "amended_final",
            created_by=officer,
            issued_on=issued_on,
            placement_setting=placement if isinstance(placement, Setting) else None,
            placement_type=placement if isinstance(placement, str) else "",
        )
    if cease_notified is not None:
        Cessation.objects.create(
            plan=plan,
            reason="8" if lapsed else "2",
            ground="" if lapsed else reviews.CeaseGround.NO_LONGER_NECESSARY,
            reasons_given="Needs met.",
            notified_on=cease_notified,
            ceases_on=cease_notified if lapsed else cease_notified + dt.timedelta(days=70),
            recorded_by=officer,
        )
    return plan


def ceases_on(notified: dt.date) -> dt.date:
    """The day a plan stops being maintained after a decision notified on ``notified`` with
    no appeal (the law's own arithmetic)."""
    effective = reviews.cessation_takes_effect(notified)
    assert effective is not None
    return effective


def add_request(
    child: Child,
    received: dt.date,
    *,
    assess: bool | None = None,
    issue: bool | None = None,
    withdrawn: bool = False,
) -> Case:
    """A request and its decisions (None: not yet decided)."""
    case = Case.objects.create(child=child)
    events = [CaseEvent(case=case, kind="request_received", on=received, request_source="1")]
    if assess is not None:
        events.append(
            CaseEvent(
                case=case,
                kind="decision_to_assess",
                on=received + dt.timedelta(days=40),
                outcome=assess,
            )
        )
    if issue is not None:
        events.append(
            CaseEvent(
                case=case,
                kind="decision_to_issue",
                on=received + dt.timedelta(days=110),
                outcome=issue,
            )
        )
    if withdrawn:
        events.append(CaseEvent(case=case, kind="withdrawn", on=received + dt.timedelta(days=20)))
    CaseEvent.objects.bulk_create(events)
    return case


def add_population(
    years: Sequence[int], per_age: int = 1000, growth: float = 0.0, area: str = ""
) -> None:
    """ONS-style mid-year estimates for ages 0 to 25 of the council (or ``area``)."""
    code = area or django_settings.THRIVE_LA_CODE
    Population.objects.bulk_create(
        Population(
            level=Level.LOCAL_AUTHORITY,
            area_code=code,
            year=year,
            age=age,
            population=round(per_age * (1 + growth) ** (year - years[0])),
        )
        for year in years
        for age in range(26)
    )


@dataclass
class Area:
    """What ``build_area`` made: the settings by key and each January's expected count."""

    settings: dict[str, Setting]
    children: list[Child] = field(default_factory=list)
    expected: dict[int, int] = field(default_factory=dict)


def build_area(
    council: LocalAuthority,
    officer: User,
    *,
    children: int = 60,
    first_year: int = 2018,
    last_year: int = 2025,
    seed: int = 1,
    population: bool = True,
) -> Area:
    """A small area: ``children`` children whose first final plans were issued from
    ``first_year`` to ``last_year`` (more each year), aged 3 to 15 when issued, in mainstream,
    state or independent special schools; some move to a special school by an amended final,
    about one in five has the plan ceased a year or more later. ``expected`` counts the plans
    maintained on each census day from ``first_year + 1`` to ``last_year + 1``."""
    from thrive.forecasting.selectors import census_day, ncy_in_january

    rng = random.Random(seed)
    area = Area(
        settings={
            key: make_setting(council, f"Test {key}", establishment)
            for key, (establishment, _) in SETTING_TYPES.items()
        }
    )
    span = last_year - first_year + 1
    weights = [1.0 + 0.25 * i for i in range(span)]  # more plans each year
    needs = ("ASD", "SLCN", "SEMH", "MLD", "")
    for _ in range(children):
        issue_year = rng.choices(range(first_year, last_year + 1), weights)[0]
        issued = D(issue_year, rng.randint(2, 11), rng.randint(1, 28))
        age = rng.randint(3, 15)
        born = D(issued.year - age, rng.randint(1, 12), rng.randint(1, 28))
        first = area.settings[rng.choice(("mainstream", "mainstream_2", "special_state"))]
        finals: list[tuple[dt.date, Placement]] = [(issued, first)]
        if rng.random() < 0.25:
            moved = issued + dt.timedelta(days=rng.randint(200, 900))
            special = rng.choice(("special_state", "special_independent"))
            finals.append((moved, area.settings[special]))
        notified = None
        if rng.random() < 0.2:
            notified = issued + dt.timedelta(days=rng.randint(400, 1500))
        child = make_child(council, born, need=rng.choice(needs))
        add_plan(child, officer, finals, cease_notified=notified)
        add_request(child, issued - dt.timedelta(days=140), assess=True, issue=True)
        area.children.append(child)
        ended = ceases_on(notified) if notified else None
        for year in range(first_year + 1, last_year + 2):
            day = census_day(year)
            maintained = issued <= day and (ended is None or ended > day)
            if maintained and -4 <= ncy_in_january(born, year) <= 20:
                area.expected[year] = area.expected.get(year, 0) + 1
    for i in range(children // 6):  # refused requests, a few each year
        child = make_child(council, D(2015, 1, 1 + i % 28))
        year = first_year + i % span
        odd = i % 2 == 1  # not assessed, or assessed and then not issued
        add_request(child, D(year, 3, 1), assess=odd, issue=False if odd else None)
    if population:
        add_population(range(first_year - 2, last_year + 1))
    return area
