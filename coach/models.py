"""The data coach works with, validated by pydantic at every boundary.

Files, store records, CLI input and TUI forms all pass through these models, so a bad value
is caught where it enters and reported with its field name.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = 1


class Exposure(StrEnum):
    """The article's three classes of work today."""

    DISPLACEMENT = "displacement"
    AUGMENTATION = "augmentation"
    NOT_READY = "not-ready"

    @property
    def label(self) -> str:
        return {
            "displacement": "Displacement",
            "augmentation": "Augmentation",
            "not-ready": "Not ready",
        }[self.value]


ATTRIBUTES: dict[str, str] = {
    "repetitive": "Repetitive: the same steps most times",
    "structured_data": "Works on structured data (tables, forms, tickets)",
    "clear_guardrails": "Clear guardrails: rules or checklists define a good result",
    "high_stakes": "High stakes: a mistake costs money, safety or reputation",
    "novel": "Novel: new ground, research or invention",
    "ambiguous": "Ambiguous: the goal itself is unclear",
    "safety_critical": "Safety-critical: people or systems can be hurt",
    "human_context": "Needs human context or relationships",
}
"""Task attributes the article treats as decisive, with a label for forms and help."""

ScarceAsset = Literal["data-quality", "customer-relationships", "cross-functional-execution"]
SCARCE_ASSETS: dict[str, str] = {
    "data-quality": "Data quality",
    "customer-relationships": "Customer relationships",
    "cross-functional-execution": "Cross-functional execution",
}

Level = Literal["individual", "senior", "lead", "manager", "manager-of-managers", "executive"]
LEVELS: dict[str, str] = {
    "individual": "Individual contributor",
    "senior": "Senior individual contributor",
    "lead": "Team or tech lead",
    "manager": "Manager of individual contributors",
    "manager-of-managers": "Manager of managers",
    "executive": "Executive",
}
MoneyLink = Literal["yes", "partly", "no", "unknown"]
AIUse = Literal["never", "monthly", "weekly", "daily"]

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = dict.fromkeys([*range(9), *range(11, 32), 127, *range(0x80, 0xA0)])
_CONTROL[9] = " "
_CONTROL[10] = " "


def clean_text(value: str) -> str:
    """Drop ANSI escape sequences and control characters, and trim; keep all printable text."""
    return _ANSI.sub("", value).translate(_CONTROL).strip()


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


class Task(_Model):
    """One task of the worker's week. Attributes are None when the worker has not said."""

    text: Annotated[str, Field(min_length=1, max_length=20_000)]
    hours_per_week: Annotated[float, Field(ge=0, le=168)] = 0.0
    repetitive: bool | None = None
    structured_data: bool | None = None
    clear_guardrails: bool | None = None
    high_stakes: bool | None = None
    novel: bool | None = None
    ambiguous: bool | None = None
    safety_critical: bool | None = None
    human_context: bool | None = None
    supplemental: bool = False

    @field_validator("text", mode="before")
    @classmethod
    def _clean(cls, v: object) -> object:
        return clean_text(v) if isinstance(v, str) else v

    def attributes(self) -> dict[str, bool | None]:
        return {name: getattr(self, name) for name in ATTRIBUTES}


class Verdict(_Model):
    """Why a task landed in its class: the deciding rule, its article basis and a one-line why.

    A verdict is a value: frozen, so one handed out by the classifier's memo cannot be changed.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    exposure: Exposure
    rule: str
    basis: str
    reason: str
    confidence: Annotated[float, Field(ge=0, le=1)]
    why: str
    also: list[str] = Field(default_factory=list)
    """Other rules that matched, strongest first, for the detail view."""


class Profile(_Model):
    """Who the worker is and the resilience answers the article makes matter."""

    role: Annotated[str, Field(max_length=200)] = ""
    function: Annotated[str, Field(max_length=200)] = ""
    level: Level = "individual"
    role_id: str | None = None
    money_link: MoneyLink = "unknown"
    """Is the work tied to a money metric (revenue, cost or risk)?"""
    ai_use: AIUse = "never"
    teaches_ai: bool = False
    assets_owned: list[ScarceAsset] = Field(default_factory=list)

    @field_validator("role", "function", mode="before")
    @classmethod
    def _clean(cls, v: object) -> object:
        return clean_text(v) if isinstance(v, str) else v

    @field_validator("assets_owned")
    @classmethod
    def _dedupe(cls, v: list[str]) -> list[str]:
        return sorted(set(v))

    @property
    def manages_managers(self) -> bool:
        return self.level in ("manager-of-managers", "executive")


class ProfileFile(_Model):
    """The TOML profile format: a [profile] table and a [[tasks]] array."""

    profile: Profile = Field(default_factory=Profile)
    tasks: list[Task] = Field(default_factory=list)


class AssessedTask(_Model):
    task: Task
    verdict: Verdict


class Assessment(_Model):
    """A week scored: each task's verdict and the role-level numbers (see scoring.py)."""

    tasks: list[AssessedTask]
    shares: dict[Exposure, float]
    """Share of weekly hours in each class, 0..1, summing to 1 when there are tasks."""
    exposure_index: Annotated[int, Field(ge=0, le=100)]
    total_hours: float


ActionStatus = Literal["todo", "doing", "done", "dropped"]
PlanSection = Literal["metrics", "ai-workflows", "guardrails", "scarce-assets", "skills", "pivots"]


class Action(_Model):
    """One thing to do. `id` is stable: the same situation gives the same id next quarter."""

    id: str
    section: PlanSection
    title: str
    detail: str = ""
    basis: str
    """The article section the advice comes from."""
    source: str
    """What in the worker's answers or tasks it is for, e.g. 'task: Answer tickets'."""
    task: str | None = None
    hours_saved: float | None = None
    status: ActionStatus = "todo"
    kind: str | None = None
    """Finer kind within the section, e.g. 'cost-out' for a metric or 'assist' for a workflow."""
    steps: list[str] = Field(default_factory=list)
    """Concrete sub-steps, e.g. the four controls of a guardrail action."""
    done: str = ""
    """The definition of done: how the worker knows the action is finished."""
    evidence: str = ""
    """What to keep to show the result at the check-in."""
    effort: str = ""
    """The time the action takes."""


class MetricEntry(_Model):
    action_id: str
    baseline: str = ""
    target: str = ""
    value: str = ""


class Milestone(_Model):
    week: Annotated[int, Field(ge=1, le=14)]
    action_id: str
    title: str


class Evidence(_Model):
    """A dated piece of proof of a result, e.g. "cut the weekly report from 6 h to 1 h"."""

    date: dt.date
    text: Annotated[str, Field(min_length=1, max_length=2_000)]
    action_id: str | None = None
    """The plan action it shows progress on, if any."""
    value: Annotated[str, Field(max_length=200)] = ""
    """A number that goes with it, e.g. "$40k" or "5 h a week"."""

    @field_validator("text", "value", mode="before")
    @classmethod
    def _clean(cls, v: object) -> object:
        return clean_text(v) if isinstance(v, str) else v


class Move(_Model):
    """One of the top moves on the plan's first page, with the score that chose it."""

    kind: str
    title: str
    text: str
    score: float
    action_id: str | None = None


class PlanSummary(_Model):
    """The plan's first page: what the index means, the top moves, one number, one talk."""

    index_text: str
    context: str
    moves: list[Move] = Field(default_factory=list)
    track_title: str = ""
    track_text: str = ""
    track_action_id: str | None = None
    talk: str = ""
    script: str = ""


class TaskMove(_Model):
    """A task whose hours or class changed since the previous check-in."""

    task: str
    hours_before: float
    hours_after: float
    class_before: Exposure
    class_after: Exposure


class PlanRecord(_Model):
    """What a check-in's plan said beyond its actions, kept so it renders as it was given."""

    next_checkin: dt.date
    strengths: list[str] = Field(default_factory=list)
    next_90_days: list[Milestone] = Field(default_factory=list)
    summary: PlanSummary | None = None
    progress: list[str] = Field(default_factory=list)
    moved: list[TaskMove] = Field(default_factory=list)


EXTRA_LABEL = "extra"
"""The label of a check-in saved deliberately beside the quarter's own (`--new`)."""


class CheckIn(_Model):
    """One quarterly check-in: everything needed to compare it with the next one.

    There is one per quarter; saving again in the quarter updates it. A deliberate extra one
    carries `label = "extra"`. `plan` keeps the plan as it was built at save time (None for
    check-ins saved by older versions, whose plan is rebuilt from the playbook).
    """

    schema_version: int = SCHEMA_VERSION
    id: str
    date: dt.date
    quarter: str
    profile: Profile
    assessment: Assessment
    actions: list[Action] = Field(default_factory=list)
    metrics: list[MetricEntry] = Field(default_factory=list)
    note: str = ""
    label: str = ""
    plan: PlanRecord | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    notes: dict[str, str] = Field(default_factory=dict)
    """The worker's note on an action, by action id."""


class MetricMove(_Model):
    action_id: str
    title: str
    before: str
    after: str


class CheckInDiff(_Model):
    """What moved between two check-ins (older -> newer)."""

    from_id: str
    to_id: str
    from_quarter: str
    to_quarter: str
    index_change: int
    tasks_added: list[str] = Field(default_factory=list)
    tasks_dropped: list[str] = Field(default_factory=list)
    hours_moved: dict[Exposure, float] = Field(default_factory=dict)
    """Change in weekly hours per class (newer minus older)."""
    actions_completed: list[str] = Field(default_factory=list)
    metrics_moved: list[MetricMove] = Field(default_factory=list)


class Plan(_Model):
    """The action plan as pure data; export.py turns it into Markdown."""

    profile: Profile
    assessment: Assessment
    date: dt.date
    quarter: str
    next_checkin: dt.date
    strengths: list[str] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    next_90_days: list[Milestone] = Field(default_factory=list)
    since: CheckInDiff | None = None
    metrics: list[MetricEntry] = Field(default_factory=list)
    """Baselines, targets and latest values the worker entered for the metric actions."""
    summary: PlanSummary | None = None
    progress: list[str] = Field(default_factory=list)
    """What last quarter's plan achieved: actions done, task hours that fell."""
    moved: list[TaskMove] = Field(default_factory=list)

    def section(self, name: str) -> list[Action]:
        return [a for a in self.actions if a.section == name]
