"""Social, emotional and mental health difficulties (SEND Code of Practice 6.32 to
6.33)."""

from typing import Final

from .types import Provision as P
from .types import Strand as S

SEMH: Final = (
    S(
        "ep",
        "settling and separation",
        "becomes very distressed when {he} separates from {his} parent at the start of the "
        "day and takes a long time to settle",
        "will separate from {his} parent and settle to an activity within 10 minutes of "
        "arriving, on 4 out of 5 days",
        P(
            "A consistent greeting from {his} key person, a comfort object from home and a "
            "picture 'goodbye routine'",
            "Key person",
            "Every morning",
            "15 minutes at the start of each session",
            "1:1",
        ),
    ),
    S(
        "psc",
        "managing anxiety",
        "experiences high levels of anxiety about school, which shows as stomach aches in "
        "the morning and refusing to come into class",
        "will come into school and go to {his} first lesson with a planned meet and greet "
        "on 9 out of 10 school days",
        P(
            "A planned meet and greet at the gate with a trusted adult, a quiet start in a "
            "small room, and a graded plan to build back to full lessons",
            "Trusted adult (pastoral lead or learning mentor)",
            "Every school day",
            "15 minutes at the start of each day",
            "1:1",
        ),
    ),
    S(
        "epsc",
        "emotional regulation",
        "has sudden outbursts when {he} feels frustrated or criticised, and then finds it "
        "hard to calm down and repair the relationship",
        "will use a calming strategy from {his} plan, such as the quiet area or a movement "
        "break, and return to learning within 15 minutes, on 4 out of 5 occasions",
        P(
            "Zones of Regulation teaching, a co-regulation plan shared with all staff, and a "
            "restorative conversation after each incident",
            "Emotional literacy support assistant (ELSA), supervised by the educational "
            "psychologist",
            "Once a week, plus a restorative conversation after each incident",
            "30 minutes each session",
            "1:1",
        ),
    ),
    S(
        "psc",
        "relationships with adults",
        "finds it hard to trust adults after disrupted early experiences and tests "
        "boundaries with new staff",
        "will name 2 adults in school {he} trusts and go to one of them for help when {he} "
        "is upset, as recorded in weekly check-ins",
        P(
            "A key adult relationship using an attachment-aware approach, with a daily "
            "check-in and check-out",
            "Key adult trained in attachment and trauma-informed practice",
            "Twice a day, at the start and end of the day",
            "10 minutes each",
            "1:1",
        ),
    ),
    S(
        "sc",
        "self-esteem",
        "has very low self-esteem, often says {he} is 'stupid', and gives up on work "
        "before trying it",
        "will try a new task for at least 10 minutes before asking for help, and name one "
        "thing {he} has done well each week in mentoring",
        P(
            "Mentoring using solution-focused approaches, and praise linked to effort rather "
            "than results, agreed by all staff",
            "Learning mentor",
            "Once a week",
            "40 minutes",
            "1:1",
        ),
    ),
    S(
        "ps",
        "attention",
        "finds it hard to sit and concentrate for more than a few minutes and often leaves "
        "{his} seat during lessons",
        "will stay on a task for 15 minutes with a movement break planned in, on 4 out of 5 "
        "occasions",
        P(
            "Work split into short chunks with a timer, planned movement breaks and a seat "
            "near the teacher",
            "Class teacher with a teaching assistant",
            "Every lesson",
            "Throughout each lesson",
            "In class, with a teaching assistant shared with no more than 4 pupils",
        ),
    ),
    S(
        "c",
        "attendance",
        "has missed a third of college sessions this year because of anxiety and low mood",
        "will attend at least 90% of timetabled sessions in each half term",
        P(
            "Weekly meeting with a named support worker to review attendance, plan for "
            "difficult days and agree a catch-up plan for missed work",
            "Named college support worker",
            "Once a week",
            "30 minutes",
            "1:1",
        ),
    ),
)
