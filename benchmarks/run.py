"""`make bench`: every benchmark, one after another. Record results in docs/performance.md."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["generate_area.py", "caseload.py", "dashboard.py"]

for script in BENCHMARKS:
    print(f"\n== {script}", flush=True)
    subprocess.run([sys.executable, str(HERE / script)], check=True)  # noqa: S603
