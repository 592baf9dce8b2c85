"""The history screen marks a deliberate extra check-in (`coach checkin --new`)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable

from coach.models import EXTRA_LABEL
from coach.settings import Settings
from coach.tui.app import make_app
from tests.test_tui_flow import SIZE, TODAY, _seed_checkin, open_store, screen_text, settle


async def test_history_shows_which_check_in_is_the_extra_one() -> None:
    own = _seed_checkin(dt.date(2026, 8, 20))
    extra = own.model_copy(
        update={"id": f"{own.id}-x", "date": dt.date(2026, 8, 27), "label": EXTRA_LABEL}
    )
    open_store().add_checkin(extra)
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        table = app.screen.query_one("#history-table", DataTable)
        quarters = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert quarters == ["2026-Q3", "2026-Q3 extra"]
        text = screen_text(app)
        assert "2026-Q3 extra" in text
        assert all(len(line) <= SIZE[0] for line in text.splitlines())
    assert [c.label for c in open_store().checkins()] == ["", EXTRA_LABEL]
