"""Loading the Ofsted/CQC area SEND inspection framework's evaluation criteria as data.

The framework summary (`../shared/reference/inspection-framework.md` beside the project) is
Markdown: each `## ` heading is an area ("Leadership"), each `**NN. Heading**` line a
criterion with its paragraph number, and the `- ` bullet points under it the criterion's
points. Loading updates each criterion in place by its paragraph number (judgements made on it
stay linked), in one transaction, so running it again changes nothing and a bad file changes
nothing either. The text of the criteria lives only in the database: templates never hold it."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from thrive.core.errors import Refusal

from .models import Criterion

#: Where the framework lives, relative to the project (the checkout's folder).
DEFAULT_PATH = Path("..") / "shared" / "reference" / "inspection-framework.md"

_AREA = re.compile(r"^##\s+(?P<area>.+?)\s*$")
_CRITERION = re.compile(r"^\*\*(?P<paragraph>\d+)\.\s+(?P<heading>.+?)\*\*\s*$")
_POINT = re.compile(r"^[-*]\s+(?P<point>.+?)\s*$")
_EMPHASIS = re.compile(r"(\*\*|\*|__)")


@dataclass
class ParsedCriterion:
    paragraph: int
    area: str
    heading: str
    points: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LoadReport:
    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def _plain(text: str) -> str:
    """The text without Markdown emphasis markers: the pages and the PDF style it themselves."""
    return _EMPHASIS.sub("", text).strip()


def framework_parse(text: str) -> list[ParsedCriterion]:
    """Every criterion of the framework's text, in the order written. Refuses a text with no
    criteria, a criterion before any area, a criterion without points, or a paragraph number
    given twice."""
    criteria: list[ParsedCriterion] = []
    area = ""
    current: ParsedCriterion | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if heading := _AREA.match(stripped):
            area, current = _plain(heading["area"]), None
        elif found := _CRITERION.match(stripped):
            if not area:
                raise Refusal(
                    f"Line {number}: criterion {found['paragraph']} comes before any "
                    "'## ' area heading."
                )
            current = ParsedCriterion(int(found["paragraph"]), area, _plain(found["heading"]))
            criteria.append(current)
        elif (point := _POINT.match(stripped)) and current is not None:
            current.points.append(_plain(point["point"]))
        elif stripped and not point:
            current = None  # prose ends a criterion's list of points
    if not criteria:
        raise Refusal(
            "The file holds no evaluation criteria: expected lines such as "
            "'**50. Needs identified accurately**' under '## ' area headings."
        )
    seen: set[int] = set()
    for criterion in criteria:
        if criterion.paragraph in seen:
            raise Refusal(f"Paragraph {criterion.paragraph} appears more than once.")
        seen.add(criterion.paragraph)
        if not criterion.points:
            raise Refusal(f"Paragraph {criterion.paragraph} has no bullet points.")
    return criteria


@transaction.atomic
def framework_load(*, text: str) -> LoadReport:
    """Create or update every criterion in `text` by its paragraph number, all or nothing.
    Criteria the file no longer holds are kept (a judgement may point at them)."""
    parsed = framework_parse(text)
    existing = {c.paragraph: c for c in Criterion.objects.select_for_update()}
    created = updated = unchanged = 0
    for item in parsed:
        values = {"area": item.area, "heading": item.heading, "points": item.points}
        criterion = existing.get(item.paragraph)
        if criterion is None:
            Criterion.objects.create(paragraph=item.paragraph, **values)
            created += 1
        elif all(getattr(criterion, name) == value for name, value in values.items()):
            unchanged += 1
        else:
            for name, value in values.items():
                setattr(criterion, name, value)
            criterion.save(update_fields=list(values))
            updated += 1
    return LoadReport(created=created, updated=updated, unchanged=unchanged)


def framework_load_file(path: Path) -> LoadReport:
    """`framework_load` from a file; a missing or unreadable file is refused."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise Refusal(f"Cannot read {path}: {error.strerror or error}.") from None
    return framework_load(text=text)
