"""Step 2: find your role (type to filter) so its typical tasks fill in, or start blank."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from coach.tui.screens.base import CoachScreen
from coach.tui.views import RoleChoice

BLANK_ID = "__blank__"


class RoleScreen(CoachScreen):
    """Search the role catalog; picking a role pre-fills the week's tasks."""

    STEP = "step 2 of 6: role"
    HELP = (
        "Type a job title to filter the role catalog (typos are fine). The best match is "
        "highlighted: enter or ctrl+n takes its typical tasks, which you can edit next; ↓ and ↑ "
        "(from the search box too) choose another role. "
        "Pick 'Keep my tasks / start blank' to type your own. ctrl+o imports the tasks of an "
        "occupation from an O*NET Task Statements file you downloaded."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next", id="next", priority=True),
        Binding("escape", "back", "Back", id="back"),
        Binding("ctrl+o", "onet", "Import O*NET", id="onet", priority=True),
        Binding("down", "to_list", "Results", id="to-list", show=False),
        Binding("up", "to_list_up", "Results", id="to-list-up", show=False),
    ]
    AUTO_FOCUS = "#role-search"

    def __init__(self) -> None:
        super().__init__()
        self.choices: list[RoleChoice] = []
        self._query: str | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(
            "Find your role: type a title, enter takes the highlighted one (↓ ↑ move)",
            classes="title",
            id="role-title",
        )
        yield Input(
            self.session.pf.profile.role,
            placeholder="Type a job title, e.g. analyst, support, engineer",
            id="role-search",
            compact=True,
        )
        with Horizontal(id="role-body"):
            yield OptionList(id="role-list", compact=True)
            with VerticalScroll(id="role-preview"):
                yield Static("", id="role-preview-text")

    def on_mount(self) -> None:
        # A returning user's default is to keep the tasks they have, not a catalog role.
        self._refresh_list(self.session.pf.profile.role, keep_first=bool(self.session.tasks))

    @on(Input.Changed, "#role-search")
    def _search(self, event: Input.Changed) -> None:
        if event.value != self._query:  # the input's first Changed repeats the mount query
            self._refresh_list(event.value)

    def _refresh_list(self, query: str, keep_first: bool = False) -> None:
        self._query = query
        self.choices = self.session.roles(query)
        option_list = self.query_one("#role-list", OptionList)
        option_list.clear_options()
        keep = len(self.session.tasks)
        blank = "Keep my tasks" if keep else "Start blank: I will type my tasks"
        option_list.add_option(Option(Text(blank, style="italic"), id=BLANK_ID))
        for index, choice in enumerate(self.choices):
            label = Text(choice.title)
            if choice.function:
                label.append(f"  ({choice.function})", style="dim")
            option_list.add_option(Option(label, id=str(index)))
        best_match = self.choices and query.strip() and not keep_first
        option_list.highlighted = 1 if best_match else 0
        option_list.scroll_home(animate=False)
        self._preview(option_list.highlighted)

    @on(OptionList.OptionHighlighted, "#role-list")
    def _highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        # The list's state now, not the event's: events of an earlier search may still queue.
        self._preview(self.query_one("#role-list", OptionList).highlighted)

    def _preview(self, index: int | None) -> None:
        text = Text()
        choice = self._choice_at(index)
        query = (self._query or "").strip()
        if choice is None and query and not self.choices:
            text.append(f"No role matches '{query}'\n", style="bold")
            text.append(
                "Try fewer or other words (or clear the search to see every role), "
                "or press enter to "
                + ("keep your tasks." if self.session.tasks else "type your own tasks.")
            )
        elif choice is None:
            count = len(self.session.tasks)
            text.append("Your own tasks\n", style="bold")
            text.append(
                f"Keep the {count} tasks you have."
                if count
                else "You'll add tasks on the next step."
            )
        else:
            text.append(f"{choice.title}\n", style="bold")
            if choice.summary:
                text.append(f"{choice.summary}\n")
            text.append("\nTypical week:")
            # A grid keeps wrapped task text clear of the hours column.
            week = Table.grid(padding=(0, 1))
            week.add_column(justify="right", no_wrap=True)
            week.add_column(ratio=1)
            for task in choice.tasks:
                week.add_row(f"{task.hours_per_week:g} h", Text(task.text))
            self.query_one("#role-preview-text", Static).update(Group(text, week))
            return
        self.query_one("#role-preview-text", Static).update(text)

    def _choice_at(self, index: int | None) -> RoleChoice | None:
        option_list = self.query_one("#role-list", OptionList)
        if index is None or index >= option_list.option_count:
            return None
        option_id = option_list.get_option_at_index(index).id
        if option_id in (None, BLANK_ID):
            return None
        return self.choices[int(option_id)]

    @on(Input.Submitted, "#role-search")
    def _submit_search(self) -> None:
        self._pick(self.query_one("#role-list", OptionList).highlighted)

    @on(OptionList.OptionSelected, "#role-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option_index)

    def _pick(self, index: int | None) -> None:
        choice = self._choice_at(index)
        if choice is None:
            self.coach.go("tasks")
            return
        if self.session.tasks:
            from coach.tui.screens.modals import ConfirmModal

            question = (
                f"Replace your {len(self.session.tasks)} tasks with the "
                f"{len(choice.tasks)} typical tasks of '{choice.title}'?"
            )

            def answered(yes: bool | None) -> None:
                if yes:
                    self._apply(choice)
                else:
                    self.coach.go("tasks")

            self.app.push_screen(ConfirmModal(question, "Replace", "Keep mine"), answered)
            return
        self._apply(choice)

    def _apply(self, choice: RoleChoice) -> None:
        self.session.apply_role(choice)
        self.notify(f"{len(choice.tasks)} typical tasks added; edit them to match your week.")
        self.coach.go("tasks")

    def action_to_list(self) -> None:
        """↓ from the search box moves into the list, onto the highlighted (best) match."""
        self.query_one("#role-list", OptionList).focus()

    def action_to_list_up(self) -> None:
        """↑ from the search box moves into the list, one above the highlighted match (from the
        best match, onto 'Start blank' / 'Keep my tasks')."""
        option_list = self.query_one("#role-list", OptionList)
        option_list.focus()
        option_list.highlighted = max(0, (option_list.highlighted or 0) - 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("to_list", "to_list_up") and not isinstance(self.focused, Input):
            return False
        return super().check_action(action, parameters)

    def action_onet(self) -> None:
        from coach.tui.screens.modals import OnetModal

        def imported(count: int | None) -> None:
            if count is not None:
                self.notify(f"Imported {count} tasks from O*NET; adjust their hours next.")
                self.coach.go("tasks")

        self.app.push_screen(OnetModal(), imported)

    def action_next(self) -> None:
        """ctrl+n does what enter does: take the highlighted role (or keep / start blank)."""
        self._pick(self.query_one("#role-list", OptionList).highlighted)

    def action_back(self) -> None:
        self.coach.pop_screen()
