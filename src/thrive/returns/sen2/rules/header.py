"""The header (CollectionDetails, Source and the LA-level DMO, DCO, DSCO): rules T-HDR-1
and T-HDR-2 of sen2-details.md section 5.2, split one condition per function."""

from collections.abc import Iterator

from thrive.returns.sen2.records import Header
from thrive.returns.sen2.rules.base import (
    LA_NUMBER_LENGTH,
    Context,
    Problem,
    as_date,
    header_rule,
)

_SERIAL_MIN_DIGITS = 3
_JANUARY = 1


@header_rule("T-HDR-1a", "E", "Collection is SEN2.", "schema [S]")
def collection_is_sen2(header: Header, ctx: Context) -> Iterator[Problem]:
    if header.collection != "SEN2":
        yield Problem("Collection", f"Collection must be SEN2, not {header.collection!r}")


@header_rule("T-HDR-1b", "E", "SourceLevel is L.", "schema [S]")
def source_level_is_l(header: Header, ctx: Context) -> Iterator[Problem]:
    if header.source_level != "L":
        yield Problem(
            "SourceLevel",
            f"SourceLevel must be L (a local authority return), not {header.source_level!r}",
        )


@header_rule("T-HDR-1c", "E", "LEA is a 3-digit LA number.", "schema [S]: 3 digits")
def lea_is_three_digits(header: Header, ctx: Context) -> Iterator[Problem]:
    lea = header.lea
    if not (len(lea) == LA_NUMBER_LENGTH and lea.isascii() and lea.isdigit()):
        yield Problem("LEA", f"LEA must be the 3-digit LA number, not {lea!r}")


@header_rule("T-HDR-1d", "E", "LEA is the LA making the return.", "schema [S]")
def lea_is_ours(header: Header, ctx: Context) -> Iterator[Problem]:
    if header.lea != ctx.la_code:
        yield Problem(
            "LEA",
            f"LEA is {header.lea!r} but this return is made by LA {ctx.la_code}: "
            "the file would be loaded against the wrong authority",
        )


@header_rule(
    "T-HDR-1e", "E", "ReferenceDate is a date in January of the collection Year.", "schema [S]"
)
def reference_date_in_january(header: Header, ctx: Context) -> Iterator[Problem]:
    day = as_date(header.reference_date)
    if day is None or day.year != header.year or day.month != _JANUARY:
        yield Problem(
            "ReferenceDate",
            f"ReferenceDate must be the census day in January {header.year}, "
            f"not {header.reference_date!r}",
        )


@header_rule(
    "T-HDR-1f",
    "Q",
    "ReferenceDate is that year's census day (known for 2024; otherwise the third Thursday "
    "of January is assumed).",
    "schema [S]; census days after 2024 [U]",
)
def reference_date_is_census_day(header: Header, ctx: Context) -> Iterator[Problem]:
    day = as_date(header.reference_date)
    expected = ctx.spec.census_date
    if day is not None and day.year == header.year and day != expected:
        how = "the census day" if ctx.spec.census_date_known else "the assumed census day"
        yield Problem(
            "ReferenceDate",
            f"ReferenceDate is {day.isoformat()} but {how} for {header.year} is "
            f"{expected.isoformat()}: check the date the DfE gives for this collection",
        )


@header_rule("T-HDR-1g", "E", "SerialNo is numeric, at least 3 digits.", "schema [S]")
def serial_number_is_numeric(header: Header, ctx: Context) -> Iterator[Problem]:
    serial = header.serial_no
    if not (len(serial) >= _SERIAL_MIN_DIGITS and serial.isascii() and serial.isdigit()):
        yield Problem("SerialNo", f"SerialNo must be at least 3 digits (e.g. 001), not {serial!r}")


@header_rule(
    "T-HDR-1h",
    "Q",
    "DateTime, when given, is a timestamp not before the ReferenceDate.",
    "schema [S] (valid timestamp); 'not before the census day' is our inference [U]",
)
def date_time_after_census(header: Header, ctx: Context) -> Iterator[Problem]:
    made = header.created_at
    day = as_date(header.reference_date)
    if made is not None and day is not None and made.date() < day:
        yield Problem(
            "DateTime",
            f"DateTime {made.isoformat(timespec='seconds')} is before the census day "
            f"{day.isoformat()}: a file made before the census cannot hold the census data",
        )


def _la_level(item: str, value: str | None, ctx: Context) -> Iterator[Problem]:
    allowed = ", ".join(sorted(ctx.spec.la_level_codes, key="YNR".index))
    if value is None:
        yield Problem(item, f"{item} is missing: say {allowed} (Y in post, N no, R recruiting)")
    elif value not in ctx.spec.la_level_codes:
        yield Problem(item, f"{item} must be {allowed}, not {value!r}")


@header_rule("T-HDR-2a", "E", "DMO is present and is Y, N or R.", "schema [S]")
def dmo_given(header: Header, ctx: Context) -> Iterator[Problem]:
    yield from _la_level("DMO", header.dmo, ctx)


@header_rule("T-HDR-2b", "E", "DCO is present and is Y, N or R.", "schema [S]")
def dco_given(header: Header, ctx: Context) -> Iterator[Problem]:
    yield from _la_level("DCO", header.dco, ctx)


@header_rule(
    "T-HDR-2c",
    "E",
    "DSCO is present from 2026 (optional in 2025) and is Y, N or R when given (before 2025 "
    "the writers leave it out).",
    "schema [S]; compulsory in 2026 [S, weak]; codes [U]",
)
def dsco_given(header: Header, ctx: Context) -> Iterator[Problem]:
    presence = ctx.spec.dsco
    if presence == "mandatory" or (presence == "optional" and header.dsco is not None):
        yield from _la_level("DSCO", header.dsco, ctx)
