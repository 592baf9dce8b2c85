"""The notice shown instead of a screen's content when the terminal is below the minimum size."""

from __future__ import annotations

from textual.widgets import Static

TOO_SMALL = (
    "This terminal is too small for coach.\n\n"
    "Make the window at least 60 columns by 20 rows.\n"
    "Your answers are safe; ctrl+q quits and keeps a draft."
)


class TooSmall(Static):
    """Shown instead of the screen's content when the terminal is below the minimum size."""

    def __init__(self) -> None:
        super().__init__(TOO_SMALL, markup=False, classes="too-small")
