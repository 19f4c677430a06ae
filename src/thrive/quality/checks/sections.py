"""Sections A (views), I (placement) and K (advice)."""

import re
from collections.abc import Iterable, Iterator
from typing import Final

from .record import PlanRecord
from .results import ItemRef, Problem

# --- Section A ---------------------------------------------------------------------------

_PLACEHOLDER: Final = re.compile(
    r"(?:n/?a|none|nil|not\s+applicable|tbc|tba|to\s+follow|to\s+be\s+added|not\s+known|"
    r"unknown|not\s+available|see\s+(?:above|below|attached)|-+|\.+)",
    re.IGNORECASE,
)
#: The last year group in which the plan speaks for a child (with their parents) rather than
#: a young person over compulsory school age (Children and Families Act 2014, s.83(2)).
LAST_CHILD_YEAR: Final = 11


def _blank(text: str) -> bool:
    said = text.strip()
    return not said or bool(_PLACEHOLDER.fullmatch(said))


def _views(field: str, label: str) -> ItemRef:
    return ItemRef("views", None, label, field)


def views_child_missing(record: PlanRecord) -> Iterator[Problem]:
    """Section A has no views of the child or young person themselves (SEND Regulations
    2014, reg. 12(1)(a); Children and Families Act 2014, s.19(a))."""
    if _blank(record.views.child):
        yield Problem(
            "A",
            _views("views_child", "Section A: the child's or young person's views"),
            "Section A does not give the child's or young person's own views. Record them in "
            "their words, or say how they were gathered if they communicate without words.",
        )


def views_family_missing(record: PlanRecord) -> Iterator[Problem]:
    """Section A has no views of the child's parents (reg. 12(1)(a)); not asked of a young
    person over compulsory school age."""
    child = record.year_group is None or record.year_group <= LAST_CHILD_YEAR
    if child and _blank(record.views.family):
        yield Problem(
            "A",
            _views("views_family", "Section A: the parents' or carers' views"),
            "Section A does not give the parents' or carers' views.",
        )


def interests_aspirations_missing(record: PlanRecord) -> Iterator[Problem]:
    """Section A without interests or aspirations (reg. 12(1)(a): "views, interests and
    aspirations")."""
    for field, label, value in (
        ("interests", "interests", record.views.interests),
        ("aspirations", "aspirations for the future", record.views.aspirations),
    ):
        if _blank(value):
            yield Problem(
                "A",
                _views(field, f"Section A: {label}"),
                f"Section A does not give the child's or young person's {label}.",
            )


# --- Section I ---------------------------------------------------------------------------


def placement_missing(record: PlanRecord) -> Iterator[Problem]:
    """A final plan names neither a school or other institution nor its type in section I
    (SEND Regulations 2014, reg. 12(1)(i)). A draft must leave it empty."""
    if record.is_final and not record.placement_named:
        yield Problem(
            "I",
            ItemRef("section", None, "Section I"),
            "Section I is empty: a final plan must name the school or other institution and "
            "its type, or the type only.",
        )


# --- Section K ---------------------------------------------------------------------------


def advice_not_in_section_k(record: PlanRecord) -> Iterator[Problem]:
    """Advice received for the assessment but not appended in section K (SEND Regulations
    2014, reg. 12; Code of Practice 9.62)."""
    for advice in record.advice:
        if not advice.in_section_k:
            yield Problem(
                "K",
                ItemRef("advice", advice.id, advice.label),
                f"{advice.label} was received but is not appended in section K.",
            )


#: Where each contributor's advice shows in a plan, for advice given without itemised needs
#: and provision.
CONTRIBUTOR_SECTIONS: Final = {
    "educational_psychology": ("B", "F"),
    "education": ("B", "F"),
    "health": ("C", "G"),
    "social_care": ("D", "H1", "H2"),
}
_STOPWORD_TEXT: Final = (
    "the and for with from that this will his her their they them she him has have had are "
    "was were been being into onto each every all any who what when where which how per "
    "week weeks day days time times minutes minute hour hours session sessions term terms "
    "year years month months school class staff adult adults child children young person "
    "also more most less than such very well able can could should would may might must "
    "not only other own our out over under about after before during until within"
)
_STOPWORDS: Final = frozenset(_STOPWORD_TEXT.split())
#: The share of a recommendation's words that must appear together in one item of the plan.
REFLECTED_SHARE: Final = 0.5


def _words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z]+", text.lower())
    return frozenset(_stem(w) for w in words if len(w) > 2 and w not in _STOPWORDS)


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _plan_texts(record: PlanRecord) -> list[frozenset[str]]:
    texts = [n.text for n in record.needs] + [o.text for o in record.outcomes]
    texts += [" ".join((p.what, p.who, p.how_often, p.how_long)) for p in record.provisions]
    return [_words(t) for t in texts]


def _reflected(recommendation: str, plan: Iterable[frozenset[str]]) -> bool:
    wanted = _words(recommendation)
    if not wanted:
        return True
    needed = max(min(2, len(wanted)), round(REFLECTED_SHARE * len(wanted)))
    return any(len(wanted & words) >= needed for words in plan)


def _short(text: str, limit: int = 70) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def advice_not_reflected(record: PlanRecord) -> Iterator[Problem]:
    """Advice whose needs and provision appear nowhere in the plan (Code of Practice 9.61:
    plans take into account the evidence from the assessment). A word-overlap heuristic:
    advisory only."""
    plan = _plan_texts(record)
    used = {n.section for n in record.needs} | {p.section for p in record.provisions}
    for advice in record.advice:
        if advice.recommendations:
            missing = [r for r in advice.recommendations if not _reflected(r, plan)]
            if missing:
                shown = "; ".join(f'"{_short(r)}"' for r in missing[:3])
                more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
                yield Problem(
                    "K",
                    ItemRef("advice", advice.id, advice.label),
                    f"{advice.label} sets out needs or provision the plan does not seem to "
                    f"reflect: {shown}{more}. Add them, or record why not.",
                )
        elif (sections := CONTRIBUTOR_SECTIONS.get(advice.contributor)) and not (
            used & set(sections)
        ):
            yield Problem(
                "K",
                ItemRef("advice", advice.id, advice.label),
                f"{advice.label} was received but sections {_and(sections)} are empty.",
            )


def _and(words: tuple[str, ...]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
