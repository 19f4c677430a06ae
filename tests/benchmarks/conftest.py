"""The published data lives beside the repository (<repo>/../shared/data), on this machine and
on CI. Tests that need it are skipped, with the reason, where it is absent."""

from pathlib import Path
from typing import Any

import pytest

from thrive.benchmarks.services import benchmarks_load

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture
def data_dir() -> Path:
    if not (DATA / "ehcp-stats").is_dir():
        pytest.skip(f"the published statistics are not at {DATA}")
    return DATA


@pytest.fixture
def timeliness_loaded(db: Any, data_dir: Path) -> Path:
    """The 20-week timeliness figures and statistical neighbours, loaded (about a second)."""
    benchmarks_load(actor=None, data=data_dir, only={"timeliness", "neighbours"})
    return data_dir
