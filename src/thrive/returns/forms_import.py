"""The caseload import's upload form: the file and whether to try it first (a dry run)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from thrive.core.forms import GovUKForm

from .imports.runs import kind_for

#: Larger files are refused before they are read (about 200,000 rows of the template).
MAX_BYTES = 50 * 1024 * 1024


class ImportForm(GovUKForm):
    file = forms.FileField(
        label="Upload a file",
        help_text="A CSV or Excel (.xlsx) file in the Thrive caseload template, or a SEN2 "
        "return (.xml)",
        error_messages={
            "required": "Select a file to import",
            "empty": "The selected file is empty",
            "invalid": "Select a file to import",
        },
    )
    dry_run = forms.BooleanField(
        label="Check the file and show what would change, without importing it",
        required=False,
        initial=True,
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if kind_for(upload.name) is None:
            raise ValidationError("The selected file must be a CSV, XLSX or XML file")
        if upload.size > MAX_BYTES:
            raise ValidationError("The selected file must be smaller than 50MB")
        return upload
