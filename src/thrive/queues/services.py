"""Escalation: the daily run (`thrive mark-overdue`, or the `mark_overdue_steps` task) records
each review or amendment step that has become overdue and tells the case officer and the
SEND managers of the officer's team (every SEND manager when the team has none), once.

A system write with no actor, so no audit entry; the log says how many, never which. Each
message gives case references and steps only: never a name."""

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from thrive.accounts.models import Role, User
from thrive.core.notifications import notify
from thrive.law.clock import render_date

from .models import OverdueStep
from .selectors import WorkItem, work_items

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Marked:
    overdue: int  # steps overdue today
    new: int  # of which found overdue for the first time
    messages: int  # messages queued


def _recipients(items: list[WorkItem]) -> dict[str, list[WorkItem]]:
    """{email: the new overdue steps to tell them about}: each item's officer, and the SEND
    managers in the officer's team, or all SEND managers when that team has none."""
    officer_ids = {item.officer_id for item in items if item.officer_id is not None}
    officers = {
        pk: (email, team)
        for pk, email, team in User.objects.filter(pk__in=officer_ids, is_active=True).values_list(
            "pk", "email", "team"
        )
    }
    managers: dict[str, list[str]] = defaultdict(list)
    every_manager = []
    for email, team in User.objects.filter(role=Role.SEND_MANAGER, is_active=True).values_list(
        "email", "team"
    ):
        if email:
            every_manager.append(email)
            if team:
                managers[team].append(email)
    found: dict[str, list[WorkItem]] = defaultdict(list)
    for item in items:
        email, team = officers.get(item.officer_id or 0, ("", ""))
        to = {email} if email else set()
        to |= set(managers.get(team, []) if team and managers.get(team) else every_manager)
        for address in to:
            found[address].append(item)
    return found


def _message(items: list[WorkItem]) -> tuple[str, str]:
    if len(items) == 1:
        subject = f"Overdue: {items[0].what.lower()} for case {items[0].reference}"
    else:
        subject = f"{len(items)} review and amendment steps are overdue"
    lines = "\n".join(
        f"- Case {item.reference}: {item.what.lower()}, due by {render_date(item.due_by)}"
        for item in sorted(items, key=lambda i: (i.due_by, i.reference))
    )
    body = (
        "These steps in the review or amendment of an EHC plan are now overdue:\n\n"
        f"{lines}\n\nThe reviews and amendments work queue lists them."
    )
    return subject, body


@transaction.atomic
def overdue_steps_mark(*, today: date) -> Marked:
    """Record every step overdue on `today` that has no row yet (one per plan, step and due
    date) and queue the messages about them, after commit. Running it again sends nothing new;
    two runs at once cannot both record a step (the unique constraint refuses the second)."""
    overdue = [item for item in work_items(today=today) if item.overdue]
    if not overdue:
        logger.info("Overdue steps: 0 overdue, 0 new, 0 messages")
        return Marked(0, 0, 0)
    earliest = min(item.due_by for item in overdue)
    known = set(
        OverdueStep.objects.filter(due_by__gte=earliest, due_by__lt=today).values_list(
            "plan_id", "step", "due_by"
        )
    )
    new = [item for item in overdue if (item.plan_id, item.step.value, item.due_by) not in known]
    recipients = _recipients(new)
    told = {id(item) for items in recipients.values() for item in items}
    OverdueStep.objects.bulk_create(
        OverdueStep(
            plan_id=item.plan_id,
            case_id=item.case_id,
            step=item.step,
            due_by=item.due_by,
            marked_on=today,
            notified=id(item) in told,
        )
        for item in new
    )
    for address, items in recipients.items():
        subject, body = _message(items)
        notify(recipients=[address], subject=subject, body=body)
    logger.info(
        "Overdue steps: %d overdue, %d new, %d messages", len(overdue), len(new), len(recipients)
    )
    return Marked(overdue=len(overdue), new=len(new), messages=len(recipients))
