"""A quick look at the store for the dashboard's first frame, without pydantic.

Opening the store the full way (pydantic, TinyDB, the lock, every check-in validated) costs
about as much as starting Textual, so the app paints the dashboard from this glance and runs
the full load right after, in a worker. Both end in the same `HomeGlance`, so the second
changes nothing on screen; if the full load finds the store damaged, the app still stops
with its message.

The glance reads only the fields the dashboard shows and gives up (returns None) at anything
it does not expect: a missing or unreadable file, a record of another schema version (a
store that needs upgrading), a field of the wrong type. Then the dashboard waits for the
full load, as before. It never writes and never raises.

What it reads from the store file (JSON, tables of records keyed by number):

| table      | record fields read                            | becomes                         |
|------------|-----------------------------------------------|---------------------------------|
| `meta`     | `schema_version`                              | must be `GLANCE_SCHEMA`         |
| `checkins` | `schema_version`, `date`, `quarter`, `label`  | which one is current, the count |
|            | `profile.role`                                | `LatestGlance.role`             |
|            | `assessment.exposure_index`                   | `LatestGlance.exposure_index`   |
|            | `evidence` (its length)                       | `LatestGlance.evidence`         |
|            | `actions[]`: id, section, title, status, source | `ActionGlance`                |
|            | `metrics[]`: action_id, baseline, target, value | `MetricGlance`                |
| `draft`    | whether it has a record                       | `HomeGlance.has_draft`          |

The current check-in is the newest quarter's own one (an extra one if that quarter has only
extras), records ordered by date, then by key: as `coach.progress.current_checkin` on the
store's order. `glance_of` builds the same from validated check-ins; tests compare the two.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from coach.calendar import next_checkin_due
from coach.errors import open_regular

if TYPE_CHECKING:
    from coach.models import CheckIn

GLANCE_SCHEMA = 1
"""The store schema this glance reads; a test keeps it equal to `coach.models.SCHEMA_VERSION`."""
EXTRA = "extra"
"""`coach.models.EXTRA_LABEL`, repeated so that the glance needs no pydantic (a test checks)."""
STATUSES = frozenset({"todo", "doing", "done", "dropped"})
TABLES = frozenset({"meta", "checkins", "draft"})


class ActionGlance(NamedTuple):
    """One action of the plan, as the dashboard lists it."""

    id: str
    section: str
    title: str
    status: str
    source: str


class MetricGlance(NamedTuple):
    """The worker's numbers for one metric action."""

    action_id: str
    baseline: str = ""
    target: str = ""
    value: str = ""


class LatestGlance(NamedTuple):
    """This quarter's check-in, as far as the dashboard shows it."""

    id: str
    quarter: str
    date: dt.date
    role: str
    exposure_index: int
    evidence: int
    actions: tuple[ActionGlance, ...]
    metrics: tuple[MetricGlance, ...]

    def metric(self, action_id: str) -> MetricGlance | None:
        return next((m for m in self.metrics if m.action_id == action_id), None)


class HomeGlance(NamedTuple):
    """What the dashboard shows: the current check-in, how many there are, and the draft."""

    latest: LatestGlance | None
    count: int
    has_draft: bool

    @property
    def next_due(self) -> dt.date | None:
        return next_checkin_due(self.latest.date) if self.latest else None


class _Unsure(Exception):
    """The glance met something it does not expect; the full load decides."""


def glance_store(path: Path) -> HomeGlance | None:
    """The dashboard's view of the store at `path`, or None when only the full load can say."""
    try:
        with open_regular(path, "a coach store file") as fh:
            data = json.loads(fh.read())
        return _glance(data)
    except (OSError, ValueError, _Unsure):
        return None
    except Exception:  # never let a first-frame shortcut be the thing that fails
        return None


def glance_of(latest: CheckIn | None, count: int, has_draft: bool) -> HomeGlance:
    """The same view from the validated current check-in, as the full load finds it."""
    if latest is None:
        return HomeGlance(latest=None, count=count, has_draft=has_draft)
    return HomeGlance(
        latest=LatestGlance(
            id=latest.id,
            quarter=latest.quarter,
            date=latest.date,
            role=latest.profile.role,
            exposure_index=latest.assessment.exposure_index,
            evidence=len(latest.evidence),
            actions=tuple(
                ActionGlance(a.id, a.section, a.title, a.status, a.source) for a in latest.actions
            ),
            metrics=tuple(
                MetricGlance(m.action_id, m.baseline, m.target, m.value) for m in latest.metrics
            ),
        ),
        count=count,
        has_draft=has_draft,
    )


def _glance(data: Any) -> HomeGlance:
    if not isinstance(data, dict) or not set(data) <= TABLES:
        raise _Unsure
    tables = {name: _table(data, name) for name in TABLES}
    for records in tables.values():
        for rec in records.values():
            if not isinstance(rec, dict) or rec.get("schema_version") != GLANCE_SCHEMA:
                raise _Unsure
    checkins = sorted(tables["checkins"].items(), key=_order)
    return HomeGlance(
        latest=_latest([rec for _key, rec in checkins]),
        count=len(checkins),
        has_draft=bool(tables["draft"]),
    )


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    records = data.get(name, {})
    if not isinstance(records, dict) or not all(key.isdigit() for key in records):
        raise _Unsure
    return records


def _order(item: tuple[str, Any]) -> tuple[str, int]:
    key, rec = item
    return (_text(rec, "date"), int(key))


def _latest(records: list[dict[str, Any]]) -> LatestGlance | None:
    if not records:
        return None
    newest = max(_text(rec, "quarter") for rec in records)
    mine = [rec for rec in records if rec["quarter"] == newest]
    rec = ([r for r in mine if _text(r, "label", "") != EXTRA] or mine)[-1]
    profile = _object(rec, "profile")
    assessment = _object(rec, "assessment")
    index = assessment.get("exposure_index")
    if type(index) is not int:
        raise _Unsure
    return LatestGlance(
        id=_text(rec, "id"),
        quarter=newest,
        date=dt.date.fromisoformat(_text(rec, "date")),
        role=_text(profile, "role", ""),
        exposure_index=index,
        evidence=len(_list(rec, "evidence")),
        actions=tuple(_action(a) for a in _list(rec, "actions")),
        metrics=tuple(_metric(m) for m in _list(rec, "metrics")),
    )


def _action(rec: Any) -> ActionGlance:
    if not isinstance(rec, dict):
        raise _Unsure
    status = _text(rec, "status", "todo")
    if status not in STATUSES:
        raise _Unsure
    fields = ("id", "section", "title")
    ident, section, title = (_text(rec, f) for f in fields)
    return ActionGlance(ident, section, title, status, _text(rec, "source"))


def _metric(rec: Any) -> MetricGlance:
    if not isinstance(rec, dict):
        raise _Unsure
    return MetricGlance(
        _text(rec, "action_id"),
        _text(rec, "baseline", ""),
        _text(rec, "target", ""),
        _text(rec, "value", ""),
    )


_REQUIRED = object()


def _text(rec: dict[str, Any], field: str, default: Any = _REQUIRED) -> str:
    value = rec.get(field, default)
    if type(value) is not str:
        raise _Unsure
    return value


def _object(rec: dict[str, Any], field: str) -> dict[str, Any]:
    value = rec.get(field)
    if not isinstance(value, dict):
        raise _Unsure
    return value


def _list(rec: dict[str, Any], field: str) -> list[Any]:
    value = rec.get(field, [])
    if not isinstance(value, list):
        raise _Unsure
    return value
