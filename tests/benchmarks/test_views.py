"""The benchmarks page through HTTP: the council beside its region, neighbours and England, a
chosen group, CSV downloads, and a clear state before anything is loaded."""

import csv
import io
from pathlib import Path
from typing import Any

from tests.factories import make_user
from thrive.benchmarks.models import PublishedFigure


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
