import csv
import io
from pathlib import Path
from typing import Any

import numpy as np
from django.core.management.base import BaseCommand, CommandError, CommandParser

from thrive.forecasting.backtest.methods import DAMPING
from thrive.forecasting.inputs import MAX_SIMULATIONS, MAX_YEARS, VARIANT_CODES
from thrive.forecasting.model.costs import cost_tables
from thrive.forecasting.model.estimate import estimate
from thrive.forecasting.model.population import (
    WITAN_YEAR_OFFSET,
    PopulationFileError,
    read_population_csv,
)
from thrive.forecasting.model.simulate import Simulation, simulate
from thrive.forecasting.model.summarise import Table, summarise
from thrive.forecasting.model.trend import fit_trend, joiner_multiplier
from thrive.forecasting.witan import WitanFileError, WitanHistory, cost_array, read_costs
from thrive.forecasting.witan import read_transitions as read_witan_transitions

COUNT_BREAKDOWNS = ("total", "setting", "need", "ncy_group", "age_band", "dsg_category")
COLUMNS = (
    "measure",
    "year",
    "breakdown",
    "label",
    "mean",
    "sd",
    "median",
    "low_50",
    "high_50",
    "low_80",
    "high_80",
    "low_95",
    "high_95",
)


def _read(folder: Path, name: str, *, required: bool = True) -> str | None:
    path = folder / name
    if path.is_file():
        return path.read_text(encoding="utf-8-sig")
    if required:
        raise CommandError(f"{path} was not found.")
    return None


def _file_errors(name: str, errors: list[str]) -> CommandError:
    return CommandError(f"{name} could not be used:\n" + "\n".join(errors))


class Command(BaseCommand):
    help = (
        "Forecast the EHC plan population from a folder of witan.send input files "
        "(transitions.csv, population.csv, and optionally valid-states.csv and costs.csv), "
        "without the database, and write the summary by year (counts by total, setting, need, "
        "NCY group and age band, and cost when costs.csv is there) as CSV."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="The folder holding the witan.send files.")
        parser.add_argument("--years", type=int, default=5, help="Years to project (default 5).")
        parser.add_argument(
            "--simulations", type=int, default=1000, help="Simulations (default 1000)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--variant", choices=VARIANT_CODES, default="stationary", help="Default stationary."
        )
        parser.add_argument(
            "--uplift", type=float, default=0.0, help="Annual cost uplift, percent (default 0)."
        )
        parser.add_argument("--out", type=Path, help="Write the CSV here (default: the screen).")

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["folder"]
        years, simulations = options["years"], options["simulations"]
        if not 1 <= years <= MAX_YEARS:
            raise CommandError(f"--years must be from 1 to {MAX_YEARS}.")
        if not 1 <= simulations <= MAX_SIMULATIONS:
            raise CommandError(f"--simulations must be from 1 to {MAX_SIMULATIONS}.")
        history = self._history(folder)
        population = self._population(folder, history, years)
        simulation, trend_text = self._simulate(history, population, options)
        counts = summarise(simulation, history.space)
        tables = [counts[b] for b in COUNT_BREAKDOWNS if b in counts]
        text = _summary_csv(tables, self._costs(folder, history, simulation, options["uplift"]))
        notes = (
            f"Base January {history.base_year}; transitions from January "
            f"{history.transitions[0].year - 1} to January {history.base_year}; {simulations} "
            f"simulations, seed {options['seed']}, {options['variant']}. Rows left out: "
            f"{history.dropped} where the NCY did not rise by one, {history.outside} outside the "
            "valid NCYs."
        )
        if trend_text:
            notes += f"\n{trend_text}"
        if options["out"] is None:
            self.stdout.write(text, ending="")
            self.stderr.write(notes)
        else:
            options["out"].write_text(text, encoding="utf-8")
            self.stdout.write(f"{notes}\nWrote {options['out']}.")

    def _costs(
        self, folder: Path, history: WitanHistory, simulation: Simulation, uplift: float
    ) -> list[Table]:
        text = _read(folder, "costs.csv", required=False)
        if text is None:
            return []
        try:
            unit = cost_array(read_costs(text), history.space)
        except WitanFileError as error:
            raise _file_errors("costs.csv", error.errors) from None
        tables = cost_tables(simulation, history.space, unit, uplift, history.base_year)
        return list(tables.values())

    def _history(self, folder: Path) -> WitanHistory:
        transitions = _read(folder, "transitions.csv")
        valid = _read(folder, "valid-states.csv", required=False)
        assert transitions is not None
        try:
            return read_witan_transitions(transitions, valid)
        except WitanFileError as error:
            name = "transitions.csv" if valid is None else "transitions.csv or valid-states.csv"
            raise _file_errors(name, error.errors) from None

    def _population(self, folder: Path, history: WitanHistory, years: int) -> dict[int, np.ndarray]:
        text = _read(folder, "population.csv")
        assert text is not None
        try:
            population = read_population_csv(text, history.space)
        except PopulationFileError as error:
            raise _file_errors("population.csv", error.errors) from None
        needed = [t.year for t in history.transitions]
        needed += list(range(history.base_year + 1, history.base_year + years + 1))
        # Named as the file's calendar years (a January's row is the year before).
        missing = sorted({y - WITAN_YEAR_OFFSET for y in needed if y not in population})
        if missing:
            raise CommandError(
                f"population.csv has no rows for calendar years {', '.join(map(str, missing))}: "
                "the history and every projected year are needed."
            )
        return population

    def _simulate(
        self, history: WitanHistory, population: dict[int, np.ndarray], options: dict[str, Any]
    ) -> tuple[Simulation, str]:
        space = history.space
        projected = list(range(history.base_year + 1, history.base_year + options["years"] + 1))
        multiplier, trend_text = None, ""
        if options["variant"] != "stationary":
            history_years = [t.year for t in history.transitions]
            try:
                fit = fit_trend(history.transitions, population, space)
            except ValueError as error:
                raise CommandError(str(error)) from None
            damping = DAMPING if options["variant"] == "damped" else None
            multiplier = joiner_multiplier(
                fit, history_years, projected, space.n_ncy, damping=damping
            )
            trend_text = fit.text
        params = estimate(history.transitions, population, space)
        simulation = simulate(
            params,
            history.start,
            np.stack([population[y] for y in projected]),
            first_year=history.base_year,
            simulations=options["simulations"],
            seed=options["seed"],
            joiner_multiplier=multiplier,
        )
        return simulation, trend_text


def _summary_csv(counts: list[Table], costs: list[Table]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for measure, tables in (("count", counts), ("cost", costs)):
        for table in tables:
            for row in table.rows():
                writer.writerow([measure, *(_cell(row[c]) for c in COLUMNS[1:])])
    return buffer.getvalue()


def _cell(value: object) -> object:
    return round(value, 2) if isinstance(value, float) else value
