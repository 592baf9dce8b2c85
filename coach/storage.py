"""Crash-safe file handling under the store: atomic writes, strict reads, the lock.

A write goes to a temp file in the same folder, is fsynced, renamed over the target with
`os.replace`, and the folder is fsynced, so a crash leaves either the old file or the new one.
A read never mistakes a damaged file for an empty store: it raises StoreError instead.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pydantic_core
from filelock import FileLock, Timeout
from tinydb.storages import Storage

from coach.errors import CoachError, NotRegularFile, open_regular

TEMP_SUFFIX = ".coach-tmp"
FREEZE_ABOVE = 1_000_000
"""Store size (bytes) from which one-shot commands exempt the parsed store from GC."""
REPAIR_HINT = "run `coach doctor --repair` to restore the newest good backup"


class StoreError(CoachError):
    """The store cannot be read or written safely; the message says which file and what to do."""

    def __init__(self, message: str, *, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class NewerStoreError(StoreError):
    """The store was written by a newer coach: not damaged, and never to be repaired here."""


def os_problem(exc: OSError) -> str:
    """A short reason for an OSError, in the user's words where it matters."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "the disk is full"
    if exc.errno == errno.ENOENT:
        return "its folder does not exist"
    return exc.strerror or str(exc)


def write_target(path: Path) -> Path:
    """Where a write to `path` lands: a symbolic link is written through to its target, so a
    store kept elsewhere (a synced folder, say) keeps being updated."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def fsync_dir(folder: Path) -> None:
    """Make a rename inside `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) with mode 0700 if it does not exist yet."""
    if folder.is_dir():
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create the data folder ({exc.strerror})") from None


def atomic_write_bytes(
    path: Path,
    data: bytes,
    *,
    keep_old: Callable[[Path], object] | None = None,
    follow_links: bool = True,
) -> None:
    """Replace `path` with `data` so that a crash at any point leaves the old or the new file.

    `keep_old(path)` runs just before the swap, while `path` still holds the old content.
    A symbolic link at `path` is written through (see write_target) unless `follow_links`
    is False, when the link itself is replaced. An OSError (a full disk,
    say) becomes a one-line StoreError, and `path` is left as it was.
    """
    if follow_links:
        path = write_target(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as exc:
        reason = os_problem(exc)
        raise StoreError(f"{path}: cannot write ({reason})", reason=reason) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        if keep_old is not None and path.exists():
            keep_old(path)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            reason = os_problem(exc)
            raise StoreError(
                f"{path}: cannot write ({reason}); the file was left as it was", reason=reason
            ) from None
        raise
    fsync_dir(path.parent)


def sweep_temp_files(folder: Path) -> list[Path]:
    """Delete temp files a killed writer left behind. Call only while holding the store lock."""
    removed = []
    if not folder.is_dir():
        return removed
    for stray in folder.glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stray.unlink()
            removed.append(stray)
    return removed


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Parsing a big store makes many objects at once; collecting midway only costs time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def encode(data: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON. The store is rewritten whole on every save, so size is time, and
    pydantic-core's serializer is several times faster than the json module here."""
    with _gc_paused():
        return pydantic_core.to_json(data)


def decode(raw: bytes, path: Path, *, freeze: bool = False) -> dict[str, Any]:
    """Parse store bytes, or raise StoreError naming the file and the repair command.

    `freeze` (for one-shot commands) exempts the parsed objects from cycle collection: they
    hold no cycles, and walking a long history's objects would cost more than the parse.
    """
    if not raw:
        raise StoreError(
            f"{path}: the store file is empty (0 bytes), not a valid store; {REPAIR_HINT}"
        )
    try:
        with _gc_paused():
            data = pydantic_core.from_json(raw, allow_inf_nan=False)
            if freeze and len(raw) > FREEZE_ABOVE:
                gc.freeze()
    except ValueError as exc:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as bad:
            raise StoreError(
                f"{path}: not UTF-8 text (bad byte at offset {bad.start}); {REPAIR_HINT}"
            ) from None
        raise StoreError(f"{path}: damaged or truncated JSON ({exc}); {REPAIR_HINT}") from None
    if not isinstance(data, dict):
        raise StoreError(
            f"{path}: not a coach store (expected a JSON object of tables, found "
            f"{type(data).__name__}); {REPAIR_HINT}"
        )
    return data


def read_file(path: Path) -> bytes | None:
    """The raw bytes of `path`, None if it does not exist, StoreError if it cannot be read
    (or is a FIFO, device or folder: reading one could block or mislead)."""
    try:
        with open_regular(path, "a coach store file") as fh:
            return fh.read()
    except FileNotFoundError:
        return None
    except (IsADirectoryError, NotRegularFile):
        kind = "a folder" if path.is_dir() else "not a regular file"
        raise StoreError(f"{path}: is {kind}, expected a coach store file; move it away") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store ({exc.strerror}); {REPAIR_HINT}") from None


def _stat_key(path: Path) -> tuple[int, ...] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file, written atomically and read strictly.

    Parsing is the costly part, so parsed data is reused while the file is unchanged. Plain
    reads trust the file's stat (every save replaces the inode; an edit changes its ctime).
    A write cycle (`pinned`) trusts nothing: under the lock it reads the bytes again and
    reuses the parsed data only if they are identical, so TinyDB always works on exactly
    what is on disk, and a save never drops another process's check-in.
    `check` validates the shape of freshly read data before anyone uses it.
    """

    def __init__(self, path: Path, check=None, *, freeze_parsed: bool = False) -> None:
        self.path = path
        self._check = check
        self._freeze = freeze_parsed
        self._cache: dict[str, Any] | None = None
        self._cache_raw: bytes | None = None
        self._cache_key: tuple[int, ...] | None = None
        self._pinned: dict[str, Any] | None = None
        self.keep_old: Callable[[Path], object] | None = None
        """Set by the store for saves whose previous version goes to backups/."""

    def load(self, *, fresh: bool = False, locked: bool = False) -> dict[str, Any] | None:
        """The parsed file. `fresh` always re-parses; `locked` always re-reads the bytes."""
        key = _stat_key(self.path)
        if not (fresh or locked) and key is not None and key == self._cache_key:
            return self._cache
        raw = read_file(self.path)
        if raw is None:
            self._cache, self._cache_raw, self._cache_key = None, None, None
            return None
        if not fresh and raw == self._cache_raw:
            self._cache_key = key
            return self._cache
        data = decode(raw, self.path, freeze=self._freeze)
        if self._check is not None:
            data = self._check(data, self.path)
        self._cache, self._cache_raw, self._cache_key = data, raw, key
        return data

    @contextlib.contextmanager
    def pinned(self, *, load: bool = True) -> Iterator[dict[str, Any]]:
        data = self.load(locked=True) if load else None
        self._pinned = data if data is not None else {}
        try:
            yield self._pinned
        except BaseException:
            # TinyDB edits the parsed data in place; after a failed cycle it may differ from disk.
            self._cache, self._cache_raw, self._cache_key = None, None, None
            raise
        finally:
            self._pinned = None

    def read(self) -> dict[str, Any] | None:
        if self._pinned is not None:
            return self._pinned
        return self.load()

    def write(self, data: dict[str, Any]) -> None:
        if self._pinned is None:
            raise RuntimeError("store writes must happen inside Store._writing()")
        raw = encode(data)
        atomic_write_bytes(self.path, raw, keep_old=self.keep_old)
        self._pinned = data
        self._cache, self._cache_raw, self._cache_key = data, raw, _stat_key(self.path)

    def close(self) -> None:
        self._cache, self._cache_raw, self._cache_key = None, None, None


@contextlib.contextmanager
def store_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold the store's lock file; StoreError with a clear message when another coach holds it."""
    lock = FileLock(
        str(path) + ".lock",
        timeout=timeout,
        mode=0o600,
        poll_interval=0.01,
        preserve_lock_file=True,
    )
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(
            f"{path}: another coach is saving (lock held for over {timeout:g} s); "
            "try again in a moment"
        ) from None
    except OSError as exc:
        raise StoreError(
            f"{path}.lock: cannot create the lock file ({exc.strerror}); check that "
            f"{path.parent} is writable, or set COACH_HOME to a folder that is"
        ) from None
    try:
        yield
    finally:
        lock.release()
