"""The access policy: who may see and do what, in one place. Selectors, views, the API and
services ask here and nowhere else.

- The council's SEND team (case officers and managers) shares the caseload: officers cover for
  each other.
- A practitioner sees only cases they, or an organisation inbox they belong to, are invited to.
- A parent, carer or young person sees only the children they are linked to.
- SEND leaders and analysts see the data dashboard, with small numbers suppressed, and no
  child's record.
- Administrators manage accounts and reference data but see no child's record: they do not
  need it for their job (UK GDPR data minimisation).
- The improvement programme (strategy, plan, measures, risks, self-evaluation, family voice)
  is seen by board members, programme officers, partner leads, inspectors, SEND managers,
  analysts and administrators. None of it is a child's record, and none of these roles but the
  SEND manager sees one. Programme officers and SEND managers change the programme; a partner
  lead may update the actions they own (status, evidence), nothing else. Inspectors only read,
  and only until their account's end date (`User.access_ends_on`)."""

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.utils import timezone

CASEWORK_ROLES = frozenset({"case_officer", "send_manager"})
FAMILY_ROLES = frozenset({"parent", "young_person"})


class Action(StrEnum):
    CASE_VIEW = "case.view"  # see a case, its child, timeline and deadlines
    CASE_WORK = "case.work"  # open cases and record steps
    CASE_REASSIGN = "case.reassign"
    PLAN_EDIT = "plan.edit"  # write and issue the EHC plan
    ADVICE_REQUEST = "advice.request"  # ask a practitioner or organisation for advice
    ADVICE_WRITE = "advice.write"  # obj: an advice request addressed to the user
    FAMILY_CONTRIBUTE = "family.contribute"  # obj: a child; views, comments, setting requests
    ACCESS_LOG_VIEW = "access_log.view"  # obj: a child
    ADMINISTER = "administer"
    INSIGHT_VIEW = "insight.view"  # the data dashboard and benchmarks
    INSIGHT_UNSUPPRESSED = "insight.unsuppressed"  # small numbers shown, not suppressed
    AUDIT_VIEW = "audit.view"  # obj: a case; see its plan audits (and rate its agency's part)
    AUDIT_RUN = "audit.run"  # start and complete plan audits
    AUDIT_MODERATE = "audit.moderate"  # settle auditors' disagreements
    ISSUE_OVERRIDE = "issue.override"  # let a plan be issued in spite of its quality
    FRAMEWORK_EDIT = "framework.edit"  # write the plan audit framework
    QUEUE_OVERSEE = "queue.oversee"  # the area's oldest overdue reviews (case references only)
    IMPORT_CASELOAD = "import.caseload"  # bring an existing caseload in from a file
    IMPROVEMENT_VIEW = "improvement.view"  # the improvement programme (no child's record)
    # change the programme; obj: an improvement Action, which its owning partner lead may update
    IMPROVEMENT_EDIT = "improvement.edit"
    FORECAST_VIEW = "forecast.view"  # forecasts of demand, places and cost (counts only)
    FORECAST_EDIT = "forecast.edit"  # run scenarios; set unit costs, capacity and population


IMPROVEMENT_VIEW_ROLES = frozenset(
    {
        "board_member",
        "programme_officer",
        "partner_lead",
        "inspector",
        "send_manager",
        "analyst",
        "administrator",
    }
)
IMPROVEMENT_EDIT_ROLES = frozenset({"programme_officer", "send_manager"})
FORECAST_VIEW_ROLES = frozenset(
    {"analyst", "send_manager", "administrator", "board_member", "programme_officer"}
)
FORECAST_EDIT_ROLES = frozenset({"analyst", "send_manager"})


def access_expired(user: Any) -> bool:
    """A time-limited account (an inspector's) after its last day: it may do nothing."""
    ends_on = getattr(user, "access_ends_on", None)
    return ends_on is not None and ends_on < timezone.localdate()


def _active(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False) and user.is_active and not access_expired(user)
    )


def _role(user: Any) -> str | None:
    return getattr(user, "role", None) if _active(user) else None


def is_casework(user: Any) -> bool:
    return _role(user) in CASEWORK_ROLES


def is_family(user: Any) -> bool:
    return _role(user) in FAMILY_ROLES


def is_practitioner(user: Any) -> bool:
    return _role(user) == "practitioner"


def _linked_to_child(user: Any, child: Any) -> bool:
    return is_family(user) and child.family_links.filter(user=user).exists()


def _addressed_to(user: Any, request: Any) -> bool:
    """An advice request addressed to the user, or to an organisation inbox they belong to."""
    if not is_practitioner(user) or getattr(request, "is_closed", False):
        return False
    if request.practitioner_id == user.pk:
        return True
    return (
        bool(request.organisation_id)
        and user.organisations.filter(pk=request.organisation_id).exists()
    )


def _improvement_edit(user: Any, obj: Any) -> bool:
    if _role(user) in IMPROVEMENT_EDIT_ROLES:
        return True
    # A partner lead updates the improvement actions they own, nothing else.
    from thrive.improvement.models import Action as ImprovementAction

    return (
        _role(user) == "partner_lead"
        and isinstance(obj, ImprovementAction)
        and obj.owner_id == user.pk
    )


def _case_visible(user: Any, case: Any) -> bool:
    from thrive.assessments.models import Case

    return restrict_cases(user, Case.objects.filter(pk=case.pk)).exists()


RULES: dict[Action, Callable[[Any, Any], bool]] = {
    Action.CASE_VIEW: _case_visible,
    Action.CASE_WORK: lambda user, obj: is_casework(user),
    Action.CASE_REASSIGN: lambda user, obj: _role(user) == "send_manager",
    Action.PLAN_EDIT: lambda user, obj: is_casework(user),
    Action.ADVICE_REQUEST: lambda user, obj: is_casework(user),
    Action.ADVICE_WRITE: _addressed_to,
    Action.FAMILY_CONTRIBUTE: lambda user, child: (
        is_casework(user) or _linked_to_child(user, child)
    ),
    Action.ACCESS_LOG_VIEW: lambda user, obj: _role(user) == "send_manager",
    Action.ADMINISTER: lambda user, obj: _role(user) == "administrator",
    Action.INSIGHT_VIEW: lambda user, obj: is_casework(user) or _role(user) == "analyst",
    # Figures about fewer children than the DfE's suppression threshold could identify a
    # child, so only the case work team, who may see the records anyway, sees them unsuppressed.
    Action.INSIGHT_UNSUPPRESSED: lambda user, obj: is_casework(user),
    # Who may see a case may see its plan audits, except the family: an audit is the
    # professionals' working judgement, as the plan being written is the council's working copy.
    Action.AUDIT_VIEW: lambda user, case: not is_family(user) and _case_visible(user, case),
    Action.AUDIT_RUN: lambda user, obj: is_casework(user),
    Action.AUDIT_MODERATE: lambda user, obj: _role(user) == "send_manager",
    Action.ISSUE_OVERRIDE: lambda user, obj: _role(user) == "send_manager",
    Action.FRAMEWORK_EDIT: lambda user, obj: _role(user) in {"send_manager", "administrator"},
    # Managers oversee the team's timeliness; administrators run the service and see case
    # references and officers, never a child's record.
    Action.QUEUE_OVERSEE: lambda user, obj: _role(user) in {"send_manager", "administrator"},
    # Bringing a council's existing caseload in writes many records at once: the managers who
    # answer for the caseload and the administrators who run the move to Thrive.
    Action.IMPORT_CASELOAD: lambda user, obj: _role(user) in {"send_manager", "administrator"},
    Action.IMPROVEMENT_VIEW: lambda user, obj: _role(user) in IMPROVEMENT_VIEW_ROLES,
    Action.IMPROVEMENT_EDIT: _improvement_edit,
    # Forecasts are counts of children, never a child: leaders, analysts (finance included)
    # and the board read them; analysts and managers, who answer for the figures, change them.
    Action.FORECAST_VIEW: lambda user, obj: _role(user) in FORECAST_VIEW_ROLES,
    Action.FORECAST_EDIT: lambda user, obj: _role(user) in FORECAST_EDIT_ROLES,
}


def can(user: Any, action: Action, obj: Any = None) -> bool:
    """May `user` do `action` (to `obj`, where the rule concerns one)?"""
    return _active(user) and RULES[action](user, obj)


def can_do_casework(user: Any) -> bool:
    return can(user, Action.CASE_WORK)


def can_reassign_cases(user: Any) -> bool:
    return can(user, Action.CASE_REASSIGN)


def can_administer(user: Any) -> bool:
    return can(user, Action.ADMINISTER)


def restrict_cases[M: Model](user: Any, cases: QuerySet[M]) -> QuerySet[M]:
    """The cases `user` may see (a queryset of assessments.Case)."""
    if is_casework(user):
        return cases
    if is_practitioner(user):
        from thrive.assessments.models import CaseAccess

        invited = CaseAccess.objects.filter(case=OuterRef("pk"), ended_at__isnull=True).filter(
            Q(user=user) | Q(organisation__members=user)
        )
        return cases.filter(Exists(invited))
    if is_family(user):
        return cases.filter(child__family_links__user=user)
    return cases.none()


def restrict_children[M: Model](user: Any, children: QuerySet[M]) -> QuerySet[M]:
    """The children `user` may see (a queryset of people.Child)."""
    if is_casework(user):
        return children
    if is_family(user):
        return children.filter(family_links__user=user)
    if is_practitioner(user):
        from thrive.assessments.models import Case

        return children.filter(pk__in=restrict_cases(user, Case.objects.all()).values("child"))
    return children.none()
