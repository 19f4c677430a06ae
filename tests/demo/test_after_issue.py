"""The synthetic plan's life after issue: annual reviews, amended plans, phase transfers,
ceasing, mediation and appeals; planned in pure Python and written in bulk."""

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.db.models import F

from tests.demo.conftest import TODAY, area_spec, planned
from thrive.core.models import AuditEntry
from thrive.demo.generator import PlannedChild, generate_area
from thrive.demo.generator.after_issue import AfterOdds, plan_after_issue
from thrive.demo.generator.school import school_year
from thrive.disputes.models import Appeal, Mediation
from thrive.forecasting.categories import CATEGORY_NCYS, setting_category
from thrive.law import codes
from thrive.law import reviews as law
from thrive.plans.models import EhcPlan, Outcome, PlanVersion, Provision, VersionKind
from thrive.plans.models_reviews import AnnualReview, Cessation

AREA = 500
ESTABLISHED = 0.4


@pytest.fixture(scope="module")
def children() -> list[PlannedChild]:
    _, children = planned(area_spec(children=2000, established=ESTABLISHED))
    return children


@pytest.fixture(scope="module")
def area(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Any]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield generate_area(children=AREA, seed=1, years=4, today=TODAY, established=ESTABLISHED)
        transaction.set_rollback(True)


# --- Planning (no database) ----------------------------------------------------------


def test_the_same_seed_plans_the_same_life_after_issue(children: list[PlannedChild]) -> None:
    spec = area_spec(children=2000, established=ESTABLISHED)
    odds = AfterOdds.from_calibration(spec.calibration)
    for c in children[:300]:
        again = plan_after_issue(
            odds, seed=1, number=c.number, born=c.date_of_birth, events=c.events,
            final_on=c.plan.final_on if c.plan else None, today=TODAY,
        )  # fmt: skip
        assert again == c.after


def test_reviews_follow_the_due_dates_some_late_some_missing(children: list[PlannedChild]) -> None:
    late = on_time = overdue_without_meeting = 0
    for c in children:
        if c.plan is None or c.plan.final_on is None:
            assert not c.after.reviews
            continue
        last = None
        for r in c.after.reviews:
            due = law.annual_review_due(c.plan.final_on, c.date_of_birth, last).due_by
            if r.meeting_on > due:
                late += 1
            else:
                on_time += 1
            assert r.scheduled_on <= TODAY
            last = r.meeting_on
        due = law.annual_review_due(c.plan.final_on, c.date_of_birth, last).due_by
        standing = c.after.cessation is None
        if standing and due < TODAY and not [r for r in c.after.reviews if not r.decision]:
            overdue_without_meeting += 1
    assert 0.08 < late / (late + on_time) < 0.45
    assert overdue_without_meeting > 20


def test_no_review_is_recorded_in_a_plans_first_10_months(children: list[PlannedChild]) -> None:
    recent = [
        c
        for c in children
        if c.plan is not None
        and c.plan.final_on is not None
        and c.plan.final_on > TODAY - dt.timedelta(days=300)
    ]
    assert recent
    assert not [c for c in recent if c.after.reviews]


def test_no_maintained_plan_is_left_unreviewed_for_years(children: list[PlannedChild]) -> None:
    for c in children:
        if c.plan is None or c.plan.final_on is None:
            continue
        x = c.after.cessation
        if x is not None and x.withdrawn_on is None:
            continue
        held = [r.meeting_on for r in c.after.reviews if r.meeting_on <= TODAY]
        due = law.annual_review_due(c.plan.final_on, c.date_of_birth, max(held, default=None))
        assert due.due_by > TODAY - dt.timedelta(days=300), c.number


def test_decisions_within_4_weeks_match_englands_share(children: list[PlannedChild]) -> None:
    decided = [r for c in children for r in c.after.reviews if r.decision]
    within = [
        r
        for r in decided
        if r.decision_notified_on
        and r.decision_notified_on
        <= law.review_meeting_timetable(r.meeting_on, dt.date(2000, 1, 1)).decision_by
    ]
    # England 2024: 44.4% (annual_reviews.csv); transfer reviews are drawn the same way.
    assert len(within) / len(decided) == pytest.approx(0.444, abs=0.05)
    assert Counter(r.decision for r in decided).most_common(1)[0][0] == "amend"


def test_open_reviews_are_for_meetings_to_come_or_recently_held(
    children: list[PlannedChild],
) -> None:
    future = recent = 0
    for c in children:
        open_reviews = [r for r in c.after.reviews if not r.decision]
        assert len(open_reviews) <= 1
        if open_reviews:
            r = open_reviews[0]
            assert r is c.after.reviews[-1]
            assert r.meeting_on > TODAY - dt.timedelta(days=92)
            future += r.meeting_on > TODAY
            recent += r.meeting_on <= TODAY
    assert future
    assert recent


def test_phase_transfers_are_mostly_reviewed_in_time(children: list[PlannedChild]) -> None:
    """Children in the nursery year, Year 6 or Year 11 today, with a plan maintained."""
    statuses: Counter[str] = Counter()
    for c in children:
        if c.plan is None or c.plan.final_on is None or c.after.cessation is not None:
            continue
        transfer = law.upcoming_phase_transfer(TODAY, c.date_of_birth)
        if transfer is None or transfer.from_year not in (-1, 6, 11):
            continue
        start = dt.date(law.academic_year_starting(TODAY), 9, 1) - dt.timedelta(days=120)
        this_year = [r for r in c.after.reviews if r.meeting_on >= start]
        if not this_year:
            statuses["no review"] += 1
        elif this_year[-1].amended_final_on is not None:
            statuses["amended"] += 1
        else:
            statuses["under way"] += 1
    assert sum(statuses.values()) > 20
    assert statuses["amended"] + statuses["under way"] > statuses["no review"]
    assert statuses["under way"] > 0


def test_ceasing_reasons_fit_the_age_and_the_law(children: list[PlannedChild]) -> None:
    reasons: Counter[str] = Counter()
    for c in children:
        x = c.after.cessation
        if x is None:
            continue
        reasons[x.reason] += 1
        assert x.reason in codes.CEASE_REASONS
        age = codes.age_on(c.date_of_birth, x.notified_on)
        if x.reason == "1":
            assert age == 25
        if x.reason in ("3", "4", "6"):
            assert age >= 16
        ground = law.cease_ground(x.reason)
        expected = law.CeaseGround.NO_LONGER_NECESSARY if x.reason == "9" else ground
        assert x.ground == ("" if expected is None else expected.value)
        if x.reason == "8":
            assert x.ceases_on == x.notified_on
        else:
            assert x.ceases_on >= law.cessation_notice(x.notified_on).maintained_until_at_least
        if x.withdrawn_on is not None:  # the Tribunal or the council kept the plan
            after = sum(1 for r in c.after.reviews if r.meeting_on < x.notified_on)
            assert all(r.meeting_on > x.withdrawn_on for r in c.after.reviews[after:])
            continue
        assert all(r.meeting_on < x.notified_on for r in c.after.reviews)
        assert all(r.decision for r in c.after.reviews)  # no open review once ceased
    assert reasons["5"]
    assert reasons["6"]
    assert len(reasons) >= 6


def test_appeals_follow_decisions_mostly_within_the_window(children: list[PlannedChild]) -> None:
    inside = outside = 0
    subjects: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    for c in children:
        for a in c.after.appeals:
            subjects[a.subject] += 1
            outcomes[a.outcome] += 1
            mediation = None if a.mediation is None else c.after.mediations[a.mediation]
            certificate = None if mediation is None else mediation.certificate_on
            if mediation is None:
                assert a.subject == "setting_named"  # no certificate needed for section I alone
            else:
                assert certificate is not None
                assert a.decision_letter_on <= mediation.adviser_contacted_on <= certificate
                assert certificate <= a.registered_on
            deadline = law.appeal_deadline(a.decision_letter_on, certificate).last_day
            inside += a.registered_on <= deadline
            outside += a.registered_on > deadline
            assert a.registered_on <= TODAY
            assert (a.outcome == "") == (a.outcome_on is None)
    assert inside > 4 * outside > 0
    assert subjects["plan_content"] + subjects["setting_named"] > subjects["refusal_to_assess"] > 0
    assert outcomes["upheld"] > outcomes["dismissed"]
    assert outcomes[""] > 0  # recent appeals are open


def _contents(version: PlanVersion) -> tuple[Any, ...]:
    return (
        list(version.needs.values_list("key", "section", "text", "order")),
        list(version.outcomes.values_list("key", "text", "achieve_by", "order", "needs__key")),
        list(version.provisions.values_list("key", "section", "what", "order", "outcomes__key")),
        list(version.advice.values_list("id", flat=True)),
    )


# --- Written to the database -----------------------------------------------------------


@pytest.mark.django_db
def test_writes_exactly_what_the_seed_plans(area: Any) -> None:
    _, children = planned(area_spec(children=AREA, established=ESTABLISHED))
    assert AnnualReview.objects.count() == sum(len(c.after.reviews) for c in children) > 100
    assert Cessation.objects.count() == sum(c.after.cessation is not None for c in children) > 0
    assert Mediation.objects.count() == sum(len(c.after.mediations) for c in children)
    assert Appeal.objects.count() == sum(len(c.after.appeals) for c in children) > 0
    _, other = planned(area_spec(children=AREA, seed=2, established=ESTABLISHED))
    assert sum(len(c.after.reviews) for c in other) != AnnualReview.objects.count()


@pytest.mark.django_db
def test_the_summary_counts_what_was_written(area: Any) -> None:
    assert area.reviews == AnnualReview.objects.count()
    assert area.cessations == Cessation.objects.count()
    assert area.appeals == Appeal.objects.count()
    # PostgreSQL holds the audit summary to its 200 characters (SQLite does not check).
    assert len(AuditEntry.objects.get().summary) <= AuditEntry._meta.get_field("summary").max_length


@pytest.mark.django_db
def test_written_reviews_some_late_some_decided_within_4_weeks(area: Any) -> None:
    late = on_time = 0
    for plan in EhcPlan.objects.select_related("case__child").prefetch_related("reviews"):
        first = plan.versions.filter(kind=VersionKind.FINAL).values_list("issued_on", flat=True)
        last = None
        for review in plan.reviews.all():
            made = first[0]
            assert made is not None
            due = law.annual_review_due(made, plan.case.child.date_of_birth, last).due_by
            late += review.meeting_on > due
            on_time += review.meeting_on <= due
            last = review.meeting_on
    assert late > 0
    assert on_time > 2 * late
    within = later = 0
    for review in AnnualReview.objects.select_related("plan__case__child").exclude(decision=""):
        born = review.plan.case.child.date_of_birth
        timetable = law.review_meeting_timetable(review.meeting_on, born)
        assert review.decision_notified_on is not None
        within += review.decision_notified_on <= timetable.decision_by
        later += review.decision_notified_on > timetable.decision_by
        if timetable.preparation_for_adulthood is False:
            assert not review.pfa_employment
    assert within
    assert later
    assert AnnualReview.objects.filter(decision="").count() <= EhcPlan.objects.count()
    assert AnnualReview.objects.exclude(pfa_employment="").exists()
    assert AnnualReview.objects.exclude(transition_plan="").exists()


@pytest.mark.django_db
def test_amended_versions_copy_the_plan_in_force_after_the_decision(area: Any) -> None:
    drafts = PlanVersion.objects.filter(kind=VersionKind.AMENDED_DRAFT).select_related(
        "review", "based_on"
    )
    assert drafts.count() > 20
    for draft in drafts:
        assert draft.review is not None
        assert draft.review.decision == "amend"
        assert draft.review.plan_id == draft.plan_id
        assert draft.review.decision_notified_on is not None
        assert draft.issued_on is not None
        assert draft.issued_on > draft.review.decision_notified_on
        assert draft.based_on is not None
        assert draft.based_on.kind in (VersionKind.FINAL, VersionKind.AMENDED_FINAL)
        assert draft.number == draft.based_on.number + 1
        keys = set(draft.needs.values_list("key", flat=True))
        assert keys == set(draft.based_on.needs.values_list("key", flat=True))
        assert draft.placement_type
    for amended in PlanVersion.objects.filter(kind=VersionKind.AMENDED_FINAL)[:20]:
        final = PlanVersion.objects.get(plan=amended.plan_id, kind=VersionKind.FINAL)
        assert _contents(amended) == _contents(final)
    # Every copied link joins items of the same version.
    links = Outcome.needs.through.objects
    assert not links.exclude(outcome__version=F("need__version")).exists()
    links = Provision.outcomes.through.objects
    assert not links.exclude(provision__version=F("outcome__version")).exists()
    assert Outcome.objects.filter(version__kind=VersionKind.AMENDED_FINAL).exists()
    finals = PlanVersion.objects.filter(kind=VersionKind.AMENDED_FINAL).select_related("based_on")
    in_time = 0
    for final in finals:
        assert final.based_on is not None
        assert final.based_on.kind == VersionKind.AMENDED_DRAFT
        assert final.based_on.issued_on is not None
        assert final.issued_on is not None
        assert final.issued_on > final.based_on.issued_on
        by = law.amendment_timetable(final.based_on.issued_on).amended_plan_by
        in_time += final.issued_on <= by
    assert 0.6 < in_time / finals.count() < 1
    assert finals.count() < drafts.count()  # some still under way


@pytest.mark.django_db
def test_ceased_plans_have_sen2_reasons_and_no_later_review(area: Any) -> None:
    ceased = Cessation.objects.all()
    assert ceased.exists()
    for x in ceased:
        assert x.reason in codes.CEASE_REASONS
        assert x.reasons_given
        assert not AnnualReview.objects.filter(plan=x.plan, meeting_on__gt=x.notified_on).exists()
        if x.withdrawn_on is None:
            assert not AnnualReview.objects.filter(plan=x.plan, decision="").exists()


@pytest.mark.django_db
def test_appeals_inside_and_outside_the_window(area: Any) -> None:
    inside = outside = 0
    for appeal in Appeal.objects.select_related("mediation"):
        certificate = appeal.mediation.certificate_issued_on if appeal.mediation else None
        deadline = law.appeal_deadline(appeal.decision_letter_on, certificate).last_day
        inside += appeal.registered_on <= deadline
        outside += appeal.registered_on > deadline
        if appeal.mediation is not None:
            assert appeal.mediation.case_id == appeal.case_id
    assert inside > 4 * outside > 0  # seed 1: a few registered late, admitted by the Tribunal
    assert Appeal.objects.filter(mediation__isnull=False).exists()
    assert Mediation.objects.filter(appeals__isnull=True).exists()  # some settle


def test_every_issued_plan_names_a_setting_that_takes_the_child_at_that_age(area: Any) -> None:
    """A plan issued at primary school does not name the college the young person attends
    today: it names the type of setting for their age then."""
    issued = PlanVersion.objects.filter(
        issued_on__isnull=False, kind__in=[VersionKind.FINAL, VersionKind.AMENDED_FINAL]
    ).values_list(
        "placement_setting__establishment_type", "plan__case__child__date_of_birth", "issued_on"
    )
    named = [(kind, born, on) for kind, born, on in issued if kind]
    assert named
    for kind, born, on in named:
        first, last = CATEGORY_NCYS[setting_category(kind)]
        assert first <= school_year(born, on) <= last, (kind, born, on)
