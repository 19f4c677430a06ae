"""`thrive generate-improvement`: the demo area's improvement programme."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from thrive.demo.improvement import area_has_programme, generate_improvement


class Command(BaseCommand):
    help = (
        "Make a synthetic improvement programme: priorities, workstreams, actions across the "
        "partners (some overdue, some complete with evidence), milestones, targets on the "
        "dashboard's measures, a risk register, family feedback and 'you said, we did'. "
        "Deterministic for the same seed and date."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="the date the programme is set around, YYYY-MM-DD (default: today)",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing if any priority is recorded"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and area_has_programme():
            self.stdout.write(
                "The database already holds an improvement programme, so none was generated "
                "(--if-empty)."
            )
            return
        summary = generate_improvement(
            seed=options["seed"], today=options["today"] or timezone.localdate()
        )
        self.stdout.write(
            f"Generated an improvement programme: {summary.priorities} priorities, "
            f"{summary.actions} actions ({summary.overdue} overdue, {summary.complete} "
            f"complete with evidence), {summary.milestones} milestones, {summary.measures} "
            f"measure targets, {summary.risks} risks, {summary.feedback} pieces of feedback "
            f"and {summary.responses} 'you said, we did' entries."
        )
