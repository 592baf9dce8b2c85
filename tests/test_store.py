"""The store API: ordering, validation, drafts, backups, permissions, locking, migration."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import stat
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from store_factory import make_checkin

from coach.errors import CoachError
from coach.models import SCHEMA_VERSION, Exposure, ProfileFile, Task
from coach.settings import Settings
from coach.storage import TEMP_SUFFIX
from coach.store import KEEP_BACKUPS, Store, StoreError, list_backups

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def settings(coach_home: Path) -> Settings:
    return Settings.from_env()


@pytest.fixture
def store(settings: Settings) -> Store:
    return Store.open(settings)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_store_is_empty_and_creates_nothing_but_the_folder(store, settings):
    assert store.checkins() == []
    assert store.latest() is None
    assert store.load_draft() is None
    assert not settings.store_path.exists()
    assert mode(settings.home) == 0o700


def test_checkins_come_back_oldest_first_and_by_id(store, rules):
    days = [dt.date(2026, 5, 1), dt.date(2026, 1, 10), dt.date(2026, 5, 1), dt.date(2025, 11, 3)]
    saved = [
        store.add_checkin(make_checkin(rules, day=d, checkin_id=f"{d}-{n}"))
        for n, d in enumerate(days)
    ]
    got = store.checkins()
    assert [c.id for c in got] == ["2025-11-03-3", "2026-01-10-1", "2026-05-01-0", "2026-05-01-2"]
    assert store.latest().id == "2026-05-01-2"
    assert store.latest(on_or_before=dt.date(2026, 2, 1)).id == "2026-01-10-1"
    assert store.get(saved[1].id) == saved[1]
    assert store.get("nope") is None
    assert store.previous(got[2]).id == "2026-01-10-1"
    assert store.previous(got[0]) is None


def test_a_saved_checkin_round_trips_exactly(store, settings, rules):
    original = make_checkin(rules, statuses={"act-1": "done"}, metrics={"act-0": "12%"})
    store.add_checkin(original)
    assert Store.open(settings).get(original.id) == original
    record = json.loads(settings.store_path.read_text())["checkins"]["1"]
    assert record["schema_version"] == SCHEMA_VERSION


def test_duplicate_id_is_refused(store, rules):
    store.add_checkin(make_checkin(rules))
    with pytest.raises(StoreError, match="already exists"):
        store.add_checkin(make_checkin(rules))
    assert len(store.checkins()) == 1


def test_update_replaces_the_record_with_the_same_id(store, settings, rules):
    first = store.add_checkin(make_checkin(rules, checkin_id="a"))
    store.add_checkin(make_checkin(rules, checkin_id="b", day=dt.date(2026, 3, 1)))
    changed = first.model_copy(update={"note": "finished the course"})
    changed.actions[0].status = "done"
    store.update_checkin(changed)
    again = Store.open(settings)
    assert again.get("a").note == "finished the course"
    assert again.get("a").actions[0].status == "done"
    assert [c.id for c in again.checkins()] == ["a", "b"]
    with pytest.raises(StoreError, match="no check-in with id 'zzz'"):
        store.update_checkin(first.model_copy(update={"id": "zzz"}))


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_invalid_records_are_refused_on_the_way_in(store, settings, rules):
    bad = make_checkin(rules).model_construct(**{**make_checkin(rules).__dict__, "quarter": 7})
    with pytest.raises(StoreError, match="quarter"):
        store.add_checkin(bad)
    assert not settings.store_path.exists()


def test_draft_is_kept_apart_from_checkins(store, settings, rules):
    draft = ProfileFile(tasks=[Task(text="Write the [bold]memo[/oops]", hours_per_week=3)])
    store.save_draft(draft)
    store.save_draft(draft.model_copy(update={"tasks": [*draft.tasks, Task(text="Call a client")]}))
    store.add_checkin(make_checkin(rules))
    again = Store.open(settings)
    assert [t.text for t in again.load_draft().tasks] == [
        "Write the [bold]memo[/oops]",
        "Call a client",
    ]
    assert len(again.checkins()) == 1
    again.clear_draft()
    assert Store.open(settings).load_draft() is None
    assert len(Store.open(settings).checkins()) == 1


def test_files_are_private(store, settings, rules):
    store.add_checkin(make_checkin(rules, checkin_id="a"))
    store.add_checkin(make_checkin(rules, checkin_id="b"))
    assert mode(settings.home) == 0o700
    assert mode(settings.store_path) == 0o600
    assert mode(settings.backups_dir) == 0o700
    assert list_backups(settings.backups_dir)
    for backup in list_backups(settings.backups_dir):
        assert mode(backup.path) == 0o600


def test_each_save_keeps_the_version_it_replaces_and_only_the_newest_are_kept(
    store, settings, rules
):
    for n in range(KEEP_BACKUPS + 3):
        store.add_checkin(make_checkin(rules, checkin_id=f"c{n:02d}"))
    backups = list_backups(settings.backups_dir)
    assert len(backups) == KEEP_BACKUPS
    counts = [len(json.loads(b.path.read_bytes())["checkins"]) for b in backups]
    assert counts == list(range(KEEP_BACKUPS + 2, 2, -1))  # newest first: 12 ... 3
    # Damaging the store in place must not reach any backup.
    settings.store_path.write_bytes(b"")
    assert [len(json.loads(b.path.read_bytes())["checkins"]) for b in backups] == counts


def test_drafts_do_not_churn_backups(store, settings):
    for n in range(5):
        store.save_draft(ProfileFile(tasks=[Task(text=f"Task {n}")]))
    assert list_backups(settings.backups_dir) == []


def test_a_stale_store_object_never_loses_another_writers_checkins(settings, rules):
    first, second = Store.open(settings), Store.open(settings)
    first.add_checkin(make_checkin(rules, checkin_id="one"))
    assert second.latest().id == "one"  # reads see the other writer's save
    second.add_checkin(make_checkin(rules, checkin_id="two"))
    first.add_checkin(make_checkin(rules, checkin_id="three"))
    ids = [c.id for c in Store.open(settings).checkins()]
    assert sorted(ids) == ["one", "three", "two"]
    with pytest.raises(StoreError, match="already exists"):
        first.add_checkin(make_checkin(rules, checkin_id="two"))


def test_a_held_lock_gives_a_clear_message(settings, rules):
    store = Store.open(settings, lock_timeout=0.2)
    with (
        FileLock(str(settings.store_path) + ".lock"),
        pytest.raises(StoreError, match="another coach is saving") as err,
    ):
        store.add_checkin(make_checkin(rules))
    assert isinstance(err.value, CoachError)
    store.add_checkin(make_checkin(rules))
    assert len(store.checkins()) == 1


def test_stray_temp_files_are_swept_at_start(settings, rules):
    settings.home.mkdir(parents=True)
    stray = settings.home / f".coach.json.abc{TEMP_SUFFIX}"
    stray.write_text('{"half": ')
    keep = settings.home / "notes.txt"
    keep.write_text("mine")
    Store.open(settings)
    assert not stray.exists()
    assert keep.read_text() == "mine"


def test_store_from_the_v0_format_is_upgraded_once_with_a_backup(settings):
    settings.home.mkdir(parents=True)
    shutil.copy(FIXTURES / "store_v0.json", settings.store_path)
    original = settings.store_path.read_bytes()
    store = Store.open(settings)
    assert store.migration_backup is not None
    assert store.migration_backup.read_bytes() == original
    got = store.checkins()
    assert [c.id for c in got] == ["2025-08-04", "2025-11-03-v02"]
    first, second = got
    assert first.quarter == "2025-Q3"
    assert first.assessment.exposure_index == 71
    assert first.profile.role == "Marketing analyst"
    assert first.assessment.tasks[0].task.hours_per_week == 10
    assert first.assessment.tasks[0].task.repetitive is True
    assert first.assessment.tasks[0].verdict.rule == "repetitive-reporting"
    assert first.assessment.shares[Exposure.DISPLACEMENT] == pytest.approx(10 / 16)
    assert {a.id: a.status for a in first.actions} == {
        "metric-revenue": "done",
        "workflow-reports": "todo",
    }
    assert second.note == "moved two hours to research"
    on_disk = json.loads(settings.store_path.read_text())
    assert "_default" not in on_disk
    assert all(r["schema_version"] == SCHEMA_VERSION for r in on_disk["checkins"].values())
    reopened = Store.open(settings)
    assert reopened.migration_backup is None
    assert reopened.checkins() == got


def test_a_store_from_a_newer_coach_is_refused_untouched(settings, rules):
    store = Store.open(settings)
    store.add_checkin(make_checkin(rules))
    data = json.loads(settings.store_path.read_text())
    data["checkins"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    settings.store_path.write_text(json.dumps(data))
    before = settings.store_path.read_bytes()
    with pytest.raises(StoreError, match="newer coach"):
        Store.open(settings)
    assert settings.store_path.read_bytes() == before


@hsettings(max_examples=30, deadline=None)
@given(
    texts=st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=4),
    note=st.text(max_size=200),
)
def test_any_user_text_round_trips_through_the_store(tmp_path_factory, rules, texts, note):
    home = tmp_path_factory.mktemp("home")
    tasks = []
    for text in texts:
        try:
            tasks.append(Task(text=text, hours_per_week=1))
        except ValueError:
            continue  # text that cleans to nothing is not a task
    checkin = make_checkin(rules, tasks=tasks).model_copy(update={"note": note})
    store = Store.open(Settings(home=home))
    store.add_checkin(checkin)
    store.save_draft(ProfileFile(tasks=tasks))
    again = Store.open(Settings(home=home))
    assert again.get(checkin.id) == checkin
    assert again.load_draft().tasks == tasks


def test_backups_fall_back_to_copies_where_links_are_not_supported(
    store, settings, rules, monkeypatch
):
    def no_links(*_args):
        raise OSError("links not supported")

    monkeypatch.setattr("coach.backups.os.link", no_links)
    store.add_checkin(make_checkin(rules, checkin_id="a"))
    store.add_checkin(make_checkin(rules, checkin_id="b"))
    (backup,) = list_backups(settings.backups_dir)
    assert mode(backup.path) == 0o600
    assert backup.path.stat().st_nlink == 1
    assert list(json.loads(backup.path.read_bytes())["checkins"]) == ["1"]


def test_changes_from_two_stores_on_one_file_both_stay(settings, rules):
    first, second = Store.open(settings), Store.open(settings)
    saved = first.add_checkin(make_checkin(rules, checkin_id="a"))
    stale = first.get("a")  # what an app opened now would hold

    def done(action_id):
        def change(c):
            actions = [
                x.model_copy(update={"status": "done"}) if x.id == action_id else x
                for x in c.actions
            ]
            return c.model_copy(update={"actions": actions})

        return change

    second.change_checkin("a", done("act-1"))
    first.change_checkin(stale.id, done("act-2"))
    status = {a.id: a.status for a in Store.open(settings).get("a").actions}
    assert status == {"act-0": "todo", "act-1": "done", "act-2": "done"}
    with pytest.raises(StoreError, match="may not alter its id"):
        first.change_checkin("a", lambda c: c.model_copy(update={"id": "b"}))
    with pytest.raises(StoreError, match="no check-in with id 'zzz'"):
        first.change_checkin("zzz", lambda c: c)
    assert saved.id == "a"


def test_last_quarter_is_the_newest_checkin_of_an_earlier_quarter(store, rules):
    for n, day in enumerate([dt.date(2026, 2, 1), dt.date(2026, 3, 1), dt.date(2026, 5, 1)]):
        store.add_checkin(make_checkin(rules, day=day, checkin_id=f"c{n}"))
    assert store.last_before("2026-Q2").id == "c1"
    assert store.last_before("2026-Q1") is None
    assert store.previous(store.get("c2")).id == "c1"
    assert store.previous(store.get("c1")) is None  # same quarter does not count
