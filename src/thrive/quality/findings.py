"""Automated checks for a plan version: builds the checks' plan record from the database (a
fixed number of queries, however many items the plan has) and groups the findings by the item
they point to, so the plan page can show each next to its item.

The rules themselves are pure Python in `thrive.quality.checks`; see docs/quality.md."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.utils import timezone

from thrive.advice.models import AdviceRequest
from thrive.law import clock
from thrive.plans.models import DRAFT_KINDS, PlanVersion
from thrive.plans.selectors import PlanContents, submitted_advice, version_contents

from . import checks


def version_findings(version: PlanVersion, *, today: dt.date | None = None) -> list[checks.Finding]:
    """Every finding for the version, in the plan's order. `today` dates an unissued version
    (for the child's year group); an issued version is dated by its issue."""
    return checks.run_checks(version_record(version, today=today))


def contents_findings(
    contents: PlanContents, *, today: dt.date | None = None
) -> list[checks.Finding]:
    """The same, for contents a page has already loaded with `plans.selectors`."""
    return checks.run_checks(contents_record(contents, today=today))


def version_record(version: PlanVersion, *, today: dt.date | None = None) -> checks.PlanRecord:
    """The plan record the checks read. Pass a version with its plan, case and child loaded
    (as `plans.selectors.version_get_for` gives it) to save three queries."""
    return contents_record(version_contents(version), today=today)


def contents_record(contents: PlanContents, *, today: dt.date | None = None) -> checks.PlanRecord:
    version = contents.version
    case = version.plan.case
    on = version.issued_on or today or timezone.localdate()
    return checks.PlanRecord(
        kind=checks.DRAFT if version.kind in DRAFT_KINDS else checks.FINAL,
        year_group=checks.national_curriculum_year(case.child.date_of_birth, on),
        views=checks.Views(
            child=version.views_child,
            family=version.views_family,
            interests=version.interests,
            aspirations=version.aspirations,
        ),
        needs=tuple(
            checks.Need(need.pk, contents.number(need), need.section, need.text)
            for need in contents.needs
        ),
        outcomes=tuple(
            checks.Outcome(
                outcome.pk,
                contents.number(outcome),
                outcome.text,
                time_frame=outcome.time_frame,
                achieve_by=outcome.achieve_by,
                need_ids=frozenset(need.pk for need in outcome.needs.all()),
                adulthood_area=outcome.adulthood_area,
            )
            for outcome in contents.outcomes
        ),
        provisions=tuple(
            checks.Provision(
                provision.pk,
                contents.number(provision),
                provision.section,
                provision.what,
                who=provision.who,
                how_often=provision.how_often,
                how_long=provision.how_long,
                group_size=provision.group_size,
                outcome_ids=frozenset(outcome.pk for outcome in provision.outcomes.all()),
            )
            for provision in contents.provisions
        ),
        placement_named=bool(version.placement_setting_id or version.placement_type),
        advice=_advice(contents),
    )


def _advice(contents: PlanContents) -> tuple[checks.Advice, ...]:
    """Advice given for the case and not withdrawn, and any other advice section K appends."""
    appended = {advice.pk for advice in contents.advice}
    received = list(
        submitted_advice(contents.version.plan.case)
        .prefetch_related("items")
        .order_by("submitted_at", "id")
    )
    records = [
        checks.Advice(
            advice.pk,
            _label(advice),
            advice.contributor,
            in_section_k=advice.pk in appended,
            recommendations=tuple(item.text for item in advice.items.all()),
        )
        for advice in received
    ]
    given = {advice.pk for advice in received}
    records += [
        checks.Advice(advice.pk, _label(advice), advice.contributor, in_section_k=True)
        for advice in contents.advice
        if advice.pk not in given
    ]
    return tuple(records)


def _label(advice: AdviceRequest) -> str:
    """ "Advice from health (given 3 November 2025)": two pieces of advice from one
    contributor are told apart by date."""
    title = clock.Contributor(advice.contributor).advice_label
    if advice.submitted_at is None:
        return title
    return f"{title} (given {clock.render_date(timezone.localtime(advice.submitted_at).date())})"


def findings_by_item(findings: Iterable[checks.Finding]) -> dict[str, list[checks.Finding]]:
    """Findings grouped by the item they point to, keyed by its anchor ("provision-12",
    "outcome-3", "views-A", "section-I", "advice-7"), each group in the order given."""
    grouped: defaultdict[str, list[checks.Finding]] = defaultdict(list)
    for finding in findings:
        grouped[finding.anchor].append(finding)
    return dict(grouped)
