"""The dashboard's first frame comes from a glance at the store (coach.glance); the full load
after it must give the same view, and the glance must step aside whenever it is unsure."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import threading
import typing
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.calendar import quarter_of
from coach.glance import EXTRA, GLANCE_SCHEMA, STATUSES, glance_store
from coach.models import (
    EXTRA_LABEL,
    SCHEMA_VERSION,
    Action,
    ActionStatus,
    CheckIn,
    Evidence,
    MetricEntry,
    PlanSection,
    Profile,
    ProfileFile,
    Task,
)
from coach.settings import Settings
from coach.store import Store
from coach.tui.app import make_app
from coach.tui.session import Session
from tests.store_factory import make_checkin
from tests.test_tui_flow import SIZE, TODAY, screen_text, settle

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


def test_the_glance_knows_the_current_schema_and_labels() -> None:
    assert GLANCE_SCHEMA == SCHEMA_VERSION  # bump the glance with the store format
    assert EXTRA == EXTRA_LABEL
    assert set(typing.get_args(ActionStatus)) == STATUSES


def actions() -> st.SearchStrategy[list[Action]]:
    action = st.builds(
        Action,
        id=st.uuids().map(str),
        section=st.sampled_from(typing.get_args(PlanSection)),
        title=TEXT,
        basis=st.just("How to stay off the layoff list"),
        source=TEXT,
        status=st.sampled_from(sorted(STATUSES)),
    )
    return st.lists(action, max_size=4)


@st.composite
def checkins(draw, rules) -> CheckIn:
    base = make_checkin(rules)
    day = draw(st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)))
    acts = draw(actions())
    metric_ids = draw(st.lists(st.sampled_from([a.id for a in acts]), unique=True)) if acts else []
    return base.model_copy(
        update={
            "id": f"{day.isoformat()}-{draw(st.integers(0, 10**6)):07d}",
            "date": day,
            "quarter": quarter_of(day),
            "label": draw(st.sampled_from(["", EXTRA_LABEL])),
            "profile": Profile(role=draw(TEXT)),
            "actions": acts,
            "metrics": [
                MetricEntry(action_id=i, baseline=draw(TEXT), target=draw(TEXT), value=draw(TEXT))
                for i in metric_ids
            ],
            "evidence": [
                Evidence(date=day, text="Shipped it") for _ in range(draw(st.integers(0, 2)))
            ],
        }
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_glance_shows_what_the_full_load_finds(tmp_path_factory, rules, data) -> None:
    home = tmp_path_factory.mktemp("home")
    store = Store.open(Settings(home=home))
    stored = data.draw(st.lists(checkins(rules), max_size=5, unique_by=lambda c: c.id))
    for checkin in stored:
        store.add_checkin(checkin)
    if data.draw(st.booleans()):
        store.save_draft(ProfileFile(tasks=[Task(text="Draft task", hours_per_week=2)]))
    info = Session(Settings(home=home)).load_home()
    path = home / "coach.json"
    assert glance_store(path) == (info.glance if path.exists() else None)


def test_the_glance_steps_aside_when_unsure(tmp_path: Path, rules) -> None:
    home = tmp_path / "home"
    store = Store.open(Settings(home=home))
    store.add_checkin(make_checkin(rules))
    path = home / "coach.json"
    good = json.loads(path.read_text(encoding="utf-8"))
    assert glance_store(path) is not None

    def variant(change) -> dict:
        data = json.loads(json.dumps(good))
        change(data)
        return data

    (record,) = good["checkins"].values()
    broken = [
        variant(lambda d: d["checkins"]["1"].update(schema_version=0)),  # needs an upgrade
        variant(lambda d: d["checkins"]["1"].update(schema_version=SCHEMA_VERSION + 1)),
        variant(lambda d: d["checkins"]["1"]["assessment"].update(exposure_index="40")),
        variant(lambda d: d["checkins"]["1"]["actions"][0].update(status="finished")),
        variant(lambda d: d["checkins"]["1"].update(actions={"a": 1})),
        variant(lambda d: d["checkins"]["1"].pop("date")),
        variant(lambda d: d.update(other={})),
        variant(lambda d: d.update(checkins={"x": record})),
        [],
    ]
    for data in broken:
        path.write_text(json.dumps(data), encoding="utf-8")
        assert glance_store(path) is None, data
    for raw in (b"", b"{", b"\xff\xfe", b"null"):
        path.write_bytes(raw)
        assert glance_store(path) is None
    assert glance_store(tmp_path / "missing.json") is None
    assert glance_store(tmp_path) is None  # a folder


async def test_the_first_frame_is_the_dashboard_and_keys_wait_for_the_full_load(
    workdir: Path, rules, monkeypatch
) -> None:
    store = Store.open(Settings.from_env())
    seeded = store.add_checkin(make_checkin(rules, day=dt.date(2026, 10, 5)))
    release = threading.Event()
    full_load = Session.load_home

    def slow_load(self):
        release.wait(10)
        return full_load(self)

    monkeypatch.setattr(Session, "load_home", slow_load)
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dashboard = app.screen
        text = screen_text(app)
        assert dashboard.info is None  # the full load is still running...
        assert "Loading" not in text  # ...and the screen already shows the check-in
        assert "Analyst  (1 check-in in all)" in text
        assert f"Exposure index: {seeded.assessment.exposure_index} / 100" in text
        assert "[ ] to do    Action 0" in text
        assert "space Status" in text
        # space waits for the full load, then moves the first action on
        pressed = asyncio.create_task(pilot.press("space"))
        await asyncio.sleep(0.2)
        assert not pressed.done()
        assert Store.open(Settings.from_env()).checkins()[0].actions[0].status == "todo"
        release.set()
        await pressed
        await settle(pilot)
        assert dashboard.info is not None
        assert Store.open(Settings.from_env()).checkins()[0].actions[0].status == "doing"
        assert "[~] doing    Action 0" in screen_text(app)
