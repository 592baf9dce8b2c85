"""The TUI's controller: the check-in being edited, and every call into the core.

Screens read and change the session; the session asks the core (rules, scoring, plan, export,
store) and never touches a widget. Heavy core modules are imported inside methods so that the
first screen paints before they load.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coach.models import (
        AssessedTask,
        Assessment,
        CheckIn,
        CheckInDiff,
        Plan,
        ProfileFile,
        Task,
        Verdict,
    )
    from coach.rules import RuleTable
    from coach.settings import Settings

PLAUSIBLE_WEEK = (20.0, 60.0)
"""Total weekly hours outside this range get a gentle warning (never a block)."""


@dataclass
class RoleChoice:
    """A role as the role step shows it: enough to list, preview and pre-fill."""

    id: str
    title: str
    function: str
    summary: str
    tasks: list[Task] = field(default_factory=list)
    source: Any = None


@dataclass
class HomeInfo:
    """What the first screen needs from the store, loaded after the first paint."""

    latest: CheckIn | None = None
    count: int = 0
    draft: ProfileFile | None = None
    next_due: dt.date | None = None


class Session:
    """One run of the app: settings, the store (opened lazily), and the check-in in progress."""

    def __init__(
        self,
        settings: Settings,
        store: Any = None,
        *,
        today: dt.date | None = None,
        rules: RuleTable | None = None,
    ) -> None:
        self.settings = settings
        self._store = store
        self.today = today or dt.date.today()
        self._table = rules
        self._pf: ProfileFile | None = None
        self.previous: CheckIn | None = None
        # True when this check-in started from the previous one's answers and tasks.
        self.carried_over = False
        self._verdicts: dict[str, Verdict] = {}
        self._undo: list[tuple[int, Task]] = []
        self.dirty = False
        self.last_saved: CheckIn | None = None
        self._catalog: Any = None

    # --- core objects, loaded on first use ------------------------------------------------

    @property
    def store(self) -> Any:
        if self._store is None:
            from coach.store import Store

            self._store = Store.open(self.settings)
        return self._store

    @property
    def table(self) -> RuleTable:
        if self._table is None:
            from coach.rules import load_rules

            self._table = load_rules(self.settings.rules_path)
        return self._table

    @property
    def pf(self) -> ProfileFile:
        if self._pf is None:
            from coach.models import ProfileFile

            self._pf = ProfileFile()
        return self._pf

    def store_exists(self) -> bool:
        """Cheap check used to pick the first screen without opening the store. Backups
        without a store count: opening it then says the store is missing, not empty."""
        return (
            self._store is not None
            or self.settings.store_path.exists()
            or any(self.settings.backups_dir.glob("coach-*.json"))
        )

    def load_home(self) -> HomeInfo:
        """Open the store and read what the welcome or dashboard screen shows."""
        from coach.calendar import next_checkin_due

        store = self.store
        checkins = store.checkins()
        latest = checkins[-1] if checkins else None
        due = next_checkin_due(latest.date) if latest else None
        return HomeInfo(latest=latest, count=len(checkins), draft=store.load_draft(), next_due=due)

    # --- starting a check-in ----------------------------------------------------------------

    def start_blank(self) -> None:
        from coach.models import ProfileFile

        self._pf = ProfileFile()
        self.previous = self.store.latest() if self.store_exists() else None
        self.carried_over = False
        self._changed()

    def start_from_previous(self, previous: CheckIn) -> None:
        """This quarter's check-in starts from last quarter's answers and tasks."""
        from coach.models import ProfileFile

        tasks = [a.task.model_copy() for a in previous.assessment.tasks]
        self._pf = ProfileFile(profile=previous.profile.model_copy(), tasks=tasks)
        self.previous = previous
        self.carried_over = True
        self._changed()

    def resume(self, draft: ProfileFile, previous: CheckIn | None = None) -> None:
        self._pf = draft.model_copy(deep=True)
        self.previous = previous
        self.dirty = False

    # --- profile ----------------------------------------------------------------------------

    def update_profile(self, **values: Any) -> None:
        """Change profile answers; raises CoachError naming the field when a value is invalid."""
        from coach.errors import validate_record
        from coach.models import Profile

        data = self.pf.profile.model_dump()
        data.update(values)
        profile = validate_record(Profile, data, "profile")
        if profile != self.pf.profile:
            self.pf.profile = profile
            self._changed()

    # --- roles ------------------------------------------------------------------------------

    def roles(self, query: str = "", limit: int = 30) -> list[RoleChoice]:
        """Catalog roles matching `query` (typo-tolerant), or the whole catalog for no query."""
        from coach.roles import load_catalog, search_roles

        if self._catalog is None:
            self._catalog = load_catalog()
        catalog = self._catalog
        found = search_roles(catalog, query, limit=limit) if query.strip() else catalog.roles
        return [
            RoleChoice(r.id, r.title, r.function, getattr(r, "summary", ""), list(r.tasks), r)
            for r in found[:limit]
        ]

    def apply_role(self, choice: RoleChoice) -> None:
        """Take the role's typical tasks (and its title and function if not set yet)."""
        profile = self.pf.profile
        updates: dict[str, Any] = {"role_id": choice.id}
        if not profile.role:
            updates["role"] = choice.title
        if not profile.function:
            updates["function"] = choice.function
        self.update_profile(**updates)
        self.pf.tasks = [t.model_copy() for t in choice.tasks]
        self._changed()

    def import_onet(self, path: Path, occupation: str) -> int:
        """Replace the tasks with an O*NET occupation's; returns how many were imported."""
        from coach.onet import import_onet

        imported = import_onet(path, occupation)
        self.pf.tasks = list(imported.tasks)
        if not self.pf.profile.role:
            self.update_profile(role=imported.profile.role, function=imported.profile.function)
        self._changed()
        return len(imported.tasks)

    # --- tasks ------------------------------------------------------------------------------

    @property
    def tasks(self) -> list[Task]:
        return self.pf.tasks

    def make_task(self, text: str, hours: str | float, base: Task | None = None) -> Task:
        """Validate a task from form input; CoachError says which field to fix."""
        from coach.errors import CoachError, validate_record
        from coach.models import Task, clean_text

        if not clean_text(text):
            raise CoachError("task: describe the task in a few words (it is empty)")
        if not str(hours).strip():
            raise CoachError("task: give the hours per week it takes, e.g. 4 (0 if it is rare)")
        try:
            hours_value = float(str(hours).strip())
        except ValueError:
            raise CoachError(f"task: hours per week must be a number (got {hours!r})") from None
        data = base.model_dump() if base else {}
        data.update(text=text, hours_per_week=hours_value)
        return validate_record(Task, data, "task")

    def add_task(self, task: Task, at: int | None = None) -> int:
        index = len(self.tasks) if at is None else max(0, min(at, len(self.tasks)))
        self.tasks.insert(index, task)
        self._changed()
        return index

    def replace_task(self, index: int, task: Task) -> None:
        self.tasks[index] = task
        self._changed()

    def delete_task(self, index: int) -> Task:
        task = self.tasks.pop(index)
        self._undo.append((index, task))
        self._changed()
        return task

    def undo_delete(self) -> int | None:
        if not self._undo:
            return None
        index, task = self._undo.pop()
        return self.add_task(task, index)

    def move_task(self, index: int, delta: int) -> int:
        target = index + delta
        if not (0 <= index < len(self.tasks) and 0 <= target < len(self.tasks)):
            return index
        tasks = self.tasks
        tasks[index], tasks[target] = tasks[target], tasks[index]
        self._changed()
        return target

    def cycle_attribute(self, index: int, name: str) -> bool | None:
        """Unset -> yes -> no -> unset. Returns the new value."""
        task = self.tasks[index]
        value = {None: True, True: False, False: None}[getattr(task, name)]
        self.tasks[index] = task.model_copy(update={name: value})
        self._changed()
        return value

    def verdict(self, task: Task) -> Verdict:
        key = task.model_dump_json()
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = self.table.classify(task)
        return verdict

    def assessment(self) -> Assessment:
        from coach.scoring import assess

        return assess(self.tasks, [self.verdict(t) for t in self.tasks])

    def riskiest(self, assessment: Assessment, limit: int = 3) -> list[AssessedTask]:
        """The biggest chunks of displacement work, most hours first."""
        from coach.models import Exposure

        exposed = [a for a in assessment.tasks if a.verdict.exposure == Exposure.DISPLACEMENT]
        return sorted(exposed, key=lambda a: -a.task.hours_per_week)[:limit]

    def total_hours(self) -> float:
        return round(sum(t.hours_per_week for t in self.tasks), 2)

    def hours_warning(self) -> str | None:
        """A gentle note when the week's hours look implausible; None when they look fine."""
        if not self.tasks:
            return None
        total = self.total_hours()
        low, high = PLAUSIBLE_WEEK
        if total == 0:
            return "No hours yet: give each task its hours per week so the shares mean something."
        if total < low:
            return (
                f"These tasks add up to {total:g} h a week. If that is part-time, fine; "
                "otherwise a task may be missing."
            )
        if total > high:
            return (
                f"These tasks add up to {total:g} h a week, more than most full weeks. "
                "Check the hours if that looks high."
            )
        return None

    # --- plan and export --------------------------------------------------------------------

    def quarter(self) -> str:
        from coach.calendar import quarter_of

        return quarter_of(self.today)

    def default_export_path(self, cwd: Path | None = None) -> Path:
        return (cwd or Path.cwd()) / f"coach-plan-{self.quarter()}.md"

    def draft_checkin(self) -> tuple[CheckIn, Plan]:
        """The check-in this session would save, and its plan (with "since last quarter")."""
        from coach.checkins import new_checkin, plan_of

        checkin = new_checkin(self.pf, self.table, today=self.today, previous=self.previous)
        return checkin, plan_of(checkin, self.previous)

    def plan_markdown(self) -> str:
        from coach.export import render_markdown

        return render_markdown(self.draft_checkin()[1])

    def export(self, path: Path, *, force: bool = False) -> CheckIn:
        """Write the plan to `path`, then save the check-in and clear the draft.

        The file is written first: if that fails nothing is stored, so the user can retry.
        """
        from coach.export import render_markdown, write_text_atomic

        checkin, plan = self.draft_checkin()
        write_text_atomic(path, render_markdown(plan), force=force)
        saved = self.store.add_checkin(checkin)
        self.store.clear_draft()
        self.dirty = False
        self.last_saved = saved
        self.previous = saved
        return saved

    # --- history ----------------------------------------------------------------------------

    def checkins(self) -> list[CheckIn]:
        return self.store.checkins() if self.store_exists() else []

    def diff(self, old: CheckIn, new: CheckIn) -> CheckInDiff:
        from coach.compare import diff_checkins

        return diff_checkins(old, new)

    def set_action_status(self, checkin: CheckIn, action_id: str, status: str) -> CheckIn:
        actions = [
            a.model_copy(update={"status": status}) if a.id == action_id else a
            for a in checkin.actions
        ]
        updated = checkin.model_copy(update={"actions": actions})
        self.store.update_checkin(updated)
        return updated

    def set_metric(
        self, checkin: CheckIn, action_id: str, baseline: str, target: str, value: str
    ) -> CheckIn:
        """Record the worker's numbers for a metric action of a stored check-in."""
        from coach.checkins import with_metric

        updated = with_metric(checkin, action_id, baseline=baseline, target=target, value=value)
        self.store.update_checkin(updated)
        return updated

    # --- draft ------------------------------------------------------------------------------

    def _changed(self) -> None:
        self.dirty = True

    def has_content(self) -> bool:
        return self._pf is not None and (bool(self._pf.tasks) or bool(self._pf.profile.role))

    def save_draft(self) -> bool:
        """Save the in-progress check-in so quitting never loses it. True when written."""
        if not (self.dirty and self.has_content()):
            return False
        self.store.save_draft(self.pf)
        self.dirty = False
        return True
