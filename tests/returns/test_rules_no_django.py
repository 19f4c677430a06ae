"""The SEN2 rules stay plain Python: importable and runnable without Django."""

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

CHECK = """
import sys
from datetime import date
from thrive.returns.sen2.records import Header, Sen2Return
from thrive.returns.sen2.rules import REGISTRY, validate
assert len(REGISTRY) > 29
findings = validate(Sen2Return(Header(2026, date(2026, 1, 15), "201")), la_code="201")
assert {f.rule_id for f in findings} == {"T-HDR-2a", "T-HDR-2b", "T-HDR-2c"}, findings
loaded = sorted(sys.modules)
assert not [m for m in loaded if m == "django" or m.startswith("django.")], "django"
"""


def test_rules_import_and_run_without_django() -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_rule_sources_import_only_the_standard_library_law_and_records() -> None:
    allowed = set(sys.stdlib_module_names) | {"thrive"}
    folder = SRC / "thrive" / "returns" / "sen2" / "rules"
    for path in folder.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if words[:1] in (["import"], ["from"]) and len(words) > 1:
                top = words[1].split(".")[0]
                assert top in allowed, f"{path.name} imports {words[1]}"
                if top == "thrive":
                    assert words[1].startswith(
                        ("thrive.law", "thrive.returns.sen2.records", "thrive.returns.sen2.rules")
                    ), f"{path.name} imports {words[1]}"
