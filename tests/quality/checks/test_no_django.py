"""thrive.quality.checks stays plain Python: importable with no Django and no other Thrive
app, so the rules run anywhere (the benchmark, another system)."""

import ast
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[3] / "src"
PACKAGE = SRC / "thrive" / "quality" / "checks"

CHECK = """
import sys
import thrive.quality.checks as checks
checks.run_checks(checks.PlanRecord(kind="final"))
checks.vague_phrases("Access to support as appropriate")
loaded = sorted(sys.modules)
assert not [m for m in loaded if m == "django" or m.startswith("django.")], "django"
others = [
    m for m in loaded
    if m.startswith("thrive.") and not m.startswith("thrive.quality.checks")
    and m not in ("thrive.quality",)
]
assert not others, others
"""


def test_checks_import_without_django_or_other_thrive_apps() -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_checks_sources_import_only_the_standard_library() -> None:
    allowed = set(sys.stdlib_module_names)
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            else:
                continue  # not an import, or a relative one within the package
            for name in names:
                assert name.split(".")[0] in allowed, f"{path.name} imports {name}"
