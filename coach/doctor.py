"""Checking and repairing the store, and moving it whole to and from a JSON file.

Repair never guesses, and never leaves a moment without a store file: it writes the restored
store to a temp file first, keeps the damaged file under a timestamped name (a hard link), and
only then renames the restored file into place. It says which backup it used and which
check-ins the damaged file mentions that the backup lacks. Older records that cannot be
upgraded are set aside in a file of their own, and the rest is kept. A store written by a newer
coach is not damage: repair refuses to touch it.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import stat
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pydantic_core
from pydantic import BaseModel

from coach.backups import list_backups, refuse_missing_store
from coach.errors import CoachError
from coach.migrations import SET_ASIDE_HINT, salvage, upgrade
from coach.models import CheckIn
from coach.plan_text import counted
from coach.safe_files import check_output
from coach.storage import (
    REPAIR_HINT,
    NewerStoreError,
    StoreError,
    atomic_write_bytes,
    decode,
    encode,
    read_file,
    store_lock,
    sweep_temp_files,
)
from coach.store import LOCK_TIMEOUT, Backup, Store, validate_store_data

_ID_NEAR_DATE = re.compile(
    rb'"id"\s*:\s*"([^"\\]{1,80})"\s*,\s*"(?:date|when)"\s*:\s*"(\d{4}-\d\d-\d\d)"'
)


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


def _check_home(settings) -> None:
    home = settings.home
    if home.exists() and not home.is_dir():
        raise StoreError(
            f"{home}: the data folder is not a folder (it is a file); point COACH_HOME at a "
            "folder, or move the file away"
        )


@dataclass
class Diagnosis:
    """Where data lives and the store's state: ok, none (not created yet), missing (gone
    while backups exist), damaged, or newer (written by a newer coach)."""

    home: str
    store: str
    backups: str
    lock_file: str
    backups_kept: int
    newest_backup: str | None
    newest_backup_taken: str | None
    state: str
    problem: str = ""
    checkins: int = 0
    size_bytes: int | None = None
    newest_checkin: dict[str, str] | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return self.state in ("ok", "none")

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "healthy": self.healthy}

    def lines(self) -> list[str]:
        newest = f", newest taken {self.newest_backup_taken}" if self.newest_backup else ""
        lines = [
            f"data folder: {self.home}",
            f"store:       {self.store}",
            f"backups:     {self.backups}",
            f"lock file:   {self.lock_file}",
            f"backups kept: {self.backups_kept}{newest}",
        ]
        if self.state == "none":
            lines.append("store: none yet (it is created with your first check-in)")
        elif self.state == "missing":
            lines.append(f"store: MISSING: {self.problem}")
        elif self.state == "newer":
            lines.append(f"store: {self.problem}")
        elif self.state == "damaged":
            lines.append(f"store: DAMAGED: {self.problem}")
            lines.append(
                "  run `coach doctor --repair` to move it aside and restore the newest good backup"
            )
        else:
            summary = f"store: OK, {counted(self.checkins, 'check-in')}, {self.size_bytes:,} bytes"
            if self.newest_checkin:
                last = self.newest_checkin
                summary += f", newest {last['id']} ({last['quarter']})"
            lines.append(summary)
        lines.extend(f"warning: {w}" for w in self.warnings)
        return lines


def examine(settings) -> Diagnosis:
    """The store's state; StoreError when the data folder itself is unusable."""
    _check_home(settings)
    path = settings.store_path
    backups = list_backups(settings.backups_dir)
    report = Diagnosis(
        home=str(settings.home),
        store=str(path),
        backups=str(settings.backups_dir),
        lock_file=f"{path}.lock",
        backups_kept=len(backups),
        newest_backup=str(backups[0].path) if backups else None,
        newest_backup_taken=_when(backups[0]) if backups else None,
        state="ok",
    )
    if not path.exists():
        report.state = "missing" if backups else "none"
        if backups:
            report.problem = (
                f"{path} is gone but {len(backups)} backup(s) exist; run `coach doctor --repair` "
                "to restore the newest good one"
            )
        return report
    try:
        loaded = load_store_file(path)
    except NewerStoreError as exc:
        report.state, report.problem = "newer", str(exc)
        return report
    except StoreError as exc:
        report.state, report.problem = "damaged", str(exc)
        return report
    report.checkins = len(loaded.checkins)
    report.size_bytes = path.stat().st_size
    if loaded.checkins:
        last = loaded.checkins[-1]
        report.newest_checkin = {"id": last.id, "quarter": last.quarter}
    for folder_or_file, wanted in (
        (settings.home, 0o700),
        (settings.backups_dir, 0o700),
        (path, 0o600),
    ):
        problem = _mode_problem(folder_or_file, wanted)
        if problem:
            report.warnings.append(problem)
    return report


def diagnose(settings) -> tuple[list[str], bool]:
    """Lines describing where data lives and the store's health, and whether all is well."""
    report = examine(settings)
    return report.lines(), report.healthy


def _mentioned(raw: bytes) -> dict[str, str]:
    """Check-in ids (with dates) still legible in a damaged file."""
    try:
        data = pydantic_core.from_json(raw)
    except ValueError:
        data = None
    if isinstance(data, dict):
        found = {}
        for table in data.values():
            for rec in table.values() if isinstance(table, dict) else ():
                if isinstance(rec, dict) and isinstance(rec.get("id"), str):
                    day = rec.get("date") or rec.get("when")
                    found[rec["id"]] = str(day)[:10] if day else "no date"
        return found
    return {
        m.group(1).decode(errors="replace"): m.group(2).decode()
        for m in _ID_NEAR_DATE.finditer(raw)
    }


def _stamp(path: Path) -> str:
    """A UTC time stamp for files kept next to `path`, unique among those already there."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    taken = {p.name for p in path.parent.glob(f"{path.name}.*-{stamp}*")}
    n = 1
    unique = stamp
    while any(name.endswith(f"-{unique}") or f"-{unique}." in name for name in taken):
        n += 1
        unique = f"{stamp}-{n}"
    return unique


def _keeper(raw: bytes, aside: Path):
    """A keep_old hook that keeps the damaged file at `aside` (a link, or a copy of `raw`)."""

    def keep(old: Path) -> None:
        try:
            os.link(old, aside)
        except OSError:
            atomic_write_bytes(aside, raw)

    return keep


def _set_aside(settings, raw: bytes, kept: dict, aside: dict) -> list[str] | None:
    """Write the store without the records that cannot be upgraded; None if that fails too."""
    path = settings.store_path
    try:
        checkins, _draft = validate_store_data(upgrade(copy.deepcopy(kept), path), path)
    except StoreError:
        return None
    stamp = _stamp(path)
    aside_path = path.with_name(f"{path.name}.set-aside-{stamp}.json")
    damaged = path.with_name(f"{path.name}.damaged-{stamp}")
    atomic_write_bytes(aside_path, encode(aside))
    atomic_write_bytes(path, encode(kept), keep_old=_keeper(raw, damaged))
    named = [f"{table} {key}" for table, records in aside.items() for key in records]
    return [
        f"set aside {counted(len(named), 'record')} that cannot be upgraded "
        f"({', '.join(named[:5])}{' ...' if len(named) > 5 else ''}) in {aside_path}",
        f"kept the other records ({counted(len(checkins), 'check-in')}); "
        f"the original file is kept as {damaged}",
    ]


def repair(settings, *, lock_timeout: float = LOCK_TIMEOUT) -> tuple[list[str], bool]:
    """Put a good store in place of a damaged or missing one. Returns lines, repaired.

    NewerStoreError (nothing changed) when a newer coach wrote the store.
    """
    _check_home(settings)
    path = settings.store_path
    with store_lock(path, lock_timeout):
        sweep_temp_files(path.parent)
        sweep_temp_files(settings.backups_dir)
        damaged: bytes | None = None
        if not path.exists():
            if not list_backups(settings.backups_dir):
                return ["store: none yet; nothing to repair"], False
            lines = [f"store is missing: {path} is gone, but backups exist"]
        else:
            try:
                load_store_file(path)
            except NewerStoreError:
                raise
            except StoreError as exc:
                problem = str(exc)
            else:
                return ["store: OK; nothing to repair"], False
            reason = problem.replace(f"; {REPAIR_HINT}", "").replace(f"\n{REPAIR_HINT}", "")
            lines = [f"store is damaged: {reason.splitlines()[0]}"]
            damaged = path.read_bytes()
            try:
                kept, aside = salvage(decode(damaged, path), path)
            except StoreError:
                aside = {}
            if aside:
                done = _set_aside(settings, damaged, kept, aside)
                if done is not None:
                    return lines + done, True
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
        aside_path = path.with_name(f"{path.name}.damaged-{_stamp(path)}")
        keep = _keeper(damaged, aside_path) if damaged is not None else None
        atomic_write_bytes(path, encode(loaded.data), keep_old=keep)
    if damaged is not None:
        lines.append(f"kept the damaged store as {aside_path}")
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
    kept_ids = {c.id for c in loaded.checkins}
    missing = {i: d for i, d in _mentioned(damaged or b"").items() if i not in kept_ids}
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
    check_output(target, force=force)
    refuse_missing_store(settings.store_path, settings.backups_dir)
    if not settings.store_path.exists():
        raise CoachError(f"{settings.store_path}: no store yet, so nothing to back up")
    store = Store.open(settings)
    raw = store.dump()
    atomic_write_bytes(target, raw, follow_links=False)
    return f"wrote {store.count()} check-ins to {target}"


def restore_from(settings, source: Path, *, force: bool = False) -> list[str]:
    """Replace the store with a validated store file; the current store is backed up first."""
    try:
        loaded = load_store_file(source)
    except NewerStoreError:
        raise
    except StoreError as exc:
        # The file given is at fault, not the store: point at the file, not at repair.
        message = str(exc).splitlines()[0]
        for hint in (REPAIR_HINT, SET_ASIDE_HINT):
            message = message.replace(f"; {hint}", "")
        raise StoreError(
            f"{message}; {source} is not a usable coach backup, so the store was not touched; "
            "give a file written by `coach backup`, or one from backups/"
        ) from None
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
