"""Module 1, Person: rules T-PER-1 ... T-PER-3 of sen2-details.md section 5.2."""

from collections.abc import Iterator

from thrive.returns.sen2.records import Person
from thrive.returns.sen2.rules.base import Context, Problem, person_rule


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
