"""Progress on a check-in's plan: action statuses, metric numbers, notes and evidence.

Each function takes a check-in and returns a changed copy, so the store can apply it to the
record as it is on disk (`Store.change_checkin`) and nothing else is overwritten.
Actions are named on the command line by a short id: the first characters of a hash of the
action's stable id, so the same action keeps its short id from one quarter to the next.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import get_args

from coach.checkins import with_metric
from coach.errors import CoachError
from coach.models import EXTRA_LABEL, Action, ActionStatus, CheckIn, Evidence, clean_text

SHORT_ID_LENGTH = 6
STATUSES: tuple[str, ...] = get_args(ActionStatus)


def current_checkin(checkins: list[CheckIn]) -> CheckIn | None:
    """This quarter's check-in, where progress and evidence go: the newest quarter's own one
    (an extra one if that quarter has only extras)."""
    if not checkins:
        return None
    newest = max(c.quarter for c in checkins)
    mine = [c for c in checkins if c.quarter == newest]
    return ([c for c in mine if c.label != EXTRA_LABEL] or mine)[-1]


def short_id(action_id: str) -> str:
    return hashlib.sha1(action_id.encode()).hexdigest()[:SHORT_ID_LENGTH]


def find_action(checkin: CheckIn, wanted: str) -> Action:
    """The action named by its short id, full id or a unique prefix of either."""
    wanted = wanted.strip()
    for action in checkin.actions:
        if wanted in (action.id, short_id(action.id)):
            return action
    found = [
        a for a in checkin.actions if a.id.startswith(wanted) or short_id(a.id).startswith(wanted)
    ]
    if len(found) == 1 and wanted:
        return found[0]
    where = f"check-in {checkin.id} ({checkin.quarter})"
    if not found or not wanted:
        raise CoachError(f"{where}: no action {wanted!r}; `coach actions` lists their ids")
    raise CoachError(f"{where}: {wanted!r} names {len(found)} actions; give more of the id")


def metric_entry(checkin: CheckIn, action_id: str):
    return next((m for m in checkin.metrics if m.action_id == action_id), None)


def set_progress(
    checkin: CheckIn,
    action_id: str,
    *,
    status: str | None = None,
    baseline: str | None = None,
    target: str | None = None,
    latest: str | None = None,
    note: str | None = None,
) -> CheckIn:
    """The check-in with one action's status, numbers or note changed (None leaves a field)."""
    action = next((a for a in checkin.actions if a.id == action_id), None)
    if action is None:
        raise CoachError(f"check-in {checkin.id}: no action with id {action_id!r}")
    if status is not None:
        if status not in STATUSES:
            raise CoachError(f"status: use one of {', '.join(STATUSES)} (got {status!r})")
        actions = [
            a.model_copy(update={"status": status}) if a.id == action_id else a
            for a in checkin.actions
        ]
        checkin = checkin.model_copy(update={"actions": actions})
    if any(v is not None for v in (baseline, target, latest)):
        if action.section != "metrics":
            raise CoachError(
                f"action {short_id(action_id)} ({action.title}): baseline, target and latest "
                "are for metric actions (section 1 of the plan); use --note here"
            )
        entry = metric_entry(checkin, action_id)
        checkin = with_metric(
            checkin,
            action_id,
            baseline=entry.baseline if baseline is None and entry else baseline or "",
            target=entry.target if target is None and entry else target or "",
            value=entry.value if latest is None and entry else latest or "",
        )
    if note is not None:
        notes = dict(checkin.notes)
        if clean_text(note):
            notes[action_id] = clean_text(note)
        else:
            notes.pop(action_id, None)
        checkin = checkin.model_copy(update={"notes": notes})
    return checkin


def add_evidence(
    checkin: CheckIn,
    text: str,
    *,
    day: dt.date,
    action_id: str | None = None,
    value: str = "",
) -> CheckIn:
    """The check-in with one more dated piece of evidence (text must not be blank)."""
    from coach.errors import validate_record

    if not clean_text(text):
        raise CoachError("evidence: say what you did, e.g. 'cut the weekly report from 6 h to 1 h'")
    if action_id is not None and all(a.id != action_id for a in checkin.actions):
        raise CoachError(f"check-in {checkin.id}: no action with id {action_id!r}")
    entry = validate_record(
        Evidence,
        {"date": day, "text": text, "action_id": action_id, "value": value},
        "evidence",
    )
    return checkin.model_copy(update={"evidence": [*checkin.evidence, entry]})
