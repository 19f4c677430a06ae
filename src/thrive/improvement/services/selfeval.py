"""Writes of the self-evaluation: the partnership's judgement on a criterion of the area SEND
inspection framework, with its narrative and what it links to (evidence, programme actions,
live figures). One judgement per criterion, changed in place; the audit log keeps each change.
Producing the self-evaluation document is audited as an export."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from thrive.accounts.policy import Action as Permission
from thrive.accounts.policy import can
from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction

from ..models import Action, Band, Criterion, Evidence, Judgement
from ..selectors_selfeval import LIVE_SOURCES

NARRATIVE_LIMIT = 10_000


@transaction.atomic
def judgement_record(
    *,
    actor: Any,
    criterion: Criterion,
    band: str,
    narrative: str,
    evidence: Iterable[Evidence] = (),
    actions: Iterable[Action] = (),
    measure_keys: Iterable[str] = (),
    today: dt.date,
) -> Judgement:
    """Record the partnership's judgement on `criterion`, or change it, reviewed `today` by
    `actor`. Refuses without a band or a narrative, and a live figure Thrive does not know."""
    if not can(actor, Permission.IMPROVEMENT_EDIT):
        raise Refusal("Only programme officers and SEND managers record judgements.")
    if band not in Band.values:
        raise Refusal("Select the partnership's judgement", field="band")
    text = (narrative or "").strip()
    if not text:
        raise Refusal("Enter the narrative: what the evidence shows and why", field="narrative")
    if len(text) > NARRATIVE_LIMIT:
        raise Refusal(
            f"The narrative must be {NARRATIVE_LIMIT:,} characters or fewer", field="narrative"
        )
    keys = list(dict.fromkeys(measure_keys))  # in order, once each
    unknown = [key for key in keys if key not in LIVE_SOURCES]
    if unknown:
        raise Refusal(f"Thrive has no live figure called {unknown[0]}", field="measure_keys")
    values = {
        "band": band,
        "narrative": text,
        "measure_keys": keys,
        "reviewed_on": today,
        "reviewed_by": actor,
    }
    judgement, created = Judgement.objects.update_or_create(criterion=criterion, defaults=values)
    judgement.evidence.set(list(evidence))
    judgement.actions.set(list(actions))
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.CHANGE,
        obj=judgement,
        summary=f"{'Recorded' if created else 'Changed'} the judgement on paragraph "
        f"{criterion.paragraph}: {Band(band).label.lower()}",
    )
    return judgement


@transaction.atomic
def selfeval_record_export(*, actor: Any, criterion_count: int, kind: str) -> None:
    """Audit a download of the self-evaluation document (`kind` "HTML" or "PDF"). The entry
    points at the first criterion: the document is about the framework as a whole."""
    first = Criterion.objects.order_by("paragraph").first()
    if first is None:
        return
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        obj=first,
        summary=f"Produced the self-evaluation ({kind}, {criterion_count} criteria)",
    )
