"""The wording of a weak plan: provision that is not specified or quantified ("access to",
"regular", "as appropriate") and outcomes without a time frame. Real plans carry these
often enough that a quality check must find them (Code of Practice 9.69: provision "must
be detailed and specific and should normally be quantified")."""

from typing import Final

WHAT: Final = (
    "Access to {topic} support as appropriate",
    "Support as needed with {topic}",
    "Regular support with {topic}",
    "Up to 5 hours a week of adult support with {topic}",
    "{name} will have access to a programme for {topic} if required",
    "Opportunities to develop {topic}",
)
WHO: Final = ("School staff", "Staff as appropriate", "Relevant professionals",
              "Adult support", "TA", "School or setting staff")  # fmt: skip
HOW_OFTEN: Final = ("Regular", "As needed", "As appropriate", "Regularly",
                    "When required", "Up to 3 times a week")  # fmt: skip
HOW_LONG: Final = ("Ongoing", "As appropriate", "Up to 30 minutes",
                   "As long as needed", "Throughout the year")  # fmt: skip
GROUP_SIZE: Final = ("Small group", "As appropriate", "Small group or 1:1 as appropriate",
                     "Varies", "Whole class")  # fmt: skip

OUTCOMES: Final = (
    "will make progress with {topic}",
    "will be supported to develop {topic}",
    "will continue to work on {topic}",
)
TIME_FRAMES: Final = ("In the future", "Over time", "Ongoing", "Long term",
                      "By the end of school", "As soon as possible")  # fmt: skip

#: Words a reviewer looks for: none of them appears in a well-written strand.
MARKERS: Final = ("access to", "regular", "as appropriate", "as needed", "up to",
                  "if required", "when required", "opportunities", "ongoing",
                  "in the future", "over time", "long term", "as soon as possible",
                  "support as needed", "as long as needed", "varies")  # fmt: skip
