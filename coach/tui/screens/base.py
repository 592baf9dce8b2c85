"""What every coach screen shares: header, footer, help text and the "too small" notice.

Screens do not tell anyone when they change the draft: the draft itself tells the app (see
`CoachApp.revision`), which autosaves.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.screen import Screen

from coach.tui.screens import STEPS_CSS
from coach.tui.widgets.keys_footer import KeysFooter
from coach.tui.widgets.title_bar import TitleBar
from coach.tui.widgets.too_small import mark_too_small

if TYPE_CHECKING:
    from textual.worker import Worker

    from coach.tui.app import CoachApp
    from coach.tui.session import Session
    from coach.tui.views import HomeInfo

ALWAYS_ALLOWED = frozenset({"quit", "help", "command_palette"})


class CoachScreen(Screen[None]):
    """Base for coach's screens: subclasses implement `compose_body` and set `HELP`."""

    CSS_PATH = STEPS_CSS
    STEP: ClassVar[str] = ""
    """Shown in the header, e.g. "Step 2 of 7: Profile"."""
    HELP: ClassVar[str] = ""
    """What the screen is for, shown by ? / F1 above the list of keys."""

    @property
    def coach(self) -> CoachApp:
        return self.app  # type: ignore[return-value]

    @property
    def session(self) -> Session:
        return self.coach.session

    _was_too_small = False

    def compose(self) -> ComposeResult:
        yield TitleBar(icon="≡")
        yield from self.compose_body()
        yield KeysFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_screen_resume(self) -> None:
        self.sub_title = self.STEP

    def on_screen_suspend(self) -> None:
        # A dialog on top shows the app's toasts in its own rack, and this screen shows
        # through behind it: hide this screen's copy so each toast shows once. (Textual puts
        # them back when this screen resumes.)
        with suppress(NoMatches):  # (none when notifications are off)
            self.get_child_by_id("textual-toastrack").display = False

    @on(events.Resize)
    def _mark_too_small(self, event: events.Resize) -> None:
        mark_too_small(self, event.size)

    def on_resize(self) -> None:
        # Breakpoint classes change with the size; the footer must follow check_action.
        self.call_after_refresh(self._follow_size)

    def _follow_size(self) -> None:
        # Only crossing the minimum size changes which keys work; a refresh of the bindings
        # for every resize would rebuild the footer several times before the first paint.
        if self.too_small != self._was_too_small:
            self._was_too_small = self.too_small
            self.refresh_bindings()

    @property
    def shows_content(self) -> bool:
        """False while the screen still waits for what it is there to show."""
        return True

    @property
    def too_small(self) -> bool:
        return self.has_class("-narrow") or self.has_class("-short")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.too_small and action not in ALWAYS_ALLOWED)


class HomeScreen(CoachScreen):
    """Welcome and dashboard: read the store in a worker thread, then `show_info`."""

    CSS_PATH = None  # their styles are in app.tcss, read before the first frame
    _loader: Worker | None = None

    def _load(self) -> Worker:
        """Read the store in a worker thread; `show_info` gets what it found."""
        self._loader = self.run_worker(
            self.session.load_home, thread=True, name="load-home", exit_on_error=False
        )
        return self._loader

    def on_worker_state_changed(self, event) -> None:
        from textual.worker import WorkerState

        if event.worker.name != "load-home":
            return
        if event.state == WorkerState.SUCCESS:
            self.show_info(event.worker.result)
        elif event.state == WorkerState.ERROR:
            self.coach.fatal(str(event.worker.error))

    def show_info(self, info: HomeInfo) -> None:
        raise NotImplementedError
