"""Who the synthetic council asks for advice: a shared inbox (accounts.Organisation) for each
service, with the practitioners who write its advice, and an inbox with its SENCo for each
school, college or nursery when it is first asked. Then the demo's sign-ins join the
inboxes and are linked to their featured children (`thrive.demo.users`)."""

import random
from collections.abc import Mapping
from datetime import date
from typing import Any

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

from thrive.accounts.models import Organisation, OrganisationKind, Role, User

from .register import PlannedSetting
from .services import SERVICES, senco_username, setting_inbox_email
from .tables import Table, through
from .words import FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, SURNAMES

#: No one signs in as a synthetic practitioner.
NO_PASSWORD = f"{UNUSABLE_PASSWORD_PREFIX}synthetic"


def services_ensure() -> tuple[dict[str, int], dict[str, list[int]]]:
    """The service inboxes and their staff, created if missing: ({contributor: inbox id},
    {contributor: staff user ids})."""
    inboxes, staff = {}, {}
    for contributor, service in SERVICES.items():
        inbox, _ = Organisation.objects.get_or_create(
            name=service.name, defaults={"kind": service.kind, "email": service.email}
        )
        inboxes[contributor] = inbox.pk
        members = []
        for username, first_name, last_name in service.staff:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{username}@example.org",
                    "role": Role.PRACTITIONER,
                    "discipline": contributor,
                    "password": NO_PASSWORD,
                },
            )
            if created:
                user.organisations.add(inbox)
            members.append(user.pk)
        staff[contributor] = members
    return inboxes, staff


class SettingInboxes:
    """An inbox and its SENCo for each setting asked for advice, written in bulk as each
    batch of children needs them: {setting id: (inbox id, SENCo user id)}."""

    def __init__(self, moment: Any) -> None:
        self.moment = moment
        self.by_setting: dict[int, tuple[int, int]] = {}
        self.inboxes = Table(Organisation, ("name", "kind", "setting", "email"))
        self.users = Table(
            User,
            ("password", "last_login", "is_superuser", "username", "first_name", "last_name",
             "email", "is_staff", "is_active", "date_joined", "role", "team", "discipline"),
        )  # fmt: skip
        model, columns = through(User._meta.get_field("organisations"))
        self.members = Table(model, columns)

    def ensure(self, wanted: Mapping[int, tuple[PlannedSetting, date]]) -> None:
        """Create the inboxes not yet made for {setting id: (setting, first asked on)}."""
        ids = sorted(sid for sid in wanted if sid not in self.by_setting)
        if not ids:
            return
        first_inbox = self.inboxes.reserve(len(ids))
        first_user = self.users.reserve(len(ids))
        inboxes, users, members = [], [], []
        for n, setting_id in enumerate(ids):
            setting, since = wanted[setting_id]
            joined = self.moment(since)
            inbox, user = first_inbox + n, first_user + n
            inboxes.append((inbox, setting.name[:150], OrganisationKind.SCHOOL.value, setting_id,
                            setting_inbox_email(setting.urn)))  # fmt: skip
            first, last = _senco_name(setting.urn)
            username = senco_username(setting.urn)
            users.append((user, NO_PASSWORD, None, False, username, first, last,
                          f"{username}@example.org", False, True, joined,
                          Role.PRACTITIONER.value, "", "education"))  # fmt: skip
            members.append((user, inbox))
            self.by_setting[setting_id] = (inbox, user)
        self.inboxes.write(inboxes)
        self.users.write(users)
        self.members.insert(members)


def _senco_name(urn: str) -> tuple[str, str]:
    rng = random.Random(f"senco:{urn}")
    names = FIRST_NAMES_FEMALE if rng.random() < 0.75 else FIRST_NAMES_MALE  # most are women
    return rng.choice(names), rng.choice(SURNAMES)
