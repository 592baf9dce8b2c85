"""Step 6: write the plan to a Markdown file and save this session as a check-in."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from coach.tui.screens.base import CoachScreen


class ExportScreen(CoachScreen):
    """Pick where the plan goes; an existing file is only replaced after you say so."""

    STEP = "step 6 of 6: export"
    HELP = (
        "Type where the plan should be written (Markdown, readable anywhere) and press enter. "
        "If the file exists, coach asks before replacing it. Saving also records this "
        "check-in in your history, so next quarter can show what moved."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("escape", "back", "Back", id="back"),
        Binding("enter", "dashboard", "Dashboard", id="dashboard"),
    ]
    AUTO_FOCUS = "#export-path"

    def __init__(self) -> None:
        super().__init__()
        self.saved_to: Path | None = None

    def compose_body(self) -> ComposeResult:
        default = self.session.default_export_path()
        with VerticalScroll(id="export", classes="page"):
            yield Static("Export your plan", classes="title")
            yield Static(
                "The plan is written as Markdown. Edit the path if you like, then press enter.",
                classes="para",
                markup=False,
            )
            if default.parent == Path.cwd():
                yield Input(f"./{default.name}", id="export-path", compact=True)
                yield Static(
                    f"(./ is the current folder: {default.parent})", classes="dim", markup=False
                )
            else:  # export_dir from the settings file
                yield Input(str(default), id="export-path", compact=True)
            yield Static("", id="export-result", classes="para", markup=False)

    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        self.action_save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dashboard" and self.saved_to is None:
            return False
        if action == "save" and self.saved_to is not None:
            return False
        return super().check_action(action, parameters)

    def action_save(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self._not_saved("type a file path for the plan.")
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        if self.app.is_web:  # the browser downloads the plan; nothing is written here
            self._export(path, force=False)
            return
        if path.is_dir():
            self._not_saved(f"{path} is a folder; add a file name to the path.")
            return
        if path.exists():
            from coach.tui.screens.modals import ConfirmModal

            def answered(yes: bool | None) -> None:
                if yes:
                    self._export(path, force=True)

            question = f"{path} already exists. Replace it with this plan?"
            self.app.push_screen(ConfirmModal(question, "Replace", "Keep it"), answered)
            return
        self._export(path, force=False)

    def _export(self, path: Path, *, force: bool) -> None:
        from coach.errors import CoachError

        deliver = self._download(path.name) if self.app.is_web else None
        try:
            saved = self.session.export(path, force=force, deliver=deliver)
        except (CoachError, OSError) as exc:
            self._not_saved(str(exc))
            return
        checkin = saved.checkin
        self.saved_to = path
        result = Text()
        result.append("Saved. ", style="bold")
        if deliver is None:
            result.append(f"Your plan is in {path}.\n")
        else:
            result.append(f"Your browser is downloading the plan as {path.name}.\n")
        index = checkin.assessment.exposure_index
        if saved.replaced is not None:
            result.append(
                f"Check-in {checkin.quarter} updated (exposure index {index}): one check-in "
                "per quarter; the version it replaced is kept in backups/.\n"
            )
        else:
            result.append(f"Check-in {checkin.quarter} recorded (exposure index {index}).\n")
        if saved.previous is not None:
            result.append(f"Compared with {saved.previous.quarter}. ")
        result.append("Your draft is cleared.\n\n")
        result.append("Press enter for your dashboard, or ctrl+q to quit.")
        result_widget = self.query_one("#export-result", Static)
        result_widget.remove_class("error")
        result_widget.update(result)
        self.query_one("#export-path", Input).disabled = True
        verb = "updated" if saved.replaced is not None else "saved"
        where = f"Plan written to {path}" if deliver is None else "Plan sent to your downloads"
        self.app.clear_notifications()  # an earlier "Not saved" must not sit over this
        self.notify(f"{where}.\nCheck-in {checkin.quarter} {verb}.", markup=False)
        self.refresh_bindings()

    def _download(self, name: str):
        """In the browser: hand the Markdown to the browser's downloads (deliver_text)."""
        import io

        def deliver(text: str) -> None:
            self.app.deliver_text(io.StringIO(text), save_filename=name, mime_type="text/markdown")

        return deliver

    def _not_saved(self, reason: str) -> None:
        """Say why nothing was written, on the screen (it stays) and as a toast."""
        message = f"Not saved: {reason}"
        result = self.query_one("#export-result", Static)
        result.add_class("error")
        result.update(f"{message}\nFix the path above and press enter again.")
        self.notify(message, severity="error", markup=False, timeout=10)

    def action_dashboard(self) -> None:
        self.coach.go_home()

    def action_back(self) -> None:
        self.coach.pop_screen()
