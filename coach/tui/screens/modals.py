"""Small dialogs: confirm, edit a task, enter a metric, import O*NET tasks.

Each returns its answer by dismiss.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from coach.tui.screens import STEPS_CSS
from coach.tui.widgets.keys_footer import KeysFooter
from coach.tui.widgets.too_small import mark_too_small

if TYPE_CHECKING:
    from coach.models import MetricEntry, Task
    from coach.tui.session import Session


class Dialog(ModalScreen):
    """A modal with the same "too small" behaviour as the full screens."""

    CSS_PATH = STEPS_CSS

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield from self.compose_dialog()
            yield Static("", classes="dialog-error", markup=False)
        # The dialog's own keys; without it the footer of the screen behind shows keys
        # that do nothing while the dialog is open.
        yield KeysFooter()

    @on(events.Resize)
    def _mark_too_small(self, event: events.Resize) -> None:
        mark_too_small(self, event.size)

    def show_error(self, message: str) -> None:
        """Say what is wrong inside the dialog, where it stays until the next try."""
        error = self.query_one(".dialog-error", Static)
        error.update(message)
        error.display = True

    def compose_dialog(self) -> ComposeResult:
        yield from ()

    @property
    def session(self) -> Session:
        return self.app.session  # type: ignore[attr-defined]


class ConfirmModal(Dialog):
    """Ask a yes/no question; dismisses with True for yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="yes"),
        Binding("n,escape", "answer(False)", "No", id="no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no

    def compose_dialog(self) -> ComposeResult:
        yield Static(self.question, markup=False, id="question")
        yield Static(f"y: {self.yes}    n or esc: {self.no}", classes="para dim", markup=False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


MAX_HOURS = 168  # hours in a week
MAX_TASK_TEXT = 20_000


def task_form_problem(text: str, hours: str) -> tuple[str, str] | None:
    """What is wrong with the add/edit task form, as (field id, sentence for a person).

    None when the form is fine. The field id says where the cursor should go to fix it.
    """
    import math

    from coach.models import clean_text

    if not clean_text(text):
        return "task-text", "Describe the task in a few words, starting with a verb."
    if len(text) > MAX_TASK_TEXT:
        return "task-text", f"The task is too long: keep it under {MAX_TASK_TEXT:,} characters."
    raw = hours.strip()
    if not raw:
        return "task-hours", "Give the hours it takes in a typical week, e.g. 4 (0 if it is rare)."
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        return "task-hours", f"Hours must be a number between 0 and {MAX_HOURS}, e.g. 4 or 1.5."
    if not 0 <= value <= MAX_HOURS:
        return "task-hours", f"Hours must be between 0 and {MAX_HOURS} (a week has {MAX_HOURS})."
    return None


class TaskEditModal(Dialog):
    """Add or edit a task's text and hours; dismisses with the validated Task or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "save", "Save", id="save-task", priority=True),
    ]
    AUTO_FOCUS = "#task-text"

    def __init__(self, task: Task | None = None) -> None:
        super().__init__()
        self.original = task

    def compose_dialog(self) -> ComposeResult:
        task = self.original
        yield Label("Edit task" if task else "Add a task", classes="title")
        yield Label("What do you do? Start with a verb, e.g. 'Compile weekly sales reports'")
        yield Input(task.text if task else "", id="task-text", placeholder="Task")
        yield Label("Hours per week")
        hours = f"{task.hours_per_week:g}" if task else ""
        # Plain text, not type="number": a letter typed here shows and gets a clear error
        # instead of being dropped without a word.
        yield Input(hours, id="task-hours", placeholder="e.g. 4", max_length=20)
        yield Static("enter: next field / save    esc: cancel", classes="dim", markup=False)

    @on(Input.Submitted, "#task-text")
    def _to_hours(self) -> None:
        self.query_one("#task-hours", Input).focus()

    @on(Input.Submitted, "#task-hours")
    def _submit(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        from coach.errors import CoachError

        text = self.query_one("#task-text", Input).value
        hours = self.query_one("#task-hours", Input).value
        problem = task_form_problem(text, hours)
        if problem is not None:
            field, message = problem
            self.show_error(message)
            wrong = self.query_one(f"#{field}", Input)
            wrong.focus()
            wrong.select_all()
            return
        try:
            task = self.session.make_task(text, hours, base=self.original)
        except CoachError as exc:
            self.show_error(str(exc))
            return
        self.dismiss(task)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportPathModal(Dialog):
    """Ask where a plan should be written; dismisses with the absolute Path or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]
    AUTO_FOCUS = "#export-path"

    def __init__(self, title: str, default: Path) -> None:
        super().__init__()
        self.heading = title
        self.default = default

    def compose_dialog(self) -> ComposeResult:
        yield Label(self.heading, classes="title")
        yield Label("Write the plan (Markdown) to this file:")
        shown = f"./{self.default.name}" if self.default.parent == Path.cwd() else self.default
        yield Input(str(shown), id="export-path")
        yield Static("enter: write    esc: cancel", classes="dim", markup=False)

    @on(Input.Submitted, "#export-path")
    def _submit(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.show_error("Type a file path for the plan.")
            return
        path = Path(raw).expanduser()
        path = path if path.is_absolute() else Path.cwd() / path
        if path.is_dir():
            self.show_error(f"{path} is a folder; add a file name to the path.")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MetricModal(Dialog):
    """Baseline, target and latest value of one metric action; dismisses with the three texts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "save", "Save", id="save-metric", priority=True),
    ]
    AUTO_FOCUS = "#metric-baseline"
    FIELDS = ("baseline", "target", "value")

    def __init__(self, title: str, entry: MetricEntry | None) -> None:
        super().__init__()
        self.metric_title = title
        self.entry = entry

    def compose_dialog(self) -> ComposeResult:
        yield Label("Your numbers", classes="title")
        yield Static(self.metric_title, markup=False)
        labels = {
            "baseline": "Baseline: where it stood when you started, e.g. 3 h per 100 records",
            "target": "Target: what you will show at the next check-in",
            "value": "Latest: where it stands now",
        }
        for name in self.FIELDS:
            yield Label(labels[name])
            value = getattr(self.entry, name) if self.entry else ""
            yield Input(value, id=f"metric-{name}", max_length=200)
        yield Static("enter: next field / save    esc: cancel", classes="dim", markup=False)

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        name = (event.input.id or "").removeprefix("metric-")
        if name == self.FIELDS[-1]:
            self.action_save()
        elif name in self.FIELDS:
            self.query_one(f"#metric-{self.FIELDS[self.FIELDS.index(name) + 1]}", Input).focus()

    def action_save(self) -> None:
        self.dismiss(tuple(self.query_one(f"#metric-{n}", Input).value for n in self.FIELDS))

    def action_cancel(self) -> None:
        self.dismiss(None)


class OnetModal(Dialog):
    """Import an occupation's tasks from an O*NET Task Statements file; dismisses with a count."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]
    AUTO_FOCUS = "#onet-path"

    def compose_dialog(self) -> ComposeResult:
        yield Label("Import tasks from O*NET", classes="title")
        yield Static(
            "O*NET publishes task statements for about 900 occupations (file 'Task "
            "Statements', tab- or comma-separated). Your current tasks will be replaced.",
            markup=False,
        )
        yield Label("File path")
        yield Input(id="onet-path", placeholder="e.g. ~/Downloads/Task Statements.txt")
        yield Label("Occupation: O*NET-SOC code or title")
        yield Input(id="onet-occupation", placeholder="e.g. 15-1252.00 or Software Developers")
        yield Static("enter: next field / import    esc: cancel", classes="dim", markup=False)

    @on(Input.Submitted, "#onet-path")
    def _to_occupation(self) -> None:
        self.query_one("#onet-occupation", Input).focus()

    @on(Input.Submitted, "#onet-occupation")
    def _import(self) -> None:
        from coach.errors import CoachError

        raw_path = self.query_one("#onet-path", Input).value.strip()
        occupation = self.query_one("#onet-occupation", Input).value.strip()
        if not raw_path or not occupation:
            self.show_error("Give both a file path and an occupation.")
            return
        try:
            count = self.session.import_onet(Path(raw_path).expanduser(), occupation)
        except (CoachError, ImportError) as exc:
            self.show_error(str(exc))
            return
        self.dismiss(count)

    def action_cancel(self) -> None:
        self.dismiss(None)
