"""Plan pages. Thin: forms validate, services write, selectors read, presenters shape."""

from .ceasing import (
    ceased_csv,
    ceased_list,
    cessation_notice,
    cessation_withdraw,
    plan_cease,
)
from .documents import version_compare, version_document, version_pdf
from .reviews import (
    review_record_decision,
    review_record_invitations,
    review_record_report,
    review_schedule,
)
from .sections import (
    need_edit,
    outcome_edit,
    provision_edit,
    version_change_advice,
    version_change_budget,
    version_change_placement,
    version_change_views,
)
from .versions import (
    plan_overview,
    plan_start,
    version_edit,
    version_issue_draft,
    version_issue_final,
    version_start_next,
)

__all__ = [
    "ceased_csv",
    "ceased_list",
    "cessation_notice",
    "cessation_withdraw",
    "need_edit",
    "outcome_edit",
    "plan_cease",
    "plan_overview",
    "plan_start",
    "provision_edit",
    "review_record_decision",
    "review_record_invitations",
    "review_record_report",
    "review_schedule",
    "version_change_advice",
    "version_change_budget",
    "version_change_placement",
    "version_change_views",
    "version_compare",
    "version_document",
    "version_edit",
    "version_issue_draft",
    "version_issue_final",
    "version_pdf",
    "version_start_next",
]
