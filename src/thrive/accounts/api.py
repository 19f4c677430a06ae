"""API permission classes, from the access policy."""

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from .policy import can_do_casework


class CanDoCaseWork(BasePermission):
    message = "You need to be signed in as a member of the SEND case work team."

    def has_permission(self, request: Request, view: Any) -> bool:
        return can_do_casework(request.user)
