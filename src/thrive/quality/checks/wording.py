"""Vague wording in provision: the phrases that leave whether, how much or how often a child
receives provision to someone's later judgement.

Provision "must be detailed and specific and should normally be quantified" (SEND Code of
Practice 9.69), "so specific and so clear as to leave no room for doubt" (L v Clarke and
Somerset CC [1998] ELR 129); "support", "input", "interventions" and "opportunities" are
unlikely to suffice (Worcestershire CC v SE [2020] UKUT 217 (AAC), para 74).

`vague_phrases` returns each phrase with its position, so a page can highlight it. Some words
are vague only when nothing else in the statement pins the provision down:

- "access to", "opportunities", "offered", "available" say what is available, not what the
  child receives; they pass when the statement fixes the amount (a frequency and a duration,
  or every lesson / at all times) and what is accessed is named (a therapist, a room), not
  generic ("support", "services");
- "regular", "frequent", "periodic", "ongoing" pass when an explicit frequency is given;
- "small group" passes when the group's size is given;
- bare "support", "input", "interventions", "help", "strategies" pass when the statement
  says how much or how often;
- "up to", "a maximum of" are ceilings on provision only when they cap time, sessions,
  money or a percentage ("up to 5 hours"); a cap on a group ("groups of up to 4 pupils") or
  on language ("no more than 3 key words") is specific;
- "may", "might", "could", "should" are hedges when they govern the provision, not inside a
  clause about the child ("what she should do next"), and "May" the month is not a modal.

Other text of the same provision (who, how often, how long, group size) can be passed as
`context`: it counts as evidence of quantity but is never searched for phrases itself."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Vagueness(StrEnum):
    """Why a phrase is vague, in words a case officer can act on."""

    HEDGE = "hedge"
    DISCRETION = "discretion"
    DELEGATED = "delegated"
    CEILING = "ceiling"
    AVAILABILITY = "availability"
    FREQUENCY = "frequency"
    GROUP = "group"
    IMPRECISE = "imprecise"
    GENERIC = "generic"

    @property
    def advice(self) -> str:
        return _ADVICE[self]


_ADVICE: Final = {
    Vagueness.HEDGE: "does not commit to the provision: say what will happen",
    Vagueness.DISCRETION: "leaves the amount to someone's judgement: say how much and how often",
    Vagueness.DELEGATED: "leaves the provision to be decided later: the plan must say it",
    Vagueness.CEILING: "sets a most, not an amount: state the amount the child will receive",
    Vagueness.AVAILABILITY: (
        "says what is available, not what the child will receive: say how often and for how long"
    ),
    Vagueness.FREQUENCY: "gives no number for how often or how long: give one",
    Vagueness.GROUP: "gives no group size: say how many children (or the ratio)",
    Vagueness.IMPRECISE: "is not a definite amount: state it",
    Vagueness.GENERIC: "does not say what the provision is or how much of it there is",
}


@dataclass(frozen=True)
class VaguePhrase:
    """A vague phrase in a text: `text[start:end] == phrase`."""

    start: int
    end: int
    phrase: str
    kind: Vagueness


@dataclass(frozen=True)
class Quantity:
    """What a provision statement says about how much: the evidence that excuses words that
    are vague only on their own."""

    frequency: bool  # "3 times a week", "weekly", "every Monday"
    amount: bool  # "30 minutes", "2 hours", "25%", "half a day"
    occasions: bool  # "in every lesson", "at all times", "for all written work"
    group_size: bool  # "1:1", "a group of 4", "6 pupils"

    @property
    def fixed(self) -> bool:
        """The amount is fixed: how often and how long, or on every occasion."""
        return (self.frequency and self.amount) or self.occasions

    @property
    def says_how_much(self) -> bool:
        """Anything about how much or how often (a group size alone says neither)."""
        return self.frequency or self.amount or self.occasions


_F: Final = re.IGNORECASE
_NUMBER_WORDS: Final = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|forty-five|fifty|sixty|ninety|hundred)"
)
_NUMBER: Final = rf"(?:\d+(?:[.,]\d+)*|{_NUMBER_WORDS})"
_DAYS: Final = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
_MONTHS: Final = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
_PERIODS: Final = (
    r"(?:days?|weeks?|fortnights?|months?|terms?|half[- ]terms?|years?|mornings?|afternoons?|"
    r"evenings?|nights?|school\s+days?|working\s+days?|minutes|hours)"
)
_FREQUENCY: Final = re.compile(
    rf"\b(?:daily|weekly|fortnightly|monthly|termly|half[- ]termly|annual(?:ly)?|yearly|nightly|"
    rf"bi-?annual(?:ly)?|quarterly|hourly|"
    rf"twice|once|thrice|{_NUMBER}\s*(?:x|times)\b|x\s*\d+\b|"
    rf"(?:an?|per|each|every|other)\s+(?:\d+\s+|other\s+)?{_PERIODS}\b|"
    rf"(?:every|each|on)\s+{_DAYS}\b|{_DAYS}\s+and\s+{_DAYS}\b|"
    rf"(?:every|each)\s+(?:{_MONTHS}|(?:autumn|spring|summer)\s+term)\b)",
    _F,
)
_AMOUNT: Final = re.compile(
    rf"(?:(?<!year )(?<!stage )(?<!level )(?<!size )\b{_NUMBER}\s*(?:-\s*|\s)?"
    rf"(?:[a-z]+[\s-]+){{0,2}}?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|terms?|"
    rf"sessions?|lessons?|periods?|visits?|stays?|nights?|instalments?|blocks?|seconds?)\b|"
    rf"\ban?\s+hour\b|\bhalf\s+(?:an?\s+)?(?:hour|day|term)\b|"
    rf"\bhalf[- ](?:hour|day|term)\b|\b\d+(?:\.\d+)?\s*(?:%|per\s*cent|mg|ml)|£\s?\d|"
    rf"\b\d+\s*pounds\b|\bfull[- ]time\b|"
    rf"\d{{1,2}}[:.]\d{{2}}\s*(?:to|-|–|until)\s*\d{{1,2}}[:.]\d{{2}})",
    _F,
)
_OCCASIONS: Final = re.compile(
    r"\b(?:every|each|all|any)\s+(?:of\s+(?:the|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:lessons?|tests?|exams?|examinations?|transitions?|breaks?|lunchtimes?|playtimes?|"
    r"tasks?|work|trips?|assembl(?:y|ies)|sessions?|activit(?:y|ies)|subjects?|journeys?|"
    r"visits?|meals?|occasions?|changes?|care|time|instructions?|questions?)\b|"
    r"\bat\s+(?:all|any)\s+times?\b|"
    r"\ball\s+(?:of\s+)?(?:the\s+|every\s+)?(?:school\s+)?day\b|"
    r"\bwhole\s+(?:of\s+(?:the\s+|every\s+)?)?(?:school\s+)?day\b|\bfull[- ]time\b",
    _F,
)
_GROUP_SIZE: Final = re.compile(
    rf"\b\d\s*:\s*\d\b|\bone[- ]to[- ]one\b|\b1[- ]to[- ]1\b|"
    rf"\b(?:groups?|class(?:es)?)\s+of\s+(?:no\s+more\s+than\s+|up\s+to\s+|a\s+maximum\s+of\s+|"
    rf"at\s+most\s+|between\s+|about\s+)?{_NUMBER}\b|"
    rf"\b{_NUMBER}\s+(?:pupils|children|students|learners|peers|young\s+people|adults)\b|"
    rf"\b(?:maximum|max)\.?\s+(?:of\s+)?\d+|\bindividual(?:ly)?\b|\bpairs?\b|\bpaired\b|"
    rf"\bwhole[- ]class\b",
    _F,
)


def quantity(text: str) -> Quantity:
    """The evidence of quantity in a provision statement."""
    return Quantity(
        frequency=bool(_FREQUENCY.search(text)),
        amount=bool(_AMOUNT.search(text)),
        occasions=bool(_OCCASIONS.search(text)),
        group_size=bool(_GROUP_SIZE.search(text)),
    )


# --- Rules -------------------------------------------------------------------------------

#: Decides whether a match is vague, given the text and what the statement says about amount.
Condition = Callable[[str, re.Match[str], Quantity], bool]


def _always(text: str, match: re.Match[str], amount: Quantity) -> bool:
    return True


_GENERIC_OBJECT: Final = re.compile(
    r"\b(?:support|help|input|interventions?|services?|provision|resources?|professionals?|"
    r"specialists?|agencies|staff|adults?|advice|strategies|programmes?|activities|equipment|"
    r"therap(?:y|ies)|opportunit(?:y|ies))\b",
    _F,
)


def _unless_fixed_and_named(text: str, match: re.Match[str], amount: Quantity) -> bool:
    """Availability is specific when the amount is fixed and what is offered is named."""
    if not amount.fixed:
        return True
    following = " ".join(text[match.end() :].split()[:4])
    return bool(_GENERIC_OBJECT.search(following))


def _unless_frequency(text: str, match: re.Match[str], amount: Quantity) -> bool:
    return not amount.frequency


def _unless_group_size(text: str, match: re.Match[str], amount: Quantity) -> bool:
    return not amount.group_size


_VERB_BEFORE: Final = re.compile(
    r"\b(?:to|will|can|could|may|might|should|would|must|shall|and|or|who|which|that|also|"
    r"then|not|further|helps?)\s+$",
    _F,
)
_NAME_AFTER: Final = re.compile(
    r"\s*(?:workers?|assistants?|plans?|services?|staff|teams?|groups?|units?|tutors?|officers?|"
    r"practitioners?|networks?|hubs?|bases?|centres?|teachers?|coordinators?|co-ordinators?|"
    r"leads?|managers?|dogs?|animals?)\b",
    _F,
)


def _bare(text: str, match: re.Match[str], amount: Quantity) -> bool:
    """ "Support" as a noun, not part of a name ("support worker"), with nothing about how
    much or how often."""
    if _VERB_BEFORE.search(text[: match.start()]) or _NAME_AFTER.match(text[match.end() :]):
        return False
    return not amount.says_how_much


_SUBORDINATE: Final = re.compile(
    r"\b(?:what|how|when|where|whether|why|if|whenever|wherever|so\s+that|in\s+case)\s+"
    r"(?:[\w'-]+\s+){0,2}$",
    _F,
)
_MONTH_BEFORE: Final = re.compile(
    r"(?:\b(?:in|by|until|till|from|of|before|after|during|each|every|since|through|to|and|or|"
    r"early|late|mid|end|last|next|this)|\d)[\s-]*$",
    _F,
)
_MONTH_AFTER: Final = re.compile(r"[\s,]*(?:\d|half[- ]?term|holiday|half\b|and\b)", _F)


def _modal(text: str, match: re.Match[str], amount: Quantity) -> bool:
    """A hedge, unless inside a clause about the child ("what he should do") or the month."""
    if match.group(0) == "May" and (
        _MONTH_BEFORE.search(text[: match.start()]) or _MONTH_AFTER.match(text[match.end() :])
    ):
        return False
    clause = re.split(r"[,;:.()\n]", text[: match.start()])[-1]
    return not _SUBORDINATE.search(clause)


_PROVISION_UNITS: Final = (
    r"(?:minutes?|mins?|hours?|hrs?|sessions?|times|days?|weeks?|visits?|lessons?|periods?|"
    r"nights?|stays?|blocks?|appointments?|contacts?)"
)
_CEILING: Final = (
    r"\b(?:up\s+to|(?:a\s+)?maximum\s+of|max(?:imum)?\.?|no\s+more\s+than|not\s+more\s+than|"
    r"not\s+exceeding|at\s+most|capped\s+at)\s+"
)
_AFTER_AVAILABLE: Final = r"(?:available|accessible)"

_RULES: Final[tuple[tuple[Vagueness, re.Pattern[str], Condition], ...]] = (
    # Discretion: someone decides later whether and how much.
    (
        Vagueness.DISCRETION,
        re.compile(
            r"\b(?:as|when|where|if|whenever|wherever)\s+(?:and\s+when\s+)?(?:deemed\s+)?"
            r"(?:appropriate|required|req(?:'?d\b|\.)|needed|necessary|directed|identified|"
            r"requested|indicated)(?:\b|(?<=\.))|"
            r"\bas\s*(?:/|&|and)\s*when(?:\s+(?:required|needed|necessary|appropriate))?\b|"
            r"\bdeemed\s+(?:necessary|appropriate|suitable)\b|"
            r"\b(?:when|whenever|if|as)\s+(?:he|she|they|[A-Z]\w+)\s+(?:needs?|requires?|wants?)\s+"
            r"(?:it|them|one|this|these|that|support|help)\b|"
            r"\bad[- ]?hoc\b|\bflexib(?:le|ly|ility)\b",
            _F,
        ),
        _always,
    ),
    (
        Vagueness.DISCRETION,
        re.compile(
            r"(?<!age-)(?<!age )(?<!developmentally )(?<![\w-])appropriate(?:ly)?\b",
            _F,
        ),
        _always,
    ),
    # Delegated: the plan leaves the provision to be decided elsewhere.
    (
        Vagueness.DELEGATED,
        re.compile(
            r"\bat\s+(?:the\s+)?(?:[\w']+\s+){0,2}?discretion\b|"
            r"\bto\s+be\s+(?:determined|decided|agreed|confirmed|discussed|established|"
            r"finali[sz]ed|arranged)\b|\b(?:tbc|tba|tbd)\b|"
            r"\bas\s+(?:advised|recommended|directed|determined|decided|specified)\s+by\b|"
            r"\bsubject\s+to\s+(?:availability|funding|resources|capacity|agreement|approval)\b|"
            rf"\b(?:where|when|if)\s+(?:it\s+is\s+|they\s+are\s+|places\s+are\s+|one\s+is\s+)?"
            rf"{_AFTER_AVAILABLE}\b|"
            r"\b(?:resources|funding|staffing|time)\s+permitting\b|"
            r"\b(?:depending|dependent|depends|contingent)\s+(?:up)?on\b|"
            r"\b(?:if|when|where|should|once)\s+(?:any\s+)?(?:concerns?|difficulties|problems|"
            r"issues)\s+(?:arise|are\s+raised|are\s+identified|emerge|occur|persist|increase)\b|"
            r"\bif\s+(?:his|her|their|[A-Z]\w+'s)\s+needs\s+(?:change|increase)\b",
            _F,
        ),
        _always,
    ),
    # Hedges: the provision is not promised.
    (Vagueness.HEDGE, re.compile(r"\b(?:may|might|could|should)\b", _F), _modal),
    (
        Vagueness.HEDGE,
        re.compile(
            r"\bwould\s+(?:benefit|help|be\s+(?:helpful|beneficial|useful|good|ideal|advisable|"
            r"preferable))\b|\bbenefit(?:s|ed|ing)?\s+from\b|"
            r"\b(?:try|tries|trying|attempts?|aims?|endeavours?|strives?)\s+to\b|"
            r"\b(?:be|being|been|is|are)\s+considered\b|\bconsideration\b|"
            r"\b(?:will|to|should|may|could)\s+consider\b|"
            r"\b(?:where|when|if|wherever|whenever)\s+(?:at\s+all\s+)?(?:possible|practicable|"
            r"practical|feasible)\b|\bas\s+(?:far|much|often|soon|early|quickly|many|long)\s+as\s+"
            r"(?:possible|practicable|practical|feasible)\b|\breasonably\s+practicable\b|"
            r"\b(?:is|are)\s+recommended\b|\brecommends\b|\bit\s+is\s+(?:suggested|advised)\b",
            _F,
        ),
        _always,
    ),
    # Ceilings on the amount of provision.
    (
        Vagueness.CEILING,
        re.compile(
            rf"{_CEILING}(?:£\s?{_NUMBER}(?:\s*k\b)?|{_NUMBER}\s*(?:%|per\s*cent\b|pounds\b)|"
            rf"{_NUMBER}(?:\s*-\s*|\s+)(?:[a-z]+[\s-]+){{0,2}}?{_PROVISION_UNITS}\b)",
            _F,
        ),
        _always,
    ),
    # Availability rather than delivery.
    (
        Vagueness.AVAILABILITY,
        re.compile(
            r"\b(?:(?:have|has|having|given|with|allowed|direct|free|open)\s+)?access\s+to\b|"
            r"\bopportunit(?:y|ies)\b|\bchances?\s+to\b|"
            r"\b(?:be|been|being|is|are)\s+offered\b|\boffer\s+of\b|\b(?:made\s+)?available\b",
            _F,
        ),
        _unless_fixed_and_named,
    ),
    # How often, without a number.
    (
        Vagueness.FREQUENCY,
        re.compile(
            r"\bregular(?:ly)?\b|\bfrequent(?:ly)?\b|\bperiodic(?:al(?:ly)?|ally)?\b|"
            r"\bon[- ]?going\b|\broutinely\b",
            _F,
        ),
        _unless_frequency,
    ),
    (
        Vagueness.FREQUENCY,
        re.compile(
            r"\boccasional(?:ly)?\b|\bfrom\s+time\s+to\s+time\b|\bat\s+times\b|\bsometimes\b|"
            r"\bnow\s+and\s+(?:then|again)\b|\bat\s+intervals\b|\bintermittent(?:ly)?\b|"
            r"\bsporadic(?:ally)?\b|\bover\s+time\b|\bin\s+due\s+course\b|"
            r"\bin\s+the\s+(?:near\s+)?future\b|\beventually\b|\bat\s+(?:some|a\s+later)\s+"
            r"(?:point|stage|date)\b",
            _F,
        ),
        _always,
    ),
    # Groups and staffing without a size.
    (Vagueness.GROUP, re.compile(r"\bsmall[- ]groups?\b", _F), _unless_group_size),
    (
        Vagueness.GROUP,
        re.compile(
            r"\b(?:high(?:er)?|enhanced|increased|good|generous|low)\s+(?:staff(?:ing)?\s+|"
            r"adult\s+)?(?:ratios?|staffing)\b",
            _F,
        ),
        _always,
    ),
    # Amounts that are not definite.
    (
        Vagueness.IMPRECISE,
        re.compile(
            rf"\b(?:approximately|approx\.?|roughly|around|about|circa)\s+(?:£\s?)?{_NUMBER}\b|"
            r"\bsome\s+(?:1:1|one[- ]to[- ]one|adult|additional|extra|individual|small[- ]group|"
            r"support|help|time|input|sessions?|access|teaching|therapy|interventions?|"
            r"opportunit(?:y|ies))\b|"
            r"\b(?:a\s+)?(?:small|limited|certain|reasonable)\s+number\s+of\b|\ba\s+number\s+of\b|"
            r"\ba\s+few\b|\bseveral\b|\bnumerous\b|"
            r"\b(?:a\s+)?(?:range|variety|selection|mixture)\s+of\b|\bvarious\b|"
            r"\bvar(?:ies|ied|iable|ying)\b|"
            r"(?<!as )\bpart\s+of\s+the\s+(?:school\s+)?(?:day|week|time|term|year)\b",
            _F,
        ),
        _always,
    ),
    # Words that name no provision in particular.
    (
        Vagueness.GENERIC,
        re.compile(
            r"\b(?:tailored|matched|suited|personali[sz]ed|geared|adapted)\s+to\s+(?:meet\s+)?"
            r"(?:(?:his|her|their|individual|specific|each\s+[\w']+|the\s+[\w']+)\s+)?"
            r"(?:(?:individual|specific|particular|own)\s+)?needs?\b|"
            r"\brelevant\s+(?:staff|professionals?|agencies|adults|people|services|members\s+of\s+"
            r"staff|colleagues|partners|specialists?|practitioners?)\b|"
            r"\b(?:be|being|are|is|remain|made|kept|been)\s+aware\s+of\b|\bawareness\s+of\b",
            _F,
        ),
        _always,
    ),
    (
        Vagueness.GENERIC,
        re.compile(r"\b(?:support|input|interventions?|help|assistance|strategies)\b", _F),
        _bare,
    ),
)


def vague_phrases(text: str, *, context: str = "") -> tuple[VaguePhrase, ...]:
    """The vague phrases in `text`, in order, overlapping ones merged. `context` is other text
    about the same provision (who, how often, how long): evidence of quantity only.

    Source: SEND Code of Practice 9.69; L v Clarke and Somerset CC [1998] ELR 129;
    Worcestershire CC v SE [2020] UKUT 217 (AAC), para 74."""
    amount = quantity(f"{text}\n{context}")
    found = [
        (match.start(), match.end(), kind)
        for kind, pattern, condition in _RULES
        for match in pattern.finditer(text)
        if match.end() > match.start() and condition(text, match, amount)
    ]
    return tuple(
        VaguePhrase(start, end, text[start:end], kind) for start, end, kind in _merged(found)
    )


def _merged(spans: Iterable[tuple[int, int, Vagueness]]) -> list[tuple[int, int, Vagueness]]:
    """Overlapping spans become one, named by the longest of them."""
    merged: list[tuple[int, int, Vagueness]] = []
    for start, end, kind in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if merged and start < merged[-1][1]:
            first, last, first_kind = merged[-1]
            longest = first_kind if last - first >= end - start else kind
            merged[-1] = (first, max(last, end), longest)
        else:
            merged.append((start, end, kind))
    return merged


def is_unquantified(text: str, *, context: str = "") -> bool:
    """Nothing in the statement says how much or how often: no frequency, no amount and no
    occasion ("in every lesson"). Code of Practice 9.69: provision "should normally be
    quantified"."""
    return not quantity(f"{text}\n{context}").says_how_much


def is_vague(text: str, *, context: str = "") -> bool:
    """Whether a whole provision statement is vague: it has vague wording, or it says nothing
    about how much or how often (Code of Practice 9.69)."""
    return bool(vague_phrases(text, context=context)) or is_unquantified(text, context=context)
