"""What a check finds: a problem in one place of the plan, and the finding it becomes once the
registry adds the check's identity, citation and whether it blocks issue."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ItemRef:
    """The exact place a finding is about: an item ("provision", 12, "Provision F3"), one of
    its fields, or a whole section ("section", None, "Section I")."""

    kind: str  # need, outcome, provision, advice, views, section
    id: int | None
    label: str
    field: str = ""  # e.g. "how_often", "views_child"; "" for the whole item

    def anchor(self, section: str) -> str:
        """A stable key for the item, usable as an HTML id: "provision-12", "section-I"."""
        if self.id is None:
            return f"{self.kind}-{section}"
        return f"{self.kind}-{self.id}"


@dataclass(frozen=True)
class Highlight:
    """A phrase to highlight in one field of the item: `value[start:end] == text`."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Problem:
    """What a check function returns: where, and what is wrong, in plain English."""

    section: str
    item: ItemRef
    message: str
    highlights: tuple[Highlight, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A problem with the check that found it: shown next to the item while the case officer
    writes the plan."""

    check: str  # the check's identifier, e.g. "provision-vague"
    title: str
    message: str
    section: str
    item: ItemRef
    citation: str
    blocking: bool  # should stop a final plan being issued
    highlights: tuple[Highlight, ...] = ()

    @property
    def anchor(self) -> str:
        return self.item.anchor(self.section)
