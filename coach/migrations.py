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

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coach.calendar import quarter_of
from coach.models import SCHEMA_VERSION, Exposure
from coach.storage import REPAIR_HINT, StoreError

CHECKINS = "checkins"
DRAFT = "draft"
META = "meta"
LEGACY_TABLE = "_default"
TABLES = (META, CHECKINS, DRAFT)

Record = dict[str, Any]


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


def _v0_checkin(rec: Record, doc_id: str) -> Record:
    """Version 0 -> 1: nest the flat prototype fields into Profile, Assessment and Actions."""
    when = str(rec.get("when") or rec.get("date") or "")
    day = dt.date.fromisoformat(when)
    tasks = []
    hours = dict.fromkeys(Exposure, 0.0)
    for item in rec.get("tasks", []):
        exposure = Exposure(item.get("exposure", "augmentation"))
        task_hours = float(item.get("hours", 0.0))
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
        except (KeyError, ValueError, TypeError) as exc:
            raise StoreError(
                f"{where}: cannot upgrade this record from schema version {version} "
                f"({type(exc).__name__}: {exc}); {REPAIR_HINT}"
            ) from None
        version = rec["schema_version"]
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

    Raises StoreError naming the file, table and record for anything that is not a coach store.
    """
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
