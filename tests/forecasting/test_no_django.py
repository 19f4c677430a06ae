"""The model (and back-test) packages are pure numpy: importing them loads no Django."""

import importlib.util
import pkgutil
import subprocess
import sys
from pathlib import Path

import thrive.forecasting

PACKAGES = ("thrive.forecasting.model", "thrive.forecasting.backtest")


def modules() -> list[str]:
    found: list[str] = []
    base = Path(thrive.forecasting.__file__).parent
    for package in PACKAGES:
        if importlib.util.find_spec(package) is None:
            continue
        found.append(package)
        folder = base / package.rsplit(".", 1)[1]
        found += [f"{package}.{m.name}" for m in pkgutil.iter_modules([str(folder)])]
    return found


def test_model_modules_exist() -> None:
    assert {"thrive.forecasting.model.estimate", "thrive.forecasting.model.simulate"} <= set(
        modules()
    )


def test_importing_the_model_loads_no_django() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(loaded))\n"
    )
    src = str(Path(thrive.forecasting.__file__).parents[2])
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin"},
    )
    assert done.stdout.strip() == "", f"Django loaded: {done.stdout.strip()}"
