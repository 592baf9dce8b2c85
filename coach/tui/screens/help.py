"""? / F1: what the current screen is for and every key it answers to."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from coach.tui.screens.modals import Dialog

GENERAL = (
    "coach walks you through six steps: profile, role, tasks, review, plan, export. "
    "ctrl+n goes to the next step and esc goes back. Your answers are saved as a draft "
    "as you go, so ctrl+q never loses them. ctrl+p opens the command palette."
)


class HelpScreen(Dialog):
    """Help for the screen underneath: its purpose, its keys, and the keys that work anywhere."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "close", "Close help", id="close-help"),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose_dialog(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static("Help", classes="title")
            text = getattr(self.under, "HELP", "") or ""
            if text:
                yield Static(text, markup=False, classes="para")
            yield Static(self._keys(), classes="para", id="help-keys")
            yield Static(GENERAL, markup=False, classes="para")
            yield Static("esc closes this help.", classes="para dim", markup=False)

    def _keys(self) -> Text:
        text = Text("Keys on this screen\n", style="bold")
        seen = set()
        for _key, active in self.under.active_bindings.items():
            binding = active.binding
            if active.node not in (self.under, self.app) or not active.enabled:
                continue
            if not binding.description or binding.system or binding.id is None:
                continue
            shown = binding.key_display or self.app.get_key_display(binding)
            if (shown, binding.description) in seen:
                continue
            seen.add((shown, binding.description))
            text.append(f"  {shown:<10}", style="bold")
            text.append(f"{binding.description}\n")
            if binding.tooltip and binding.key_display and shown != binding.key:
                # A footer entry that stands for several keys ("1-8"): its own key as well.
                text.append(f"  {binding.key:<10}", style="bold")
                text.append(f"{binding.tooltip}\n")
        return text

    def action_close(self) -> None:
        self.dismiss(None)
