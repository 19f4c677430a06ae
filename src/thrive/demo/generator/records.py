"""What the synthetic area holds beyond the timeline: requests for advice and the advice
given, the EHC plan, the family's views and their response to the draft. Plain tuples
(NamedTuple: quick to build and to send between processes); pure Python."""

from datetime import date
from typing import NamedTuple

#: Who a request for advice is addressed to.
TO_SERVICE = "service"  # the contributor's service inbox (for education with no setting, too)
TO_SETTING = "setting"  # the inbox of the child's current school, college or nursery
TO_PRACTITIONER = "practitioner"  # the demo educational psychologist, by name


class PlannedAdvice(NamedTuple):
    contributor: str  # thrive.law.clock.Contributor value
    recipient: str  # TO_SERVICE, TO_SETTING or TO_PRACTITIONER
    requested_on: date
    question: str
    received_on: date | None
    withdrawn_on: date | None
    submitter: int  # which of the service's staff submitted it (received advice only)
    summary: str
    items: tuple[tuple[str, str], ...]  # (advice.AdviceItemKind value, text), in order


class PlannedNeed(NamedTuple):
    key: str  # 32 hex digits, kept by the need's copy in the next version
    section: str  # B, C or D
    text: str


class PlannedOutcome(NamedTuple):
    key: str
    text: str
    time_frame: str
    achieve_by: date | None
    adulthood_area: str
    needs: tuple[int, ...]  # positions in PlannedPlan.needs


class PlannedProvision(NamedTuple):
    key: str
    section: str  # F, G, H1 or H2
    what: str
    who: str
    how_often: str
    how_long: str
    group_size: str
    outcomes: tuple[int, ...]  # positions in PlannedPlan.outcomes


class PlannedPlan(NamedTuple):
    """A draft issued on ``drafted_on`` and, if ``final_on``, the final plan: a copy of the
    draft (the same items and keys) naming the child's setting in section I."""

    started_on: date  # the decision to issue: the plan is written from then
    drafted_on: date
    final_on: date | None
    views_child: str
    views_family: str
    interests: str
    aspirations: str
    history: str
    needs: tuple[PlannedNeed, ...]
    outcomes: tuple[PlannedOutcome, ...]
    provisions: tuple[PlannedProvision, ...]
    personal_budget: str
    direct_payments: bool
    draft_advice: tuple[int, ...]  # section K: positions in PlannedChild.advice
    final_advice: tuple[int, ...]


class PlannedViews(NamedTuple):
    """'All about me' (portal.FamilyViews), in the order FamilyViews.QUESTIONS asks."""

    given_on: date
    on_behalf_method: str  # "" when the family gave them through the portal
    about_me: str
    important_to_me: str
    hard_for_me: str
    support_me: str
    hopes: str


class PlannedResponse(NamedTuple):
    """The family's response to the draft plan (portal.DraftResponse)."""

    given_on: date
    on_behalf_method: str
    comments: str
    requested_setting: int | None  # index into the register
    wants_meeting: bool
