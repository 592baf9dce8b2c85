"""Share of the week's hours in each class, as text bars with labels and percentages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from coach.tui.widgets.labels import CLASS_MEANING, CLASS_STYLE

if TYPE_CHECKING:
    from coach.models import Assessment

FULL = "█"
EMPTY = "·"


def bars_text(assessment: Assessment, width: int) -> Text:
    """One line per class: name, bar, percentage, hours and (if room) what the class means."""
    from coach.models import Exposure
    from coach.scoring import whole_percents

    bar_width = max(10, min(40, width - 44))
    show_meaning = width >= 100
    text = Text()
    weights = {c: 0.0 for c in Exposure}
    for item in assessment.tasks:
        weights[item.verdict.exposure] += item.task.hours_per_week
    percents = whole_percents(assessment.shares)
    for exposure in Exposure:
        share = assessment.shares.get(exposure, 0.0)
        filled = round(share * bar_width)
        style = CLASS_STYLE[exposure.value]
        text.append(f"{exposure.label:<13}", style="bold")
        text.append(FULL * filled, style=style)
        text.append(EMPTY * (bar_width - filled), style="dim")
        text.append(f" {percents[exposure]:>3}%  {weights[exposure]:>5g} h")
        if show_meaning:
            text.append(f"  {CLASS_MEANING[exposure.value]}", style="dim")
        text.append("\n")
    text.rstrip()
    return text


class ShareBars(Static):
    """Bars that re-fit their width when the terminal is resized."""

    def __init__(self, assessment: Assessment, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.assessment = assessment

    def on_resize(self) -> None:
        self.update(bars_text(self.assessment, self.size.width))

    def on_mount(self) -> None:
        self.update(bars_text(self.assessment, self.size.width or 80))
