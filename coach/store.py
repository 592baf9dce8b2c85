"""The store: the worker's check-ins and the TUI's draft, kept in TinyDB over a crash-safe file.

Every change is a read-modify-write cycle under a file lock that re-reads the file first, so
two coach processes never lose each other's check-ins. After each saved check-in a copy of the
file goes to `backups/` (the newest `KEEP_BACKUPS` are kept). Records are validated by pydantic
on the way in and when read; a damaged file raises StoreError and is never overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from coach.backups import KEEP_BACKUPS, Backup, keep_backup, list_backups, refuse_missing_store
from coach.checkins import Saved, merge_quarter
from coach.errors import describe_validation_error
from coach.migrations import CHECKINS, DRAFT, META, store_version, upgrade
from coach.models import EXTRA_LABEL, SCHEMA_VERSION, CheckIn, ProfileFile
from coach.storage import (
    REPAIR_HINT,
    AtomicJSONStorage,
    StoreError,
    encode,
    ensure_private_dir,
    store_lock,
    sweep_temp_files,
    write_target,
)

__all__ = [
    "KEEP_BACKUPS",
    "Backup",
    "Saved",
    "Store",
    "StoreError",
    "keep_backup",
    "list_backups",
    "validate_store_data",
]

LOCK_TIMEOUT = 10.0


def _invalid(err: ValidationError, where: str) -> StoreError:
    return StoreError(f"{describe_validation_error(err, where)}\n{REPAIR_HINT}")


def _sort_key(item: tuple[str, dict[str, Any]]) -> tuple[str, int]:
    doc_id, rec = item
    return (rec["date"], int(doc_id))


def _replace(table: Any, doc_id: str, record: dict[str, Any]) -> None:
    """Swap the whole record at `doc_id` for `record`."""

    def replace(doc: dict[str, Any]) -> None:
        doc.clear()
        doc.update(record)

    table.update(replace, doc_ids=[int(doc_id)])


def validate_store_data(
    data: dict[str, Any], where: Path | str
) -> tuple[list[CheckIn], ProfileFile | None]:
    """Fully validate parsed store data (after `upgrade`): every check-in and the draft."""
    records = sorted(data.get(CHECKINS, {}).items(), key=_sort_key)
    checkins = []
    for doc_id, rec in records:
        try:
            checkins.append(CheckIn.model_validate(rec))
        except ValidationError as err:
            raise _invalid(err, f"{where}: check-in {rec.get('id', doc_id)}") from None
    ids = [c.id for c in checkins]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise StoreError(f"{where}: check-in id {dup!r} appears twice; {REPAIR_HINT}")
    draft = None
    for doc_id, rec in data.get(DRAFT, {}).items():
        try:
            draft = ProfileFile.model_validate(rec["profile_file"])
        except ValidationError as err:
            raise _invalid(err, f"{where}: draft record {doc_id}") from None
    return checkins, draft


class Store:
    """Check-ins (oldest first) and one draft profile, in `settings.store_path`."""

    def __init__(
        self,
        path: Path,
        backups_dir: Path,
        *,
        lock_timeout: float = LOCK_TIMEOUT,
        short_lived: bool = False,
    ):
        self.path = path
        self.backups_dir = backups_dir
        self.lock_timeout = lock_timeout
        self.loaded_version = SCHEMA_VERSION
        self.migration_backup: Path | None = None
        self.last_backup: Path | None = None
        self._storage = AtomicJSONStorage(path, check=self._upgrade, freeze_parsed=short_lived)

    @classmethod
    def open(
        cls, settings, *, lock_timeout: float = LOCK_TIMEOUT, short_lived: bool = False
    ) -> Store:
        """Open (or start) the store; StoreError if the file is damaged. Upgrades old formats.

        `short_lived=True` is for one-shot CLI commands: parsed data skips cycle collection
        (see storage.decode), which keeps a save fast however long the history is.
        """
        ensure_private_dir(settings.home)
        store = cls(
            settings.store_path,
            settings.backups_dir,
            lock_timeout=lock_timeout,
            short_lived=short_lived,
        )
        # Temp files can only be stray when no other coach is mid-save.
        with contextlib.suppress(StoreError), store_lock(store.path, 0):
            sweep_temp_files(store.path.parent)
            sweep_temp_files(store.backups_dir)
            target = write_target(store.path).parent  # a symlinked store's own folder
            if target != store.path.parent:
                sweep_temp_files(target)
        refuse_missing_store(store.path, store.backups_dir)
        store._storage.load()
        if store.loaded_version < SCHEMA_VERSION:
            store._persist_upgrade()
        return store

    # -- reading -------------------------------------------------------------------------

    def _upgrade(self, data: dict[str, Any], path: Path) -> dict[str, Any]:
        self.loaded_version = store_version(data)
        return upgrade(data, path)

    def _table(self, name: str) -> dict[str, dict[str, Any]]:
        data = self._storage.read() or {}
        return data.get(name, {})

    def _validate(self, doc_id: str, rec: dict[str, Any]) -> CheckIn:
        try:
            return CheckIn.model_validate(rec)
        except ValidationError as err:
            raise _invalid(err, f"{self.path}: check-in {rec.get('id', doc_id)}") from None

    def checkins(self) -> list[CheckIn]:
        """All check-ins, oldest first (by date, then by the order they were saved)."""
        items = sorted(self._table(CHECKINS).items(), key=_sort_key)
        return [self._validate(doc_id, rec) for doc_id, rec in items]

    def count(self) -> int:
        return len(self._table(CHECKINS))

    def latest(self, on_or_before: dt.date | None = None) -> CheckIn | None:
        """The newest check-in (only among those dated `on_or_before`, when given)."""
        items = self._table(CHECKINS).items()
        if on_or_before is not None:
            limit = on_or_before.isoformat()
            items = [(k, rec) for k, rec in items if rec["date"] <= limit]
        if not items:
            return None
        return self._validate(*max(items, key=_sort_key))

    def previous(self, checkin: CheckIn) -> CheckIn | None:
        """Last quarter's check-in for `checkin`: the newest one of an earlier quarter."""
        return self.last_before(checkin.quarter)

    def last_before(self, quarter: str) -> CheckIn | None:
        """The newest check-in of a quarter before `quarter` ('2026-Q3'), if any."""
        items = [(k, rec) for k, rec in self._table(CHECKINS).items() if rec["quarter"] < quarter]
        return self._validate(*max(items, key=_sort_key)) if items else None

    def get(self, checkin_id: str) -> CheckIn | None:
        """The check-in with exactly this id, or None."""
        for doc_id, rec in self._table(CHECKINS).items():
            if rec["id"] == checkin_id:
                return self._validate(doc_id, rec)
        return None

    def load_draft(self) -> ProfileFile | None:
        for doc_id, rec in self._table(DRAFT).items():
            try:
                return ProfileFile.model_validate(rec["profile_file"])
            except ValidationError as err:
                raise _invalid(err, f"{self.path}: draft record {doc_id}") from None
        return None

    # -- writing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self, *, backup: str | None = None) -> Iterator[TinyDB]:
        """One read-modify-write cycle: lock, sweep, re-read the file, hand TinyDB over it.

        With `backup` (a label, "" for none) the version being replaced goes to backups/.
        """
        with store_lock(self.path, self.lock_timeout):
            sweep_temp_files(self.path.parent)
            if backup is not None:
                self._storage.keep_old = lambda path: self._keep(path, backup)
            try:
                with self._storage.pinned() as data:
                    data.setdefault(META, {"1": {"schema_version": SCHEMA_VERSION, "app": "coach"}})
                    yield TinyDB(storage=lambda: self._storage)
            finally:
                self._storage.keep_old = None

    def _keep(self, path: Path, label: str) -> None:
        self.last_backup = keep_backup(path, self.backups_dir, label=label)

    def _persist_upgrade(self) -> None:
        with self._writing(backup=f"before-upgrade-v{self.loaded_version}"):
            if self.loaded_version < SCHEMA_VERSION:
                self._storage.write(self._storage.read())
                self.migration_backup = self.last_backup

    @staticmethod
    def _record(checkin: CheckIn) -> dict[str, Any]:
        data = checkin.model_dump(mode="json")
        try:
            CheckIn.model_validate(data)
        except ValidationError as err:
            where = f"check-in {checkin.id} (not saved)"
            raise StoreError(describe_validation_error(err, where)) from None
        data["schema_version"] = SCHEMA_VERSION
        return data

    def add_checkin(self, checkin: CheckIn) -> CheckIn:
        """Save a new check-in; StoreError if its id is already taken."""
        record = self._record(checkin)
        with self._writing(backup="") as db:
            self._insert(db, record)
        return CheckIn.model_validate(record)

    def _insert(self, db: TinyDB, record: dict[str, Any]) -> None:
        raw = self._table(CHECKINS)
        if any(rec["id"] == record["id"] for rec in raw.values()):
            raise StoreError(f"{self.path}: a check-in with id {record['id']!r} already exists")
        db.table(CHECKINS).insert(Document(record, doc_id=max(map(int, raw), default=0) + 1))

    def update_checkin(self, checkin: CheckIn) -> CheckIn:
        """Replace the stored check-in that has the same id; StoreError if there is none."""
        return self.change_checkin(checkin.id, lambda _stored: checkin)

    def save_quarter(
        self,
        make: Callable[[CheckIn | None], CheckIn],
        *,
        quarter: str,
        new: bool = False,
        before_write: Callable[[CheckIn, CheckIn | None], object] | None = None,
    ) -> Saved:
        """Save the quarter's check-in: one per quarter, merged under the lock.

        Under the lock the store is re-read; `make(previous)` builds the check-in against last
        quarter's as it is now. If the quarter already has its check-in, that one is updated
        (see `checkins.merge_quarter`) and the version it replaces is kept in backups/ with
        the label "replaced". `new=True` adds a deliberate extra check-in, labelled "extra".
        `before_write(checkin, previous)` runs just before writing; if it raises, nothing is
        stored.
        """

        self.last_backup = None
        with self._writing(backup="") as db:
            previous = self.last_before(quarter)
            same = [
                (k, rec)
                for k, rec in self._table(CHECKINS).items()
                if rec["quarter"] == quarter and rec.get("label", "") != EXTRA_LABEL
            ]
            fresh = make(previous)
            replaced: CheckIn | None = None
            if new:
                checkin = fresh.model_copy(update={"label": EXTRA_LABEL})
            elif same:
                doc_id, rec = max(same, key=_sort_key)
                replaced = self._validate(doc_id, rec)
                checkin = merge_quarter(replaced, fresh)
            else:
                checkin = fresh
            record = self._record(checkin)
            if before_write is not None:
                before_write(CheckIn.model_validate(record), previous)
            if replaced is not None:
                self._storage.keep_old = lambda path: self._keep(path, "replaced")
                _replace(db.table(CHECKINS), doc_id, record)
            else:
                self._insert(db, record)
        return Saved(
            checkin=CheckIn.model_validate(record),
            replaced=replaced,
            previous=previous,
            backup=self.last_backup,
        )

    def change_checkin(self, checkin_id: str, change: Callable[[CheckIn], CheckIn]) -> CheckIn:
        """Apply `change` to the stored check-in as it is on disk now, under the lock.

        Only what `change` alters is written: a status set here never undoes one that another
        coach saved meanwhile. StoreError if there is no such check-in.
        """
        with self._writing(backup="") as db:
            matches = [(k, r) for k, r in self._table(CHECKINS).items() if r["id"] == checkin_id]
            if not matches:
                raise StoreError(f"{self.path}: no check-in with id {checkin_id!r}")
            doc_id, rec = matches[0]
            record = self._record(change(self._validate(doc_id, rec)))
            if record["id"] != checkin_id:
                raise StoreError(f"check-in {checkin_id}: a change may not alter its id")
            _replace(db.table(CHECKINS), doc_id, record)
        return CheckIn.model_validate(record)

    def save_draft(self, profile_file: ProfileFile, *, backup: str | None = None) -> None:
        """Keep the TUI's work in progress (one draft). No backup, it is saved often, unless
        `backup` labels one (e.g. when a new draft replaces an unfinished one)."""
        payload = ProfileFile.model_validate(profile_file.model_dump(mode="json"))
        record = {
            "schema_version": SCHEMA_VERSION,
            "profile_file": payload.model_dump(mode="json"),
            "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        with self._writing(backup=backup) as db:
            db.table(DRAFT).upsert(Document(record, doc_id=1))

    def clear_draft(self) -> None:
        if not self._table(DRAFT):
            return
        with self._writing() as db:
            db.table(DRAFT).truncate()

    # -- whole-store copies --------------------------------------------------------------

    def dump(self) -> bytes:
        """The whole store as validated JSON bytes (what `coach backup` writes)."""
        data = dict(self._storage.load(fresh=True) or {})
        validate_store_data(data, self.path)
        data.setdefault(META, {"1": {"schema_version": SCHEMA_VERSION, "app": "coach"}})
        return encode(data)

    def replace_all(self, data: dict[str, Any], *, label: str) -> Path | None:
        """Swap in already-validated store data; the current file (even a damaged one) is kept
        in backups/ first. Returns that backup, if there was a file."""
        with store_lock(self.path, self.lock_timeout):
            sweep_temp_files(self.path.parent)
            self.last_backup = None
            self._storage.keep_old = lambda path: self._keep(path, label)
            try:
                with self._storage.pinned(load=False):
                    self._storage.write(data)
            finally:
                self._storage.keep_old = None
        return self.last_backup
