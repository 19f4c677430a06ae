"""Reads for children, local authorities and settings. Children only through the policy."""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from thrive.accounts.policy import Action, can, restrict_children
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry

from .models import Child, FamilyLink, LocalAuthority


def home_local_authority() -> LocalAuthority:
    """The council running this Thrive (settings.THRIVE_LA_CODE)."""
    try:
        return LocalAuthority.objects.get(code=settings.THRIVE_LA_CODE)
    except LocalAuthority.DoesNotExist:
        raise Refusal(
            f"The council's local authority ({settings.THRIVE_LA_CODE}) is not set up yet. "
            "An administrator must add it."
        ) from None


def family_emails(child_id: int) -> list[str]:
    """Where to tell the family: the active accounts linked to the child (FamilyLink)."""
    links = FamilyLink.objects.filter(child_id=child_id, user__is_active=True)
    return list(links.exclude(user__email="").values_list("user__email", flat=True))


def child_get_for(*, user: Any, child_id: int) -> Child:
    """The child, if `user` may see them; otherwise 404, whether or not they exist."""
    try:
        return restrict_children(user, Child.objects.all()).get(pk=child_id)
    except Child.DoesNotExist:
        raise Http404 from None


def access_log_for(*, user: Any, child_id: int) -> tuple[Child, QuerySet[AuditEntry]]:
    """Every recorded view and change of one child's record, newest first (managers only)."""
    child = child_get_for(user=user, child_id=child_id)
    if not can(user, Action.ACCESS_LOG_VIEW, child):
        raise Http404
    entries = AuditEntry.objects.filter(child_id=child.pk).select_related("actor")
    return child, entries.order_by("-at", "-id")
