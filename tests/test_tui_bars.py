"""The one-widget header and footer behave as Textual's Header and Footer: the footer shows the
screen's keys, a click presses one, hovering shows its tooltip, and it follows the keys as they
come and go; the header's icon opens the palette. How they look: tests/test_snapshots.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from coach.settings import Settings
from coach.tui.app import make_app
from coach.tui.widgets.keys_footer import KeysFooter
from coach.tui.widgets.title_bar import TitleBar
from tests.test_tui_flow import SIZE, TODAY, _seed_checkin, screen_text, settle


def footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_a_click_on_a_key_presses_it(workdir: Path) -> None:
    _seed_checkin(dt.date(2026, 10, 20))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        line = footer_line(app)
        assert line.startswith(" n Check-in  h History  space Status")
        assert line.endswith("▏^p palette")
        await pilot.click(KeysFooter, offset=(line.index("h History") + 1, 0))
        await settle(pilot)
        assert type(app.screen).__name__ == "HistoryScreen"
        assert "esc" in footer_line(app).lower()  # the history screen's own keys


async def test_hovering_a_key_shows_its_tooltip(workdir: Path) -> None:
    _seed_checkin(dt.date(2026, 10, 20))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeysFooter)
        await pilot.hover(KeysFooter, offset=(footer_line(app).index("^q") + 1, 0))
        await pilot.pause()
        assert footer.tooltip == "Quit; keeps a draft"
        await pilot.hover(KeysFooter, offset=(footer_line(app).index("palette"), 0))
        await pilot.pause()
        assert footer.tooltip  # the palette key's own description


async def test_the_footer_follows_the_keys_that_apply(workdir: Path) -> None:
    _seed_checkin(dt.date(2026, 10, 20))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "m Numbers" in footer_line(app)  # the first action is a metric
        actions = app.screen.view.latest.actions
        not_metric = next(i for i, a in enumerate(actions) if a.section != "metrics")
        for _ in range(not_metric):
            await pilot.press("down")
        await settle(pilot)
        assert "m Numbers" not in footer_line(app)
        assert "e Log" in footer_line(app)


async def test_the_header_shows_the_step_and_its_icon_opens_the_palette(workdir: Path) -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert screen_text(app).splitlines()[0].split() == ["≡", "coach", "—", "welcome"]
        await pilot.press("enter")
        await settle(pilot)
        assert "coach — step 1 of 6: profile" in screen_text(app).splitlines()[0]
        bar = app.screen.query_one(TitleBar)
        await pilot.hover(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert bar.tooltip == "Open the command palette"
        await pilot.click(TitleBar, offset=(40, 0))  # elsewhere: tall, then short again
        assert bar.size.height == 3
        await pilot.click(TitleBar, offset=(40, 0))
        assert bar.size.height == 1
        await pilot.click(TitleBar, offset=(1, 0))
        await settle(pilot)
        assert "Search for commands" in screen_text(app)
