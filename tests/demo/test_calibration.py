"""The calibration: derived from DfE's files, small, sourced, and what the generator reads."""

import io
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from thrive.demo import calibration as calibration_module
from thrive.demo.calibration import (
    Calibration,
    age_range,
    calibration_json,
    derive_calibration,
    read_national,
)
from thrive.law import codes

SHIPPED = Path(calibration_module.__file__).parent / "data" / "calibration.json"
SHARED_DATA = Path(__file__).parents[2] / ".." / "shared" / "data" / "ehcp-stats"
needs_published_files = pytest.mark.skipif(
    not SHARED_DATA.is_dir(), reason="DfE's CSVs are not on this machine"
)


@pytest.fixture(scope="module")
def derived() -> dict[str, Any]:
    return derive_calibration(SHARED_DATA)


@needs_published_files
def test_shipped_calibration_is_what_the_published_files_give(derived: dict[str, Any]) -> None:
    assert calibration_json(derived) == SHIPPED.read_text("utf-8")


@needs_published_files
def test_derive_calibration_command_writes_the_json(tmp_path: Path) -> None:
    output = tmp_path / "calibration.json"
    out = io.StringIO()
    call_command("derive-calibration", data=SHARED_DATA, output=output, stdout=out)
    assert "release-2025/requests.csv" in out.getvalue()
    assert json.loads(output.read_text("utf-8")) == json.loads(SHIPPED.read_text("utf-8"))


@needs_published_files
def test_refusals_match_the_published_england_figure(derived: dict[str, Any]) -> None:
    # DfE's request_not_assess_pc for England, 2024, is 25.2.
    assert derived["requests"]["refused_of_received"] == pytest.approx(0.252, abs=0.001)


def test_calibration_names_its_sources_and_licence(calibration: Calibration) -> None:
    source = calibration.data["source"]
    assert source["licence"] == "Open Government Licence v3.0"
    assert source["publisher"] == "Department for Education"
    assert {f["file"] for f in source["files"]} >= {"requests.csv", "timeliness_20_week.csv"}
    assert all(f["release"].startswith("release-") and f["time_period"] for f in source["files"])


def test_calibration_is_small() -> None:
    assert SHIPPED.stat().st_size < 20_000


def test_shares_add_up_and_use_thrive_codes(calibration: Calibration) -> None:
    for section, code_list in [
        ("primary_need", codes.SEN_TYPES),
        ("ethnicity", codes.ETHNICITIES),
        ("sex", codes.SEXES),
    ]:
        shares = calibration.weights(section)
        assert sum(shares.values()) == pytest.approx(1, abs=0.002), section
        assert all(code in code_list for code in shares), section
    for key in ("all_plans", "plans_with_exception", "plans_without_exception"):
        assert sum(calibration.weights("timeliness", key).values()) == pytest.approx(1, abs=0.002)


def test_age_keys_cover_0_to_25_without_gaps(calibration: Calibration) -> None:
    for keys in (
        calibration.weights("age_at_request"),
        calibration.data["placements"]["by_age"],
    ):
        ranges = sorted(age_range(key) for key in keys)
        assert all(a[1] + 1 == b[0] for a, b in itertools.pairwise(ranges))
        assert ranges[-1][1] == 25


def test_reads_columns_whatever_their_case(tmp_path: Path) -> None:
    release = tmp_path / "release-2030"
    release.mkdir()
    (release / "requests.csv").write_text(
        "\ufefftime_period,Geographic_Level,breakdown_topic,Requests_Received_In_Year\r\n"
        "2029,National,All requests,10\r\n2029,Local authority,All requests,3\r\n",
        encoding="utf-8",
    )
    table = read_national(tmp_path, "requests.csv")
    assert table.release == "release-2030"
    assert [row["requests_received_in_year"] for row in table.rows] == ["10"]


@needs_published_files
def test_review_figures_match_the_published_england_row(derived: dict[str, Any]) -> None:
    # annual_reviews.csv, England 2024: pc_decsion_4weeks 44.4; 453,761 meetings of
    # 524,654 reviews expected; 219,538 amend, 4,087 cease, 135,264 maintain.
    reviews = derived["annual_reviews"]
    assert reviews["decided_within_4_weeks"] == pytest.approx(0.444, abs=0.001)
    assert reviews["held"] == pytest.approx(453_761 / 524_654, abs=0.0001)
    assert reviews["outcomes"]["amend"] == pytest.approx(219_538 / 358_889, abs=0.0001)
    assert reviews["held"] + reviews["no_meeting"] == pytest.approx(1, abs=0.0002)


@needs_published_files
def test_cease_reasons_are_sen2_codes_without_not_recorded(derived: dict[str, Any]) -> None:
    # ceased_plans.csv, England 2024: 44,862 ceased, 13,953 of them transferred (code 5);
    # not_rec has no SEN2 code and is left out.
    ceased = derived["ceased"]
    assert set(ceased["reasons"]) == set(codes.CEASE_REASONS.codes)
    assert sum(ceased["reasons"].values()) == pytest.approx(1, abs=0.002)
    assert ceased["reasons"]["5"] == pytest.approx(13_953 / 44_862, abs=0.0001)
    assert ceased["per_plan_per_year"] == pytest.approx(44_862 / 638_745, abs=0.0001)


@needs_published_files
def test_appeal_rate_is_englands_total_for_the_latest_year(derived: dict[str, Any]) -> None:
    # The England Total row for 2024: 22,276 appeals of 689,739 appealable decisions, 3.2%
    # (the "in development" column beside it, 6.1%, is not used).
    appeals = derived["appeals"]
    assert (appeals["registered"], appeals["appealable_decisions"]) == (22_276, 689_739)
    assert appeals["per_appealable_decision"] == pytest.approx(0.032, abs=0.0005)
    files = {f["file"]: f for f in derived["source"]["files"]}
    assert files["send_tribunal_appeal_rate_2014_2024.csv"]["time_period"] == "2024"
    assert "columns" in files["annual_reviews.csv"]
    assert "columns" in files["ceased_plans.csv"]
