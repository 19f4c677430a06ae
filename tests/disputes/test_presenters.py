"""Rows for the disputes pages: the hearing in words on the area's list, and an appeal's card
once it is decided (no step links left)."""

import datetime as dt
from typing import Any

from tests.factories import TODAY
from thrive.disputes import presenters, selectors, services
from thrive.disputes.models import Appeal


def test_the_hearing_in_words(officer: Any, appeal: Appeal) -> None:
    assert presenters.open_appeal_row(appeal, TODAY)["hearing"] == "Not set"
    appeal = services.appeal_record_hearing(
        actor=officer, appeal=appeal, hearing_on=dt.date(2026, 2, 1), today=TODAY
    )
    row = presenters.open_appeal_row(appeal, TODAY)
    assert row["hearing"] == "1 February 2026 (passed: record the outcome)"
    assert row["reference"] == appeal.case.reference
    assert presenters.open_appeal_row(appeal, dt.date(2026, 1, 31))["hearing"] == "1 February 2026"


def test_a_decided_appeal_has_no_step_links(officer: Any, appeal: Appeal) -> None:
    open_card = presenters.appeal_card(selectors.appeal_view(appeal))
    assert open_card["status"]["text"] == "Open"
    assert [r["action"]["text"] for r in open_card["rows"] if r.get("action")] == [
        "Record",
        "Record",
    ]
    services.appeal_record_outcome(
        actor=officer, appeal=appeal, outcome="dismissed", outcome_on=TODAY, today=TODAY
    )
    appeal.refresh_from_db()
    card = presenters.appeal_card(selectors.appeal_view(appeal))
    assert card["status"]["text"] == "Closed"
    assert not [r for r in card["rows"] if r.get("action")]
    assert card["rows"][-1]["value"] == (
        "Appeal dismissed (the council's decision stands), on 2 March 2026"
    )
