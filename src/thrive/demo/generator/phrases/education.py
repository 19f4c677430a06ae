"""Special educational needs (section B), the outcomes sought (E) and the special
educational provision (F) for each primary need, as strands, grouped by the Code of
Practice's four broad areas of need. Written to the standard the Code asks for (9.61 to
9.69): needs described, outcomes specific, provision specified and quantified. The vaguer
wording some plans carry is made elsewhere (`vague`)."""

from typing import Final

from .cognition import DOWN, LEARNING, OTHER, SEVERE
from .communication import AUTISM, COMMUNICATION
from .sensory import HEARING, MULTI_SENSORY, PHYSICAL, VISION
from .types import Strand
from .wellbeing import SEMH

#: The strands for each SEN2 primary need (law.codes.SEN_TYPES).
BY_NEED: Final[dict[str, tuple[Strand, ...]]] = {
    "ASD": AUTISM + COMMUNICATION[4:],
    "SLCN": COMMUNICATION,
    "SEMH": SEMH,
    "MLD": LEARNING,
    "SPLD": LEARNING[:5] + OTHER[1:],
    "SLD": SEVERE + LEARNING[5:],
    "PMLD": SEVERE,
    "HI": HEARING + COMMUNICATION[2:4],
    "VI": VISION + OTHER[1:],
    "MSI": MULTI_SENSORY + SEVERE[:1],
    "PD": PHYSICAL + OTHER[1:],
    "DS": DOWN + COMMUNICATION[:2] + SEVERE[1:2],
    "OTH": OTHER + LEARNING[2:3] + SEMH[5:6],
}

#: Used when a need has too few strands for the child's phase.
GENERIC: Final = OTHER + LEARNING[2:3]
