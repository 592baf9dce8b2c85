"""The dialog that logs a piece of evidence from the dashboard, as `coach log` does."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Label, Static

from coach.models import clean_text
from coach.tui.screens.modals import Dialog
from coach.tui.widgets.tickbox import TickBox


class EvidenceEntry(NamedTuple):
    """What the worker typed: the evidence, a number for it and whether it is for the action."""

    text: str
    value: str
    for_action: bool


class EvidenceModal(Dialog):
    """What you did and a number for it; dismisses with an EvidenceEntry, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "save", "Save", id="save-evidence", priority=True),
    ]
    AUTO_FOCUS = "#evidence-text"

    def __init__(self, action_title: str | None) -> None:
        super().__init__()
        self.action_title = action_title

    def compose_dialog(self) -> ComposeResult:
        yield Label("Log evidence", classes="title")
        yield Label("What you did, e.g. cut the weekly report from 6 h to 1 h")
        yield Input(id="evidence-text", max_length=2000)
        yield Label("A number for it (optional), e.g. $40k or 5 h a week")
        yield Input(id="evidence-value", max_length=200)
        if self.action_title:
            label = Text(f"For: {self.action_title}")  # user text: never markup
            yield TickBox(label, True, id="evidence-for-action", compact=True)
        yield Static("enter: next field / save    esc: cancel", classes="dim", markup=False)

    @on(Input.Submitted, "#evidence-text")
    def _next(self) -> None:
        self.query_one("#evidence-value", Input).focus()

    @on(Input.Submitted, "#evidence-value")
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        text = self.query_one("#evidence-text", Input).value
        if not clean_text(text):
            self.show_error("Say what you did first, in a few words.")
            self.query_one("#evidence-text", Input).focus()
            return
        boxes = self.query("#evidence-for-action")
        for_action = bool(boxes) and boxes.first(TickBox).value
        self.dismiss(
            EvidenceEntry(text, self.query_one("#evidence-value", Input).value, for_action)
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
