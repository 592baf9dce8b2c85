"""Profile files: the non-interactive way in.

A profile file is TOML with a `[profile]` table (who the worker is and their resilience answers)
and a `[[tasks]]` array (each task's text, weekly hours and optional attributes). Values are
checked strictly: `hours_per_week = true` or `teaches_ai = "yes"` is an error naming the
field, never a guess, and every task must give its `hours_per_week`. The TUI and the
files share the same pydantic models, so both accept and reject exactly the same values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

from coach.errors import CoachError, load_toml, validate_record
from coach.models import ATTRIBUTES, Profile, ProfileFile, Task

_TOP_LEVEL = ("profile", "tasks")

HEADER = """\
# coach profile: who you are, your answers, and the tasks of your week.
# Run `coach plan THIS_FILE` to get your action plan.
#
# [profile] role, function, level (individual | senior | lead | manager |
#   manager-of-managers | executive), money_link (yes | partly | no | unknown),
#   ai_use (never | monthly | weekly | daily), teaches_ai (true | false),
#   assets_owned (any of data-quality, customer-relationships, cross-functional-execution)
# [[tasks]] text, hours_per_week, and optionally true/false for:
#   {attributes}
""".format(attributes=", ".join(ATTRIBUTES))


def parse_profile(data: dict[str, Any], where: str) -> ProfileFile:
    """Validate parsed TOML as a profile file; errors name `where`, the task number and field."""
    unknown = sorted(set(data) - set(_TOP_LEVEL))
    if unknown:
        raise CoachError(
            f"{where}: unknown key or table {unknown[0]!r}; "
            "a profile file has a [profile] table and [[tasks]] entries"
        )
    raw_profile = data.get("profile", {})
    if not isinstance(raw_profile, dict):
        raise CoachError(f"{where}: 'profile' must be a table: write it as [profile]")
    profile = validate_record(Profile, raw_profile, f"{where}: [profile]", strict=True)
    raw_tasks = data.get("tasks", [])
    if not isinstance(raw_tasks, list):
        raise CoachError(f"{where}: 'tasks' must be an array of tables: write each as [[tasks]]")
    tasks: list[Task] = []
    problems: list[str] = []
    for number, raw in enumerate(raw_tasks, start=1):
        label = f"{where}: task #{number}"
        if not isinstance(raw, dict):
            problems.append(f"{label}: expected a table with text and hours_per_week")
            continue
        if "text" not in raw:
            problems.append(f"{label}: field 'text': missing; every task needs its text")
            continue
        try:
            task = validate_record(Task, raw, label, strict=True)
        except CoachError as exc:
            problems.append(str(exc))
            continue
        if "hours_per_week" not in raw:
            problems.append(
                f"{label}: field 'hours_per_week': missing; give the hours it takes a typical "
                "week (0 if none)"
            )
            continue
        tasks.append(task)
    if problems:
        raise CoachError("\n".join(problems))
    return ProfileFile(profile=profile, tasks=tasks)


def load_profile(path: Path) -> ProfileFile:
    """Read and validate a profile file, or raise CoachError naming the file, task and field."""
    path = Path(path)
    return parse_profile(load_toml(path), str(path))


def profile_to_dict(pf: ProfileFile) -> dict[str, Any]:
    """The plain data of a profile file, without unset values (TOML has no null)."""
    profile = pf.profile.model_dump(mode="json", exclude_none=True)
    tasks = []
    for task in pf.tasks:
        row: dict[str, Any] = {"text": task.text, "hours_per_week": float(task.hours_per_week)}
        for name, value in task.attributes().items():
            if value is not None:
                row[name] = value
        if task.supplemental:
            row["supplemental"] = True
        tasks.append(row)
    return {"profile": profile, "tasks": tasks}


def dump_profile(pf: ProfileFile) -> str:
    """TOML text in the profile-file format; `load_profile` reads it back to an equal value."""
    body = tomli_w.dumps(profile_to_dict(pf))
    return f"{HEADER}\n{body}"
