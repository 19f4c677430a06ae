"""Template tags that render Django form fields with GOV.UK Design System markup."""

from typing import Any

from django import forms, template
from django.forms.boundfield import BoundField
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from thrive.core.forms import DateInput

register = template.Library()


def _described_by(field: BoundField) -> str:
    ids = []
    if field.help_text or isinstance(field.field.widget, DateInput):
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


def _text_widget(field: BoundField) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.Select):
        css = "govuk-select"
    elif isinstance(widget, forms.Textarea):
        css = "govuk-textarea"
    else:
        css = "govuk-input"
    classes = [css, str(widget.attrs.get("class", ""))]
    if field.errors:
        classes.append(f"{css}--error")
    attrs: dict[str, str | bool] = {"class": " ".join(c for c in classes if c)}
    if described := _described_by(field):
        attrs["aria-describedby"] = described
    return str(field.as_widget(attrs=attrs))


def _checkboxes(field: BoundField, context: dict[str, Any]) -> SafeString:
    selected = {str(value) for value in (field.value() or [])}
    context["choices"] = [
        {
            # The first box takes the field's own id, so the error summary's link lands on it.
            "id": field.auto_id if number == 1 else f"{field.auto_id}-{number}",
            "value": str(value),
            "label": label,
            "checked": str(value) in selected,
        }
        for number, (value, label) in enumerate(field.field.choices, start=1)  # type: ignore[attr-defined]
    ]
    return SafeString(render_to_string("components/fields/checkboxes.html", context))


@register.simple_tag
def govuk_field(field: BoundField, inline: bool = False, label_class: str = "") -> SafeString:
    """Render `field` as the matching GOV.UK component, with its hint and error message."""
    widget = field.field.widget
    context: dict[str, Any] = {
        "field": field,
        "describedby": _described_by(field),
        "inline": inline,
        "label_class": label_class,
    }
    if isinstance(widget, DateInput):
        values = field.value()
        if not isinstance(values, list):
            values = widget.decompress(values)
        context["parts"] = [
            {"suffix": suffix, "label": label, "width": width, "autocomplete": "", "value": value}
            for (suffix, label, width, _), value in zip(widget.parts, values, strict=True)
        ]
        return SafeString(render_to_string("components/fields/date.html", context))
    if isinstance(widget, forms.CheckboxSelectMultiple):  # before RadioSelect: it subclasses it
        return _checkboxes(field, context)
    if isinstance(widget, forms.CheckboxInput):
        return SafeString(render_to_string("components/fields/checkbox.html", context))
    if isinstance(widget, forms.RadioSelect):
        current = str(field.value()) if field.value() is not None else None
        context["choices"] = [
            {"value": value, "label": label, "checked": str(value) == current}
            for value, label in field.field.choices  # type: ignore[attr-defined]
            if value != ""
        ]
        return SafeString(render_to_string("components/fields/radios.html", context))
    context["widget_html"] = SafeString(_text_widget(field))
    return SafeString(render_to_string("components/fields/input.html", context))


@register.inclusion_tag("components/error_summary.html")
def error_summary(form: forms.Form | None) -> dict[str, Any]:
    return {"errors": form.error_list() if form is not None and form.errors else []}  # type: ignore[attr-defined]
