"""Communication and interaction (SEND Code of Practice 6.28 to 6.29): speech, language
and communication needs, and autism. Strands: a need (section B), the outcome sought (E)
and the special educational provision that meets it (F)."""

from typing import Final

from .types import Provision as P
from .types import Strand as S

COMMUNICATION: Final = (
    S(
        "ep",
        "understanding spoken language",
        "understands short, familiar instructions but loses track of longer ones, especially "
        "in a busy room, and then copies what other children do",
        "will follow a two-part instruction given to the whole group, such as 'get your book "
        "and sit on the carpet', without an adult repeating it, on 4 out of 5 occasions",
        P(
            "Instructions broken into short steps, backed up with pictures or objects of "
            "reference, and a targeted language programme set by a speech and language "
            "therapist",
            "Speech and language therapist sets and reviews the programme; a teaching assistant "
            "trained by the therapist delivers it",
            "Programme 3 times a week; therapist review each half term",
            "20 minutes each session",
            "Group of no more than 3",
        ),
    ),
    S(
        "eps",
        "speech sounds",
        "has speech sound difficulties, so unfamiliar adults and other children understand "
        "only about half of what {he} says",
        "will be understood by a familiar adult in conversation 80% of the time, measured by "
        "the speech and language therapist's intelligibility rating",
        P(
            "Speech sound therapy using the programme written by {his} speech and language "
            "therapist, with the target sounds shared with home each week",
            "Speech and language therapist; a trained teaching assistant between therapy visits",
            "Therapist once a fortnight; teaching assistant 4 times a week",
            "15 minutes each session",
            "1:1",
        ),
    ),
    S(
        "psc",
        "vocabulary",
        "has a much smaller vocabulary than others of {his} age, which makes it hard for "
        "{him} to follow new topics and explain what {he} knows",
        "will learn and use 10 key words for each new topic, explaining what each means in "
        "{his} own words, for every topic in the year",
        P(
            "Pre-teaching of the key words for each topic using word maps, pictures and "
            "examples, checked again at the end of the topic",
            "Teaching assistant trained in vocabulary teaching, with topic words from the "
            "class or subject teacher",
            "Twice a week",
            "20 minutes each session",
            "Group of no more than 4",
        ),
    ),
    S(
        "psc",
        "expressive language",
        "finds it hard to put ideas into sentences in the right order, so {his} spoken and "
        "written explanations are short and hard to follow",
        "will retell a short story or explain an event in the right order, using 'first', "
        "'next' and 'finally', in at least 3 sentences",
        P(
            "Narrative therapy using story planners and colour-coded sentence frames, with "
            "{name}'s targets reviewed by a speech and language therapist",
            "Speech and language therapist (6 sessions a year, including a review); trained "
            "teaching assistant for the programme",
            "Twice a week",
            "30 minutes each session",
            "Group of no more than 3",
        ),
    ),
    S(
        "sc",
        "social communication",
        "misreads jokes, sarcasm and tone of voice, which leads to arguments with other "
        "students that {he} cannot explain afterwards",
        "will use a strategy agreed with staff, such as asking 'are you joking?', to check "
        "what someone meant, and will have no more than one recorded falling-out a month",
        P(
            "Social communication group working on reading tone of voice, jokes and repair "
            "strategies, using video and role play",
            "Speech and language therapist with a trained learning support assistant",
            "Once a week for 2 terms, then once a fortnight",
            "45 minutes each session",
            "Group of no more than 5",
        ),
    ),
)

AUTISM: Final = (
    S(
        "ep",
        "managing changes to routine",
        "finds changes to routine very hard and becomes distressed, sometimes leaving the "
        "room, when plans change without warning",
        "will cope with a planned change to {his} day, such as a new adult or a trip, using "
        "{his} visual timetable and a warning, staying in the room on 4 out of 5 occasions",
        P(
            "A personalised visual timetable gone through with {name} at the start of each "
            "session, and a 'now and next' board to prepare {him} for any change",
            "Class teacher, with a teaching assistant trained in autism",
            "Every morning and afternoon session",
            "10 minutes each session",
            "1:1",
        ),
    ),
    S(
        "sc",
        "managing changes to routine",
        "finds unexpected changes, such as a room change or a cover teacher, very hard and "
        "can shut down or walk out of the building",
        "will manage an unexpected change to {his} timetable by checking {his} planner and "
        "using the agreed quiet space for no more than 10 minutes before going back to "
        "lessons",
        P(
            "A named key adult who tells {name} about changes before the day starts, a planner "
            "kept current, and an agreed quiet space {he} can use with a time-out card",
            "Named key adult (a learning support assistant trained in autism)",
            "Daily check-in before the first lesson",
            "10 minutes",
            "1:1",
        ),
    ),
    S(
        "eps",
        "sensory differences",
        "is very sensitive to noise, so busy rooms such as the hall and dining room cause "
        "{him} to cover {his} ears and refuse to go in",
        "will eat lunch in the dining room with ear defenders and a seat at the end of a "
        "table for 3 days a week, building to 5 days",
        P(
            "Sensory plan from the occupational therapist's assessment: ear defenders, an "
            "agreed seat away from the busiest area, and movement breaks at set times",
            "Teaching assistant trained to follow the sensory plan",
            "Movement breaks 3 times a day; plan reviewed each term",
            "5 minutes each break",
            "1:1",
        ),
    ),
    S(
        "ep",
        "play and interaction",
        "plays mostly alone, putting toys in rows, and does not yet respond when other children "
        "try to join {his} play",
        "will take 5 turns in a shared game with an adult and one other child, such as "
        "rolling a ball or building a tower",
        P(
            "Attention Autism ('bucket time') sessions and adult-led turn-taking games built "
            "on {name}'s own interests",
            "Key person or teaching assistant trained in Attention Autism",
            "4 times a week",
            "15 minutes each session",
            "Group of no more than 4",
        ),
    ),
    S(
        "psc",
        "friendships",
        "wants friends but does not know how to start or keep a conversation going, and "
        "spends most break times alone",
        "will start and keep going a conversation of at least 4 turns with a peer at break "
        "time, twice a week, without adult prompting",
        P(
            "A lunchtime club built around {name}'s interests, with structured conversation "
            "games, and social skills sessions using comic strip conversations",
            "Teaching assistant trained in social skills teaching",
            "Club twice a week; social skills session once a week",
            "30 minutes each",
            "Group of no more than 6",
        ),
    ),
    S(
        "psc",
        "emotional regulation",
        "can become overwhelmed and shout or run off, and needs help to notice the early "
        "signs that {he} is becoming anxious",
        "will use {his} 5-point scale to show how {he} feels and pick a calming strategy "
        "before reaching crisis, on 4 out of 5 occasions recorded by staff",
        P(
            "Teaching of the 5-point scale and calming strategies, and a personalised plan "
            "shared with every adult who works with {name}",
            "Emotional literacy support assistant (ELSA) trained by the educational "
            "psychology service",
            "Once a week for 12 weeks, then every fortnight",
            "30 minutes each session",
            "1:1",
        ),
    ),
    S(
        "c",
        "independent study",
        "finds it hard to organise {his} time and coursework without a clear structure, and "
        "missed 3 deadlines last term",
        "will hand in every assignment by its deadline, using a weekly plan {he} writes "
        "with {his} learning support assistant",
        P(
            "Weekly study skills session to break assignments into steps, plan the week and "
            "check progress against deadlines",
            "Learning support assistant trained in autism",
            "Once a week",
            "45 minutes",
            "1:1",
        ),
    ),
)
