"""Small text helpers for the plan: normalised task keys for stable ids, short task names."""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.models import AssessedTask

SHORT_TASK = 80


def normalise(text: str) -> str:
    """Lower-case words only, so punctuation and spacing changes keep the same id."""
    return " ".join(re.findall(r"\w+", text.lower()))


def task_key(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:8]


def short(text: str, limit: int = SHORT_TASK) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def hours_text(hours: float) -> str:
    return f"{round(hours, 1):g}"


def by_weight(tasks: list[AssessedTask]) -> list[AssessedTask]:
    """Heaviest tasks first; equal hours in the order of their normalised text."""
    return sorted(tasks, key=lambda at: (-at.task.hours_per_week, normalise(at.task.text)))


def counted(n: int, noun: str) -> str:
    """'1 check-in', '2 check-ins': a count with its noun in the right number."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def task_source(at: AssessedTask) -> str:
    return f"task: {short(at.task.text)}"


def word_match(pattern: str, words: set[str]) -> bool:
    return any(w == pattern or (len(pattern) >= 4 and w.startswith(pattern)) for w in words)
