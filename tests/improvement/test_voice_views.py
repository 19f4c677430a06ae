"""Family voice pages through HTTP: the feedback list with its filters and charts with
tables, recording feedback, you said we did written, published and listed; who may do what."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import make_user
from thrive.improvement.models import Feedback, Theme, YouSaidWeDid
from thrive.improvement.services import voice as services


@pytest.fixture
def officer(db: Any) -> Any:
    return make_user("po", "programme_officer")


def _feedback(actor: Any, on: dt.date, source: str, summary: str, **kw: Any) -> Feedback:
    return services.feedback_record(
        actor=actor, received_on=on, source=source, summary=summary, today=on, **kw
    )


def test_feedback_page_lists_filters_and_charts(client: Any, officer: Any) -> None:
    waits = Theme.objects.create(name="Waiting times")
    _feedback(
        officer, dt.date(2026, 1, 5), "survey", "Assessments take too long", theme_ids=[waits.pk]
    )
    _feedback(officer, dt.date(2026, 2, 5), "compliment", "Helpful officer")
    client.force_login(officer)
    page = client.get("/improvement/feedback/").content.decode()
    assert "Assessments take too long" in page
    assert "Helpful officer" in page
    assert page.count('role="img"') == 2
    assert "January 2026" in page
    assert "February 2026" in page
    filtered = client.get("/improvement/feedback/?source=compliment").content.decode()
    assert "Helpful officer" in filtered
    assert "Assessments take too long" not in filtered
    by_theme = client.get(f"/improvement/feedback/?theme={waits.pk}").content.decode()
    assert "Assessments take too long" in by_theme
    assert "Helpful officer" not in by_theme
    period = client.get(
        "/improvement/feedback/?start_day=1&start_month=2&start_year=2026"
    ).content.decode()
    assert "Helpful officer" in period
    assert "Assessments take too long" not in period


def test_a_backwards_period_is_refused(client: Any, officer: Any) -> None:
    client.force_login(officer)
    response = client.get(
        "/improvement/feedback/?start_day=1&start_month=3&start_year=2026"
        "&end_day=1&end_month=2&end_year=2026"
    )
    assert response.status_code == 400
    assert "The last date must be the same as or after the first date" in response.content.decode()


def test_recording_feedback_warns_against_names(client: Any, officer: Any) -> None:
    client.force_login(officer)
    form = client.get("/improvement/feedback/add/").content.decode()
    assert "Do not include names" in form
    today = timezone.localdate()
    response = client.post(
        "/improvement/feedback/add/",
        {
            "received_on_day": today.day,
            "received_on_month": today.month,
            "received_on_year": today.year,
            "source": "forum",
            "summary": "Parents want clearer letters",
            "new_themes": "Communication, Letters",
        },
    )
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert sorted(t.name for t in feedback.themes.all()) == ["Communication", "Letters"]


def test_recording_feedback_in_the_future_is_refused(client: Any, officer: Any) -> None:
    client.force_login(officer)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(
        "/improvement/feedback/add/",
        {
            "received_on_day": tomorrow.day,
            "received_on_month": tomorrow.month,
            "received_on_year": tomorrow.year,
            "source": "survey",
            "summary": "x",
        },
    )
    assert response.status_code == 400
    assert "must be today or in the past" in response.content.decode()
    assert not Feedback.objects.exists()


def test_you_said_we_did_written_published_and_listed(client: Any, officer: Any) -> None:
    feedback = _feedback(officer, dt.date(2026, 1, 5), "survey", "Waits")
    client.force_login(officer)
    refused = client.post(
        "/improvement/feedback/you-said-we-did/add/", {"you_said": "Waits", "we_did": "EPs"}
    )
    assert refused.status_code == 400
    assert "Choose the feedback this answers" in refused.content.decode()
    response = client.post(
        "/improvement/feedback/you-said-we-did/add/",
        {"feedback": [feedback.pk], "you_said": "Waits are long", "we_did": "We hired EPs"},
    )
    assert response.status_code == 302
    entry = YouSaidWeDid.objects.get()
    published_page = "/improvement/feedback/you-said-we-did/published/"
    assert "We hired EPs" not in client.get(published_page).content.decode()
    assert "Not published" in client.get("/improvement/feedback/you-said-we-did/").content.decode()
    client.post(f"/improvement/feedback/you-said-we-did/{entry.pk}/publish/")
    entry.refresh_from_db()
    assert entry.published_on == timezone.localdate()
    assert "We hired EPs" in client.get(published_page).content.decode()
    again = client.post(f"/improvement/feedback/you-said-we-did/{entry.pk}/publish/")
    assert again.status_code == 400
    assert "This entry was published on" in again.content.decode()


@pytest.mark.parametrize("role", ["board_member", "inspector", "partner_lead"])
def test_readers_see_feedback_but_cannot_record_or_publish(
    client: Any, officer: Any, role: str
) -> None:
    feedback = _feedback(officer, dt.date(2026, 1, 5), "survey", "Waits")
    entry = services.you_said_create(
        actor=officer, you_said="Waits", we_did="EPs", feedback_ids=[feedback.pk]
    )
    client.force_login(make_user("reader", role))
    assert client.get("/improvement/feedback/").status_code == 200
    assert "Record feedback" not in client.get("/improvement/feedback/").content.decode()
    assert client.get("/improvement/feedback/add/").status_code == 403
    response = client.post(f"/improvement/feedback/you-said-we-did/{entry.pk}/publish/")
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.published_on is None


def test_the_feedback_page_reads_the_same_number_of_queries_for_more_feedback(
    client: Any, officer: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    theme = Theme.objects.create(name="Waiting times")
    client.force_login(officer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/improvement/feedback/").status_code == 200
        return len(captured)

    _feedback(officer, dt.date(2026, 1, 5), "survey", "One", theme_ids=[theme.pk])
    one = queries()
    for month in range(2, 6):
        _feedback(officer, dt.date(2026, month, 5), "forum", "More", theme_ids=[theme.pk])
    assert queries() == one
