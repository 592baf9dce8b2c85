"""Past check-ins, the exposure index over time, and what moved between any two."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.labels import truncate

if TYPE_CHECKING:
    from coach.models import CheckIn, CheckInDiff

ROLE_WIDTH = 18
COLUMNS = [
    ("", 4),
    ("Date", 10),
    ("Quarter", 13),
    ("Role", ROLE_WIDTH),
    ("Index", 5),
    ("Hours", 5),
    ("Done", 7),
]


class HistoryScreen(CoachScreen):
    """Check-ins oldest first; the selected one is compared with the one marked by space."""

    STEP = "history"
    HELP = (
        "Every check-in you saved, oldest first, with the exposure index over time drawn "
        "as bars on a fixed 0-100 scale, so a small change looks small. The panel compares "
        "two check-ins: by default the selected one with "
        "the one before it. Press space on a row to compare against that one instead."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "mark", "Compare with", id="mark"),
        Binding("escape", "back", "Back", id="back"),
    ]
    AUTO_FOCUS = "#history-table"

    def __init__(self) -> None:
        super().__init__()
        self.items: list[CheckIn] = []
        self.base: int | None = None

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="history", classes="page"):
            yield Static("Your check-ins", classes="title")
            table: DataTable = DataTable(id="history-table", cursor_type="row")
            # Fixed widths that fit 80 columns; a long role title is cut with an ellipsis.
            for label, width in COLUMNS:
                table.add_column(label, width=width)
            yield table
            yield Static("", id="history-trend", markup=False)
            yield Static("", id="history-chart", markup=False)
            yield Static("", id="history-diff")

    def on_mount(self) -> None:
        from coach.errors import CoachError

        try:
            self.items = self.session.checkins()
        except CoachError as exc:
            self.notify(str(exc), severity="error", markup=False)
            self.items = []
        self._fill()
        if self.items:
            self.query_one(DataTable).move_cursor(row=len(self.items) - 1, animate=False)
        self.show_diff()

    def _fill(self) -> None:
        table = self.query_one("#history-table", DataTable)
        row = table.cursor_row
        table.clear()
        for index, item in enumerate(self.items):
            done = sum(a.status == "done" for a in item.actions)
            table.add_row(
                "base" if index == self.base else "",
                f"{item.date:%Y-%m-%d}",
                f"{item.quarter} {item.label}".strip(),  # "2026-Q1 extra" for a --new check-in
                truncate(item.profile.role or "-", ROLE_WIDTH),
                str(item.assessment.exposure_index),
                f"{item.assessment.total_hours:g}",
                f"{done}/{len(item.actions)}",
            )
        if self.items:
            table.move_cursor(row=min(row, len(self.items) - 1), animate=False)
        values = [i.assessment.exposure_index for i in self.items]
        trend = "Exposure index over time (0-100): " + (
            " -> ".join(str(v) for v in values) if values else "no check-ins yet"
        )
        self.query_one("#history-trend", Static).update(trend)
        points = [(i.quarter, i.assessment.exposure_index) for i in self.items]
        width = (self.size.width or 80) - 2
        self.query_one("#history-chart", Static).update("\n".join(index_chart(points, width)))

    @on(DataTable.RowHighlighted, "#history-table")
    def _highlighted(self) -> None:
        self.show_diff()

    def show_diff(self) -> None:
        panel = self.query_one("#history-diff", Static)
        if len(self.items) < 2:
            panel.update(
                Text("Save another check-in next quarter to see what moved.", style="italic")
            )
            return
        current = self.query_one("#history-table", DataTable).cursor_row
        base = self.base if self.base is not None else current - 1
        if base < 0 or base == current:
            base = current + 1 if current + 1 < len(self.items) else current - 1
        old, new = sorted((base, current))
        diff = self.session.diff(self.items[old], self.items[new])
        panel.update(diff_text(diff))

    def action_mark(self) -> None:
        row = self.query_one("#history-table", DataTable).cursor_row
        self.base = None if self.base == row else row
        self._fill()
        self.show_diff()

    def action_back(self) -> None:
        self.coach.pop_screen()


CHART_ROWS = 4
CHART_COLUMN = 9  # one check-in: its quarter ("2026-Q2") and room either side
BLOCKS = " ▁▂▃▄▅▆▇█"  # eighths of a row
AXIS = ("100 ┤", "    │", " 50 ┤", "    │")


def index_chart(points: list[tuple[str, int]], width: int) -> list[str]:
    """The exposure index of each check-in as a bar on a fixed 0-100 scale, newest right.

    The scale never stretches to the data, so 45 -> 41 is a small step, not a cliff. Each bar
    is CHART_ROWS rows of eighth blocks (a resolution of about 3 points); the axis is labelled
    and each bar has its quarter and value below it. Only the newest bars that fit `width`
    are drawn.
    """
    if not points:
        return []
    fit = max(1, (width - len(AXIS[0])) // CHART_COLUMN)
    shown = points[-fit:]
    lines = []
    for row in range(CHART_ROWS):  # top row first
        floor = (CHART_ROWS - 1 - row) * 8
        cells = []
        for _quarter, value in shown:
            eighths = round(max(0, min(100, value)) / 100 * CHART_ROWS * 8)
            cells.append((BLOCKS[max(0, min(8, eighths - floor))] * 3).center(CHART_COLUMN))
        lines.append((AXIS[row] + "".join(cells)).rstrip())
    lines.append("  0 ┼" + "─" * (CHART_COLUMN * len(shown)))
    lines.append(" " * 5 + "".join(quarter.center(CHART_COLUMN) for quarter, _ in shown))
    lines.append("index" + "".join(str(value).center(CHART_COLUMN) for _quarter, value in shown))
    if len(shown) < len(points):
        lines.append(f"(the newest {len(shown)} of {len(points)} check-ins)")
    return [line.rstrip() for line in lines]


def diff_text(diff: CheckInDiff) -> Text:
    """What moved between two check-ins, in plain words."""
    text = Text()
    text.append(f"From {diff.from_quarter} to {diff.to_quarter}\n", style="bold")
    change = diff.index_change
    if change:
        direction = "more exposed" if change > 0 else "less exposed"
        text.append(f"Exposure index: {change:+d} ({direction})\n")
    else:
        text.append("Exposure index: unchanged\n")
    moved = [(c, h) for c, h in diff.hours_moved.items() if abs(h) >= 0.05]
    if moved:
        text.append("Hours a week: ")
        text.append(", ".join(f"{c.label} {h:+g} h" for c, h in moved))
        text.append("\n")
    for label, items in (
        ("Tasks added", diff.tasks_added),
        ("Tasks dropped", diff.tasks_dropped),
        ("Actions completed", diff.actions_completed),
    ):
        if items:
            text.append(f"{label}: ", style="bold")
            text.append("; ".join(items) + "\n")
    for move in diff.metrics_moved:
        text.append("Metric: ", style="bold")
        text.append(f"{move.title}: {move.before or '-'} -> {move.after or '-'}\n")
    text.rstrip()
    return text
