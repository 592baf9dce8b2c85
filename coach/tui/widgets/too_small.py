"""The notice shown instead of a screen's content when the terminal is below the minimum size."""

from __future__ import annotations

from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH = 60
MIN_HEIGHT = 20

TOO_SMALL = (
    "This terminal is too small for coach.\n\n"
    f"Make the window at least {MIN_WIDTH} columns by {MIN_HEIGHT} rows.\n"
    "Your answers are safe; ctrl+q quits and keeps a draft."
)


def mark_too_small(screen: Screen, size: Size) -> None:
    """Give `screen` the classes that swap its content for the notice (see app.tcss) while
    `size` is below the minimum, and the notice itself the first time it is needed.

    By hand, not with Textual's breakpoints: those add a class at every size, which restyles
    the whole screen once more before its first paint; and a notice in every screen from the
    start is one more widget to build for a terminal that is almost never that small.
    """
    narrow, short = size.width < MIN_WIDTH, size.height < MIN_HEIGHT
    if (narrow or short) and not screen.query_children(".too-small"):
        # A plain Static, not a class of its own: each widget class costs the first frame.
        screen.mount(Static(TOO_SMALL, markup=False, classes="too-small"))
    screen.set_class(narrow, "-narrow")
    screen.set_class(short, "-short")
