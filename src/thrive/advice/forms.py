"""Forms for asking for advice and for writing it, in GOV.UK style."""

import datetime as dt
from pathlib import PurePath
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from thrive.accounts.models import Organisation, User
from thrive.core.forms import DateField, GovUKForm
from thrive.law import clock

from .models import AdviceItemKind, AdviceRequest
from .presenters import item_headings

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# What a PDF or Word file starts with, so a renamed file of another kind is refused.
DOCUMENT_SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
}
MAX_ITEM_CHARACTERS = 2000


class AdviceRequestForm(GovUKForm):
    """The case work team asks a practitioner or an organisation inbox for advice."""

    contributor = forms.ChoiceField(
        label="What kind of advice is this?",
        choices=clock.Contributor.choices(),
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of advice this is"},
    )
    recipient = forms.ChoiceField(
        label="Who are you asking?",
        help_text="A named practitioner, or an organisation's shared inbox, for example a "
        "school's SENCO, the educational psychology service or the designated clinical officer.",
        error_messages={
            "required": "Select who you are asking for advice",
            "invalid_choice": "Select who you are asking for advice",
        },
    )
    question = forms.CharField(
        label="What are you asking for?",
        help_text="Say what you need to know. Do not include more personal information than "
        "they need.",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter what you are asking for",
            "max_length": "What you are asking for must be 4,000 characters or fewer",
        },
    )
    requested_on = DateField(
        label="Date advice was requested", noun="the date advice was requested"
    )

    def __init__(
        self,
        *args: Any,
        practitioners: list[User],
        organisations: list[Organisation],
        today: dt.date,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["requested_on"].initial = today
        self._recipients: dict[str, User | Organisation] = {
            **{f"practitioner-{p.pk}": p for p in practitioners},
            **{f"organisation-{o.pk}": o for o in organisations},
        }
        self.fields["recipient"].choices = [  # type: ignore[attr-defined]
            ("", "Select"),
            ("Practitioners", [(f"practitioner-{p.pk}", _practitioner(p)) for p in practitioners]),
            (
                "Organisation inboxes",
                [(f"organisation-{o.pk}", f"{o} ({o.get_kind_display()})") for o in organisations],
            ),
        ]

    def addressees(self) -> dict[str, Any]:
        """The chosen recipient as the service's `practitioner=` or `organisation=`."""
        chosen = self._recipients[self.cleaned_data["recipient"]]
        if isinstance(chosen, Organisation):
            return {"organisation": chosen}
        return {"practitioner": chosen}


def _practitioner(user: User) -> str:
    discipline = user.get_discipline_display()
    return f"{user} ({discipline})" if discipline else str(user)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


_ITEM_FIELDS = (
    ("needs", AdviceItemKind.NEED),
    ("outcomes", AdviceItemKind.OUTCOME),
    ("provision", AdviceItemKind.PROVISION),
)


class AdviceForm(GovUKForm):
    """A practitioner's advice: needs, outcomes and provision (one item a line), an optional
    summary, and an optional PDF or Word document."""

    needs = forms.CharField(required=False, max_length=20000, widget=forms.Textarea({"rows": 6}))
    outcomes = forms.CharField(required=False, max_length=20000, widget=forms.Textarea({"rows": 6}))
    provision = forms.CharField(
        required=False, max_length=20000, widget=forms.Textarea({"rows": 6})
    )
    summary = forms.CharField(
        label="Summary (optional)",
        required=False,
        max_length=8000,
        widget=forms.Textarea({"rows": 4}),
        error_messages={"max_length": "The summary must be 8,000 characters or fewer"},
    )
    document = forms.FileField(
        label="Upload your advice as a document (optional)",
        required=False,
        help_text="A PDF or Word document, up to 10MB. A new upload replaces the one saved.",
        error_messages={
            "empty": "The selected file is empty",
            "invalid": "The selected file must be a PDF or Word document",
        },
    )
    remove_document = forms.BooleanField(label="Remove the saved document", required=False)

    def __init__(self, *args: Any, advice: AdviceRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        items = list(advice.items.all())
        self.initial["summary"] = advice.summary
        for name, kind in _ITEM_FIELDS:
            self.initial[name] = "\n".join(i.text for i in items if i.kind == kind)
        headings = item_headings(advice.contributor)
        hints = {
            "needs": "What you found. Put each need on a new line.",
            "outcomes": "What the child or young person should be able to do, and by when. "
            "Put each outcome on a new line.",
            "provision": "What support they need, how often and from whom. Be specific, for "
            "example hours each week. Put each on a new line.",
        }
        for name, kind in _ITEM_FIELDS:
            self.fields[name].label = headings[kind]
            self.fields[name].help_text = hints[name]
            self.fields[name].error_messages["max_length"] = (
                f"{headings[kind]} must be 20,000 characters or fewer"
            )

    def _items(self, name: str) -> list[str]:
        items = _lines(self.cleaned_data.get(name, ""))
        if any(len(item) > MAX_ITEM_CHARACTERS for item in items):
            raise ValidationError(f"Each line must be {MAX_ITEM_CHARACTERS:,} characters or fewer")
        return items

    def clean_needs(self) -> list[str]:
        return self._items("needs")

    def clean_outcomes(self) -> list[str]:
        return self._items("outcomes")

    def clean_provision(self) -> list[str]:
        return self._items("provision")

    def clean_document(self) -> UploadedFile[Any] | None:
        upload: UploadedFile[Any] | None = self.cleaned_data.get("document")
        if upload is None:
            return None
        signatures = DOCUMENT_SIGNATURES.get(PurePath(upload.name or "").suffix.lower())
        if signatures is None:
            raise ValidationError("The selected file must be a PDF or Word document")
        if upload.size is not None and upload.size > MAX_DOCUMENT_BYTES:
            raise ValidationError("The selected file must be smaller than 10MB")
        upload.seek(0)
        start = upload.read(8)
        upload.seek(0)
        if not start.startswith(signatures):
            raise ValidationError("The selected file must be a PDF or Word document")
        return upload


class ConfirmForm(GovUKForm):
    """A button and nothing else; it carries a service's refusal to the error summary."""
