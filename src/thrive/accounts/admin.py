from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from .models import User
from .policy import can_administer


@admin.register(User)
class ThriveUserAdmin(UserAdmin):  # type: ignore[type-arg]
    list_display = ("username", "first_name", "last_name", "role", "team", "is_active")
    list_filter = ("role", "team", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("Thrive", {"fields": ("role", "team")}))  # type: ignore[misc]


def _administrators_only(request: HttpRequest) -> bool:
    """The admin site holds accounts and reference data; only administrators use it."""
    return can_administer(request.user)


admin.site.has_permission = _administrators_only  # type: ignore[method-assign]
admin.site.site_header = "Thrive administration"
admin.site.site_title = "Thrive administration"
