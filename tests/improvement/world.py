"""The improvement programme's part of the route-by-visitor world (tests/conftest.py): one of
everything, with ids for the routes' paths. The world's action is owned by the partner lead,
so ACTION_OWNER routes answer them and no other partner lead. Add your own objects here."""

import datetime as dt
from decimal import Decimal
from typing import Any

from thrive.improvement.models import (
    Action,
    Evidence,
    EvidenceKind,
    Feedback,
    MeasureTarget,
    Milestone,
    Priority,
    Risk,
    TrajectoryPoint,
    Workstream,
    YouSaidWeDid,
)


def improvement_world(users: dict[str, Any]) -> dict[str, int]:
    officer = users["programme_officer"]
    priority = Priority.objects.create(title="Timely plans", source="SEND strategy")
    workstream = Workstream.objects.create(priority=priority, title="Assessment", lead=officer)
    action = Action.objects.create(
        workstream=workstream,
        title="Recruit educational psychologists",
        owner=users["partner_lead"],
        partner="council",
        due_on=dt.date(2026, 6, 30),
    )
    milestone = Milestone.objects.create(
        workstream=workstream, title="Team at full strength", due_on=dt.date(2026, 9, 1)
    )
    target = MeasureTarget.objects.create(
        priority=priority,
        measure_key="plans_20_weeks",
        baseline_value=Decimal("40"),
        baseline_on=dt.date(2025, 4, 1),
        target_value=Decimal("70"),
        target_on=dt.date(2027, 3, 31),
    )
    TrajectoryPoint.objects.create(target=target, on=dt.date(2026, 3, 31), value=Decimal("55"))
    # A link, not a document, so the world writes no file: its download sends visitors back.
    evidence = Evidence.objects.create(
        title="Recruitment plan",
        kind=EvidenceKind.LINK,
        url="https://example.org/plan",
        added_by=officer,
    )
    evidence.actions.add(action)
    # The risk register and family voice (a risk, feedback answered by an unpublished entry).
    risk = Risk.objects.create(
        title="Too few educational psychologists",
        cause="Vacancies",
        effect="Advice late",
        owner=officer,
        likelihood_before=4,
        impact_before=5,
        likelihood_after=3,
        impact_after=4,
        review_on=dt.date(2026, 4, 1),
    )
    feedback = Feedback.objects.create(
        received_on=dt.date(2026, 1, 15), source="survey", summary="Waits", recorded_by=officer
    )
    you_said = YouSaidWeDid.objects.create(you_said="Waits", we_did="More EPs", created_by=officer)
    you_said.feedback.add(feedback)
    # An issued progress report (services.reports), for its page and downloads.
    from tests.factories import TODAY
    from thrive.improvement.selectors_reports import ReportChoice
    from thrive.improvement.services.reports import report_issue

    report = report_issue(
        actor=officer,
        choice=ReportChoice("board", dt.date(2025, 10, 1), dt.date(2025, 12, 31), TODAY),
        today=TODAY,
    )
    return {
        "report": report.pk,
        "risk": risk.pk,
        "you_said": you_said.pk,
        "priority": priority.pk,
        "workstream": workstream.pk,
        "action": action.pk,
        "milestone": milestone.pk,
        "measure": target.pk,
        "evidence": evidence.pk,
    }
