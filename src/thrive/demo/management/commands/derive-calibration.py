"""`thrive derive-calibration`: rebuild the synthetic area's calibration from DfE's CSVs."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thrive.demo.calibration import calibration_json, derive_calibration


class Command(BaseCommand):
    help = (
        "Read DfE's 'Education, health and care plans' CSVs (England, latest year) and write "
        "the proportions the synthetic local area is drawn to match."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data",
            type=Path,
            required=True,
            help="the ehcp-stats folder holding release-YYYY/ folders of DfE CSVs",
        )
        parser.add_argument(
            "--output",
            type=Path,
            required=True,
            help="where to write the JSON, e.g. src/thrive/demo/data/calibration.json",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        data: Path = options["data"]
        if not data.is_dir():
            raise CommandError(f"{data} is not a folder.")
        try:
            calibration = derive_calibration(data)
        except (FileNotFoundError, KeyError, ValueError) as error:
            raise CommandError(f"Could not derive the calibration: {error}") from error
        output: Path = options["output"]
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(calibration_json(calibration), encoding="utf-8")
        files = ", ".join(f"{f['release']}/{f['file']}" for f in calibration["source"]["files"])
        self.stdout.write(f"Wrote {output} from {files}.")
