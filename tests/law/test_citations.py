"""Every rule cites its source, and docs/law.md indexes every public name (design.md 7)."""

import inspect
import re
from pathlib import Path
from types import ModuleType

import pytest

from thrive.law import clock, codes, identifiers, reviews

MODULES = (clock, identifiers, codes, reviews)
DOCS = (Path(__file__).resolve().parents[2] / "docs" / "law.md").read_text(encoding="utf-8")

# A citation names a real source: a regulation paragraph, an Act with its year, the Code
# of Practice, or a named data standard.
SOURCE = re.compile(
    r"reg\. \d+\(|Regulations (19|20)\d\d|Act (19|20)\d\d|Code of Practice|CBDS|"
    r"NHS Data Dictionary|GOV\.UK|ESFA|DfE"
)
# Classes that state law (rather than carry data) must cite it too.
RULE_CLASSES = {clock.Contributor, clock.ExceptionReason, clock.EventKind}


def public(module: ModuleType) -> list[tuple[str, object]]:
    return [
        (name, obj)
        for name, obj in vars(module).items()
        if not name.startswith("_")
        and (inspect.isfunction(obj) or inspect.isclass(obj))
        and getattr(obj, "__module__", None) == module.__name__
    ]


def rules() -> list[tuple[str, object]]:
    return [
        (name, obj)
        for module in MODULES
        for name, obj in public(module)
        if inspect.isfunction(obj) or obj in RULE_CLASSES
    ]


def code_lists() -> list[str]:
    return [name for name, obj in vars(codes).items() if isinstance(obj, codes.CodeList)]


def test_there_are_rules_to_check() -> None:
    names = {name for name, _ in rules()}
    assert {"assessment_clock", "refusal_for", "upn_problems", "age_group"} <= names


@pytest.mark.parametrize(("name", "rule"), rules(), ids=[name for name, _ in rules()])
def test_every_rule_cites_its_source(name: str, rule: object) -> None:
    doc = inspect.getdoc(rule) or ""
    assert SOURCE.search(doc), f"{name} has no citation in its docstring"


@pytest.mark.parametrize(
    "name",
    [name for module in MODULES for name, _ in public(module)] + code_lists(),
)
def test_every_public_name_is_in_the_docs(name: str) -> None:
    assert f"`{name}" in DOCS, f"docs/law.md does not mention {name}"


@pytest.mark.parametrize(
    ("module", "name", "obj"),
    [(m, name, obj) for m in MODULES for name, obj in public(m)],
    ids=lambda v: getattr(v, "__name__", str(v)),
)
def test_every_public_name_has_a_docstring(module: ModuleType, name: str, obj: object) -> None:
    assert inspect.getdoc(obj), f"{module.__name__}.{name} has no docstring"


def test_deadline_citations_name_the_regulation_paragraph() -> None:
    from datetime import date

    c = clock.assessment_clock(
        [clock.Event(clock.EventKind.REQUEST_RECEIVED, date(2025, 9, 1))], date(2025, 9, 2)
    )
    assert all(
        re.fullmatch(r"SEND Regulations 2014, reg\. \d+\(\d\)(\([a-z]\))?", d.citation)
        for d in c.deadlines
    )
