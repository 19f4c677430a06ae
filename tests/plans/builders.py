"""Plan builders shared by the plan tests. Dates follow statutory.md's worked example: request
received 1 Sep 2025, draft served 3 Dec 2025 (the family's 15 days end on 17 Dec 2025)."""

import datetime as dt
from typing import Any

from tests.factories import step
from thrive.plans import services
from thrive.plans.models import Need, Outcome, PlanVersion, Provision

RECEIVED = dt.date(2025, 9, 1)
ASSESS_YES = step("decision_to_assess", dt.date(2025, 10, 1), outcome=True)
ISSUE_YES = step("decision_to_issue", dt.date(2025, 12, 1), outcome=True)
SERVED = dt.date(2025, 12, 3)
FINAL_ON = dt.date(2026, 1, 12)


def fill(version: PlanVersion, actor: Any) -> tuple[Need, Outcome, Provision]:
    """The least a plan needs before it is issued: the child's own views in section A (the
    quality gate's checks ask for them), a need, an outcome and its provision."""
    services.plan_change_views(
        actor=actor, version=version, views_child="I like drawing and want to read comics."
    )
    version.refresh_from_db()
    need = services.need_add(
        actor=actor, version=version, section="B", text="Reads well below the expected level."
    )
    outcome = services.outcome_add(
        actor=actor,
        version=version,
        text="Reads a book of their choice on their own.",
        time_frame="By July 2027, the end of Year 6",
        needs=[need],
    )
    provision = services.provision_add(
        actor=actor,
        version=version,
        section="F",
        outcomes=[outcome],
        what="A structured phonics programme.",
        who="A specialist teacher",
        how_often="3 sessions of 30 minutes a week",
        how_long="For the school year, reviewed each term",
        group_size="1 to 1",
    )
    return need, outcome, provision
