"""Demo sign-ins: one per council role, three practitioners who give advice and three
family accounts. Only for the embedded demo: the password is printed on screen.

`generate-area` links the practitioners to their inboxes and the families to the area's
featured children (`thrive.demo.generator.featured`); `demo-users` prints what each can try."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from thrive.accounts.models import Role, User
from thrive.advice.models import AdviceRequest
from thrive.assessments.models import Case
from thrive.law import clock
from thrive.people.models import Child, FamilyLink, Relationship

from .generator.featured import DemoCase

DEMO_PASSWORD = "thrive-demo-2026"  # noqa: S105 (printed by `make demo`; never used in production)

INSPECTOR_DAYS = 30  # the inspector's read-only access ends this many days after it is made

EP = clock.Contributor.EDUCATIONAL_PSYCHOLOGY.value
EDUCATION = clock.Contributor.EDUCATION.value
HEALTH = clock.Contributor.HEALTH.value

DEMO_USERS: list[dict[str, Any]] = [
    {"username": "officer", "first_name": "Sam", "last_name": "Patel",
     "role": Role.CASE_OFFICER, "team": "North locality"},
    {"username": "officer2", "first_name": "Alex", "last_name": "Morgan",
     "role": Role.CASE_OFFICER, "team": "South locality"},
    {"username": "officer3", "first_name": "Jo", "last_name": "Okafor",
     "role": Role.CASE_OFFICER, "team": "South locality"},
    {"username": "manager", "first_name": "Chris", "last_name": "Evans",
     "role": Role.SEND_MANAGER, "team": ""},
    {"username": "admin", "first_name": "Pat", "last_name": "Lee", "role": Role.ADMINISTRATOR,
     "team": "", "is_staff": True, "is_superuser": True},
    {"username": "ep", "first_name": "Maya", "last_name": "Lindqvist",
     "role": Role.PRACTITIONER, "discipline": EP, "team": "Educational Psychology Service"},
    {"username": "senco", "first_name": "Gemma", "last_name": "Hart",
     "role": Role.PRACTITIONER, "discipline": EDUCATION, "team": ""},
    {"username": "health", "first_name": "Nkechi", "last_name": "Obi",
     "role": Role.PRACTITIONER, "discipline": HEALTH, "team": "Designated clinical officer"},
    {"username": "parent", "first_name": "Kerry", "last_name": "Dawson", "role": Role.PARENT},
    {"username": "parent2", "first_name": "Lee", "last_name": "Fraser", "role": Role.PARENT},
    {"username": "youngperson", "first_name": "Young", "last_name": "Person",
     "role": Role.YOUNG_PERSON},
    {"username": "analyst", "first_name": "Ravi", "last_name": "Shah", "role": Role.ANALYST},
    {"username": "board", "first_name": "Helen", "last_name": "Ashdown",
     "role": Role.BOARD_MEMBER, "team": "SEND partnership board"},
    {"username": "officer-programme", "first_name": "Tariq", "last_name": "Bell",
     "role": Role.PROGRAMME_OFFICER, "team": "SEND improvement programme"},
    {"username": "partner", "first_name": "Ruth", "last_name": "Quinn",
     "role": Role.PARTNER_LEAD, "team": "NHS integrated care board"},
    {"username": "inspector", "first_name": "Dana", "last_name": "Marsh",
     "role": Role.INSPECTOR, "team": "Area SEND inspection", "access_days": INSPECTOR_DAYS},
]  # fmt: skip
for _spec in DEMO_USERS:
    _spec.setdefault("email", f"{_spec['username']}@example.org")

#: Family sign-ins and the featured child each is linked to.
DEMO_FAMILIES: dict[str, tuple[DemoCase, Relationship]] = {
    "parent": (DemoCase.DRAFT_OPEN, Relationship.PARENT),
    "parent2": (DemoCase.ADVICE_OUTSTANDING, Relationship.PARENT),
    "youngperson": (DemoCase.FINAL_PLAN, Relationship.YOUNG_PERSON),
}


def demo_users_ensure() -> list[User]:
    """Create the demo accounts if missing and fill in a missing email address; leave
    everything else about existing ones (their passwords above all) alone."""
    users = []
    hashed = ""  # one hash for all: the password is printed on screen anyway
    for spec in DEMO_USERS:
        defaults = {key: value for key, value in spec.items() if key != "access_days"}
        if "access_days" in spec:  # a time-limited account: its last day counts from today
            defaults["access_ends_on"] = timezone.localdate() + timedelta(days=spec["access_days"])
        user, created = User.objects.get_or_create(username=spec["username"], defaults=defaults)
        if created:
            hashed = hashed or make_password(DEMO_PASSWORD)
            user.password = hashed
            user.save(update_fields=["password"])
        elif not user.email:
            user.email = spec["email"]
            user.save(update_fields=["email"])
        users.append(user)
    return users


@transaction.atomic
def demo_users_link(*, children: Mapping[DemoCase, int], inboxes: Mapping[str, int]) -> None:
    """Link the family sign-ins to the featured children ({case: child id}) and the
    practitioners to their inboxes ({"educational_psychology" | "health" | "school": inbox
    id}). Running it again changes nothing."""
    wanted = [*DEMO_FAMILIES, "ep", "health", "senco"]
    users = {u.username: u for u in User.objects.filter(username__in=wanted)}
    for username, (case, relationship) in DEMO_FAMILIES.items():
        user, child_id = users.get(username), children.get(case)
        if user is None or child_id is None:
            continue
        FamilyLink.objects.get_or_create(
            user=user, child_id=child_id, defaults={"relationship": relationship}
        )
        if relationship == Relationship.YOUNG_PERSON:  # their account is in their own name
            child = Child.objects.get(pk=child_id)
            user.first_name, user.last_name = child.first_name, child.last_name
            user.save(update_fields=["first_name", "last_name"])
    for username, key in (("ep", EP), ("health", HEALTH), ("senco", "school")):
        if (user := users.get(username)) is not None and key in inboxes:
            user.organisations.add(inboxes[key])


# --- What each sign-in can try -----------------------------------------------------------


@dataclass(frozen=True)
class SignIn:
    username: str
    role: str
    try_this: str


_STAFF_HINTS = {
    "officer": "Work through your caseload, starting with the overdue cases",
    "officer2": "Another case officer: the team shares the caseload",
    "officer3": "Another case officer: request advice, write and issue a plan",
    "manager": "Reassign cases; see who viewed or changed a child's record",
    "admin": "Manage accounts and organisations (sees no child's record)",
    "analyst": "The data dashboard and benchmarks, with small numbers suppressed",
    "board": "The improvement programme: what is overdue, by priority and partner",
    "officer-programme": "Run the improvement programme: actions, evidence, measures, risks",
    "partner": "Your improvement actions: update their status and attach evidence",
    "inspector": "Read the improvement programme and self-evaluation, for 30 days only",
}


def _practitioner_hint(user: User, today: date) -> str:
    """The newest request still waiting for this practitioner, by name or in an inbox."""
    waiting = AdviceRequest.objects.filter(
        submitted_at__isnull=True, withdrawn_on__isnull=True
    ).select_related("case", "organisation")
    mine = waiting.filter(Q(practitioner=user) | Q(organisation__in=user.organisations.all()))
    newest = ("-requested_on", "-id")
    chosen = waiting.filter(practitioner=user).order_by(*newest).first()
    chosen = chosen or mine.order_by(*newest).first()
    if chosen is None:
        return "No advice asked of you yet: run generate-area to make the demo area"
    label = clock.Contributor(chosen.contributor).label.lower()
    asked = f"of {chosen.organisation.name}" if chosen.organisation else "of you by name"
    count = mine.count()
    return (
        f"Write the {label} advice for case {chosen.case.reference} (asked {asked}), due "
        f"{clock.render_date(chosen.due_on)}; {count:,} request{'s' if count != 1 else ''} "
        "waiting"
    )


def _family_hint(user: User, today: date) -> str:
    link = FamilyLink.objects.filter(user=user).select_related("child").order_by("-id").first()
    if link is None:
        return "Not linked to a child yet: run generate-area to make the demo area"
    child = link.child
    case = Case.objects.filter(child=child).order_by("-id").first()
    if case is None:
        return f"See {child.first_name}'s record"
    events = [e.as_law_event() for e in case.events.all()]
    stage = clock.assessment_clock(events, today).stage
    name = "your" if link.relationship == Relationship.YOUNG_PERSON else f"{child.first_name}'s"
    if stage == clock.Stage.DRAFT_ISSUED:
        served = next(e.on for e in events if e.kind == clock.EventKind.DRAFT_ISSUED)
        closes = clock.render_date(clock.comments_close_on(served))
        return f"Respond to {name} draft plan by {closes}: comment, or ask for a school"
    if stage == clock.Stage.ASSESSING:
        return f"Follow {name} assessment while advice comes in; tell us about {child.first_name}"
    if stage == clock.Stage.FINAL_ISSUED:
        return f"Read {name} final EHC plan and the views it records"
    return f"Follow {name} assessment ({stage.label.lower()})"


def demo_sign_ins(today: date) -> list[SignIn]:
    """Each demo sign-in with its role and something to try in the demo area."""
    users = {
        u.username: u for u in User.objects.filter(username__in=[s["username"] for s in DEMO_USERS])
    }
    sign_ins = []
    for spec in DEMO_USERS:
        user = users.get(spec["username"])
        if user is None:
            continue
        if user.role == Role.PRACTITIONER:
            hint = _practitioner_hint(user, today)
        elif user.role in (Role.PARENT, Role.YOUNG_PERSON):
            hint = _family_hint(user, today)
        else:
            hint = _STAFF_HINTS.get(user.username, "")
        sign_ins.append(SignIn(user.username, Role(user.role).label, hint))
    return sign_ins
