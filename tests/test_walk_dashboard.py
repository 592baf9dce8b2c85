"""Pilot tests for the dashboard's rough edges (issue 15, item 16), by keys alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input

from coach.settings import Settings
from coach.tui.app import make_app
from coach.tui.widgets.action_table import ActionTable
from tests.test_tui_flow import SIZE, TODAY, _seed_checkin, screen_text, settle, type_text


def toast_texts(app) -> list[str]:
    return [str(t.render()) for t in app.screen.query("Toast")]


async def test_x_exports_the_last_plan_and_asks_before_replacing(workdir: Path) -> None:
    seeded = _seed_checkin(dt.date(2026, 10, 20))
    target = workdir / f"coach-plan-{seeded.quarter}.md"
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert "x Export" in screen_text(app)
        await pilot.press("x")
        await settle(pilot)
        assert app.screen.query_one("#export-path", Input).value == f"./{target.name}"
        await pilot.press("enter")
        await settle(pilot)
        assert target.exists()
        assert any("Wrote the plan to" in t for t in toast_texts(app))
        target.write_text("my notes\n", encoding="utf-8")
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "already exists" in screen_text(app)
        await pilot.press("n")  # keep it
        await settle(pilot)
    assert target.read_text(encoding="utf-8") == "my notes\n"


async def test_exported_plan_says_to_do_like_the_app(workdir: Path) -> None:
    _seed_checkin(dt.date(2026, 10, 20))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "[ ] to do" in screen_text(app)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    (written,) = workdir.iterdir()
    text = written.read_text(encoding="utf-8")
    assert "todo" not in text  # the stored status word never reaches the reader


async def test_long_actions_end_in_an_ellipsis_and_fit_the_screen() -> None:
    from tests.test_tui_flow import open_store

    seeded = _seed_checkin(dt.date(2026, 10, 20))
    long_title = "Write down the controls for the AI workflow on " + "every customer question " * 4
    first = seeded.actions[0].model_copy(update={"title": long_title})
    store = open_store()
    store.update_checkin(seeded.model_copy(update={"actions": [first, *seeded.actions[1:]]}))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#actions", ActionTable)
        rows = [line for line in screen_text(app).splitlines() if "[ ] to do" in line]
        assert any(row.rstrip().endswith("…") for row in rows)
        assert all(len(row) <= SIZE[0] for row in rows)
        assert table.virtual_size.width <= table.size.width  # no sideways scrolling
        assert not table.scrollbars_enabled[1]  # so no horizontal scrollbar glyphs


async def test_dialogs_show_their_own_keys_not_the_screen_behind() -> None:
    _seed_checkin(dt.date(2026, 10, 20))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Cancel" in footer
        assert "Check-in" not in footer
        assert "History" not in footer


async def test_a_later_success_clears_an_old_error_toast(workdir: Path) -> None:
    _seed_checkin(dt.date(2026, 10, 20))
    blocker = workdir / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        app.screen.query_one("#export-path", Input).value = ""
        await type_text(pilot, f"{blocker}/plan.md")
        await pilot.press("enter")
        await settle(pilot)
        assert any(t.startswith("Not saved") for t in toast_texts(app))
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("enter")  # the proposed path is fine
        await settle(pilot)
        texts = toast_texts(app)
        assert any("Wrote the plan to" in t for t in texts)
        assert not any(t.startswith("Not saved") for t in texts)


async def test_n_before_the_due_date_says_it_is_early() -> None:
    _seed_checkin(dt.date(2026, 10, 20))  # next one is due in 2027
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        told: list[str] = []
        app.notify = lambda message, **_kw: told.append(message)  # type: ignore[method-assign]
        await pilot.press("n")
        await settle(pilot)
        assert type(app.screen).__name__ == "ProfileScreen"
    assert len(told) == 1
    assert "this one starts early" in told[0]


async def test_n_when_due_says_nothing_extra() -> None:
    _seed_checkin(dt.date(2026, 5, 4))  # a check-in is due by TODAY
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "due now" in screen_text(app)
        told: list[str] = []
        app.notify = lambda message, **_kw: told.append(message)  # type: ignore[method-assign]
        await pilot.press("n")
        await settle(pilot)
        assert type(app.screen).__name__ == "ProfileScreen"
    assert told == []


# --- item 17: the history chart keeps a fixed 0-100 scale -------------------------------------


def test_index_chart_scale_is_fixed_so_small_changes_look_small():
    from coach.tui.screens.history import CHART_COLUMN, index_chart

    lines = index_chart([("2026-Q2", 45), ("2026-Q3", 41)], 78)
    assert lines[0].startswith("100 ┤") and lines[4].startswith("  0 ┼")
    assert "2026-Q2" in lines[5] and "2026-Q3" in lines[5]
    assert lines[6].split() == ["index", "45", "41"]

    def height(column: int) -> int:
        """How many eighths of a row the bar in `column` fills."""
        centre = 5 + column * CHART_COLUMN + CHART_COLUMN // 2
        blocks = " ▁▂▃▄▅▆▇█"
        return sum(blocks.index(line[centre]) if len(line) > centre else 0 for line in lines[:4])

    assert height(0) - height(1) <= 2  # 4 points of 100 is a small step, not a cliff
    low_high = index_chart([("a", 0), ("b", 100)], 78)
    assert [line[5 + CHART_COLUMN + CHART_COLUMN // 2] for line in low_high[:4]] == ["█"] * 4
    assert all(line[5 + CHART_COLUMN // 2] == " " for line in low_high[:4] if len(line) > 9)


def test_index_chart_keeps_the_newest_that_fit():
    from coach.tui.screens.history import index_chart

    points = [(f"2020-Q{n % 4 + 1}", n) for n in range(20)]
    lines = index_chart(points, 78)
    assert all(len(line) <= 78 for line in lines)
    assert lines[6].split()[-1] == "19"
    assert lines[-1].startswith("(the newest 8 of 20 check-ins)")


async def test_history_screen_draws_the_labelled_chart() -> None:
    from tests.test_tui_flow import _seed_checkin as seed

    seed(dt.date(2026, 5, 4))
    seed(dt.date(2026, 8, 20), hours=8.0)
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        text = screen_text(app)
    assert "100 ┤" in text
    assert "  0 ┼" in text
    assert "2026-Q2" in text and "2026-Q3" in text


async def test_going_home_again_and_again_shows_a_fresh_dashboard_over_the_first_screen() -> None:
    from tests.test_loop_tui import palette

    _seed_checkin(dt.date(2026, 10, 20))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = app.screen
        for _ in range(3):
            await pilot.press("h")
            await settle(pilot)
            await palette(pilot, "Dashboard")
            assert type(app.screen).__name__ == "DashboardScreen"
            assert app.screen is not first
            assert "Actions from your plan (0 of" in screen_text(app)
            # The first screen stays beneath (Textual keeps its default screen); the
            # walk-through's screens and older dashboards are gone.
            assert app.screen_stack == [first, app.screen]


async def test_the_actions_table_moves_by_keys_and_clicks_and_keeps_the_cursor_in_view() -> None:
    from tests.test_tui_flow import open_store

    seeded = _seed_checkin(dt.date(2026, 10, 20))
    many = [
        seeded.actions[n % len(seeded.actions)].model_copy(
            update={"id": f"action-{n}", "title": f"Action number {n}"}
        )
        for n in range(20)
    ]
    open_store().update_checkin(seeded.model_copy(update={"actions": many}))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#actions", ActionTable)

        def detail_title() -> str:
            return str(app.screen.query_one("#action-detail").render()).splitlines()[0]

        def cursor_shown() -> bool:
            return any(
                line.lstrip().startswith("[ ] to do") and detail_title() in line
                for line in screen_text(app).splitlines()
            )

        assert detail_title() == "Action number 0"
        await pilot.press("end")
        await settle(pilot)
        assert table.cursor_row == 19 and detail_title() == "Action number 19"
        assert table.scroll_y > 0 and cursor_shown()
        await pilot.press("home")
        await settle(pilot)
        assert table.cursor_row == 0 and table.scroll_y == 0
        await pilot.press("pagedown")
        await settle(pilot)
        assert table.cursor_row > 1 and cursor_shown()
        await pilot.press("pageup")
        await settle(pilot)
        assert table.cursor_row == 0
        await pilot.press("down", "down", "up")
        await settle(pilot)
        assert detail_title() == "Action number 1"
        await pilot.click("#actions", offset=(20, 4))  # the header is line 0: row 3
        await settle(pilot)
        assert table.cursor_row == 3 and detail_title() == "Action number 3"
        await pilot.click("#actions", offset=(20, 0))  # the header moves nothing
        await settle(pilot)
        assert table.cursor_row == 3
        await pilot.press("space")  # the status key works on the row clicked
        await settle(pilot)
    stored = open_store().latest()
    assert [a.status for a in stored.actions[:5]] == ["todo", "todo", "todo", "doing", "todo"]
