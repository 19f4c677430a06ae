"""The synthetic local area: a council, its education settings, children and young people
aged 0 to 25, and their EHC needs assessment cases, drawn to match England's published
figures (see `thrive.demo.calibration`).

`plan` (pure Python) decides everything; `writer` puts it in the database. The database
names load lazily, so worker processes that only plan never import Django.
"""

from typing import Any

from .plan import AreaSpec, PlannedChild, plan_area, plan_child
from .register import PlannedSetting, Register, plan_register

_WRITER_NAMES = frozenset({"AreaSummary", "area_has_children", "default_workers", "generate_area"})


def __getattr__(name: str) -> Any:
    if name in _WRITER_NAMES:
        from . import writer

        return getattr(writer, name)
    raise AttributeError(name)


__all__ = [
    "AreaSpec",
    "AreaSummary",
    "PlannedChild",
    "PlannedSetting",
    "Register",
    "area_has_children",
    "default_workers",
    "generate_area",
    "plan_area",
    "plan_child",
    "plan_register",
]
