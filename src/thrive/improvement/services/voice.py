"""Writes of family voice: feedback recorded (without naming anyone), its themes, and
"you said, we did" entries linking feedback to the programme's actions, then published."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction

from ..models import Action, Feedback, FeedbackSource, Priority, Theme, YouSaidWeDid


def _found[T](model: type[T], ids: list[int], field: str, noun: str) -> list[T]:
    wanted = set(ids)
    found = list(model.objects.filter(pk__in=wanted))  # type: ignore[attr-defined]
    if len(found) != len(wanted):
        raise Refusal(f"Choose {noun} from the list", field=field)
    return found


@transaction.atomic
def feedback_record(
    *,
    actor: Any,
    received_on: dt.date,
    source: str,
    summary: str,
    today: dt.date,
    theme_ids: Sequence[int] = (),
    new_themes: Sequence[str] = (),
    priority_ids: Sequence[int] = (),
) -> Feedback:
    """Record feedback; `new_themes` are added to the themes (or reused by name)."""
    if received_on > today:
        raise Refusal("The date received must be today or in the past", field="received_on")
    if source not in FeedbackSource.values:
        raise Refusal("Choose where the feedback came from", field="source")
    if not (summary or "").strip():
        raise Refusal("Enter a summary of the feedback", field="summary")
    chosen = _found(Theme, list(theme_ids), "themes", "themes")
    for name in {n.strip() for n in new_themes if n.strip()}:
        if len(name) > 80:
            raise Refusal("A new theme must be 80 characters or fewer", field="new_themes")
        theme = Theme.objects.filter(name__iexact=name).first()
        if theme is None:
            theme = Theme.objects.create(name=name)
            audit_record(actor=actor, action=AuditAction.CREATE, obj=theme, summary="Theme added")
        chosen.append(theme)
    linked = _found(Priority, list(priority_ids), "priorities", "priorities")
    feedback = Feedback.objects.create(
        received_on=received_on, source=source, summary=summary.strip(), recorded_by=actor
    )
    feedback.themes.set(chosen)
    feedback.priorities.set(linked)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=feedback, summary="Feedback recorded")
    return feedback


@transaction.atomic
def you_said_create(
    *,
    actor: Any,
    you_said: str,
    we_did: str,
    feedback_ids: list[int],
    action_ids: Sequence[int] = (),
) -> YouSaidWeDid:
    """A "you said, we did" entry: what families said (from at least one piece of feedback)
    and what the partnership did (the actions, when there are some). Not yet published."""
    if not feedback_ids:
        raise Refusal("Choose the feedback this answers", field="feedback")
    feedback = _found(Feedback, list(feedback_ids), "feedback", "the feedback")
    actions = _found(Action, list(action_ids), "actions", "actions")
    if not (you_said or "").strip():
        raise Refusal("Enter what families said", field="you_said")
    if not (we_did or "").strip():
        raise Refusal("Enter what the partnership did", field="we_did")
    entry = YouSaidWeDid.objects.create(
        you_said=you_said.strip(), we_did=we_did.strip(), created_by=actor
    )
    entry.feedback.set(feedback)
    entry.actions.set(actions)
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=entry, summary="You said, we did written"
    )
    return entry


@transaction.atomic
def you_said_publish(*, actor: Any, entry: YouSaidWeDid, today: dt.date) -> YouSaidWeDid:
    if entry.published_on is not None:
        raise Refusal(f"This entry was published on {entry.published_on:%-d %B %Y}")
    entry.published_on = today
    entry.save(update_fields=["published_on"])
    audit_record(
        actor=actor, action=AuditAction.CHANGE, obj=entry, summary="You said, we did published"
    )
    return entry
