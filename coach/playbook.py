"""The playbook (assets/playbook.toml): every piece of plan advice, as validated data.

Advice for a task is keyed on what the task works on: each `[[work]]` entry lists the words and
phrases (`objects`) its tool, checks, metric and guardrail fit, such as dashboards, SQL, contracts
or patient records. A task gets the first entry whose objects appear in its text, else the
generic entry for its exposure class, whose wording is built only from the task's own words. So
extending the advice is an edit to the TOML file. The entries' models are in
`coach.playbook_entries`.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from coach.errors import CoachError, describe_validation_error, load_toml
from coach.models import SCARCE_ASSETS, Exposure
from coach.playbook_entries import (
    Ambition,
    Asset,
    Guardrail,
    Index,
    Milestones,
    Move,
    MoveKind,
    Pivot,
    Score,
    Skill,
    SkillWhen,
    Wording,
    Work,
)

__all__ = ["Playbook", "SkillWhen", "Work", "load_playbook"]


class Playbook(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = 2
    work: list[Work]
    guardrail: list[Guardrail]
    ambition: list[Ambition]
    move: list[Move]
    score: Score
    asset: list[Asset]
    skill: list[Skill]
    pivot: list[Pivot]
    index: Index
    wording: Wording
    milestones: Milestones

    @model_validator(mode="after")
    def _consistent(self) -> Playbook:
        for kind in ("work", "guardrail", "skill", "pivot", "asset"):
            ids = [e.id for e in getattr(self, kind)]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"[[{kind}]] id {dupes[0]!r} is used twice")
        for exposure in Exposure:
            owners = [w.id for w in self.work if exposure in w.default_for]
            if len(owners) != 1:
                raise ValueError(
                    f"[[work]] needs exactly one entry with default_for = [{exposure.value!r}]"
                )
        for w in self.work:
            if w.default_for and w.objects:
                raise ValueError(f"[[work]] {w.id!r}: a default entry fits any task; drop objects")
        guardrails = {g.id for g in self.guardrail}
        pivots = {p.id for p in self.pivot}
        for w in self.work:
            if w.guardrail not in guardrails:
                raise ValueError(f"[[work]] {w.id!r}: guardrail {w.guardrail!r} is not defined")
            for p in w.pivots:
                if p not in pivots:
                    raise ValueError(f"[[work]] {w.id!r}: pivot {p!r} is not defined")
        uses = [u for a in self.ambition for u in a.ai_use]
        for answer in ("never", "monthly", "weekly", "daily"):
            if uses.count(answer) != 1:
                raise ValueError(f"[[ambition]] needs exactly one entry for ai_use {answer!r}")
        kinds = [m.kind for m in self.move]
        for kind in MoveKind.__args__:
            if kinds.count(kind) != 1:
                raise ValueError(f"[[move]] needs exactly one entry of kind {kind!r}")
        if sorted(a.id for a in self.asset) != sorted(SCARCE_ASSETS):
            raise ValueError(f"[[asset]] must cover exactly: {', '.join(sorted(SCARCE_ASSETS))}")
        if sum(s.fallback for s in self.skill) != 1 or sum(p.fallback for p in self.pivot) != 1:
            raise ValueError("exactly one [[skill]] and one [[pivot]] must have fallback = true")
        return self

    def work_for(self, text: str, exposure: Exposure) -> Work:
        """The advice that fits what this task works on, else the generic entry for its class."""
        for entry in self.work:
            # Work coach calls displacement is never advised as work AI cannot touch.
            if exposure == Exposure.DISPLACEMENT and entry.mode == "none":
                continue
            if entry.objects and entry.fits(text):
                return entry
        return next(w for w in self.work if exposure in w.default_for)

    def guardrail_of(self, work: Work) -> Guardrail:
        return next(g for g in self.guardrail if g.id == work.guardrail)

    def ambition_for(self, ai_use: str) -> Ambition:
        return next(a for a in self.ambition if ai_use in a.ai_use)

    def move_of(self, kind: str) -> Move:
        return next(m for m in self.move if m.kind == kind)


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
