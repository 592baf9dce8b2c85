"""Returning users: the last check-in, the exposure index, what is due and what is in progress.

The first frame shows a glance at the store (`coach.glance`); the full, validated load runs
right after it and gives the same view, so the screen does not change. Keys that change or
start something work on the validated check-in, and wait for that load if it is still running.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from coach.tui.screens.base import HomeScreen
from coach.tui.widgets.action_table import ActionTable

if TYPE_CHECKING:
    from coach.glance import ActionGlance, HomeGlance
    from coach.models import CheckIn
    from coach.tui.views import HomeInfo

STATUS_CYCLE = {"todo": "doing", "doing": "done", "done": "dropped", "dropped": "todo"}
STATUS_MARK = {
    "todo": "[ ] to do",
    "doing": "[~] doing",
    "done": "[x] done",
    "dropped": "[-] dropped",
}
STATUS_WIDTH = max(len(mark) for mark in STATUS_MARK.values())


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
        """The store as the full load read it (None until then)."""
        self.view: HomeGlance | None = None
        """What the screen shows: a glance at the store, then the same from `info`."""

    def compose_body(self) -> ComposeResult:
        # The heading, the summary and the actions' title are one widget (each widget costs
        # the first frame); blank lines stand in for the margins between them. No page
        # container either: each part keeps the page's margin itself (app.tcss).
        yield Static(_head(Content("Loading your check-ins..."), ""), id="summary", classes="para")
        yield ActionTable(first_width=STATUS_WIDTH, id="actions")
        yield Static("", id="action-detail", classes="para", markup=False)

    def on_mount(self) -> None:
        view = self.session.glance_home()
        if view is not None and view.latest is not None:
            self._show(view)
        # Benchmarks stop at the first frame: the full load after it only matters when the
        # first frame needs it.
        if self.view is None or not self.coach.exit_after_paint:
            self.call_after_refresh(self._load)

    @property
    def shows_content(self) -> bool:
        return self.view is not None

    def show_info(self, info: HomeInfo) -> None:
        """The full load is done: keep it, and show it if it differs from the glance."""
        if self.info is not None:  # an action that waited for the load took it already
            return
        self.info = info
        if info.latest is None:
            # Over this screen: the first screen of the app cannot be switched away from.
            self.coach.push_screen(self.coach.make_screen("welcome", info))
            return
        if info.glance != self.view:
            self._show(info.glance)
            self.refresh_bindings()

    async def _checkin(self) -> CheckIn | None:
        """The validated current check-in, once the full load is done (waits for it)."""
        from textual.worker import WorkerError

        if self.info is None:
            worker = self._loader or self._load()
            try:
                await worker.wait()
            except WorkerError:  # the worker's state handler reports the problem
                return None
            self.show_info(worker.result)
        return self.info.latest if self.info else None

    def _changed(self, checkin: CheckIn) -> None:
        """Show a check-in the session just changed and stored."""
        if self.info is not None:
            self.info.latest = checkin
            self._show(self.info.glance)
            self.refresh_bindings()

    def _show(self, view: HomeGlance) -> None:
        self.view = view
        latest = view.latest
        if latest is None:
            return
        today = self.session.today
        due = view.next_due
        if due is None:
            due_text = "unknown"
        elif due <= today:
            due_text = f"{due:%d %b %Y}: due now"
        else:
            due_text = f"{due:%d %b %Y} (in {(due - today).days} days)"
        role = latest.role or "role not given"
        summary = Content.assemble(
            ("Last check-in: ", "bold"),
            f"{latest.quarter}, {latest.date:%d %b %Y}, ",
            (role, "italic"),
            f"  ({_checkins_text(view.count)} in all)\n",
            ("Exposure index: ", "bold"),
            f"{latest.exposure_index} / 100 (share of your week AI can already do or speed up)\n",
            ("Next check-in due: ", "bold"),
            due_text,
        )
        if latest.evidence:
            summary = Content.assemble(
                summary,
                "\n",
                ("Evidence logged: ", "bold"),
                f"{latest.evidence} (e adds more; the brag document lists it)",
            )
        if view.has_draft:
            summary = Content.assemble(
                summary, "\nAn unfinished check-in is waiting: press r to resume it."
            )
        actions = latest.actions
        done = sum(a.status == "done" for a in actions)
        title = f"Actions from your plan ({done} of {len(actions)} done)" if actions else ""
        self.query_one("#summary", Static).update(_head(summary, title or "No actions recorded."))
        # No refresh_bindings() here: the footer draws the keys that check_action allows
        # when it paints, and before the first frame there is nothing to redraw yet.
        self._fill_actions()

    def _fill_actions(self) -> None:
        actions = self.view.latest.actions if self.view and self.view.latest else ()
        # The action column fits the screen (no sideways scrollbar); a cut title ends in "…"
        # and the detail line below shows it whole.
        rows = [(STATUS_MARK[action.status], action.title) for action in actions]
        self.query_one("#actions", ActionTable).show_rows(("Status", "Action"), rows)
        self._show_action_detail()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("checkin", "history", "cycle_status", "evidence", "export") and (
            self.view is None or self.view.latest is None
        ):
            return False
        if action == "resume" and (self.view is None or not self.view.has_draft):
            return False
        if action == "metric":
            current = self._current_action
            if current is None or current.section != "metrics":
                return False
        return super().check_action(action, parameters)

    @property
    def _current_action(self) -> ActionGlance | None:
        if not (self.view and self.view.latest and self.view.latest.actions):
            return None
        actions = self.view.latest.actions
        row = self.query_one("#actions", ActionTable).cursor_row
        return actions[min(max(row, 0), len(actions) - 1)]

    def on_action_table_row_highlighted(self) -> None:
        self.refresh_bindings()  # "m" is offered on metric actions only
        self._show_action_detail()

    def _show_action_detail(self) -> None:
        from coach.plan_text import source_words

        action = self._current_action
        detail = Text()
        if action is not None:
            detail.append(f"{action.title}\n", style="bold")
            detail.append(f"It comes from {source_words(action.source)}. ")
            if action.section == "metrics":
                entry = self.view.latest.metric(action.id)
                numbers = _numbers_text(entry) if entry else ""
                detail.append(f"Your numbers: {numbers or 'none yet'} (m to edit).")
        self.query_one("#action-detail", Static).update(detail)

    async def action_metric(self) -> None:
        from coach.errors import CoachError
        from coach.tui.screens.modals import MetricModal

        action = self._current_action
        latest = await self._checkin()
        if action is None or action.section != "metrics" or latest is None:
            return
        entry = next((m for m in latest.metrics if m.action_id == action.id), None)

        def entered(answer: tuple[str, str, str] | None) -> None:
            if answer is None:
                return
            try:
                self._changed(self.session.set_metric(latest, action.id, *answer))
            except CoachError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            self.app.clear_notifications()  # an earlier error must not sit over "Saved"
            self.notify("Saved your numbers for this metric.")

        self.app.push_screen(MetricModal(action.title, entry), entered)

    async def action_evidence(self) -> None:
        from coach.errors import CoachError
        from coach.tui.screens.evidence import EvidenceEntry, EvidenceModal

        action = self._current_action
        latest = await self._checkin()
        if latest is None:
            return

        def entered(entry: EvidenceEntry | None) -> None:
            if entry is None:
                return
            action_id = action.id if action is not None and entry.for_action else None
            try:
                changed = self.session.add_evidence(
                    latest, entry.text, action_id=action_id, value=entry.value
                )
            except CoachError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            self._changed(changed)
            count = len(changed.evidence)
            self.notify(f"Evidence logged ({count} this quarter); it goes in your brag document.")

        self.app.push_screen(EvidenceModal(action.title if action else None), entered)

    async def action_checkin(self) -> None:
        latest = await self._checkin()
        if latest is not None:
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

    async def action_export(self) -> None:
        """Write the plan of the last check-in to a file (in a browser: download it)."""
        from coach.tui.screens.modals import ConfirmModal, ExportPathModal

        latest = await self._checkin()
        if latest is None:
            return
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

    async def action_resume(self) -> None:
        await self._checkin()
        if self.info and self.info.draft is not None:
            self.session.resume(self.info.draft, self.info.latest)
            self.coach.go_resume()

    async def action_cycle_status(self) -> None:
        from coach.errors import CoachError

        shown = self._current_action
        latest = await self._checkin()
        if shown is None or latest is None:
            return
        action = next((a for a in latest.actions if a.id == shown.id), None)
        if action is None:  # the store changed under the glance; the table shows it now
            return
        try:
            self._changed(
                self.session.set_action_status(latest, action.id, STATUS_CYCLE[action.status])
            )
        except CoachError as exc:
            self.notify(str(exc), severity="error", markup=False)


def _head(summary: Content, actions_title: str) -> Content:
    """The dashboard's heading, the summary below it and the title of the actions table."""
    parts: list = [("Your dashboard", "bold $accent"), "\n\n", summary]
    if actions_title:
        parts += ["\n\n", (actions_title, "bold")]
    return Content.assemble(*parts)


def _checkins_text(count: int) -> str:
    # As coach.plan_text.counted() says it; importing that module (and hashlib) would cost the
    # first frame more than this line.
    return f"{count:,} check-in{'' if count == 1 else 's'}"


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
