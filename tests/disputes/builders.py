"""The dates of the disputes tests' disagreement (see conftest.py)."""

import datetime as dt

LETTER = dt.date(2025, 10, 1)  # the decision letter
CONTACTED = dt.date(2025, 10, 20)  # the family contacted a mediation adviser
REGISTERED = dt.date(2025, 12, 5)  # the Tribunal registered the appeal
