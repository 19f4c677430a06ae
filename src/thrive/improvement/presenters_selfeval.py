"""The self-evaluation, ready for its templates: each criterion with its points, its judgement
as a tag and words, when it was last reviewed (stale after 6 months, said in words), what it
links to, and its live figures as text with their dates. The figures always hide small
numbers, as the dashboard's downloads do: the self-evaluation is shared with inspectors and
partners. Templates compute nothing and hold no criterion's text."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from thrive.insight import presenters as insight_presenters
from thrive.insight.measures import BY_KEY, Kind
from thrive.insight.suppression import count_figure, share_figure
from thrive.law.clock import render_date
from thrive.quality.models import Rating

from .models import Band, Criterion
from .selectors_selfeval import (
    FEEDBACK_THEMES,
    LIVE_SOURCES,
    QUALITY_AUDITED,
    QUALITY_GOOD,
    LiveFigures,
    ThemeCount,
    judgement_of,
)

STALE_AFTER_MONTHS = 6
NOT_YET_EVALUATED = "Not yet evaluated"

_BAND_COLOURS = {
    Band.POSITIVE: "green",
    Band.INCONSISTENT: "yellow",
    Band.SIGNIFICANT_CONCERNS: "red",
}


@dataclass(frozen=True)
class Tag:
    text: str
    colour: str = ""


@dataclass(frozen=True)
class FigureLine:
    """One live figure: what it is, its value as text, what it is out of, and its date."""

    key: str
    label: str
    value: str
    detail: str
    dated: str


@dataclass(frozen=True)
class ThemeTable:
    caption: str
    rows: list[ThemeCount]
    total: str
    dated: str


@dataclass
class CriterionView:
    paragraph: int
    area: str
    heading: str
    title: str  # "50. Needs identified ..."
    points: list[str]
    band: Tag
    evaluated: bool
    narrative_paragraphs: list[str] = field(default_factory=list)
    reviewed: str = ""
    stale: bool = False
    evidence: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    figures: list[FigureLine] = field(default_factory=list)
    feedback: ThemeTable | None = None


@dataclass
class AreaView:
    name: str
    criteria: list[CriterionView]


def band_tag(band: str | None) -> Tag:
    if not band:
        return Tag(NOT_YET_EVALUATED, "grey")
    return Tag(Band(band).label, _BAND_COLOURS[Band(band)])


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):  # the same day, or the month's last day if it has none
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


def is_stale(reviewed_on: dt.date, today: dt.date) -> bool:
    """Reviewed more than 6 calendar months before `today`."""
    return reviewed_on < _months_before(today, STALE_AFTER_MONTHS)


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def time_ago(day: dt.date, today: dt.date) -> str:
    """ "today", "3 days ago", "1 month ago", "over 8 months ago", "over 2 years ago"."""
    if day >= today:
        return "today"
    months = (today.year - day.year) * 12 + today.month - day.month
    if today.day < day.day:
        months -= 1
    if months < 1:
        return f"{_plural((today - day).days, 'day')} ago"
    over = "over " if _months_before(today, months) != day else ""
    if months < 24:
        return f"{over}{_plural(months, 'month')} ago"
    over = "over " if months % 12 or over else ""
    return f"{over}{_plural(months // 12, 'year')} ago"


def reviewed_text(reviewed_on: dt.date, reviewer: str, today: dt.date) -> str:
    text = f"Last reviewed {time_ago(reviewed_on, today)}, on {render_date(reviewed_on)}"
    text += f", by {reviewer}." if reviewer else "."
    if is_stale(reviewed_on, today):
        text += (
            f" It is due for review: judgements are reviewed at least every "
            f"{STALE_AFTER_MONTHS} months."
        )
    return text


def _clock_time(moment: dt.datetime) -> str:
    local = timezone.localtime(moment)
    hour, noon = local.hour % 12 or 12, "am" if local.hour < 12 else "pm"
    return f"{hour}:{local.minute:02d}{noon} on {render_date(local.date())}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def period_text(figures: LiveFigures) -> str:
    period = figures.period
    return f"the 12 months from {render_date(period.start)} to {render_date(period.end)}"


def insight_dated(figures: LiveFigures) -> str:
    if figures.insight_counted_at is None:
        when = "not yet counted by the dashboard"
    else:
        when = f"as the dashboard counted them at {_clock_time(figures.insight_counted_at)}"
    return _capital(f"{period_text(figures)}, {when}.")


def live_dated(figures: LiveFigures) -> str:
    return _capital(f"{period_text(figures)}, counted as at {render_date(figures.today)}.")


def figure_line(key: str, figures: LiveFigures) -> FigureLine | None:
    """The figure `key` names, or None for the feedback table (shown as a table) and keys
    Thrive no longer knows."""
    measure = BY_KEY.get(key)
    numbers = figures.insight
    if measure is not None:
        headline = insight_presenters.figure(measure.headline, numbers, suppress=True)
        detail = ""
        if measure.headline.kind is Kind.SHARE:
            out_of = count_figure(int(numbers.get(measure.headline.denominator, 0)), suppress=True)
            label = next(
                (c.label for c in measure.columns if c.key == measure.headline.denominator), ""
            )
            detail = f"{measure.headline.label}, out of {out_of.text} ({label.lower()})"
        elif measure.headline.kind is Kind.WEEKS:
            detail = measure.headline.label
        return FigureLine(key, measure.name, headline.text, detail, insight_dated(figures))
    if key == QUALITY_AUDITED:
        plans = int(figures.plans_audited.get("plans", 0))
        audited = int(figures.plans_audited.get("audited", 0))
        return FigureLine(
            key,
            LIVE_SOURCES[key],
            share_figure(audited, plans, suppress=True).text,
            f"Out of {count_figure(plans, suppress=True).text} final plans issued",
            live_dated(figures),
        )
    if key == QUALITY_GOOD:
        audits = int(figures.ratings.get("audits", 0))
        good = sum(int(figures.ratings.get(r, 0)) for r in (Rating.OUTSTANDING, Rating.GOOD))
        return FigureLine(
            key,
            LIVE_SOURCES[key],
            share_figure(good, audits, suppress=True).text,
            f"Out of {count_figure(audits, suppress=True).text} audits completed",
            live_dated(figures),
        )
    return None


def theme_table(figures: LiveFigures) -> ThemeTable:
    return ThemeTable(
        caption=f"Family feedback by theme, {period_text(figures)}",
        rows=figures.themes,
        total=f"{figures.feedback_total:,} pieces of feedback received altogether. "
        "One piece can have several themes.",
        dated=live_dated(figures),
    )


def criterion_view(criterion: Criterion, figures: LiveFigures | None) -> CriterionView:
    judgement = judgement_of(criterion)
    view = CriterionView(
        paragraph=criterion.paragraph,
        area=criterion.area,
        heading=criterion.heading,
        title=f"{criterion.paragraph}. {criterion.heading}",
        points=list(criterion.points),
        band=band_tag(judgement.band if judgement else None),
        evaluated=judgement is not None,
    )
    if judgement is None:
        return view
    today = figures.today if figures else timezone.localdate()
    reviewer = judgement.reviewed_by.get_full_name() or judgement.reviewed_by.get_username()
    view.narrative_paragraphs = [p.strip() for p in judgement.narrative.split("\n\n") if p.strip()]
    view.reviewed = reviewed_text(judgement.reviewed_on, reviewer, today)
    view.stale = is_stale(judgement.reviewed_on, today)
    view.evidence = [e.title for e in judgement.evidence.all()]
    view.actions = [
        f"{a.title} (due {render_date(a.due_on)}, {a.get_status_display().lower()})"
        for a in judgement.actions.all()
    ]
    if figures is not None:
        for key in judgement.measure_keys:
            if key == FEEDBACK_THEMES:
                view.feedback = theme_table(figures)
            elif (line := figure_line(key, figures)) is not None:
                view.figures.append(line)
    return view


def by_area(views: list[CriterionView]) -> list[AreaView]:
    """The criteria under their areas, in the framework's order."""
    areas: list[AreaView] = []
    for view in views:
        if not areas or areas[-1].name != view.area:
            areas.append(AreaView(view.area, []))
        areas[-1].criteria.append(view)
    return areas


def summary(views: list[CriterionView]) -> dict[str, Any]:
    """How many criteria have a judgement, are due for review, and are in each band."""
    counts = {band.label: 0 for band in Band}
    for view in views:
        if view.evaluated:
            counts[view.band.text] += 1
    return {
        "total": len(views),
        "evaluated": sum(v.evaluated for v in views),
        "stale": sum(v.stale for v in views),
        "bands": list(counts.items()),
    }


def as_at(today: dt.date) -> str:
    return f"as at {render_date(today)}"
