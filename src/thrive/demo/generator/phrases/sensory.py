"""Sensory and physical needs (SEND Code of Practice 6.34 to 6.35): hearing, vision and
multi-sensory impairment, and physical disability."""

from typing import Final

from .types import Provision as P
from .types import Strand as S

HEARING: Final = (
    S(
        "epsc",
        "listening",
        "has a moderate hearing loss in both ears and misses much of what is said in noisy "
        "rooms or when the speaker is not facing {him}",
        "will repeat back key information from whole-class teaching, checked by the "
        "teacher at the end of each lesson, on 4 out of 5 occasions",
        P(
            "Radio aid worn in every lesson, a seat near the front with a clear view of the "
            "teacher's face, and key words written down",
            "Class or subject teachers, advised by a qualified teacher of the deaf",
            "Every lesson; teacher of the deaf visits twice a term",
            "Throughout each lesson",
            "In class",
        ),
    ),
    S(
        "epsc",
        "language through hearing",
        "has a smaller vocabulary than others of {his} age because of {his} hearing loss",
        "will learn the key vocabulary for each topic and use it correctly in a sentence, "
        "checked at the end of each topic",
        P(
            "Pre-teaching of topic vocabulary and a listening programme",
            "Qualified teacher of the deaf, with a teaching assistant between visits",
            "Teacher of the deaf twice a term; teaching assistant twice a week",
            "30 minutes each session",
            "1:1",
        ),
    ),
    S(
        "psc",
        "managing hearing equipment",
        "relies on adults to check and charge {his} hearing aids and radio aid",
        "will check {his} own hearing aids each morning and tell an adult when the radio "
        "aid is not working",
        P(
            "Teaching {name} to check, clean and report faults with {his} hearing equipment",
            "Teaching assistant trained by the teacher of the deaf",
            "Every morning",
            "5 minutes",
            "1:1",
        ),
    ),
)

VISION: Final = (
    S(
        "epsc",
        "accessing print",
        "has a vision impairment and cannot read standard-sized print or see the board",
        "will read and complete class work in modified large print (N24) or on an iPad "
        "with magnification, at the same pace as the class",
        P(
            "All written materials modified to N24 large print, and an iPad with "
            "magnification software",
            "Qualified teacher of vision impairment advises; teaching assistant modifies resources",
            "Every lesson; teacher of vision impairment visits twice a term",
            "Throughout each lesson",
            "In class",
        ),
    ),
    S(
        "epsc",
        "mobility",
        "finds it hard to move around unfamiliar places safely, especially stairs and "
        "crowded corridors",
        "will find {his} way independently between classroom, toilets and dining hall "
        "using the routes {he} has learned",
        P(
            "Mobility and orientation training on the routes {name} uses each day",
            "Qualified habilitation specialist (vision impairment)",
            "Once a week for 10 weeks, then once a term",
            "45 minutes each session",
            "1:1",
        ),
    ),
    S(
        "psc",
        "touch typing",
        "writes slowly because {he} has to hold work very close to see it",
        "will touch-type at 20 words a minute and use a laptop for all extended writing",
        P(
            "Touch-typing programme adapted for vision impairment",
            "Teaching assistant with advice from the teacher of vision impairment",
            "3 times a week",
            "20 minutes each session",
            "1:1",
        ),
    ),
)

MULTI_SENSORY: Final = (
    S(
        "epsc",
        "communication",
        "has both hearing and vision loss and communicates through touch cues, objects of "
        "reference and some signs",
        "will use 10 objects of reference to understand what is happening next in {his} day",
        P(
            "Objects of reference and touch cues used consistently by all staff, with a "
            "communication passport",
            "Intervenor trained in multi-sensory impairment, advised by a specialist teacher",
            "Throughout every day; specialist teacher visits twice a term",
            "Throughout the day",
            "1:1",
        ),
    ),
    S(
        "epsc",
        "exploring the environment",
        "needs time and support to explore new places and objects safely",
        "will explore a new activity with touch and hearing for 5 minutes, with an "
        "intervenor alongside",
        P(
            "A planned programme of exploration using {name}'s remaining hearing and vision",
            "Intervenor trained in multi-sensory impairment",
            "Daily",
            "20 minutes each session",
            "1:1",
        ),
    ),
)

PHYSICAL: Final = (
    S(
        "epsc",
        "moving around school",
        "has cerebral palsy and uses a walking frame for short distances and a wheelchair "
        "for longer ones",
        "will move between lessons using {his} walking frame, arriving with the rest of the "
        "class, on 4 out of 5 school days",
        P(
            "An adult to help {name} move around the building, a lift pass and leaving "
            "lessons 5 minutes early",
            "Teaching assistant trained in moving and handling",
            "Between every lesson",
            "5 minutes each move",
            "1:1",
        ),
    ),
    S(
        "epsc",
        "fine motor skills",
        "finds handwriting, cutting and fastenings hard because of weak hand strength and control",
        "will write {his} name and a sentence legibly using a sloped board and a thick-grip pencil",
        P(
            "Fine motor programme set by an occupational therapist, with a sloped board, "
            "pencil grips and adapted scissors",
            "Teaching assistant, following the occupational therapist's programme",
            "4 times a week",
            "15 minutes each session",
            "1:1",
        ),
    ),
    S(
        "psc",
        "taking part in PE",
        "cannot take part in most PE activities without adaptations and often sits out",
        "will take part in every PE lesson, using adapted activities, for the whole lesson",
        P(
            "Adapted PE lessons planned with advice from the physiotherapist",
            "PE teacher with a teaching assistant",
            "Every PE lesson",
            "Whole lesson",
            "In class, with 1 adult for {name}",
        ),
    ),
)
