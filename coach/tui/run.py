"""`coach` with no command: run the terminal app on the user's own data dir."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.settings import Settings

EXIT_AFTER_PAINT_ENV = "COACH_TUI_EXIT_AFTER_PAINT"
"""Set to 1 to quit right after the first screen paints (used by benchmarks/bench_startup.py)."""


def run_tui(settings: Settings) -> None:
    """Run the app. A fatal store or config problem prints `coach: error: ...` and exits 2."""
    from coach.errors import CoachError
    from coach.tui.app import make_app

    try:
        app = make_app(settings, exit_after_paint=os.environ.get(EXIT_AFTER_PAINT_ENV) == "1")
        app.run()
    except CoachError as exc:
        _fail(str(exc))
    if app.fatal_error:
        _fail(app.fatal_error)
    if app.return_code:
        sys.exit(app.return_code)  # Textual has shown the traceback of an unexpected error


def _fail(message: str) -> None:
    print(f"coach: error: {message}", file=sys.stderr)
    sys.exit(2)
