"""What a reader hands the importer: each source row as a SEN2 `Person` (with its
requests), the row's number in the file, and the errors found while reading it.

A CSV or XLSX row is one request; an XML `Person` element is one person with all their
requests. Row numbers are what the user sees: the spreadsheet row (the heading is row 1),
or the position of the `Person` element in an XML file."""

from dataclasses import dataclass
from datetime import date
from typing import Final

from thrive.returns.sen2.records import Person

#: Stands for a required date that could not be read (the reader has reported it).
UNREADABLE_DATE: Final = date.min


@dataclass(frozen=True)
class RowError:
    """One bad field. `message` never contains the value (it is written to the run's
    record and may be logged); `value` is shown only on the page to the importing user."""

    row: int
    column: str
    message: str
    value: str = ""


@dataclass(frozen=True)
class SourceRecord:
    row: int
    person: Person


@dataclass(frozen=True)
class ReadResult:
    records: tuple[SourceRecord, ...]
    errors: tuple[RowError, ...]
    #: When True, error columns are template column names to show as SEN2 element names.
    xml: bool = False
    #: The first day of the period a SEN2 return covers (from its Year), if known: a
    #: decision the return says was made in the period (Y) but does not date is dated then.
    period_start: date | None = None


def parse_date(text: str) -> date | None:
    """YYYY-MM-DD or DD/MM/YYYY; None if it is neither."""
    text = text.strip()
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_flag(text: str) -> bool | None:
    """0/1 (also true/false, as some files send); blank is no. None if unreadable."""
    text = text.strip().lower()
    if text in {"", "0", "false", "n", "no"}:
        return False
    if text in {"1", "true", "y", "yes"}:
        return True
    return None
