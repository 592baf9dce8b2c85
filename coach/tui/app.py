"""CoachApp and make_app(): the one factory used by `coach`, the Pilot tests and the snapshots."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen

from coach.tui.session import Session

if TYPE_CHECKING:
    from coach.rules import RuleTable
    from coach.settings import Settings

SCREENS_BY_NAME: dict[str, str] = {
    "welcome": "coach.tui.screens.welcome:WelcomeScreen",
    "dashboard": "coach.tui.screens.dashboard:DashboardScreen",
    "profile": "coach.tui.screens.profile:ProfileScreen",
    "role": "coach.tui.screens.role:RoleScreen",
    "tasks": "coach.tui.screens.tasks:TasksScreen",
    "review": "coach.tui.screens.review:ReviewScreen",
    "plan": "coach.tui.screens.plan:PlanScreen",
    "export": "coach.tui.screens.export:ExportScreen",
    "history": "coach.tui.screens.history:HistoryScreen",
}
"""Screens by name, imported on first use so start-up loads only the first one."""

AUTOSAVE_DELAY = 0.5


class CoachApp(App[None]):
    """The walk-through from first run to an exported plan, and the quarterly dashboard."""

    CSS_PATH = "app.tcss"
    TITLE = "coach"
    SUB_TITLE = "stay valuable in the AI era"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True, tooltip="Quit; keeps a draft"),
        Binding("f1,question_mark", "help", "Help", id="help", key_display="F1"),
        Binding("ctrl+c", "help_quit", show=False, system=True, id="help-quit"),
    ]

    revision: reactive[int] = reactive(0, init=False)
    """Bumped after every change to the draft; the autosave follows it."""

    def __init__(self, session: Session, *, exit_after_paint: bool = False) -> None:
        super().__init__()
        self.session = session
        session.on_change = self._draft_changed
        self.exit_after_paint = exit_after_paint
        self.fatal_error: str | None = None
        self._autosave_timer: Any = None
        self._quit_anyway = False
        self._apply_settings_theme()

    # --- theme ------------------------------------------------------------------------------

    def _apply_settings_theme(self) -> None:
        """Start in the settings file's theme; a theme the user picks later is saved there."""
        settings = self.session.settings
        self._saved_theme = settings.theme or self.theme
        if settings.theme:
            if settings.theme not in self.available_themes:
                from coach.errors import CoachError

                names = ", ".join(sorted(self.available_themes))
                raise CoachError(
                    f"{settings.config_path}: key 'theme': no theme called {settings.theme!r}; "
                    f"use one of {names}"
                )
            self.theme = settings.theme

    def watch_theme(self, theme: str) -> None:
        if theme == self._saved_theme:
            return
        self._saved_theme = theme
        try:
            self.session.settings.save_theme(theme)
        except OSError as exc:
            self.notify(f"Could not save the theme: {exc}", severity="warning", markup=False)

    # --- screens ----------------------------------------------------------------------------

    def first_screen(self) -> Screen:
        return self.make_screen("dashboard" if self.session.store_exists() else "welcome")

    def make_screen(self, name: str, *args: Any, **kwargs: Any) -> Screen:
        module_name, _, attr = SCREENS_BY_NAME[name].partition(":")
        return getattr(importlib.import_module(module_name), attr)(*args, **kwargs)

    def go(self, name: str, *args: Any, **kwargs: Any) -> None:
        """Push the named screen (one step forward in the walk-through)."""
        self.push_screen(self.make_screen(name, *args, **kwargs))

    def go_resume(self) -> None:
        """Open a resumed draft where the user left it: on its tasks if it has any.

        The profile and role steps sit beneath, so esc walks back through them as usual.
        """
        self.go("profile")
        if self.session.tasks:
            self.go("role")
            self.go("tasks")

    def go_home(self) -> None:
        """Back to a fresh dashboard, dropping the walk-through's screens."""
        # The first screen stays at the bottom of the stack, out of sight: Textual cannot
        # switch away from its default screen.
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(self.make_screen("dashboard"))

    def get_default_screen(self) -> Screen:
        """The first screen is Textual's default screen, not one pushed over a blank one: the
        app then composes it after its own start-up, so its first frame reaches the terminal
        as soon as it is rendered (a screen pushed while the app mounts is rendered once in
        vain, then drawn in parts)."""
        return self.first_screen()

    def on_mount(self) -> None:
        if self.exit_after_paint:
            self.call_after_refresh(self._exit_once_shown)
        else:
            # Read the rules table while the user reads the first screen: the task step is then
            # instant, and a broken --rules/COACH_RULES file is reported before any typing.
            self.call_after_refresh(
                self.run_worker,
                lambda: self.session.table,
                thread=True,
                name="load-rules",
                exit_on_error=False,
            )

    def _exit_once_shown(self) -> None:
        """COACH_TUI_EXIT_AFTER_PAINT: quit after the first frame that shows the first screen
        in full: its real content, not "Loading..." (its footer draws its keys on any paint)."""
        if getattr(self.screen, "shows_content", True):
            self.call_after_refresh(self.exit)  # one more frame, so the last change is painted
        else:
            self.call_after_refresh(self._exit_once_shown)

    def on_worker_state_changed(self, event) -> None:
        from textual.worker import WorkerState

        if event.worker.name == "load-rules" and event.state == WorkerState.ERROR:
            self.fatal(str(event.worker.error))

    def _handle_exception(self, error: Exception) -> None:
        """A CoachError that escapes a handler is a message for the user, not a traceback:
        keep the draft, then exit with code 2 and the message."""
        from coach.errors import CoachError

        if isinstance(error, CoachError):
            with contextlib.suppress(Exception):  # the error being reported matters more
                self.session.save_draft()
            self.fatal(str(error))
            return
        super()._handle_exception(error)

    # --- saving -----------------------------------------------------------------------------

    def _draft_changed(self) -> None:
        self.revision += 1

    def watch_revision(self) -> None:
        """The draft changed: save it shortly (debounced)."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(AUTOSAVE_DELAY, self.save_draft)

    def start_checkin(self, start: Any, then: Any) -> None:
        """Start a check-in with `start()`, then call `then()`; asks first when that would
        replace an unfinished one (the stored draft, or unsaved work in this session)."""
        from coach.tui.screens.modals import ConfirmModal

        stored = self.session.stored_draft()
        pending = stored if stored is not None and stored.tasks else None
        if pending is None and self.session.dirty and self.session.has_content():
            pending = self.session.pf
        if pending is None:
            start()
            then()
            return

        def answered(fresh: bool | None) -> None:
            if fresh:
                start()
                then()

        role = pending.profile.role or "untitled role"
        question = (
            f"You have an unfinished check-in ({role}, {len(pending.tasks)} tasks). Start a new "
            "one? Once you type, it replaces the unfinished one, which is kept in backups/."
        )
        self.push_screen(ConfirmModal(question, "Start a new one", "Keep it"), answered)

    def save_draft(self) -> bool:
        """Save the draft now. Returns False (and tells the user) if it could not be saved."""
        from coach.errors import CoachError

        try:
            self.session.save_draft()
        except (CoachError, OSError) as exc:
            self.notify(f"Could not save your draft: {exc}", severity="error", markup=False)
            return False
        return True

    async def action_quit(self) -> None:
        """Quit from anywhere; the draft is saved first so nothing typed is lost."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        if self.save_draft() or self._quit_anyway:
            self.exit()
            return
        self._quit_anyway = True
        self.notify("Press ctrl+q again to quit without saving the draft.", severity="warning")

    def fatal(self, message: str) -> None:
        """A problem the user must fix outside the app (e.g. a corrupt store): exit code 2."""
        self.fatal_error = message
        self.exit(return_code=2)

    # --- help and command palette -----------------------------------------------------------

    def action_help(self) -> None:
        from coach.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Help", "What this screen is for, and its keys", self.action_help)
        yield SystemCommand(
            "Start a check-in", "Walk through profile, role and tasks", self._palette_start
        )
        yield SystemCommand("Dashboard", "Your last check-in and what is due", self.go_home)
        yield SystemCommand("History", "Past check-ins and how they differ", self._palette_history)
        if self.session.store_exists():
            yield SystemCommand(
                "Brag document",
                "Write what you delivered, quarter by quarter, to a Markdown file",
                self._palette_brag,
            )
        scorable = False
        if self.session.has_content():  # the models are loaded by then; importing is free
            from coach.scoring import empty_week

            scorable = empty_week(self.session.tasks) is None
        for name in ("review", "plan", "export"):
            if scorable:  # a week of no tasks or 0 hours has nothing to review
                yield SystemCommand(
                    f"Go to {name}", f"Jump to the {name} step of this check-in", self._jump(name)
                )
        yield SystemCommand("Save draft", "Save the check-in in progress now", self.save_draft)
        yield from super().get_system_commands(screen)

    def _jump(self, name: str) -> Any:
        return lambda: self.go(name)

    def _palette_start(self) -> None:
        self.start_checkin(self.session.start_blank, lambda: self.go("profile"))

    def _palette_brag(self) -> None:
        from pathlib import Path

        path = Path.cwd() / "coach-brag.md"
        if not path.exists():
            self.write_brag(path)
            return
        from coach.tui.screens.modals import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self.write_brag(path, force=True)

        question = f"{path} already exists. Replace it with a fresh brag document?"
        self.push_screen(ConfirmModal(question, "Replace", "Keep it"), answered)

    def write_brag(self, path: Any, *, force: bool = False) -> None:
        """Write the brag document of every quarter to `path`, and say where it went."""
        from coach.errors import CoachError
        from coach.export import write_text_atomic

        try:
            write_text_atomic(path, self.session.brag_markdown(), force=force)
        except (CoachError, OSError) as exc:
            self.notify(f"Brag document not written: {exc}", severity="error", markup=False)
            return
        self.notify(f"Brag document written to {path}", markup=False)

    def _palette_history(self) -> None:
        self.go("history")


def make_app(
    settings: Settings,
    store: Any = None,
    *,
    today: dt.date | None = None,
    rules: RuleTable | None = None,
    exit_after_paint: bool = False,
) -> CoachApp:
    """Build the app on `settings` (COACH_HOME). Tests inject `store`, `today` and `rules`."""
    session = Session(settings, store, today=today, rules=rules)
    return CoachApp(session, exit_after_paint=exit_after_paint)
