"""Steps shared by the browser journeys."""

from typing import Any

PASSWORD = "a-long-test-password"  # what tests.factories.make_user gives every account


def submit_sign_in(page: Any, username: str) -> None:
    """On the sign-in page: type the username and password and press Sign in."""
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
