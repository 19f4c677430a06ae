"""Precision and recall of the vague-wording check on labelled provision statements.

Usage: .venv/bin/python benchmarks/vague_wording.py [--quiet] [--min 0.95]

Reads tests/quality/checks/data/vague_wording*.csv (statement,label,note; label "vague" or
"clear") and classifies each statement with `thrive.quality.checks.is_vague`: vague wording,
or nothing at all about how much or how often. "Vague" is the positive class. Prints the
figures for each file and for all of them, and every misclassified statement with the phrases
found. Then scores the demo area's phrase banks (another engineer's clear and vague provision)
field by field, as the plan check reads them. Record the figures in docs/quality.md.

The files (see docs/quality.md for how each was used):
  vague_wording.csv          the development set, written with the rules
  vague_wording_holdout.csv  written after the rules were frozen; one round of fixes followed
  vague_wording_unseen.csv   written after that, scored once, rules unchanged since
--min fails the run (exit 1) if precision or recall on all statements falls below it."""

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / "tests" / "quality" / "checks" / "data"

from thrive.quality.checks import is_vague, vague_phrases  # noqa: E402


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0

    def add(self, *, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.true_positive += 1
        elif predicted:
            self.false_positive += 1
        elif actual:
            self.false_negative += 1
        else:
            self.true_negative += 1

    @property
    def total(self) -> int:
        return self.true_positive + self.false_positive + self.false_negative + self.true_negative

    @property
    def precision(self) -> float:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        vague = self.true_positive + self.false_negative
        return self.true_positive / vague if vague else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name:<28} {self.total:>4} statements  precision {self.precision:.3f}  "
            f"recall {self.recall:.3f}  (TP {self.true_positive}, FP {self.false_positive}, "
            f"FN {self.false_negative}, TN {self.true_negative})"
        )


def score_file(path: Path, total: Score, *, quiet: bool) -> Score:
    score = Score()
    with path.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            statement, actual = row["statement"], row["label"] == "vague"
            predicted = is_vague(statement)
            score.add(predicted=predicted, actual=actual)
            total.add(predicted=predicted, actual=actual)
            if predicted != actual and not quiet:
                found = [p.phrase for p in vague_phrases(statement)]
                if predicted:
                    why = f"phrases {found}" if found else "read as saying nothing about how much"
                else:
                    why = "no vague phrase found, and read as quantified"
                wrong = "FALSE POSITIVE" if predicted else "FALSE NEGATIVE"
                note = f"  [{row['note']}]" if row.get("note") else ""
                print(f"  {wrong}: {statement}\n      {why}{note}")
    return score


def score_demo_phrases() -> None:
    """The demo generator's phrase banks, field by field as the plan check reads them: its
    well-written provision should raise nothing; its vague wording should."""
    try:
        from thrive.demo.generator import phrases
        from thrive.demo.generator.phrases import vague
        from thrive.demo.generator.phrases.types import Strand
    except ImportError:  # the demo is another app's; skip if it has moved
        print("demo phrase banks: not found, skipped")
        return
    import importlib
    import pkgutil

    words = {"name": "Sam", "he": "he", "him": "him", "his": "his", "himself": "himself",
             "He": "He", "His": "His", "topic": "reading"}  # fmt: skip
    strands: set[Strand] = set()
    for module in pkgutil.iter_modules(phrases.__path__):
        loaded = importlib.import_module(f"{phrases.__name__}.{module.name}")
        for value in vars(loaded).values():
            if isinstance(value, tuple) and value and all(isinstance(s, Strand) for s in value):
                strands.update(value)
    fields = flagged = 0
    for strand in sorted(strands):
        given = {k: v.format(**words) for k, v in strand.provision._asdict().items()}
        for name, text in given.items():
            context = "\n".join(v for k, v in given.items() if k != name)
            fields += 1
            if found := vague_phrases(text, context=context):
                flagged += 1
                print(f"  flagged in clear demo provision ({name}): {text!r} {found}")
    print(f"demo clear provision: {fields} fields, {flagged} flagged")
    vague_fields = [t.format(**words) for group in ("WHAT", "HOW_OFTEN", "HOW_LONG", "GROUP_SIZE")
                    for t in getattr(vague, group)]  # fmt: skip
    missed = [t for t in vague_fields if not vague_phrases(t)]
    print(f"demo vague provision: {len(vague_fields)} fields, {len(vague_fields) - len(missed)} "
          f"flagged; not flagged: {missed}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="figures only")
    parser.add_argument("--min", type=float, default=0.0, help="fail below this figure")
    args = parser.parse_args()
    total = Score()
    scores = []
    for path in sorted(DATA.glob("vague_wording*.csv")):
        if not args.quiet:
            print(f"{path.name}:")
        scores.append((path.name, score_file(path, total, quiet=args.quiet)))
    print()
    for name, score in scores:
        print(score.line(name))
    print(total.line("all statements"))
    print()
    score_demo_phrases()
    if min(total.precision, total.recall) < args.min:
        sys.exit(1)


if __name__ == "__main__":
    main()
