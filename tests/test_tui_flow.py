"""Pilot tests: a worker's whole walk through the terminal app, by keys alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coach.settings import Settings
from coach.tui.app import make_app

TODAY = dt.date(2026, 11, 3)
SIZE = (80, 24)


def screen_text(app) -> str:
    """What the terminal shows right now, as plain text."""
    return "\n".join(s.text.rstrip() for s in app.screen._compositor.render_strips())


def open_store():
    from coach.store import Store

    return Store.open(Settings.from_env())


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_first_run_to_exported_plan(workdir: Path) -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Welcome to coach" in screen_text(app)
        assert "stays on this machine" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        # Profile: role, function, money link (Select), teaching and one scarce asset.
        await type_text(pilot, "Reporting analyst")
        await pilot.press("tab")
        await type_text(pilot, "Finance")
        await pilot.press("tab", "tab")  # level stays; focus the money question
        await pilot.press("enter", "up", "up", "up", "enter")  # "Not sure" -> "Yes"
        await pilot.press("tab", "tab", "space")  # teaches others
        await pilot.press("tab", "space")  # owns data quality
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        # Role: the search starts from the title typed; enter takes the best match.
        assert "Reporting analyst" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "step 3 of 6" in screen_text(app)
        catalog_tasks = len(app.session.tasks)
        assert catalog_tasks >= 3
        # Tasks: add one, mark it repetitive, move it up one place.
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "Copy invoice totals into the ledger")
        await pilot.press("enter")
        await type_text(pilot, "3")
        await pilot.press("enter")
        await settle(pilot)
        assert "Copy invoice totals into the ledger" in screen_text(app)
        await pilot.press("1")  # repetitive: yes
        await pilot.press("shift+up")
        await settle(pilot)
        added = [t for t in app.session.tasks if t.text.startswith("Copy invoice")]
        assert added and added[0].repetitive is True
        assert app.session.tasks.index(added[0]) == 0  # it was inserted after the first
        assert "repetitive: yes" in screen_text(app)
        await pilot.press("ctrl+n")
        await settle(pilot)
        text = screen_text(app)
        assert "Where your week goes" in text
        assert "Exposure index:" in text
        for label in ("Displacement", "Augmentation", "Not ready"):
            assert label in text
        assert "%" in text
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "step 5 of 6" in screen_text(app)
        await pilot.press("ctrl+n")
        await settle(pilot)
        default = workdir / "coach-plan-2026-Q4.md"
        assert "./coach-plan-2026-Q4.md" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved." in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "Your dashboard" in screen_text(app)

    exported = default.read_text(encoding="utf-8")
    assert "Reporting analyst" in exported
    assert "Copy invoice totals into the ledger" in exported
    store = open_store()
    checkins = store.checkins()
    assert len(checkins) == 1
    saved = checkins[0]
    assert saved.date == TODAY and saved.quarter == "2026-Q4"
    assert saved.profile.role == "Reporting analyst"
    assert saved.profile.function == "Finance"
    assert saved.profile.money_link == "yes"
    assert saved.profile.teaches_ai is True
    assert saved.profile.assets_owned == ["data-quality"]
    texts = [a.task.text for a in saved.assessment.tasks]
    assert texts[0] == "Copy invoice totals into the ledger"
    assert len(texts) == catalog_tasks + 1
    assert saved.assessment.tasks[0].task.repetitive is True
    assert f"exposure index {saved.assessment.exposure_index}" in exported.lower()
    assert saved.actions, "the plan's actions are recorded with the check-in"
    assert store.load_draft() is None


def _seed_checkin(day: dt.date, hours: float = 10.0):
    from coach.checkins import new_checkin
    from coach.models import Profile, ProfileFile, Task
    from coach.rules import load_rules

    pf = ProfileFile(
        profile=Profile(role="Support lead", function="Support", level="manager"),
        tasks=[
            Task(text="Answer customer questions by email", hours_per_week=hours),
            Task(text="Coach new agents on difficult calls", hours_per_week=6),
        ],
    )
    checkin = new_checkin(pf, load_rules(), today=day)
    return open_store().add_checkin(checkin)


async def test_returning_user_starts_from_last_quarter(workdir: Path) -> None:
    first = _seed_checkin(dt.date(2026, 7, 1))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Your dashboard" in text
        assert "Support lead" in text
        assert f"Exposure index: {first.assessment.exposure_index} / 100" in text
        assert "Next check-in due: 09 Sep 2026: due now" in text
        await pilot.press("n")
        await settle(pilot)
        assert app.session.pf.profile.role == "Support lead"
        assert "your 2026-Q3 answers are filled in. What changed?" in screen_text(app)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+n")  # keep last quarter's tasks
        await settle(pilot)
        text = screen_text(app)
        assert "Answer customer questions by email" in text
        before = first.assessment
        assert f"(in 2026-Q3: {len(before.tasks)} task" in text
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "2")
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.tasks[0].hours_per_week == 2
        for _ in range(3):
            await pilot.press("ctrl+n")
            await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")  # to the dashboard
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        text = screen_text(app)
        assert "2026-Q3" in text and "2026-Q4" in text
        assert "From 2026-Q3 to 2026-Q4" in text
        assert "-8 h" in text  # eight hours a week moved out of a class

    checkins = open_store().checkins()
    assert [c.quarter for c in checkins] == ["2026-Q3", "2026-Q4"]
    assert checkins[1].assessment.tasks[0].task.hours_per_week == 2
    exported = (workdir / "coach-plan-2026-Q4.md").read_text(encoding="utf-8")
    assert "2026-Q3" in exported  # the "since last quarter" section names the previous one


HOSTILE = "[bold]x[/oops] \x1b[31mred\x1b[0m [link=http://x]y"


async def test_hostile_task_text_shows_as_typed(workdir: Path) -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "[red]Boss[/]")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#task-text").value = HOSTILE
        await pilot.press("tab")
        await type_text(pilot, "4")
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "[bold]x[/oops]" in text
        assert "\x1b" not in app.session.tasks[0].text
        assert "red" in app.session.tasks[0].text
        for _ in range(2):
            await pilot.press("ctrl+n")
            await settle(pilot)
        seen = screen_text(app)
        for _ in range(4):  # the week table follows the plan's first page
            await pilot.press("pagedown")
            await settle(pilot)
            seen += screen_text(app)
        assert "[bold]x[/oops]" in seen  # plan preview
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    exported = (workdir / "coach-plan-2026-Q4.md").read_text(encoding="utf-8")
    assert "x" in exported and "\x1b" not in exported
    assert open_store().checkins()[0].profile.role == "[red]Boss[/]"


async def test_resize_too_small_and_back() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+n", "ctrl+n")
        await settle(pilot)
        await pilot.resize_terminal(40, 12)
        await settle(pilot)
        assert "too small" in screen_text(app)
        await pilot.press("a")  # bindings are off while the notice shows
        await settle(pilot)
        assert "TaskEditModal" not in str(app.screen_stack)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        text = screen_text(app)
        assert "too small" not in text
        assert "Your week" in text
        assert "Add" in text  # the footer's bindings are back
        await pilot.resize_terminal(61, 20)
        await settle(pilot)
        assert "too small" not in screen_text(app)


async def test_draft_survives_quit_and_resumes() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "Paralegal")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("down", "up")  # from the best match (Paralegal) up to "Start blank"
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "Draft contract redlines")
        await pilot.press("enter")
        await type_text(pilot, "7")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    draft = open_store().load_draft()
    assert draft is not None
    assert draft.profile.role == "Paralegal"
    assert [t.text for t in draft.tasks] == ["Draft contract redlines"]

    again = make_app(Settings.from_env(), today=TODAY)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "unfinished check-in" in screen_text(again)
        await pilot.press("r")
        await settle(pilot)
        assert again.session.pf.profile.role == "Paralegal"
        assert [t.text for t in again.session.tasks] == ["Draft contract redlines"]
        # It opens where the user left off (the tasks step); esc goes back to the role step,
        # then to the profile.
        assert type(again.screen).__name__ == "TasksScreen"
        assert "Draft contract redlines" in screen_text(again)
        await pilot.press("escape")
        await settle(pilot)
        assert type(again.screen).__name__ == "RoleScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert type(again.screen).__name__ == "ProfileScreen"


async def walk_to_export(pilot, title: str = "Data analyst") -> None:
    """A first run, from the welcome to the export step, taking the catalog role `title`."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await type_text(pilot, title)
    await pilot.press("ctrl+n")
    await settle(pilot)
    await pilot.press("enter")  # take the catalog role
    await settle(pilot)
    for _ in range(3):
        await pilot.press("ctrl+n")
        await settle(pilot)


async def test_export_asks_before_overwriting(workdir: Path) -> None:
    target = workdir / "coach-plan-2026-Q4.md"
    target.write_text("my notes\n", encoding="utf-8")
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_export(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "already exists" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "my notes\n"
        assert open_store().checkins() == []
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    assert target.read_text(encoding="utf-8") != "my notes\n"
    assert len(open_store().checkins()) == 1


async def test_help_and_command_palette() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "ctrl+n", "ctrl+n")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert "Help" in screen_text(app)
        keys = str(app.screen.query_one("#help-keys").render())
        assert "Keys on this screen" in keys
        assert "Add" in keys and "Next" in keys and "Quit" in keys
        assert "Delete" not in keys  # nothing to delete yet, so the key is off
        assert "Focus Next" not in keys
        await pilot.press("escape")
        await settle(pilot)
        assert "Keys on this screen" not in screen_text(app)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Help", "Start a check-in", "Dashboard", "History", "Quit"):
            assert title in titles
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "history")
        await settle(pilot)
        assert "History" in screen_text(app)


async def test_corrupt_store_exits_with_code_2(coach_home: Path) -> None:
    coach_home.mkdir(parents=True, exist_ok=True)
    (coach_home / "coach.json").write_bytes(b"{not json")
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert app.return_code == 2
    assert app.fatal_error and "coach.json" in app.fatal_error
    assert (coach_home / "coach.json").read_bytes() == b"{not json"
