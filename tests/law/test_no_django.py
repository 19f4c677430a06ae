"""thrive.law must stay plain Python: importable with no Django and no other Thrive app."""

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

CHECK = """
import sys
import thrive.law, thrive.law.clock, thrive.law.identifiers, thrive.law.codes, thrive.law.reviews
thrive.law.identifiers.recognised_la_codes()  # reads the packaged data file
loaded = sorted(sys.modules)
assert not [m for m in loaded if m == "django" or m.startswith("django.")], "django"
others = [m for m in loaded if m.startswith("thrive.") and not m.startswith("thrive.law")]
assert not others, others
"""


def test_law_imports_without_django_or_other_thrive_apps() -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_law_sources_import_only_the_standard_library() -> None:
    allowed = set(sys.stdlib_module_names) | {"thrive"}
    for path in (SRC / "thrive" / "law").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if words[:1] in (["import"], ["from"]) and len(words) > 1:
                top = words[1].split(".")[0]
                assert top in allowed, f"{path.name} imports {words[1]}"
                if top == "thrive":
                    assert words[1].startswith("thrive.law"), f"{path.name} imports {words[1]}"
