"""The store commands as a user runs them: output, files and exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from coach.assets import asset_path
from coach.calendar import next_checkin_due
from coach.settings import Settings
from coach.store import Store

PROFILE = str(asset_path("examples/profile.toml"))


@pytest.fixture
def two(run) -> list[str]:
    """Two check-ins, a quarter apart; returns their ids."""
    ids = []
    for day in ("2026-02-02", "2026-05-04"):
        code, out, err = run("checkin", "--from", PROFILE, "--date", day)
        assert code == 0, err
        ids.append(out.split()[2])
    return ids


def test_status_without_checkins_says_one_is_due(run):
    code, out, _ = run("status")
    assert code == 1
    assert "no check-ins yet" in out


def test_checkin_records_and_history_lists(run, two):
    stored = [c.id for c in Store.open(Settings.from_env()).checkins()]
    assert stored == two
    code, out, _ = run("history")
    assert code == 0
    assert out.index(two[0]) < out.index(two[1])
    code, out, _ = run("history", "--json")
    rows = json.loads(out)
    assert [r["id"] for r in rows] == two
    assert [r["quarter"] for r in rows] == ["2026-Q1", "2026-Q2"]
    assert all(r["actions_total"] > 0 and r["tasks"] == 7 for r in rows)


def test_history_json_of_an_empty_store_is_an_empty_list(run):
    code, out, _ = run("history", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_status_exit_code_follows_the_due_date(run, two):
    due = next_checkin_due(dt.date(2026, 5, 4))
    code, out, _ = run("status", "--today", "2026-05-10")
    assert code == 0
    assert two[1] in out
    assert str(due) in out
    code, out, _ = run("status", "--today", due.isoformat())
    assert code == 1
    assert "DUE" in out


def test_checkin_with_a_missing_profile_is_a_clear_error(run, tmp_path):
    missing = tmp_path / "nope.toml"
    code, _, err = run("checkin", "--from", str(missing))
    assert code == 2
    assert str(missing) in err
    assert "Traceback" not in err


def test_damaged_store_stops_every_command_without_touching_it(run, two):
    path = Settings.from_env().store_path
    path.write_bytes(path.read_bytes()[:100])
    damaged = path.read_bytes()
    for args in (["checkin", "--from", PROFILE], ["history"], ["status"], ["export"]):
        code, _, err = run(*args)
        assert code == 2, args
        assert "coach doctor --repair" in err
        assert "Traceback" not in err
    assert path.read_bytes() == damaged
    code, out, _ = run("doctor")
    assert code == 1
    assert "DAMAGED" in out
    code, out, _ = run("doctor", "--repair")
    assert code == 0
    assert "restored backup" in out
    code, out, _ = run("doctor")
    assert code == 0
    assert "store: OK, 1 check-in," in out


def test_export_renders_a_stored_checkin(run, two, tmp_path):
    first_title = Store.open(Settings.from_env()).get(two[1]).actions[0].title
    code, latest, _ = run("export")
    assert code == 0
    assert first_title.split(":")[0] in latest
    assert "since last quarter" in latest.lower()
    code, first, _ = run("export", two[0][:12])
    assert code == 0
    assert "since last quarter" not in first.lower()
    out = tmp_path / "plan.md"
    assert run("export", "-o", str(out))[0] == 0
    assert out.read_text() == latest
    code, _, err = run("export", "-o", str(out))
    assert code == 2
    assert "--force" in err
    assert run("export", "-o", str(out), "--force")[0] == 0
    code, _, err = run("export", "no-such-id")
    assert code == 2
    assert "no-such-id" in err


def test_backup_and_restore_commands(run, two, tmp_path):
    target = tmp_path / "coach-backup.json"
    code, out, _ = run("backup", str(target))
    assert code == 0
    assert "2 check-ins" in out
    code, _, err = run("backup", str(target))
    assert code == 2
    assert "already exists" in err
    assert run("backup", str(target), "--force")[0] == 0
    run("checkin", "--from", PROFILE, "--date", "2026-08-03")
    code, _, err = run("restore", str(target))
    assert code == 2
    assert "--force" in err
    assert len(Store.open(Settings.from_env()).checkins()) == 3
    code, out, _ = run("restore", str(target), "--force")
    assert code == 0
    assert "previous store (3 check-ins)" in out
    assert [c.id for c in Store.open(Settings.from_env()).checkins()] == two
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    code, _, err = run("restore", str(bad))
    assert code == 2
    assert str(bad) in err


def test_doctor_prints_where_data_lives(run, coach_home: Path):
    code, out, _ = run("doctor")
    assert code == 0
    assert str(coach_home / "coach.json") in out
    assert str(coach_home / "backups") in out


def test_backup_without_a_store_writes_nothing(run, tmp_path):
    target = tmp_path / "b.json"
    code, _, err = run("backup", str(target))
    assert code == 2
    assert "nothing to back up" in err
    assert not target.exists()


def test_checkin_refuses_a_profile_without_tasks(run, tmp_path):
    profile = tmp_path / "empty.toml"
    profile.write_text('[profile]\nrole = "Analyst"\n')
    code, _, err = run("checkin", "--from", str(profile))
    assert code == 2
    assert "has no [[tasks]]" in err
    assert not Settings.from_env().store_path.exists()
