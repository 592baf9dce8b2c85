"""Pilot tests for the walk-through's rough edges (issue 15, items 10-14), by keys alone."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Input, OptionList, Static

from coach.settings import Settings
from coach.tui.app import make_app
from coach.tui.screens.modals import task_form_problem
from coach.tui.session import Session
from tests.test_tui_flow import SIZE, TODAY, screen_text, settle, type_text


async def to_role_step(pilot, role_title: str = "") -> None:
    await settle(pilot)
    await pilot.press("enter")  # welcome -> profile
    await settle(pilot)
    await type_text(pilot, role_title)
    await pilot.press("ctrl+n")  # profile -> role
    await settle(pilot)


def preview(app) -> str:
    """The role preview's text (its heading and summary; the week table is left out)."""
    content = app.screen.query_one("#role-preview-text", Static).content
    first = content.renderables[0] if hasattr(content, "renderables") else content
    return first.plain if hasattr(first, "plain") else str(first)


def highlighted_title(app) -> str:
    option_list = app.screen.query_one("#role-list", OptionList)
    return str(option_list.get_option_at_index(option_list.highlighted).prompt)


# --- item 10: ctrl+n on the role step does what enter does -------------------------------


async def test_ctrl_n_on_the_role_step_takes_the_highlighted_role() -> None:
    loaded = {}
    for key in ("enter", "ctrl+n"):
        app = make_app(Settings.from_env(), today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await to_role_step(pilot, "Paralegal")
            assert highlighted_title(app).startswith("Paralegal")
            await pilot.press(key)
            await settle(pilot)
            assert type(app.screen).__name__ == "TasksScreen"
            loaded[key] = [t.text for t in app.session.tasks]
        app.session.store.clear_draft()
    assert loaded["ctrl+n"] == loaded["enter"]
    assert len(loaded["ctrl+n"]) >= 3  # the role's typical week, not "0 tasks"


async def test_the_role_list_puts_roles_of_the_workers_function_first() -> None:
    """A 'Support lead' in customer service sees the customer support roles before IT's."""
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # welcome -> profile
        await settle(pilot)
        await type_text(pilot, "Support lead")
        await pilot.press("tab")
        await type_text(pilot, "Customer service")
        await pilot.press("ctrl+n")  # profile -> role: the search starts from the title
        await settle(pilot)
        assert highlighted_title(app).startswith("Customer support")
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.pf.profile.function == "Customer service"
        assert app.session.pf.profile.role_id.startswith("support-tier")
    app.session.store.clear_draft()


# --- item 11: the highlight follows the search ----------------------------------------------


async def test_highlight_and_preview_follow_a_retyped_search() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await to_role_step(pilot)
        await type_text(pilot, "graphic")
        await settle(pilot)
        assert preview(app).startswith("Graphic designer")
        search = app.screen.query_one("#role-search", Input)
        search.value = ""
        await settle(pilot)
        await type_text(pilot, "markting mangr")
        await settle(pilot)
        assert highlighted_title(app).startswith("Marketing manager")
        assert preview(app).startswith("Marketing manager")
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.pf.profile.role == "Marketing manager"


async def test_down_from_the_search_keeps_the_best_match() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await to_role_step(pilot, "Paralegal")
        await pilot.press("down")
        await settle(pilot)
        assert isinstance(app.focused, OptionList)
        assert highlighted_title(app).startswith("Paralegal")
        assert preview(app).startswith("Paralegal")
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.pf.profile.role == "Paralegal"
        assert app.session.tasks


async def test_up_from_the_search_moves_above_the_best_match() -> None:
    """↑ in the search box moves the highlight too: from the best match onto "Start blank",
    and enter then starts a blank week rather than taking the match."""
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await to_role_step(pilot, "Paralegal")
        assert highlighted_title(app).startswith("Paralegal")
        await pilot.press("up")
        await settle(pilot)
        assert isinstance(app.focused, OptionList)
        assert highlighted_title(app).startswith("Start blank")
        assert preview(app).startswith("Your own tasks")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "TasksScreen"
        assert app.session.tasks == []
        assert app.session.pf.profile.role == "Paralegal"


async def test_a_search_with_no_match_says_so() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await to_role_step(pilot)
        await type_text(pilot, "zzqx")
        await settle(pilot)
        option_list = app.screen.query_one("#role-list", OptionList)
        assert option_list.option_count == 1  # only "Start blank"
        assert "No role matches 'zzqx'" in screen_text(app)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert type(app.screen).__name__ == "TasksScreen"
        assert app.session.tasks == []


async def test_role_rows_wrap_and_only_the_list_has_a_scrollbar() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await to_role_step(pilot)
        await type_text(pilot, "engineer")
        await settle(pilot)
        preview_panel = app.screen.query_one("#role-preview")
        assert preview_panel.styles.scrollbar_size_vertical == 0
        text = screen_text(app)
        # "Machine learning engineer  (Data and analytics)" is wider than the list: it wraps.
        assert "Machine learning engineer  (Data and" in text
        assert "analytics)" in text
        # A row that wraps only once the scrollbar takes its room keeps its second line.
        lines = [line.split("▏")[0].strip() for line in text.splitlines()]
        staff = lines.index("Staff software engineer")
        assert lines[staff + 1] == "(Engineering)"


# --- item 13: add-task errors a person can read --------------------------------------------


async def add_task_dialog(pilot) -> None:
    await to_role_step(pilot)
    await pilot.press("ctrl+n")  # start blank
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)


def dialog_error(app) -> str:
    return str(app.screen.query_one(".dialog-error", Static).render())


async def test_hours_out_of_range_is_said_plainly_and_keeps_focus_on_hours() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await add_task_dialog(pilot)
        await type_text(pilot, "Compile weekly sales reports")
        await pilot.press("enter")
        await type_text(pilot, "200")
        await pilot.press("enter")
        await settle(pilot)
        assert dialog_error(app) == "Hours must be between 0 and 168 (a week has 168)."
        assert "hours_per_week" not in screen_text(app)
        assert app.focused is app.screen.query_one("#task-hours", Input)
        await type_text(pilot, "6")  # the wrong value is selected: typing replaces it
        await pilot.press("enter")
        await settle(pilot)
    assert [(t.text, t.hours_per_week) for t in app.session.tasks] == [
        ("Compile weekly sales reports", 6)
    ]


async def test_letters_in_hours_show_and_get_an_error() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await add_task_dialog(pilot)
        await type_text(pilot, "Plan the week")
        await pilot.press("enter")
        await type_text(pilot, "two")
        hours = app.screen.query_one("#task-hours", Input)
        assert hours.value == "two"  # not dropped silently
        await pilot.press("enter")
        await settle(pilot)
        assert dialog_error(app).startswith("Hours must be a number between 0 and 168")
        assert app.session.tasks == []


async def test_empty_task_text_sends_the_cursor_back_to_the_text() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await add_task_dialog(pilot)
        await pilot.press("enter")
        await type_text(pilot, "3")
        await pilot.press("enter")
        await settle(pilot)
        assert dialog_error(app) == "Describe the task in a few words, starting with a verb."
        assert app.focused is app.screen.query_one("#task-text", Input)
        await type_text(pilot, "Review contracts")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [(t.text, t.hours_per_week) for t in app.session.tasks] == [("Review contracts", 3)]


FORM_SESSION = Session(Settings(home=Path(tempfile.gettempdir()) / "coach-never-written"))
"""make_task only validates; this session never opens a store."""


@given(text=st.text(max_size=60), hours=st.text(max_size=12))
def test_the_form_either_makes_a_task_or_says_why_in_words(text: str, hours: str):
    from coach.errors import CoachError

    problem = task_form_problem(text, hours)
    if problem is None:
        try:
            task = FORM_SESSION.make_task(text, hours)
        except CoachError as exc:  # pragma: no cover - would be a gap in task_form_problem
            raise AssertionError(f"form passed but the task was refused: {exc}") from None
        assert 0 <= task.hours_per_week <= 168
        return
    field, message = problem
    assert field in ("task-text", "task-hours")
    assert "field '" not in message and "_" not in message
    assert message[0].isupper() and message.endswith(".")


# --- item 14: the tasks help lists key 1 ------------------------------------------------------


async def test_tasks_help_lists_key_1() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await add_task_dialog(pilot)
        await type_text(pilot, "Compile weekly sales reports")
        await pilot.press("enter")
        await type_text(pilot, "4")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        keys = str(app.screen.query_one("#help-keys", Static).render())
    lines = [line.split(None, 1) for line in keys.splitlines()[1:] if line.strip()]
    shown = {key: what for key, what in lines}
    assert shown["1"] == "Toggle repetitive"
    assert shown["2"] == "Toggle structured data"
    assert shown["8"] == "Toggle human context"


# --- item 15: a week of 0 hours is refused alike in the app and the CLI -------------------------


async def test_app_refuses_a_week_of_zero_hours() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await add_task_dialog(pilot)
        await type_text(pilot, "Answer tier-1 tickets")
        await pilot.press("enter")
        await type_text(pilot, "0")
        await pilot.press("enter")
        await settle(pilot)
        assert [t.hours_per_week for t in app.session.tasks] == [0]
        told: list[str] = []
        app.notify = lambda message, **_kw: told.append(message)  # type: ignore[method-assign]
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert type(app.screen).__name__ == "TasksScreen"
        assert len(told) == 1
        assert told[0].startswith("Your tasks add up to 0 hours a week")
        assert "over 0 hours" not in screen_text(app)


@pytest.mark.parametrize(
    ("tasks", "message"),
    [
        ("", "has no [[tasks]]; add the tasks of your week"),
        (
            '[[tasks]]\ntext = "Answer tier-1 tickets"\nhours_per_week = 0\n',
            "its tasks add up to 0 hours a week; give each task the hours it takes",
        ),
    ],
)
@pytest.mark.parametrize("command", ["plan", "checkin"])
def test_cli_refuses_an_empty_week_like_the_app(
    tmp_path: Path, tasks: str, message: str, command: str
):
    from click.testing import CliRunner

    from coach.cli import cli

    profile = tmp_path / "me.toml"
    profile.write_text('[profile]\nrole = "Support"\n\n' + tasks, encoding="utf-8")
    args = ["plan", str(profile)] if command == "plan" else ["checkin", "--from", str(profile)]
    from coach.errors import CoachError

    result = CliRunner().invoke(cli, args)
    assert isinstance(result.exception, CoachError)
    assert result.exception.exit_code == 2
    assert str(result.exception).startswith(f"{profile}: {message}")
    assert result.output == ""  # nothing rendered


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_tasks_detail_panel_shows_its_heading_and_toasts_do_not_cover_it(size) -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=size, notifications=True) as pilot:
        await to_role_step(pilot, "Paralegal")
        await pilot.press("enter")  # take the role: a toast says how many tasks came in
        await settle(pilot)
        panel = app.screen.query_one("#task-detail")
        toasts = list(app.screen.query("Toast"))
        assert toasts, "the role's toast is showing"
        for toast in toasts:
            assert not toast.region.overlaps(panel.region)
        for _ in range(3):
            await pilot.press("down")
            await settle(pilot)
        assert panel.scroll_y == 0
        assert panel.region.height <= panel.virtual_size.height + 1  # no blank filler
        text = screen_text(app)
        assert "Attributes (keys 1-8" in text
        assert "8 human context:" in text


async def test_palette_offers_no_jump_to_review_for_a_zero_hour_week() -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await add_task_dialog(pilot)
        await type_text(pilot, "Answer tier-1 tickets")
        await pilot.press("enter")
        await type_text(pilot, "0")
        await pilot.press("enter")
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Go to review" not in titles
        app.session.replace_task(0, app.session.tasks[0].model_copy(update={"hours_per_week": 2}))
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Go to review" in titles
