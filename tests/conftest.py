"""Shared fixtures: one user per role, the council, and factory functions for children and cases."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from tests.factories import TODAY, make_user
from thrive.accounts.models import Role, User
from thrive.assessments import services
from thrive.assessments.models import Case
from thrive.assessments.selectors import summary_cache
from thrive.law import clock
from thrive.people.models import Child, LocalAuthority


@pytest.fixture(autouse=True)
def _fresh_summary_cache() -> Any:
    """Each test starts with an empty per-process caseload cache (ids are reused across tests)."""
    summary_cache.clear()
    yield
    summary_cache.clear()


@pytest.fixture
def officer(db: Any) -> User:
    return make_user("officer", Role.CASE_OFFICER)


@pytest.fixture
def manager(db: Any) -> User:
    return make_user("manager", Role.SEND_MANAGER)


@pytest.fixture
def administrator(db: Any) -> User:
    return make_user("administrator", Role.ADMINISTRATOR, is_staff=True, is_superuser=True)


@pytest.fixture
def council(db: Any) -> LocalAuthority:
    return LocalAuthority.objects.create(code=settings.THRIVE_LA_CODE, name="Test council")


@pytest.fixture
def make_child(council: LocalAuthority) -> Callable[..., Child]:
    def factory(**fields: Any) -> Child:
        values: dict[str, Any] = {
            "first_name": "Ada",
            "last_name": "Example",
            "date_of_birth": dt.date(2016, 5, 4),
            "sex": "F",
            "ethnicity": "WBRI",
            "primary_need": "ASD",
            "home_local_authority": council,
        }
        values.update(fields)
        return Child.objects.create(**values)

    return factory


@pytest.fixture
def make_case(make_child: Callable[..., Child], officer: User) -> Callable[..., Case]:
    """A case received on `received_on`, with `steps` (law events) recorded through the service."""

    def factory(
        received_on: dt.date = dt.date(2025, 9, 1),
        steps: tuple[clock.Event, ...] = (),
        **child_fields: Any,
    ) -> Case:
        today = max(TODAY, timezone.localdate())  # the service only checks nothing is future
        case = services.case_open(
            actor=officer,
            child=make_child(**child_fields),
            received_on=received_on,
            request_source="1",
            today=today,
        )
        for step in steps:
            services.case_record_step(actor=officer, case=case, step=step, today=today)
        return case

    return factory


class World:
    """One child's case with everyone around it: the visitors of the route-by-visitor table."""

    def __init__(self, case: Case, users: dict[str, User], path_values: dict[str, int]) -> None:
        self.case, self.child, self.users, self.path_values = case, case.child, users, path_values

    def sign_in(self, client: Any, visitor: str) -> None:
        if visitor != "anonymous":
            client.force_login(self.users[visitor])


@pytest.fixture
def world(
    make_case: Callable[..., Case], officer: User, manager: User, administrator: User
) -> World:
    from thrive.accounts.models import Organisation
    from thrive.advice.models import AdviceRequest
    from thrive.assessments.models import CaseAccess
    from thrive.disputes.models import Appeal, Mediation
    from thrive.people.models import FamilyLink
    from thrive.plans.models import EhcPlan, PlanVersion

    case = make_case(first_name="Wren")
    other_case = make_case(first_name="Otto")
    own_case = make_case(first_name="Yara", date_of_birth=dt.date(2008, 1, 1))
    inbox = Organisation.objects.create(name="Oak School", kind="school")
    users = {
        "case_officer": officer,
        "send_manager": manager,
        "administrator": administrator,
        "practitioner_invited": make_user(
            "ep", "practitioner", discipline="educational_psychology"
        ),
        "practitioner_in_inbox": make_user("senco", "practitioner", discipline="education"),
        "practitioner_not_invited": make_user("stranger", "practitioner", discipline="health"),
        "parent": make_user("parent", "parent", email="parent@example.org"),
        "parent_of_another": make_user("otherparent", "parent"),
        "young_person": make_user("youngperson", "young_person"),
        "analyst": make_user("analyst", "analyst"),
        "board_member": make_user("board", "board_member"),
        "programme_officer": make_user("programmeofficer", "programme_officer"),
        "partner_lead": make_user("partnerlead", "partner_lead"),
        "inspector": make_user(
            "inspector", "inspector", access_ends_on=TODAY.replace(year=TODAY.year + 50)
        ),
    }
    users["practitioner_in_inbox"].organisations.add(inbox)
    FamilyLink.objects.create(user=users["parent"], child=case.child, relationship="parent")
    FamilyLink.objects.create(
        user=users["parent_of_another"], child=other_case.child, relationship="parent"
    )
    FamilyLink.objects.create(
        user=users["young_person"], child=own_case.child, relationship="young_person"
    )
    advice = AdviceRequest.objects.create(
        case=case,
        contributor="educational_psychology",
        practitioner=users["practitioner_invited"],
        question="Please assess cognition and learning.",
        requested_on=dt.date(2025, 9, 10),
        requested_by=officer,
    )
    AdviceRequest.objects.create(
        case=case,
        contributor="education",
        organisation=inbox,
        question="Please describe progress.",
        requested_on=dt.date(2025, 9, 10),
        requested_by=officer,
    )
    CaseAccess.objects.create(case=case, user=users["practitioner_invited"], granted_by=officer)
    CaseAccess.objects.create(case=case, organisation=inbox, granted_by=officer)
    version = PlanVersion.objects.create(
        plan=EhcPlan.objects.create(case=case), number=1, kind="draft", created_by=officer
    )
    mediation = Mediation.objects.create(
        case=case,
        subject="plan_content",
        decision_letter_on=dt.date(2025, 10, 1),
        adviser_contacted_on=dt.date(2025, 10, 20),
        recorded_by=officer,
    )
    appeal = Appeal.objects.create(
        case=case,
        subject="plan_content",
        decision_letter_on=dt.date(2025, 10, 1),
        registered_on=dt.date(2025, 12, 5),
        recorded_by=officer,
    )
    from thrive.returns.models import ImportRun

    import_run = ImportRun.objects.create(
        created_by=manager, file_name="caseload.csv", kind="csv", dry_run=True, status="done"
    )
    from tests.improvement.world import improvement_world

    return World(
        case,
        users,
        {
            **improvement_world(users),
            "import_run": import_run.pk,
            "case": case.pk,
            "child": case.child_id,
            "advice": advice.pk,
            "version": version.pk,
            "mediation": mediation.pk,
            "appeal": appeal.pk,
        },
    )
