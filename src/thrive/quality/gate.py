"""The issuing gate: "no inadequate plans are issued".

`plans.services.plan_issue_final` asks `issue_gate` before a final or amended final plan is
issued, so every page and the API obey it. The gate stops a version that is rated inadequate
by its latest complete quality audit (or, when the version itself has not been audited, by the
latest audit of the draft it was based on: a plan put right after an inadequate audit is
audited again), or that has blocking findings from the automated checks, unless a SEND manager
has recorded an override with a reason for this version (`services.issue_override_record`).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from thrive.core.errors import Refusal
from thrive.plans.models import PlanVersion

from . import selectors
from .findings import version_findings
from .models import IssueOverride, Rating


class QualityGateRefusal(Refusal):
    """A refusal by the issuing gate: the issuing service records `summary` in the audit log."""

    def __init__(self, message: str, *, summary: str) -> None:
        super().__init__(message)
        self.summary = summary


@dataclass(frozen=True)
class GateDecision:
    rating: Rating | None  # the rating that counts (see the module's docstring)
    rated_version: int | None  # the number of the version that rating belongs to
    blocking: Sequence[Any]  # the automated checks' blocking findings
    override: IssueOverride | None

    @property
    def inadequate(self) -> bool:
        return self.rating == Rating.INADEQUATE

    @property
    def needs_override(self) -> bool:
        return self.inadequate or bool(self.blocking)

    @property
    def stops_issue(self) -> bool:
        return self.needs_override and self.override is None

    def reasons(self) -> list[str]:
        """Why the plan needs an override, in plain English."""
        reasons = []
        if self.inadequate:
            reasons.append(
                f"version {self.rated_version} was rated inadequate at its quality audit"
            )
        if self.blocking:
            count = len(self.blocking)
            reasons.append(
                f"{count} automated check{'s' if count != 1 else ''} must be put right first"
            )
        return reasons

    def refusal(self) -> QualityGateRefusal:
        return QualityGateRefusal(
            f"This plan cannot be issued: {' and '.join(self.reasons())}. Put it right and "
            "audit it again, or a SEND manager can record why it should be issued anyway.",
            summary=self.audit_summary(),
        )

    def audit_summary(self) -> str:
        """For the audit log: what stopped it, with no personal data."""
        parts = []
        if self.inadequate:
            parts.append("rated inadequate")
        if self.blocking:
            checks = sorted({str(getattr(f, "check", "")) for f in self.blocking})
            parts.append(f"{len(self.blocking)} blocking findings ({', '.join(checks)})")
        return "the quality gate refused to issue the final plan: " + "; ".join(parts)


def _rating_that_counts(version: PlanVersion) -> tuple[Rating | None, int | None]:
    rating = selectors.version_rating(version)
    if rating is not None:
        return rating, version.number
    draft = version.based_on
    if draft is not None and (rating := selectors.version_rating(draft)) is not None:
        return rating, draft.number
    return None, None


def issue_gate(version: PlanVersion) -> GateDecision:
    """Whether `version` may be issued as a final plan, and why not."""
    rating, rated = _rating_that_counts(version)
    blocking = [finding for finding in version_findings(version) if finding.blocking]
    return GateDecision(
        rating=rating,
        rated_version=rated,
        blocking=blocking,
        override=selectors.version_override(version),
    )
