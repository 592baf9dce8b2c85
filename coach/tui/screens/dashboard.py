"""Returning users: the last check-in, the exposure index, what is due and what is in progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from coach.tui.screens.base import HomeScreen

if TYPE_CHECKING:
    from coach.tui.session import HomeInfo

STATUS_CYCLE = {"todo": "doing", "doing": "done", "done": "dropped", "dropped": "todo"}
STATUS_MARK = {
    "todo": "[ ] to do",
    "doing": "[~] doing",
    "done": "[x] done",
    "dropped": "[-] dropped",
}


class DashboardScreen(HomeScreen):
    """Home for a returning user. Starts this quarter's check-in from last quarter's."""

    STEP = "dashboard"
    HELP = (
        "Your dashboard: the last check-in, its exposure index (0-100: how much of your week "
        "is work AI already does or speeds up), when the next check-in is due, and the plan's "
        "actions. Press space on an action to move it along: to do, doing, done, dropped. On a "
        "metric (section 1 of the plan), m records its baseline, target and latest value; they "
        "appear in the exported plan and the next check-in compares them. e logs a piece of "
        "evidence (what you did, and a number for it) for the brag document."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "checkin", "Check-in", id="checkin"),
        Binding("h", "history", "History", id="history"),
        Binding("r", "resume", "Resume", id="resume"),
        Binding("space", "cycle_status", "Status", id="progress"),
        Binding("m", "metric", "Numbers", id="metric"),
        Binding("e", "evidence", "Log", id="evidence"),
        Binding("x", "export", "Export", id="export-plan"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.info: HomeInfo | None = None

    def compose_body(self) -> ComposeResult:
        with Vertical(id="dashboard", classes="page"):
            yield Static("Your dashboard", classes="title")
            yield Static("Loading your check-ins...", id="summary", classes="para", markup=False)
            yield Static("", id="actions-title", classes="subtitle", markup=False)
            yield _actions_table()
            yield Static("", id="action-detail", classes="para", markup=False)

    def on_mount(self) -> None:
        if not self.coach.exit_after_paint:
            self.call_after_refresh(self._load)

    def show_info(self, info: HomeInfo) -> None:
        from coach.plan_text import counted  # after the first paint: it loads hashlib

        self.info = info
        if info.latest is None:
            self.coach.switch_screen(self.coach.make_screen("welcome", info))
            return
        latest = info.latest
        today = self.session.today
        due = info.next_due
        if due is None:
            due_text = "unknown"
        elif due <= today:
            due_text = f"{due:%d %b %Y}: due now"
        else:
            due_text = f"{due:%d %b %Y} (in {(due - today).days} days)"
        role = latest.profile.role or "role not given"
        summary = Text.assemble(
            ("Last check-in: ", "bold"),
            f"{latest.quarter}, {latest.date:%d %b %Y}, ",
            (role, "italic"),
            f"  ({counted(info.count, 'check-in')} in all)\n",
            ("Exposure index: ", "bold"),
            f"{latest.assessment.exposure_index} / 100 "
            "(share of your week AI can already do or speed up)\n",
            ("Next check-in due: ", "bold"),
            due_text,
        )
        if latest.evidence:
            summary.append("\n")
            summary.append("Evidence logged: ", style="bold")
            summary.append(f"{len(latest.evidence)} (e adds more; the brag document lists it)")
        if info.draft is not None:
            summary.append("\nAn unfinished check-in is waiting: press r to resume it.")
        self.query_one("#summary", Static).update(summary)
        self._fill_actions()
        self.refresh_bindings()

    def _fill_actions(self) -> None:
        from textual.widgets import DataTable

        table = self.query_one("#actions", DataTable)
        actions = self.info.latest.actions if self.info and self.info.latest else []
        row = table.cursor_row
        # Fixed widths, set before the rows: auto widths measured on idle could leave rows
        # painted at the header's width in a real terminal.
        status_width = max(len(m) for m in STATUS_MARK.values())
        # The action column fits the screen (no sideways scrollbar); a cut title ends in "…"
        # and the detail line below shows it whole.
        room = max(12, (self.size.width or 80) - status_width - 8)
        titles = [Text(action.title, no_wrap=True, overflow="ellipsis") for action in actions]
        for title in titles:
            title.truncate(room, overflow="ellipsis")
        table.clear(columns=True)
        table.add_column("Status", width=status_width)
        table.add_column("Action", width=min(room, max((t.cell_len for t in titles), default=6)))
        for action, title in zip(actions, titles, strict=True):
            table.add_row(Text(STATUS_MARK[action.status]), title, key=action.id)
        done = sum(a.status == "done" for a in actions)
        title = f"Actions from your plan ({done} of {len(actions)} done)" if actions else ""
        self.query_one("#actions-title", Static).update(title or "No actions recorded.")
        if actions:
            table.move_cursor(row=min(row, len(actions) - 1))
        self._show_action_detail()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("checkin", "history", "cycle_status", "evidence", "export") and (
            self.info is None or self.info.latest is None
        ):
            return False
        if action == "resume" and (self.info is None or self.info.draft is None):
            return False
        if action == "metric":
            current = self._current_action
            if current is None or current.section != "metrics":
                return False
        return super().check_action(action, parameters)

    @property
    def _current_action(self):
        from textual.widgets import DataTable

        if not (self.info and self.info.latest and self.info.latest.actions):
            return None
        row = self.query_one("#actions", DataTable).cursor_row
        return self.info.latest.actions[min(max(row, 0), len(self.info.latest.actions) - 1)]

    def on_data_table_row_highlighted(self) -> None:
        self.refresh_bindings()  # "m" is offered on metric actions only
        self._show_action_detail()

    def _show_action_detail(self) -> None:
        action = self._current_action
        detail = Text()
        if action is not None:
            detail.append(f"{action.title}\n", style="bold")
            detail.append(f"For: {action.source}. ")
            if action.section == "metrics":
                entry = next(
                    (m for m in self.info.latest.metrics if m.action_id == action.id), None
                )
                numbers = _numbers_text(entry) if entry else ""
                detail.append(f"Your numbers: {numbers or 'none yet'} (m to edit).")
        self.query_one("#action-detail", Static).update(detail)

    def action_metric(self) -> None:
        from coach.errors import CoachError
        from coach.tui.screens.modals import MetricModal

        action = self._current_action
        if action is None or action.section != "metrics":
            return
        latest = self.info.latest
        entry = next((m for m in latest.metrics if m.action_id == action.id), None)

        def entered(answer: tuple[str, str, str] | None) -> None:
            if answer is None:
                return
            try:
                self.info.latest = self.session.set_metric(latest, action.id, *answer)
            except CoachError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            self._fill_actions()
            self.app.clear_notifications()  # an earlier error must not sit over "Saved"
            self.notify("Saved your numbers for this metric.")

        self.app.push_screen(MetricModal(action.title, entry), entered)

    def action_evidence(self) -> None:
        from coach.errors import CoachError
        from coach.tui.screens.evidence import EvidenceEntry, EvidenceModal

        if not (self.info and self.info.latest):
            return
        latest = self.info.latest
        action = self._current_action

        def entered(entry: EvidenceEntry | None) -> None:
            if entry is None:
                return
            action_id = action.id if action is not None and entry.for_action else None
            try:
                self.info.latest = self.session.add_evidence(
                    latest, entry.text, action_id=action_id, value=entry.value
                )
            except CoachError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            self.show_info(self.info)
            count = len(self.info.latest.evidence)
            self.notify(f"Evidence logged ({count} this quarter); it goes in your brag document.")

        self.app.push_screen(EvidenceModal(action.title if action else None), entered)

    def action_checkin(self) -> None:
        if self.info and self.info.latest:
            latest = self.info.latest
            due = self.info.next_due
            if due is not None and due > self.session.today:
                self.notify(
                    f"Your next check-in is due on {due:%d %b %Y}; this one starts early. "
                    "Esc goes back to the dashboard.",
                    markup=False,
                )
            self.coach.start_checkin(
                lambda: self.session.start_from_previous(latest), lambda: self.coach.go("profile")
            )

    def action_export(self) -> None:
        """Write the plan of the last check-in to a file (in a browser: download it)."""
        from coach.tui.screens.modals import ConfirmModal, ExportPathModal

        if not (self.info and self.info.latest):
            return
        latest = self.info.latest
        default = self.session.default_export_path().with_name(f"coach-plan-{latest.quarter}.md")

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            if path.exists() and not self.app.is_web:

                def answered(yes: bool | None) -> None:
                    if yes:
                        self._write_plan(latest, path, force=True)

                question = f"{path} already exists. Replace it with this plan?"
                self.app.push_screen(ConfirmModal(question, "Replace", "Keep it"), answered)
                return
            self._write_plan(latest, path, force=False)

        self.app.push_screen(ExportPathModal(f"Export the {latest.quarter} plan", default), chosen)

    def _write_plan(self, checkin, path: Path, *, force: bool) -> None:
        import io

        from coach.checkins import plan_of
        from coach.errors import CoachError
        from coach.export import render_markdown, write_text_atomic

        text = render_markdown(plan_of(checkin, self.session.store.previous(checkin)))
        self.app.clear_notifications()
        if self.app.is_web:
            self.app.deliver_text(io.StringIO(text), save_filename=path.name)
            self.notify("Plan sent to your downloads", markup=False)
            return
        try:
            write_text_atomic(path, text, force=force)
        except (CoachError, OSError) as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False, timeout=10)
            return
        self.notify(f"Wrote the plan to {path}", markup=False)

    def action_history(self) -> None:
        self.coach.go("history")

    def action_resume(self) -> None:
        if self.info and self.info.draft is not None:
            self.session.resume(self.info.draft, self.info.latest)
            self.coach.go_resume()

    def action_cycle_status(self) -> None:
        from textual.widgets import DataTable

        from coach.errors import CoachError

        if not (self.info and self.info.latest and self.info.latest.actions):
            return
        table = self.query_one("#actions", DataTable)
        action = self.info.latest.actions[table.cursor_row]
        try:
            self.info.latest = self.session.set_action_status(
                self.info.latest, action.id, STATUS_CYCLE[action.status]
            )
        except CoachError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self._fill_actions()


def _actions_table():
    from textual.widgets import DataTable

    return DataTable(id="actions", cursor_type="row", zebra_stripes=False)


def _numbers_text(entry) -> str:
    parts = [
        f"{label} {value}"
        for label, value in (
            ("baseline", entry.baseline),
            ("target", entry.target),
            ("latest", entry.value),
        )
        if value
    ]
    return ", ".join(parts)
