"""Writes for plan audits, the audit framework and the issuing gate's override. Each checks
the access policy, writes its rows and the audit log entry in one transaction, and refuses with
`core.errors.Refusal`.

`audits` starts, rates, completes and moderates audits; `frameworks` writes a new version of
the framework and puts it in use; `overrides` records a SEND manager's override of the gate."""

from .audits import Given, audit_complete, audit_moderate, audit_rate, audit_start
from .frameworks import (
    criterion_add,
    criterion_change,
    criterion_remove,
    framework_activate,
    framework_start_version,
)
from .overrides import issue_override_record

__all__ = [
    "Given",
    "audit_complete",
    "audit_moderate",
    "audit_rate",
    "audit_start",
    "criterion_add",
    "criterion_change",
    "criterion_remove",
    "framework_activate",
    "framework_start_version",
    "issue_override_record",
]
