"""Where coach may write a file the user named (`-o`, `coach backup FILE`).

coach writes only to a new path or over a regular file, and replaces an existing one only with
--force. It never writes to a FIFO, device or socket, even with --force: replacing one would
silently turn it into a plain file (as root, `/dev/null` would stop being a device). A
symbolic link counts as existing, even when its target is missing, and is never written
through: with --force the link itself is replaced by the new file, so a link can never make
coach overwrite a file elsewhere. Reading goes through `coach.errors.open_regular`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from coach.errors import CoachError, file_kind


def check_output(path: Path, *, force: bool) -> None:
    """Raise CoachError (naming `path` and the fix) unless coach may write to `path`."""
    try:
        own = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise CoachError(f"{path}: cannot check it ({exc.strerror})") from None
    if stat.S_ISLNK(own.st_mode):
        try:
            target = os.stat(path)
        except OSError:
            if force:
                return
            raise CoachError(
                f"{path}: is a symbolic link to {os.readlink(path)}, which does not exist; "
                "choose another name, or pass --force to replace the link"
            ) from None
        mode = target.st_mode
    else:
        mode = own.st_mode
    if stat.S_ISDIR(mode):
        raise CoachError(f"{path}: is a folder; give a file name to write to")
    if not stat.S_ISREG(mode):
        raise CoachError(
            f"{path}: is {file_kind(mode)}, not a regular file; coach writes only to regular "
            "files or new paths, even with --force"
        )
    if not force:
        raise CoachError(f"{path}: already exists; use --force to overwrite it")


def check_input(path: Path, expected: str) -> None:
    """Raise CoachError if `path` exists but is not a regular file (a FIFO would block the
    read). For files another library opens itself; coach's own reads use open_regular."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise CoachError(f"{path}: is a folder; give {expected}")
        raise CoachError(
            f"{path}: is {file_kind(mode)}, not a regular file; give {expected} (coach reads "
            "only regular files)"
        )
