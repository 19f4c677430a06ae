"""Audit and framework pages through HTTP: who may use the pages that need an audit (the
route table's world has none), what each page says, the error summary, and the audit log."""

from typing import Any

import pytest

from tests.quality.builders import (
    criteria,
    dispute,
    everyone_rates,
    framework_in_use,
    invited_practitioner,
)
from tests.quality.routes import AUDIT_READERS
from tests.routes import ANONYMOUS, MANAGER, VISITORS
from thrive.accounts.models import User
from thrive.core.models import AuditEntry
from thrive.plans.models import PlanVersion
from thrive.quality import services
from thrive.quality.models import Audit, AuditFramework, AuditorRating, IssueOverride


def _audits(version: PlanVersion) -> str:
    return f"/plans/versions/{version.pk}/audits/"


@pytest.fixture
def signed_in(client: Any, officer: User) -> Any:
    client.force_login(officer)
    return client


# --- Every visitor, with an audit to see -------------------------------------------------

#: Pages that need an open or numbered audit, and who may use them.
WITH_AN_OPEN_AUDIT = {
    "1/": AUDIT_READERS,
    "latest/": AUDIT_READERS,
    "rate/": AUDIT_READERS,
}


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("page", sorted(WITH_AN_OPEN_AUDIT))
def test_audit_pages_answer_only_their_visitors(
    page: str, visitor: str, client: Any, world: Any
) -> None:
    framework_in_use()
    version = PlanVersion.objects.get(pk=world.path_values["version"])
    services.audit_start(actor=world.users["case_officer"], version=version)
    world.sign_in(client, visitor)
    response = client.get(_audits(version) + page)
    if visitor in WITH_AN_OPEN_AUDIT[page]:
        assert response.status_code == 200
    elif visitor == ANONYMOUS:
        assert response["Location"].startswith("/accounts/sign-in/")
    else:
        assert response.status_code in (403, 404)
        assert world.child.first_name.encode() not in response.content


@pytest.mark.parametrize("visitor", VISITORS)
def test_only_a_send_manager_moderates(visitor: str, client: Any, world: Any) -> None:
    framework_in_use()
    officer, manager = world.users["case_officer"], world.users["send_manager"]
    version = PlanVersion.objects.get(pk=world.path_values["version"])
    audit = services.audit_start(actor=officer, version=version)
    everyone_rates(audit, officer)
    dispute(audit, manager)
    services.audit_complete(actor=officer, audit=audit)
    world.sign_in(client, visitor)
    response = client.get(_audits(version) + "moderate/")
    if visitor in MANAGER:
        assert response.status_code == 200
    elif visitor == ANONYMOUS:
        assert response.status_code == 302
    else:
        assert response.status_code in (403, 404)


def test_a_practitioner_whose_agency_rates_nothing_cannot_rate(
    client: Any, case: Any, audit: Audit
) -> None:
    client.force_login(invited_practitioner(case, "driver", "other", discipline="other"))
    assert client.get(_audits(audit.version)).status_code == 200  # may see the audits
    assert client.get(_audits(audit.version) + "rate/").status_code == 403


def test_a_missing_audit_number_is_not_found(signed_in: Any, audit: Audit) -> None:
    assert signed_in.get(_audits(audit.version) + "2/").status_code == 404


# --- The list and starting -----------------------------------------------------------------


def test_an_unaudited_version_offers_an_audit(
    signed_in: Any, version: PlanVersion, framework: Any
) -> None:
    page = signed_in.get(_audits(version)).content.decode()
    assert "Not rated yet" in page
    assert "This version has not been audited yet." in page
    assert f'href="/plans/versions/{version.pk}/audits/start/">Start an audit' in page
    entry = AuditEntry.objects.filter(action="view").latest("id")
    assert (entry.object_type, entry.summary) == (
        "plans.planversion",
        "viewed the plan's audits (plan version 1)",
    )


def test_starting_an_audit_from_its_page(
    signed_in: Any, version: PlanVersion, framework: AuditFramework
) -> None:
    page = signed_in.get(_audits(version) + "start/").content.decode()
    assert f"{framework.name}, version 1" in page
    assert "/quality/framework/" not in page  # an officer does not change the framework
    assert "Education rates 14 criteria" in page
    assert "Health rates 4 criteria" in page
    assert "Social care rates 5 criteria" in page
    response = signed_in.post(_audits(version) + "start/", follow=True)
    assert response.redirect_chain[-1][0] == _audits(version)
    page = response.content.decode()
    assert "Audit 1 started" in page
    assert "Education: 0 of 14 criteria rated" in page
    assert "Rate the plan" in page
    assert "Complete audit 1" in page


def test_a_manager_is_offered_the_framework_from_the_start_page(
    client: Any, manager: User, version: PlanVersion, framework: Any
) -> None:
    client.force_login(manager)
    page = client.get(_audits(version) + "start/").content.decode()
    assert 'href="/quality/framework/">See or change the framework' in page


def test_a_second_start_shows_the_refusal(signed_in: Any, audit: Audit) -> None:
    response = signed_in.post(_audits(audit.version) + "start/")
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Audit 1 of this version is still open" in page


def test_with_no_framework_in_use_the_start_page_says_so(
    signed_in: Any, version: PlanVersion, framework: Any
) -> None:
    AuditFramework.objects.update(active=False)
    page = signed_in.get(_audits(version) + "start/").content.decode()
    assert "No audit framework is in use" in page
    assert "Start the audit" not in page


def test_a_practitioner_sees_the_audits_but_cannot_start_or_complete(
    client: Any, case: Any, audit: Audit
) -> None:
    client.force_login(invited_practitioner(case, "nurse", "health"))
    page = client.get(_audits(audit.version)).content.decode()
    assert "Rate the plan" in page
    assert "Complete audit" not in page
    assert "Back to version" not in page  # the plan's pages are the case work team's
    assert client.get(_audits(audit.version) + "start/").status_code == 403


# --- Rating --------------------------------------------------------------------------------


def test_the_rating_form_groups_an_agencys_criteria_by_section_with_the_plan(
    client: Any, case: Any, audit: Audit
) -> None:
    nurse = invited_practitioner(case, "nurse", "health")
    client.force_login(nurse)
    page = client.get(_audits(audit.version) + "rate/").content.decode()
    assert "Rate the plan for health" in page
    assert "Section C: Health needs related to special educational needs" in page
    assert "Section G: Health provision" in page
    assert "Section F:" not in page
    assert "Read section G as it is written" in page
    [c1, _] = criteria(audit, "C", "health")
    assert f'name="rating_{c1.pk}"' in page
    assert "Comment on C2" in page
    entry = AuditEntry.objects.filter(action="view").latest("id")
    assert entry.summary == "read the plan to rate audit 1 (plan version 1)"


def test_the_rating_form_shows_the_plan_as_written(signed_in: Any, audit: Audit) -> None:
    page = signed_in.get(_audits(audit.version) + "rate/").content.decode()
    assert "A structured phonics programme." in page  # section F
    assert "I like trains and drawing." in page  # section A


def test_ratings_are_saved_and_shown_again(signed_in: Any, officer: User, audit: Audit) -> None:
    [first, second, _] = criteria(audit, "F")
    response = signed_in.post(
        _audits(audit.version) + "rate/",
        {
            f"rating_{first.pk}": "good",
            f"rating_{second.pk}": "inadequate",
            f"comment_{second.pk}": "Says 'regular support'.",
        },
        follow=True,
    )
    assert "2 ratings saved" in response.content.decode()
    assert "Education: 2 of 14 criteria rated" in response.content.decode()
    saved = AuditorRating.objects.filter(auditor=officer).order_by("criterion__order")
    assert [(r.criterion, r.rating) for r in saved] == [(first, "good"), (second, "inadequate")]
    page = signed_in.get(_audits(audit.version) + "rate/").content.decode()
    assert "Says &#x27;regular support&#x27;." in page
    assert 'value="inadequate" checked' in page


def test_a_rating_below_good_needs_a_comment(signed_in: Any, audit: Audit) -> None:
    [first, *_] = criteria(audit, "E")
    response = signed_in.post(
        _audits(audit.version) + "rate/", {f"rating_{first.pk}": "requires_improvement"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f'<a href="#id_comment_{first.pk}">Say what needs to improve' in page
    assert not AuditorRating.objects.exists()


def test_a_comment_without_a_rating_is_an_error(signed_in: Any, audit: Audit) -> None:
    [first, *_] = criteria(audit, "E")
    response = signed_in.post(_audits(audit.version) + "rate/", {f"comment_{first.pk}": "Hmm"})
    assert response.status_code == 400
    assert f'<a href="#id_rating_{first.pk}">Select a rating for E1' in response.content.decode()


def test_saving_nothing_shows_the_services_refusal(signed_in: Any, audit: Audit) -> None:
    response = signed_in.post(_audits(audit.version) + "rate/", {})
    assert response.status_code == 400
    assert "Rate at least one criterion" in response.content.decode()


def test_with_no_audit_open_the_rating_page_goes_back_to_the_list(
    signed_in: Any, version: PlanVersion
) -> None:
    response = signed_in.get(_audits(version) + "rate/")
    assert response["Location"] == _audits(version)


# --- Completing, the result and moderation -------------------------------------------------


def test_completing_too_soon_shows_who_has_not_rated(signed_in: Any, audit: Audit) -> None:
    response = signed_in.post(_audits(audit.version) + "complete/")
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Education has not rated section A, B, E, F, I, J and K" in page


def test_a_complete_audit_shows_its_ratings_by_section(
    signed_in: Any, officer: User, audit: Audit
) -> None:
    everyone_rates(audit, officer)
    response = signed_in.post(_audits(audit.version) + "complete/", follow=True)
    assert response.redirect_chain[-1][0] == _audits(audit.version) + "1/"
    page = response.content.decode()
    assert "Audit 1 complete: Good" in page
    assert "Section rating:" in page
    assert page.count("Good</strong>\n from Nurse (health)") == 4
    assert page.count("Good</strong>\n from Socialworker (social care)") == 5
    assert "Rated by health. Weight 2." in page
    assert "disagree" not in page
    assert "Automated checks when completed" in page
    listing = signed_in.get(_audits(audit.version)).content.decode()
    assert "From the latest complete audit of this version." in listing
    assert f'href="/plans/versions/{audit.version_id}/audits/1/">Audit 1' in listing


def test_the_latest_audit_page_shows_the_latest_audit(signed_in: Any, audit: Audit) -> None:
    page = signed_in.get(_audits(audit.version) + "latest/").content.decode()
    assert '<h1 class="govuk-heading-l">Audit 1</h1>' in page
    assert "The overall rating is given when the audit is complete." in page


@pytest.fixture
def disputed(officer: User, manager: User, audit: Audit) -> Audit:
    everyone_rates(audit, officer)
    dispute(audit, manager)
    return services.audit_complete(actor=officer, audit=audit)


def test_a_disagreement_is_said_in_words(signed_in: Any, disputed: Audit) -> None:
    listing = signed_in.get(_audits(disputed.version)).content.decode()
    assert "Awaiting moderation" in listing
    assert "The auditors disagree about some criteria." in listing
    assert "Moderate audit 1" not in listing  # for a SEND manager
    page = signed_in.get(_audits(disputed.version) + "1/").content.decode()
    assert "The auditors disagree about this criterion. A SEND manager will moderate it." in page
    assert "No hours given." in page


def test_a_manager_moderates_from_the_page(client: Any, manager: User, disputed: Audit) -> None:
    client.force_login(manager)
    moderate = _audits(disputed.version) + "moderate/"
    listing = client.get(_audits(disputed.version)).content.decode()
    assert f'href="{moderate}">Moderate audit 1' in listing
    page = client.get(moderate).content.decode()
    assert "The auditors disagree about 1 criterion" in page
    assert "“No hours given.”" in page
    [first, *_] = criteria(disputed, "F")
    response = client.post(moderate, {f"agreed_{first.pk}": "good"})
    assert response.status_code == 400
    assert '<a href="#id_reason">Say why you agreed these ratings</a>' in response.content.decode()
    response = client.post(
        moderate,
        {f"agreed_{first.pk}": "requires_improvement", "reason": "Hours are missing."},
        follow=True,
    )
    page = response.content.decode()
    assert "Audit 1 moderated and complete: Good" in page
    assert "Agreed at moderation: requires improvement." in page
    assert "Hours are missing." in page


# --- The override ------------------------------------------------------------------------


def test_a_manager_records_an_override(client: Any, manager: User, version: PlanVersion) -> None:
    client.force_login(manager)
    path = f"/plans/versions/{version.pk}/issue-override/"
    assert "An override cannot be withdrawn." in client.get(path).content.decode()
    response = client.post(path, {"reason": ""})
    assert response.status_code == 400
    assert '<a href="#id_reason">Say why the plan should be issued</a>' in response.content.decode()
    response = client.post(path, {"reason": "Tribunal order of 2 March."}, follow=True)
    page = response.content.decode()
    assert "Override recorded" in page
    assert "Tribunal order of 2 March." in page
    assert "Rating then: Not audited" in page
    assert IssueOverride.objects.get().manager == manager


def test_an_officer_is_not_offered_the_override(signed_in: Any, version: PlanVersion) -> None:
    assert "Record an issue override" not in signed_in.get(_audits(version)).content.decode()
    assert signed_in.get(f"/plans/versions/{version.pk}/issue-override/").status_code == 403


# --- Query counts --------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["", "1/", "rate/"])
def test_audit_pages_take_the_same_queries_however_many_ratings(
    signed_in: Any,
    officer: User,
    audit: Audit,
    django_assert_max_num_queries: Any,
    page: str,
) -> None:
    everyone_rates(audit, officer)
    with django_assert_max_num_queries(25):
        assert signed_in.get(_audits(audit.version) + page).status_code == 200


# --- The framework -------------------------------------------------------------------------


@pytest.fixture
def as_manager(client: Any, manager: User) -> Any:
    client.force_login(manager)
    return client


def test_the_framework_page_lists_the_criteria_in_use(as_manager: Any, framework: Any) -> None:
    page = as_manager.get("/quality/framework/").content.decode()
    assert "Version 1: Thrive plan quality framework" in page
    assert "Section F: Special educational provision" in page
    assert "F2: The provision is specific" in page
    assert "In use" in page
    assert "Start a new version" in page
    assert "Add a criterion" not in page  # a version in use never changes


def test_a_new_version_is_written_and_put_in_use(as_manager: Any, framework: Any) -> None:
    response = as_manager.post("/quality/framework/new-version/", follow=True)
    page = response.content.decode()
    assert "Version 2 started as a copy" in page
    assert "Being written" in page
    draft = AuditFramework.objects.get(version=2)
    response = as_manager.post(
        "/quality/framework/criteria/new/",
        {"section": "F", "text": "Provision is costed.", "agency": "education", "weight": "2"},
        follow=True,
    )
    assert "F4: Provision is costed." in response.content.decode()
    criterion = draft.criteria.get(text="Provision is costed.")
    path = f"/quality/framework/criteria/{criterion.pk}/"
    assert "Change criterion F4" in as_manager.get(path).content.decode()
    as_manager.post(path, {"section": "F", "text": "Costed.", "agency": "health", "weight": "3"})
    criterion.refresh_from_db()
    assert (criterion.text, criterion.agency, criterion.weight) == ("Costed.", "health", 3)
    remove = as_manager.get(path + "?remove=yes").content.decode()
    assert "Are you sure you want to remove criterion F4?" in remove
    as_manager.post(path, {"remove": "yes"})
    assert not draft.criteria.filter(pk=criterion.pk).exists()
    assert "Put version 2 in use" in as_manager.get("/quality/framework/use/").content.decode()
    response = as_manager.post("/quality/framework/use/", follow=True)
    assert "Version 2 is now in use" in response.content.decode()
    draft.refresh_from_db()
    assert draft.active


def test_an_incomplete_criterion_shows_the_error_summary(as_manager: Any, framework: Any) -> None:
    as_manager.post("/quality/framework/new-version/")
    response = as_manager.post("/quality/framework/criteria/new/", {"section": "A"})
    assert response.status_code == 400
    page = response.content.decode()
    assert '<a href="#id_text">Enter the criterion</a>' in page
    assert '<a href="#id_agency">Select who rates the criterion</a>' in page


def test_a_second_new_version_shows_the_refusal(as_manager: Any, framework: Any) -> None:
    as_manager.post("/quality/framework/new-version/")
    response = as_manager.post("/quality/framework/new-version/")
    assert response.status_code == 400
    assert "Version 2 is already being written" in response.content.decode()


def test_an_earlier_version_can_be_read(as_manager: Any, framework: Any) -> None:
    as_manager.post("/quality/framework/new-version/")
    page = as_manager.get("/quality/framework/?version=1").content.decode()
    assert "Version 1: Thrive plan quality framework" in page
    assert "Continue writing version 2" in page


def test_the_plan_overview_links_to_the_latest_versions_audits(
    signed_in: Any, version: PlanVersion
) -> None:
    page = signed_in.get(f"/cases/{version.plan.case_id}/plan/").content.decode()
    assert f'href="{_audits(version)}">Quality audits of version 1</a>' in page
