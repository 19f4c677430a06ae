"""The route-by-visitor table's vocabulary. Each app lists its routes in tests/<app>/routes.py
as ROUTES = {route name: Route(path, allowed visitors)}; tests/test_permissions.py checks every
route in the project appears in exactly one of those tables."""

from typing import NamedTuple

ANONYMOUS = "anonymous"
CASE_OFFICER = "case_officer"
SEND_MANAGER = "send_manager"
ADMINISTRATOR = "administrator"
PRACTITIONER_INVITED = "practitioner_invited"
PRACTITIONER_IN_INBOX = "practitioner_in_inbox"  # member of the organisation asked for advice
PRACTITIONER_NOT_INVITED = "practitioner_not_invited"
PARENT = "parent"  # parent of the world's child
PARENT_OF_ANOTHER = "parent_of_another"
YOUNG_PERSON = "young_person"  # a young person with their own case, not the world's child
ANALYST = "analyst"  # a SEND leader or analyst: the dashboard, no child's record
BOARD_MEMBER = "board_member"  # the improvement programme, read only
PROGRAMME_OFFICER = "programme_officer"  # runs the improvement programme
PARTNER_LEAD = "partner_lead"  # owns the world's improvement action (tests/improvement/world.py)
INSPECTOR = "inspector"  # read only, time-limited (access ends in the future)

VISITORS = (
    ANONYMOUS,
    CASE_OFFICER,
    SEND_MANAGER,
    ADMINISTRATOR,
    PRACTITIONER_INVITED,
    PRACTITIONER_IN_INBOX,
    PRACTITIONER_NOT_INVITED,
    PARENT,
    PARENT_OF_ANOTHER,
    YOUNG_PERSON,
    ANALYST,
    BOARD_MEMBER,
    PROGRAMME_OFFICER,
    PARTNER_LEAD,
    INSPECTOR,
)

CASEWORK = frozenset({CASE_OFFICER, SEND_MANAGER})
MANAGER = frozenset({SEND_MANAGER})
ADMIN = frozenset({ADMINISTRATOR})
INSIGHT = frozenset({CASE_OFFICER, SEND_MANAGER, ANALYST})
INVITED = frozenset({PRACTITIONER_INVITED, PRACTITIONER_IN_INBOX})
PRACTITIONERS = frozenset({PRACTITIONER_INVITED, PRACTITIONER_IN_INBOX, PRACTITIONER_NOT_INVITED})
FAMILIES = frozenset({PARENT, PARENT_OF_ANOTHER, YOUNG_PERSON})
#: Who sees the improvement programme, who changes it, and who updates the world's action.
IMPROVEMENT = frozenset(
    {BOARD_MEMBER, PROGRAMME_OFFICER, PARTNER_LEAD, INSPECTOR, SEND_MANAGER, ANALYST, ADMINISTRATOR}
)
IMPROVEMENT_EDIT = frozenset({PROGRAMME_OFFICER, SEND_MANAGER})
ACTION_OWNER = IMPROVEMENT_EDIT | {PARTNER_LEAD}
#: Who sees forecasts (accounts.policy.FORECAST_VIEW_ROLES) and who runs them and sets inputs.
FORECAST = frozenset({ANALYST, SEND_MANAGER, ADMINISTRATOR, BOARD_MEMBER, PROGRAMME_OFFICER})
FORECAST_EDIT = frozenset({ANALYST, SEND_MANAGER})
SIGNED_IN = frozenset(VISITORS) - {ANONYMOUS}
EVERYONE = frozenset(VISITORS)


class Route(NamedTuple):
    """`path` may use {case}, {child}, {advice} (an advice request addressed to the invited
    practitioner and the inbox) and {version} (the world's draft plan version), and the
    improvement programme's ids from tests/improvement/world.py ({priority}, {action}, ...) and
    the forecasting ones from tests/forecasting/world.py ({run}, {scenario})."""

    path: str
    allowed: frozenset[str]
    method: str = "get"
