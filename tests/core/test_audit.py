from typing import Any

import pytest
from django.db import IntegrityError, transaction

from thrive.core.audit import audit_record
from thrive.core.models import AuditAction, AuditEntry


def test_audit_entries_cannot_be_changed_or_deleted(officer: Any) -> None:
    entry = audit_record(actor=officer, action=AuditAction.VIEW, obj=officer, summary="looked")
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(summary="nothing to see")
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).summary == "looked"
