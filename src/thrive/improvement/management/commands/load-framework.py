"""`thrive load-framework PATH`: the area SEND inspection framework's evaluation criteria."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from thrive.core.errors import Refusal
from thrive.improvement.framework import DEFAULT_PATH, framework_load_file
from thrive.improvement.selectors_selfeval import framework_loaded


class Command(BaseCommand):
    help = (
        "Load the evaluation criteria of the Ofsted/CQC area SEND inspection framework (each "
        "'**NN. Heading**' under a '## ' area, with its bullet points) for the self-evaluation. "
        "Running it again updates each criterion in place by its paragraph number."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            default=DEFAULT_PATH,
            help=f"the framework's Markdown file (default {DEFAULT_PATH})",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing if any criterion is loaded"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and framework_loaded():
            self.stdout.write("The framework's criteria are already loaded (--if-empty).")
            return
        try:
            report = framework_load_file(options["path"])
        except Refusal as refusal:
            raise CommandError(f"Nothing was loaded. {refusal.message}") from None
        self.stdout.write(
            f"Loaded {report.total} criteria from {options['path']}: {report.created} new, "
            f"{report.updated} changed, {report.unchanged} unchanged."
        )
