"""Writes for EHC plans. Only the case work team writes a plan (`Action.PLAN_EDIT`); every
change is refused on an issued version and written with its audit entry in one transaction.

`contents` writes a version's sections; `versions` starts a plan, issues versions (asking the
law through the case's timeline) and starts the next one; `reviews` schedules and records
annual reviews; `ceasing` records and withdraws a decision to cease the plan."""

from ._common import ISSUED
from .ceasing import plan_cease, plan_cease_withdraw
from .contents import (
    need_add,
    need_change,
    need_remove,
    outcome_add,
    outcome_change,
    outcome_remove,
    plan_change_budget,
    plan_change_placement,
    plan_change_views,
    plan_choose_advice,
    provision_add,
    provision_change,
    provision_remove,
)
from .reviews import (
    review_record_decision,
    review_record_invitations,
    review_record_report,
    review_schedule,
)
from .versions import (
    PLAN_STAGES,
    plan_issue_draft,
    plan_issue_final,
    plan_new_version,
    plan_start,
)

__all__ = [
    "ISSUED",
    "PLAN_STAGES",
    "need_add",
    "need_change",
    "need_remove",
    "outcome_add",
    "outcome_change",
    "outcome_remove",
    "plan_cease",
    "plan_cease_withdraw",
    "plan_change_budget",
    "plan_change_placement",
    "plan_change_views",
    "plan_choose_advice",
    "plan_issue_draft",
    "plan_issue_final",
    "plan_new_version",
    "plan_start",
    "provision_add",
    "provision_change",
    "provision_remove",
    "review_record_decision",
    "review_record_invitations",
    "review_record_report",
    "review_schedule",
]
