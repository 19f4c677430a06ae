"""Values every page needs: the council's name and the signed-in user's navigation."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from thrive.core.navigation import navigation_for


def service(request: HttpRequest) -> dict[str, Any]:
    return {
        "council_name": settings.THRIVE_COUNCIL_NAME,
        "service_name": settings.THRIVE_SERVICE_NAME,
        "navigation": navigation_for(request),
    }
