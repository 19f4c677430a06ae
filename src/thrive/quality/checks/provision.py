"""Sections F, G, H1 and H2: provision specified and quantified (Code of Practice 9.69).

Two kinds of problem, each found field by field so the page can point at the exact box:
vague wording (`wording.vague_phrases`), and a field that does not give the detail at all
(who, how often, for how long, group size)."""

import re
from collections.abc import Iterator
from typing import Final

from .record import PROVISION_FIELDS, PlanRecord, Provision
from .results import Highlight, ItemRef, Problem
from .wording import quantity, vague_phrases

SPECIAL: Final = ("F",)
HEALTH_AND_CARE: Final = ("G", "H1", "H2")

_ROLE: Final = re.compile(
    r"\b(?:teach(?:er|ing\s+assistant)s?|tas?|lsas?|hltas?|sen(?:d)?cos?|assistants?|"
    r"therapists?|salts?|slts?|ots?|physio(?:therapist)?s?|psychologists?|eps?|nurses?|"
    r"doctors?|paediatricians?|psychiatrists?|counsellors?|mentors?|workers?|coach(?:es)?|"
    r"tutors?|trainers?|advis[eo]rs?|specialists?|practitioners?|key\s+(?:person|adult)s?|"
    r"carers?|instructors?|lecturers?|co-?ordinators?|officers?|elsas?|consultants?|"
    r"dieti[tc]ians?|audiologists?|orthoptists?|clinicians?|qt(?:vi|hi|msi)s?|supervisors?|leads?|"
    r"managers?|head(?:teacher)?s?|leaders?|pas?|volunteers?|buddy|buddies|team|service|"
    r"portage|habilitation|social\s+worker|job\s+coach|staff\s+trained)\b",
    re.IGNORECASE,
)
_PERIOD: Final = re.compile(
    r"\b(?:terms?|years?|weeks?|months?|days?|until|review(?:ed)?|key\s+stage|phase|sessions?|"
    r"lessons?|academic|ongoing\s+until)\b|\d",
    re.IGNORECASE,
)
_SIZE: Final = re.compile(
    r"\d|\b(?:individual(?:ly)?|one[- ]to[- ]one|alone|pairs?|paired|whole[- ]class|class|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b",
    re.IGNORECASE,
)

_MISSING: Final = {
    "what": "does not say what the provision is",
    "who": "does not say who delivers it: name the role and their training or expertise",
    "how_often": "does not say how often: give a frequency (such as 3 times a week) or the "
    "occasions (such as every lesson)",
    "how_long": "does not say for how long: give the length of each session and how long the "
    "provision lasts or when it is reviewed",
    "group_size": "does not give a group size or ratio (such as 1:1 or a group of no more than 4)",
}


def _says_enough(name: str, value: str) -> bool:
    if name == "what":
        return True
    if name == "who":
        return bool(_ROLE.search(value))
    if name == "how_often":
        said = quantity(value)
        return said.frequency or said.occasions or said.amount
    if name == "how_long":
        return quantity(value).amount or bool(_PERIOD.search(value))
    return quantity(value).group_size or bool(_SIZE.search(value))


def _in(record: PlanRecord, sections: tuple[str, ...]) -> Iterator[Provision]:
    return (p for p in record.provisions if p.section in sections)


def _ref(provision: Provision, name: str) -> ItemRef:
    return ItemRef("provision", provision.id, provision.label, name)


def vague_wording(record: PlanRecord, sections: tuple[str, ...]) -> Iterator[Problem]:
    """Each field of each line of provision in `sections` that has vague wording."""
    for provision in _in(record, sections):
        for name, label in PROVISION_FIELDS.items():
            text = provision.text(name)
            phrases = vague_phrases(text, context=provision.other_text(name))
            if not phrases:
                continue
            said = "; ".join(f'"{p.phrase}" {p.kind.advice}' for p in phrases)
            yield Problem(
                provision.section,
                _ref(provision, name),
                f"{provision.label}, {label.lower()}: {said}.",
                tuple(Highlight(name, p.start, p.end, p.phrase) for p in phrases),
            )


def missing_detail(record: PlanRecord, sections: tuple[str, ...]) -> Iterator[Problem]:
    """Each field of each line of provision in `sections` that is empty or does not give
    the detail it asks for. How often, how long and group size are left to `vague_wording`
    when it already flags them ("Regular": give the frequency)."""
    for provision in _in(record, sections):
        for name, label in PROVISION_FIELDS.items():
            text = provision.text(name).strip()
            if text and _says_enough(name, text):
                continue
            if name != "who" and vague_phrases(text, context=provision.other_text(name)):
                continue
            problem = "is empty" if not text else _MISSING[name]
            yield Problem(
                provision.section,
                _ref(provision, name),
                f"{provision.label}, {label.lower()}: {problem}.",
            )


def provision_vague(record: PlanRecord) -> Iterator[Problem]:
    """Special educational provision (section F) in vague words: "access to", "regular",
    "as appropriate", "up to"... Code of Practice 9.69; L v Clarke and Somerset CC [1998]
    ELR 129."""
    return vague_wording(record, SPECIAL)


def health_care_provision_vague(record: PlanRecord) -> Iterator[Problem]:
    """Health and social care provision (G, H1, H2) in vague words. Code of Practice 9.69."""
    return vague_wording(record, HEALTH_AND_CARE)


def provision_detail_missing(record: PlanRecord) -> Iterator[Problem]:
    """Section F lines that do not say who, how often, for how long or in what group. Code
    of Practice 9.69 ("type, hours and frequency of support and level of expertise")."""
    return missing_detail(record, SPECIAL)


def health_care_provision_detail_missing(record: PlanRecord) -> Iterator[Problem]:
    """Sections G, H1 and H2 lines that do not say who, how often, for how long or in what
    group. Code of Practice 9.69."""
    return missing_detail(record, HEALTH_AND_CARE)
