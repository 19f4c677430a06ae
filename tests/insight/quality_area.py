"""A small hand-built area for the plan quality figures, worked out by hand in
tests/insight/test_quality.py.

A test framework with four criteria: section A, two criteria of weight 1 (education); section F,
one of weight 1 (education) and one of weight 3 (health). Points: Outstanding 4, Good 3,
Requires improvement 2, Inadequate 1.

Plans (case: postcode, officer's team) and the audits completed in 2025 (UK time):
  A  BN3 1AA, North. Draft audited: Good, 10 Mar 2025. Final based on it issued 1 Apr 2025.
     A: Good 3 + RI 2 = mean 2.5, exactly half-way: Requires improvement.
     F: Outstanding 4 x1 + Good 3 x3 = 13/4 = 3.25: Good.
     Findings: missing_views (blocking) and vague_provision twice.
  B  BN32BB, North. Final issued 5 May 2025, itself audited: Requires improvement, 20 May.
     A: criterion 1 rated Good and Outstanding (mean 3.5), criterion 2 Good: 3.25, Good.
     F: Inadequate 1 x1 + RI 2 x3 = 7/4 = 1.75: Requires improvement.
     Findings: vague_provision, in section G.
  C  BN17 5XX, South. Final issued 1 Jun 2025; its draft's audit is still in progress, so the
     plan is not audited.
  D  BN17 1AA, South. Final issued 20 Dec 2024 (outside); audited Outstanding on 15 Jan 2025.
     A: Outstanding, Outstanding. F: Good, Good. No findings.
  E  no postcode, no case officer. Amended final issued 3 Nov 2025, based on an amended draft
     audited Inadequate on 30 Oct 2025 after moderation.
     A: criterion 1 rated Good and Inadequate, agreed Inadequate (1); criterion 2 RI (2):
     mean 1.5, exactly half-way: Inadequate. F: Inadequate, Inadequate.
     Findings: vague_provision (without a title) and things that are not findings.
  F  BN3 9ZZ, North. Draft audited Good at 23:30 UTC on 30 Jun 2025, which is 00:30 on 1 July
     in UK summer time. A: Good, Good. Section F not rated. Findings: not a list at all.
  G  BN3 1AA, North. Draft audited Good at 23:30 on 31 Dec 2024 (outside). Findings:
     missing_views.

So in 2025: 4 plans issued (A, B, C, E), 3 audited. 5 audits: Outstanding 1, Good 2 (A, F),
Requires improvement 1, Inadequate 1. Section A: O 1, G 2, RI 1, I 1. Section F: G 2, RI 1,
I 1. Months: January O, March G, May RI, July G, October I. Teams: North 3 (2 good or
better), South 1 (1), none 1 (0). Localities: BN3 3 (2), BN17 1 (1), none 1 (0). Findings:
vague_provision in 3 audits, missing_views (blocking) in 1.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from tests.factories import make_user
from thrive.accounts.models import User
from thrive.assessments.models import Case
from thrive.plans.models import EhcPlan, PlanVersion
from thrive.quality.models import (
    AgreedRating,
    Audit,
    AuditFramework,
    AuditorRating,
    AuditStatus,
    Criterion,
    Moderation,
)

UK = ZoneInfo("Europe/London")
O, G, RI, I = "outstanding", "good", "requires_improvement", "inadequate"  # noqa: E741
MISSING_VIEWS = {
    "check": "missing_views",
    "title": "Section A has no views of the child",
    "section": "A",
    "blocking": True,
}
VAGUE = {
    "check": "vague_provision",
    "title": "Provision is not quantified",
    "section": "F",
    "blocking": False,
}


def uk(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UK)


class Builder:
    def __init__(self, officer: User) -> None:
        self.officer = officer
        self.second = make_user("educator", "case_officer")  # a second education auditor
        self.nurse = make_user("nurse", "practitioner", discipline="health")
        self.framework = AuditFramework.objects.create(
            name="Test framework", version=90, activated_at=timezone.now()
        )
        self.criteria = {
            key: Criterion.objects.create(
                framework=self.framework, section=section, text=key, weight=weight, agency=agency
            )
            for key, section, weight, agency in (
                ("A1", "A", 1, "education"),
                ("A2", "A", 1, "education"),
                ("F1", "F", 1, "education"),
                ("F2", "F", 3, "health"),
            )
        }

    def version(
        self,
        case: Case,
        number: int,
        kind: str,
        issued_on: dt.date | None = None,
        based_on: PlanVersion | None = None,
    ) -> PlanVersion:
        plan, _ = EhcPlan.objects.get_or_create(case=case)
        return PlanVersion.objects.create(
            plan=plan,
            number=number,
            kind=kind,
            based_on=based_on,
            created_by=self.officer,
            issued_on=issued_on,
            issued_at=timezone.now() if issued_on else None,
        )

    def audit(
        self,
        version: PlanVersion,
        rating: str,
        completed_at: dt.datetime | None,
        ratings: dict[str, tuple[str, ...]],
        findings: Any = (),
        agreed: dict[str, str] | None = None,
    ) -> Audit:
        """`ratings`: each criterion's ratings, the first by the officer (or the nurse for
        health criteria), the second by the second education auditor."""
        audit = Audit.objects.create(
            version=version,
            number=version.audits.count() + 1,
            framework=self.framework,
            started_by=self.officer,
            status=AuditStatus.COMPLETE if completed_at else AuditStatus.IN_PROGRESS,
            overall_rating=rating if completed_at else "",
            completed_by=self.officer if completed_at else None,
            completed_at=completed_at,
        )
        audit.findings = list(findings) if isinstance(findings, tuple) else findings
        audit.save()
        for key, given in ratings.items():
            criterion = self.criteria[key]
            first = self.nurse if criterion.agency == "health" else self.officer
            for auditor, value in zip((first, self.second), given, strict=False):
                AuditorRating.objects.create(
                    audit=audit,
                    auditor=auditor,
                    agency=criterion.agency,
                    criterion=criterion,
                    rating=value,
                )
        if agreed:
            moderation = Moderation.objects.create(
                audit=audit, moderator=self.officer, reason="Agreed at panel."
            )
            for key, value in agreed.items():
                AgreedRating.objects.create(
                    moderation=moderation, criterion=self.criteria[key], rating=value
                )
        return audit


def build_area(officer: User, make_case: Callable[..., Case]) -> dict[str, Any]:
    """The area above: {"cases": {letter: case}, "audits": {letter: audit}, ...}."""
    officer.team = "North"
    officer.save()
    south = make_user("southofficer", "case_officer", team="South")
    b = Builder(officer)
    first_names = {"A": "Ava", "B": "Ben", "C": "Cal", "D": "Dee", "E": "Eli", "F": "Fay"}
    postcodes = {"A": "BN3 1AA", "B": "BN32BB", "C": "BN17 5XX", "D": "BN17 1AA", "E": ""}
    postcodes |= {"F": "BN3 9ZZ", "G": "BN3 1AA"}
    cases = {
        letter: make_case(first_name=first_names.get(letter, "Gus"), postcode=postcode)
        for letter, postcode in postcodes.items()
    }
    Case.objects.filter(pk__in=[cases["C"].pk, cases["D"].pk]).update(case_officer=south)
    Case.objects.filter(pk=cases["E"].pk).update(case_officer=None)

    draft_a = b.version(cases["A"], 1, "draft", dt.date(2025, 2, 20))
    final_a = b.version(cases["A"], 2, "final", dt.date(2025, 4, 1), based_on=draft_a)
    final_b = b.version(cases["B"], 1, "final", dt.date(2025, 5, 5))
    draft_c = b.version(cases["C"], 1, "draft", dt.date(2025, 5, 1))
    final_c = b.version(cases["C"], 2, "final", dt.date(2025, 6, 1), based_on=draft_c)
    final_d = b.version(cases["D"], 1, "final", dt.date(2024, 12, 20))
    draft_e = b.version(cases["E"], 1, "amended_draft", dt.date(2025, 10, 1))
    final_e = b.version(cases["E"], 2, "amended_final", dt.date(2025, 11, 3), based_on=draft_e)
    draft_f = b.version(cases["F"], 1, "draft")
    draft_g = b.version(cases["G"], 1, "draft")

    audits = {
        "A": b.audit(
            draft_a,
            G,
            uk(2025, 3, 10),
            {"A1": (G,), "A2": (RI,), "F1": (O,), "F2": (G,)},
            findings=(MISSING_VIEWS, VAGUE, VAGUE),
        ),
        "B": b.audit(
            final_b,
            RI,
            uk(2025, 5, 20),
            {"A1": (G, O), "A2": (G,), "F1": (I,), "F2": (RI,)},
            findings=(VAGUE | {"section": "G"},),
        ),
        "C": b.audit(draft_c, "", None, {"A1": (G,)}, findings=(MISSING_VIEWS,)),
        "D": b.audit(final_d, O, uk(2025, 1, 15), {"A1": (O,), "A2": (O,), "F1": (G,), "F2": (G,)}),
        "E": b.audit(
            draft_e,
            I,
            uk(2025, 10, 30),
            {"A1": (G, I), "A2": (RI,), "F1": (I,), "F2": (I,)},
            findings=(
                {"check": "vague_provision", "section": "F", "blocking": "yes"},
                "not a finding",
                {"title": "A finding with no check"},
                {"check": ""},
            ),
            agreed={"A1": I},
        ),
        "F": b.audit(
            draft_f,
            G,
            dt.datetime(2025, 6, 30, 23, 30, tzinfo=dt.UTC),
            {"A1": (G,), "A2": (G,)},
            findings={"check": "not in a list"},
        ),
        "G": b.audit(draft_g, G, uk(2024, 12, 31, 23, 30), {"A1": (G,)}, findings=(MISSING_VIEWS,)),
    }
    return {
        "cases": cases,
        "audits": audits,
        "plans": {"A": final_a, "B": final_b, "C": final_c, "D": final_d, "E": final_e},
        "builder": b,
    }
