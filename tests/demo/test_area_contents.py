"""The synthetic area's advice, plans, family contributions and demo sign-ins, as written to
the database by `generate_area` (one area of AREA children, generated once for the module)."""

import io
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from tests.demo.conftest import TODAY, area_spec, planned
from thrive.accounts.models import Organisation, OrganisationKind, Role, User
from thrive.accounts.policy import restrict_cases
from thrive.advice.models import AdviceRequest
from thrive.assessments.models import Case, CaseAccess
from thrive.demo.generator import AreaSummary, generate_area
from thrive.demo.generator.phrases.vague import MARKERS
from thrive.demo.users import DEMO_USERS, demo_users_ensure
from thrive.law import clock, codes
from thrive.people.models import FamilyLink, Relationship
from thrive.plans.models import PlanVersion, VersionKind
from thrive.portal.models import DraftResponse, FamilyViews
from thrive.portal.selectors import comment_window

AREA = 1500
K = clock.EventKind

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def area(django_db_setup: Any, django_db_blocker: Any) -> Iterator[AreaSummary]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield generate_area(children=AREA, seed=1, years=4, today=TODAY)
        transaction.set_rollback(True)


def _versions() -> list[PlanVersion]:
    return list(
        PlanVersion.objects.select_related("plan")
        .prefetch_related("needs", "outcomes__needs", "provisions__outcomes", "advice")
        .order_by("plan", "number")
    )


def _events(case: Case) -> list[clock.Event]:
    return [e.as_law_event() for e in case.events.all()]


# --- Plans -------------------------------------------------------------------------------


def test_every_version_fills_every_section(area: AreaSummary) -> None:
    versions = _versions()
    assert area.plans == len({v.plan_id for v in versions}) > 500
    for v in versions:
        assert v.is_issued
        assert v.issued_by_id
        assert v.created_by_id
        assert any([v.views_family, v.interests, v.aspirations, v.history])  # A
        needs = Counter(n.section for n in v.needs.all())
        assert needs["B"] >= 2  # B (C and D where the plan has them)
        assert all(o.needs.all() and o.time_frame for o in v.outcomes.all())  # E
        provisions = list(v.provisions.all())
        assert any(p.section == "F" for p in provisions)  # F (G, H1 and H2 where needed)
        assert all(p.outcomes.all() for p in provisions)
        assert all([p.what, p.who, p.how_often, p.how_long, p.group_size] for p in provisions)
        if v.kind == VersionKind.DRAFT:  # I: the draft names no school
            assert v.placement_setting_id is None
            assert not v.placement_type
        else:
            assert v.placement_type
        assert bool(v.personal_budget) or not v.direct_payments  # J
        assert v.advice.all()  # K
        assert all(a.is_submitted for a in v.advice.all())
    sections = {p.section for v in versions for p in v.provisions.all()}
    assert sections == {"F", "G", "H1", "H2"}
    assert {n.section for v in versions for n in v.needs.all()} == {"B", "C", "D"}
    assert any(v.personal_budget for v in versions)


def test_the_final_copies_the_draft_with_the_same_item_keys(area: AreaSummary) -> None:
    by_plan: dict[int, list[PlanVersion]] = {}
    for version in _versions():
        by_plan.setdefault(version.plan_id, []).append(version)
    finals = [vs for vs in by_plan.values() if len(vs) == 2]
    assert finals
    for draft, final in finals:
        assert (draft.number, draft.kind, final.number, final.kind) == (
            1, VersionKind.DRAFT, 2, VersionKind.FINAL,
        )  # fmt: skip
        assert final.based_on_id == draft.pk
        assert final.issued_on > draft.issued_on
        for items in ("needs", "outcomes", "provisions"):
            keys = [i.key for i in getattr(draft, items).all()]
            assert keys == [i.key for i in getattr(final, items).all()]
            assert len(set(keys)) == len(keys)
        thread = [(o.key, sorted(n.key for n in o.needs.all())) for o in draft.outcomes.all()]
        assert thread == [
            (o.key, sorted(n.key for n in o.needs.all())) for o in final.outcomes.all()
        ]


def test_versions_are_issued_on_the_timeline_dates(area: AreaSummary) -> None:
    for case in Case.objects.filter(plan__isnull=False).prefetch_related("events"):
        events = _events(case)
        issued = dict(case.plan.versions.values_list("kind", "issued_on"))
        assert issued[VersionKind.DRAFT] == next(e.on for e in events if e.kind is K.DRAFT_ISSUED)
        final = [e.on for e in events if e.kind is K.FINAL_ISSUED]
        assert issued.get(VersionKind.FINAL) == (final[0] if final else None)
    assert (
        Case.objects.filter(plan__isnull=False).count()
        == Case.objects.filter(events__kind=K.DRAFT_ISSUED).count()
    )


def test_some_plans_are_vague_and_some_are_not(area: AreaSummary) -> None:
    drafts = [v for v in _versions() if v.kind == VersionKind.DRAFT]

    def vague(v: PlanVersion) -> bool:
        text = " ".join(
            [f"{o.text} {o.time_frame}" for o in v.outcomes.all()]
            + [f"{p.what} {p.who} {p.how_often} {p.how_long} {p.group_size}"
               for p in v.provisions.all()]
        ).lower()  # fmt: skip
        return any(marker in text for marker in MARKERS)

    weak = sum(map(vague, drafts))
    assert 0.15 * len(drafts) < weak < 0.45 * len(drafts)
    assert any(not v.views_child for v in drafts)


# --- Advice ------------------------------------------------------------------------------


def test_advice_requests_match_the_timeline_one_to_one(area: AreaSummary) -> None:
    requests = AdviceRequest.objects.select_related("case").prefetch_related("items")
    by_case: dict[int, list[AdviceRequest]] = {}
    for request in requests:
        by_case.setdefault(request.case_id, []).append(request)
    assert area.advice_requests == sum(map(len, by_case.values())) > 1000
    for case in Case.objects.prefetch_related("events"):
        events = _events(case)
        mine = by_case.get(case.pk, [])

        def step(kind: clock.EventKind, events: list[clock.Event] = events) -> Counter[Any]:
            return Counter((e.contributor.value, e.on) for e in events if e.kind is kind)

        assert Counter((r.contributor, r.requested_on) for r in mine) == step(K.ADVICE_REQUESTED)
        assert Counter(
            (r.contributor, timezone.localtime(r.submitted_at).date())
            for r in mine if r.submitted_at
        ) == step(K.ADVICE_RECEIVED)  # fmt: skip
        assert Counter((r.contributor, r.withdrawn_on) for r in mine if r.withdrawn_on) == step(
            K.ADVICE_WITHDRAWN
        )
        for r in mine:
            assert r.requested_by.role in (Role.CASE_OFFICER, Role.SEND_MANAGER)
            assert (r.practitioner_id is None) != (r.organisation_id is None)
            assert r.question
            if r.submitted_at:
                assert timezone.localtime(r.submitted_at).hour == 12
                assert r.submitted_by.role == Role.PRACTITIONER
                kinds = Counter(i.kind for i in r.items.all())
                assert set(kinds) == {"need", "outcome", "provision"}
                assert all(2 <= n <= 4 for n in kinds.values())


def test_whoever_was_asked_may_see_the_case(area: AreaSummary) -> None:
    for request in AdviceRequest.objects.all():
        access = CaseAccess.objects.get(
            case=request.case_id, user=request.practitioner_id, organisation=request.organisation_id
        )
        assert (access.ended_at is None) == (request.withdrawn_on is None)
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds >= {
        OrganisationKind.SCHOOL, OrganisationKind.EDUCATIONAL_PSYCHOLOGY,
        OrganisationKind.HEALTH, OrganisationKind.SOCIAL_CARE,
    }  # fmt: skip
    for inbox in Organisation.objects.filter(kind=OrganisationKind.SCHOOL):
        assert inbox.setting_id
        assert inbox.email.endswith("@example.org")
        assert inbox.members.filter(role=Role.PRACTITIONER).exists()
    school_requests = AdviceRequest.objects.filter(organisation__kind=OrganisationKind.SCHOOL)
    for request in school_requests.select_related("case__child", "organisation"):
        assert request.organisation.setting_id == request.case.child.setting_id


# --- The family's contributions ----------------------------------------------------------


def test_families_views_and_responses(area: AreaSummary) -> None:
    assessed = Case.objects.filter(events__kind=K.DECISION_TO_ASSESS, events__outcome=True)
    views = FamilyViews.objects.count()
    assert 0.5 * assessed.count() < views < 0.7 * assessed.count()
    commented = Case.objects.filter(events__kind=K.COMMENTS_RECEIVED)
    responses = DraftResponse.objects.select_related("version__plan", "given_by")
    assert responses.count() == commented.count()
    for response in responses:
        assert response.version.kind == VersionKind.DRAFT
        assert response.version.plan.case_id in set(commented.values_list("pk", flat=True))
        if response.on_behalf_method:
            assert response.given_by.role in (Role.CASE_OFFICER, Role.SEND_MANAGER)
        else:
            assert response.given_by.role in (Role.PARENT, Role.YOUNG_PERSON)


# --- Demo sign-ins -----------------------------------------------------------------------


def _user(username: str) -> User:
    return User.objects.get(username=username)


def test_demo_users_have_example_email_addresses(area: AreaSummary) -> None:
    for spec in DEMO_USERS:
        user = _user(spec["username"])
        assert user.email == f"{spec['username']}@example.org"
        assert user.role == spec["role"]
    assert _user("ep").discipline == clock.Contributor.EDUCATIONAL_PSYCHOLOGY
    assert _user("ep").organisations.filter(kind=OrganisationKind.EDUCATIONAL_PSYCHOLOGY).exists()
    assert _user("health").organisations.filter(kind=OrganisationKind.HEALTH).exists()
    assert _user("senco").organisations.filter(kind=OrganisationKind.SCHOOL).count() == 1


def _only_case(username: str) -> Case:
    cases = restrict_cases(_user(username), Case.objects.all())
    assert cases.count() == 1
    return cases.get()


def test_parent_sees_one_child_whose_draft_is_open_for_comments(area: AreaSummary) -> None:
    case = _only_case("parent")
    events = _events(case)
    stage = clock.assessment_clock(events, TODAY).stage
    window = comment_window(events, stage, TODAY)
    assert stage is clock.Stage.DRAFT_ISSUED
    assert window is not None
    assert window.is_open
    link = FamilyLink.objects.get(user__username="parent")
    assert link.relationship == Relationship.PARENT
    assert link.child_id == case.child_id
    assert case.plan.versions.get().is_issued


def test_parent2_sees_an_assessment_waiting_for_advice(area: AreaSummary) -> None:
    case = _only_case("parent2")
    assert clock.assessment_clock(_events(case), TODAY).stage is clock.Stage.ASSESSING
    waiting = case.advice_requests.filter(submitted_at__isnull=True, withdrawn_on__isnull=True)
    assert {r.contributor for r in waiting} >= {"educational_psychology", "education"}


def test_young_person_speaks_for_themselves_at_17_with_a_final_plan(area: AreaSummary) -> None:
    case = _only_case("youngperson")
    link = FamilyLink.objects.get(user__username="youngperson")
    assert link.relationship == Relationship.YOUNG_PERSON
    assert codes.age_on(case.child.date_of_birth, TODAY) == 17
    assert clock.assessment_clock(_events(case), TODAY).stage is clock.Stage.FINAL_ISSUED
    assert case.plan.versions.filter(kind=VersionKind.FINAL, issued_at__isnull=False).exists()
    user = _user("youngperson")
    assert (user.first_name, user.last_name) == (case.child.first_name, case.child.last_name)


@pytest.mark.parametrize("username", ["ep", "senco", "health"])
def test_practitioners_have_advice_to_write(area: AreaSummary, username: str) -> None:
    user = _user(username)
    visible = restrict_cases(user, Case.objects.all())
    waiting = AdviceRequest.objects.filter(
        case__in=visible, submitted_at__isnull=True, withdrawn_on__isnull=True
    ).filter(organisation__in=user.organisations.all()) | AdviceRequest.objects.filter(
        case__in=visible, submitted_at__isnull=True, withdrawn_on__isnull=True, practitioner=user
    )
    assert any(request.due_on > TODAY for request in waiting)
    assert not restrict_cases(user, Case.objects.exclude(access__isnull=False)).exists()


def test_the_featured_ep_and_senco_requests_are_on_parent2s_case(area: AreaSummary) -> None:
    case = _only_case("parent2")
    assert case.advice_requests.filter(practitioner__username="ep", submitted_at=None).exists()
    senco_inbox = _user("senco").organisations.get()
    assert case.advice_requests.filter(organisation=senco_inbox, submitted_at=None).exists()


def test_demo_users_ensure_changes_nothing_the_second_time(area: AreaSummary) -> None:
    before = list(User.objects.order_by("pk").values_list("pk", "password", "email"))
    demo_users_ensure()
    assert list(User.objects.order_by("pk").values_list("pk", "password", "email")) == before


def test_demo_users_command_says_what_each_can_try(area: AreaSummary) -> None:
    out = io.StringIO()
    call_command("demo-users", stdout=out)
    printed = out.getvalue()
    child = FamilyLink.objects.get(user__username="parent").child
    for spec in DEMO_USERS:
        assert f"  {spec['username']} " in printed
    assert f"Respond to {child.first_name}'s draft plan" in printed
    assert "Read your final EHC plan" in printed
    assert "(asked of you by name)" in printed


# --- The same area as planned ------------------------------------------------------------


def test_database_holds_the_planned_advice_and_plans(area: AreaSummary) -> None:
    _, children = planned(area_spec(children=AREA))
    questions = list(AdviceRequest.objects.order_by("pk").values_list("question", flat=True))
    assert questions == [a.question for c in children for a in c.advice]
    keys = list(
        PlanVersion.objects.filter(kind=VersionKind.DRAFT)
        .order_by("pk")
        .values_list("needs__key", flat=True)
        .order_by("pk", "needs__section", "needs__order")
    )
    assert [k.hex for k in keys] == [n.key for c in children if c.plan for n in c.plan.needs]
