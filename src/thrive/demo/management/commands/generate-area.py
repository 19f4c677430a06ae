"""`thrive generate-area`: fill the database with a synthetic local area for the demo."""

import time
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.utils import timezone

from thrive.demo.generator import area_has_children, default_workers, generate_area


class _Progress:
    """Progress on stderr, as "children 40,000/100,000": rewritten in place on a terminal,
    otherwise a line every tenth so CI logs stay short."""

    def __init__(self, stream: OutputWrapper, *, enabled: bool) -> None:
        self.stream, self.enabled = stream, enabled
        self.interactive = stream.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        line = f"children {done:,}/{total:,}"
        if self.interactive:
            self.stream.write(f"\r{line}", ending="\n" if done == total else "")
        elif (tenth := done * 10 // total) != self.last_tenth:
            self.last_tenth = tenth
            self.stream.write(line)
        self.stream.flush()


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def _share(value: str) -> float:
    share = float(value)
    if not 0 <= share <= 0.9:
        raise ValueError(value)
    return share


class Command(BaseCommand):
    help = (
        "Generate a synthetic local area: the council, its education settings, children and "
        "young people aged 0 to 25, their EHC needs assessment cases with the advice asked for "
        "and given, EHC plans and families' views, annual reviews, amended and ceased plans, "
        "mediation and appeals, drawn to match England's published figures. Deterministic "
        "for the same seed, date, size and years."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--children",
            type=_positive,
            default=3000,
            help="how many children and young people (default 3000)",
        )
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--years", type=_positive, default=4, help="years of requests, up to today (default 4)"
        )
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="the date the area is generated as of, YYYY-MM-DD (default: today)",
        )
        parser.add_argument(
            "--established-plans",
            type=_share,
            default=0.0,
            help="the share of children whose plan was issued before those years, as in a "
            "real caseload, 0 to 0.9 (default 0)",
        )
        parser.add_argument(
            "--timelines-only",
            action="store_true",
            help="write cases and their timelines but no advice, plans or family views "
            "(for performance benchmarks at national scale)",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing if any child or young person is recorded",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="worker processes that plan the area while this one writes it; 0 plans "
            "here (default: 0 below 20,000 children or when no CPU is to spare, else one "
            "per spare CPU, one being left for writing, up to 4)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and area_has_children():
            self.stdout.write(
                "The database already holds children and young people, so no area was "
                "generated (--if-empty)."
            )
            return
        children: int = options["children"]
        today: date = options["today"] or timezone.localdate()
        started = time.perf_counter()
        try:
            summary = generate_area(
                children=children,
                seed=options["seed"],
                years=options["years"],
                today=today,
                workers=default_workers(children)
                if options["workers"] is None
                else max(0, options["workers"]),
                on_progress=_Progress(self.stderr, enabled=options["verbosity"] > 0),
                established=options["established_plans"],
                documents=not options["timelines_only"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Generated {summary.local_authority.name}: {summary.settings:,} settings, "
            f"{summary.children:,} children and young people, {summary.cases:,} cases "
            f"({summary.open_cases:,} open), {summary.events:,} events, "
            f"{summary.advice_requests:,} requests for advice, {summary.plans:,} EHC plans, "
            f"{summary.reviews:,} annual reviews, {summary.cessations:,} decisions to cease, "
            f"{summary.appeals:,} appeals, as of {today.isoformat()}, in {seconds:.1f} s."
        )
        if summary.refused_steps:
            self.stderr.write(
                f"{summary.refused_steps:,} timelines were cut short where the law refused a "
                "step; please report this."
            )
