"""Reads for local authorities and settings (reference data, not personal data)."""

from django.conf import settings

from thrive.core.errors import Refusal

from .models import LocalAuthority


def home_local_authority() -> LocalAuthority:
    """The council running this Thrive (settings.THRIVE_LA_CODE)."""
    try:
        return LocalAuthority.objects.get(code=settings.THRIVE_LA_CODE)
    except LocalAuthority.DoesNotExist:
        raise Refusal(
            f"The council's local authority ({settings.THRIVE_LA_CODE}) is not set up yet. "
            "An administrator must add it."
        ) from None
