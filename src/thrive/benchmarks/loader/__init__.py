"""Reading DfE's and ONS's published files: `files` says which files and what columns each
carries; `reading` reads and checks them into rows ready to store."""

from .files import FIGURE_FILES, SUBSETS, FigureSpec, FileSpec
from .reading import (
    AreaRow,
    DataRefused,
    FigureRow,
    Loaded,
    NeighbourRow,
    PopulationRow,
    read_all,
)

__all__ = [
    "FIGURE_FILES",
    "SUBSETS",
    "AreaRow",
    "DataRefused",
    "FigureRow",
    "FigureSpec",
    "FileSpec",
    "Loaded",
    "NeighbourRow",
    "PopulationRow",
    "read_all",
]
