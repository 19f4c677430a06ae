"""Audit pages. Thin: forms validate, services write, selectors read, presenters shape."""

from .audits import (
    audit_complete,
    audit_detail,
    audit_list,
    audit_moderate,
    audit_rate,
    audit_start,
    issue_override,
)
from .frameworks import criterion_edit, framework_activate, framework_detail, framework_start

__all__ = [
    "audit_complete",
    "audit_detail",
    "audit_list",
    "audit_moderate",
    "audit_rate",
    "audit_start",
    "criterion_edit",
    "framework_activate",
    "framework_detail",
    "framework_start",
    "issue_override",
]
