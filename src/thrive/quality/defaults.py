"""The default audit framework, as data: the "Suggested Thrive rubric" of
reference/statutory.md section 2.4, section by section, with a compliance criterion (present,
separately labelled, the required content) and quality criteria (specificity, SMART outcomes,
the golden thread, the child's voice, preparing for adulthood, multi-agency input). Each
criterion's guidance names its source.

Migration 0002 installs it; a council changes it by writing a new version of the framework.
Plain data, no Django: `install` is handed the model classes (a migration's historical models
or the real ones)."""

from typing import Any, NamedTuple

NAME = "Thrive plan quality framework"
RUBRIC = "reference/statutory.md 2.4, Suggested Thrive rubric"


class DefaultCriterion(NamedTuple):
    section: str
    agency: str  # education, health or social_care
    weight: int
    text: str
    guidance: str


EDUCATION, HEALTH, SOCIAL_CARE = "education", "health", "social_care"

CRITERIA: tuple[DefaultCriterion, ...] = (
    DefaultCriterion(
        "A",
        EDUCATION,
        2,
        "Section A gives the views, interests and aspirations of the child and their parents, "
        "or of the young person.",
        "Compliance: present, separately labelled, with each of the views, interests and "
        "aspirations. Source: SEND Regulations 2014, reg. 12(1)(a); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "A",
        EDUCATION,
        2,
        "The child's or young person's own voice is clear, and their aspirations shape the "
        "outcomes in section E.",
        "Quality (voice): in their own words where possible; aspirations belong in A, not E. "
        "Source: Code of Practice 9.65; Derby City criteria 'CYP voice and aspirations' and "
        "'parent views'; Shropshire QS1; " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "B",
        EDUCATION,
        3,
        "Section B sets out every special educational need the advice identifies.",
        "Compliance: present, separately labelled, and nothing in the advice left out. Source: "
        "SEND Regulations 2014, reg. 12(1)(b); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "B",
        EDUCATION,
        2,
        "Each need is specific: what the child finds hard, how it affects their learning, and "
        "their strengths.",
        "Quality (specificity): a reader in any local authority would understand it. Source: "
        "Code of Practice 9.61; Derby City criterion 'strengths and needs'; " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "C",
        HEALTH,
        2,
        "Section C sets out the health needs related to the special educational needs, or says "
        "there are none.",
        "Compliance: present and separately labelled even when there are no health needs. "
        "Source: SEND Regulations 2014, reg. 12(1)(c); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "C",
        HEALTH,
        1,
        "The health needs reflect the health advice and are specific enough to plan the "
        "provision in section G.",
        "Quality (multi-agency input). Source: SEND Regulations 2014, reg. 6(1) (medical "
        "advice); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "D",
        SOCIAL_CARE,
        2,
        "Section D sets out the social care needs related to special educational needs or a "
        "disability, or says there are none.",
        "Compliance: present and separately labelled even when there are no social care "
        "needs. Source: SEND Regulations 2014, reg. 12(1)(d); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "D",
        SOCIAL_CARE,
        1,
        "The social care needs reflect the social care advice and any assessment the child or "
        "young person has had.",
        "Quality (multi-agency input). Source: SEND Regulations 2014, reg. 6(1) (social care "
        "advice); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "E",
        EDUCATION,
        3,
        "Every outcome says what difference it will make and by when, and addresses at least "
        "one need.",
        "Compliance: an outcome is the benefit or difference made, not the help given. "
        "Source: Code of Practice 9.66; SEND Regulations 2014, reg. 12(1)(e); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "E",
        EDUCATION,
        3,
        "The outcomes are SMART: specific, measurable, achievable, realistic and time-bound.",
        "Quality (SMART), usually to the end of a phase or key stage. Source: Code of Practice "
        "9.61; Derby City criterion 'SMART outcomes'; " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "E",
        EDUCATION,
        1,
        "From Year 9, the outcomes prepare the young person for adulthood: employment or "
        "higher education, independent living, community and good health.",
        "Quality (preparing for adulthood). Rate as the other criteria of section E for a "
        "child below Year 9. Source: SEND Regulations 2014, reg. 12(3); Code of Practice 9.64 "
        "and chapter 8; " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "F",
        EDUCATION,
        3,
        "Every line of section F says what the provision is, who delivers it, how often, for "
        "how long and in what group size.",
        "Compliance: specified and quantified. Source: Code of Practice 9.69; L v Clarke and "
        "Somerset CC [1998] ELR 129; " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "F",
        EDUCATION,
        3,
        "The provision is specific, with no vague wording such as 'access to', 'support', "
        "'regular' or 'as appropriate'.",
        "Quality (specificity): flexibility is no excuse for vagueness. Source: Worcestershire "
        "CC v SE [2020] UKUT 217 (AAC) para 74; " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "F",
        EDUCATION,
        2,
        "Every need in section B has provision in section F, and every line of section F works "
        "towards an outcome in section E.",
        "Quality (the golden thread from A to I). Source: reference/statutory.md 2.3; Derby "
        "City criterion 'provision appropriate to needs'; " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "G",
        HEALTH,
        2,
        "Section G sets out the health provision reasonably required, agreed by the health "
        "commissioning body, or says there is none.",
        "Compliance. Source: SEND Regulations 2014, reg. 12(1)(g) and 12(2); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "G",
        HEALTH,
        2,
        "The health provision is specific and quantified, and meets the needs in section C.",
        "Quality (specificity, the thread). Source: Code of Practice 9.69; " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "H1",
        SOCIAL_CARE,
        1,
        "Section H1 sets out the provision under section 2 of the Chronically Sick and Disabled "
        "Persons Act 1970, or says there is none.",
        "Compliance. Source: SEND Regulations 2014, reg. 12(1)(h); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "H2",
        SOCIAL_CARE,
        1,
        "Section H2 sets out any other social care provision reasonably required, or says "
        "there is none.",
        "Compliance, including Care Act 2014 provision for young people over 18. Source: SEND "
        "Regulations 2014, reg. 12(1)(h); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "H2",
        SOCIAL_CARE,
        2,
        "The social care provision in H1 and H2 is specific and quantified, and meets the needs "
        "in section D.",
        "Quality (specificity, the thread). Source: Code of Practice 9.69; " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "I",
        EDUCATION,
        2,
        "Section I names the school or other institution and its type, or gives the type only. "
        "A draft plan names neither.",
        "Compliance. Source: SEND Regulations 2014, reg. 12(1)(i); Children and Families Act "
        "2014, s.38(5); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "J",
        EDUCATION,
        1,
        "Section J sets out the personal budget and, where there are direct payments, the "
        "needs and outcomes they meet.",
        "Compliance. Source: SEND Regulations 2014, reg. 12(1)(j); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "K",
        EDUCATION,
        1,
        "Section K lists the advice and information gathered during the assessment.",
        "Compliance. Source: SEND Regulations 2014, reg. 12(1)(k); " + RUBRIC + ".",
    ),
    DefaultCriterion(
        "K",
        EDUCATION,
        1,
        "The plan rests on recent advice from education, health and social care, and the "
        "family's contribution.",
        "Quality (multi-agency input). Source: SEND Regulations 2014, reg. 6(1); DfE EHCP "
        "standardisation pilot ('Deliverable: good advice'); " + RUBRIC + ".",
    ),
)


def install(framework_model: Any, criterion_model: Any, *, when: Any) -> Any:
    """Version 1 of the default framework, in use from `when`, unless a framework exists
    already; returns the framework in use."""
    if framework_model.objects.exists():
        return framework_model.objects.filter(active=True).first()
    framework = framework_model.objects.create(name=NAME, version=1, active=True, activated_at=when)
    criterion_model.objects.bulk_create(
        criterion_model(framework=framework, order=order, **criterion._asdict())
        for order, criterion in enumerate(CRITERIA, start=1)
    )
    return framework
