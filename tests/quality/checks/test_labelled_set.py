"""The labelled provision statements behind the vague-wording figures (benchmarks/
vague_wording.py): well formed, big enough and balanced. The figures themselves are measured
by `make bench`, not asserted here."""

import csv
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
FILES = ("vague_wording.csv", "vague_wording_holdout.csv", "vague_wording_unseen.csv")


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("name", FILES)
def test_each_file_is_statement_label_note(name: str) -> None:
    found = rows(name)
    assert found
    assert all(set(r) == {"statement", "label", "note"} for r in found)
    assert all(r["label"] in {"vague", "clear"} and r["statement"].strip() for r in found)


def test_the_main_set_has_at_least_200_statements_about_half_vague() -> None:
    labels = [r["label"] for r in rows("vague_wording.csv")]
    assert len(labels) >= 200
    assert 0.4 <= labels.count("vague") / len(labels) <= 0.6


def test_no_statement_is_labelled_twice() -> None:
    statements = [r["statement"].lower() for name in FILES for r in rows(name)]
    assert len(statements) == len(set(statements))
