"""The one exception a service raises when it refuses a change."""


class Refusal(Exception):
    """A change the rules do not allow. `message` is plain English for the person who tried it;
    `field` names the form field it concerns, when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
