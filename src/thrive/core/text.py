"""The checks every service makes on free text it is given: trimmed, within a limit, and present
when required. A refusal names the form field, so the page shows it in the error summary."""

from .errors import Refusal

TEXT_LIMIT = 2000


def required_text(value: str, *, field: str, missing: str, limit: int = TEXT_LIMIT) -> str:
    cleaned = limited_text(value, field=field, limit=limit)
    if not cleaned:
        raise Refusal(missing, field=field)
    return cleaned


def limited_text(value: str, *, field: str, limit: int = TEXT_LIMIT) -> str:
    cleaned = (value or "").strip()
    if len(cleaned) > limit:
        raise Refusal(f"Must be {limit:,} characters or fewer", field=field)
    return cleaned
