"""A toast shows once, even with a dialog open over the screen that raised it.

Textual gives every screen its own rack of toasts, and a dialog lets the screen behind it show
through; on the tasks step the rack sits at the top, so without care the same toast showed
twice, at the top behind the dialog and at the bottom on it.
"""

from __future__ import annotations

import datetime as dt

from coach.settings import Settings
from coach.tui.app import make_app
from coach.tui.screens.modals import TaskEditModal

TODAY = dt.date(2026, 11, 3)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def showing(app) -> list[tuple[str, int]]:
    """(screen class, toasts) for each screen in the stack whose rack is shown and not empty."""
    shown = []
    for screen in app.screen_stack:
        rack = screen.get_child_by_id("textual-toastrack")
        toasts = len(rack.children)
        if rack.display and toasts:
            shown.append((type(screen).__name__, toasts))
    return shown


async def test_a_toast_shows_once_behind_a_dialog(workdir) -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # welcome -> profile
        await settle(pilot)
        for char in "Reporting analyst":
            await pilot.press("space" if char == " " else char)
        await pilot.press("ctrl+n")  # -> role step
        await settle(pilot)
        await pilot.press("enter")  # take the match: "N typical tasks added" is a toast
        await settle(pilot)
        assert type(app.screen).__name__ == "TasksScreen"
        assert showing(app) == [("TasksScreen", 1)]

        await pilot.press("a")  # the add-a-task dialog over the tasks step
        await settle(pilot)
        assert isinstance(app.screen, TaskEditModal)
        assert showing(app) == [("TaskEditModal", 1)]

        await pilot.press("escape")  # back: the tasks step shows its toast again
        await settle(pilot)
        assert showing(app) == [("TasksScreen", 1)]
        assert len(app.session.tasks) > 0  # nothing was added or lost by opening the dialog
