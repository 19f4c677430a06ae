"""A small planned area shared by the generator's tests (planning is pure Python: no DB)."""

import datetime as dt

import pytest

from thrive.demo.calibration import Calibration, load_calibration
from thrive.demo.generator import AreaSpec, PlannedChild, Register, plan_area, plan_register

TODAY = dt.date(2026, 11, 23)
CHILDREN = 3000
OFFICERS = ("officer", "officer2", "officer3")


def area_spec(
    *,
    children: int = CHILDREN,
    seed: int = 1,
    years: int = 4,
    established: float = 0.0,
    documents: bool = True,
) -> AreaSpec:
    return AreaSpec(
        children=children,
        seed=seed,
        years=years,
        today=TODAY,
        la_code="938",
        officers=OFFICERS,
        managers=("manager",),
        calibration=load_calibration(),
        established=established,
        documents=documents,
    )


def planned(spec: AreaSpec) -> tuple[Register, list[PlannedChild]]:
    register = plan_register(spec.calibration, children=spec.children, seed=spec.seed)
    return register, [child for chunk in plan_area(spec, register) for child in chunk]


@pytest.fixture(scope="session")
def calibration() -> Calibration:
    return load_calibration()


@pytest.fixture(scope="session")
def area() -> tuple[Register, list[PlannedChild]]:
    return planned(area_spec())
