"""Issue 14, data loss and formats: repair is atomic, backups are atomic and rotate by save
order, old, newer and non-finite stores give clear errors and are never rewritten."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from store_factory import make_checkin

from coach import doctor
from coach.assets import asset_path
from coach.settings import Settings
from coach.storage import TEMP_SUFFIX
from coach.store import KEEP_BACKUPS, Store, StoreError, list_backups


@pytest.fixture
def settings(coach_home: Path) -> Settings:
    return Settings.from_env()


@pytest.fixture
def saved(settings, rules) -> list[str]:
    store = Store.open(settings)
    ids = [f"2026-0{n}-01-abc" for n in (1, 2, 3)]
    for cid in ids:
        store.add_checkin(make_checkin(rules, checkin_id=cid))
    return ids


# -- item 1: repair is atomic; a missing store is never "empty" -----------------------------


def test_a_kill_right_after_repairs_first_rename_still_leaves_a_store(settings, saved, monkeypatch):
    path = settings.store_path
    path.write_bytes(path.read_bytes()[:-40])
    real_replace = os.replace

    def replace_then_die(src, dst):
        real_replace(src, dst)
        raise KeyboardInterrupt  # stands in for a SIGKILL between two steps

    monkeypatch.setattr(os, "replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt):
        doctor.repair(settings)
    monkeypatch.setattr(os, "replace", real_replace)
    assert path.exists()
    assert [c.id for c in Store.open(settings).checkins()] == saved[:2]


def test_a_missing_store_with_backups_is_an_error_not_an_empty_history(settings, saved, run):
    settings.store_path.unlink()
    profile = str(asset_path("examples/profile.toml"))
    commands = (["history"], ["status"], ["export"], ["backup", str(settings.home / "b.json")])
    for command in (*commands, ["checkin", "--from", profile]):
        code, out, err = run(*command)
        assert code == 2, command
        assert "doctor --repair" in err
        assert "no check-ins yet" not in out
        assert err.count("\n") == 1
    assert not settings.store_path.exists()
    _lines, repaired = doctor.repair(settings)
    assert repaired
    assert [c.id for c in Store.open(settings).checkins()] == saved[:2]


def test_doctor_calls_a_missing_store_with_backups_missing(settings, saved, run):
    settings.store_path.unlink()
    code, out, _err = run("doctor")
    assert code == 1
    assert "MISSING" in out
    assert "none yet" not in out


# -- item 2: backups are atomic, private, counted only when valid ----------------------------

DISK_FULL = textwrap.dedent(
    """
    import errno, json, os, resource, signal, sys
    from coach.settings import Settings
    from coach.store import Store, StoreError

    def other_device(src, dst, **kw):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    os.link = other_device  # backups/ on another device: every backup is a copy
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    settings = Settings.from_env()
    small = json.loads(open(sys.argv[1]).read())
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), hard))
    kinds = []
    for _ in range(12):
        try:
            Store(settings.store_path, settings.backups_dir).replace_all(small, label="")
            kinds.append("saved")
        except StoreError as exc:
            kinds.append("StoreError: " + str(exc))
        except OSError as exc:
            kinds.append("OSError")
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    Store(settings.store_path, settings.backups_dir).replace_all(small, label="")
    print(json.dumps(kinds))
    """
)


def test_a_full_disk_while_copying_a_backup_keeps_the_good_backups(
    settings, saved, rules, tmp_path
):
    store = Store.open(settings)
    for n in range(12):
        store.add_checkin(make_checkin(rules, checkin_id=f"big-{n:02d}"))
    good = {b.path.name: b.path.read_bytes() for b in list_backups(settings.backups_dir)}
    small = tmp_path / "small.json"
    small.write_text(json.dumps({"checkins": {}}))
    size = settings.store_path.stat().st_size
    result = subprocess.run(
        [sys.executable, "-c", DISK_FULL, str(small), str(size // 2)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    kinds = json.loads(result.stdout)
    assert all(k.startswith("StoreError: ") for k in kinds), kinds
    assert all(len(k.splitlines()) == 1 for k in kinds)
    after = list_backups(settings.backups_dir)
    for backup in after:
        json.loads(backup.path.read_bytes())
        assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
    survivors = {b.path.name for b in after}
    # The newest good backups before the failures are still there (one made room for the
    # backup of the final save).
    newest_good = sorted(good)[-(KEEP_BACKUPS - 1) :]
    assert set(newest_good) <= survivors


def test_rotation_ignores_empty_and_partial_backups(settings, saved, rules):
    folder = settings.backups_dir
    good = [b.path for b in list_backups(folder)]
    now = dt.datetime.now(dt.UTC)
    for n in range(12):
        stamp = (now + dt.timedelta(seconds=n + 1)).strftime("%Y%m%dT%H%M%S%f")
        (folder / f"coach-{stamp}Z.json").write_bytes(b'{"checkins": {' if n % 2 else b"")
    Store.open(settings).add_checkin(make_checkin(rules, checkin_id="one-more"))
    for path in good:
        assert path.exists(), path


# -- items 3, 4, 5: old, non-finite and newer stores -----------------------------------------

OLD_BAD = b'{"checkins":{"1":{"when":"2026-01-01","tasks":["x"]}}}'


def test_an_old_record_that_cannot_be_upgraded_is_named_and_nothing_is_rewritten(settings, run):
    settings.home.mkdir(parents=True)
    settings.store_path.write_bytes(OLD_BAD)
    for command in (["history"], ["doctor"]):
        code, out, err = run(*command)
        assert code in (1, 2)
        assert "Traceback" not in err + out
        assert "checkins record 1" in err + out
    assert settings.store_path.read_bytes() == OLD_BAD


def test_repair_sets_aside_records_that_cannot_be_upgraded(settings, run):
    settings.home.mkdir(parents=True)
    good = {
        "when": "2026-02-01",
        "role": "Analyst",
        "tasks": [{"text": "Prepare reports", "hours": 4, "exposure": "displacement"}],
    }
    data = {"_default": {"1": {"when": "2026-01-01", "tasks": ["x"]}, "2": good}}
    settings.store_path.write_text(json.dumps(data))
    code, out, err = run("doctor", "--repair")
    assert code == 0, err
    assert "set aside" in out
    aside = [p for p in settings.home.iterdir() if ".set-aside-" in p.name]
    assert len(aside) == 1
    assert json.loads(aside[0].read_text())["checkins"]["1"] == data["_default"]["1"]
    [checkin] = Store.open(settings).checkins()
    assert checkin.date.isoformat() == "2026-02-01"


def test_non_finite_hours_are_refused_and_never_written(settings, run):
    settings.home.mkdir(parents=True)
    record = {
        "when": "2026-01-01",
        "tasks": [
            {"text": "a", "hours": 1e308, "exposure": "displacement"},
            {"text": "b", "hours": 1e308, "exposure": "augmentation"},
        ],
    }
    raw = json.dumps({"_default": {"1": record}}).encode()
    settings.store_path.write_bytes(raw)
    code, _out, err = run("history")
    assert code == 2
    assert "record 1" in err and "hours" in err
    assert settings.store_path.read_bytes() == raw
    assert b"NaN" not in raw and not list(settings.backups_dir.glob("*"))


def test_a_before_upgrade_copy_is_private(settings):
    settings.home.mkdir(parents=True)
    record = {"when": "2026-01-01", "tasks": [{"text": "a", "hours": 2}]}
    settings.store_path.write_text(json.dumps({"_default": {"1": record}}))
    os.chmod(settings.store_path, 0o644)
    store = Store.open(settings)
    assert store.migration_backup is not None
    assert stat.S_IMODE(store.migration_backup.stat().st_mode) == 0o600
    assert store.migration_backup in [b.path for b in list_backups(settings.backups_dir)]


def test_a_store_from_a_newer_coach_is_not_damaged_and_repair_changes_nothing(settings, saved, run):
    data = json.loads(settings.store_path.read_bytes())
    data["checkins"]["1"]["schema_version"] = 7
    data["checkins"]["1"]["new_field"] = {"x": 1}
    raw = json.dumps(data).encode()
    settings.store_path.write_bytes(raw)
    code, out, err = run("doctor", "--repair")
    assert code == 2
    assert "written by a newer coach (schema 7); upgrade coach" in err
    assert settings.store_path.read_bytes() == raw
    assert not [p for p in settings.home.iterdir() if "damaged" in p.name]
    code, out, _err = run("doctor")
    assert "newer coach" in out and "DAMAGED" not in out


# -- item 6: rotation by save order ----------------------------------------------------------


def test_backups_dated_in_the_future_rotate_out_and_new_ones_stay(settings, saved, rules):
    folder = settings.backups_dir
    source = settings.store_path.read_bytes()
    for n in range(KEEP_BACKUPS):
        (folder / f"coach-20990101T0000000000{n:02d}Z.json").write_bytes(source)
    store = Store.open(settings)
    made = []
    for n in range(KEEP_BACKUPS):
        store.add_checkin(make_checkin(rules, checkin_id=f"after-skew-{n}"))
        made.append(store.last_backup)
        assert store.last_backup.exists()
    names = {b.path.name for b in list_backups(folder)}
    assert names == {p.name for p in made}
    assert list_backups(folder)[0].path == made[-1]


# -- item 7: a symlinked store is written through -------------------------------------------


def test_a_symlinked_store_keeps_its_link_and_updates_the_target(settings, rules, tmp_path):
    elsewhere = tmp_path / "synced" / "coach.json"
    elsewhere.parent.mkdir()
    settings.home.mkdir(parents=True)
    Store.open(Settings(home=elsewhere.parent)).add_checkin(make_checkin(rules, checkin_id="a"))
    settings.store_path.symlink_to(elsewhere)
    Store.open(settings).add_checkin(make_checkin(rules, checkin_id="b"))
    assert settings.store_path.is_symlink()
    assert [c.id for c in Store.open(Settings(home=elsewhere.parent)).checkins()] == ["a", "b"]
    stray = elsewhere.parent / f".coach.json.x1y2{TEMP_SUFFIX}"  # left by a killed save
    stray.write_bytes(b"{")
    Store.open(settings)
    assert not stray.exists()


# -- item 8: repair's report on a pretty-printed store ---------------------------------------


def test_repair_report_names_missing_checkins_in_a_pretty_printed_store(settings, saved):
    data = json.loads(settings.store_path.read_bytes())
    data["checkins"]["3"]["assessment"]["exposure_index"] = "high"
    settings.store_path.write_text(json.dumps(data, indent=2))
    lines, repaired = doctor.repair(settings)
    assert repaired
    text = "\n".join(lines)
    assert saved[-1] in text.split("may be missing", 1)[1]
    assert "names none" not in text


# -- item 15: small ones ---------------------------------------------------------------------


def test_doctor_with_coach_home_a_regular_file_is_an_error(tmp_path, monkeypatch, run):
    home = tmp_path / "not-a-folder"
    home.write_text("x")
    monkeypatch.setenv("COACH_HOME", str(home))
    code, out, err = run("doctor")
    assert code == 2
    assert str(home) in err and "not a folder" in err
    assert "none yet" not in out


def test_restore_of_a_bad_file_blames_the_file_not_the_store(settings, saved, tmp_path, run):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    code, _out, err = run("restore", str(bad))
    assert code == 2
    assert str(bad) in err
    assert "doctor --repair" not in err


# -- coach doctor --json (issue 15) ----------------------------------------------------------


def test_doctor_json_reports_state_and_counts(settings, saved, run):
    code, out, _err = run("doctor", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["state"] == "ok" and report["healthy"] is True
    assert report["checkins"] == 3
    assert report["store"] == str(settings.store_path)
    assert report["backups_kept"] == len(list_backups(settings.backups_dir))
    assert report["newest_checkin"]["id"] == saved[-1]
    settings.store_path.write_bytes(b"{")
    code, out, _err = run("doctor", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["state"] == "damaged" and report["healthy"] is False
    assert str(settings.store_path) in report["problem"]


def test_the_app_does_not_greet_a_lost_store_as_a_first_visit(settings, saved):
    import datetime as _dt

    from coach.tui.session import Session

    settings.store_path.unlink()
    session = Session(settings, today=_dt.date(2026, 11, 3))
    assert session.store_exists()  # so the app opens the store, which says it is missing
    with pytest.raises(StoreError, match="doctor --repair"):
        session.load_home()


def test_two_repairs_in_one_second_keep_both_damaged_files(settings, saved):
    path = settings.store_path
    kept = []
    for n in range(2):
        damaged = f"broken {n}".encode()
        path.write_bytes(damaged)
        _lines, repaired = doctor.repair(settings)
        assert repaired
        kept.append(damaged)
    aside = sorted(p.read_bytes() for p in settings.home.glob("coach.json.damaged-*"))
    assert aside == sorted(kept)
