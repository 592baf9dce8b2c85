"""One task of the week as the plan builder sees it: the task, its advice, its phrases.

Apart from `coach.plan_text`, which the dashboard's first frame reads (for how an action's
source reads): a dataclass costs that frame about as much to define as a widget does to draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coach.plan_text import hours_text

if TYPE_CHECKING:
    from coach.models import AssessedTask, Exposure
    from coach.playbook import Work


@dataclass
class TaskView:
    """One task of the week with the advice that fits what it works on."""

    at: AssessedTask
    work: Work
    object: str
    doing: str = ""
    """The task as a gerund phrase ('analyzing trends'), for sentences about the activity."""

    @property
    def text(self) -> str:
        return self.at.task.text

    @property
    def hours(self) -> float:
        return self.at.task.hours_per_week

    @property
    def exposure(self) -> Exposure:
        return self.at.verdict.exposure

    def fill(self, template: str, **extra: object) -> str:
        values = {
            "task": self.text,
            "object": self.object,
            "doing": self.doing or f"working on {self.object}",
            "hours": hours_text(self.hours),
            "tool": self.work.tool,
            "checks": self.work.checks,
            "metric": "",
            "saved": "",
        }
        values["takes_over"] = self.work.takes_over.format(object=self.object)
        values["checks"] = self.work.checks.format(object=self.object)
        values.update({k: str(v) for k, v in extra.items()})
        return template.format_map(_Blank(values))


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""
