"""Loading the area SEND inspection framework's evaluation criteria: from a small text always,
and from the real summary beside the project (../shared/reference) where it is present."""

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from thrive.core.errors import Refusal
from thrive.improvement.framework import framework_load, framework_load_file, framework_parse
from thrive.improvement.models import Band, Criterion, Judgement

FRAMEWORK = Path(__file__).resolve().parents[2].parent / "shared" / "reference"
FRAMEWORK /= "inspection-framework.md"

SMALL = """# A framework

Some prose about it, with a - dash that is not a point.

## Experiences
**50. Needs identified accurately**
- Children are correctly identified.
- Needs are found **early enough**.

**51. Families take part**
- Families get impartial advice.

## Leadership
**55. Leaders are ambitious**
- An ambitious strategy.
- Leaders challenge each other.
- Decisions are quick.
"""


@pytest.fixture
def real_text() -> str:
    if not FRAMEWORK.is_file():
        pytest.skip(f"the framework summary is not at {FRAMEWORK}")
    return FRAMEWORK.read_text(encoding="utf-8")


def _bullets_by_paragraph(text: str) -> dict[int, list[str]]:
    """An independent reading of the file: each bullet line under its **NN. line."""
    bullets: dict[int, list[str]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("**") and line[2:4].isdigit():
            current = int(line[2:4])
            bullets[current] = []
        elif line.startswith("- ") and current is not None:
            bullets[current].append(line[2:].replace("**", "").strip())
        elif line.startswith("#"):
            current = None
    return bullets


def test_parses_areas_criteria_and_points_from_a_small_text() -> None:
    parsed = framework_parse(SMALL)
    assert [(c.paragraph, c.area, c.heading) for c in parsed] == [
        (50, "Experiences", "Needs identified accurately"),
        (51, "Experiences", "Families take part"),
        (55, "Leadership", "Leaders are ambitious"),
    ]
    assert parsed[0].points == [
        "Children are correctly identified.",
        "Needs are found early enough.",
    ]
    assert len(parsed[2].points) == 3


def test_loading_twice_updates_in_place(db: Any) -> None:
    first = framework_load(text=SMALL)
    assert (first.created, first.updated, first.unchanged) == (3, 0, 0)
    ids = dict(Criterion.objects.values_list("paragraph", "id"))
    again = framework_load(text=SMALL)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    changed = framework_load(text=SMALL.replace("Families take part", "Families shape plans"))
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 2)
    assert dict(Criterion.objects.values_list("paragraph", "id")) == ids
    assert Criterion.objects.get(paragraph=51).heading == "Families shape plans"


def test_a_judgement_stays_on_its_criterion_when_the_framework_is_reloaded(
    db: Any, manager: Any
) -> None:
    import datetime as dt

    framework_load(text=SMALL)
    criterion = Criterion.objects.get(paragraph=50)
    Judgement.objects.create(
        criterion=criterion,
        band=Band.POSITIVE,
        narrative="Good.",
        reviewed_on=dt.date(2026, 1, 5),
        reviewed_by=manager,
    )
    framework_load(text=SMALL.replace("Needs identified accurately", "Needs identified"))
    assert Judgement.objects.get().criterion.heading == "Needs identified"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# Nothing here\n\nJust prose.\n", "holds no evaluation criteria"),
        ("**50. Before any area**\n- A point.\n", "before any '## ' area heading"),
        ("## Area\n**50. No points**\n\n**51. B**\n- x\n", "Paragraph 50 has no bullet points"),
        ("## Area\n**50. A**\n- x\n**50. B**\n- y\n", "Paragraph 50 appears more than once"),
    ],
)
def test_refuses_a_file_without_proper_criteria(db: Any, text: str, message: str) -> None:
    framework_load(text=SMALL)
    with pytest.raises(Refusal, match=message):
        framework_load(text=text)
    assert Criterion.objects.count() == 3  # nothing changed


def test_a_failure_part_way_loads_nothing(db: Any, monkeypatch: Any) -> None:
    """Atomic: when a save fails after some criteria were written, none of them stay."""
    calls = {"n": 0}
    original = Criterion.objects.create

    def failing_create(**values: Any) -> Criterion:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("the disk is full")
        return original(**values)

    monkeypatch.setattr(Criterion.objects, "create", failing_create)
    with pytest.raises(RuntimeError):
        framework_load(text=SMALL)
    assert Criterion.objects.count() == 0


def test_a_missing_file_is_refused(db: Any, tmp_path: Path) -> None:
    with pytest.raises(Refusal, match="Cannot read"):
        framework_load_file(tmp_path / "missing.md")


def test_the_command_loads_and_skips_when_asked_if_empty(db: Any, tmp_path: Path) -> None:
    source = tmp_path / "framework.md"
    source.write_text(SMALL, encoding="utf-8")
    call_command("load-framework", str(source))
    assert Criterion.objects.count() == 3
    source.write_text(SMALL + "\n**56. Another**\n- Point.\n", encoding="utf-8")
    call_command("load-framework", "--if-empty", str(source))
    assert Criterion.objects.count() == 3
    call_command("load-framework", str(source))
    assert Criterion.objects.count() == 4


def test_the_command_refuses_a_file_with_no_criteria(db: Any, tmp_path: Path) -> None:
    source = tmp_path / "empty.md"
    source.write_text("# Nothing\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing was loaded"):
        call_command("load-framework", str(source))


def test_loads_every_paragraph_and_every_bullet_of_the_real_framework(
    db: Any, real_text: str
) -> None:
    report = framework_load_file(FRAMEWORK)
    assert report.created == 11
    loaded = {c.paragraph: c for c in Criterion.objects.all()}
    assert sorted(loaded) == list(range(50, 61))
    expected = _bullets_by_paragraph(real_text)
    assert sorted(expected) == list(range(50, 61))
    for paragraph, points in expected.items():
        assert loaded[paragraph].points == points, paragraph
    assert sum(len(c.points) for c in loaded.values()) == real_text.count("\n- ")
    assert loaded[50].area == "Children's and young people's experiences"
    assert loaded[60].area == "Leadership"
    assert loaded[52].heading == "The right help at the right time"


def test_no_template_holds_a_criterions_text(real_text: str) -> None:
    """The criteria are data: they reach pages and documents from the database only."""
    templates = Path(__file__).resolve().parents[2] / "src" / "thrive"
    text = "\n".join(
        path.read_text(encoding="utf-8") for path in templates.glob("*/templates/**/*.html")
    )
    for criterion in framework_parse(real_text):
        assert criterion.heading not in text, criterion.paragraph
        for point in criterion.points:
            assert point not in text, point
