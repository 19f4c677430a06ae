"""`thrive generate-forecasting [--if-empty]`: the demo area's illustrative unit costs and
places (``thrive.demo.forecasting``)."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from thrive.demo.forecasting import forecasting_is_set_up, generate_forecasting


class Command(BaseCommand):
    help = (
        "Make illustrative forecasting inputs for the demo area: a made-up unit cost for every "
        "need and setting type (3% yearly uplift), and places at every setting where children "
        "with plans are placed, in made-up localities. Not any council's figures. The general "
        "population comes from 'thrive load-benchmarks', not from here."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="the date the places are counted on, YYYY-MM-DD (default: today)",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing if any unit cost or place is recorded",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and forecasting_is_set_up():
            self.stdout.write(
                "The database already holds unit costs or places, so none were generated "
                "(--if-empty)."
            )
            return
        summary = generate_forecasting(
            seed=options["seed"], today=options["today"] or timezone.localdate()
        )
        self.stdout.write(
            f"Generated illustrative unit costs ({summary.unit_costs} needs and setting types) "
            f"and {summary.places:,} places at {summary.settings} settings."
        )
        if not summary.population_loaded:
            self.stdout.write(
                "No population figures are loaded, so forecasts cannot run yet. Load them with: "
                "thrive load-benchmarks --data ../shared/data"
            )
