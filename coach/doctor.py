"""Checking and repairing the store, and moving it whole to and from a JSON file.

Repair never guesses: it moves the damaged file aside under a timestamped name, puts the newest
backup that validates in its place, and says which backup that was and which check-ins the
damaged file mentions that the backup lacks.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from coach.errors import CoachError
from coach.migrations import upgrade
from coach.models import CheckIn
from coach.plan_text import counted
from coach.storage import (
    REPAIR_HINT,
    StoreError,
    atomic_write_bytes,
    decode,
    encode,
    fsync_dir,
    read_file,
    store_lock,
    sweep_temp_files,
)
from coach.store import LOCK_TIMEOUT, Backup, Store, list_backups, validate_store_data

_ID_NEAR_DATE = re.compile(rb'"id":"([^"\\]{1,80})","date":"(\d{4}-\d\d-\d\d)"')


class Loaded(BaseModel):
    """A store file read, upgraded and fully validated."""

    data: dict[str, Any]
    checkins: list[CheckIn]


def load_store_file(path: Path) -> Loaded:
    """Read any store-format JSON file (the store, a backup, a `coach backup` file) strictly."""
    raw = read_file(path)
    if raw is None:
        raise StoreError(f"{path}: file not found")
    data = upgrade(decode(raw, path), path)
    checkins, _draft = validate_store_data(data, path)
    return Loaded(data=data, checkins=checkins)


def _mode_problem(path: Path, wanted: int) -> str | None:
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None
    if mode & ~wanted:
        return (
            f"{path}: permissions {mode:o} are wider than {wanted:o}; run chmod {wanted:o} {path}"
        )
    return None


def _when(backup: Backup) -> str:
    return backup.taken.strftime("%Y-%m-%d %H:%M:%S UTC")


def diagnose(settings) -> tuple[list[str], bool]:
    """Lines describing where data lives and the store's health, and whether all is well."""
    lines = [
        f"data folder: {settings.home}",
        f"store:       {settings.store_path}",
        f"backups:     {settings.backups_dir}",
        f"lock file:   {settings.store_path}.lock",
    ]
    healthy = True
    backups = list_backups(settings.backups_dir)
    newest = f", newest taken {_when(backups[0])}" if backups else ""
    lines.append(f"backups kept: {len(backups)}{newest}")
    if not settings.store_path.exists():
        lines.append("store: none yet (it is created with your first check-in)")
        if backups:
            lines.append(f"  backups exist; to bring one back: coach restore {backups[0].path}")
        return lines, healthy
    try:
        loaded = load_store_file(settings.store_path)
    except StoreError as exc:
        lines.append(f"store: DAMAGED: {exc}")
        lines.append(
            "  run `coach doctor --repair` to move it aside and restore the newest good backup"
        )
        return lines, False
    size = settings.store_path.stat().st_size
    summary = f"store: OK, {counted(len(loaded.checkins), 'check-in')}, {size:,} bytes"
    if loaded.checkins:
        last = loaded.checkins[-1]
        summary += f", newest {last.id} ({last.quarter})"
    lines.append(summary)
    for path, wanted in (
        (settings.home, 0o700),
        (settings.backups_dir, 0o700),
        (settings.store_path, 0o600),
    ):
        problem = _mode_problem(path, wanted)
        if problem:
            lines.append(f"warning: {problem}")
    return lines, healthy


def _mentioned(raw: bytes) -> dict[str, str]:
    """Check-in ids (with dates) still legible in a damaged file."""
    return {
        m.group(1).decode(errors="replace"): m.group(2).decode()
        for m in _ID_NEAR_DATE.finditer(raw)
    }


def repair(settings, *, lock_timeout: float = LOCK_TIMEOUT) -> tuple[list[str], bool]:
    """Move a damaged store aside and restore the newest good backup. Returns lines, repaired."""
    path = settings.store_path
    with store_lock(path, lock_timeout):
        sweep_temp_files(path.parent)
        if not path.exists():
            return ["store: none yet; nothing to repair"], False
        try:
            load_store_file(path)
        except StoreError as exc:
            problem = str(exc)
        else:
            return ["store: OK; nothing to repair"], False
        reason = problem.replace(f"; {REPAIR_HINT}", "").replace(f"\n{REPAIR_HINT}", "")
        lines = [f"store is damaged: {reason.splitlines()[0]}"]
        chosen = None
        for backup in list_backups(settings.backups_dir):
            try:
                chosen = (backup, load_store_file(backup.path))
                break
            except StoreError as exc:
                lines.append(
                    f"skipped damaged backup {backup.path.name}: {str(exc).splitlines()[0]}"
                )
        if chosen is None:
            raise StoreError(
                f"{path}: damaged, and no good backup in {settings.backups_dir}; the file was "
                "left as it is. If you saved one with `coach backup FILE`, run `coach restore FILE`"
            )
        backup, loaded = chosen
        damaged = path.read_bytes()
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = path.with_name(f"{path.name}.damaged-{stamp}")
        os.replace(path, aside)
        fsync_dir(path.parent)
        atomic_write_bytes(path, encode(loaded.data))
    lines.append(f"moved the damaged store to {aside}")
    lines.append(f"restored backup {backup.path} (taken {_when(backup)})")
    if loaded.checkins:
        last = loaded.checkins[-1]
        lines.append(
            f"it holds {counted(len(loaded.checkins), 'check-in')}, "
            f"the newest {last.id} from {last.date}"
        )
    else:
        lines.append("it holds no check-ins")
    # A backup is the version a save replaced: it holds what was saved before it was taken.
    lines.append(f"not in it: the save made at {_when(backup)} and anything saved after that")
    kept = {c.id for c in loaded.checkins}
    missing = {i: d for i, d in _mentioned(damaged).items() if i not in kept}
    if missing:
        listed = ", ".join(f"{i} ({d})" for i, d in sorted(missing.items(), key=lambda x: x[1]))
        lines.append(
            f"may be missing: {listed}; the damaged file names these check-ins but the backup "
            "lacks them; record them again with `coach checkin`"
        )
    else:
        lines.append(
            "may be missing: the check-in(s) saved at or after that time; the legible part of "
            "the damaged file names none that the backup lacks"
        )
    return lines, True


def backup_to(settings, target: Path, *, force: bool = False) -> str:
    """Write the whole store, validated, to `target`; refuse to overwrite without `force`."""
    if target.exists() and not force:
        raise CoachError(f"{target}: already exists; choose another name or pass --force")
    if target.is_dir():
        raise CoachError(f"{target}: is a folder; give a file name")
    if not settings.store_path.exists():
        raise CoachError(f"{settings.store_path}: no store yet, so nothing to back up")
    store = Store.open(settings)
    raw = store.dump()
    try:
        atomic_write_bytes(target, raw)
    except FileNotFoundError:
        raise CoachError(f"{target}: its folder does not exist") from None
    except OSError as exc:
        raise CoachError(f"{target}: cannot write ({exc.strerror})") from None
    return f"wrote {store.count()} check-ins to {target}"


def restore_from(settings, source: Path, *, force: bool = False) -> list[str]:
    """Replace the store with a validated store file; the current store is backed up first."""
    loaded = load_store_file(source)
    incoming = {c.id for c in loaded.checkins}
    try:
        store = Store.open(settings)
        current = store.checkins()
    except StoreError:
        store, current = Store(settings.store_path, settings.backups_dir), None
    if current is not None:
        dropped = [c.id for c in current if c.id not in incoming]
        if dropped and not force:
            shown = ", ".join(dropped[:5]) + (" ..." if len(dropped) > 5 else "")
            raise CoachError(
                f"{source}: restoring it would drop {len(dropped)} check-in(s) that are only in "
                f"the current store ({shown}); pass --force to restore anyway "
                "(the current store is backed up first)"
            )
    before = store.replace_all(loaded.data, label="before-restore")
    lines = [f"restored {len(loaded.checkins)} check-ins from {source}"]
    if before is not None:
        what = "damaged store" if current is None else f"previous store ({len(current)} check-ins)"
        lines.append(f"the {what} is saved as {before}")
    return lines
