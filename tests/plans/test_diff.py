from typing import Any

from tests.plans.builders import fill
from thrive.plans import services
from thrive.plans.diff import Change, Field, Item, Section, compare, compare_sections
from thrive.plans.models import PlanVersion
from thrive.plans.selectors import version_snapshot


def need(key: str, title: str, text: str) -> Item:
    return Item(key, title, (Field("Need", text),))


def outcome(key: str, title: str, text: str, needs: dict[str, str]) -> Item:
    """`needs` maps each linked need's key to its number in this version."""
    link = Field("Needs it addresses", ",".join(sorted(needs)), ", ".join(needs.values()))
    return Item(key, title, (Field("Outcome", text), link))


def test_the_same_section_has_no_differences() -> None:
    section = Section("B", "Section B", items=(need("n1", "B1", "Reading"),))
    assert not compare_sections(section, section).has_changes


def test_items_are_matched_by_key_as_added_removed_or_changed() -> None:
    before = Section(
        "B", "Section B", items=(need("n1", "B1", "Reading"), need("n2", "B2", "Maths"))
    )
    after = Section(
        "B",
        "Section B",
        items=(need("n1", "B1", "Reading and spelling"), need("n3", "B2", "Speech")),
    )
    difference = compare_sections(before, after)
    assert [i.key for i in difference.added] == ["n3"]
    assert [i.key for i in difference.removed] == ["n2"]
    [changed] = difference.changed
    assert changed.changes == (Change("Need", "Reading", "Reading and spelling"),)


def test_renumbering_alone_is_not_a_change() -> None:
    """B2 becomes B1 when B1 is removed; an outcome linked to it still addresses the same need."""
    before = Section("E", "Section E", items=(outcome("o1", "E1", "Reads alone", {"n2": "B2"}),))
    after = Section("E", "Section E", items=(outcome("o1", "E1", "Reads alone", {"n2": "B1"}),))
    assert not compare_sections(before, after).has_changes


def test_a_changed_link_is_shown_by_number() -> None:
    before = Section("E", "Section E", items=(outcome("o1", "E1", "Reads", {"n1": "B1"}),))
    after = Section(
        "E", "Section E", items=(outcome("o1", "E1", "Reads", {"n1": "B1", "n2": "B2"}),)
    )
    [changed] = compare_sections(before, after).changed
    assert changed.changes == (Change("Needs it addresses", "B1", "B1, B2"),)


def test_section_fields_are_compared_and_optional_fields_may_appear() -> None:
    before = Section("A", "Section A", fields=(Field("Views", "Likes trains"),))
    after = Section(
        "A", "Section A", fields=(Field("Views", "Likes buses"), Field("History", "Moved in 2024"))
    )
    assert compare_sections(before, after).fields == (
        Change("Views", "Likes trains", "Likes buses"),
        Change("History", "", "Moved in 2024"),
    )


def test_a_section_missing_from_the_older_version_counts_as_empty() -> None:
    after = (Section("K", "Section K", items=(Item("advice:1", "Advice from health", ()),)),)
    [difference] = compare((), after)
    assert [i.title for i in difference.added] == ["Advice from health"]


def test_versions_of_a_real_plan_compare_item_by_item(
    officer: Any, issued_draft: PlanVersion
) -> None:
    final = services.plan_new_version(actor=officer, version=issued_draft, kind="final")
    need = final.needs.get()
    services.need_change(actor=officer, need=need, section="B", text="Reads two years behind.")
    services.need_add(actor=officer, version=final, section="C", text="Has asthma.")
    final = services.plan_change_placement(
        actor=officer, version=final, placement_type="mainstream_academy"
    )
    differences = {
        d.code: d for d in compare(version_snapshot(issued_draft), version_snapshot(final))
    }
    assert [c.changes for c in differences["B"].changed] == [
        (Change("Need", "Reads well below the expected level.", "Reads two years behind."),)
    ]
    assert [i.title for i in differences["C"].added] == ["C1"]
    assert differences["I"].fields == (Change("Type", "", "Mainstream school: academy"),)
    unchanged = {"A", "D", "E", "F", "G", "H1", "H2", "J", "K"}
    assert not any(differences[code].has_changes for code in unchanged)


def test_a_fresh_plan_differs_from_its_copy_in_nothing(officer: Any, draft: PlanVersion) -> None:
    fill(draft, officer)
    snapshot = version_snapshot(draft)
    assert [s.code for s in snapshot] == [
        "A",
        "B",
        "C",
        "D",
        "E",
        "F",
        "G",
        "H1",
        "H2",
        "I",
        "J",
        "K",
    ]
    assert not any(d.has_changes for d in compare(snapshot, version_snapshot(draft)))
