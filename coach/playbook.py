"""The playbook (assets/playbook.toml): every piece of plan advice, as validated data.

Advice for tasks is keyed by rule id, with a default per exposure class, so adding advice for a
new rule is an edit to the TOML file. Sentence templates may use only the placeholders listed in
PLACEHOLDERS; anything else is rejected at load time with the entry and field named.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from coach.errors import CoachError, describe_validation_error, load_toml
from coach.models import ATTRIBUTES, SCARCE_ASSETS, AIUse, Exposure, Level, MoneyLink, ScarceAsset

PLACEHOLDERS = frozenset(
    {"task", "hours", "saved", "role", "function", "level", "asset", "title", "reason", "answer"}
)
Text = Annotated[str, Field(min_length=3, max_length=2000)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]


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


def _check_attribute(name: str) -> None:
    if name not in ATTRIBUTES:
        raise ValueError(f"unknown task attribute {name!r}; known: {', '.join(ATTRIBUTES)}")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _templates(cls, value: object) -> object:
        if isinstance(value, str):
            _check_template(value)
        return value


class Keyed(_Entry):
    """An entry chosen by the deciding rule of a task, or as the default for an exposure class."""

    id: Id
    rules: list[str] = Field(default_factory=list)
    default_for: list[Exposure] = Field(default_factory=list)
    basis: Text


class MetricTemplate(Keyed):
    kind: Literal["revenue-lift", "cost-out", "risk-down"]
    title: Text
    measure: Text
    """How to measure it, with an example."""


class Workflow(Keyed):
    mode: Literal["automate", "assist"]
    title: Text
    tool_class: Text
    how: Text
    human_checks: Text
    saved_share: Annotated[float, Field(gt=0, le=0.9)]
    guardrail: Id


class Guardrail(_Entry):
    id: Id
    review: Text
    logging: Text
    data: Text
    evaluation: Text
    basis: Text


class Teach(_Entry):
    title: Text
    detail_new: Text
    detail_teacher: Text
    detail_leader: Text
    basis: Text


class Asset(_Entry):
    id: ScarceAsset
    name: Text
    title_missing: Text
    title_owned: Text
    individual: Text
    lead: Text
    leader: Text
    rules: list[str] = Field(default_factory=list)
    attributes: list[str] = Field(default_factory=list)
    link: Text
    """Sentence naming a task of the week that this asset touches ({task})."""
    basis: Text

    @field_validator("attributes")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        for name in value:
            _check_attribute(name)
        return value


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
        if value is not None:
            _check_attribute(value)
        return value


class Skill(_Entry):
    id: Id
    title: Text
    detail: Text
    basis: Text
    when: list[SkillWhen] = Field(default_factory=list)
    fallback: bool = False


class Pivot(_Entry):
    id: Id
    title: Text
    what: Text
    functions: list[str] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)
    levels: list[Level] = Field(default_factory=list)
    why_function: Text
    why_tasks: Text
    why_level: Text
    basis: Text
    fallback: bool = False


class Strengths(_Entry):
    not_ready: Text
    augmentation: Text
    asset_owned: Text
    teaches_ai: Text
    money_link: Text
    ai_use: Text
    fallback: Text


class Fallbacks(_Entry):
    metric_title: Text
    metric_measure: Text
    workflow_title: Text
    workflow_detail: Text
    guardrail_title: Text
    guardrail_detail: Text
    basis_money: Text
    basis_multiplier: Text
    basis_guardrails: Text


class Milestones(_Entry):
    baseline: Text
    workflow: Text
    guardrail: Text
    teach: Text
    asset: Text
    skill: Text
    pivot: Text
    measure: Text


class Playbook(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = 1
    guardrail_title: Text
    metric: list[MetricTemplate]
    workflow: list[Workflow]
    guardrail: list[Guardrail]
    teach: Teach
    asset: list[Asset]
    skill: list[Skill]
    pivot: list[Pivot]
    strengths: Strengths
    fallbacks: Fallbacks
    milestones: Milestones

    @model_validator(mode="after")
    def _consistent(self) -> Playbook:
        for kind in ("metric", "workflow", "guardrail", "skill", "pivot", "asset"):
            ids = [e.id for e in getattr(self, kind)]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"[[{kind}]] id {dupes[0]!r} is used twice")
        _unique_keys("metric", self.metric)
        _unique_keys("workflow", self.workflow)
        missing = [e.value for e in Exposure if not any(e in m.default_for for m in self.metric)]
        if missing:
            raise ValueError(f"[[metric]] needs an entry with default_for = [{missing[0]!r}]")
        for exposure in (Exposure.DISPLACEMENT, Exposure.AUGMENTATION):
            if not any(exposure in w.default_for for w in self.workflow):
                raise ValueError(f"[[workflow]] needs an entry with default_for = [{exposure!r}]")
        guardrails = {g.id for g in self.guardrail}
        for w in self.workflow:
            if w.guardrail not in guardrails:
                raise ValueError(f"[[workflow]] {w.id!r}: guardrail {w.guardrail!r} is not defined")
        if sorted(a.id for a in self.asset) != sorted(SCARCE_ASSETS):
            raise ValueError(f"[[asset]] must cover exactly: {', '.join(sorted(SCARCE_ASSETS))}")
        if sum(s.fallback for s in self.skill) != 1 or sum(p.fallback for p in self.pivot) != 1:
            raise ValueError("exactly one [[skill]] and one [[pivot]] must have fallback = true")
        return self

    def pick(self, kind: str, rule: str, exposure: Exposure):
        """The entry for a task decided by `rule`: the rule's own advice, else the class default."""
        entries = getattr(self, kind)
        for entry in entries:
            if rule in entry.rules:
                return entry
        for entry in entries:
            if exposure in entry.default_for:
                return entry
        return None

    def guardrail_for(self, workflow: Workflow) -> Guardrail:
        return next(g for g in self.guardrail if g.id == workflow.guardrail)


def _unique_keys(kind: str, entries: list[Keyed]) -> None:
    seen: dict[str, str] = {}
    for entry in entries:
        for rule in entry.rules:
            if rule in seen:
                raise ValueError(
                    f"[[{kind}]] rule {rule!r} is keyed by both {seen[rule]!r} and {entry.id!r}"
                )
            seen[rule] = entry.id
    for exposure in Exposure:
        owners = [e.id for e in entries if exposure in e.default_for]
        if len(owners) > 1:
            raise ValueError(
                f"[[{kind}]] {owners[0]!r} and {owners[1]!r} are both the default "
                f"for {exposure.value!r}"
            )


def default_playbook_path() -> Path:
    from coach.assets import asset_path

    return asset_path("playbook.toml")


def load_playbook(path: Path | None = None) -> Playbook:
    """Load and validate a playbook: the bundled one unless `path` is given."""
    path = Path(path) if path is not None else default_playbook_path()
    data = load_toml(path)
    try:
        return Playbook.model_validate(data)
    except ValidationError as err:
        raise CoachError(describe_validation_error(err, str(path))) from None
