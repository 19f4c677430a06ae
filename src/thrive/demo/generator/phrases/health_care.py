"""Health needs (section C) with health provision (G), and social care needs (D) with social
care provision (H1: services under section 2 of the Chronically Sick and Disabled Persons Act
1970; H2: other social care), as strands."""

from typing import Final

from .types import Provision as P
from .types import Strand as S

_SLEEP: Final = S(
    "eps",
    "sleep",
    "has great difficulty getting to sleep and often wakes in the night, which affects "
    "{his} concentration and mood the next day",
    "will settle to sleep within 30 minutes of going to bed on 5 nights a week, recorded "
    "in {his} family's sleep diary",
    P(
        "Sleep assessment and a behavioural sleep plan, with a medication review by the "
        "community paediatrician if the plan does not help within 3 months",
        "Community paediatric nurse (sleep service)",
        "4 appointments over 6 months",
        "45 minutes each appointment",
        "With {name} and {his} parents",
    ),
    section="G",
)
_SENSORY_OT: Final = S(
    "epsc",
    "sensory processing",
    "has sensory processing differences, shown in the occupational therapist's assessment, "
    "and seeks movement and deep pressure to stay calm",
    "will use {his} sensory diet to stay calm and ready to learn, needing no more than 2 "
    "unplanned breaks a day",
    P(
        "Sensory diet written by an occupational therapist, with equipment such as a wobble "
        "cushion and weighted lap pad, and a review of how well it works",
        "Occupational therapist (NHS children's therapy service)",
        "Assessment and plan, then a review each term",
        "1 hour each visit",
        "1:1",
    ),
    section="G",
)
_CAMHS: Final = S(
    "sc",
    "mental health",
    "has been diagnosed with an anxiety disorder and low mood and is under the care of the "
    "Children and Young People's Mental Health Service",
    "will use 3 strategies from {his} therapy to manage anxious thoughts, and rate {his} "
    "anxiety as 5 or lower out of 10 on most days",
    P(
        "Cognitive behavioural therapy for anxiety",
        "Clinical psychologist (CAMHS)",
        "Once a week for 12 weeks, then reviewed",
        "50 minutes each session",
        "1:1",
    ),
    section="G",
)
_EPILEPSY: Final = S(
    "epsc",
    "epilepsy",
    "has epilepsy, controlled with medication, and may have a seizure at school; an "
    "individual healthcare plan is in place",
    "will take part in every school activity, including trips and swimming, safely, with "
    "staff following {his} healthcare plan",
    P(
        "Training for staff to recognise seizures and give emergency rescue medication in "
        "line with {his} individual healthcare plan",
        "Epilepsy specialist nurse trains 3 named members of staff",
        "Once a year and whenever the healthcare plan changes",
        "2-hour training session",
        "3 named staff",
    ),
    section="G",
)
_PHYSIO: Final = S(
    "epsc",
    "posture and movement",
    "has tight muscles in {his} legs and needs a daily stretching programme and a standing "
    "frame to keep {his} joints healthy",
    "will keep {his} current range of movement in hips and knees, measured by the "
    "physiotherapist at each review",
    P(
        "Physiotherapy programme of stretches and time in a standing frame, set by a "
        "paediatric physiotherapist and carried out by trained staff",
        "Paediatric physiotherapist sets and reviews; trained teaching assistant delivers",
        "Programme daily; physiotherapist reviews every half term",
        "30 minutes each day",
        "1:1",
    ),
    section="G",
)
_FEEDING: Final = S(
    "epsc",
    "eating and drinking",
    "has difficulty swallowing safely and is at risk of choking, so needs food of a "
    "particular texture and careful support at mealtimes",
    "will eat and drink safely at every meal, with no choking incidents, following {his} "
    "eating and drinking plan",
    P(
        "Eating and drinking plan from a specialist speech and language therapist "
        "(dysphagia), with training for the staff who support meals",
        "Speech and language therapist (dysphagia); trained mealtime staff",
        "Plan reviewed every 6 months; staff training once a year",
        "1 hour each review",
        "1:1 at every meal",
    ),
    section="G",
)
_CONTINENCE: Final = S(
    "eps",
    "continence",
    "is not yet toilet trained and needs support with continence during the day",
    "will use the toilet with a picture sequence and one adult prompt, with fewer than 2 "
    "accidents a week",
    P(
        "Continence assessment, a toileting programme and continence products",
        "Paediatric continence nurse; trained staff in school",
        "Assessment, then reviews every 3 months",
        "45 minutes each review",
        "1:1",
    ),
    section="G",
)
_AUDIOLOGY: Final = S(
    "epsc",
    "hearing aids",
    "has a permanent hearing loss in both ears and wears hearing aids, which need checking "
    "and ear moulds replacing as {he} grows",
    "will wear {his} hearing aids all day, every day, with them working well, recorded by "
    "staff in the daily check",
    P(
        "Audiology review of hearing and hearing aids, with new ear moulds",
        "Paediatric audiologist",
        "Every 6 months",
        "1-hour appointment",
        "1:1",
    ),
    section="G",
)
_VISION: Final = S(
    "epsc",
    "eye health",
    "has reduced vision in both eyes and needs glasses and low vision aids reviewed as {he} grows",
    "will use {his} glasses and magnifier in every lesson, with the right prescription "
    "checked at each review",
    P(
        "Ophthalmology and low vision clinic reviews, with new low vision aids",
        "Paediatric ophthalmologist and optometrist",
        "Every 6 months",
        "1-hour appointment",
        "1:1",
    ),
    section="G",
)
_THYROID: Final = S(
    "epsc",
    "physical health",
    "has an underactive thyroid, treated with daily medication, and a history of glue ear",
    "will stay well, with thyroid levels and hearing checked at each annual health review",
    P(
        "Annual health review, including thyroid blood tests and a hearing test",
        "Community paediatrician and paediatric audiologist",
        "Once a year",
        "1-hour appointment",
        "1:1",
    ),
    section="G",
)

HEALTH_BY_NEED: Final[dict[str, tuple[S, ...]]] = {
    "ASD": (_SLEEP, _SENSORY_OT, _CAMHS),
    "SLCN": (_AUDIOLOGY, _SLEEP),
    "SEMH": (_CAMHS, _SLEEP),
    "MLD": (_EPILEPSY, _SLEEP),
    "SPLD": (_SENSORY_OT, _VISION),
    "SLD": (_EPILEPSY, _CONTINENCE, _FEEDING),
    "PMLD": (_FEEDING, _PHYSIO, _EPILEPSY, _CONTINENCE),
    "HI": (_AUDIOLOGY,),
    "VI": (_VISION,),
    "MSI": (_AUDIOLOGY, _VISION, _FEEDING),
    "PD": (_PHYSIO, _CONTINENCE, _EPILEPSY),
    "DS": (_THYROID, _AUDIOLOGY, _SLEEP),
    "OTH": (_SLEEP, _EPILEPSY),
}
HEALTH_GENERIC: Final = (_SLEEP, _SENSORY_OT)

CARE: Final = (
    S(
        "epsc",
        "short breaks",
        "has needs that mean {his} family provide a high level of care, including at night, "
        "and they need breaks to keep caring",
        "will enjoy time away from home with trusted carers, staying overnight twice a month "
        "without distress, as {his} family report",
        P(
            "Overnight short breaks at the council's short break unit",
            "Short breaks service (Children with Disabilities team)",
            "2 nights a month",
            "Overnight, 4pm to 10am",
            "1 carer to 2 children",
        ),
        section="H2",
    ),
    S(
        "psc",
        "activities outside the home",
        "needs an adult with {him} to take part in activities outside home, because {he} "
        "cannot yet keep {himself} safe near roads",
        "will take part in a weekend activity of {his} choice, such as swimming or a youth "
        "club, every week",
        P(
            "A personal assistant to support {name} at a weekend activity of {his} choice",
            "Personal assistant (paid for through a direct payment)",
            "Every Saturday",
            "4 hours",
            "1:1",
        ),
        section="H1",
    ),
    S(
        "epsc",
        "personal care at home",
        "needs help with washing, dressing and personal care every morning",
        "will do more of {his} own morning routine, such as brushing {his} teeth, with one prompt",
        P(
            "Practical help in the home with personal care before school",
            "Home care agency commissioned by the council",
            "Every weekday morning",
            "45 minutes",
            "1:1",
        ),
        section="H1",
    ),
    S(
        "epsc",
        "family support",
        "is supported, with {his} family, by the Children with Disabilities team under a "
        "child in need plan",
        "will be safe and well supported at home, with the child in need plan reviewed "
        "every 3 months",
        P(
            "Social worker visits and child in need reviews",
            "Social worker, Children with Disabilities team",
            "Every 6 weeks, with a review meeting every 3 months",
            "1 hour each visit",
            "With {name} and {his} family",
        ),
        section="H2",
    ),
    S(
        "c",
        "independent living skills",
        "wants to live more independently but has not yet learned to cook, shop or manage money",
        "will plan, shop for and cook a simple meal once a week with a support worker nearby",
        P(
            "Independent living skills sessions at home and in the community",
            "Support worker (adult social care transitions team)",
            "Once a week",
            "3 hours",
            "1:1",
        ),
        section="H1",
    ),
)
