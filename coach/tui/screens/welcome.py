"""First run: what coach does, that data stays here, and how long it takes."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from coach.tui.screens.base import HomeScreen

if TYPE_CHECKING:
    from coach.tui.views import HomeInfo

INTRO = (
    "coach looks at how you spend your working week and sorts each task by how exposed it "
    "is to AI today: displacement (AI can already do most of it), augmentation (AI speeds it "
    "up, you stay essential) or not ready (accountability keeps it human). Then it builds a "
    "90-day plan to stay valuable: tie your work to money, become the AI multiplier, ship "
    "with guardrails, and own scarce assets."
)
STEPS = (
    "It takes about 10 minutes: profile, role, tasks, review, plan, export.\n"
    "Come back each quarter to see what moved."
)
KEYS = (
    "Keys: enter starts, ctrl+n goes to the next step, esc goes back, "
    "F1 (or ? outside a text box) shows help."
)


class WelcomeScreen(HomeScreen):
    """Shown on first run, or when the store holds no check-in yet."""

    STEP = "welcome"
    HELP = (
        "Welcome. coach asks about your role and your week, scores each task, and writes a "
        "plan you can keep. Press enter to begin; nothing leaves this machine."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start", id="start"),
        Binding("r", "resume", "Resume draft", id="resume"),
    ]

    def __init__(self, info: HomeInfo | None = None) -> None:
        super().__init__()
        self.info = info

    def compose_body(self) -> ComposeResult:
        # The heading, the paragraphs and the note about a draft are one widget (each widget
        # costs the first frame); blank lines stand in for the margins between them. The keys
        # stay apart: their muted colour is a CSS colour that Content does not blend.
        with VerticalScroll(id="welcome", classes="page"):
            yield Static(self._page(), id="welcome-text", classes="para")
            yield Static(KEYS, classes="para dim", markup=False)

    def _page(self, note: str = "") -> Content:
        home = str(self.session.settings.home)
        return Content.assemble(
            ("Welcome to coach", "bold $accent"),
            "\n\n",
            INTRO,
            "\n\n",
            ("Private: ", "bold"),
            "everything stays on this machine, in ",
            (home, "italic"),
            ". Nothing is sent anywhere.",
            "\n\n",
            STEPS,
            "\n\n",
            (note, "$warning"),
        )

    def on_mount(self) -> None:
        if self.info is not None:
            self.show_info(self.info)
        elif self.session.store_exists() and not self.coach.exit_after_paint:
            self.call_after_refresh(self._load)

    def show_info(self, info: HomeInfo) -> None:
        self.info = info
        if info.draft is not None:
            role = info.draft.profile.role or "untitled role"
            note = (
                f"You have an unfinished check-in ({role}, {len(info.draft.tasks)} tasks). "
                "Press r to pick it up where you left off."
            )
            self.query_one("#welcome-text", Static).update(self._page(note))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume" and (self.info is None or self.info.draft is None):
            return False
        return super().check_action(action, parameters)

    def action_start(self) -> None:
        self.coach.start_checkin(self.session.start_blank, lambda: self.coach.go("profile"))

    def action_resume(self) -> None:
        if self.info and self.info.draft is not None:
            self.session.resume(self.info.draft, self.info.latest)
            self.coach.go_resume()
