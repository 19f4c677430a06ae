"""The `thrive` console command (e.g. `thrive generate-area --children 1000`)."""

from thrive.config.manage import main

__all__ = ["main"]
