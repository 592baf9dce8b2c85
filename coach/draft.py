"""The check-in in progress: one pure object that the CLI and the TUI both edit and save.

A draft owns the profile answers, the week's tasks (with undo for deletions), the verdicts of
its tasks and the plan. Every edit bumps `revision` and tells the observers once; the
assessment and the plan are built at most once per revision, on first use. Nothing here
imports Textual: the TUI subscribes with `observe` and turns the call into one message.

Saving goes through the store's `save_quarter`, which re-reads the store under its lock: the
draft is compared with the check-in of the quarter before as it is on disk then, and the
quarter's own check-in, if there is one, is updated rather than duplicated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coach.calendar import quarter_of
from coach.errors import CoachError, validate_record
from coach.models import (
    AssessedTask,
    Assessment,
    CheckIn,
    Exposure,
    Plan,
    PlanRecord,
    Profile,
    ProfileFile,
    Task,
    Verdict,
    clean_text,
)

PLAUSIBLE_WEEK = (20.0, 60.0)
"""Total weekly hours outside this range get a gentle warning (never a block)."""

Classify = Callable[[Task], Verdict]
Observer = Callable[[int], None]
OWN_PREVIOUS: Any = object()
"""`Draft.build`'s default: compare with the draft's own previous check-in."""


def make_task(text: str, hours: str | float, base: Task | None = None) -> Task:
    """Validate a task from form input; CoachError says which field to fix."""
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


@dataclass(frozen=True)
class Built:
    """What one revision of the draft gives against one previous check-in."""

    checkin: CheckIn
    plan: Plan
    previous: CheckIn | None


class Draft:
    """Profile, tasks, verdicts and the plan of the check-in being made."""

    def __init__(
        self,
        profile_file: ProfileFile | None = None,
        *,
        classify: Classify,
        today: dt.date | None = None,
        previous: CheckIn | None = None,
        carried_over: bool = False,
        playbook: Any = None,
    ) -> None:
        self._file = profile_file.model_copy(deep=True) if profile_file else ProfileFile()
        self._classify = classify
        self.today = today or dt.date.today()
        self.previous = previous
        self.carried_over = carried_over
        """True when this check-in started from the previous one's answers and tasks."""
        self.playbook = playbook
        self.revision = 0
        self.saved_revision = -1
        """A new draft is unsaved; `mark_saved` after saving it or loading it from the store."""
        self._undo: list[tuple[int, Task]] = []
        self._verdicts: dict[str, Verdict] = {}
        self._assessment: Assessment | None = None
        self._built: Built | None = None
        self._observers: list[Observer] = []

    # --- observing ----------------------------------------------------------------------

    def observe(self, observer: Observer) -> None:
        """Call `observer(revision)` after every change."""
        self._observers.append(observer)

    def _changed(self) -> None:
        self.revision += 1
        self._assessment = None
        self._built = None
        for observer in self._observers:
            observer(self.revision)

    @property
    def dirty(self) -> bool:
        """Changed since it was last saved (as a draft or as a check-in)."""
        return self.revision != self.saved_revision

    def mark_saved(self) -> None:
        self.saved_revision = self.revision

    # --- reading ------------------------------------------------------------------------

    @property
    def profile_file(self) -> ProfileFile:
        """The answers and tasks; read it, change it only through the methods below."""
        return self._file

    @property
    def profile(self) -> Profile:
        return self._file.profile

    @property
    def tasks(self) -> list[Task]:
        return list(self._file.tasks)

    @property
    def quarter(self) -> str:
        return quarter_of(self.today)

    def has_content(self) -> bool:
        return bool(self._file.tasks) or bool(self._file.profile.role)

    def verdict(self, task: Task) -> Verdict:
        key = task.model_dump_json()
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = self._classify(task)
        return verdict

    def assessment(self) -> Assessment:
        if self._assessment is None:
            from coach.scoring import assess

            tasks = self._file.tasks
            self._assessment = assess(tasks, [self.verdict(t) for t in tasks])
        return self._assessment

    def riskiest(self, limit: int = 3) -> list[AssessedTask]:
        """The biggest chunks of displacement work, most hours first."""
        tasks = self.assessment().tasks
        exposed = [a for a in tasks if a.verdict.exposure == Exposure.DISPLACEMENT]
        return sorted(exposed, key=lambda a: -a.task.hours_per_week)[:limit]

    def total_hours(self) -> float:
        return round(sum(t.hours_per_week for t in self._file.tasks), 2)

    def hours_warning(self) -> str | None:
        """A gentle note when the week's hours look implausible; None when they look fine."""
        if not self._file.tasks:
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

    # --- editing ------------------------------------------------------------------------

    def update_profile(self, **values: Any) -> None:
        """Change profile answers; raises CoachError naming the field when a value is invalid."""
        data = self._file.profile.model_dump()
        data.update(values)
        profile = validate_record(Profile, data, "profile")
        if profile != self._file.profile:
            self._file.profile = profile
            self._changed()

    def apply_role(self, role_id: str, title: str, function: str, tasks: list[Task]) -> None:
        """Take a catalog role's typical tasks (and its title and function if not set yet)."""
        updates: dict[str, Any] = {"role_id": role_id}
        if not self.profile.role:
            updates["role"] = title
        if not self.profile.function:
            updates["function"] = function
        data = self._file.profile.model_dump()
        data.update(updates)
        self._file.profile = validate_record(Profile, data, "profile")
        self._file.tasks = [t.model_copy() for t in tasks]
        self._changed()

    def set_tasks(self, tasks: list[Task], *, role: str = "", function: str = "") -> None:
        """Replace every task (e.g. from an O*NET import); role and function fill blanks."""
        data = self._file.profile.model_dump()
        if role and not data["role"]:
            data.update(role=role, function=function or data["function"])
        self._file.profile = validate_record(Profile, data, "profile")
        self._file.tasks = [t.model_copy() for t in tasks]
        self._changed()

    def add_task(self, task: Task, at: int | None = None) -> int:
        tasks = self._file.tasks
        index = len(tasks) if at is None else max(0, min(at, len(tasks)))
        tasks.insert(index, task)
        self._changed()
        return index

    def replace_task(self, index: int, task: Task) -> None:
        self._file.tasks[index] = task
        self._changed()

    def delete_task(self, index: int) -> Task:
        task = self._file.tasks.pop(index)
        self._undo.append((index, task))
        self._changed()
        return task

    def undo_delete(self) -> int | None:
        if not self._undo:
            return None
        index, task = self._undo.pop()
        return self.add_task(task, index)

    def move_task(self, index: int, delta: int) -> int:
        tasks = self._file.tasks
        target = index + delta
        if not (0 <= index < len(tasks) and 0 <= target < len(tasks)):
            return index
        tasks[index], tasks[target] = tasks[target], tasks[index]
        self._changed()
        return target

    def cycle_attribute(self, index: int, name: str) -> bool | None:
        """Unset -> yes -> no -> unset. Returns the new value."""
        task = self._file.tasks[index]
        value = {None: True, True: False, False: None}[getattr(task, name)]
        self._file.tasks[index] = task.model_copy(update={name: value})
        self._changed()
        return value

    # --- the check-in and its plan ------------------------------------------------------

    def build(self, previous: CheckIn | None = OWN_PREVIOUS) -> Built:
        """The check-in and plan of this revision, compared with `previous` (default: the
        draft's). Built once per revision and previous check-in; later calls reuse it."""
        prev = self.previous if previous is OWN_PREVIOUS else previous
        cached = self._built
        if cached is not None and cached.previous == prev:
            return cached
        from coach.checkins import carry_metrics, make_id
        from coach.compare import diff_checkins
        from coach.plan import build_plan

        assessment = self.assessment()
        plan = build_plan(
            self.profile,
            assessment,
            playbook=self.playbook,
            today=self.today,
            previous_actions=list(prev.actions) if prev else None,
            previous=prev,
        )
        actions = list(plan.actions)  # statuses carried over by build_plan, once
        checkin = CheckIn(
            id=make_id(self.today),
            date=self.today,
            quarter=self.quarter,
            profile=self.profile,
            assessment=assessment,
            actions=actions,
            metrics=carry_metrics(actions, prev),
            notes=dict(prev.notes) if prev else {},
            plan=PlanRecord(
                next_checkin=plan.next_checkin,
                strengths=list(plan.strengths),
                next_90_days=list(plan.next_90_days),
                summary=plan.summary,
                progress=list(plan.progress),
                moved=list(plan.moved),
            ),
        )
        since = diff_checkins(prev, checkin) if prev is not None else None
        plan = plan.model_copy(
            update={"actions": actions, "metrics": list(checkin.metrics), "since": since}
        )
        self._built = Built(checkin=checkin, plan=plan, previous=prev)
        return self._built

    def plan(self) -> Plan:
        return self.build().plan

    def save(self, store: Any, *, new: bool = False, before_write: Any = None) -> Any:
        """Save this revision as the quarter's check-in (see `Store.save_quarter`).

        The comparison is made with the store as it is under the lock, so a check-in another
        coach saved meanwhile counts. `before_write(saved, previous)` runs under the lock just
        before the store is written (the TUI writes the Markdown file there); if it raises,
        nothing is stored. Returns the store's `Saved`.
        """
        result = store.save_quarter(
            lambda prev: self.build(prev).checkin,
            quarter=self.quarter,
            new=new,
            before_write=before_write,
        )
        self.previous = result.previous
        self.mark_saved()
        return result
