"""What changed between two versions of a plan. Pure Python over snapshots (no database), so
any two versions can be compared, and the same snapshot draws the plan document.

A snapshot is the plan's sections in order, A to K. A section has fields (section A's views,
section I's setting) and items (needs, outcomes, provisions, advice). An item is matched across
versions by its key, which copies keep, so an edited item shows as changed, not as removed and
added. Links between items (the needs an outcome addresses) are compared by the linked items'
keys and shown by their numbers, so renumbering alone is not a change."""

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    """One labelled value. ``value`` is compared; ``shown`` (if set) is what people read."""

    label: str
    value: str
    shown: str = ""

    @property
    def text(self) -> str:
        return self.shown or self.value


@dataclass(frozen=True)
class Item:
    key: str
    title: str  # its number in this version: "B1", "E2", "H1.1"
    fields: tuple[Field, ...]
    pk: int = field(default=0, compare=False)  # the row, for change links; never compared


@dataclass(frozen=True)
class Section:
    code: str  # "A" to "K"
    title: str  # "Section B: Special educational needs"
    fields: tuple[Field, ...] = ()
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class ItemChange:
    before: Item
    after: Item
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class SectionDifference:
    code: str
    title: str
    fields: tuple[Change, ...]
    added: tuple[Item, ...]
    removed: tuple[Item, ...]
    changed: tuple[ItemChange, ...]

    @property
    def has_changes(self) -> bool:
        return bool(self.fields or self.added or self.removed or self.changed)


def _field_changes(before: Iterable[Field], after: Iterable[Field]) -> tuple[Change, ...]:
    old = {f.label: f for f in before}
    new = {f.label: f for f in after}
    labels = list(old) + [label for label in new if label not in old]
    empty = Field("", "")
    return tuple(
        Change(label, old.get(label, empty).text, new.get(label, empty).text)
        for label in labels
        if old.get(label, empty).value != new.get(label, empty).value
    )


def compare_sections(before: Section, after: Section) -> SectionDifference:
    old = {item.key: item for item in before.items}
    new = {item.key: item for item in after.items}
    changed = []
    for key, item in new.items():
        if key in old and (changes := _field_changes(old[key].fields, item.fields)):
            changed.append(ItemChange(old[key], item, changes))
    return SectionDifference(
        code=after.code,
        title=after.title,
        fields=_field_changes(before.fields, after.fields),
        added=tuple(item for key, item in new.items() if key not in old),
        removed=tuple(item for key, item in old.items() if key not in new),
        changed=tuple(changed),
    )


def compare(before: Iterable[Section], after: Iterable[Section]) -> tuple[SectionDifference, ...]:
    """Section by section, in the order of ``after``; a section missing from one side counts
    as empty there."""
    old = {section.code: section for section in before}
    return tuple(
        compare_sections(old.get(section.code, Section(section.code, section.title)), section)
        for section in after
    )
