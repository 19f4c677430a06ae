"""What the council asks when it requests advice (SEND Regulations 2014, reg. 6), how each
piece of advice sums itself up, and personal budgets (section J)."""

from typing import Final

#: Keyed by thrive.law.clock.Contributor values.
QUESTIONS: Final = {
    "educational_psychology": (
        "Please provide psychological advice for {name}'s EHC needs assessment. {He} is "
        "{phase}. Please describe {his} special educational needs, the outcomes you "
        "recommend and the provision {he} needs to achieve them. {His} family and school "
        "are most concerned about {topic}.",
        "We have agreed to carry out an EHC needs assessment for {name}, who is {phase}. "
        "Please assess {him} and advise on {his} needs, the outcomes to aim for and the "
        "special educational provision that will help, with how much and how often. The "
        "main concern raised in the request is {topic}.",
    ),
    "education": (
        "Please provide educational advice for {name}'s EHC needs assessment: {his} needs "
        "at {setting}, the support you have put in place at SEN support and how {he} has "
        "responded, and the provision you think {he} needs. Please include {his} latest "
        "assessment results and the costed provision map.",
        "As {name}'s current education setting, please tell us about {his} progress, the "
        "difficulties {he} has with {topic}, what has helped and what has not, and what "
        "provision you recommend, with hours and group sizes.",
    ),
    "health": (
        "Please provide medical advice and information for {name}'s EHC needs assessment, "
        "including any diagnoses, health needs related to {his} special educational needs "
        "and the health provision {he} needs. Please include advice from any therapists "
        "involved.",
        "Please coordinate health advice for {name}'s EHC needs assessment through the "
        "designated clinical officer, including paediatric, therapy and mental health "
        "input where the family has seen these services.",
    ),
    "social_care": (
        "Please provide social care advice for {name}'s EHC needs assessment. Please tell "
        "us whether {he} and {his} family are known to social care, any care needs related "
        "to {his} special educational needs or disability, and any services provided or "
        "needed.",
    ),
    "other": (
        "Please provide advice from your service for {name}'s EHC needs assessment, "
        "including how {his} needs affect {his} learning and the specialist support you "
        "recommend.",
    ),
}

#: A short summary of the advice given, by contributor.
SUMMARIES: Final = {
    "educational_psychology": (
        "Assessment carried out through observation in class, discussion with staff and "
        "{his} family, and direct work with {name}. {His} main needs are in {topic}.",
        "I met {name} twice in school and once at home. Standardised assessments and "
        "observation show needs mainly in {topic}; the provision below is what I recommend.",
    ),
    "education": (
        "This advice draws on {name}'s SEN support plans for the last 3 terms, our "
        "assessment data and the views of the staff who teach {him}.",
        "{name} has had SEN support for over a year. The provision below describes what has "
        "helped most, with the hours we currently provide.",
    ),
    "health": (
        "Advice from the community paediatrician, with input from the therapy services "
        "involved with {name}.",
        "Summary of {name}'s health needs from {his} health records and a clinic "
        "appointment with {his} family.",
    ),
    "social_care": (
        "Social care assessment completed with {name} and {his} family at home.",
        "{name}'s family told us about the care {he} needs at home; our assessment is "
        "summarised below.",
    ),
    "other": ("Specialist assessment carried out in school, with recommendations for staff.",),
}

#: Section J, for the few plans with a personal budget: (text, paid as a direct payment,
#: age bands it suits).
PERSONAL_BUDGETS: Final = (
    ("A personal budget of £{amount:,} a year for a personal assistant to support {name} at "
     "community activities of {his} choice, paid as a direct payment to {his} parents.",
     True, "psc"),
    ("A personal budget of £{amount:,} a year for short breaks, managed by the council on "
     "the family's behalf.", False, "epsc"),
    ("A personal budget of £{amount:,} a year for specialist equipment and travel to a "
     "weekend club, paid as a direct payment.", True, "epsc"),
    ("A personal budget of £{amount:,} a year towards travel and a job coach for "
     "{his} supported internship, paid as a direct payment to {name}.", True, "c"),
)  # fmt: skip
