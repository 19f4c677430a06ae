"""What children, young people and families say: section A of the plan ("all about me"),
the family's own views and their comments on a draft plan. Plain English, by age band:
e (early years, to 4), p (primary), s (secondary, to 15), c (16 and over)."""

from typing import Final

INTERESTS: Final = {
    "e": ("water play", "books with flaps", "singing nursery rhymes", "the sand tray",
          "bubbles", "the slide at the park", "toy cars and trains", "animals, especially dogs",
          "messy play", "music and dancing"),
    "p": ("football", "Minecraft", "drawing", "swimming", "dinosaurs", "Lego", "dancing",
          "baking", "trains and timetables", "animals", "riding {his} bike", "cartoons",
          "space and planets", "gymnastics"),
    "s": ("gaming with friends online", "football", "drawing manga", "music", "skateboarding",
          "cooking", "looking after {his} pets", "science videos", "boxing", "drama",
          "fishing with {his} family", "art and design"),
    "c": ("music production", "cooking", "gaming", "the gym", "photography",
          "volunteering at a charity shop", "cars and motorbikes", "fashion",
          "walking the dog", "animation", "football", "gardening"),
}  # fmt: skip

#: For words the child says about themselves: "riding {his} bike" -> "riding my bike".
FIRST_PERSON: Final = {"name": "I", "he": "I", "him": "me", "his": "my", "himself": "myself",
                       "He": "I", "His": "My"}  # fmt: skip

TRAITS: Final = ("kind", "funny", "caring", "determined", "creative", "loyal", "honest",
                 "cheerful", "gentle", "full of energy", "curious", "helpful", "brave",
                 "thoughtful")  # fmt: skip

#: (who the child lives with, who speaks for the family, "say" and "worry" to agree with
#: them, their pronoun)
FAMILIES: Final = (
    ("{his} mum and older sister", "{His} mum", "says", "worries", "She"),
    ("{his} parents and younger brother", "{His} parents", "say", "worry", "They"),
    ("{his} mum and stepdad", "{His} mum and stepdad", "say", "worry", "They"),
    ("{his} dad", "{His} dad", "says", "worries", "He"),
    ("{his} grandparents, who are {his} special guardians", "{His} grandparents", "say",
     "worry", "They"),
    ("{his} foster carers", "{His} foster carers", "say", "worry", "They"),
    ("{his} parents and two sisters", "{His} parents", "say", "worry", "They"),
    ("{his} mum, dad and baby brother", "{His} parents", "say", "worry", "They"),
    ("{his} mum", "{His} mum", "says", "worries", "She"),
)  # fmt: skip

UPSET: Final = ("crying and pulling away", "throwing things", "going quiet and hiding",
                "covering {his} ears", "lying on the floor", "biting {his} hand")  # fmt: skip

DISLIKES: Final = {
    "e": ("it is noisy", "things change without warning", "I have to wait",
          "there are lots of people"),
    "p": ("it is noisy", "people shout", "I have to write a lot", "I don't know what is "
          "happening", "playtime is too busy", "I get things wrong", "someone is in my space"),
    "s": ("teachers talk too fast", "I have to read out loud", "it is busy in the corridors",
          "people laugh at me", "I get given a detention for things I can't help",
          "there is a supply teacher"),
    "c": ("it is too loud in the canteen", "I don't know anyone", "I get lots of work at once",
          "people don't explain things"),
}  # fmt: skip

HELP_WITH: Final = {
    "e": ("talking", "playing with other children", "using the toilet", "sharing toys"),
    "p": ("my reading", "making friends", "knowing what happens next", "my writing",
          "maths", "calming down when I'm cross", "my spellings"),
    "s": ("my coursework", "keeping calm", "friendships", "remembering my homework",
          "getting to lessons on time", "revising for exams"),
    "c": ("planning my assignments", "travelling to college", "talking to new people",
          "money", "cooking for myself"),
}  # fmt: skip

BEST_AT_SCHOOL: Final = (
    "art", "PE", "golden time", "lunch", "computing", "music", "science experiments",
    "forest school", "reading with my helper",
)  # fmt: skip

TEACHERS_SHOULD: Final = (
    "explain things more than once without getting annoyed",
    "give me the work before the lesson",
    "not make me read out loud",
    "let me use my time-out card",
    "tell me about changes before they happen",
    "check I understand before I start",
)

CHILD_AIMS: Final = {
    "p": ("to be a vet", "to be a footballer", "to work with animals", "to be a chef",
          "to be a police officer", "to build houses", "to be a teacher", "to be an artist",
          "to be a scientist"),
    "s": ("to go to college to study art", "to be a mechanic", "to work in games design",
          "to be a nurse", "to join the army", "to work with children",
          "to go to college to study construction", "to be a hairdresser", "to be a vet"),
    "c": ("to get a paid job in a café", "to live in my own flat with some support",
          "to go to university", "to learn to drive", "to work in a garage",
          "to work with animals", "to get a job in retail", "to work in IT"),
}  # fmt: skip

FAMILY_HOPES: Final = {
    "e": ("talk and make friends", "be happy and settled at school", "learn to play with "
          "other children", "be as independent as possible"),
    "p": ("be happy and confident", "make good friends", "be as independent as possible",
          "learn to read and enjoy books", "move to secondary school feeling ready"),
    "s": ("get qualifications that help {him} into work", "have friends and be happy",
          "be confident to travel on {his} own", "go to college"),
    "c": ("live independently", "find a job {he} enjoys", "have a good circle of friends",
          "manage {his} own money and health"),
}  # fmt: skip

WORRIES: Final = {
    "e": ("whether {he} will learn to talk", "how {he} will cope when {he} starts school",
          "{his} sleep", "{him} not being understood"),
    "p": ("{him} falling further behind", "{him} being left out at playtime",
          "how anxious {he} gets before school", "the move to secondary school"),
    "s": ("{him} being bullied", "{his} exams", "{his} mental health",
          "what will happen after Year 11"),
    "c": ("what {he} will do after college", "{him} being taken advantage of",
          "where {he} will live as an adult", "{him} becoming isolated"),
}  # fmt: skip

FAMILY_WISHES: Final = (
    "staff to understand {him} and keep in touch with the family every week",
    "one plan that everyone follows, at home and at school",
    "{him} to have friends and to be happy",
    "to be listened to as the people who know {him} best",
    "the support in the plan written down clearly, so the family know what {he} will get",
)

#: The "all about me" questions (portal.FamilyViews), first person, by age band.
SUPPORT_ME: Final = (
    "Tell me what is going to happen before it happens.",
    "Give me time to answer and don't rush me.",
    "Show me what to do, not just tell me.",
    "Let me have a break when I start to get upset.",
    "Talk to me calmly and use my name first.",
    "Let me sit somewhere quiet to work.",
)

DRAFT_COMMENTS: Final = (
    "We agree with most of the draft, but section F does not say how many hours of "
    "support {name} will get each week. Please make this clear.",
    "We would like speech and language therapy to be delivered by a therapist, not only by "
    "a teaching assistant following a programme.",
    "Section A has the wrong year for {his} diagnosis. Please correct it.",
    "We are happy with the draft plan and thank everyone involved.",
    "The plan does not mention {his} sleep, which affects everything else. We would like "
    "this added to section C.",
    "We do not think the outcomes are ambitious enough for {him}. {He} can do more than "
    "the plan says.",
    "Please add that {name} needs a quiet space at lunchtime. This was in the "
    "educational psychologist's advice.",
    "We would like {name} to go to a different school that can meet {his} needs.",
    "We would like a meeting to talk about the provision in section F.",
)

#: A young person's own comments on their draft plan.
OWN_DRAFT_COMMENTS: Final = (
    "I agree with most of the plan, but I would like it to say that I can leave lessons 5 "
    "minutes early so I miss the busy corridors.",
    "Section A is right about me. Please add that I want to learn to drive.",
    "I don't want a support worker with me in every lesson. Please change section F so I "
    "can ask for help when I need it.",
)

#: Who asked for the assessment, by SEN2 request source (law.codes.REQUEST_SOURCES).
REQUESTED_BY: Final = {
    "1": "by {his} family",
    "2": "by {his} school or setting",
    "3": "by a health professional",
    "4": "by {his} social worker",
    "5": "by another professional",
}

#: When and how the need first showed, by SEN2 primary need.
NEED_HISTORY: Final = {
    "ASD": "Differences in {his} communication and play were first noticed in {noticed}, "
    "and {he} was diagnosed with autism by the community paediatric team in {diagnosed}.",
    "SLCN": "{His} speech and language were slow to develop, and {he} has been seen by the "
    "speech and language therapy service since {noticed}.",
    "SEMH": "Concerns about {his} wellbeing were first raised in {noticed}, and {he} has "
    "had support from the pastoral team and an early help plan since {diagnosed}.",
    "MLD": "{He} has made slower progress than others of {his} age since {noticed}, despite "
    "well-planned support at SEN support.",
    "SPLD": "Difficulties with reading and spelling were first noticed in {noticed}, and a "
    "specialist teacher's assessment in {diagnosed} identified dyslexia.",
    "SLD": "{His} development has been delayed in every area, and {he} has been known to "
    "the child development centre since {noticed}.",
    "PMLD": "{He} has had complex medical and developmental needs from birth and has been "
    "known to the child development centre since {noticed}.",
    "HI": "{His} hearing loss was identified in {noticed}, and {he} has had hearing aids "
    "and support from the sensory support service since {diagnosed}.",
    "VI": "{His} vision impairment was diagnosed in {noticed}, and the sensory support "
    "service has worked with {him} and {his} family since {diagnosed}.",
    "MSI": "{His} hearing and vision loss were identified in {noticed}, and the multi-"
    "sensory impairment team has supported {him} since {diagnosed}.",
    "PD": "{He} was diagnosed with cerebral palsy in {noticed} and has had physiotherapy "
    "and occupational therapy from the children's therapy service since then.",
    "DS": "{He} was born with Down syndrome and has been supported by the child "
    "development centre and the Portage service since {noticed}.",
    "OTH": "Concerns about {his} learning and development were first raised in {noticed}.",
}
