"""Issuing progress reports. An issued report is a fixed version: the HTML as issued and its
content (`presenters_reports.report_content`, every figure in it) are stored, and nothing
changes them afterwards. Issuing the same audience and period again makes the next version."""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction

from thrive.accounts.policy import Action, can
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction

from .. import documents_reports, presenters_reports
from ..models import Audience, ProgressReport
from ..selectors_reports import ReportChoice, next_version


def report_check(choice: ReportChoice, *, today: dt.date) -> None:
    """Refuse a period that ends before it starts or has not ended yet, and a next meeting
    before the period's end."""
    if choice.audience not in Audience.values:
        raise Refusal("Select who the report is for", field="audience")
    if choice.end < choice.start:
        raise Refusal("The end of the period must be on or after its start", field="end")
    if choice.end > today:
        raise Refusal(
            "The end of the period must be today or in the past: a report covers what has happened",
            field="end",
        )
    if choice.next_meeting_on < choice.end:
        raise Refusal(
            "The next meeting must be on or after the end of the period", field="next_meeting_on"
        )


@transaction.atomic
def report_issue(*, actor: Any, choice: ReportChoice, today: dt.date) -> ProgressReport:
    """Issue the report for `choice` as it reads today, as the next version for its audience
    and period."""
    if not can(actor, Action.IMPROVEMENT_EDIT):
        raise Refusal("You cannot issue progress reports")
    report_check(choice, today=today)
    content = presenters_reports.report_content(choice, today)
    version = next_version(choice)
    try:
        with transaction.atomic():  # the unique version: someone issuing the same at once
            report = ProgressReport.objects.create(
                title=content["title"],
                audience=choice.audience,
                period_start=choice.start,
                period_end=choice.end,
                next_meeting_on=choice.next_meeting_on,
                version=version,
                html=documents_reports.report_body_html(content, version=version, issued_on=today),
                figures=content,
                issued_on=today,
                issued_by=actor,
            )
    except IntegrityError:
        raise Refusal(
            "Someone else issued this report at the same moment. Check the list of issued "
            "reports before issuing it again"
        ) from None
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=report,
        summary=(
            f"issued progress report version {version} for {choice.audience}, "
            f"{choice.start} to {choice.end}"
        ),
    )
    return report
