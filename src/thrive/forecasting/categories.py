"""The categories a forecast counts in. Pure Python: no Django.

- **Setting categories** are the model's settings (the ``StateSpace.settings``): Thrive's
  establishment types (``thrive.law.codes.ESTABLISHMENT_TYPES``) grouped as councils plan
  places. A plan with no placement named counts as ``other`` (not in a school or college:
  education otherwise than at school, awaiting a place, employment).
- **DSG management plan categories**: the DfE's high-needs placement categories
  (forecasting.md, "Scenario levers"). Thrive records no resourced provision or SEN unit
  (a child there is recorded at the mainstream school), so that category is always empty and
  says so.
- **Age bands**: the DSG plan's and SEN2's, from the NCY (age on 31 August = NCY + 4)."""

from typing import Final

#: (code, label) in display order.
SETTING_CATEGORIES: Final[tuple[tuple[str, str], ...]] = (
    ("early_years", "Early years provider"),
    ("mainstream", "Mainstream school"),
    ("special_state", "State special school (maintained, academy or free)"),
    ("special_independent", "Independent or non-maintained special school"),
    ("alternative_provision", "Alternative provision or pupil referral unit"),
    ("further_education", "Further education or sixth form college"),
    ("specialist_post_16", "Specialist post-16 institution"),
    ("other", "Other or no placement named"),
)
SETTING_CATEGORY_CODES: Final = tuple(code for code, _ in SETTING_CATEGORIES)
SETTING_CATEGORY_LABELS: Final = dict(SETTING_CATEGORIES)

#: The NCYs at which a child can be in each setting category (first, last): the model's
#: valid states. Early years to Reception; schools from nursery to Year 14; colleges from
#: Year 12; specialist post-16 from Year 12; other at any age.
CATEGORY_NCYS: Final[dict[str, tuple[int, int]]] = {
    "early_years": (-4, 0),
    "mainstream": (-2, 14),
    "special_state": (-2, 15),
    "special_independent": (-2, 15),
    "alternative_provision": (1, 13),
    "further_education": (12, 20),
    "specialist_post_16": (12, 20),
    "other": (-4, 20),
}

#: Thrive's establishment type → setting category. Independent mainstream schools are named in
#: plans mostly as specialist placements paid for from high needs, so they count with the
#: independent special schools.
ESTABLISHMENT_CATEGORY: Final[dict[str, str]] = {
    "mainstream_la_maintained": "mainstream",
    "mainstream_academy": "mainstream",
    "mainstream_free_school": "mainstream",
    "mainstream_independent": "special_independent",
    "special_la_maintained": "special_state",
    "special_academy_free": "special_state",
    "special_independent": "special_independent",
    "special_non_maintained": "special_independent",
    "ap_pru_la_maintained": "alternative_provision",
    "ap_pru_academy": "alternative_provision",
    "ap_pru_free_school": "alternative_provision",
    "general_fe_tertiary_college": "further_education",
    "sixth_form_college": "further_education",
    "specialist_post_16_institution": "specialist_post_16",
    "early_years": "early_years",
}

#: DSG management plan placement categories (code, label), in the DfE template's order.
DSG_CATEGORIES: Final[tuple[tuple[str, str], ...]] = (
    ("mainstream", "Mainstream schools and academies"),
    ("resourced_provision", "Resourced provision and SEN units"),
    ("maintained_special", "Maintained special schools and special academies"),
    ("independent_special", "Independent and non-maintained special schools"),
    ("hospital_ap", "Hospital education and alternative provision"),
    ("post_16", "Post-16 and further education"),
    ("other", "Other (early years, education otherwise than at school)"),
)
DSG_CATEGORY_LABELS: Final = dict(DSG_CATEGORIES)

#: Setting category → DSG management plan category.
DSG_CATEGORY_OF: Final[dict[str, str]] = {
    "early_years": "other",
    "mainstream": "mainstream",
    "special_state": "maintained_special",
    "special_independent": "independent_special",
    "alternative_provision": "hospital_ap",
    "further_education": "post_16",
    "specialist_post_16": "post_16",
    "other": "other",
}

#: Age bands (code, label, first NCY, last NCY): age on 31 August = NCY + 4.
AGE_BANDS: Final[tuple[tuple[str, str, int, int], ...]] = (
    ("under_5", "Under 5", -4, 0),
    ("5_to_10", "5 to 10", 1, 6),
    ("11_to_15", "11 to 15", 7, 11),
    ("16_to_19", "16 to 19", 12, 15),
    ("20_to_25", "20 to 25", 16, 20),
)


def setting_category(establishment_type: str | None) -> str:
    """The setting category of a placement; no placement (or a type not listed) is ``other``."""
    return ESTABLISHMENT_CATEGORY.get(establishment_type or "", "other")


def age_band(ncy: int) -> str:
    """The age band code of an NCY; NCYs outside every band are an error."""
    for code, _, first, last in AGE_BANDS:
        if first <= ncy <= last:
            return code
    raise ValueError(f"no age band for NCY {ncy}")
