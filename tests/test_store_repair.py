"""Damaged stores: never read as empty, never overwritten; doctor --repair restores a backup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_factory import make_checkin

from coach import doctor
from coach.errors import CoachError
from coach.settings import Settings
from coach.store import Store, StoreError, list_backups


@pytest.fixture
def settings(coach_home: Path) -> Settings:
    return Settings.from_env()


@pytest.fixture
def saved(settings, rules) -> list[str]:
    """A store with three check-ins (and so three backups)."""
    store = Store.open(settings)
    ids = [f"2026-0{n}-01-abc" for n in (1, 2, 3)]
    for cid in ids:
        store.add_checkin(make_checkin(rules, checkin_id=cid))
    return ids


def _truncate(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _wrong_field(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["checkins"]["2"]["assessment"]["exposure_index"] = "high"
    return json.dumps(data).encode()


DAMAGE = {
    "truncated": _truncate,
    "zero-bytes": lambda raw: b"",
    "invalid-json": lambda raw: raw.replace(b":", b";", 3),
    "not-utf8": lambda raw: b"\xff\xfe" + raw,
    "a-list": lambda raw: b"[1, 2, 3]",
    "other-tinydb-file": lambda raw: b'{"users": {"1": {"name": "x"}}}',
    "missing-fields": lambda raw: b'{"checkins": {"1": {"schema_version": 1, "id": "x"}}}',
    "wrong-field-type": _wrong_field,
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_store_stops_with_a_clear_message_and_is_not_touched(settings, saved, rules, kind):
    path = settings.store_path
    damaged = DAMAGE[kind](path.read_bytes())
    path.write_bytes(damaged)
    with pytest.raises(StoreError) as err:
        store = Store.open(settings)
        store.checkins()  # field-level damage shows when records are read
        store.add_checkin(make_checkin(rules, checkin_id="new"))
    message = str(err.value)
    assert str(path) in message
    assert "coach doctor --repair" in message
    assert path.read_bytes() == damaged


@pytest.mark.parametrize("kind", DAMAGE)
def test_repair_moves_the_damaged_file_aside_and_restores_the_newest_backup(settings, saved, kind):
    path = settings.store_path
    newest = list_backups(settings.backups_dir)[0]
    expected = json.loads(newest.path.read_bytes())
    damaged = DAMAGE[kind](path.read_bytes())
    path.write_bytes(damaged)
    lines, repaired = doctor.repair(settings)
    assert repaired
    text = "\n".join(lines)
    assert newest.path.name in text
    assert "may be missing" in text
    aside = [p for p in settings.home.iterdir() if p.name.startswith("coach.json.damaged-")]
    assert len(aside) == 1
    assert aside[0].read_bytes() == damaged
    assert json.loads(path.read_bytes()) == expected
    # Backups hold the versions each save replaced: the last check-in is the one at risk.
    assert [c.id for c in Store.open(settings).checkins()] == saved[:2]


def test_repair_names_checkins_the_backup_lacks(settings, saved):
    path = settings.store_path
    path.write_bytes(path.read_bytes()[:-40])
    lines, repaired = doctor.repair(settings)
    assert repaired
    missing = "\n".join(lines).split("may be missing", 1)[1]
    assert saved[-1] in missing
    assert saved[0] not in missing
    assert [c.id for c in Store.open(settings).checkins()] == saved[:2]


def test_repair_skips_damaged_backups(settings, saved):
    backups = list_backups(settings.backups_dir)
    backups[0].path.write_bytes(b"{")
    settings.store_path.write_bytes(b"")
    lines, repaired = doctor.repair(settings)
    assert repaired
    assert any("skipped damaged backup" in line for line in lines)
    assert backups[1].path.name in "\n".join(lines)
    assert [c.id for c in Store.open(settings).checkins()] == saved[:1]


def test_repair_without_a_good_backup_leaves_the_file_alone(settings, saved):
    for backup in list_backups(settings.backups_dir):
        backup.path.unlink()
    settings.store_path.write_bytes(b"{}{")
    with pytest.raises(StoreError, match="no good backup"):
        doctor.repair(settings)
    assert settings.store_path.read_bytes() == b"{}{"


def test_repair_of_a_healthy_store_changes_nothing(settings, saved):
    before = settings.store_path.read_bytes()
    lines, repaired = doctor.repair(settings)
    assert not repaired
    assert "nothing to repair" in lines[0]
    assert settings.store_path.read_bytes() == before


def test_diagnose_reports_paths_and_health(settings, saved):
    lines, healthy = doctor.diagnose(settings)
    text = "\n".join(lines)
    assert healthy
    for path in (settings.home, settings.store_path, settings.backups_dir):
        assert str(path) in text
    assert "3 check-ins" in text
    settings.store_path.write_bytes(b"")
    lines, healthy = doctor.diagnose(settings)
    assert not healthy
    assert "DAMAGED" in "\n".join(lines)


def test_backup_and_restore_round_trip(settings, saved, rules, tmp_path):
    target = tmp_path / "out" / "coach-backup.json"
    with pytest.raises(CoachError, match="folder does not exist"):
        doctor.backup_to(settings, target)
    target.parent.mkdir()
    assert "3 check-ins" in doctor.backup_to(settings, target)
    with pytest.raises(CoachError, match="already exists"):
        doctor.backup_to(settings, target)
    exported = json.loads(target.read_bytes())
    assert len(exported["checkins"]) == 3
    Store.open(settings).add_checkin(make_checkin(rules, checkin_id="later"))
    with pytest.raises(CoachError, match="would drop 1 check-in"):
        doctor.restore_from(settings, target)
    assert len(Store.open(settings).checkins()) == 4
    lines = doctor.restore_from(settings, target, force=True)
    assert "previous store (4 check-ins)" in "\n".join(lines)
    assert [c.id for c in Store.open(settings).checkins()] == saved
    kept = [b for b in list_backups(settings.backups_dir) if b.label == "before-restore"]
    assert len(kept) == 1
    assert len(json.loads(kept[0].path.read_bytes())["checkins"]) == 4


def test_restore_validates_the_file_before_touching_the_store(settings, saved, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"checkins": {"1": {"schema_version": 1, "id": "x", "date": "2026-01-01"}}}')
    before = settings.store_path.read_bytes()
    with pytest.raises(StoreError, match=str(bad)):
        doctor.restore_from(settings, bad)
    assert settings.store_path.read_bytes() == before


def test_restore_over_a_damaged_store_keeps_the_damaged_copy(settings, saved, tmp_path):
    target = tmp_path / "b.json"
    doctor.backup_to(settings, target)
    settings.store_path.write_bytes(b"garbage")
    lines = doctor.restore_from(settings, target)
    assert "damaged store" in "\n".join(lines)
    assert [c.id for c in Store.open(settings).checkins()] == saved
