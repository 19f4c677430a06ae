"""Daily reminders, sent by `thrive send-reminders` (run once a day by cron).

- Advice that became overdue yesterday (due on `today - 1`, not submitted, not withdrawn, the
  case still open): the practitioner or inbox asked, and the case officer.
- Families whose 15 days to comment on a draft plan (SEND Regulations 2014, reg. 13(1)(a)) end
  in 2 days, while their comments have not been recorded.

Each reminder is recorded in `ReminderSent` under a key naming what it was about, in the same
transaction that queues its messages, so running the command twice sends nothing new."""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from thrive.assessments.models import Case, CaseEvent
from thrive.assessments.selectors import case_clock
from thrive.core.notifications import notify
from thrive.law import clock
from thrive.people.selectors import family_emails

from .models import AdviceRequest, ReminderSent
from .selectors import inbox_emails

COMMENTS_CLOSING_IN_DAYS = 2


@dataclass(frozen=True)
class RemindersSent:
    advice_overdue: int
    comments_closing: int


def reminders_send(*, today: dt.date) -> RemindersSent:
    """Send today's reminders; say how many of each kind were new."""
    return RemindersSent(
        advice_overdue=sum(_remind_overdue(advice, today) for advice in _overdue_since(today)),
        comments_closing=sum(
            _remind_comments_closing(case, draft_on, today)
            for case, draft_on in _comments_closing(today)
        ),
    )


def _first_time(key: str, today: dt.date) -> bool:
    """Record the reminder; False if it was sent before (the unique key refuses a repeat)."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(key=key, sent_on=today)
    except IntegrityError:
        return False
    return True


def _overdue_since(today: dt.date) -> list[AdviceRequest]:
    yesterday = today - dt.timedelta(days=1)
    waiting = AdviceRequest.objects.filter(
        submitted_at__isnull=True, withdrawn_on__isnull=True
    ).select_related("case__case_officer", "practitioner", "organisation")
    became_overdue = [advice for advice in waiting if advice.due_on == yesterday]
    return [a for a in became_overdue if case_clock(a.case, today=today).is_open]


@transaction.atomic
def _remind_overdue(advice: AdviceRequest, today: dt.date) -> bool:
    if not _first_time(f"advice-overdue:{advice.pk}", today):
        return False
    case, due = advice.case, clock.render_date(advice.due_on)
    label = clock.Contributor(advice.contributor).advice_label
    notify(
        recipients=inbox_emails(advice),
        subject=f"Advice overdue for case {case.reference}",
        body=f"Advice for case {case.reference} was due on {due} and has not been received. "
        "Please submit it as soon as you can.",
    )
    notify(
        recipients=[case.case_officer.email] if case.case_officer else [],
        subject=f"Advice overdue for case {case.reference}",
        body=f"{label} for case {case.reference} was due on {due} and has not been received.",
    )
    return True


def _comments_closing(today: dt.date) -> list[tuple[Case, dt.date]]:
    """Cases whose draft plan's comment window closes in 2 days, comments not yet in."""
    closes_on = today + dt.timedelta(days=COMMENTS_CLOSING_IN_DAYS)
    drafts = CaseEvent.objects.filter(
        kind=clock.EventKind.DRAFT_ISSUED,
        on__range=(closes_on - dt.timedelta(days=clock.COMMENT_DAYS), closes_on),
    ).select_related("case")
    found = []
    for draft in drafts:
        if clock.comments_close_on(draft.on) != closes_on:
            continue
        result = case_clock(draft.case, today=today)
        comments = result.deadline("comments")
        if result.stage == clock.Stage.DRAFT_ISSUED and comments and comments.done_on is None:
            found.append((draft.case, draft.on))
    return found


@transaction.atomic
def _remind_comments_closing(case: Case, draft_on: dt.date, today: dt.date) -> bool:
    if not _first_time(f"comments-closing:{case.pk}:{draft_on.isoformat()}", today):
        return False
    closes = clock.render_date(clock.comments_close_on(draft_on))
    notify(
        recipients=family_emails(case.child_id),
        subject=f"{COMMENTS_CLOSING_IN_DAYS} days left to comment on the draft plan for case "
        f"{case.reference}",
        body=f"You have until {closes} to comment on the draft EHC plan for case "
        f"{case.reference}. That is {COMMENTS_CLOSING_IN_DAYS} days from today.\n\n"
        "You can tell us what you think of the draft, ask for a particular school or college, "
        "or ask to meet us. Sign in to read the draft and reply.",
    )
    return True
