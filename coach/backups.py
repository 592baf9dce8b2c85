"""Rolling backups of the store in backups/: written atomically, private, rotated by save order.

A backup is named `coach-<UTC time>Z-n<number>[-<label>].json`. The number counts saves up,
and "newest" and rotation go by it, never by the time in the name: a clock set wrong neither
keeps an old backup forever nor deletes a new one at once. Names without a number (written by
older coaches) rank before every numbered one, in name order.

A backup is a hard link to the replaced store file when that costs nothing (same device, file
already private); otherwise a copy, written like the store itself (temp file, fsync, rename,
mode 0600), so a full disk leaves no partial backup behind. Rotation keeps the newest
`KEEP_BACKUPS` backups that look whole, and never deletes one of those for a file that does
not: an empty or cut-off file never counts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
from pathlib import Path

import pydantic_core
from pydantic import BaseModel

from coach.storage import (
    StoreError,
    atomic_write_bytes,
    ensure_private_dir,
    fsync_dir,
    os_problem,
)

KEEP_BACKUPS = 10
FULL_CHECK_BELOW = 256 * 1024
"""Backups smaller than this (bytes) are parsed to decide whether they are whole; bigger ones
are checked by their first and last bytes only, so a save stays fast for a long history."""

_BACKUP_NAME = re.compile(r"^coach-(\d{8}T\d{12})Z(?:-n(\d{1,12}))?(?:-([a-z0-9-]+))?\.json$")


class Backup(BaseModel):
    """One file in backups/, newest first in list_backups()."""

    path: Path
    taken: dt.datetime
    label: str = ""
    number: int = 0
    """Save order; 0 for backups named by older coaches."""


def list_backups(folder: Path) -> list[Backup]:
    """Backups in `folder`, newest (highest save number) first."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            m = _BACKUP_NAME.match(path.name)
            if m:
                taken = dt.datetime.strptime(m.group(1), "%Y%m%dT%H%M%S%f").replace(tzinfo=dt.UTC)
                number = int(m.group(2) or 0)
                found.append(Backup(path=path, taken=taken, label=m.group(3) or "", number=number))
    return sorted(found, key=lambda b: (b.number, b.path.name), reverse=True)


def looks_whole(path: Path) -> bool:
    """Whether a backup file can be a whole store: a JSON object, not empty, not cut off."""
    try:
        size = path.stat().st_size
        if size == 0:
            return False
        with path.open("rb") as fh:
            if size < FULL_CHECK_BELOW:
                return isinstance(pydantic_core.from_json(fh.read()), dict)
            head = fh.read(64).lstrip()
            fh.seek(max(0, size - 64))
            tail = fh.read().rstrip()
    except (OSError, ValueError):
        return False
    return head.startswith(b"{") and tail.endswith(b"}")


def _is_private(path: Path) -> bool:
    try:
        return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0
    except OSError:
        return False


def keep_backup(source: Path, folder: Path, *, label: str = "", keep: int = KEEP_BACKUPS) -> Path:
    """Keep the file at `source` as the newest backup; rotate out all but `keep` whole ones.

    StoreError (one line) when the backup cannot be written; nothing is left half-written.
    """
    ensure_private_dir(folder)
    existing = list_backups(folder)
    number = max((b.number for b in existing), default=0) + 1
    suffix = f"-{label}" if label else ""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    path = folder / f"coach-{stamp}Z-n{number:06d}{suffix}.json"
    linked = False
    if _is_private(source):
        try:
            os.link(source, path)
            linked = True
        except FileExistsError:
            raise StoreError(
                f"{path}: a backup with this name appeared meanwhile; try again"
            ) from None
        except OSError:
            pass  # another device, or links not supported: copy instead
    if not linked:
        try:
            raw = source.read_bytes()
        except OSError as exc:
            raise StoreError(
                f"{source}: cannot read it to back it up ({os_problem(exc)})"
            ) from None
        try:
            atomic_write_bytes(path, raw)
        except StoreError as exc:
            raise StoreError(
                f"{folder}: cannot write a backup ({exc.reason}); nothing was saved. "
                "Free some space and try again"
            ) from None
    fsync_dir(folder)
    rotate(folder, keep)
    return path


def rotate(folder: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete whole backups beyond the newest `keep` whole ones, and broken files older than
    the oldest kept one. Returns what was deleted."""
    whole = 0
    deleted = []
    for backup in list_backups(folder):
        if whole < keep:
            whole += looks_whole(backup.path)
            continue
        with contextlib.suppress(OSError):
            backup.path.unlink()
            deleted.append(backup.path)
    return deleted


def refuse_missing_store(store: Path, folder: Path) -> None:
    """A store that is gone while backups exist is lost, not empty: StoreError, exit 2."""
    if store.exists():
        return
    if store.is_symlink():
        raise StoreError(
            f"{store}: is a symbolic link to {os.path.realpath(store)}, which does not exist; "
            "fix the link, or remove it to start a new store"
        )
    backups = list_backups(folder)
    if backups:
        raise StoreError(
            f"{store}: the store is missing but {folder} holds {len(backups)} backup(s); run "
            "`coach doctor --repair` to restore the newest good one (or move backups/ away "
            "to start a new store)"
        )
