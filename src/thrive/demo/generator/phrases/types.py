"""The shapes of the phrase banks. Pure Python: planning runs in processes without Django.

A *strand* is one thread of a plan: a need, the outcome sought for it and the provision
that meets it, so a plan drawn from strands keeps the golden thread (Code of Practice 9.61:
needs, outcomes and provision linked). Texts take the child's name and pronouns through
`str.format` fields: {name}, {he}, {him}, {his}, {himself}, {He}, {His}."""

from typing import NamedTuple


class Provision(NamedTuple):
    """Sections F, G, H1 and H2, specified and quantified (Code of Practice 9.69)."""

    what: str
    who: str
    how_often: str
    how_long: str
    group_size: str


class Strand(NamedTuple):
    #: Which phases it suits: e (early years, to age 4), p (primary), s (secondary, to 15),
    #: c (16 and over: sixth form, college, training).
    phases: str
    #: What it is about, as a noun phrase ("reading and spelling"), for vaguer wording.
    topic: str
    #: Follows the child's name: "{name} finds changes to routine very hard".
    need: str
    #: Follows the child's name and starts with "will".
    outcome: str
    provision: Provision
    section: str = "F"  # F, G, H1 or H2
    adulthood_area: str = ""  # employment, independent_living, community, health


PHASES = "epsc"
