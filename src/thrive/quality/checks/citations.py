"""Where each rule comes from, as the finding shows it. Confidence tags and the sources behind
them are in docs/quality.md (facts from shared/reference/statutory.md, section 2)."""

from typing import Final

SPECIFIED: Final = (
    "SEND Code of Practice 9.69; L v Clarke and Somerset CC [1998] ELR 129; "
    "Worcestershire CC v SE [2020] UKUT 217 (AAC), para 74"
)
HEALTH_CARE_SPECIFIED: Final = (
    "SEND Code of Practice 9.69; SEND Regulations 2014, reg. 12(1)(g)-(h)"
)
SMART: Final = "SEND Code of Practice 9.61 (SMART outcomes) and 9.66"
THREAD: Final = "SEND Code of Practice 9.61 and 9.69 (needs, outcomes and provision linked)"
EVERY_NEED: Final = (
    "R v Secretary of State for Education and Science, ex parte E [1992] 1 FLR 377 (CA); "
    "SEND Code of Practice 9.69"
)
HEALTH_CARE_NEED: Final = (
    "SEND Regulations 2014, reg. 12(1)(g)-(h); Children and Families Act 2014, s.21(5)"
)
SECTION_K: Final = "SEND Regulations 2014, reg. 12; SEND Code of Practice 9.62 (section K)"
EVIDENCE: Final = "SEND Code of Practice 9.61 (take into account the evidence from the assessment)"
ADULTHOOD: Final = "SEND Regulations 2014, reg. 12(3); SEND Code of Practice 9.63"
ADULTHOOD_AREAS: Final = "SEND Code of Practice chapter 8 and 9.64 (preparing for adulthood)"
VIEWS: Final = "SEND Regulations 2014, reg. 12(1)(a); Children and Families Act 2014, s.19"
PLACEMENT: Final = "SEND Regulations 2014, reg. 12(1)(i)"
