"""The plan record the checks read: an EHC plan version as frozen dataclasses, sections A to K
(SEND Regulations 2014, reg. 12), with each item's number as the plan shows it ("F3", "H1.2").

Built from the database by `thrive.quality.findings.version_record`; tests and other systems
can build one directly."""

from dataclasses import dataclass, field
from datetime import date
from typing import Final

DRAFT: Final = "draft"
FINAL: Final = "final"

NEED_SECTIONS: Final = ("B", "C", "D")
PROVISION_SECTIONS: Final = ("F", "G", "H1", "H2")
#: Sections in the order of the Regulations, for sorting findings.
SECTION_ORDER: Final = ("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K")

#: Preparing for adulthood areas (Code of Practice chapter 8), as the plan stores them.
ADULTHOOD_AREAS: Final = {
    "employment": "higher education or employment",
    "independent_living": "independent living",
    "community": "friends, relationships and community",
    "health": "good health",
}

#: The detail each line of provision states (Code of Practice 9.69), by field, in the
#: plan's words.
PROVISION_FIELDS: Final = {
    "what": "What",
    "who": "Who delivers it",
    "how_often": "How often",
    "how_long": "For how long",
    "group_size": "Group size or ratio",
}


@dataclass(frozen=True)
class Views:
    """Section A: the views, interests and aspirations of the child and parents, or the
    young person."""

    child: str = ""
    family: str = ""
    interests: str = ""
    aspirations: str = ""


@dataclass(frozen=True)
class Need:
    """Sections B (special educational), C (health care) and D (social care)."""

    id: int
    number: str  # "B2"
    section: str
    text: str

    @property
    def label(self) -> str:
        return f"Need {self.number}"


@dataclass(frozen=True)
class Outcome:
    """Section E."""

    id: int
    number: str  # "E1"
    text: str
    time_frame: str = ""
    achieve_by: date | None = None
    need_ids: frozenset[int] = frozenset()
    adulthood_area: str = ""  # a key of ADULTHOOD_AREAS, or ""

    @property
    def label(self) -> str:
        return f"Outcome {self.number}"


@dataclass(frozen=True)
class Provision:
    """Sections F, G, H1 and H2: one line of provision."""

    id: int
    number: str  # "F3", "H1.2"
    section: str
    what: str
    who: str = ""
    how_often: str = ""
    how_long: str = ""
    group_size: str = ""
    outcome_ids: frozenset[int] = frozenset()

    @property
    def label(self) -> str:
        return f"Provision {self.number}"

    def text(self, name: str) -> str:
        """One of PROVISION_FIELDS."""
        value: str = getattr(self, name)
        return value

    def other_text(self, name: str) -> str:
        """Every field but `name`, one a line: what else the line says about quantity."""
        return "\n".join(self.text(other) for other in PROVISION_FIELDS if other != name)


@dataclass(frozen=True)
class Advice:
    """Advice received for the assessment (SEND Regulations 2014, reg. 6(1)): given, not
    withdrawn, and whether the plan appends it in section K."""

    id: int
    label: str  # "Advice from health (given 3 November 2025)"
    contributor: str  # educational_psychology, education, health, social_care, other
    in_section_k: bool
    #: The needs, outcomes and provision the advice sets out, one a string.
    recommendations: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanRecord:
    """One version of an EHC plan, as the checks see it."""

    kind: str = DRAFT  # DRAFT or FINAL (amended plans count as their draft or final)
    #: National curriculum year on the plan's date (Reception 0, Year 1 is 1), or None.
    year_group: int | None = None
    views: Views = field(default_factory=Views)
    needs: tuple[Need, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    provisions: tuple[Provision, ...] = ()
    #: Section I names a school or other institution, or at least its type.
    placement_named: bool = False
    advice: tuple[Advice, ...] = ()

    @property
    def is_final(self) -> bool:
        return self.kind == FINAL
