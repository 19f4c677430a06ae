"""Cognition and learning (SEND Code of Practice 6.30 to 6.31): moderate, severe and
profound learning difficulties, specific learning difficulties such as dyslexia, and Down
syndrome, with strands for attention and organisation any child may need."""

from typing import Final

from .types import Provision as P
from .types import Strand as S

LEARNING: Final = (
    S(
        "psc",
        "reading",
        "reads about 2 years below what is expected for {his} age and guesses at unfamiliar "
        "words rather than sounding them out",
        "will read a book at {his} level aloud with 95% accuracy and answer 3 questions "
        "about what {he} has read",
        P(
            "A structured phonics-based reading programme, with {his} progress checked against "
            "the programme's assessments every 6 weeks",
            "Teaching assistant trained in the programme, overseen by the SENCo",
            "4 times a week",
            "20 minutes each session",
            "1:1",
        ),
    ),
    S(
        "ps",
        "number",
        "does not yet have a secure understanding of place value, so {he} relies on "
        "counting on {his} fingers for most calculations",
        "will add and subtract two-digit numbers using a number line or base-ten equipment, "
        "getting 8 out of 10 questions right",
        P(
            "A structured maths intervention using concrete equipment, pictures and then "
            "numbers, with progress checked every half term",
            "Teaching assistant trained in the intervention",
            "3 times a week",
            "20 minutes each session",
            "Group of no more than 4",
        ),
    ),
    S(
        "epsc",
        "working memory",
        "forgets instructions and information quickly, so {he} often starts a task and then "
        "cannot remember what to do next",
        "will complete a 3-step task independently using a written or picture checklist, "
        "on 4 out of 5 occasions",
        P(
            "Task checklists and worked examples for every independent task, with adults "
            "checking in after each step",
            "Class or subject teachers, with a teaching assistant in core subjects",
            "Every lesson",
            "Throughout each lesson",
            "In class, with a teaching assistant shared with no more than 4 pupils",
        ),
    ),
    S(
        "psc",
        "writing",
        "finds writing slow and tiring; {his} spelling is hard to read, and {he} writes much "
        "less than {he} can say",
        "will write a paragraph of at least 5 sentences using a word bank and a writing "
        "frame, with most common words spelled correctly",
        P(
            "Touch-typing programme and a laptop for extended writing, plus a spelling "
            "programme using multi-sensory methods",
            "Teaching assistant trained in the spelling programme; IT technician sets up the "
            "laptop",
            "Typing practice 3 times a week; spelling programme twice a week",
            "15 minutes each session",
            "1:1",
        ),
    ),
    S(
        "sc",
        "exam access",
        "reads and processes written questions slowly, so {he} runs out of time in tests and "
        "leaves questions unanswered",
        "will complete timed assessments using {his} agreed exam arrangements, answering "
        "every question in at least 3 of 4 mock exams",
        P(
            "Assessment for exam access arrangements (25% extra time and a reader) and use of "
            "those arrangements in every test and mock exam",
            "Exams officer and a specialist assessor (Access Arrangements qualified)",
            "Assessment once in Year 9 or on entry; arrangements in every test",
            "As long as each test lasts, plus 25%",
            "In a small room with no more than 8 students",
        ),
    ),
    S(
        "ep",
        "early learning",
        "is at an early stage of play and learning for {his} age and needs an adult to show "
        "{him} how to use toys and equipment",
        "will join in with a simple activity, such as posting shapes or stacking cups, for 5 "
        "minutes with an adult",
        P(
            "Small steps learning programme (Portage approach) with targets shared with home",
            "Key person, with visits from the Portage home visitor",
            "Daily in the setting; Portage visits once a fortnight",
            "15 minutes each session",
            "1:1",
        ),
    ),
)

SEVERE: Final = (
    S(
        "epsc",
        "communication",
        "does not use spoken words and communicates by reaching, vocalising and using some "
        "Makaton signs",
        "will use {his} communication book or device to make a choice between 2 or more "
        "things, such as snack or activity, every day",
        P(
            "A total communication approach: Makaton signing by all staff, objects of "
            "reference and a communication device set up for {name}",
            "Class team trained in Makaton; speech and language therapist sets up and reviews "
            "the device",
            "Throughout every day; therapist review each half term",
            "Throughout the day",
            "Class of no more than 8 with 1 adult to 2 pupils",
        ),
    ),
    S(
        "epsc",
        "personal care",
        "needs an adult for all personal care, including toileting, dressing and eating",
        "will take part in dressing by pushing {his} arms into sleeves and pulling up a "
        "zip, with hand-over-hand help fading to a prompt",
        P(
            "Personal care routines taught step by step, with {name} doing more of each step "
            "as {he} learns it",
            "Two trained staff for personal care",
            "At every personal care routine",
            "As long as each routine takes",
            "2 adults to 1 pupil",
        ),
    ),
    S(
        "psc",
        "early literacy",
        "recognises {his} own name and some familiar symbols but does not yet read words",
        "will match 20 familiar symbols to their words and pictures, such as those on "
        "{his} timetable",
        P(
            "Symbol-based literacy sessions using {name}'s own timetable and interests",
            "Class teacher with a teaching assistant",
            "Daily",
            "20 minutes each session",
            "Group of no more than 4",
        ),
    ),
    S(
        "epsc",
        "sensory exploration",
        "learns best through touch, sound and movement and needs a planned sensory curriculum",
        "will show what {he} likes and dislikes through {his} own consistent responses, "
        "recorded by staff, across 5 sensory activities",
        P(
            "A sensory curriculum including sensory stories, rebound therapy and a sensory "
            "room, planned around {name}'s responses",
            "Class team trained in sensory approaches; rebound therapy by a qualified instructor",
            "Daily sensory activity; rebound therapy once a week",
            "30 minutes each session",
            "1:1",
        ),
    ),
)

DOWN: Final = (
    S(
        "epsc",
        "learning through seeing",
        "learns best through seeing and doing, and finds spoken instructions alone hard to follow",
        "will follow {his} visual timetable and task boards to move between activities "
        "with a single prompt",
        P(
            "Visual timetables, task boards and signing used across the day",
            "Class team trained in Makaton and visual approaches",
            "Throughout every day",
            "Throughout the day",
            "In class, with 1 adult to 3 pupils",
        ),
    ),
    S(
        "psc",
        "reading",
        "is learning to read by sight and recognises about 30 familiar words",
        "will read 60 familiar words by sight and read a simple sentence made from them",
        P(
            "The See and Learn reading programme",
            "Teaching assistant trained in the programme",
            "Daily",
            "15 minutes each session",
            "1:1",
        ),
    ),
)

OTHER: Final = (
    S(
        "epsc",
        "attention and listening",
        "finds it hard to listen and attend in large groups and misses parts of teaching",
        "will listen to a whole-group input for 10 minutes and say what {he} has to do next",
        P(
            "Attention and listening programme, and key instructions repeated to {name} "
            "individually",
            "Teaching assistant",
            "3 times a week",
            "15 minutes each session",
            "Group of no more than 4",
        ),
    ),
    S(
        "psc",
        "organisation",
        "finds it hard to organise {his} equipment and remember what {he} needs for each day",
        "will bring the right equipment for each day using {his} checklist, on 4 out of 5 days",
        P(
            "Daily organisation check using a visual checklist, with a spare equipment pack",
            "Form tutor or teaching assistant",
            "Every morning",
            "5 minutes",
            "1:1",
        ),
    ),
)
