"""The family's view of the annual review: views before the meeting (the service and every
refusal), the review as the family reads it (selector and presenters), and the pages - the
child's page, giving views, and the council recording them and reading them."""

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from tests.portal.builders import hide_plan_documents, issue_final, schedule_review
from thrive.core.errors import Refusal
from thrive.core.models import AuditEntry
from thrive.law.clock import render_date
from thrive.people.models import Child
from thrive.plans.models import AnnualReview
from thrive.portal import presenters, selectors, services
from thrive.portal.models import ReviewViews

FINAL_ON = dt.date(2026, 1, 12)  # the first review is due by 11 January 2027
MEETING = dt.date(2026, 11, 18)  # invitations by 4 November, report by 2 December
BEFORE = dt.date(2026, 11, 2)
ANSWERS = {"what_is_working": "The reading group.", "questions_for_meeting": "  "}


@pytest.fixture
def final(world: Any) -> Any:
    return issue_final(world.case, FINAL_ON)


@pytest.fixture
def review(world: Any, final: Any) -> AnnualReview:
    return schedule_review(world.case, MEETING)


def give(world: Any, review: AnnualReview, today: dt.date = BEFORE, **kwargs: Any) -> ReviewViews:
    values = {"actor": world.users["parent"], "answers": ANSWERS, **kwargs}
    return services.review_views_give(review=review, today=today, **values)


# --- The service -------------------------------------------------------------------------


def test_a_parent_gives_views_with_an_audit_entry_and_a_notice_to_the_officer(
    world: Any, review: AnnualReview, officer_email: str, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        views = give(world, review)
    assert (views.what_is_working, views.questions_for_meeting) == ("The reading group.", "")
    assert (views.review, views.given_by, views.on_behalf_method) == (
        review,
        world.users["parent"],
        "",
    )
    audit = AuditEntry.objects.get(object_type="portal.reviewviews", object_id=views.pk)
    assert (audit.action, audit.child_id) == ("create", world.child.pk)
    assert audit.summary == "family's views for the annual review given through the portal"
    [message] = mail.outbox
    assert message.to == [officer_email]
    assert world.case.reference in message.subject
    assert "Wren" not in f"{message.body} {message.subject}"
    assert "reading group" not in message.body


def test_views_are_taken_on_the_meeting_day_and_refused_after_it(
    world: Any, review: AnnualReview
) -> None:
    give(world, review, today=MEETING)
    with pytest.raises(Refusal, match="The review meeting was on 18 November 2026"):
        give(world, review, today=MEETING + dt.timedelta(days=1))
    assert ReviewViews.objects.count() == 1


def test_refuses_views_once_the_review_is_decided(world: Any, review: AnnualReview) -> None:
    AnnualReview.objects.filter(pk=review.pk).update(decision="keep", decision_notified_on=MEETING)
    with pytest.raises(Refusal, match="This review has finished"):
        give(world, review)


def test_refuses_views_with_no_answers(world: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="at least one thing") as refused:
        give(world, review, answers={"hopes": "   "})
    assert refused.value.field == "what_is_working"


def test_refuses_an_answer_over_the_limit(world: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="5,000 characters or fewer") as refused:
        give(world, review, answers={"hopes": "x" * 5001})
    assert refused.value.field == "hopes"


@pytest.mark.parametrize("visitor", ["parent_of_another", "young_person", "practitioner_invited"])
def test_refuses_anyone_but_the_family_and_the_council(
    world: Any, review: AnnualReview, visitor: str
) -> None:
    with pytest.raises(Refusal, match="Only the child's family"):
        give(world, review, actor=world.users[visitor])
    assert not ReviewViews.objects.exists()


def test_the_council_records_views_given_by_phone_without_notifying_itself(
    world: Any, review: AnnualReview, officer_email: str, django_capture_on_commit_callbacks: Any
) -> None:
    officer = world.users["case_officer"]
    with django_capture_on_commit_callbacks(execute=True):
        views = give(world, review, actor=officer, on_behalf_method="phone")
    assert (views.given_by, views.on_behalf_method) == (officer, "phone")
    assert AuditEntry.objects.get(object_id=views.pk, object_type="portal.reviewviews").summary == (
        "family's views for the annual review given by phone"
    )
    assert mail.outbox == []


def test_the_council_must_say_how_the_family_gave_them(world: Any, review: AnnualReview) -> None:
    with pytest.raises(Refusal, match="Select how the family gave this") as refused:
        give(world, review, actor=world.users["case_officer"])
    assert refused.value.field == "on_behalf_method"


def test_a_family_cannot_say_their_views_were_given_on_their_behalf(
    world: Any, review: AnnualReview
) -> None:
    with pytest.raises(Refusal, match="Only the council records"):
        give(world, review, on_behalf_method="paper")


def test_unknown_questions_are_a_programming_error(world: Any, review: AnnualReview) -> None:
    with pytest.raises(ValueError, match="about_me"):
        give(world, review, answers={"about_me": "x"})


# --- The selector ------------------------------------------------------------------------


def test_no_review_before_the_final_plan(world: Any) -> None:
    assert selectors.family_review(world.case, BEFORE) is None


def test_the_review_with_its_views_newest_first(world: Any, review: AnnualReview) -> None:
    first = give(world, review)
    second = give(world, review, answers={"hopes": "College."})
    found = selectors.family_review(world.case, BEFORE)
    assert found is not None
    assert found.open_review == review
    assert found.views == (second, first)
    assert found.takes_views
    after = selectors.family_review(world.case, MEETING + dt.timedelta(days=1))
    assert after is not None
    assert not after.takes_views


# --- The words ---------------------------------------------------------------------------


def _rows(world: Any, today: dt.date) -> dict[str, str]:
    found = selectors.family_review(world.case, today)
    assert found is not None
    return {row["key"]: row["value"] for row in presenters.review_rows(found, "Wren's")}


def test_before_a_meeting_is_arranged(world: Any, final: Any) -> None:
    rows = _rows(world, BEFORE)
    assert rows["Next review"] == (
        "The council must review Wren's EHC plan by 11 January 2027. "
        "Plans are reviewed at least once every 12 months."
    )
    assert rows["Review meeting"] == (
        "Not arranged yet. You will be invited at least 2 weeks before the meeting."
    )
    assert "Invitation" not in rows


def test_a_review_not_arranged_in_time_is_late(world: Any, final: Any) -> None:
    rows = _rows(world, dt.date(2027, 1, 14))
    assert "This is 3 days late." in rows["Next review"]
    assert "SENDIASS" in rows["Next review"]


def test_the_dates_around_a_meeting(world: Any, review: AnnualReview) -> None:
    rows = _rows(world, BEFORE)
    assert rows["Review meeting"] == "The meeting is on 18 November 2026."
    assert rows["Invitation"] == (
        "You will be invited at least 2 weeks before the meeting, by 4 November 2026."
    )
    assert rows["Report of the meeting"] == (
        "The council must send you the report of the meeting within 2 weeks of it, "
        "by 2 December 2026."
    )
    assert "by 16 December 2026, whether it will keep the plan as it is" in rows["Decision"]


def test_late_invitations_and_what_has_been_done(world: Any, review: AnnualReview) -> None:
    rows = _rows(world, dt.date(2026, 11, 10))
    assert rows["Invitation"].startswith("You should have been invited at least 2 weeks before")
    assert "contact your case officer" in rows["Invitation"]
    AnnualReview.objects.filter(pk=review.pk).update(
        invitations_sent_on=dt.date(2026, 11, 3), report_circulated_on=dt.date(2026, 11, 25)
    )
    rows = _rows(world, dt.date(2026, 11, 26))
    assert rows["Review meeting"] == "The meeting was on 18 November 2026."
    assert rows["Invitation"] == "The council sent the invitations on 3 November 2026."
    assert rows["Report of the meeting"] == "The council sent the report on 25 November 2026."


def test_the_last_decision_in_plain_english(world: Any, review: AnnualReview) -> None:
    AnnualReview.objects.filter(pk=review.pk).update(
        decision="amend", decision_notified_on=dt.date(2026, 12, 1)
    )
    rows = _rows(world, dt.date(2026, 12, 2))
    assert rows["Last review"] == (
        "After the meeting on 18 November 2026, the council decided to change (amend) the "
        "plan. It told you on 1 December 2026."
    )
    assert rows["Next review"].startswith("The council must review Wren's EHC plan by 17 Nov")


def test_preparing_for_adulthood_is_explained_from_year_9(world: Any, review: AnnualReview) -> None:
    found = selectors.family_review(world.case, BEFORE)
    assert found is not None
    assert len(presenters.review_sentences(found, "Wren", own=False)) == 1
    Child.objects.filter(pk=world.child.pk).update(date_of_birth=dt.date(2012, 8, 31))
    world.case.child.refresh_from_db()
    found = selectors.family_review(world.case, BEFORE)
    assert found is not None
    sentences = presenters.review_sentences(found, "you", own=True)
    assert "preparing you for adulthood" in sentences[1]


def test_the_task_to_give_views(world: Any, review: AnnualReview) -> None:
    found = selectors.family_review(world.case, BEFORE)
    task = presenters.review_task(found, "/here/")
    assert task is not None
    assert task["title"] == "Give your views before the review meeting on 18 November 2026"
    assert (task["status"]["text"], task["to_do"]) == ("To do", True)
    give(world, review)
    task = presenters.review_task(selectors.family_review(world.case, BEFORE), "/here/")
    assert task is not None
    assert (task["status"]["text"], task["to_do"]) == ("Sent", False)
    after = selectors.family_review(world.case, MEETING + dt.timedelta(days=1))
    assert presenters.review_task(after, "/here/") is None


# --- The pages (the real date) -----------------------------------------------------------


@pytest.fixture(autouse=True)
def _plan_pages_not_yet_built(monkeypatch: Any) -> None:
    hide_plan_documents(monkeypatch)


@pytest.fixture
def soon(world: Any) -> AnnualReview:
    """A final plan issued 10 months ago and its review meeting in 3 weeks."""
    today = timezone.localdate()
    issue_final(world.case, today - dt.timedelta(days=300))
    return schedule_review(world.case, today + dt.timedelta(days=21))


def _page(response: Any) -> str:
    return str(response.content.decode())


def _url(world: Any) -> str:
    return f"/family/children/{world.child.pk}/review/"


def test_the_childs_page_shows_the_review_and_the_task(
    client: Any, world: Any, soon: AnnualReview
) -> None:
    world.sign_in(client, "parent")
    text = _page(client.get(f"/family/children/{world.child.pk}/"))
    meeting = render_date(soon.meeting_on)
    assert "Annual review" in text
    assert f"The meeting is on {meeting}." in text
    assert "You will be invited at least 2 weeks before the meeting" in text
    assert f'href="{_url(world)}"' in text
    assert f"Give your views before the review meeting on {meeting}" in text


def test_a_parent_gives_views_through_the_page(client: Any, world: Any, soon: AnnualReview) -> None:
    world.sign_in(client, "parent")
    response = client.post(_url(world), {"what_has_changed": "New school in September."})
    assert response.status_code == 302
    assert response["Location"] == f"/family/children/{world.child.pk}/"
    views = ReviewViews.objects.get()
    assert (views.review, views.what_has_changed) == (soon, "New school in September.")
    text = _page(client.get(_url(world)))
    assert "You sent this on" in text
    assert "New school in September." in text  # filled in to change and send again


def test_no_answers_are_shown_in_the_error_summary(
    client: Any, world: Any, soon: AnnualReview
) -> None:
    world.sign_in(client, "parent")
    response = client.post(_url(world), {})
    assert response.status_code == 400
    text = _page(response)
    assert "There is a problem" in text
    assert 'href="#id_what_is_working"' in text
    assert not ReviewViews.objects.exists()


def test_after_the_meeting_the_page_takes_no_views(client: Any, world: Any) -> None:
    today = timezone.localdate()
    issue_final(world.case, today - dt.timedelta(days=300))
    schedule_review(world.case, today - dt.timedelta(days=1))
    world.sign_in(client, "parent")
    text = _page(client.get(_url(world)))
    assert "can no longer be sent here" in text
    assert "Send to the council" not in text
    assert client.post(_url(world), {"hopes": "x"}).status_code == 400
    assert not ReviewViews.objects.exists()


def test_without_a_review_the_page_goes_back_to_the_child(client: Any, world: Any) -> None:
    world.sign_in(client, "parent")
    response = client.get(_url(world))
    assert response.status_code == 302
    assert response["Location"] == f"/family/children/{world.child.pk}/"


def test_another_family_cannot_reach_the_review(
    client: Any, world: Any, soon: AnnualReview
) -> None:
    world.sign_in(client, "parent_of_another")
    assert client.post(_url(world), {"hopes": "x"}).status_code == 404
    world.sign_in(client, "practitioner_invited")
    assert client.get(_url(world)).status_code == 403
    assert not ReviewViews.objects.exists()


def test_the_council_records_views_and_reads_them_on_the_review(
    client: Any, world: Any, soon: AnnualReview
) -> None:
    world.sign_in(client, "case_officer")
    record = f"/cases/{world.case.pk}/family/review/"
    response = client.post(record, {"hopes": "To travel to college alone."})
    assert response.status_code == 400
    assert "Select how the family gave this" in _page(response)
    data = {"on_behalf_method": "meeting", "hopes": "To travel to college alone."}
    assert client.post(record, data).status_code == 302
    detail = _page(client.get(f"/cases/{world.case.pk}/family/"))
    assert "Views for the annual review" in detail
    assert "given at a meeting" in detail
    assert "To travel to college alone." in detail
    overview = _page(client.get(f"/cases/{world.case.pk}/plan/"))
    assert "The family's views for this review" in overview
    assert "To travel to college alone." in overview


def test_the_council_page_without_a_review_says_so(client: Any, world: Any) -> None:
    world.sign_in(client, "case_officer")
    text = _page(client.get(f"/cases/{world.case.pk}/family/review/"))
    assert "No annual review is in progress" in text
    assert client.post(f"/cases/{world.case.pk}/family/review/", {}).status_code == 200


def test_the_childs_page_reads_a_fixed_number_of_rows(
    client: Any, world: Any, soon: AnnualReview, django_assert_max_num_queries: Any
) -> None:
    for number in range(5):
        give(world, soon, today=timezone.localdate(), answers={"hopes": str(number)})
    world.sign_in(client, "parent")
    with django_assert_max_num_queries(22):
        assert client.get(f"/family/children/{world.child.pk}/").status_code == 200
