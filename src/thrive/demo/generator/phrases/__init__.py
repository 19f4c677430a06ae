"""Phrase banks for the synthetic area's advice, plans and family contributions. Pure
Python (no Django): planning processes import them."""

from .types import PHASES, Provision, Strand

__all__ = ["PHASES", "Provision", "Strand"]
