"""The entries of the playbook (`coach.playbook`): one validated model per kind of advice,
and the word matching a `[[work]]` entry uses to fit a task. Sentence templates may use only the
placeholders in PLACEHOLDERS; anything else is rejected at load time with the entry and field.
"""

from __future__ import annotations

import re
import string
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from coach.models import AIUse, Exposure, Level, MoneyLink, ScarceAsset

PLACEHOLDERS = frozenset(
    {
        "task",
        "object",
        "doing",
        "hours",
        "saved",
        "share",
        "role",
        "function",
        "level",
        "asset",
        "title",
        "reason",
        "answer",
        "index",
        "exposed",
        "total",
        "tool",
        "metric",
        "checks",
        "takes_over",
        "count",
    }
)
Text = Annotated[str, Field(min_length=3, max_length=2000)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
Pattern = Annotated[str, Field(pattern=r"^[a-z0-9&/' *-]+$", min_length=2, max_length=60)]
MoveKind = Literal["money", "workflow", "guardrails", "teach", "asset", "layers"]


def _check_template(value: str) -> str:
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
    except ValueError as exc:
        raise ValueError(
            f"bad template {value[:40]!r}: {exc} (write {{{{ for a literal brace)"
        ) from None
    for name in fields:
        if name not in PLACEHOLDERS:
            raise ValueError(
                f"unknown placeholder {{{name}}}; use one of {', '.join(sorted(PLACEHOLDERS))}"
            )
    return value


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _templates(cls, value: object) -> object:
        if isinstance(value, str):
            _check_template(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    _check_template(item)
        return value


def phrase_matches(pattern: str, words: list[str]) -> bool:
    """Does the pattern (words, each may end in `*`) appear as consecutive words of the task?"""
    parts = re.findall(r"[a-z0-9*]+", pattern)
    for start in range(len(words) - len(parts) + 1):
        for offset, part in enumerate(parts):
            word = words[start + offset]
            if part.endswith("*"):
                if not word.startswith(part[:-1]):
                    break
            elif word != part:
                break
        else:
            return True
    return False


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


class Work(_Entry):
    """Advice for tasks that work on one kind of object (tickets, SQL, contracts ...)."""

    id: Id
    objects: list[Pattern] = Field(default_factory=list)
    """Words or phrases in the task text this advice fits (`report*` matches any ending)."""
    unless: list[Pattern] = Field(default_factory=list)
    """Words that show the task is other work, even though an object matched."""
    needs: list[Pattern] = Field(default_factory=list)
    """If set, one of these must appear too ("teach*" beside "ai"): an entry for one act on one
    kind of object."""
    default_for: list[Exposure] = Field(default_factory=list)
    mode: Literal["automate", "assist", "none"]
    tool: Text
    takes_over: Text
    checks: Text
    saved_share: Annotated[float, Field(ge=0, le=0.9)] = 0.0
    metric: Text
    measure: Text
    metric_kind: Literal["revenue-lift", "cost-out", "risk-down"]
    guardrail: Id
    assets: list[ScarceAsset] = Field(default_factory=list)
    pivots: list[Id] = Field(default_factory=list)

    @model_validator(mode="after")
    def _keyed(self) -> Work:
        if not self.objects and not self.default_for:
            raise ValueError(f"[[work]] {self.id!r}: needs `objects` (or `default_for`)")
        if self.mode != "none" and self.saved_share <= 0:
            raise ValueError(f"[[work]] {self.id!r}: a workflow needs saved_share > 0")
        return self

    def fits(self, text: str) -> bool:
        words = words_of(text)
        if any(phrase_matches(p, words) for p in self.unless):
            return False
        if self.needs and not any(phrase_matches(p, words) for p in self.needs):
            return False
        return any(phrase_matches(p, words) for p in self.objects)


class Guardrail(_Entry):
    id: Id
    review: Text
    data: Text
    logging: Text
    evaluation: Text


class Ambition(_Entry):
    """How far the plan reaches for someone with this much AI experience."""

    ai_use: list[AIUse]
    pitch: Text
    experience: Annotated[float, Field(gt=0, le=1)]
    """Share of a workflow's full time back this person can expect this quarter."""
    workflows: Annotated[int, Field(ge=1, le=5)]
    """How many workflows the plan proposes this quarter."""
    steps: list[Text] = Field(min_length=1, max_length=4)
    done: Text
    evidence: Text
    effort: Text
    extra: list[Text] = Field(default_factory=list)
    """Further AI-multiplier actions for this experience (evaluation, prompt libraries)."""


class Move(_Entry):
    """One of the moves the first page can propose, with its manager conversation."""

    kind: MoveKind
    title: Text
    text: Text
    leverage: Annotated[float, Field(ge=0, le=2)]
    talk: Text
    script: Text


class Score(_Entry):
    """The documented move score: hours × exposure × leverage, plus gaps the answers show."""

    exposure: dict[Exposure, float]
    gap_money: dict[MoneyLink, float]
    gap_ai_never: float
    gap_daily_not_teaching: float
    gap_teaches: float
    gap_layers: float
    gap_asset_owned: float


class Asset(_Entry):
    id: ScarceAsset
    name: Text
    title_missing: Text
    title_owned: Text
    title_practised: Text
    individual: Text
    lead: Text
    leader: Text
    practised: Text
    """Sentence naming the task of the week where the worker already does this ({task})."""
    owned: Text
    """How to build on an asset the worker says they own."""


class SkillWhen(_Entry):
    """One way a gap shows; the skill is chosen when all fields of any of its `when` hold."""

    ai_use: list[AIUse] | None = None
    money_link: list[MoneyLink] | None = None
    teaches_ai: bool | None = None
    levels: list[Level] | None = None
    missing_asset: ScarceAsset | None = None
    min_displacement_share: Annotated[float, Field(gt=0, le=1)] | None = None
    task_attribute: str | None = None

    @field_validator("task_attribute")
    @classmethod
    def _known(cls, value: str | None) -> str | None:
        from coach.models import ATTRIBUTES

        if value is not None and value not in ATTRIBUTES:
            raise ValueError(f"unknown task attribute {value!r}; known: {', '.join(ATTRIBUTES)}")
        return value


class Skill(_Entry):
    id: Id
    title: Text
    detail: Text
    basis: Text
    when: list[SkillWhen] = Field(default_factory=list)
    fallback: bool = False
    about: Literal["ai", "heaviest"] = "ai"
    """Which task the skill is practised on: the first one AI can help with, or the heaviest."""


class Pivot(_Entry):
    id: Id
    title: Text
    what: Text
    functions: list[str] = Field(default_factory=list)
    levels: list[Level] = Field(default_factory=list)
    ai_use: list[AIUse] = Field(default_factory=list)
    why_function: Text
    why_tasks: Text
    why_level: Text
    why_ai: Text
    basis: Text
    fallback: bool = False


class Index(_Entry):
    """What the exposure index means, by band, honestly and without doom."""

    low: Text
    middle: Text
    high: Text
    context: Text


class Wording(_Entry):
    """Sentences the plan builds around the worker's own tasks and numbers."""

    favour_asset: Text
    find_number_title: Text
    find_number: Text
    find_number_steps: list[Text]
    metric_steps: list[Text]
    metric_steps_known: list[Text]
    guardrail_first: Text
    metric_done: Text
    metric_evidence: Text
    metric_effort: Text
    metric_latest: Text
    guardrail_title: Text
    workflow_title: Text
    keep_human: Text
    no_automation: Text
    later: Text
    teach_title: Text
    teach_new: Text
    teach_teacher: Text
    teach_leader: Text
    layers_title: Text
    layers: Text
    no_workflow_title: Text
    no_workflow: Text
    no_workflow_practised: Text
    no_workflow_guard: Text
    no_workflow_guard_practised: Text
    no_workflow_title_practised: Text
    prep: Text
    safety_prep: Text
    find_number_done: Text
    find_number_evidence: Text
    find_number_move: Text
    find_number_effort: Text
    track_guess: Text
    """After the number to track when the money link is unknown: it is a first guess."""
    progress_done: Text
    progress_hours: Text
    basis_money: Text
    basis_multiplier: Text
    basis_guardrails: Text
    basis_assets: Text
    basis_layers: Text


class Milestones(_Entry):
    first_try: Text
    baseline: Text
    find_number: Text
    latest: Text
    workflow: Text
    guardrail: Text
    teach: Text
    asset: Text
    skill: Text
    pivot: Text
    layers: Text
    prep: Text
    measure: Text
