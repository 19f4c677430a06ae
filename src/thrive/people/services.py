"""Writes for children and young people. Identifiers are checked by `thrive.law.identifiers`."""

import datetime as dt
from typing import Any

from django.db import transaction

from thrive.core.audit import audit_record
from thrive.core.errors import Refusal
from thrive.core.models import AuditAction
from thrive.law import identifiers

from .models import Child, LocalAuthority, Setting


def _checked_identifiers(upn: str, nhs_number: str, postcode: str) -> dict[str, str]:
    upn = upn.strip().upper()
    if upn and not identifiers.is_valid_upn(upn):
        problems = identifiers.upn_problems(upn)
        raise Refusal(problems[0][1] if problems else "Enter a valid UPN", field="upn")
    nhs = identifiers.normalise_nhs_number(nhs_number) if nhs_number.strip() else ""
    if nhs and not identifiers.is_valid_nhs_number(nhs):
        raise Refusal("Enter a valid NHS number, like 943 476 5870", field="nhs_number")
    code = identifiers.normalise_postcode(postcode) if postcode.strip() else ""
    if code and not identifiers.is_valid_postcode(code):
        raise Refusal("Enter a real postcode, like SW1A 1AA", field="postcode")
    return {"upn": upn, "nhs_number": nhs, "postcode": code}


@transaction.atomic
def child_create(
    *,
    actor: Any,
    first_name: str,
    last_name: str,
    date_of_birth: dt.date,
    sex: str,
    ethnicity: str,
    home_local_authority: LocalAuthority,
    today: dt.date,
    upn: str = "",
    nhs_number: str = "",
    postcode: str = "",
    primary_need: str = "",
    secondary_need: str = "",
    setting: Setting | None = None,
    channel: str = "web",
) -> Child:
    if date_of_birth > today:
        raise Refusal("Date of birth must be in the past", field="date_of_birth")
    if (today.year - date_of_birth.year) > 26:
        raise Refusal("Thrive is for children and young people aged 0 to 25", field="date_of_birth")
    if secondary_need and secondary_need == primary_need:
        raise Refusal(
            "The secondary need must differ from the primary need", field="secondary_need"
        )
    child = Child.objects.create(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        date_of_birth=date_of_birth,
        sex=sex,
        ethnicity=ethnicity,
        home_local_authority=home_local_authority,
        primary_need=primary_need,
        secondary_need=secondary_need,
        setting=setting,
        **_checked_identifiers(upn, nhs_number, postcode),
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=child,
        child_id=child.pk,
        summary="added a child or young person",
        channel=channel,
    )
    return child
