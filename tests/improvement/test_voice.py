"""Family voice: recording feedback, its filters, monthly volumes by source and by theme from
known rows, and "you said, we did" entries and their publishing (with the refusals)."""

import datetime as dt
from collections import Counter
from typing import Any

import pytest

from tests.factories import make_user
from tests.improvement.risk_builders import TODAY, make_action
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.improvement import presenters_voice, selectors_voice
from thrive.improvement.models import Feedback, Priority, Theme, YouSaidWeDid
from thrive.improvement.selectors_voice import FeedbackFilters
from thrive.improvement.services import voice as services


@pytest.fixture
def officer(db: Any) -> Any:
    return make_user("po", "programme_officer")


def _record(actor: Any, on: dt.date, source: str, **kwargs: Any) -> Feedback:
    return services.feedback_record(
        actor=actor, received_on=on, source=source, summary="Summary", today=TODAY, **kwargs
    )


@pytest.fixture
def known(officer: Any) -> dict[str, Any]:
    """Six pieces of feedback over January and February 2026, with themes and priorities."""
    ambition = Priority.objects.create(title="Ambition")
    inclusion = Priority.objects.create(title="Inclusion")
    waits = Theme.objects.create(name="Waiting times")
    talk = Theme.objects.create(name="Communication")
    jan, feb = dt.date(2026, 1, 15), dt.date(2026, 2, 3)
    rows = [
        _record(officer, jan, "survey", theme_ids=[waits.pk], priority_ids=[ambition.pk]),
        _record(officer, jan, "survey", theme_ids=[waits.pk, talk.pk]),
        _record(officer, dt.date(2026, 1, 31), "complaint", theme_ids=[talk.pk]),
        _record(officer, feb, "forum", theme_ids=[waits.pk], priority_ids=[inclusion.pk]),
        _record(officer, feb, "compliment"),
        _record(officer, dt.date(2026, 2, 28), "survey", priority_ids=[ambition.pk]),
    ]
    return {"rows": rows, "ambition": ambition, "waits": waits, "talk": talk}


def test_recording_feedback_adds_new_themes_and_is_audited(officer: Any) -> None:
    existing = Theme.objects.create(name="Waiting times")
    feedback = _record(
        officer,
        dt.date(2026, 3, 1),
        "forum",
        theme_ids=[existing.pk],
        new_themes=["Transport", "waiting TIMES", " "],
    )
    assert sorted(t.name for t in feedback.themes.all()) == ["Transport", "Waiting times"]
    assert Theme.objects.count() == 2
    assert AuditEntry.objects.filter(object_type="improvement.feedback").count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"received_on": TODAY + dt.timedelta(days=1)}, "received_on"),
        ({"source": "letter"}, "source"),
        ({"summary": "   "}, "summary"),
        ({"theme_ids": [9999]}, "themes"),
        ({"priority_ids": [9999]}, "priorities"),
    ],
)
def test_refuses_feedback(officer: Any, kwargs: dict[str, Any], field: str) -> None:
    values: dict[str, Any] = {"received_on": TODAY, "source": "survey", "summary": "Said"}
    values.update(kwargs)
    with pytest.raises(Refusal) as refused:
        services.feedback_record(actor=officer, today=TODAY, **values)
    assert refused.value.field == field
    assert not Feedback.objects.exists()


def test_filters_by_source_theme_priority_and_period(known: dict[str, Any]) -> None:
    rows = known["rows"]

    def ids(**filters: Any) -> set[int]:
        return {f.pk for f in selectors_voice.feedback_list(FeedbackFilters(**filters))}

    assert ids() == {f.pk for f in rows}
    assert ids(source="survey") == {rows[0].pk, rows[1].pk, rows[5].pk}
    assert ids(theme_id=known["waits"].pk) == {rows[0].pk, rows[1].pk, rows[3].pk}
    assert ids(priority_id=known["ambition"].pk) == {rows[0].pk, rows[5].pk}
    assert ids(start=dt.date(2026, 1, 31), end=dt.date(2026, 2, 3)) == {
        rows[2].pk,
        rows[3].pk,
        rows[4].pk,
    }
    assert ids(source="survey", theme_id=known["talk"].pk) == {rows[1].pk}


def test_volume_each_month_by_source(known: dict[str, Any]) -> None:
    months = selectors_voice.volume_by_source(selectors_voice.feedback_list())
    assert months == {
        dt.date(2026, 1, 1): Counter({"survey": 2, "complaint": 1}),
        dt.date(2026, 2, 1): Counter({"forum": 1, "compliment": 1, "survey": 1}),
    }
    table = presenters_voice.source_table(months)
    assert table["columns"] == [
        "Survey",
        "Parent carer forum session",
        "Complaint",
        "Compliment",
        "Other",
    ]
    assert [(r["label"], r["cells"], r["total"]) for r in table["rows"]] == [
        ("January 2026", [2, 0, 1, 0, 0], 3),
        ("February 2026", [1, 1, 0, 1, 0], 3),
    ]
    assert presenters_voice.chart_bars(table)[0] == ("January 2026", "Survey", 2)


def test_volume_each_month_by_theme(known: dict[str, Any]) -> None:
    months = selectors_voice.volume_by_theme(selectors_voice.feedback_list())
    assert months == {
        dt.date(2026, 1, 1): Counter({"Waiting times": 2, "Communication": 2}),
        dt.date(2026, 2, 1): Counter({"Waiting times": 1}),
    }
    table = presenters_voice.theme_table(months)
    assert table["columns"] == ["Communication", "Waiting times"]
    assert [r["cells"] for r in table["rows"]] == [[2, 2], [0, 1]]


def test_volumes_follow_the_filters(known: dict[str, Any]) -> None:
    filtered = selectors_voice.feedback_list(FeedbackFilters(source="survey"))
    assert selectors_voice.volume_by_theme(filtered) == {
        dt.date(2026, 1, 1): Counter({"Waiting times": 2, "Communication": 1}),
    }


def test_you_said_we_did_is_written_then_published(known: dict[str, Any], officer: Any) -> None:
    action = make_action(officer)
    entry = services.you_said_create(
        actor=officer,
        you_said="Waits for assessments are too long",
        we_did="Two more educational psychologists",
        feedback_ids=[known["rows"][0].pk, known["rows"][1].pk],
        action_ids=[action.pk],
    )
    assert entry.published_on is None
    assert list(selectors_voice.you_said_list(published_only=True)) == []
    services.you_said_publish(actor=officer, entry=entry, today=TODAY)
    (published,) = selectors_voice.you_said_list(published_only=True)
    assert published.published_on == TODAY
    assert {f.pk for f in published.feedback.all()} == {known["rows"][0].pk, known["rows"][1].pk}
    row = presenters_voice.you_said_row(published)
    assert row["status"]["text"] == "Published 10 March 2026"
    assert row["actions"] == [{"title": action.title, "href": f"/improvement/actions/{action.pk}/"}]
    with pytest.raises(Refusal):
        services.you_said_publish(actor=officer, entry=entry, today=TODAY)
    summaries = set(
        AuditEntry.objects.filter(object_type="improvement.yousaidwedid").values_list(
            "summary", flat=True
        )
    )
    assert summaries == {"You said, we did written", "You said, we did published"}


def test_refuses_a_you_said_entry_with_no_feedback(officer: Any) -> None:
    with pytest.raises(Refusal) as refused:
        services.you_said_create(actor=officer, you_said="x", we_did="y", feedback_ids=[])
    assert refused.value.field == "feedback"
    assert not YouSaidWeDid.objects.exists()


def test_refuses_a_you_said_entry_with_unknown_feedback_or_action(
    known: dict[str, Any], officer: Any
) -> None:
    with pytest.raises(Refusal) as refused:
        services.you_said_create(actor=officer, you_said="x", we_did="y", feedback_ids=[99999])
    assert refused.value.field == "feedback"
    with pytest.raises(Refusal) as refused:
        services.you_said_create(
            actor=officer,
            you_said="x",
            we_did="y",
            feedback_ids=[known["rows"][0].pk],
            action_ids=[99999],
        )
    assert refused.value.field == "actions"
    assert not YouSaidWeDid.objects.exists()
