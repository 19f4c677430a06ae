import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail

from tests.factories import TODAY, make_user, step
from tests.plans.builders import ASSESS_YES, FINAL_ON, RECEIVED, SERVED, fill
from thrive.accounts.models import Organisation
from thrive.assessments.selectors import case_clock
from thrive.assessments.services import case_record_step
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.law import clock
from thrive.people.models import FamilyLink, Setting
from thrive.plans import services
from thrive.plans.models import EhcPlan, PlanVersion
from thrive.portal.models import DraftResponse

# --- Starting a plan ---------------------------------------------------------------------


def test_starting_a_plan_makes_a_draft_resting_on_the_advice_given(
    officer: Any, issuing_case: Any, make_advice: Callable[..., Any]
) -> None:
    given = make_advice(issuing_case)
    make_advice(issuing_case, submitted=False, contributor="health")
    make_advice(issuing_case, contributor="social_care", withdrawn_on=dt.date(2025, 10, 20))
    version = services.plan_start(actor=officer, case=issuing_case)
    assert (version.number, version.kind, version.is_issued) == (1, "draft", False)
    assert list(version.advice.all()) == [given]
    audit = AuditEntry.objects.get(object_type="plans.planversion", action="create")
    assert audit.child_id == issuing_case.child_id
    assert "Ada" not in audit.summary


def test_refuses_a_plan_before_the_decision_to_issue(officer: Any, make_case: Any) -> None:
    case = make_case(received_on=RECEIVED, steps=(ASSESS_YES,))
    with pytest.raises(Refusal, match="after the decision to issue"):
        services.plan_start(actor=officer, case=case)
    assert not EhcPlan.objects.exists()


def test_refuses_a_second_plan_for_a_case(officer: Any, draft: PlanVersion) -> None:
    with pytest.raises(Refusal, match="already has a plan"):
        services.plan_start(actor=officer, case=draft.plan.case)


def test_refuses_plan_writing_outside_the_case_work_team(
    administrator: Any, issuing_case: Any, draft: PlanVersion
) -> None:
    parent = make_user("parent", "parent")
    FamilyLink.objects.create(user=parent, child=issuing_case.child, relationship="parent")
    with pytest.raises(Refusal, match="case work team"):
        services.plan_start(actor=administrator, case=issuing_case)
    with pytest.raises(Refusal, match="case work team"):
        services.need_add(actor=parent, version=draft, section="B", text="A need")


# --- Every edit refuses an issued version ------------------------------------------------


def _edits(officer: Any, version: PlanVersion) -> dict[str, Callable[[], object]]:
    need = version.needs.get()
    outcome = version.outcomes.get()
    provision = version.provisions.get()
    details = {
        "what": "More",
        "who": "A teacher",
        "how_often": "Daily",
        "how_long": "A year",
        "group_size": "1 to 1",
    }
    return {
        "section A": lambda: services.plan_change_views(
            actor=officer, version=version, views_child="I like trains."
        ),
        "section I": lambda: services.plan_change_placement(
            actor=officer, version=version, placement_type="mainstream_academy"
        ),
        "section J": lambda: services.plan_change_budget(
            actor=officer, version=version, personal_budget="None", direct_payments=False
        ),
        "section K": lambda: services.plan_choose_advice(
            actor=officer, version=version, advice_requests=[]
        ),
        "need added": lambda: services.need_add(
            actor=officer, version=version, section="C", text="Asthma"
        ),
        "need changed": lambda: services.need_change(
            actor=officer, need=need, section="B", text="Changed"
        ),
        "need removed": lambda: services.need_remove(actor=officer, need=need),
        "outcome added": lambda: services.outcome_add(
            actor=officer, version=version, text="More", time_frame="Soon", needs=[need]
        ),
        "outcome changed": lambda: services.outcome_change(
            actor=officer, outcome=outcome, text="More", time_frame="Soon", needs=[need]
        ),
        "outcome removed": lambda: services.outcome_remove(actor=officer, outcome=outcome),
        "provision added": lambda: services.provision_add(
            actor=officer, version=version, section="F", outcomes=[outcome], **details
        ),
        "provision changed": lambda: services.provision_change(
            actor=officer, provision=provision, section="F", outcomes=[outcome], **details
        ),
        "provision removed": lambda: services.provision_remove(actor=officer, provision=provision),
    }


@pytest.mark.parametrize(
    "edit",
    [
        "section A",
        "section I",
        "section J",
        "section K",
        "need added",
        "need changed",
        "need removed",
        "outcome added",
        "outcome changed",
        "outcome removed",
        "provision added",
        "provision changed",
        "provision removed",
    ],
)
def test_refuses_every_edit_of_an_issued_version(
    officer: Any, issued_draft: PlanVersion, edit: str
) -> None:
    before = (issued_draft.needs.count(), issued_draft.outcomes.count())
    with pytest.raises(Refusal) as refused:
        _edits(officer, issued_draft)[edit]()
    assert refused.value.message == "An issued plan cannot be changed. Start a new version."
    assert (issued_draft.needs.count(), issued_draft.outcomes.count()) == before


# --- Needs, outcomes and provision -------------------------------------------------------


def test_an_edit_is_audited_without_personal_data(officer: Any, draft: PlanVersion) -> None:
    services.need_add(actor=officer, version=draft, section="C", text="Ada has asthma.")
    audit = AuditEntry.objects.filter(object_type="plans.planversion").latest("id")
    assert audit.summary == "added a need to section C (plan version 1)"
    assert audit.child_id == draft.plan.case.child_id


@pytest.mark.parametrize(
    ("section", "text", "field", "message"),
    [
        ("B", "   ", "text", "Enter the need"),
        ("E", "A need", "section", "Select which section"),
        ("B", "x" * 2001, "text", "2,000 characters or fewer"),
    ],
)
def test_refuses_a_need_without_its_details(
    officer: Any, draft: PlanVersion, section: str, text: str, field: str, message: str
) -> None:
    with pytest.raises(Refusal, match=message) as refused:
        services.need_add(actor=officer, version=draft, section=section, text=text)
    assert refused.value.field == field


def test_refuses_an_outcome_without_a_need(officer: Any, draft: PlanVersion) -> None:
    with pytest.raises(Refusal, match="at least one need") as refused:
        services.outcome_add(
            actor=officer, version=draft, text="Reads", time_frame="By July", needs=[]
        )
    assert refused.value.field == "needs"


def test_refuses_an_outcome_without_a_time_frame(officer: Any, draft: PlanVersion) -> None:
    need, _, _ = fill(draft, officer)
    with pytest.raises(Refusal, match="when the outcome") as refused:
        services.outcome_add(
            actor=officer, version=draft, text="Reads", time_frame="", needs=[need]
        )
    assert refused.value.field == "time_frame"


def test_refuses_an_outcome_for_a_need_in_another_version(officer: Any, final: PlanVersion) -> None:
    old_need = final.based_on.needs.get()
    with pytest.raises(Refusal, match="this version"):
        services.outcome_add(
            actor=officer, version=final, text="Reads", time_frame="By July", needs=[old_need]
        )


def test_refuses_an_unknown_preparing_for_adulthood_area(officer: Any, draft: PlanVersion) -> None:
    need, _, _ = fill(draft, officer)
    with pytest.raises(Refusal, match="preparing for adulthood"):
        services.outcome_add(
            actor=officer,
            version=draft,
            text="Travels to college alone",
            time_frame="By 2030",
            needs=[need],
            adulthood_area="astronaut",
        )


DETAILS = {
    "what": "Speech and language therapy",
    "who": "A speech and language therapist",
    "how_often": "Weekly, 45 minutes",
    "how_long": "For 2 terms",
    "group_size": "1 to 1",
}


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("what", "Enter what the provision is"),
        ("who", "Enter who will deliver the provision"),
        ("how_often", "Enter how often the provision happens"),
        ("how_long", "Enter how long the provision lasts"),
        ("group_size", "Enter the group size or ratio"),
    ],
)
def test_refuses_provision_that_is_not_specified(
    officer: Any, draft: PlanVersion, missing: str, message: str
) -> None:
    _, outcome, _ = fill(draft, officer)
    with pytest.raises(Refusal, match=message) as refused:
        services.provision_add(
            actor=officer,
            version=draft,
            section="G",
            outcomes=[outcome],
            **(DETAILS | {missing: "  "}),
        )
    assert refused.value.field == missing
    assert not draft.provisions.filter(section="G").exists()


def test_refuses_provision_without_an_outcome(officer: Any, draft: PlanVersion) -> None:
    with pytest.raises(Refusal, match="at least one outcome") as refused:
        services.provision_add(actor=officer, version=draft, section="F", outcomes=[], **DETAILS)
    assert refused.value.field == "outcomes"


def test_refuses_provision_in_an_unknown_section(officer: Any, draft: PlanVersion) -> None:
    _, outcome, _ = fill(draft, officer)
    with pytest.raises(Refusal, match="which section") as refused:
        services.provision_add(
            actor=officer, version=draft, section="B", outcomes=[outcome], **DETAILS
        )
    assert refused.value.field == "section"


def test_refuses_to_remove_the_only_need_an_outcome_addresses(
    officer: Any, draft: PlanVersion
) -> None:
    need, outcome, _ = fill(draft, officer)
    with pytest.raises(Refusal, match="Change or remove that outcome first"):
        services.need_remove(actor=officer, need=need)
    other = services.need_add(actor=officer, version=draft, section="D", text="Needs personal care")
    services.outcome_change(
        actor=officer,
        outcome=outcome,
        text=outcome.text,
        time_frame=outcome.time_frame,
        needs=[need, other],
    )
    services.need_remove(actor=officer, need=need)
    assert list(outcome.needs.all()) == [other]


def test_refuses_to_remove_the_only_outcome_a_provision_serves(
    officer: Any, draft: PlanVersion
) -> None:
    _, outcome, provision = fill(draft, officer)
    with pytest.raises(Refusal, match="Change or remove that provision first"):
        services.outcome_remove(actor=officer, outcome=outcome)
    services.provision_remove(actor=officer, provision=provision)
    services.outcome_remove(actor=officer, outcome=outcome)
    assert not draft.outcomes.exists()


def test_a_need_moved_to_another_section_goes_to_its_end(officer: Any, draft: PlanVersion) -> None:
    services.need_add(actor=officer, version=draft, section="C", text="Asthma")
    need = services.need_add(actor=officer, version=draft, section="B", text="Hearing")
    services.need_change(actor=officer, need=need, section="C", text="Hearing loss")
    assert list(draft.needs.filter(section="C").values_list("text", flat=True)) == [
        "Asthma",
        "Hearing loss",
    ]


# --- Sections I, J and K -----------------------------------------------------------------


def test_refuses_to_name_a_setting_in_the_draft(officer: Any, draft: PlanVersion) -> None:
    with pytest.raises(Refusal, match=r"s\.38\(5\)"):
        services.plan_change_placement(
            actor=officer, version=draft, placement_type="mainstream_academy"
        )


def test_a_named_setting_brings_its_type(officer: Any, final: PlanVersion, council: Any) -> None:
    school = Setting.objects.create(
        name="Oak Primary",
        establishment_type="mainstream_la_maintained",
        phase="primary",
        local_authority=council,
    )
    services.plan_change_placement(
        actor=officer, version=final, setting=school, placement_type="special_academy_free"
    )
    final.refresh_from_db()
    assert (final.placement_setting, final.placement_type) == (school, "mainstream_la_maintained")


@pytest.mark.parametrize(
    ("placement_type", "field"), [("", "placement_setting"), ("castle", "placement_type")]
)
def test_refuses_section_i_without_a_setting_or_a_known_type(
    officer: Any, final: PlanVersion, placement_type: str, field: str
) -> None:
    with pytest.raises(Refusal) as refused:
        services.plan_change_placement(actor=officer, version=final, placement_type=placement_type)
    assert refused.value.field == field


def test_refuses_direct_payments_without_saying_what_they_meet(
    officer: Any, draft: PlanVersion
) -> None:
    with pytest.raises(Refusal, match="direct payments will meet") as refused:
        services.plan_change_budget(
            actor=officer, version=draft, personal_budget=" ", direct_payments=True
        )
    assert refused.value.field == "personal_budget"


def test_refuses_advice_that_has_not_been_given(
    officer: Any, draft: PlanVersion, make_advice: Callable[..., Any]
) -> None:
    pending = make_advice(draft.plan.case, submitted=False)
    with pytest.raises(Refusal, match="has been given") as refused:
        services.plan_choose_advice(actor=officer, version=draft, advice_requests=[pending])
    assert refused.value.field == "advice"


# --- Issuing the draft -------------------------------------------------------------------


def test_issuing_the_draft_freezes_it_records_it_and_tells_the_family(
    officer: Any, draft: PlanVersion, django_capture_on_commit_callbacks: Any
) -> None:
    case = draft.plan.case
    parent = make_user("parent", "parent", email="parent@example.org")
    FamilyLink.objects.create(user=parent, child=case.child, relationship="parent")
    fill(draft, officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_issue_draft(actor=officer, version=draft, served_on=SERVED, today=TODAY)
    draft.refresh_from_db()
    assert (draft.issued_on, draft.issued_by, draft.is_issued) == (SERVED, officer, True)
    event = case.events.get(kind="draft_issued")
    assert (event.on, event.recorded_by) == (SERVED, officer)
    assert case_clock(case, today=TODAY).stage == clock.Stage.DRAFT_ISSUED
    [message] = mail.outbox
    assert message.to == ["parent@example.org"]
    assert f"A draft EHC plan has been issued for case {case.reference}" in message.body
    assert "You have until 17 December 2025 to comment" in message.body
    assert "Ada" not in message.body + message.subject


def test_refuses_a_draft_before_the_decision_to_issue(officer: Any, make_case: Any) -> None:
    """The law decides: a plan made directly on a case still being assessed cannot be issued."""
    case = make_case(received_on=RECEIVED, steps=(ASSESS_YES,))
    version = PlanVersion.objects.create(
        plan=EhcPlan.objects.create(case=case), number=1, kind="draft", created_by=officer
    )
    fill(version, officer)
    with pytest.raises(Refusal, match="after deciding to issue a plan") as refused:
        services.plan_issue_draft(actor=officer, version=version, served_on=SERVED, today=TODAY)
    assert refused.value.field == "served_on"
    version.refresh_from_db()
    assert not version.is_issued


@pytest.mark.parametrize(
    ("remove", "message"),
    [
        ("need", "special educational need in section B"),
        ("outcome", "outcome in section E"),
        ("provision", "special educational provision in section F"),
    ],
)
def test_refuses_to_issue_a_plan_missing_a_section(
    officer: Any, draft: PlanVersion, remove: str, message: str
) -> None:
    need, outcome, provision = fill(draft, officer)
    if remove == "need":
        need.section = "C"
        need.save()
    elif remove == "outcome":
        provision.delete()
        outcome.delete()
    else:
        provision.section = "G"
        provision.save()
    with pytest.raises(Refusal, match=message):
        services.plan_issue_draft(actor=officer, version=draft, served_on=SERVED, today=TODAY)


def test_refuses_a_draft_served_in_the_future(officer: Any, draft: PlanVersion) -> None:
    fill(draft, officer)
    with pytest.raises(Refusal, match="future") as refused:
        services.plan_issue_draft(
            actor=officer, version=draft, served_on=TODAY + dt.timedelta(1), today=TODAY
        )
    assert refused.value.field == "served_on"


def test_refuses_to_issue_a_final_plan_as_a_draft(officer: Any, final: PlanVersion) -> None:
    with pytest.raises(Refusal, match="is a final plan"):
        services.plan_issue_draft(actor=officer, version=final, served_on=FINAL_ON, today=TODAY)


# --- The next version --------------------------------------------------------------------


def test_the_final_plan_starts_as_a_copy_of_the_draft(
    officer: Any, issued_draft: PlanVersion
) -> None:
    final = services.plan_new_version(actor=officer, version=issued_draft, kind="final")
    assert (final.number, final.kind, final.based_on, final.is_issued) == (
        2,
        "final",
        issued_draft,
        False,
    )
    need, outcome, provision = final.needs.get(), final.outcomes.get(), final.provisions.get()
    old_need, old_outcome = issued_draft.needs.get(), issued_draft.outcomes.get()
    assert need.pk != old_need.pk
    assert need.key == old_need.key
    assert list(outcome.needs.all()) == [need]  # the links point at the copies
    assert list(provision.outcomes.all()) == [outcome]
    assert outcome.key == old_outcome.key
    assert list(final.advice.all()) == list(issued_draft.advice.all())
    assert list(old_outcome.needs.all()) == [old_need]  # the issued draft is untouched


def test_refuses_a_final_plan_from_an_unissued_draft(officer: Any, draft: PlanVersion) -> None:
    with pytest.raises(Refusal, match="still being written"):
        services.plan_new_version(actor=officer, version=draft, kind="final")


def test_refuses_the_wrong_kind_of_next_version(officer: Any, issued_draft: PlanVersion) -> None:
    with pytest.raises(Refusal, match="After a draft plan, start a final plan"):
        services.plan_new_version(actor=officer, version=issued_draft, kind="amended_draft")


def test_refuses_a_new_version_from_an_older_one(officer: Any, final: PlanVersion) -> None:
    with pytest.raises(Refusal, match="latest"):
        services.plan_new_version(actor=officer, version=final.based_on, kind="final")


# --- Issuing the final plan --------------------------------------------------------------


def test_issuing_the_final_plan_closes_the_case_and_tells_family_and_school(
    officer: Any, final: PlanVersion, council: Any, django_capture_on_commit_callbacks: Any
) -> None:
    case = final.plan.case
    parent = make_user("parent", "parent", email="parent@example.org")
    FamilyLink.objects.create(user=parent, child=case.child, relationship="parent")
    school = Setting.objects.create(
        name="Oak Primary",
        establishment_type="mainstream_academy",
        phase="primary",
        local_authority=council,
    )
    Organisation.objects.create(
        name="Oak Primary", kind="school", setting=school, email="senco@oak.example.org"
    )
    services.plan_change_placement(actor=officer, version=final, setting=school)
    with django_capture_on_commit_callbacks(execute=True):
        services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)
    final.refresh_from_db()
    assert (final.issued_on, final.is_issued) == (FINAL_ON, True)
    assert case.events.get(kind="final_issued").on == FINAL_ON
    assert case_clock(case, today=TODAY).stage == clock.Stage.FINAL_ISSUED
    to_family = next(m for m in mail.outbox if m.to == ["parent@example.org"])
    assert "appeal to the SEND Tribunal within 2 months" in to_family.body
    assert "mediation adviser" in to_family.body
    to_school = next(m for m in mail.outbox if m.to == ["senco@oak.example.org"])
    assert case.reference in to_school.subject
    assert all("Ada" not in m.body for m in mail.outbox)


def test_refuses_a_final_plan_before_the_draft(officer: Any, issuing_case: Any) -> None:
    """The law decides: a final version made directly, with no draft on the timeline."""
    version = PlanVersion.objects.create(
        plan=EhcPlan.objects.create(case=issuing_case),
        number=1,
        kind="final",
        created_by=officer,
        placement_type="mainstream_academy",
    )
    fill(version, officer)
    with pytest.raises(Refusal, match="before a draft plan") as refused:
        services.plan_issue_final(actor=officer, version=version, issued_on=FINAL_ON, today=TODAY)
    assert refused.value.field == "issued_on"


def test_refuses_a_final_plan_inside_the_familys_15_days(officer: Any, final: PlanVersion) -> None:
    with pytest.raises(Refusal, match="17 December 2025"):
        services.plan_issue_final(
            actor=officer, version=final, issued_on=dt.date(2025, 12, 10), today=TODAY
        )


def test_the_familys_comments_allow_an_earlier_final_plan(officer: Any, final: PlanVersion) -> None:
    case = final.plan.case
    case_record_step(
        actor=officer, case=case, step=step("comments_received", dt.date(2025, 12, 8)), today=TODAY
    )
    services.plan_issue_final(
        actor=officer, version=final, issued_on=dt.date(2025, 12, 10), today=TODAY
    )
    assert case_clock(case, today=TODAY).stage == clock.Stage.FINAL_ISSUED


def test_refuses_a_final_plan_with_no_setting_or_type(officer: Any, final: PlanVersion) -> None:
    final.placement_type = ""
    final.save()
    with pytest.raises(Refusal, match="section I"):
        services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)


def test_refuses_to_issue_a_draft_as_a_final_plan(officer: Any, draft: PlanVersion) -> None:
    fill(draft, officer)
    with pytest.raises(Refusal, match="is a draft plan"):
        services.plan_issue_final(actor=officer, version=draft, issued_on=SERVED, today=TODAY)


# --- Amended plans -----------------------------------------------------------------------


@pytest.fixture
def amended_draft(officer: Any, final: PlanVersion) -> PlanVersion:
    services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)
    amended = services.plan_new_version(actor=officer, version=final, kind="amended_draft")
    return services.plan_issue_draft(
        actor=officer, version=amended, served_on=dt.date(2026, 2, 2), today=TODAY
    )


def test_an_amended_plan_keeps_its_setting_and_is_not_on_the_assessment(
    officer: Any, amended_draft: PlanVersion
) -> None:
    assert amended_draft.placement_type == "mainstream_academy"
    assert amended_draft.plan.case.events.filter(kind="draft_issued").count() == 1


def test_refuses_an_amended_final_inside_the_15_days_unless_the_family_responded(
    officer: Any, amended_draft: PlanVersion
) -> None:
    amended = services.plan_new_version(actor=officer, version=amended_draft, kind="amended_final")
    early = dt.date(2026, 2, 10)
    with pytest.raises(Refusal, match="16 February 2026") as refused:
        services.plan_issue_final(actor=officer, version=amended, issued_on=early, today=TODAY)
    assert refused.value.field == "issued_on"
    DraftResponse.objects.create(version=amended_draft, given_by=officer, comments="Agreed.")
    services.plan_issue_final(actor=officer, version=amended, issued_on=early, today=TODAY)
    amended.refresh_from_db()
    assert amended.is_issued


def test_refuses_an_amended_plan_dated_before_the_version_it_amends(
    officer: Any, final: PlanVersion
) -> None:
    services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)
    amended = services.plan_new_version(actor=officer, version=final, kind="amended_draft")
    with pytest.raises(Refusal, match="12 January 2026"):
        services.plan_issue_draft(
            actor=officer, version=amended, served_on=dt.date(2026, 1, 5), today=TODAY
        )
