"""Audit, framework and override services: what they write, the audit log entry each writes,
and every refusal."""

from typing import Any

import pytest

from tests.factories import TODAY, make_user
from tests.plans.builders import SERVED
from tests.quality.builders import criteria, invited_practitioner, rate_all
from thrive.accounts.models import User
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.people.models import FamilyLink
from thrive.plans import services as plan_services
from thrive.plans.models import PlanVersion
from thrive.quality import defaults, selectors, services
from thrive.quality.models import (
    Audit,
    AuditFramework,
    AuditorRating,
    AuditStatus,
    IssueOverride,
    Rating,
)
from thrive.quality.scoring import UNQUANTIFIED_LIMIT, missing_section_limit

Given = services.Given


def _entries(object_type: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(object_type=object_type).order_by("id"))


def _rated_by_everyone(
    audit: Audit, officer: User, nurse: User, social_worker: User, rating: str = "good"
) -> Audit:
    for auditor in (officer, nurse, social_worker):
        rate_all(audit, auditor, rating)
    return audit


# --- Starting ----------------------------------------------------------------------------


def test_starting_an_audit_uses_the_framework_in_use_and_is_audited(
    officer: User, version: PlanVersion, framework: AuditFramework
) -> None:
    audit = services.audit_start(actor=officer, version=version)
    assert (audit.number, audit.status, audit.framework) == (1, "in_progress", framework)
    assert audit.started_by == officer
    [entry] = _entries("quality.audit")
    assert (entry.action, entry.object_id, entry.actor) == ("create", audit.pk, officer)
    assert entry.child_id == version.plan.case.child_id
    assert entry.summary == "started audit 1 (plan version 1)"
    assert "Ada" not in entry.summary


def test_the_default_framework_covers_every_section_and_agency(framework: Any) -> None:
    assert framework.name == defaults.NAME
    sections = set(framework.criteria.values_list("section", flat=True))
    assert sections == {"A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"}
    assert set(framework.criteria.values_list("agency", flat=True)) == {
        "education",
        "health",
        "social_care",
    }
    assert all("Source:" in c.guidance for c in framework.criteria.all())


@pytest.mark.parametrize("role", ["practitioner", "parent", "administrator", "analyst"])
def test_refuses_an_audit_started_outside_the_case_work_team(
    role: str, version: PlanVersion, framework: Any
) -> None:
    with pytest.raises(Refusal, match="Only the SEND case work team can start"):
        services.audit_start(actor=make_user("someone", role), version=version)
    assert not Audit.objects.exists()


def test_refuses_an_audit_with_no_framework_in_use(officer: User, version: PlanVersion) -> None:
    AuditFramework.objects.update(active=False)
    with pytest.raises(Refusal, match="No audit framework is in use"):
        services.audit_start(actor=officer, version=version)


def test_refuses_an_audit_against_a_framework_still_being_written(
    officer: User, manager: User, version: PlanVersion, framework: Any
) -> None:
    draft = services.framework_start_version(actor=manager)
    with pytest.raises(Refusal, match="Version 2 of the framework is still being written"):
        services.audit_start(actor=officer, version=version, framework=draft)


def test_refuses_a_second_open_audit_of_a_version(
    officer: User, manager: User, version: PlanVersion, audit: Audit
) -> None:
    with pytest.raises(Refusal, match="Audit 1 of this version is still open"):
        services.audit_start(actor=manager, version=version)


def test_a_version_can_be_audited_again_once_its_audit_is_complete(
    officer: User, nurse: User, social_worker: User, version: PlanVersion, audit: Audit
) -> None:
    services.audit_complete(
        actor=officer, audit=_rated_by_everyone(audit, officer, nurse, social_worker)
    )
    again = services.audit_start(actor=officer, version=version)
    assert again.number == 2


# --- Who rates what ----------------------------------------------------------------------


def test_the_send_team_rates_for_education(officer: User, manager: User) -> None:
    assert selectors.auditor_agencies(officer) == {"education"}
    assert selectors.auditor_agencies(manager) == {"education"}


@pytest.mark.parametrize(
    ("kind", "agency"),
    [
        ("school", "education"),
        ("educational_psychology", "education"),
        ("health", "health"),
        ("social_care", "social_care"),
    ],
)
def test_a_practitioner_rates_for_their_organisations_kind(
    case: Any, kind: str, agency: str
) -> None:
    # Their discipline says otherwise: the organisation wins.
    user = invited_practitioner(case, "someone", kind, discipline="other")
    assert selectors.auditor_agencies(user) == {agency}


def test_a_practitioner_in_no_known_organisation_rates_for_their_discipline(case: Any) -> None:
    lone = make_user("lone", "practitioner", discipline="social_care")
    assert selectors.auditor_agencies(lone) == {"social_care"}
    other = invited_practitioner(case, "other", "other", discipline="health")
    assert selectors.auditor_agencies(other) == {"health"}
    nobody = make_user("nobody", "practitioner", discipline="other")
    assert selectors.auditor_agencies(nobody) == set()


def test_a_practitioner_in_two_kinds_of_organisation_rates_for_both(case: Any) -> None:
    user = invited_practitioner(case, "both", "health")
    user.organisations.create(name="Children's social care", kind="social_care")
    assert selectors.auditor_agencies(user) == {"health", "social_care"}


@pytest.mark.parametrize("role", ["parent", "young_person", "administrator", "analyst"])
def test_nobody_else_rates(role: str, db: Any) -> None:
    assert selectors.auditor_agencies(make_user("someone", role)) == set()


# --- Rating ------------------------------------------------------------------------------


def test_an_auditor_rates_their_agencys_criteria_and_it_is_audited(
    nurse: User, audit: Audit
) -> None:
    [c1, c2] = criteria(audit, "C", "health")
    saved = services.audit_rate(
        actor=nurse,
        audit=audit,
        ratings={c1.pk: Given("good"), c2.pk: Given("inadequate", "No health advice used.")},
    )
    assert [(r.criterion, r.agency, r.rating, r.comment) for r in saved] == [
        (c1, "health", "good", ""),
        (c2, "health", "inadequate", "No health advice used."),
    ]
    entry = _entries("quality.audit")[-1]
    assert (entry.actor, entry.summary) == (nurse, "rated 2 criteria in audit 1 (plan version 1)")


def test_rating_a_criterion_again_replaces_the_auditors_rating(
    officer: User, manager: User, audit: Audit
) -> None:
    [criterion, *_] = criteria(audit, "F")
    services.audit_rate(actor=officer, audit=audit, ratings={criterion.pk: Given("good")})
    services.audit_rate(actor=manager, audit=audit, ratings={criterion.pk: Given("outstanding")})
    services.audit_rate(
        actor=officer, audit=audit, ratings={criterion.pk: Given("requires_improvement", "Vague")}
    )
    ratings = AuditorRating.objects.filter(criterion=criterion).order_by("auditor__username")
    assert [(r.auditor, r.rating) for r in ratings] == [
        (manager, "outstanding"),
        (officer, "requires_improvement"),
    ]


@pytest.mark.parametrize("role", ["parent", "administrator", "analyst"])
def test_refuses_ratings_from_anyone_but_a_professional(role: str, audit: Audit, case: Any) -> None:
    user = make_user("someone", role)
    if role == "parent":
        FamilyLink.objects.create(user=user, child=case.child, relationship="parent")
    [criterion, *_] = criteria(audit, "A")
    with pytest.raises(Refusal, match="Only education, health and social care professionals"):
        services.audit_rate(actor=user, audit=audit, ratings={criterion.pk: Given("good")})
    assert not AuditorRating.objects.exists()


def test_refuses_ratings_from_a_practitioner_not_invited_to_the_case(audit: Audit) -> None:
    stranger = make_user("stranger", "practitioner", discipline="health")
    [criterion, *_] = criteria(audit, "C", "health")
    with pytest.raises(Refusal, match="working with the child"):
        services.audit_rate(actor=stranger, audit=audit, ratings={criterion.pk: Given("good")})


def test_refuses_another_agencys_criteria(nurse: User, officer: User, audit: Audit) -> None:
    [education, *_] = criteria(audit, "F")
    [health, *_] = criteria(audit, "G", "health")
    with pytest.raises(Refusal, match="You can rate only the health criteria"):
        services.audit_rate(actor=nurse, audit=audit, ratings={education.pk: Given("good")})
    with pytest.raises(Refusal, match="You can rate only the education criteria"):
        services.audit_rate(actor=officer, audit=audit, ratings={health.pk: Given("good")})
    assert not AuditorRating.objects.exists()


def test_refuses_criteria_from_another_framework(
    officer: User, manager: User, audit: Audit
) -> None:
    draft = services.framework_start_version(actor=manager)
    other = draft.criteria.filter(agency="education").first()
    assert other is not None
    with pytest.raises(Refusal, match="Rate only the criteria of this audit's framework"):
        services.audit_rate(actor=officer, audit=audit, ratings={other.pk: Given("good")})


def test_refuses_no_ratings(officer: User, audit: Audit) -> None:
    with pytest.raises(Refusal, match="Rate at least one criterion"):
        services.audit_rate(actor=officer, audit=audit, ratings={})


def test_refuses_a_rating_off_the_scale(officer: User, audit: Audit) -> None:
    [criterion, *_] = criteria(audit, "B")
    with pytest.raises(Refusal, match="Select a rating") as refused:
        services.audit_rate(actor=officer, audit=audit, ratings={criterion.pk: Given("superb")})
    assert refused.value.field == f"rating_{criterion.pk}"


@pytest.mark.parametrize("rating", ["requires_improvement", "inadequate"])
def test_refuses_a_rating_below_good_without_a_comment(
    officer: User, audit: Audit, rating: str
) -> None:
    [criterion, *_] = criteria(audit, "E")
    with pytest.raises(Refusal, match="Say what needs to improve") as refused:
        services.audit_rate(actor=officer, audit=audit, ratings={criterion.pk: Given(rating, " ")})
    assert refused.value.field == f"comment_{criterion.pk}"


def test_refuses_a_comment_too_long(officer: User, audit: Audit) -> None:
    [criterion, *_] = criteria(audit, "E")
    with pytest.raises(Refusal, match="2,000 characters or fewer"):
        services.audit_rate(
            actor=officer, audit=audit, ratings={criterion.pk: Given("good", "x" * 2001)}
        )


def test_refuses_ratings_once_the_audit_is_no_longer_in_progress(
    officer: User, nurse: User, social_worker: User, audit: Audit
) -> None:
    _rated_by_everyone(audit, officer, nurse, social_worker)
    services.audit_complete(actor=officer, audit=audit)
    with pytest.raises(Refusal, match="Audit 1 is no longer taking ratings"):
        rate_all(audit, officer, "outstanding")


# --- Completing --------------------------------------------------------------------------


def test_completing_grades_the_plan_and_is_audited(
    officer: User, nurse: User, social_worker: User, audit: Audit, version: PlanVersion
) -> None:
    assert selectors.version_rating(version) is None
    _rated_by_everyone(audit, officer, nurse, social_worker)
    done = services.audit_complete(actor=officer, audit=audit)
    assert (done.status, done.overall_rating, done.limits) == ("complete", "good", "")
    assert (done.completed_by, done.completed_at is not None) == (officer, True)
    assert selectors.version_rating(version) is Rating.GOOD
    entry = _entries("quality.audit")[-1]
    assert entry.summary == "completed audit 1: good (plan version 1)"


def test_refuses_completion_until_every_agency_has_rated(
    officer: User, nurse: User, audit: Audit
) -> None:
    rate_all(audit, officer)
    rate_all(audit, nurse)
    with pytest.raises(Refusal) as refused:
        services.audit_complete(actor=officer, audit=audit)
    assert refused.value.message == (
        "Every criterion must be rated first. Social care has not rated section D, H1 and H2."
    )
    assert Audit.objects.get().status == "in_progress"


def test_refuses_completion_outside_the_case_work_team(nurse: User, audit: Audit) -> None:
    with pytest.raises(Refusal, match="Only the SEND case work team can complete"):
        services.audit_complete(actor=nurse, audit=audit)


def test_refuses_completing_a_complete_audit(
    officer: User, nurse: User, social_worker: User, audit: Audit
) -> None:
    services.audit_complete(
        actor=officer, audit=_rated_by_everyone(audit, officer, nurse, social_worker)
    )
    with pytest.raises(Refusal, match="Audit 1 is already complete"):
        services.audit_complete(actor=officer, audit=audit)


def test_a_missing_section_caps_the_plan(
    officer: User, nurse: User, social_worker: User, audit: Audit, version: PlanVersion
) -> None:
    plan_services.plan_change_views(actor=officer, version=version, views_child="")
    _rated_by_everyone(audit, officer, nurse, social_worker, "outstanding")
    done = services.audit_complete(actor=officer, audit=audit)
    assert (done.overall_rating, done.limits) == (
        "requires_improvement",
        missing_section_limit("A"),
    )


def test_an_unquantified_section_f_line_caps_the_plan_and_its_findings_are_kept(
    officer: User, nurse: User, social_worker: User, audit: Audit, version: PlanVersion
) -> None:
    provision = version.provisions.get()
    plan_services.provision_change(
        actor=officer,
        provision=provision,
        section="F",
        outcomes=list(provision.outcomes.all()),
        what="Access to speech and language therapy as required.",
        who="A speech and language therapist",
        how_often="As required",
        how_long="Ongoing",
        group_size="Small group",
    )
    _rated_by_everyone(audit, officer, nurse, social_worker, "outstanding")
    done = services.audit_complete(actor=officer, audit=audit)
    assert (done.overall_rating, done.limits) == ("requires_improvement", UNQUANTIFIED_LIMIT)
    vague = [f for f in done.findings if f["check"] in selectors.UNQUANTIFIED_CHECKS]
    assert vague, done.findings
    assert {(f["section"], f["blocking"]) for f in vague} == {("F", True)}
    assert all(set(f) == {"check", "title", "section", "blocking"} for f in done.findings)


def test_a_plan_with_specific_provision_keeps_no_provision_findings(
    officer: User, nurse: User, social_worker: User, audit: Audit
) -> None:
    _rated_by_everyone(audit, officer, nurse, social_worker, "outstanding")
    done = services.audit_complete(actor=officer, audit=audit)
    assert done.overall_rating == "outstanding"
    assert not [f for f in done.findings if f["section"] == "F"]


@pytest.mark.parametrize(
    ("check", "section", "caps"),
    [
        ("provision-vague", "F", True),
        ("provision-detail-missing", "F", True),
        ("health-care-provision-vague", "G", False),
        ("provision-no-outcome", "F", False),
    ],
)
def test_which_findings_cap_the_plan(check: str, section: str, caps: bool) -> None:
    from thrive.quality.checks import Finding, ItemRef

    finding = Finding(
        check, "Title", "Message", section, ItemRef("provision", 1, "F1"), "CoP 9.69", True
    )
    assert selectors.unquantified_provision([finding]) is caps


def test_the_latest_complete_audit_gives_the_versions_rating(
    officer: User, nurse: User, social_worker: User, version: PlanVersion, audit: Audit
) -> None:
    services.audit_complete(
        actor=officer, audit=_rated_by_everyone(audit, officer, nurse, social_worker)
    )
    second = services.audit_start(actor=officer, version=version)
    _rated_by_everyone(second, officer, nurse, social_worker, "inadequate")
    assert selectors.version_rating(version) is Rating.GOOD  # the second is still open
    services.audit_complete(actor=officer, audit=second)
    assert selectors.version_rating(version) is Rating.INADEQUATE


# --- Disagreement and moderation ---------------------------------------------------------


@pytest.fixture
def disputed(officer: User, manager: User, nurse: User, social_worker: User, audit: Audit) -> Audit:
    """Everything rated good, except that the manager rates section F requires improvement."""
    _rated_by_everyone(audit, officer, nurse, social_worker)
    [first, *_] = criteria(audit, "F")
    services.audit_rate(
        actor=manager,
        audit=audit,
        ratings={first.pk: Given("requires_improvement", "No hours given.")},
    )
    return services.audit_complete(actor=officer, audit=audit)


def test_auditors_who_disagree_send_the_audit_to_moderation(
    disputed: Audit, version: PlanVersion
) -> None:
    assert (disputed.status, disputed.overall_rating) == ("awaiting_moderation", "")
    assert selectors.version_rating(version) is None
    assert [c.section for c in selectors.audit_sheet(disputed).disputed()] == ["F"]
    entry = _entries("quality.audit")[-1]
    assert entry.summary == "sent audit 1 for moderation (plan version 1)"


def test_refuses_completion_while_awaiting_moderation(officer: User, disputed: Audit) -> None:
    with pytest.raises(Refusal, match="A SEND manager must moderate"):
        services.audit_complete(actor=officer, audit=disputed)


def test_a_manager_moderates_and_so_completes_the_audit(
    manager: User, disputed: Audit, version: PlanVersion
) -> None:
    [first, *_] = criteria(disputed, "F")
    done = services.audit_moderate(
        actor=manager,
        audit=disputed,
        agreed={first.pk: "inadequate"},
        reason="The hours are missing entirely.",
    )
    assert done.status == AuditStatus.COMPLETE
    assert done.moderation.reason == "The hours are missing entirely."
    assert [(a.criterion, a.rating) for a in done.moderation.agreed.all()] == [
        (first, "inadequate")
    ]
    result = selectors.audit_sheet(done).result()
    assert result.sections["F"] == "requires_improvement"  # (1 x 3 + 3 x 3 + 3 x 2) / 8 = 2.25
    assert selectors.version_rating(version) is Rating.GOOD
    summaries = [e.summary for e in _entries("quality.audit")[-2:]]
    assert summaries == [
        "moderated audit 1 (plan version 1)",
        "completed audit 1: good (plan version 1)",
    ]


def test_refuses_moderation_by_anyone_but_a_send_manager(officer: User, disputed: Audit) -> None:
    [first, *_] = criteria(disputed, "F")
    with pytest.raises(Refusal, match="Only a SEND manager can moderate"):
        services.audit_moderate(
            actor=officer, audit=disputed, agreed={first.pk: "good"}, reason="Fine."
        )


def test_refuses_moderating_an_audit_that_is_not_waiting(manager: User, audit: Audit) -> None:
    with pytest.raises(Refusal, match="Audit 1 is not waiting for moderation"):
        services.audit_moderate(actor=manager, audit=audit, agreed={}, reason="Fine.")


def test_refuses_moderation_that_leaves_a_disagreement(manager: User, disputed: Audit) -> None:
    [first, *_] = criteria(disputed, "F")
    with pytest.raises(Refusal, match="Select the rating agreed") as refused:
        services.audit_moderate(actor=manager, audit=disputed, agreed={}, reason="Fine.")
    assert refused.value.field == f"agreed_{first.pk}"


def test_refuses_moderating_a_criterion_nobody_disagreed_about(
    manager: User, disputed: Audit
) -> None:
    [first, second, *_] = criteria(disputed, "F")
    with pytest.raises(Refusal, match="only for the criteria the auditors disagree about"):
        services.audit_moderate(
            actor=manager,
            audit=disputed,
            agreed={first.pk: "good", second.pk: "outstanding"},
            reason="Fine.",
        )


def test_refuses_moderation_without_a_reason(manager: User, disputed: Audit) -> None:
    [first, *_] = criteria(disputed, "F")
    with pytest.raises(Refusal, match="Say why you agreed these ratings") as refused:
        services.audit_moderate(actor=manager, audit=disputed, agreed={first.pk: "good"}, reason="")
    assert refused.value.field == "reason"
    assert Audit.objects.get().status == "awaiting_moderation"


# --- The issuing gate's override ---------------------------------------------------------


def test_a_send_manager_records_an_override_with_the_rating_and_it_is_audited(
    officer: User,
    manager: User,
    nurse: User,
    social_worker: User,
    version: PlanVersion,
    audit: Audit,
) -> None:
    _rated_by_everyone(audit, officer, nurse, social_worker, "inadequate")
    services.audit_complete(actor=officer, audit=audit)
    assert selectors.version_override(version) is None
    override = services.issue_override_record(
        actor=manager, version=version, reason="  The tribunal ordered it issued this week.  "
    )
    assert (override.manager, override.rating) == (manager, "inadequate")
    assert override.reason == "The tribunal ordered it issued this week."
    assert selectors.version_override(version) == override
    [entry] = _entries("quality.issueoverride")
    assert (entry.action, entry.child_id) == ("create", version.plan.case.child_id)
    assert entry.summary == "recorded an issue override (plan version 1)"


def test_the_latest_override_stands(manager: User, version: PlanVersion) -> None:
    services.issue_override_record(actor=manager, version=version, reason="First.")
    second = services.issue_override_record(actor=manager, version=version, reason="Second.")
    assert selectors.version_override(version) == second
    assert [o.reason for o in selectors.version_overrides(version)] == ["First.", "Second."]


def test_overrides_cannot_be_changed(manager: User, version: PlanVersion) -> None:
    override = services.issue_override_record(actor=manager, version=version, reason="Urgent.")
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        IssueOverride.objects.filter(pk=override.pk).update(reason="Changed.")


@pytest.mark.parametrize("role", ["case_officer", "practitioner", "parent", "administrator"])
def test_refuses_an_override_from_anyone_but_a_send_manager(
    role: str, version: PlanVersion
) -> None:
    with pytest.raises(Refusal, match="Only a SEND manager can let a plan be issued"):
        services.issue_override_record(
            actor=make_user("someone", role), version=version, reason="Urgent."
        )
    assert not IssueOverride.objects.exists()


@pytest.mark.parametrize(("reason", "message"), [("  ", "Say why"), ("x" * 2001, "2,000")])
def test_refuses_an_override_without_a_short_enough_reason(
    manager: User, version: PlanVersion, reason: str, message: str
) -> None:
    with pytest.raises(Refusal, match=message) as refused:
        services.issue_override_record(actor=manager, version=version, reason=reason)
    assert refused.value.field == "reason"


def test_refuses_an_override_of_an_issued_version(
    officer: User, manager: User, version: PlanVersion
) -> None:
    plan_services.plan_issue_draft(actor=officer, version=version, served_on=SERVED, today=TODAY)
    with pytest.raises(Refusal, match="This version has been issued"):
        services.issue_override_record(actor=manager, version=version, reason="Urgent.")


# --- Reading audits ----------------------------------------------------------------------


def test_audits_for_a_case_follow_who_may_see_the_case(
    officer: User, nurse: User, case: Any, audit: Audit
) -> None:
    assert list(selectors.audits_for_case(user=officer, case=case)) == [audit]
    assert list(selectors.audits_for_case(user=nurse, case=case)) == [audit]
    stranger = make_user("stranger", "practitioner", discipline="health")
    parent = make_user("parent", "parent")
    FamilyLink.objects.create(user=parent, child=case.child, relationship="parent")
    assert not selectors.audits_for_case(user=stranger, case=case).exists()
    assert not selectors.audits_for_case(user=parent, case=case).exists()


# --- The framework -----------------------------------------------------------------------


def test_a_new_framework_version_copies_the_one_in_use_and_is_audited(
    manager: User, framework: AuditFramework
) -> None:
    draft = services.framework_start_version(actor=manager)
    assert (draft.version, draft.active, draft.is_being_written) == (2, False, True)
    copied = list(draft.criteria.values_list("section", "text", "weight", "agency"))
    assert copied == list(framework.criteria.values_list("section", "text", "weight", "agency"))
    [entry] = _entries("quality.auditframework")
    assert (entry.actor, entry.child_id) == (manager, None)
    assert entry.summary == "started a new version (audit framework version 2)"


def test_with_no_framework_a_new_version_starts_from_the_default(administrator: User) -> None:
    AuditFramework.objects.all().delete()
    draft = services.framework_start_version(actor=administrator)
    assert (draft.version, draft.name, draft.criteria.count()) == (
        1,
        defaults.NAME,
        len(defaults.CRITERIA),
    )


def test_putting_a_version_in_use_replaces_the_old_one_for_new_audits(
    officer: User, manager: User, version: PlanVersion, framework: AuditFramework, audit: Audit
) -> None:
    draft = services.framework_start_version(actor=manager)
    services.criterion_add(
        actor=manager,
        framework=draft,
        section="F",
        text="Provision is costed.",
        weight=2,
        agency="education",
        guidance="Local standard.",
    )
    services.framework_activate(actor=manager, framework=draft)
    assert selectors.framework_in_use() == draft
    framework.refresh_from_db()
    assert (framework.active, framework.is_being_written) == (False, False)
    assert audit.framework == framework  # the open audit keeps its criteria
    assert draft.criteria.filter(section="F").last().text == "Provision is costed."
    assert (
        _entries("quality.auditframework")[-1].summary == "put in use (audit framework version 2)"
    )


def test_criteria_are_changed_and_removed_while_the_version_is_written(manager: User) -> None:
    draft = services.framework_start_version(actor=manager)
    criterion = draft.criteria.filter(section="B").first()
    assert criterion is not None
    changed = services.criterion_change(
        actor=manager,
        criterion=criterion,
        section="C",
        text="Health needs are clear.",
        weight=3,
        agency="health",
    )
    assert (changed.section, changed.agency, changed.weight) == ("C", "health", 3)
    assert changed.order > max(
        draft.criteria.filter(section="C").exclude(pk=changed.pk).values_list("order", flat=True)
    )
    services.criterion_remove(actor=manager, criterion=changed)
    assert not draft.criteria.filter(pk=changed.pk).exists()


def test_refuses_framework_changes_from_anyone_but_a_manager_or_administrator(
    officer: User, framework: AuditFramework
) -> None:
    with pytest.raises(Refusal, match="Only a SEND manager or administrator"):
        services.framework_start_version(actor=officer)


def test_refuses_a_second_version_being_written(manager: User, framework: Any) -> None:
    services.framework_start_version(actor=manager)
    with pytest.raises(Refusal, match="Version 2 is already being written"):
        services.framework_start_version(actor=manager)


def test_refuses_changes_to_a_framework_that_has_been_in_use(
    manager: User, framework: AuditFramework
) -> None:
    criterion = framework.criteria.first()
    assert criterion is not None
    with pytest.raises(Refusal, match="Start a new version"):
        services.criterion_remove(actor=manager, criterion=criterion)
    with pytest.raises(Refusal, match="Start a new version"):
        services.criterion_add(
            actor=manager,
            framework=framework,
            section="A",
            text="More.",
            weight=1,
            agency="education",
        )
    with pytest.raises(Refusal, match="Start a new version"):
        services.framework_activate(actor=manager, framework=framework)


def test_refuses_putting_an_empty_framework_in_use(manager: User, framework: Any) -> None:
    draft = services.framework_start_version(actor=manager)
    draft.criteria.all().delete()
    with pytest.raises(Refusal, match="Add at least one criterion"):
        services.framework_activate(actor=manager, framework=draft)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"section": "Z"}, "section", "Select the section"),
        ({"agency": "police"}, "agency", "Select who rates"),
        ({"weight": 0}, "weight", "from 1 to 5"),
        ({"weight": 6}, "weight", "from 1 to 5"),
        ({"text": " "}, "text", "Enter the criterion"),
        ({"text": "x" * 301}, "text", "300 characters"),
    ],
)
def test_refuses_a_criterion_that_is_not_complete(
    manager: User, framework: Any, fields: dict[str, Any], field: str, message: str
) -> None:
    draft = services.framework_start_version(actor=manager)
    values = {"section": "A", "text": "Views are recent.", "weight": 1, "agency": "education"}
    with pytest.raises(Refusal, match=message) as refused:
        services.criterion_add(actor=manager, framework=draft, **(values | fields))
    assert refused.value.field == field
