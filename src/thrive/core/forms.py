"""GOV.UK form building blocks: the three-box date input and the error summary."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from .errors import Refusal


class DateInput(forms.MultiWidget):
    """GOV.UK date input: day, month and year boxes (Design System, "Dates" pattern)."""

    template_name = "components/fields/date_widget.html"
    parts = (("day", "Day", 2, "bday-day"), ("month", "Month", 2, ""), ("year", "Year", 4, ""))

    def __init__(self) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()])

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        return [data.get(f"{name}_{suffix}", "").strip() for suffix, *_ in self.parts]


class DateField(forms.Field):
    """A date from the three boxes, with the Design System's error messages."""

    widget = DateInput

    def __init__(self, *, label: str, noun: str, **kwargs: Any) -> None:
        self.noun = noun  # "the date the decision was made", used in messages
        super().__init__(label=label, **kwargs)

    def clean(self, value: list[str]) -> dt.date | None:
        day, month, year = (value or ["", "", ""])[:3]
        if not any((day, month, year)):
            if self.required:
                raise ValidationError(f"Enter {self.noun}", code="required")
            return None
        missing = [
            name
            for name, part in zip(("day", "month", "year"), (day, month, year), strict=True)
            if not part
        ]
        if missing:
            raise ValidationError(
                f"{self.noun[0].upper()}{self.noun[1:]} must include a {' and '.join(missing)}",
                code="incomplete",
            )
        try:
            if len(year) != 4:
                raise ValueError
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(
                f"{self.noun[0].upper()}{self.noun[1:]} must be a real date", code="invalid"
            ) from None


class GovUKForm(forms.Form):
    """A form that can show a service's refusal against the right field."""

    def add_refusal(self, refusal: Refusal) -> None:
        field = refusal.field if refusal.field in self.fields else None
        self.add_error(field, refusal.message)

    def error_list(self) -> list[dict[str, str]]:
        """Rows for the GOV.UK error summary, each linking to its field."""
        rows = [{"message": str(e), "anchor": ""} for e in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name == NON_FIELD_ERRORS:
                continue
            anchor = self[name].auto_id
            rows.extend({"message": str(e), "anchor": anchor} for e in errors)
        return rows
