"""Rolling backups of the store: one timestamped file per save in `backups/`, newest kept.

Names carry the UTC time they were taken and an optional label (`replaced` when a save updated
the quarter's check-in, `before-upgrade-v0` before a format upgrade, ...).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
from pathlib import Path

from pydantic import BaseModel

from coach.storage import StoreError, ensure_private_dir, fsync_dir

KEEP_BACKUPS = 10
_BACKUP_NAME = re.compile(r"^coach-(\d{8}T\d{12})Z(?:-([a-z-]+))?\.json$")


class Backup(BaseModel):
    """One file in backups/, newest first in list_backups()."""

    path: Path
    taken: dt.datetime
    label: str = ""


def list_backups(folder: Path) -> list[Backup]:
    """Backups in `folder`, newest first (names carry the UTC time they were taken)."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            m = _BACKUP_NAME.match(path.name)
            if m:
                taken = dt.datetime.strptime(m.group(1), "%Y%m%dT%H%M%S%f").replace(tzinfo=dt.UTC)
                found.append(Backup(path=path, taken=taken, label=m.group(2) or ""))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def keep_backup(source: Path, folder: Path, *, label: str = "", keep: int = KEEP_BACKUPS) -> Path:
    """Keep the file at `source` as a new timestamped backup; drop all but the newest `keep`.

    A hard link costs nothing whatever the store's size, and it stays intact: the store is
    only ever replaced by a new file (see storage.py), never edited in place. Where links are
    not supported the file is copied.
    """
    ensure_private_dir(folder)
    suffix = f"-{label}" if label else ""
    while True:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
        path = folder / f"coach-{stamp}Z{suffix}.json"
        if not path.exists():
            break
    try:
        os.link(source, path)
    except FileExistsError:
        raise StoreError(f"{path}: a backup with this name appeared meanwhile; try again") from None
    except OSError:
        shutil.copyfile(source, path)
        os.chmod(path, 0o600)
    fsync_dir(folder)
    for old in list_backups(folder)[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()
    return path
