"""Pilot tests for the flows off the main path: marking progress on the dashboard, importing
tasks from an O*NET file, and comparing quarters in the history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Input, Static

from coach.cli import cli
from coach.settings import Settings
from coach.tui.app import make_app
from coach.tui.screens.modals import MetricModal
from tests.test_tui_flow import (
    SIZE,
    TODAY,
    _seed_checkin,
    open_store,
    screen_text,
    settle,
    type_text,
    walk_to_export,
)

SAMPLE = Path(__file__).parent / "fixtures" / "onet_tasks_sample.txt"


async def test_dashboard_marks_progress_and_stores_it() -> None:
    seeded = _seed_checkin(dt.date(2026, 8, 20))
    first_action = seeded.actions[0]
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert f"Actions from your plan (0 of {len(seeded.actions)} done)" in screen_text(app)
        await pilot.press("space")  # to do -> doing
        await settle(pilot)
        assert open_store().latest().actions[0].status == "doing"
        await pilot.press("space")  # doing -> done
        await settle(pilot)
        text = screen_text(app)
        assert f"(1 of {len(seeded.actions)} done)" in text
        assert "[x] done" in text
        await pilot.press("ctrl+q")
        await pilot.pause()

    stored = open_store().latest()
    assert stored.id == seeded.id
    assert stored.actions[0].id == first_action.id
    assert stored.actions[0].status == "done"
    assert all(a.status == "todo" for a in stored.actions[1:])


async def test_onet_import_replaces_tasks_and_keeps_them_in_the_draft() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # welcome -> profile
        await settle(pilot)
        await pilot.press("ctrl+n")  # -> role
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert "Import tasks from O*NET" in screen_text(app)
        app.screen.query_one("#onet-path", Input).value = str(SAMPLE)
        await pilot.press("enter")
        app.screen.query_one("#onet-occupation", Input).value = "no such job at all"
        await pilot.press("enter")
        await settle(pilot)
        assert "Import tasks from O*NET" in screen_text(app)  # still open, nothing replaced
        assert app.session.tasks == []
        app.screen.query_one("#onet-occupation", Input).value = "29-9990.00"
        await pilot.press("enter")
        await settle(pilot)
        assert "step 3 of 6" in screen_text(app)
        imported = [t.text for t in app.session.tasks]
        assert len(imported) == 6
        assert imported[0][:30] in screen_text(app)  # the table shows them (long ones cut)
        await pilot.press("ctrl+q")
        await pilot.pause()

    draft = open_store().load_draft()
    assert draft is not None
    assert [t.text for t in draft.tasks] == imported
    assert all(t.hours_per_week > 0 for t in draft.tasks)


async def test_history_compares_two_quarters() -> None:
    _seed_checkin(dt.date(2026, 5, 12), hours=12)
    _seed_checkin(dt.date(2026, 8, 20), hours=4)
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        text = screen_text(app)
        assert "2026-Q2" in text and "2026-Q3" in text
        assert "From 2026-Q2 to 2026-Q3" in text
        assert "-8 h" in text
    assert len(open_store().checkins()) == 2  # looking changes nothing


async def test_dashboard_records_a_metrics_numbers(workdir: Path) -> None:
    seeded = _seed_checkin(dt.date(2026, 8, 20))
    metric_row = next(i for i, a in enumerate(seeded.actions) if a.section == "metrics")
    other_row = next(i for i, a in enumerate(seeded.actions) if a.section != "metrics")
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(other_row):
            await pilot.press("down")
        await pilot.press("m")  # not a metric: nothing opens
        await settle(pilot)
        assert not isinstance(app.screen, MetricModal)
        for _ in range(other_row - metric_row):
            await pilot.press("up")
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MetricModal)
        await type_text(pilot, "12 h")
        await pilot.press("enter")
        await type_text(pilot, "6 h")
        await pilot.press("enter")
        await type_text(pilot, "9 h")
        await pilot.press("enter")
        await settle(pilot)
        assert "baseline 12 h, target 6 h, latest 9 h" in " ".join(screen_text(app).split())
        await pilot.press("ctrl+q")
        await pilot.pause()

    stored = open_store().latest()
    entry = stored.metrics[0]
    assert (entry.action_id, entry.baseline, entry.target, entry.value) == (
        seeded.actions[metric_row].id,
        "12 h",
        "6 h",
        "9 h",
    )
    result = CliRunner().invoke(cli, ["export", "-o", "plan.md"])
    assert result.exit_code == 0, result.output
    exported = (workdir / "plan.md").read_text(encoding="utf-8")
    assert "Baseline 12 h · target 6 h · latest 9 h" in exported


async def test_a_broken_rules_file_stops_the_app_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "my-rules.toml"
    broken.write_text("[[rule]]\nid = \n", encoding="utf-8")
    monkeypatch.setenv("COACH_RULES", str(broken))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
    assert app.return_code == 2
    assert app.fatal_error is not None
    assert str(broken) in app.fatal_error and "not valid TOML" in app.fatal_error


async def test_export_errors_stay_on_screen_and_nothing_is_written(workdir: Path) -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_export(pilot)
        path_input = app.screen.query_one("#export-path", Input)
        for bad, reason in [
            (str(workdir), "is a folder"),
            (str(workdir / "missing" / "plan.md"), "folder does not exist"),
            ("", "type a file path"),
        ]:
            path_input.value = bad
            await pilot.press("enter")
            await settle(pilot)
            text = screen_text(app)
            assert "Not saved:" in text and reason in text, text
            assert "Fix the path above" in text
        assert open_store().checkins() == []
        assert not (workdir / "missing").exists()
        path_input.value = "./plan.md"
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Saved." in text and "Not saved" not in text
    assert (workdir / "plan.md").read_text(encoding="utf-8").startswith("# Your plan")
    assert len(open_store().checkins()) == 1


async def test_task_dialog_keeps_the_error_and_the_typed_text() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "ctrl+n", "ctrl+n")  # start blank on the role step
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "Compile weekly sales reports")
        await pilot.press("enter", "enter")  # no hours given
        await settle(pilot)
        error = app.screen.query_one(".dialog-error", Static)
        assert error.display and "Give the hours it takes in a typical week" in str(error.render())
        assert app.session.tasks == []
        assert app.screen.query_one("#task-text", Input).value == "Compile weekly sales reports"
        await type_text(pilot, "6")
        await pilot.press("enter")
        await settle(pilot)
    assert [(t.text, t.hours_per_week) for t in app.session.tasks] == [
        ("Compile weekly sales reports", 6)
    ]
