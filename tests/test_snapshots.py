"""Snapshots of each screen at 80x24 (and the review at 120x40), made deterministic.

The date is fixed and COACH_HOME and the working folder are fixed paths under /tmp, so no clock,
random id or per-test temporary path reaches the screen. Update with `pytest --snapshot-update`
and look at the SVGs in tests/__snapshots__/ before accepting them.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from filelock import FileLock
from textual.widgets import Input

from coach.settings import Settings
from coach.tui.app import make_app

TODAY = dt.date(2026, 11, 3)
FOLDER = Path("/tmp/coach-snapshots")
# Two test runs on one machine (two clones, say) share FOLDER: each snapshot test holds this lock.
FOLDER_LOCK = FileLock("/tmp/coach-snapshots.lock")


@pytest.fixture(autouse=True)
def fixed_places(monkeypatch: pytest.MonkeyPatch):
    with FOLDER_LOCK:
        shutil.rmtree(FOLDER, ignore_errors=True)
        FOLDER.mkdir(parents=True)
        monkeypatch.chdir(FOLDER)
        monkeypatch.setenv("COACH_HOME", str(FOLDER / "home"))
        yield FOLDER


def app():
    return make_app(Settings.from_env(), today=TODAY)


def seed_two_checkins() -> None:
    """Two stored check-ins with fixed actions, so plan content changes don't move the pixels."""
    from coach.models import Action, CheckIn, Profile, Task
    from coach.rules import load_rules
    from coach.scoring import assess_with
    from coach.store import Store

    store = Store.open(Settings.from_env())
    table = load_rules()
    profile = Profile(role="Reporting analyst", function="Finance", money_link="partly")
    for number, (day, hours, done) in enumerate(
        ((dt.date(2026, 5, 4), 12, "todo"), (dt.date(2026, 8, 10), 6, "done")), start=1
    ):
        tasks = [
            Task(text="Compile weekly sales reports", hours_per_week=hours, repetitive=True),
            Task(text="Investigate unusual numbers with finance", hours_per_week=8),
            Task(text="Present findings to the leadership team", hours_per_week=4),
        ]
        actions = [
            Action(
                id="metric-sales",
                section="metrics",
                title="Put a revenue number on the weekly sales report",
                basis="How to stay off the layoff list",
                source="task: Compile weekly sales reports",
                status=done,
            ),
            Action(
                id="workflow-reports",
                section="ai-workflows",
                title="Automate the first draft of the weekly report [and teach it]",
                basis="How to stay off the layoff list",
                source="task: Compile weekly sales reports",
                status="doing",
            ),
        ]
        store.add_checkin(
            CheckIn(
                id=f"{day.isoformat()}-0000000{number}",
                date=day,
                quarter=f"2026-Q{(day.month - 1) // 3 + 1}",
                profile=profile,
                assessment=assess_with(table, tasks),
                actions=actions,
            )
        )


async def settle(pilot) -> None:
    """Let screens mount, background loads finish and the draft autosave fire."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    pilot.app.save_draft()
    pilot.app.clear_notifications()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False  # a blinking cursor makes pixels depend on timing
    await until_painted(pilot)


async def until_painted(pilot) -> None:
    """Wait until the screen shows text and two looks in a row agree (a loaded machine can
    otherwise catch a screen before its first paint)."""
    last = None
    for _ in range(50):
        await pilot.pause(0.02)
        now = "\n".join(s.text for s in pilot.app.screen._compositor.render_strips())
        if now.strip() and now == last:
            return
        last = now


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def to_tasks(pilot) -> None:
    """First run: profile with a role typed, then the catalog's match for it."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await type_text(pilot, "Reporting analyst")
    await pilot.press("ctrl+n")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def steps(*keys: str):
    async def run(pilot) -> None:
        await to_tasks(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run


def test_welcome(snap_compare) -> None:
    assert snap_compare(app(), run_before=settle)


def test_dashboard(snap_compare) -> None:
    seed_two_checkins()
    assert snap_compare(app(), run_before=settle)


def test_profile(snap_compare) -> None:
    async def run(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "Reporting analyst")

    assert snap_compare(app(), run_before=run)


def test_role(snap_compare) -> None:
    async def run(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "analyst")
        await pilot.press("ctrl+n")
        await settle(pilot)

    assert snap_compare(app(), run_before=run)


def test_tasks(snap_compare) -> None:
    assert snap_compare(app(), run_before=steps())


def test_review(snap_compare) -> None:
    assert snap_compare(app(), run_before=steps("ctrl+n"))


def test_review_large_in_colour(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert snap_compare(app(), run_before=steps("ctrl+n"), terminal_size=(120, 40))


def test_plan(snap_compare) -> None:
    assert snap_compare(app(), run_before=steps("ctrl+n", "ctrl+n"))


def test_export(snap_compare) -> None:
    assert snap_compare(app(), run_before=steps("ctrl+n", "ctrl+n", "ctrl+n"))


def test_history(snap_compare) -> None:
    seed_two_checkins()

    async def run(pilot) -> None:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)

    assert snap_compare(app(), run_before=run)


def test_help(snap_compare) -> None:
    assert snap_compare(app(), run_before=steps("question_mark"))


def test_too_small(snap_compare) -> None:
    assert snap_compare(app(), run_before=steps(), terminal_size=(40, 12))
