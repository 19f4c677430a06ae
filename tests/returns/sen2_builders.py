"""Records for the SEN2 page tests."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from tests.factories import step
from thrive.accounts.models import User
from thrive.assessments.models import Case
from thrive.people.models import Setting
from thrive.plans.models import EhcPlan, PlanVersion

D = dt.date


def issued_late(
    make_case: Callable[..., Case], officer: User, received: dt.date, **child: Any
) -> Case:
    """A plan issued 27 weeks after the request with no exception: a query (T-ASS-4b). A
    child under 6 with no UPN yet (UN1) and a school named: nothing else to put right."""
    case = make_case(
        received_on=received,
        date_of_birth=D(2021, 6, 1),
        postcode="ZY1 1AA",
        steps=(
            step("decision_to_assess", received + dt.timedelta(days=35), outcome=True),
            step("decision_to_issue", received + dt.timedelta(days=119), outcome=True),
            step("draft_issued", received + dt.timedelta(days=126)),
            step("final_issued", received + dt.timedelta(days=189)),
        ),
        **child,
    )
    school, _ = Setting.objects.get_or_create(
        urn="123456",
        defaults={
            "name": "Oak Primary",
            "establishment_type": "mainstream_la_maintained",
            "phase": "primary",
            "local_authority": case.child.home_local_authority,
        },
    )
    PlanVersion.objects.create(
        plan=EhcPlan.objects.create(case=case),
        number=1,
        kind="final",
        created_by=officer,
        issued_on=received + dt.timedelta(days=189),
        placement_setting=school,
    )
    return case
