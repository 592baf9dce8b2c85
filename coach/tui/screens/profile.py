"""Step 1: who you are, and the resilience questions the article makes matter."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, Static

from coach.models import LEVELS, SCARCE_ASSETS
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.tickbox import TickBox

MONEY = [
    ("Yes: revenue, cost or risk has a number", "yes"),
    ("Partly: some of it could be measured", "partly"),
    ("No: not tied to money today", "no"),
    ("Not sure", "unknown"),
]
AI_USE = [
    ("Daily", "daily"),
    ("Weekly", "weekly"),
    ("Monthly", "monthly"),
    ("Never or almost never", "never"),
]


class ProfileScreen(CoachScreen):
    """Role title, function, level, money link, AI use, teaching, scarce assets."""

    STEP = "step 1 of 6: profile"
    HELP = (
        "Tell coach about your job. Level matters because middle layers compress first. "
        "The questions below come from the article's advice: work tied to money (revenue, "
        "cost, risk), using AI and teaching others to, and owning scarce assets such as data "
        "quality, customer relationships and cross-functional execution. Tab moves between "
        "fields; space ticks a box; ctrl+n goes on."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next", id="next", priority=True),
        Binding("escape", "back", "Back", id="back"),
    ]
    AUTO_FOCUS = "#role"

    def compose_body(self) -> ComposeResult:
        profile = self.session.pf.profile
        with VerticalScroll(id="profile", classes="page"):
            yield Static("About you and your role", classes="title")
            previous = self.session.previous
            if self.session.carried_over and previous is not None:
                yield Static(
                    f"New check-in: your {previous.quarter} answers are filled in. What "
                    "changed? Update what moved; your tasks carry over to the tasks step.",
                    id="checkin-note",
                    classes="note",
                    markup=False,
                )
            with Grid(id="profile-form", classes="form"):
                yield Label("Role title")
                yield Input(
                    profile.role, placeholder="e.g. Reporting analyst", id="role", compact=True
                )
                yield Label("Function")
                yield Input(
                    profile.function, placeholder="e.g. Finance", id="function", compact=True
                )
                yield Label("Level")
                yield Select(
                    [(label, key) for key, label in LEVELS.items()],
                    value=profile.level,
                    allow_blank=False,
                    id="level",
                    compact=True,
                )
                yield Label("Is your work tied to money?")
                yield Select(
                    MONEY, value=profile.money_link, allow_blank=False, id="money", compact=True
                )
                yield Label("How often do you use AI?")
                yield Select(
                    AI_USE, value=profile.ai_use, allow_blank=False, id="ai-use", compact=True
                )
                yield Label("Teaching")
                yield TickBox(
                    "I help others use AI at work", profile.teaches_ai, id="teaches", compact=True
                )
            yield Label("Scarce assets you own (space ticks a box):", classes="subtitle")
            for key, label in SCARCE_ASSETS.items():
                yield TickBox(
                    label, key in profile.assets_owned, name=key, classes="asset", compact=True
                )

    def _update(self, **values: object) -> None:
        from coach.errors import CoachError

        try:
            self.session.update_profile(**values)
        except CoachError as exc:
            self.notify(str(exc), severity="error", markup=False)

    @on(Input.Changed, "#role")
    def _role(self, event: Input.Changed) -> None:
        self._update(role=event.value)

    @on(Input.Changed, "#function")
    def _function(self, event: Input.Changed) -> None:
        self._update(function=event.value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.focus_next()

    @on(Select.Changed, "#level")
    def _level(self, event: Select.Changed) -> None:
        self._update(level=event.value)

    @on(Select.Changed, "#money")
    def _money(self, event: Select.Changed) -> None:
        self._update(money_link=event.value)

    @on(Select.Changed, "#ai-use")
    def _ai_use(self, event: Select.Changed) -> None:
        self._update(ai_use=event.value)

    @on(Checkbox.Changed, "#teaches")
    def _teaches(self, event: Checkbox.Changed) -> None:
        self._update(teaches_ai=event.value)

    @on(Checkbox.Changed, ".asset")
    def _assets(self) -> None:
        owned = [box.name for box in self.query(".asset").results(TickBox) if box.value]
        self._update(assets_owned=owned)

    def action_next(self) -> None:
        self.coach.go("role")

    def action_back(self) -> None:
        self.coach.pop_screen()
