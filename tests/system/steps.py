"""Steps shared by the browser journeys."""

from typing import Any

PASSWORD = "a-long-test-password"  # what tests.factories.make_user gives every account


def submit_sign_in(page: Any, username: str) -> None:
    """On the sign-in page: type the username and password and press Sign in."""
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 800}


def check_both_widths(page: Any, axe: Any, where: str) -> None:
    """axe at desktop width, then at 320 pixels (WCAG 1.4.10 reflow), then back."""
    axe(page, f"{where} at desktop width")
    page.set_viewport_size(NARROW)
    axe(page, f"{where} at 320 pixels wide")
    page.set_viewport_size(DESKTOP)
