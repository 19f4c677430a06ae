"""The service navigation: each role sees the parts of the service it may use."""

from typing import Any

from django.test import RequestFactory

from thrive.core.navigation import navigation_for


def _texts(user: Any) -> list[str]:
    request = RequestFactory().get("/")
    request.user = user
    return [str(item["text"]) for item in navigation_for(request)]


def test_a_send_manager_reaches_the_audit_framework(manager: Any, officer: Any) -> None:
    assert "Audit framework" in _texts(manager)
    assert "Audit framework" not in _texts(officer)
    assert "Caseload" in _texts(officer)
    assert _texts(officer)[-1] == "Sign out"
