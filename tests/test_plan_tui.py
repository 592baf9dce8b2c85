"""The app's plan step shows exactly the plan that the export writes."""

from __future__ import annotations

from pathlib import Path

from test_tui_flow import SIZE, TODAY, screen_text, settle, type_text

from coach.settings import Settings
from coach.tui.app import make_app


async def test_plan_preview_and_exported_file_are_the_same_plan(workdir: Path) -> None:
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "Paralegal")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("enter")  # take the catalog role
        await settle(pilot)
        for _ in range(2):  # tasks -> review -> plan
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert "step 5 of 6" in screen_text(app)
        shown = app.screen.query_one("#plan-md").content
        preview = shown.markup  # the Markdown source of what the step renders
        text = screen_text(app)
        assert "Your plan: Paralegal" in text and "Start here" in text
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Saved." in screen_text(app)
    exported = (workdir / "coach-plan-2026-Q4.md").read_text(encoding="utf-8")
    assert exported == preview
    assert "Depositions" in exported or "depositions" in exported
