"""Step 3: the week's tasks. Add, edit, delete, reorder; attributes rescore immediately."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from coach.models import ATTRIBUTES
from coach.plan_text import counted
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.labels import (
    ATTRIBUTE_SHORT,
    STATE_WORD,
    confidence_word,
    exposure_text,
    truncate,
    verdict_text,
)

ATTRIBUTE_KEYS = dict(zip("12345678", ATTRIBUTES, strict=True))
FIXED_COLUMNS = 45  # widths of the hours, exposure and confidence columns plus padding


class TasksScreen(CoachScreen):
    """The week's tasks as a table with the deciding rule of the selected one below."""

    STEP = "step 3 of 6: tasks"
    HELP = (
        "List what you do in a typical week and the hours each takes. Each task is scored: "
        "displacement (AI can already do it), augmentation (AI speeds it up) or not ready "
        "(stays human). The panel below explains the selected task's score: the deciding "
        "rule, the article section it comes from and why. 'How sure' is the share of "
        "verdicts like it that agreed with expert raters. Keys 1-8 say whether the task is "
        "repetitive, uses structured data, has clear guardrails, is high stakes, novel, "
        "ambiguous, safety-critical or needs human context (each press cycles unset, yes, "
        "no); the score updates at once."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="add-task"),
        Binding("e", "edit", "Edit", id="edit-task"),
        Binding("d,delete", "delete", "Delete", id="delete-task"),
        Binding("u", "undo", "Undo", id="undo-delete", show=False),
        Binding("shift+up,ctrl+up", "move(-1)", "Move up", id="move-up", show=False),
        Binding("shift+down,ctrl+down", "move(1)", "Move down", id="move-down", show=False),
        Binding(
            "1",
            "attribute('1')",
            "Attributes",
            id="attributes",
            key_display="1-8",
            tooltip=f"Toggle {ATTRIBUTE_SHORT[ATTRIBUTE_KEYS['1']]}",
        ),
        *[
            Binding(
                key,
                f"attribute('{key}')",
                f"Toggle {ATTRIBUTE_SHORT[name]}",
                id=f"attribute-{key}",
                show=False,
            )
            for key, name in list(ATTRIBUTE_KEYS.items())[1:]
        ],
        Binding("ctrl+n", "next", "Next", id="next", priority=True),
        Binding("escape", "back", "Back", id="back"),
    ]
    AUTO_FOCUS = "#task-table"

    def compose_body(self) -> ComposeResult:
        yield Static("", id="tasks-title", classes="title")
        table: DataTable = DataTable(id="task-table", cursor_type="row")
        table.add_column("#", width=2, key="n")
        table.add_column("Task", width=40, key="task")
        table.add_column("Hours", width=5, key="hours")
        table.add_column("Exposure", width=12, key="exposure")
        table.add_column("How sure", width=11, key="conf")
        yield table
        yield Static("", id="hours-note", markup=False)
        with VerticalScroll(id="task-detail"):
            yield Static("", id="task-detail-text")

    def on_mount(self) -> None:
        self.refresh_tasks()

    def on_screen_resume(self) -> None:
        self.refresh_tasks()

    def on_resize(self) -> None:
        self.refresh_tasks()

    @property
    def table(self) -> DataTable:
        return self.query_one("#task-table", DataTable)

    def refresh_tasks(self, cursor: int | None = None) -> None:
        """Rebuild the table from the session (a week has tens of tasks, so this is cheap)."""
        table = self.table
        row = table.cursor_row if cursor is None else cursor
        width = max(16, self.size.width - FIXED_COLUMNS) if self.size.width else 40
        task_column = table.columns.get("task")  # type: ignore[call-overload]
        if task_column is not None and task_column.width != width:
            task_column.width = width
        table.clear()
        for index, task in enumerate(self.session.tasks):
            verdict = self.session.verdict(task)
            table.add_row(
                str(index + 1),
                truncate(task.text, width),
                f"{task.hours_per_week:g}",
                exposure_text(verdict.exposure),
                confidence_word(verdict.confidence),
            )
        if self.session.tasks:
            table.move_cursor(row=max(0, min(row, len(self.session.tasks) - 1)), animate=False)
        count = len(self.session.tasks)
        title = f"Your week: {counted(count, 'task')}, {self.session.total_hours():g} hours"
        previous = self.session.previous
        if previous is not None and self.session.carried_over:
            before = previous.assessment
            title += (
                f" (in {previous.quarter}: {counted(len(before.tasks), 'task')}, "
                f"{before.total_hours:g} hours)"
            )
        self.query_one("#tasks-title", Static).update(title)
        note = self.session.hours_warning() or ""
        note_widget = self.query_one("#hours-note", Static)
        note_widget.update(note)
        note_widget.display = bool(note)
        self.show_detail()

    @on(DataTable.RowHighlighted, "#task-table")
    def _highlighted(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        panel = self.query_one("#task-detail-text", Static)
        index = self.current
        if index is None:
            panel.update(
                Text(
                    "No tasks yet. Press a to add one: start with a verb, e.g. 'Compile weekly "
                    "sales reports', and give the hours it takes in a typical week."
                )
            )
            return
        task = self.session.tasks[index]
        # Verdict, why and the attributes the keys change come first, so a 24-row terminal
        # shows them without scrolling; the rule id and article section follow.
        headline, why, source = verdict_text(self.session.verdict(task)).split("\n")[:3]
        text = Text()
        column = self.table.columns.get("task")  # type: ignore[call-overload]
        if column is not None and len(task.text) > column.width:
            # The table cut the text short: the panel shows it whole.
            text.append(f"Task {index + 1}: ", style="bold")
            text.append(f"{task.text}\n")
        text.append_text(Text("\n").join([headline, why]))
        text.append("\nAttributes (keys 1-8 cycle unset / yes / no):", style="bold")
        for key, name in ATTRIBUTE_KEYS.items():
            value = getattr(task, name)
            text.append(f"  {key} {ATTRIBUTE_SHORT[name]}: ")
            text.append(STATE_WORD[value], style="bold" if value is not None else "dim")
        text.append("\n")
        text.append_text(source)
        panel.update(text)
        # A shorter text must not leave the panel scrolled past its own heading.
        self.query_one("#task-detail", VerticalScroll).scroll_home(animate=False)

    @property
    def current(self) -> int | None:
        if not self.session.tasks:
            return None
        return max(0, min(self.table.cursor_row, len(self.session.tasks) - 1))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        needs_task = ("edit", "delete", "move", "attribute")
        if action in needs_task and self.current is None:
            return False
        return super().check_action(action, parameters)

    # --- actions ----------------------------------------------------------------------------

    def action_add(self) -> None:
        from coach.tui.screens.modals import TaskEditModal

        def added(task) -> None:
            if task is not None:
                at = (self.current + 1) if self.current is not None else None
                index = self.session.add_task(task, at)
                self._after_change(index)

        self.app.push_screen(TaskEditModal(), added)

    @on(DataTable.RowSelected, "#task-table")
    def action_edit(self) -> None:
        from coach.tui.screens.modals import TaskEditModal

        index = self.current
        if index is None:
            return

        def edited(task) -> None:
            if task is not None:
                self.session.replace_task(index, task)
                self._after_change(index)

        self.app.push_screen(TaskEditModal(self.session.tasks[index]), edited)

    def action_delete(self) -> None:
        index = self.current
        if index is None:
            return
        task = self.session.delete_task(index)
        self._after_change(index)
        self.notify(f"Deleted: {task.text[:60]}. Press u to undo.", markup=False)

    def action_undo(self) -> None:
        index = self.session.undo_delete()
        if index is not None:
            self._after_change(index)

    def action_move(self, delta: int) -> None:
        index = self.current
        if index is not None:
            self._after_change(self.session.move_task(index, delta))

    def action_attribute(self, key: str) -> None:
        index = self.current
        if index is not None:
            self.session.cycle_attribute(index, ATTRIBUTE_KEYS[key])
            self._after_change(index)

    def _after_change(self, cursor: int) -> None:
        self.refresh_tasks(cursor)
        self.refresh_bindings()

    def action_next(self) -> None:
        from coach.scoring import empty_week

        problem = empty_week(self.session.tasks)
        if problem == "no-tasks":
            self.notify("Add at least one task first (press a).", severity="error")
            return
        if problem == "no-hours":
            self.notify(
                "Your tasks add up to 0 hours a week: give each the hours it takes (press e) "
                "before the review.",
                severity="error",
            )
            return
        self.coach.go("review")

    def action_back(self) -> None:
        self.coach.pop_screen()
