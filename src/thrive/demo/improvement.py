"""The demo area's improvement programme: three priorities (the threads of a SEND strategy,
after an inspection's areas for improvement), their workstreams, about 25 actions across the
partners (some overdue, some complete with evidence notes), milestones, targets on the
dashboard's own measures with trajectories, a risk register of 12 risks with mitigations
linked to actions, 60 pieces of family feedback over 18 months with themes, and five "you
said, we did" entries. Everything is synthetic: the people named are made up.

Rows are written directly (demo data, like the area generator), deterministic for a seed and
a date, and relative to that date so the programme always has overdue and upcoming work."""

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction

from thrive.accounts.models import Role, User
from thrive.improvement.models import (
    Action,
    ActionStatus,
    Evidence,
    EvidenceKind,
    Feedback,
    FeedbackSource,
    MeasureTarget,
    Milestone,
    Mitigation,
    Partner,
    Priority,
    Risk,
    RiskAssessment,
    Theme,
    TrajectoryPoint,
    Workstream,
    YouSaidWeDid,
)

from .users import demo_users_ensure

#: Partner leads the programme needs beyond the demo sign-ins; they cannot sign in.
EXTRA_LEADS = [
    ("lead-schools", "Owen", "Price", "Schools and colleges"),
    ("lead-forum", "Amira", "Haddad", "Parent carer forum"),
    ("lead-care", "Beth", "Nolan", "Children's social care"),
]

# (title, description, source, [(workstream, [(action, partner, owner, due offset days,
#  status)], [(milestone, due offset days, achieved)])])
PROGRAMME = [
    (
        "Families get timely, good-quality EHC plans",
        "Assessments finish within 20 weeks and plans say clearly what each child needs.",
        "Area SEND inspection: area for improvement 1; SEND strategy 2025 to 2028",
        [
            (
                "Timeliness of assessments",
                [
                    (
                        "Recruit three educational psychologists",
                        "council",
                        "manager",
                        -120,
                        "complete",
                    ),
                    (
                        "Commission locum EP capacity to clear the advice backlog",
                        "council",
                        "officer-programme",
                        -40,
                        "on_track",
                    ),
                    (
                        "Agree a 6-week advice standard with health providers",
                        "icb",
                        "partner",
                        -25,
                        "at_risk",
                    ),
                    (
                        "Weekly tracker of cases near the 20-week limit",
                        "council",
                        "manager",
                        -200,
                        "complete",
                    ),
                    (
                        "Designated clinical officer triage of health advice",
                        "icb",
                        "partner",
                        45,
                        "on_track",
                    ),
                ],
                [("EP team at full strength", -60, True), ("Advice backlog cleared", 30, False)],
            ),
            (
                "Quality of plans",
                [
                    (
                        "Multi-agency plan audit every month",
                        "council",
                        "officer-programme",
                        -150,
                        "complete",
                    ),
                    (
                        "Train case officers in writing outcomes",
                        "council",
                        "officer-programme",
                        -10,
                        "off_track",
                    ),
                    (
                        "Health outcomes written into every new plan",
                        "icb",
                        "partner",
                        90,
                        "on_track",
                    ),
                    ("Social care advice template agreed", "other", "lead-care", -5, "at_risk"),
                ],
                [("Audit framework agreed by all partners", -100, True)],
            ),
        ],
    ),
    (
        "Children's needs are identified early and met in local schools",
        "Mainstream schools are supported to include children with SEND, so fewer need a plan "
        "or a special school place far from home.",
        "SEND strategy 2025 to 2028: inclusion",
        [
            (
                "Inclusive mainstream schools",
                [
                    (
                        "Ordinarily available provision guide for schools",
                        "schools",
                        "lead-schools",
                        -90,
                        "complete",
                    ),
                    (
                        "SENCO network meets every half term",
                        "schools",
                        "lead-schools",
                        -30,
                        "complete",
                    ),
                    (
                        "Outreach from special schools to mainstream",
                        "schools",
                        "lead-schools",
                        -15,
                        "on_track",
                    ),
                    (
                        "Inclusion funding without an EHC plan",
                        "council",
                        "manager",
                        60,
                        "not_started",
                    ),
                    (
                        "Speech and language support in early years settings",
                        "icb",
                        "partner",
                        -45,
                        "off_track",
                    ),
                ],
                [
                    ("Guide published to every school", -80, True),
                    ("Outreach offer in every locality", 120, False),
                ],
            ),
            (
                "Early identification",
                [
                    (
                        "Two-year check shared with early years SENCOs",
                        "icb",
                        "partner",
                        20,
                        "on_track",
                    ),
                    (
                        "Graduated approach training for early years",
                        "schools",
                        "lead-schools",
                        75,
                        "not_started",
                    ),
                    (
                        "Neurodevelopmental pathway waiting list review",
                        "icb",
                        "partner",
                        -20,
                        "at_risk",
                    ),
                ],
                [("Pathway waiting list under 18 weeks", -10, False)],
            ),
        ],
    ),
    (
        "Families are listened to and trust the local area",
        "Parents, carers and young people shape services through the parent carer forum and "
        "hear back what changed.",
        "Area SEND inspection: area for improvement 2",
        [
            (
                "Communication with families",
                [
                    (
                        "Named case officer contact within 5 working days",
                        "council",
                        "manager",
                        -70,
                        "complete",
                    ),
                    (
                        "Refresh the local offer website with families",
                        "forum",
                        "lead-forum",
                        -35,
                        "on_track",
                    ),
                    (
                        "Quarterly 'you said, we did' newsletter",
                        "forum",
                        "lead-forum",
                        14,
                        "on_track",
                    ),
                    (
                        "Complaint themes reported to the board each quarter",
                        "council",
                        "officer-programme",
                        0,
                        "on_track",
                    ),
                ],
                [("Local offer relaunched", 40, False)],
            ),
            (
                "Co-production",
                [
                    (
                        "Co-production charter signed by all partners",
                        "forum",
                        "lead-forum",
                        -160,
                        "complete",
                    ),
                    (
                        "Young people's panel advises the board",
                        "forum",
                        "lead-forum",
                        100,
                        "not_started",
                    ),
                    (
                        "Parent carer forum on every workstream",
                        "forum",
                        "officer-programme",
                        -8,
                        "on_track",
                    ),
                    (
                        "Preparing for adulthood conversations from Year 9",
                        "other",
                        "lead-care",
                        150,
                        "not_started",
                    ),
                ],
                [
                    ("Charter signed", -150, True),
                    ("Young people's panel first meeting", 110, False),
                ],
            ),
        ],
    ),
]

# (priority index, measure key, baseline, target, trajectory values between)
MEASURES = [
    (0, "plans_20_weeks", "42", "75", ["50", "58", "66"]),
    (0, "advice_6_weeks", "55", "85", ["62", "70", "78"]),
    (0, "weeks_to_plan", "27", "19", ["25", "23", "21"]),
    (2, "overdue", "38", "15", ["32", "26", "20"]),
]

RISKS = [
    (
        "Educational psychologists cannot be recruited",
        "A national shortage of EPs.",
        "Advice arrives late and plans miss 20 weeks.",
        0,
    ),
    (
        "Health advice is late",
        "Therapy services are short of staff.",
        "Assessments wait for health advice.",
        2,
    ),
    (
        "Requests for assessment keep rising",
        "More families ask for assessments.",
        "Case officers' caseloads grow beyond what they can manage.",
        1,
    ),
    (
        "Plans are not written well enough",
        "Officers are new and training is patchy.",
        "Plans do not say what children need.",
        6,
    ),
    (
        "Special school places run out",
        "Demand for specialist places exceeds supply.",
        "Children travel far or wait at home.",
        11,
    ),
    (
        "Schools do not take up the inclusion guide",
        "Schools are stretched.",
        "Children's needs escalate to EHC plans.",
        9,
    ),
    (
        "Families lose trust in the partnership",
        "Delays and poor communication.",
        "More complaints, mediation and tribunal appeals.",
        17,
    ),
    (
        "The high needs budget overspends",
        "Rising numbers and costs of placements.",
        "Money is taken from early support.",
        12,
    ),
    (
        "The case management system migration slips",
        "Data quality problems in old records.",
        "Officers work in two systems.",
        3,
    ),
    (
        "Partners do not share data",
        "Information sharing agreements are unsigned.",
        "Measures cannot be reported.",
        20,
    ),
    ("Key leaders leave", "Turnover among senior leaders.", "The programme loses momentum.", 7),
    (
        "Preparing for adulthood is left too late",
        "Planning starts at 16 instead of 14.",
        "Young people move to adult services without support.",
        24,
    ),
]

THEMES = [
    "Communication",
    "Waiting times",
    "Quality of plans",
    "School inclusion",
    "Health services",
    "Preparing for adulthood",
    "Local offer",
]
FEEDBACK_LINES = {
    "Communication": [
        "Nobody called back for three weeks after the request was made.",
        "Having a named officer made a real difference to us.",
        "Letters use words families do not understand.",
    ],
    "Waiting times": [
        "The assessment took more than 30 weeks.",
        "We waited months for the educational psychologist to visit.",
        "The plan was issued on time this year, which was a relief.",
    ],
    "Quality of plans": [
        "The plan did not mention our child's speech and language needs.",
        "Outcomes in the draft plan were vague.",
        "The new plan format is clearer and easier to read.",
    ],
    "School inclusion": [
        "The school said it could not meet needs without a plan.",
        "The SENCO put support in place straight away.",
        "Part-time timetables went on for too long.",
    ],
    "Health services": [
        "The wait for an autism assessment is over a year.",
        "The occupational therapist's advice was thorough.",
    ],
    "Preparing for adulthood": [
        "Nobody talked about college until Year 11.",
        "The transition to adult social care was well planned.",
    ],
    "Local offer": [
        "The local offer website is hard to search.",
        "We found the short breaks information useful.",
    ],
}

YOU_SAID_WE_DID = [
    (
        "Nobody told you who was handling your child's assessment.",
        "Every family now gets a named case officer's contact within 5 working days.",
        0,
        17,
    ),
    (
        "You waited too long for educational psychologists.",
        "We recruited three educational psychologists and commissioned extra capacity.",
        1,
        0,
    ),
    (
        "Plans did not describe health needs well.",
        "Health outcomes are now written into every new plan, checked in the monthly audit.",
        2,
        7,
    ),
    (
        "The local offer website was hard to use.",
        "Parents from the forum are rebuilding the local offer website with us.",
        6,
        18,
    ),
    (
        "Schools were not always ready to include children with SEND.",
        "Every school has the ordinarily available provision guide and SENCO network support.",
        3,
        9,
    ),
]  # (you said, we did, theme index, action index)


@dataclass(frozen=True)
class ImprovementSummary:
    priorities: int
    actions: int
    overdue: int
    complete: int
    milestones: int
    measures: int
    risks: int
    feedback: int
    responses: int


def area_has_programme() -> bool:
    return Priority.objects.exists()


def _people() -> dict[str, User]:
    demo_users_ensure()
    people = {
        u.username: u
        for u in User.objects.filter(username__in=["manager", "officer-programme", "partner"])
    }
    hashed = make_password(None)  # unusable: these leads only own work in the demo
    for username, first, last, team in EXTRA_LEADS:
        people[username], _ = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "team": team,
                "role": Role.PARTNER_LEAD,
                "password": hashed,
                "email": f"{username}@example.org",
            },
        )
    return people


@transaction.atomic
def generate_improvement(*, seed: int = 1, today: dt.date) -> ImprovementSummary:
    rng = random.Random(seed)
    people = _people()
    officer = people["officer-programme"]
    priorities: list[Priority] = []
    actions: list[Action] = []
    milestones = 0
    for order, (title, description, source, workstreams) in enumerate(PROGRAMME, start=1):
        priority = Priority.objects.create(
            title=title, description=description, source=source, order=order
        )
        priorities.append(priority)
        for w_order, (w_title, w_actions, w_milestones) in enumerate(workstreams, start=1):
            lead = people[w_actions[0][2]]
            workstream = Workstream.objects.create(
                priority=priority, title=w_title, lead=lead, order=w_order
            )
            for a_title, partner, owner, offset, status in w_actions:
                due_on = today + dt.timedelta(days=offset)
                action = Action.objects.create(
                    workstream=workstream,
                    title=a_title,
                    owner=people[owner],
                    partner=Partner(partner),
                    due_on=due_on,
                    status=ActionStatus(status),
                    completed_on=(
                        due_on - dt.timedelta(days=rng.randint(0, 20))
                        if status == ActionStatus.COMPLETE
                        else None
                    ),
                )
                if status == ActionStatus.COMPLETE:
                    evidence = Evidence.objects.create(
                        title=f"Completion note: {a_title.lower()}",
                        kind=EvidenceKind.NOTE,
                        note=(
                            f"Reported to the SEND partnership board. {a_title} is done; "
                            "the minutes and the monitoring figures are on the shared drive."
                        ),
                        added_by=officer,
                    )
                    evidence.actions.add(action)
                actions.append(action)
            for m_title, offset, achieved in w_milestones:
                due_on = today + dt.timedelta(days=offset)
                Milestone.objects.create(
                    workstream=workstream,
                    title=m_title,
                    due_on=due_on,
                    achieved_on=due_on - dt.timedelta(days=rng.randint(0, 10))
                    if achieved
                    else None,
                )
                milestones += 1
    baseline_on = today - dt.timedelta(days=365)
    target_on = today + dt.timedelta(days=365)
    for index, key, baseline, target, points in MEASURES:
        measure = MeasureTarget.objects.create(
            priority=priorities[index],
            measure_key=key,
            baseline_value=Decimal(baseline),
            baseline_on=baseline_on,
            target_value=Decimal(target),
            target_on=target_on,
        )
        step = (target_on - baseline_on) / (len(points) + 1)
        for n, value in enumerate(points, start=1):
            TrajectoryPoint.objects.create(
                target=measure, on=baseline_on + step * n, value=Decimal(value)
            )
    owners = [people["manager"], officer, people["partner"]]
    for number, (title, cause, effect, action_index) in enumerate(RISKS):
        before = (rng.randint(3, 5), rng.randint(3, 5))
        after = (max(1, before[0] - rng.randint(1, 2)), max(1, before[1] - rng.randint(0, 1)))
        risk = Risk.objects.create(
            title=title,
            cause=cause,
            effect=effect,
            owner=owners[number % len(owners)],
            likelihood_before=before[0],
            impact_before=before[1],
            likelihood_after=after[0],
            impact_after=after[1],
            review_on=today + dt.timedelta(days=rng.randint(-20, 90)),
        )
        RiskAssessment.objects.create(
            risk=risk,
            assessed_on=today - dt.timedelta(days=rng.randint(30, 300)),
            likelihood_before=before[0],
            impact_before=before[1],
            likelihood_after=after[0],
            impact_after=after[1],
            assessed_by=officer,
        )
        Mitigation.objects.create(
            risk=risk,
            description=f"Delivered through the action: {actions[action_index].title.lower()}.",
            action=actions[action_index],
        )
    themes = [Theme.objects.get_or_create(name=name)[0] for name in THEMES]
    feedback: list[Feedback] = []
    sources = [s.value for s in FeedbackSource]
    for _ in range(60):
        theme = rng.choice(themes)
        item = Feedback.objects.create(
            received_on=today - dt.timedelta(days=rng.randint(0, 547)),
            source=rng.choice(sources),
            summary=rng.choice(FEEDBACK_LINES[theme.name]),
            recorded_by=officer,
        )
        item.themes.add(theme)
        if rng.random() < 0.3:
            item.themes.add(rng.choice(themes))
        item.priorities.add(
            priorities[
                0
                if theme.name in ("Waiting times", "Quality of plans", "Health services")
                else 1
                if theme.name == "School inclusion"
                else 2
            ]
        )
        feedback.append(item)
    for number, (you_said, we_did, theme_index, action_index) in enumerate(YOU_SAID_WE_DID):
        entry = YouSaidWeDid.objects.create(
            you_said=you_said,
            we_did=we_did,
            published_on=today - dt.timedelta(days=30 + 60 * number),
            created_by=officer,
        )
        entry.feedback.add(*[f for f in feedback if themes[theme_index] in f.themes.all()][:4])
        entry.actions.add(actions[action_index])
    overdue = sum(1 for a in actions if a.status != ActionStatus.COMPLETE and a.due_on < today)
    return ImprovementSummary(
        priorities=len(priorities),
        actions=len(actions),
        overdue=overdue,
        complete=sum(1 for a in actions if a.status == ActionStatus.COMPLETE),
        milestones=milestones,
        measures=len(MEASURES),
        risks=len(RISKS),
        feedback=len(feedback),
        responses=len(YOU_SAID_WE_DID),
    )
