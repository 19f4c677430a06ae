import datetime as dt
from typing import Any

import pytest

from tests.factories import TODAY
from thrive.core.errors import Refusal
from thrive.people.services import child_create


def _create(council: Any, officer: Any, **fields: Any) -> Any:
    values = {
        "first_name": " Ada ",
        "last_name": "Example",
        "date_of_birth": dt.date(2016, 1, 1),
        "sex": "F",
        "ethnicity": "WBRI",
        "home_local_authority": council,
        "today": TODAY,
    }
    return child_create(actor=officer, **{**values, **fields})


def test_normalises_identifiers(council: Any, officer: Any) -> None:
    child = _create(
        council, officer, postcode="sw1a1aa", nhs_number="943 476 5870", upn="b801200005001"
    )
    assert (child.first_name, child.postcode, child.nhs_number, child.upn) == (
        "Ada",
        "SW1A 1AA",
        "9434765870",
        "B801200005001",
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"upn": "A801200005001"}, "upn"),
        ({"nhs_number": "9434765871"}, "nhs_number"),
        ({"postcode": "QQ1 1QQ"}, "postcode"),
        ({"date_of_birth": TODAY + dt.timedelta(days=1)}, "date_of_birth"),
        ({"date_of_birth": dt.date(1990, 1, 1)}, "date_of_birth"),
        ({"primary_need": "ASD", "secondary_need": "ASD"}, "secondary_need"),
    ],
)
def test_refuses_bad_details(
    council: Any, officer: Any, fields: dict[str, Any], field: str
) -> None:
    with pytest.raises(Refusal) as refused:
        _create(council, officer, **fields)
    assert refused.value.field == field
