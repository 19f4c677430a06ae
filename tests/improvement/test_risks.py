"""The risk register: scores and rating bands, the services (each change of scores appends an
assessment and is audited; refusals), the heat map's counts, and review dates in words."""

import datetime as dt
import re
from typing import Any

import pytest

from tests.factories import make_user
from tests.improvement.risk_builders import TODAY, make_action, make_risk
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.improvement import charts, presenters_risks
from thrive.improvement.models import Mitigation, Risk, RiskAssessment
from thrive.improvement.selectors_risks import (
    Rating,
    Stage,
    heat_map,
    rating,
    risk_list,
    score,
)
from thrive.improvement.services import risks as services


@pytest.fixture
def officer(db: Any) -> Any:
    return make_user("po", "programme_officer")


# Scores and bands ------------------------------------------------------------------------------


def test_score_is_likelihood_times_impact() -> None:
    assert score(1, 1) == 1
    assert score(4, 5) == 20
    assert score(5, 5) == 25


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 3), (6, 1), (3, 0), (1, 6)])
def test_score_refuses_values_outside_one_to_five(likelihood: int, impact: int) -> None:
    with pytest.raises(ValueError, match="from 1 to 5"):
        score(likelihood, impact)


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (1, Rating.LOW),
        (4, Rating.LOW),
        (5, Rating.MEDIUM),
        (9, Rating.MEDIUM),
        (10, Rating.HIGH),
        (16, Rating.HIGH),
        (20, Rating.VERY_HIGH),
        (25, Rating.VERY_HIGH),
    ],
)
def test_rating_bands_at_every_boundary(value: int, band: Rating) -> None:
    assert rating(value) is band


@pytest.mark.parametrize("value", [0, 26, -1])
def test_rating_refuses_a_score_outside_one_to_twenty_five(value: int) -> None:
    with pytest.raises(ValueError, match="a score is from 1 to 25"):
        rating(value)


def test_every_possible_score_has_a_band() -> None:
    possible = {score(lk, i) for lk in range(1, 6) for i in range(1, 6)}
    assert {rating(s) for s in possible} == set(Rating)


def test_the_bands_in_words() -> None:
    assert presenters_risks.band_rows() == [
        {"rating": "Low", "scores": "1 to 4"},
        {"rating": "Medium", "scores": "5 to 9"},
        {"rating": "High", "scores": "10 to 16"},
        {"rating": "Very high", "scores": "20 to 25"},
    ]


# Services --------------------------------------------------------------------------------------


def test_adding_a_risk_writes_its_first_assessment_and_an_audit_entry(officer: Any) -> None:
    risk = make_risk(officer)
    (assessment,) = risk.assessments.all()
    assert assessment.assessed_on == TODAY
    assert (assessment.likelihood_before, assessment.impact_after) == (4, 4)
    assert AuditEntry.objects.filter(object_type="improvement.risk", object_id=risk.pk).count() == 1


def test_a_change_of_scores_appends_an_assessment(officer: Any) -> None:
    risk = make_risk(officer)
    later = TODAY + dt.timedelta(days=20)
    assessment = services.risk_assess(
        actor=officer,
        risk=risk,
        review_on=later + dt.timedelta(days=30),
        today=later,
        likelihood_before=4,
        impact_before=5,
        likelihood_after=2,
        impact_after=4,
    )
    assert assessment is not None
    assert RiskAssessment.objects.filter(risk=risk).count() == 2
    assert (assessment.assessed_on, assessment.likelihood_after) == (later, 2)
    risk.refresh_from_db()
    assert (risk.likelihood_after, risk.review_on) == (2, later + dt.timedelta(days=30))
    entry = AuditEntry.objects.filter(object_type="improvement.risk").order_by("id").last()
    assert entry is not None
    assert "likelihood_after" in entry.summary


def test_the_same_scores_move_only_the_review_date(officer: Any) -> None:
    risk = make_risk(officer)
    result = services.risk_assess(
        actor=officer,
        risk=risk,
        review_on=dt.date(2026, 9, 1),
        today=TODAY,
        likelihood_before=4,
        impact_before=5,
        likelihood_after=3,
        impact_after=4,
    )
    assert result is None
    assert risk.assessments.count() == 1
    risk.refresh_from_db()
    assert risk.review_on == dt.date(2026, 9, 1)


@pytest.mark.parametrize(
    ("field", "value"), [("likelihood_before", 0), ("impact_after", 6), ("impact_before", None)]
)
def test_refuses_scores_outside_one_to_five(officer: Any, field: str, value: Any) -> None:
    scores = {"likelihood_before": 3, "impact_before": 3, "likelihood_after": 2, "impact_after": 2}
    scores[field] = value
    with pytest.raises(Refusal) as refused:
        services.risk_create(
            actor=officer,
            title="A risk",
            cause="c",
            effect="e",
            owner=officer,
            review_on=TODAY,
            today=TODAY,
            **scores,
        )
    assert refused.value.field == field
    assert not Risk.objects.exists()


def test_refuses_a_reassessment_with_a_score_outside_one_to_five(officer: Any) -> None:
    risk = make_risk(officer)
    with pytest.raises(Refusal):
        services.risk_assess(
            actor=officer,
            risk=risk,
            review_on=TODAY,
            today=TODAY,
            likelihood_before=7,
            impact_before=5,
            likelihood_after=3,
            impact_after=4,
        )
    assert risk.assessments.count() == 1


def test_refuses_a_risk_without_a_cause(officer: Any) -> None:
    with pytest.raises(Refusal) as refused:
        services.risk_create(
            actor=officer,
            title="A risk",
            cause="  ",
            effect="e",
            owner=officer,
            review_on=TODAY,
            today=TODAY,
            likelihood_before=1,
            impact_before=1,
            likelihood_after=1,
            impact_after=1,
        )
    assert refused.value.field == "cause"


def test_a_mitigation_links_to_an_action(officer: Any) -> None:
    risk = make_risk(officer)
    action = make_action(officer)
    mitigation = services.mitigation_add(
        actor=officer, risk=risk, description="Recruit two locums", action_id=action.pk
    )
    assert mitigation.action == action
    assert AuditEntry.objects.filter(object_type="improvement.mitigation").count() == 1


def test_refuses_a_mitigation_linked_to_an_unknown_action(officer: Any) -> None:
    risk = make_risk(officer)
    with pytest.raises(Refusal) as refused:
        services.mitigation_add(actor=officer, risk=risk, description="x", action_id=99999)
    assert refused.value.field == "action"
    assert not Mitigation.objects.exists()


def test_closing_a_risk_takes_it_off_the_open_register(officer: Any) -> None:
    risk = make_risk(officer)
    services.risk_close(actor=officer, risk=risk, closed_on=TODAY, today=TODAY)
    assert list(risk_list()) == []
    assert list(risk_list(include_closed=True)) == [risk]
    with pytest.raises(Refusal):
        services.risk_close(actor=officer, risk=risk, closed_on=TODAY, today=TODAY)
    with pytest.raises(Refusal):
        services.mitigation_add(actor=officer, risk=risk, description="Too late")


def test_refuses_closing_in_the_future(officer: Any) -> None:
    risk = make_risk(officer)
    with pytest.raises(Refusal):
        services.risk_close(
            actor=officer, risk=risk, closed_on=TODAY + dt.timedelta(days=1), today=TODAY
        )


# Heat map --------------------------------------------------------------------------------------


def test_heat_map_counts_open_risks_in_their_cells(officer: Any) -> None:
    make_risk(officer, before=(4, 5), after=(3, 4))
    make_risk(officer, before=(4, 5), after=(3, 4))
    make_risk(officer, before=(2, 2), after=(1, 1))
    closed = make_risk(officer, before=(5, 5), after=(5, 5))
    services.risk_close(actor=officer, risk=closed, closed_on=TODAY, today=TODAY)
    risks = list(risk_list(include_closed=True))
    after = heat_map(risks, Stage.AFTER)
    before = heat_map(risks, Stage.BEFORE)
    assert after.counts == {(3, 4): 2, (1, 1): 1}
    assert before.counts == {(4, 5): 2, (2, 2): 1}
    assert after.total == before.total == 3


def test_heat_map_table_and_svg_show_every_cell(officer: Any) -> None:
    make_risk(officer, after=(3, 4))
    hm = heat_map(list(risk_list()), Stage.AFTER)
    rows = presenters_risks.heat_map_rows(hm)
    assert [r["likelihood"] for r in rows] == [5, 4, 3, 2, 1]
    cells = {(r["likelihood"], c["impact"]): c for r in rows for c in r["cells"]}
    assert len(cells) == 25
    assert cells[(3, 4)] == {"impact": 4, "count": 1, "rating": "High"}
    assert sum(c["count"] for c in cells.values()) == 1
    svg = charts.heat_map_svg(hm, name=presenters_risks.heat_map_name(hm))
    assert 'role="img"' in svg
    assert "1 open risk after mitigation" in svg
    assert len(re.findall(r"<rect ", svg)) == 25
    counts = re.findall(r'font-weight="bold" fill="#[0-9a-f]+">(\d+)</text>', svg)
    assert sorted(map(int, counts)) == [0] * 24 + [1]


# Review wording --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("review_on", "words"),
    [
        (dt.date(2026, 3, 7), "Review 3 days overdue"),
        (dt.date(2026, 3, 9), "Review 1 day overdue"),
        (dt.date(2026, 3, 10), "Review due today"),
        (dt.date(2026, 3, 11), "Review due in 1 day"),
        (dt.date(2026, 4, 9), "Review due in 30 days"),
    ],
)
def test_review_in_words(review_on: dt.date, words: str) -> None:
    assert presenters_risks.review_words(review_on, TODAY)["text"] == words


def test_a_closed_risk_says_when_it_closed(officer: Any) -> None:
    risk = make_risk(officer, review_on=dt.date(2026, 1, 1))
    services.risk_close(actor=officer, risk=risk, closed_on=TODAY, today=TODAY)
    row = presenters_risks.risk_row(risk_list(include_closed=True).get(), TODAY)
    assert row["review"]["text"] == "Closed on 10 March 2026"


def test_changing_a_risk_is_audited_and_keeps_its_scores(officer: Any) -> None:
    risk = make_risk(officer)
    lead = make_user("lead", "partner_lead")
    services.risk_update(
        actor=officer, risk=risk, title="EP vacancies", cause="c2", effect=risk.effect, owner=lead
    )
    risk.refresh_from_db()
    assert (risk.title, risk.cause, risk.owner) == ("EP vacancies", "c2", lead)
    assert risk.assessments.count() == 1
    entry = AuditEntry.objects.filter(object_type="improvement.risk").order_by("id").last()
    assert entry is not None
    assert entry.summary == "Risk changed: cause, owner, title"


def test_refuses_changing_a_closed_risk_or_blanking_its_title(officer: Any) -> None:
    risk = make_risk(officer)
    with pytest.raises(Refusal) as refused:
        services.risk_update(
            actor=officer, risk=risk, title="", cause="c", effect="e", owner=officer
        )
    assert refused.value.field == "title"
    services.risk_close(actor=officer, risk=risk, closed_on=TODAY, today=TODAY)
    with pytest.raises(Refusal):
        services.risk_update(
            actor=officer, risk=risk, title="T", cause="c", effect="e", owner=officer
        )
