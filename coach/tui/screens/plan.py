"""Step 5: the action plan, previewed as rendered Markdown (what the export will write)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach.tui.screens.base import CoachScreen


class PlanScreen(CoachScreen):
    """The plan built from this check-in, exactly as it will be exported."""

    STEP = "step 5 of 6: plan"
    HELP = (
        "Your plan for this quarter, built from your answers and tasks. It starts with your top "
        "three moves, the number to track and the talk to have with your manager; then your "
        "week, the article's four moves (money, AI workflows, guardrails, scarce assets), "
        "skills, pivots and at most 12 milestones. This is exactly the file the export writes. "
        "Scroll with the arrow keys or page up/down; ctrl+n goes on to export it."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next", id="next", priority=True),
        Binding("escape", "back", "Back", id="back"),
    ]
    AUTO_FOCUS = "#plan-scroll"

    def compose_body(self) -> ComposeResult:
        yield Static("", id="plan-error", classes="note page", markup=False)
        # One Static holding Rich's Markdown renderable: it draws a full plan in tens of
        # milliseconds, where Textual's Markdown widget (a widget per block) took seconds.
        # The focusable container gives arrows and page keys.
        with VerticalScroll(id="plan-scroll"):
            yield Static("", id="plan-md")

    def on_mount(self) -> None:
        from coach.errors import CoachError

        error = self.query_one("#plan-error", Static)
        error.display = False
        try:
            text = self.session.plan_markdown()
        except CoachError as exc:
            error.update(f"The plan could not be built: {exc}")
            error.display = True
            return
        from rich.markdown import Markdown

        self.query_one("#plan-md", Static).update(Markdown(text, hyperlinks=False))

    def action_next(self) -> None:
        self.coach.go("export")

    def action_back(self) -> None:
        self.coach.pop_screen()
