"""`thrive run-forecast --name NAME [--variant --years --simulations --seed --base-year --user]`:
save a scenario and run it here and now, without the task worker, printing the total number
of children with EHC plans each January with its 80% interval and the time taken."""

import time
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from thrive.accounts.policy import FORECAST_EDIT_ROLES
from thrive.core.errors import Refusal
from thrive.forecasting import selectors, services
from thrive.forecasting.inputs import (
    MAX_SIMULATIONS,
    MAX_YEARS,
    VARIANT_CODES,
    InputError,
    ScenarioInputs,
)
from thrive.forecasting.models import RunStatus, Scenario


class Command(BaseCommand):
    help = (
        "Save a forecast scenario and run it now (no task worker needed): the EHC plan "
        "population from the January census day of BASE-YEAR (default: the latest with "
        "records), projected YEARS ahead. Prints the median total each January with its 80% "
        "interval. The run is kept, with its full results, for the forecasting pages."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True, help="the scenario's name")
        parser.add_argument("--variant", choices=VARIANT_CODES, default="trend")
        parser.add_argument("--years", type=int, default=5, help=f"1 to {MAX_YEARS}")
        parser.add_argument(
            "--simulations", type=int, default=1000, help=f"100 to {MAX_SIMULATIONS}"
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--base-year", type=int, help="the January to start from")
        parser.add_argument(
            "--if-none",
            action="store_true",
            help="do nothing if a scenario is already saved, or no population is loaded (the "
            "demo's first forecast)",
        )
        parser.add_argument(
            "--user",
            help="the username the scenario is recorded as (default: the first analyst or "
            "SEND manager)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_none"] and (skip := self._nothing_to_do()):
            self.stdout.write(skip)
            return
        actor = self._actor(options["user"])
        base_year = options["base_year"] or self._latest_january()
        try:
            inputs = ScenarioInputs(
                base_year=base_year,
                variant=options["variant"],
                years=options["years"],
                simulations=options["simulations"],
                seed=options["seed"],
            )
            scenario = services.scenario_create(actor=actor, name=options["name"], inputs=inputs)
            run = services.run_start(actor=actor, scenario=scenario, enqueue=False)
        except (InputError, Refusal) as error:
            raise CommandError(error.message) from None
        started = time.perf_counter()
        services.run_execute(run)
        seconds = time.perf_counter() - started
        if run.status != RunStatus.DONE or run.results is None:
            raise CommandError(f"Run {run.pk} failed: {run.error}")
        self.stdout.write(
            f'Scenario "{scenario.name}" (run {run.pk}): {inputs.variant}, from January '
            f"{inputs.base_year}, {inputs.simulations:,} simulations, seed {inputs.seed}."
        )
        self.stdout.write(f"{'January':<8} {'Median':>8}  80% interval")
        for row in run.results["counts"]["total"]:
            self.stdout.write(
                f"{row['year']:<8} {row['median']:>8,.0f}  "
                f"{row['low_80']:,.0f} to {row['high_80']:,.0f}"
            )
        self.stdout.write(f"Took {seconds:.1f} s.")

    def _nothing_to_do(self) -> str:
        if Scenario.objects.exists():
            return "A forecast scenario is already saved, so none was run (--if-none)."
        if not selectors.population_is_loaded():
            return (
                "No population figures are loaded, so no forecast was run (--if-none). Load "
                "them with: thrive load-benchmarks --data ../shared/data"
            )
        return ""

    def _actor(self, username: str | None) -> Any:
        users = get_user_model().objects.filter(is_active=True)
        if username:
            actor = users.filter(username=username).first()
            if actor is None:
                raise CommandError("No active user with that username.")
            return actor
        actor = users.filter(role__in=FORECAST_EDIT_ROLES).order_by("pk").first()
        if actor is None:
            raise CommandError("Name the user the scenario is recorded as with --user.")
        return actor

    def _latest_january(self) -> int:
        years = selectors.snapshot_years()
        if not years:
            raise CommandError("There are no EHC plans in the records to forecast from.")
        return years[-1]
