"""A checkbox whose mark is visible without colour (NO_COLOR, monochrome themes)."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    """Shows X when ticked and a blank when not; the stock checkbox relies on colour alone."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "X" if self.value else " "
