"""The quality gate in the issuing service (`plans.services.plan_issue_final`, asking
`quality.gate.issue_gate`): no inadequate plan is issued without a SEND manager's reason."""

from typing import Any

import pytest
from django.utils import timezone

from tests.factories import TODAY
from tests.plans.builders import FINAL_ON
from tests.quality.builders import framework_in_use
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.plans import services
from thrive.plans.models import PlanVersion
from thrive.quality import gate
from thrive.quality.models import Audit, AuditStatus, Rating
from thrive.quality.services import issue_override_record


def _audited(version: PlanVersion, rating: Rating, by: Any) -> Audit:
    """A complete audit of `version` with `rating` overall (how it was reached is the audit
    services' business, tested in tests/quality)."""
    return Audit.objects.create(
        version=version,
        number=version.audits.count() + 1,
        framework=framework_in_use(),
        started_by=by,
        status=AuditStatus.COMPLETE,
        overall_rating=rating,
        completed_by=by,
        completed_at=timezone.now(),
    )


def _make_vague(version: PlanVersion, officer: Any) -> None:
    provision = version.provisions.get()
    services.provision_change(
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


def _refusals(version: PlanVersion) -> list[str]:
    entries = AuditEntry.objects.filter(object_type="plans.planversion", object_id=str(version.pk))
    return [e.summary for e in entries if "quality gate refused" in e.summary]


def test_a_clean_plan_with_no_audit_is_issued(officer: Any, final: PlanVersion) -> None:
    decision = gate.issue_gate(final)
    assert not decision.stops_issue, decision.reasons()
    services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)
    final.refresh_from_db()
    assert final.is_issued


def test_refuses_a_plan_rated_inadequate_and_records_the_refusal(
    officer: Any, final: PlanVersion
) -> None:
    _audited(final, Rating.INADEQUATE, officer)
    with pytest.raises(Refusal, match="rated inadequate at its quality audit"):
        services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)
    final.refresh_from_db()
    assert not final.is_issued
    assert not final.plan.case.events.filter(kind="final_issued").exists()
    assert _refusals(final) == [
        f"the quality gate refused to issue the final plan: rated inadequate "
        f"(plan version {final.number})"
    ]


def test_an_inadequate_draft_must_be_audited_again_before_the_final_plan(
    officer: Any, final: PlanVersion
) -> None:
    assert final.based_on is not None
    _audited(final.based_on, Rating.INADEQUATE, officer)
    with pytest.raises(Refusal, match="version 1 was rated inadequate"):
        services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)
    _audited(final, Rating.GOOD, officer)  # put right and audited again
    services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)


def test_refuses_a_plan_with_blocking_check_findings(officer: Any, final: PlanVersion) -> None:
    _make_vague(final, officer)
    decision = gate.issue_gate(final)
    assert decision.blocking
    with pytest.raises(Refusal, match="must be put right first"):
        services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)
    assert len(_refusals(final)) == 1
    assert "blocking findings" in _refusals(final)[0]


def test_a_send_managers_override_lets_the_plan_be_issued_and_is_audited(
    officer: Any, manager: Any, final: PlanVersion
) -> None:
    _audited(final, Rating.INADEQUATE, officer)
    _make_vague(final, officer)
    override = issue_override_record(
        actor=manager,
        version=final,
        reason="The tribunal ordered this wording; the plan is amended after the hearing.",
    )
    assert gate.issue_gate(final).override == override
    services.plan_issue_final(actor=officer, version=final, issued_on=FINAL_ON, today=TODAY)
    final.refresh_from_db()
    assert final.is_issued
    summaries = list(
        AuditEntry.objects.filter(
            object_type="plans.planversion", object_id=str(final.pk)
        ).values_list("summary", flat=True)
    )
    assert any("issued the final plan with a SEND manager's override" in s for s in summaries)
    assert AuditEntry.objects.filter(summary__contains="recorded an issue override").exists()


def test_only_a_send_manager_can_override(officer: Any, final: PlanVersion) -> None:
    with pytest.raises(Refusal, match="Only a SEND manager"):
        issue_override_record(actor=officer, version=final, reason="Because.")


def test_the_issue_page_shows_the_gates_refusal(
    client: Any, officer: Any, manager: Any, final: PlanVersion
) -> None:
    _audited(final, Rating.INADEQUATE, officer)
    client.force_login(officer)
    response = client.post(
        f"/plans/versions/{final.pk}/issue-final/",
        {"issued_on_day": "12", "issued_on_month": "1", "issued_on_year": "2026"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "rated inadequate at its quality audit" in body
    assert "This plan cannot be issued yet" in body  # before anyone presses the button, too
    client.force_login(manager)
    page = client.get(f"/plans/versions/{final.pk}/issue-final/").content.decode()
    assert f"/plans/versions/{final.pk}/issue-override/" in page
