"""Fixtures for advice: a case that has decided to assess, practitioners and an inbox."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import make_user, step
from thrive.accounts.models import Organisation, User
from thrive.assessments.models import Case

RECEIVED = dt.date(2025, 9, 1)
ASSESS_YES = step("decision_to_assess", dt.date(2025, 10, 1), outcome=True)
REQUESTED = dt.date(2025, 10, 6)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    """Uploads go to a temporary folder, not the project's var/uploads."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def assessing_case(make_case: Callable[..., Case], officer: User) -> Case:
    """Wren's case: request received 1 September 2025, decided to assess 1 October 2025."""
    officer.email = "officer@council.test"
    officer.save(update_fields=["email"])
    return make_case(received_on=RECEIVED, steps=(ASSESS_YES,), first_name="Wren")


@pytest.fixture
def ep(db: Any) -> User:
    return make_user(
        "ep", "practitioner", discipline="educational_psychology", email="ep@example.org"
    )


@pytest.fixture
def school(db: Any) -> Organisation:
    return Organisation.objects.create(name="Oak School", kind="school", email="senco@oak.test")


@pytest.fixture
def senco(school: Organisation) -> User:
    user = make_user("senco", "practitioner", discipline="education", email="jo@oak.test")
    user.organisations.add(school)
    return user


@pytest.fixture
def stranger(db: Any) -> User:
    return make_user("stranger", "practitioner", discipline="health", email="s@example.org")


def pdf_upload(name: str = "Wren Example advice.pdf", content: bytes = PDF) -> Any:
    return SimpleUploadedFile(name, content, content_type="application/pdf")
