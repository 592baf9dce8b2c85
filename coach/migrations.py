"""Store format versions and the path from older formats to the current one.

Every record carries `schema_version`. Version 0 is the format of coach's first prototype:
check-ins lived in TinyDB's `_default` table with flat fields (`when`, `role`, `index`, tasks
with `hours` and `exposure`, actions with a `done` flag) and no version number. `upgrade`
brings any older store to the current version in memory; the store then saves it once, after
backing up the original file.

The shape check here is deliberately cheap (keys and types of the top-level fields) so opening
a store of hundreds of check-ins stays fast; pydantic validates a record fully when it is read.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from coach.calendar import quarter_of
from coach.errors import describe_validation_error
from coach.models import SCHEMA_VERSION, CheckIn, Exposure
from coach.storage import REPAIR_HINT, NewerStoreError, StoreError

MAX_TASK_HOURS = 168.0

CHECKINS = "checkins"
DRAFT = "draft"
META = "meta"
LEGACY_TABLE = "_default"
TABLES = (META, CHECKINS, DRAFT)

Record = dict[str, Any]
SET_ASIDE_HINT = "run `coach doctor --repair` to set such records aside and keep the rest"


def store_version(data: dict[str, Any]) -> int:
    """The oldest record version in the store (the current version for an empty store)."""
    versions = [
        _version(rec)
        for table in data.values()
        if isinstance(table, dict)
        for rec in table.values()
    ]
    return min((v for v in versions if v is not None), default=SCHEMA_VERSION)


def _version(rec: Any) -> int | None:
    """A record's schema version: 0 when absent (the prototype format), None when unusable."""
    if not isinstance(rec, dict):
        return None
    version = rec.get("schema_version", 0)
    return version if isinstance(version, int) and not isinstance(version, bool) else None


def _versions(table: dict[str, Any]) -> Iterator[int]:
    for rec in table.values():
        version = _version(rec)
        if version is not None:
            yield version


def _v0_checkin(rec: Record, doc_id: str) -> Record:
    """Version 0 -> 1: nest the flat prototype fields into Profile, Assessment and Actions."""
    when = str(rec.get("when") or rec.get("date") or "")
    day = dt.date.fromisoformat(when)
    tasks = []
    hours = dict.fromkeys(Exposure, 0.0)
    for number, item in enumerate(rec.get("tasks", []), start=1):
        if not isinstance(item, dict):
            raise ValueError(f"task #{number} is {type(item).__name__}, not a table of fields")
        exposure = Exposure(item.get("exposure", "augmentation"))
        task_hours = float(item.get("hours", 0.0))
        if not (math.isfinite(task_hours) and 0 <= task_hours <= MAX_TASK_HOURS):
            raise ValueError(
                f"task #{number}: hours {item.get('hours')!r} is not between 0 and "
                f"{MAX_TASK_HOURS:g} hours a week"
            )
        hours[exposure] += task_hours
        task = {"text": item["text"], "hours_per_week": task_hours}
        for name in ("repetitive", "structured_data", "high_stakes", "novel", "human_context"):
            if name in item:
                task[name] = item[name]
        tasks.append(
            {
                "task": task,
                "verdict": {
                    "exposure": exposure.value,
                    "rule": str(item.get("rule") or "recorded-by-older-coach"),
                    "basis": "",
                    "reason": "Recorded by an older coach; the rule that decided it was not kept.",
                    "confidence": 0.5,
                    "why": "Classified by an older version of coach.",
                },
            }
        )
    total = sum(hours.values())
    shares = {c.value: (h / total if total else 0.0) for c, h in hours.items()}
    actions = [
        {
            "id": str(a["id"]),
            "section": a.get("section", "skills"),
            "title": a["title"],
            "detail": a.get("detail", ""),
            "basis": a.get("basis", ""),
            "source": a.get("source", "carried over from an older coach"),
            "status": "done" if a.get("done") else "todo",
        }
        for a in rec.get("actions", [])
    ]
    return {
        "schema_version": 1,
        "id": str(rec.get("id") or f"{day.isoformat()}-v0{doc_id}"),
        "date": day.isoformat(),
        "quarter": quarter_of(day),
        "profile": {"role": rec.get("role", ""), "function": rec.get("function", "")},
        "assessment": {
            "tasks": tasks,
            "shares": shares,
            "exposure_index": int(rec.get("index", 0)),
            "total_hours": round(total, 2),
        },
        "actions": actions,
        "metrics": [],
        "note": rec.get("note", ""),
    }


def _v0_draft(rec: Record, doc_id: str) -> Record:
    return {"schema_version": 1, "profile_file": rec.get("profile_file", {}), "saved_at": ""}


# table -> {from_version: step}; each step returns the record at from_version + 1.
STEPS: dict[str, dict[int, Callable[[Record, str], Record]]] = {
    CHECKINS: {0: _v0_checkin},
    DRAFT: {0: _v0_draft},
    META: {0: lambda rec, _id: {**rec, "schema_version": 1}},
}


def migrate_record(table: str, rec: Record, doc_id: str, where: str) -> Record:
    version = rec.get("schema_version", 0)
    while version < SCHEMA_VERSION:
        step = STEPS[table].get(version)
        if step is None:
            raise StoreError(f"{where}: no migration from schema version {version}")
        try:
            rec = step(rec, doc_id)
        except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as exc:
            raise StoreError(
                f"{where}: cannot upgrade this record from schema version {version} "
                f"({type(exc).__name__}: {exc}); {SET_ASIDE_HINT}"
            ) from None
        version = rec["schema_version"]
    if table == CHECKINS:
        # An upgraded record is validated in full before anything can write it back.
        try:
            CheckIn.model_validate(rec)
        except ValidationError as err:
            problem = describe_validation_error(err, where).splitlines()[0]
            raise StoreError(f"{problem} (after upgrading it); {SET_ASIDE_HINT}") from None
    return rec


def _check_record(table: str, rec: Any, where: str) -> None:
    if not isinstance(rec, dict):
        raise StoreError(f"{where}: expected an object, found {type(rec).__name__}; {REPAIR_HINT}")
    version = rec.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise StoreError(f"{where}: field 'schema_version' missing or not a number; {REPAIR_HINT}")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{where}: written by a newer coach (schema version {version}, this coach reads "
            f"up to {SCHEMA_VERSION}); upgrade coach"
        )
    if table == CHECKINS:
        for field in ("id", "date", "quarter"):
            if not isinstance(rec.get(field), str):
                raise StoreError(f"{where}: field '{field}' missing or not text; {REPAIR_HINT}")
        for field in ("profile", "assessment"):
            if not isinstance(rec.get(field), dict):
                raise StoreError(
                    f"{where}: field '{field}' missing or not an object; {REPAIR_HINT}"
                )
    elif table == DRAFT and not isinstance(rec.get("profile_file"), dict):
        raise StoreError(f"{where}: field 'profile_file' missing or not an object; {REPAIR_HINT}")


def upgrade(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Check the store's shape and bring older records to the current version (in memory).

    Raises StoreError naming the file, table and record for anything that is not a coach store,
    and NewerStoreError (changing nothing) for a store a newer coach wrote.
    """
    newest = max(
        (v for table in data.values() if isinstance(table, dict) for v in _versions(table)),
        default=0,
    )
    if newest > SCHEMA_VERSION:
        raise NewerStoreError(
            f"{path}: written by a newer coach (schema {newest}); upgrade coach "
            f"(this one reads up to schema {SCHEMA_VERSION}); nothing was changed"
        )
    if LEGACY_TABLE in data:
        if CHECKINS in data:
            raise StoreError(
                f"{path}: holds both a '{LEGACY_TABLE}' and a '{CHECKINS}' table; "
                f"not a store this coach wrote; {REPAIR_HINT}"
            )
        data = {**data, CHECKINS: data[LEGACY_TABLE]}
        del data[LEGACY_TABLE]
    unknown = sorted(set(data) - set(TABLES))
    if unknown:
        raise StoreError(
            f"{path}: not a coach store (unexpected table {unknown[0]!r}); {REPAIR_HINT}"
        )
    for table in TABLES:
        records = data.get(table, {})
        if not isinstance(records, dict):
            raise StoreError(f"{path}: table '{table}' is not an object; {REPAIR_HINT}")
        for doc_id, rec in list(records.items()):
            where = f"{path}: {table} record {doc_id}"
            if not doc_id.isdigit():
                raise StoreError(f"{where}: record key is not a number; {REPAIR_HINT}")
            version = _version(rec)
            if version is not None and version < SCHEMA_VERSION:
                rec = records[doc_id] = migrate_record(table, rec, doc_id, where)
            _check_record(table, rec, where)
    return data


def salvage(data: dict[str, Any], path: Path) -> tuple[dict[str, Any], dict[str, Record]]:
    """Split a parsed store into what upgrades cleanly and the older records that cannot.

    Returns (the store without those records, in its original format; {table: {key: record}}
    set aside). Only records older than this coach are set aside: a current record that fails
    is damage, which a backup repairs.
    """
    kept = copy.deepcopy(data)
    aside: dict[str, Record] = {}
    for name, records in kept.items():
        if not isinstance(records, dict):
            continue
        table = CHECKINS if name == LEGACY_TABLE else name
        if table not in STEPS:
            continue
        for doc_id, rec in list(records.items()):
            version = _version(rec)
            if version is None or version >= SCHEMA_VERSION:
                continue
            try:
                migrate_record(table, copy.deepcopy(rec), doc_id, f"{path}: {table} {doc_id}")
            except StoreError:
                aside.setdefault(table, {})[doc_id] = records.pop(doc_id)
    return kept, aside
