"""Demo sign-ins, one per role. Only for the embedded demo: the password is printed on screen."""

from typing import Any

from thrive.accounts.models import Role, User

DEMO_PASSWORD = "thrive-demo-2026"  # noqa: S105 (printed by `make demo`; never used in production)

DEMO_USERS: list[dict[str, Any]] = [
    {
        "username": "officer",
        "first_name": "Sam",
        "last_name": "Patel",
        "role": Role.CASE_OFFICER,
        "team": "North locality",
    },
    {
        "username": "officer2",
        "first_name": "Alex",
        "last_name": "Morgan",
        "role": Role.CASE_OFFICER,
        "team": "South locality",
    },
    {
        "username": "officer3",
        "first_name": "Jo",
        "last_name": "Okafor",
        "role": Role.CASE_OFFICER,
        "team": "South locality",
    },
    {
        "username": "manager",
        "first_name": "Chris",
        "last_name": "Evans",
        "role": Role.SEND_MANAGER,
        "team": "",
    },
    {
        "username": "admin",
        "first_name": "Pat",
        "last_name": "Lee",
        "role": Role.ADMINISTRATOR,
        "team": "",
        "is_staff": True,
        "is_superuser": True,
    },
]


def demo_users_ensure() -> list[User]:
    """Create the demo accounts if missing; leave existing ones (and their passwords) alone."""
    users = []
    for spec in DEMO_USERS:
        user, created = User.objects.get_or_create(username=spec["username"], defaults=spec)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        users.append(user)
    return users
