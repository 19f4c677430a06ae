import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from thrive.core.forms import DateField

FIELD = DateField(label="Date", noun="the date of the decision")


def test_reads_the_three_boxes() -> None:
    assert FIELD.clean(["7", "3", "2026"]) == dt.date(2026, 3, 7)


@pytest.mark.parametrize(
    ("boxes", "message"),
    [
        (["", "", ""], "Enter the date of the decision"),
        (["7", "", "2026"], "The date of the decision must include a month"),
        (["", "", "2026"], "must include a day and month"),
        (["30", "2", "2026"], "must be a real date"),
        (["1", "1", "26"], "must be a real date"),
        (["x", "1", "2026"], "must be a real date"),
    ],
)
def test_explains_what_is_wrong(boxes: list[str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        FIELD.clean(boxes)
