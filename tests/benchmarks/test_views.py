"""The benchmarks page through HTTP: the council beside its region, neighbours and England, a
chosen group, counts per 10,000 aged 0 to 25 (or "not available"), CSV downloads, and a clear
state before anything is loaded."""

import csv
import io
import re
from pathlib import Path
from typing import Any

from django.db.models import Sum

from tests.factories import make_user
from thrive.benchmarks.models import Population, PublishedFigure
from thrive.benchmarks.services import benchmarks_load


def _analyst(client: Any) -> None:
    client.force_login(make_user("analyst", "analyst"))


def test_shows_the_council_against_its_region_neighbours_and_england(
    client: Any, timeliness_loaded: Path
) -> None:
    _analyst(client)
    response = client.get("/benchmarks/?la=878")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Published statistics for Devon" in page
    assert "South West" in page
    assert "Statistical neighbours (2025) (average)" in page
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">11.8%</td>' in page  # 2022
    latest = PublishedFigure.objects.get(
        measure="within_20_weeks", area_code="878", period="2024", release="2025"
    )
    assert f"{latest.numerator:,} of {latest.denominator:,}" in page
    assert 'role="img"' in page
    assert "<title>EHC plans issued within 20 weeks" in page
    assert "Open Government Licence v3.0" in page


def test_compares_with_a_group_the_user_picks(client: Any, timeliness_loaded: Path) -> None:
    _analyst(client)
    response = client.get("/benchmarks/?la=878&group=chosen&chosen=879&chosen=908")
    assert response.status_code == 200
    assert "Your chosen group (average)" in response.content.decode()


def test_asks_for_a_group_when_none_was_picked(client: Any, timeliness_loaded: Path) -> None:
    _analyst(client)
    response = client.get("/benchmarks/?la=878&group=chosen")
    assert response.status_code == 400
    assert "Select at least one local authority to compare with" in response.content.decode()


def test_downloads_the_latest_table_as_csv(client: Any, timeliness_loaded: Path) -> None:
    _analyst(client)
    response = client.get(
        "/benchmarks/?la=878&format=csv&measure=within_20_weeks_excluding_exceptions&table=latest"
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="within_20_weeks_excluding_exceptions-878-2024.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert [r[0] for r in rows[1:5]] == [
        "Devon",
        "South West",
        "Statistical neighbours (2025) (average)",
        "England",
    ]
    assert len(rows) == 1 + 4 + 10  # header, council/region/average/England, 10 neighbours


def test_downloads_the_trend_as_csv(client: Any, timeliness_loaded: Path) -> None:
    _analyst(client)
    response = client.get("/benchmarks/?la=878&format=csv&measure=within_20_weeks&table=trend")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    devon_2022 = next(r for r in rows if r[0] == "2022")
    stored = PublishedFigure.objects.get(
        measure="within_20_weeks", area_code="878", period="2022", release="2025"
    )
    assert devon_2022[1] == str(stored.value)


def test_an_unknown_download_is_not_found(client: Any, timeliness_loaded: Path) -> None:
    _analyst(client)
    assert client.get("/benchmarks/?format=csv&measure=nothing&table=latest").status_code == 404


def test_says_when_nothing_is_loaded(client: Any, db: Any) -> None:
    _analyst(client)
    response = client.get("/benchmarks/")
    assert response.status_code == 200
    assert "No published statistics have been loaded yet." in response.content.decode()


def test_families_and_practitioners_are_refused(client: Any, db: Any) -> None:
    client.force_login(make_user("a-parent", "parent"))
    assert client.get("/benchmarks/").status_code == 403


def _text(html: str) -> str:
    """The page's words with tags and runs of white space reduced to single spaces."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_shows_each_count_per_10_000_aged_0_to_25(
    client: Any, counts_with_population: None
) -> None:
    _analyst(client)
    response = client.get("/benchmarks/?la=100")
    page = _text(response.content.decode())
    assert response.status_code == 200
    assert "Area Number Per 10,000 aged 0 to 25" in page
    assert "Council 100 50 25.0" in page
    assert "Test Region 500 50.0" in page
    average = (
        "Statistical neighbours (2025) (average) 27 (3 of 4 published) 25.0 (2 of 4 available)"
    )
    assert average in page
    assert "England 2,000 20.0" in page
    assert "in the middle of 2024" in page


def test_says_plainly_where_a_rate_is_not_available(
    client: Any, counts_with_population: None
) -> None:
    _analyst(client)
    page = _text(client.get("/benchmarks/?la=100").content.decode())
    assert "Area 101 30 30.0" in page
    assert "Area 103 Not published Not available" in page  # no count
    assert "Area 104 40 Not available" in page  # no population
    assert "Not available means the population estimate for that area and year" in page


def test_the_latest_table_download_has_rates_and_populations(
    client: Any, counts_with_population: None
) -> None:
    _analyst(client)
    response = client.get("/benchmarks/?la=100&format=csv&measure=active_plans&table=latest")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        [
            "Area",
            "EHC plans in place in January",
            "Per 10,000 aged 0 to 25 (mid-2024 population)",
            "Population aged 0 to 25 (mid-2024)",
        ],
        ["Council 100", "50", "25", "20000"],
        ["Test Region", "500", "50", "100000"],
        ["Statistical neighbours (2025) (average)", "26.7", "25", ""],
        ["England", "2000", "20", "1000000"],
        ["Area 101", "30", "30", "10000"],
        ["Area 102", "10", "20", "5000"],
        ["Area 103", "", "not available", "8000"],
        ["Area 104", "40", "not available", "not available"],
    ]


def test_a_percentage_has_no_rate_column(client: Any, timeliness_loaded: Path) -> None:
    _analyst(client)
    page = client.get("/benchmarks/?la=878").content.decode()
    section = page[page.index('id="within_20_weeks"') : page.index('id="requests_received"')]
    assert "Per 10,000" not in section


def test_devon_s_plans_per_10_000_from_the_published_files(
    client: Any, db: Any, data_dir: Path
) -> None:
    benchmarks_load(actor=None, data=data_dir, only={"caseload", "neighbours", "population"})
    plans = PublishedFigure.objects.get(measure="active_plans", area_code="878", period="202425")
    people = Population.objects.filter(area_code="878", year=2024).aggregate(n=Sum("population"))
    assert plans.value is not None
    expected = f"{10_000 * plans.value / people['n']:,.1f}"
    _analyst(client)
    page = _text(client.get("/benchmarks/?la=878").content.decode())
    assert f"Devon {plans.value:,.0f} {expected}" in page
