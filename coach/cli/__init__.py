"""The `coach` command. `coach` alone opens the terminal app; anything else goes to click.

Plain `coach` skips click (and the subcommand machinery in `coach.cli.group`) so the first
screen paints sooner; it does what the click group does without a subcommand. A run from a
shell's completion script (`_COACH_COMPLETE` set, no arguments) still goes to click. The
group's names (`cli`, `rules_option`, `get_settings`, `get_rules`, ...) are importable here.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from coach.errors import CoachError

COMPLETE_ENV = "_COACH_COMPLETE"
"""Set by click's completion scripts; such a run must reach click, never open the app."""

_GROUP_NAMES = frozenset(
    {"cli", "COMMANDS", "LazyGroup", "rules_option", "get_settings", "get_rules", "run_click"}
)


def main() -> None:
    """Entry point: user-facing errors become one line on stderr and exit code 2."""
    try:
        if sys.argv[1:] or os.environ.get(COMPLETE_ENV):
            from coach.cli.group import run_click

            run_click()
        else:
            from coach.settings import Settings
            from coach.tui.run import run_tui

            run_tui(Settings.from_env())
    except CoachError as exc:
        print(f"coach: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


def __getattr__(name: str) -> Any:
    if name in _GROUP_NAMES:
        from coach.cli import group

        return getattr(group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
