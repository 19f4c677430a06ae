"""The plan quality tables as shown: suppression, links, charts, words and CSV rows."""

import datetime as dt
from typing import Any

from thrive.insight import quality_presenters as present
from thrive.insight.periods import calendar_year, rolling_12_months
from thrive.insight.quality import BETTER, Drill, FindingCount

YEAR = calendar_year(2025)


def _counts(o: int = 0, g: int = 0, ri: int = 0, i: int = 0) -> dict[str, int]:
    return {
        "outstanding": o,
        "good": g,
        "requires_improvement": ri,
        "inadequate": i,
        "audits": o + g + ri + i,
    }


def _link(**drill: str) -> str:
    return "/drill?" + "&".join(f"{k}={v}" for k, v in sorted(drill.items()))


def _texts(table: present.Table) -> list[list[str]]:
    return [[row.label, *(c.figure.text for c in row.cells)] for row in table.rows]


def test_overall_ratings_with_shares_and_links() -> None:
    table = present.ratings_table(_counts(o=2, g=8, ri=6, i=4), YEAR, suppress=False, links=_link)
    assert _texts(table) == [
        ["Outstanding", "2", "10%"],
        ["Good", "8", "40%"],
        ["Requires improvement", "6", "30%"],
        ["Inadequate", "4", "20%"],
        ["Good or better", "10", "50%"],
        ["All audits", "20", ""],
    ]
    good = table.rows[1].cells[0]
    assert good.href == "/drill?list=audits&rating=good"
    assert good.label == "Good, audits"  # what the link counts, for screen readers
    assert table.rows[4].cells[0].href == f"/drill?list=audits&rating={BETTER}"
    assert 'role="img"' in table.chart


def test_small_numbers_hidden_and_not_linked_or_drawn() -> None:
    table = present.ratings_table(_counts(o=2, g=8, ri=6, i=4), YEAR, suppress=True, links=None)
    assert _texts(table)[0] == ["Outstanding", "[c]", "[c]"]
    assert _texts(table)[1] == ["Good", "8", "40%"]
    assert all(not cell.href for row in table.rows for cell in row.cells)
    assert table.hidden == 2  # Outstanding and Inadequate are left out of the chart
    assert "Outstanding" not in table.chart


def test_a_zero_is_not_linked() -> None:
    table = present.ratings_table(_counts(g=8), YEAR, suppress=False, links=_link)
    assert table.rows[0].cells[0].figure.text == "0"
    assert table.rows[0].cells[0].href == ""


def test_no_audits_no_rows() -> None:
    table = present.ratings_table(_counts(), YEAR, suppress=False, links=_link)
    assert table.rows == []
    assert table.empty == "No audits were completed in this period."


def test_plans_audited() -> None:
    table = present.plans_table({"plans": 20, "audited": 15}, YEAR, suppress=False, links=_link)
    assert _texts(table) == [
        ["Plans issued", "20", ""],
        ["With a complete audit", "15", "75%"],
        ["Without a complete audit", "5", "25%"],
    ]
    assert table.rows[2].cells[0].href == "/drill?audited=no&list=plans"


def test_every_month_of_the_period_has_a_row() -> None:
    period = rolling_12_months(dt.date(2026, 2, 14))  # 15 February 2025 to 14 February 2026
    months = {dt.date(2025, 3, 1): _counts(g=5, i=1)}
    table = present.months_table(months, period, suppress=False, links=_link)
    labels = [row.label for row in table.rows]
    assert labels[0] == "February 2025"
    assert labels[-1] == "February 2026"
    assert len(labels) == 13
    assert _texts(table)[1] == ["March 2025", "0", "5", "0", "1", "6", "83%"]
    assert table.rows[1].cells[1].href == "/drill?list=audits&month=2025-03&rating=good"
    assert "Stacked bar chart" in table.chart


def test_sections_in_the_regulations_order_with_their_names() -> None:
    grades = {"K": _counts(g=6), "H1": _counts(ri=6), "A": _counts(o=3, g=3)}
    table = present.sections_table(grades, YEAR, suppress=False, links=_link)
    assert [row.label[:11] for row in table.rows] == ["Section A: ", "Section H1:", "Section K: "]
    assert _texts(table)[0][1:] == ["3", "3", "0", "0", "6", "100%"]
    assert table.rows[1].cells[2].href == (
        "/drill?list=audits&section=H1&section_rating=requires_improvement"
    )


def test_groups_sorted_with_none_recorded_last() -> None:
    groups = {"": _counts(g=6), "south": _counts(g=5, i=5), "North": _counts(o=1, g=5)}
    table = present.group_table(groups, "team", YEAR, suppress=False, links=_link)
    assert _texts(table) == [
        ["North", "6", "6", "100%"],
        ["south", "10", "5", "50%"],
        ["No team recorded", "6", "6", "100%"],
    ]
    assert table.rows[2].cells[1].href == f"/drill?list=audits&rating={BETTER}&team="


def test_findings_in_words_and_the_chart_shows_the_ten_most_frequent() -> None:
    findings = [FindingCount(f"check_{n}", f"Check {n}", ("F",), n == 0, 20 - n) for n in range(12)]
    table = present.findings_table(findings, 40, YEAR, suppress=False, links=_link)
    assert _texts(table)[0] == ["Check 0", "Section F", "Yes, blocks issue", "20", "50%"]
    assert _texts(table)[1][2] == "No"
    assert len(table.rows) == 12
    assert "10 most frequent" in table.chart
    assert table.rows[0].cells[2].href == "/drill?check=check_0&list=audits"


def test_csv_gives_words_as_words_and_numbers_without_commas() -> None:
    findings = [
        FindingCount("vague", "Provision is vague, or missing", ("F", "G", "H1"), True, 1234),
        FindingCount("odd", "A finding with no section", (), False, 1),
    ]
    table = present.findings_table(findings, 2000, YEAR, suppress=True, links=None)
    assert present.csv_rows(table) == [
        ["Automated check", "Section", "Blocks issue", "Audits where found", "Share of audits"],
        [
            "Provision is vague, or missing",
            "Sections F, G and H1",
            "Yes, blocks issue",
            "1234",
            "62%",
        ],
        ["A finding with no section", "Not given", "No", "[c]", "[c]"],
    ]


def test_headlines() -> None:
    lines = present.headlines(
        {"plans": 40, "audited": 30}, _counts(o=5, g=10, ri=10, i=5), suppress=True
    )
    assert [(h.figure.text, h.label, h.detail) for h in lines] == [
        ("40", "plans issued", "75% with a complete audit"),
        ("30", "audits completed", "50% rated good or better"),
    ]
    hidden = present.headlines({"plans": 3, "audited": 1}, _counts(g=3), suppress=True)
    assert [(h.figure.text, h.detail) for h in hidden] == [("[c]", ""), ("[c]", "")]


def test_drill_down_titles_say_what_the_list_is() -> None:
    drill: Any = Drill(rating=BETTER, section="F", section_rating="inadequate", team="")
    assert present.audits_title(YEAR, drill, {}) == (
        "Audits completed in the calendar year 2025, rating the plan good or better overall, "
        "rating section F inadequate, for cases whose case officer has no team recorded"
    )
    assert present.audits_title(YEAR, Drill(locality="BN3", month=dt.date(2025, 7, 1)), {}) == (
        "Audits completed in the calendar year 2025, in July 2025, for children living in BN3"
    )
    assert present.plans_title(YEAR, False) == (
        "Final plans issued in the calendar year 2025 without a complete audit"
    )


def test_page_numbers() -> None:
    assert present.page_numbers(5, 20) == [1, None, 4, 5, 6, None, 20]
    assert present.page_numbers(1, 1) == [1]
