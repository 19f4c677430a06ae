"""The access policy: who may see and change what. Selectors and views ask here, nowhere else.

Administrators manage accounts and reference data but do not see children's records: they do
not need them for their job (UK GDPR data minimisation)."""

from typing import TYPE_CHECKING, Any

from django.db.models import Model, QuerySet

if TYPE_CHECKING:
    from .models import User

CASEWORK_ROLES = frozenset({"case_officer", "send_manager"})


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_do_casework(user: "User | Any") -> bool:
    return _active(user) and getattr(user, "role", None) in CASEWORK_ROLES


def can_reassign_cases(user: "User | Any") -> bool:
    return _active(user) and getattr(user, "role", None) == "send_manager"


def can_administer(user: "User | Any") -> bool:
    return _active(user) and getattr(user, "role", None) == "administrator"


def restrict_cases[M: Model](user: "User | Any", cases: QuerySet[M]) -> QuerySet[M]:
    """The cases `user` may see. The council's SEND team shares its caseload (officers cover
    for each other); everyone else sees none until they are invited to a case."""
    return cases if can_do_casework(user) else cases.none()
