"""SEN2 validation: every check of sen2-details.md section 5.2 (T-HDR-1 ... T-GEN-2) as one
registered function, run by `validate(ret, la_code=...)`.

The DfE's own rule workbook (codes and messages) was not available to us, so the ids are
the reference's (T-PER-2), with a letter where a compound check is split (T-PER-2a), and
the messages are ours. Pure Python: no Django."""

# Importing a module registers its rules.
from thrive.returns.sen2.rules import (  # noqa: F401
    active,
    assessment,
    general,
    header,
    person,
    plan,
    requests,
)
from thrive.returns.sen2.rules.base import (
    ERROR,
    QUERY,
    REGISTRY,
    Context,
    Finding,
    Problem,
    Rule,
    rules_for,
    validate,
)

__all__ = [
    "ERROR",
    "QUERY",
    "REGISTRY",
    "Context",
    "Finding",
    "Problem",
    "Rule",
    "rules_for",
    "validate",
]
