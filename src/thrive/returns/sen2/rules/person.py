"""Module 1, Person: rules T-PER-1 ... T-PER-3 of sen2-details.md section 5.2, split one
condition per function, and T-PER-4 (items the schema requires, postcode form, age), which
section 5.2 does not list."""

from collections.abc import Iterator
from typing import Final

from thrive.law import codes
from thrive.law.identifiers import (
    is_valid_postcode,
    is_valid_uln,
    normalise_upn,
    upn_problems,
)
from thrive.returns.sen2.records import Person
from thrive.returns.sen2.rules.base import Context, Problem, as_date, person_rule

ULN_LENGTH: Final = 10


@person_rule(
    "T-PER-1",
    "E",
    "Each Person has at least one Requests element.",
    "schema [S]: Requests 1..n in the 2024 schema",
)
def person_has_a_request(person: Person, ctx: Context) -> Iterator[Problem]:
    if not person.requests:
        yield Problem(
            "Requests",
            "Requests is missing: every child or young person in the return needs at least "
            "one request for an EHC needs assessment",
        )


@person_rule(
    "T-PER-2a",
    "E",
    "UPN, when given, is 13 characters in capitals with a recognised LA number and the right "
    "check letter (CBDS rules 1510, 1530, 1540, 1550).",
    "schema + guide [S]; CBDS UPN rules [V]",
)
def upn_is_valid(person: Person, ctx: Context) -> Iterator[Problem]:
    if person.upn is None:
        return
    problems = upn_problems(person.upn)
    for code, message in problems:
        yield Problem("UPN", f"UPN is not valid: {message} (CBDS {code})")
    if not problems and person.upn != normalise_upn(person.upn):
        yield Problem("UPN", "UPN must be written in capital letters with no spaces")


@person_rule("T-PER-2b", "E", "UniqueLearnerNumber, when given, is 10 digits.", "schema [S]")
def uln_is_ten_digits(person: Person, ctx: Context) -> Iterator[Problem]:
    uln = person.uln
    if uln is not None and not (len(uln) == ULN_LENGTH and uln.isascii() and uln.isdigit()):
        yield Problem(
            "UniqueLearnerNumber",
            f"UniqueLearnerNumber must be 10 digits, not {len(uln)} characters",
        )


@person_rule(
    "T-PER-2c",
    "Q",
    "UniqueLearnerNumber of 10 digits ends in its check digit.",
    "[U]: the Learning Records Service check digit as ESFA's ILR validation applies it",
)
def uln_check_digit(person: Person, ctx: Context) -> Iterator[Problem]:
    uln = person.uln
    ten_digits = uln is not None and len(uln) == ULN_LENGTH and uln.isascii() and uln.isdigit()
    if uln is not None and ten_digits and not is_valid_uln(uln):
        yield Problem(
            "UniqueLearnerNumber",
            "UniqueLearnerNumber fails its check digit: check it was copied correctly",
        )


@person_rule(
    "T-PER-2d",
    "E",
    "With neither UPN nor ULN, UPNunknown gives a reason from the SEN2 list.",
    "schema + guide [S]; UN4, UN6, UN7 not in the SEN2 list [U]",
)
def reason_when_no_upn_or_uln(person: Person, ctx: Context) -> Iterator[Problem]:
    if person.upn is None and person.uln is None:
        if person.upn_unknown is None:
            yield Problem(
                "UPNunknown",
                "UPNunknown is missing: with no UPN and no ULN, give the reason (UN1 to UN10)",
            )
        elif person.upn_unknown not in codes.UPN_UNKNOWN:
            yield Problem(
                "UPNunknown",
                f"UPNunknown {person.upn_unknown!r} is not a reason in the SEN2 list "
                f"({', '.join(codes.UPN_UNKNOWN.codes)})",
            )


@person_rule(
    "T-PER-2e",
    "E",
    "With a UPN or ULN, UPNunknown is absent.",
    "guide [S]",
)
def no_reason_with_upn_or_uln(person: Person, ctx: Context) -> Iterator[Problem]:
    if person.upn_unknown is not None and (person.upn is not None or person.uln is not None):
        given = "UPN" if person.upn is not None else "UniqueLearnerNumber"
        yield Problem(
            "UPNunknown",
            f"UPNunknown must be left out when a {given} is given",
        )


@person_rule("T-PER-3a", "E", "Sex is M or F.", "schema [S]; U (unknown) [U], not accepted")
def sex_is_valid(person: Person, ctx: Context) -> Iterator[Problem]:
    if person.sex not in ctx.spec.sexes:
        allowed = " or ".join(sorted(ctx.spec.sexes, key=lambda c: "MFU".find(c)))
        yield Problem("Sex", f"Sex must be {allowed}, not {person.sex!r}")


@person_rule("T-PER-3b", "E", "Ethnicity is a CBDS main ethnicity code.", "schema [S]")
def ethnicity_is_valid(person: Person, ctx: Context) -> Iterator[Problem]:
    if person.ethnicity not in codes.ETHNICITIES:
        yield Problem(
            "Ethnicity",
            f"Ethnicity {person.ethnicity!r} is not a CBDS ethnicity code "
            "(WBRI ... OOTH, REFU refused, NOBT not yet obtained)",
        )


# --- Beyond sen2-details.md 5.2: items the schema makes mandatory ----------------------


@person_rule(
    "T-PER-4a",
    "E",
    "Surname, Forename and PersonBirthDate are present (not in section 5.2: schema cardinality).",
    "schema [S]: minOccurs 1",
)
def names_and_birth_date_given(person: Person, ctx: Context) -> Iterator[Problem]:
    for item, value in (("Surname", person.surname), ("Forename", person.forename)):
        if not (value or "").strip():
            yield Problem(item, f"{item} is missing: every person needs one")
    if person.birth_date is None:
        yield Problem("PersonBirthDate", "PersonBirthDate is missing: every person needs one")


@person_rule(
    "T-PER-4b",
    "E",
    "PostCode is present (not in section 5.2: schema cardinality).",
    "schema [S]: minOccurs 1",
)
def postcode_given(person: Person, ctx: Context) -> Iterator[Problem]:
    if not (person.postcode or "").strip():
        yield Problem("PostCode", "PostCode is missing: give the home postcode")


@person_rule(
    "T-PER-4c",
    "Q",
    "PostCode has the form of a UK postcode (not in section 5.2).",
    "[S]: GOV.UK data standards postcode pattern; format, not existence",
)
def postcode_well_formed(person: Person, ctx: Context) -> Iterator[Problem]:
    if (person.postcode or "").strip() and not is_valid_postcode(person.postcode):
        yield Problem(
            "PostCode",
            "PostCode is not in the form of a UK postcode (e.g. SW1A 1AA): check it",
        )


@person_rule(
    "T-PER-4d",
    "Q",
    "The person is no older than 25 on the ReferenceDate (not in section 5.2).",
    "law [V]: Children and Families Act 2014, s.45 (plans end by age 25); statutory.md 3.6(b)",
)
def age_within_send_range(person: Person, ctx: Context) -> Iterator[Problem]:
    born = as_date(person.birth_date)
    census = as_date(ctx.reference_date)
    if born is not None and census is not None and born <= census:
        age = codes.age_on(born, census)
        if age > codes.MAX_AGE:
            yield Problem(
                "PersonBirthDate",
                f"PersonBirthDate makes this person {age} on the census day: EHC plans end by "
                f"age {codes.MAX_AGE}, so check the date of birth",
            )
