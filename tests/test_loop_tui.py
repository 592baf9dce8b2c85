"""Pilot tests for the quarterly loop in the app: re-exports, a store that changed meanwhile,
a fresh start over an unfinished draft, evidence and the brag document."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from test_tui_flow import SIZE, TODAY, open_store, screen_text, settle, type_text, walk_to_export

from coach.models import Profile, ProfileFile, Task
from coach.settings import Settings
from coach.tui.app import make_app


def seed(day: dt.date, role: str = "Support lead"):
    """A check-in saved as `coach checkin` would save it, dated `day`."""
    from coach.draft import Draft
    from coach.rules import load_rules

    profile_file = ProfileFile(
        profile=Profile(role=role, function="Support"),
        tasks=[
            Task(text="Prepare weekly pipeline reports", hours_per_week=8),
            Task(text="Coach new agents on difficult calls", hours_per_week=6),
        ],
    )
    draft = Draft(profile_file, classify=load_rules().classify, today=day)
    return draft.save(open_store()).checkin


async def palette(pilot, command: str) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot)
    await type_text(pilot, command)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_exporting_again_updates_the_quarters_checkin(workdir: Path, monkeypatch) -> None:
    import coach.plan

    builds = []
    real = coach.plan.build_plan
    monkeypatch.setattr(coach.plan, "build_plan", lambda *a, **k: builds.append(1) or real(*a, **k))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_export(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Check-in 2026-Q4 recorded" in screen_text(app)
        first = open_store().checkins()
        # Back to the plan, and export again: the same check-in is updated.
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("enter", "y")  # the file exists now: replace it
        await settle(pilot)
        assert "Check-in 2026-Q4 updated" in screen_text(app)
        assert "kept in backups/" in screen_text(app)
        # And once more through the palette's "Go to export".
        await palette(pilot, "Go to export")
        await pilot.press("enter", "y")
        await settle(pilot)
    checkins = open_store().checkins()
    assert len(checkins) == 1 and checkins[0].id == first[0].id
    # One plan for the whole walk: previewed, exported three times, never rebuilt.
    assert len(builds) == 1
    assert checkins[0].plan is not None  # the stored check-in keeps its plan


async def test_a_checkin_saved_meanwhile_is_the_one_compared_with(workdir: Path) -> None:
    seed(dt.date(2026, 5, 4))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")  # this quarter's check-in from the Q2 one
        await settle(pilot)
        assert app.session.previous.quarter == "2026-Q2"
        seed(dt.date(2026, 8, 3))  # another coach saves Q3 while this one is open
        for _ in range(5):
            await pilot.press("ctrl+n")
            await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Compared with 2026-Q3" in screen_text(app)
    exported = (workdir / "coach-plan-2026-Q4.md").read_text(encoding="utf-8")
    assert "2026-Q3 to 2026-Q4" in exported
    assert "2026-Q2" not in exported
    assert [c.quarter for c in open_store().checkins()] == ["2026-Q2", "2026-Q3", "2026-Q4"]


async def test_starting_fresh_over_an_unfinished_draft_asks_first(workdir: Path) -> None:
    tasks = [Task(text=f"Task number {n}", hours_per_week=4) for n in range(8)]
    draft = ProfileFile(profile=Profile(role="Paralegal"), tasks=tasks)
    open_store().save_draft(draft)
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "unfinished check-in (Paralegal, 8 tasks)" in screen_text(app)
        await pilot.press("enter")  # enter, not r
        await settle(pilot)
        assert "Start a new one?" in screen_text(app)
        await pilot.press("n")  # keep it
        await settle(pilot)
        assert "Welcome to coach" in screen_text(app)
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert open_store().load_draft() == draft
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")  # start a new one after all
        await settle(pilot)
        assert "step 1 of 6" in screen_text(app)
        assert app.session.tasks == []
        await pilot.press("ctrl+q")
        await settle(pilot)
    # Nothing typed yet: the old draft is still there to resume.
    assert open_store().load_draft() == draft
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "y")
        await settle(pilot)
        await type_text(pilot, "Clerk")
        await pilot.press("ctrl+q")
        await settle(pilot)
    # Now the new draft is the one to resume, and the old one is kept in backups/.
    assert open_store().load_draft().profile.role == "Clerk"
    from coach.store import list_backups

    (kept,) = [b for b in list_backups(Settings.from_env().backups_dir) if b.label]
    assert kept.label == "draft-replaced"
    assert "Task number 7" in kept.path.read_text(encoding="utf-8")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COACH_HOME": str(Settings.from_env().home)}
    return subprocess.run(
        [sys.executable, "-m", "coach", *args], env=env, capture_output=True, text=True, check=False
    )


async def test_the_app_and_the_cli_on_one_store_keep_each_others_changes(workdir: Path) -> None:
    saved = seed(dt.date(2026, 10, 5))
    first, second = saved.actions[0], saved.actions[1]
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Your dashboard" in screen_text(app)
        # The CLI, in another process, marks the second action done and logs evidence...
        from coach.progress import short_id

        done = run_cli("actions", "set", short_id(second.id), "--status", "done")
        assert done.returncode == 0, done.stderr
        logged = run_cli("log", "cut the weekly report from 6 h to 1 h")
        assert logged.returncode == 0, logged.stderr
        # ...while the app, opened before, moves the first one along.
        await pilot.press("space")
        await settle(pilot)
        stored = open_store().get(saved.id)
        status = {a.id: a.status for a in stored.actions}
        assert status[first.id] == "doing" and status[second.id] == "done"
        assert [e.text for e in stored.evidence] == ["cut the weekly report from 6 h to 1 h"]
        # A draft of this quarter's check-in, exported from the app, keeps them too.
        await pilot.press("n")
        await settle(pilot)
        for _ in range(5):
            await pilot.press("ctrl+n")
            await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Check-in 2026-Q4 updated" in screen_text(app)
    after = run_cli("history", "--json")
    assert after.returncode == 0 and '"actions_done": 1' in after.stdout
    stored = open_store().checkins()
    assert len(stored) == 1
    status = {a.id: a.status for a in stored[0].actions}
    assert status[first.id] == "doing" and status[second.id] == "done"
    assert len(stored[0].evidence) == 1


async def test_evidence_from_the_dashboard_and_the_brag_document_from_the_palette(
    workdir: Path,
) -> None:
    saved = seed(dt.date(2026, 10, 5))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert "Log evidence" in screen_text(app)
        await pilot.press("enter", "enter")  # nothing typed yet
        await settle(pilot)
        assert "Say what you did first" in screen_text(app)
        await type_text(pilot, "won back the Acme renewal")
        await pilot.press("enter")
        await type_text(pilot, "$40k")
        await pilot.press("enter")
        await settle(pilot)
        assert "Log evidence" not in screen_text(app)
        assert "Evidence logged: 1" in screen_text(app)
        await palette(pilot, "Brag document")
    stored = open_store().get(saved.id)
    assert [(e.text, e.value, e.action_id) for e in stored.evidence] == [
        ("won back the Acme renewal", "$40k", saved.actions[0].id)
    ]
    brag = (workdir / "coach-brag.md").read_text(encoding="utf-8")
    assert "won back the Acme renewal ($40k)" in brag
