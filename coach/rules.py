"""The rules table (assets/rules.toml) and the explainable classifier built on it.

A rule fires when its words are in the task: `verbs` must be the task's leading verb (or one of a
leading list such as "plan, direct, or coordinate"), `objects` may be anywhere, `unless` vetoes it,
and `when` tests the task's attributes. Each fired rule adds its weight to its class; the class
with the most weight wins and its strongest rule is named in the verdict.

Patterns are lower-case words or phrases; a trailing `*` on a word matches any ending
("report*" matches report, reports, reporting).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from coach.errors import CoachError, describe_validation_error, load_toml
from coach.models import ATTRIBUTES, Exposure, Task, Verdict

TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|,")
_WORD_PATTERN = re.compile(r"^[a-z0-9]+(?:'[a-z]+)?(?:\*)?$")
_CONNECTORS = frozenset({",", "and", "or"})
_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "also", "usually", "often"})
_MIN_STEM = 3
_MEMO_LIMIT = 200_000
# Ties go to the more cautious class: claiming displacement needs the stronger evidence.
_TIE_ORDER = (Exposure.NOT_READY, Exposure.AUGMENTATION, Exposure.DISPLACEMENT)


class RuleSpec(BaseModel):
    """One row of the rules table as written in TOML."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
    exposure: Exposure
    section: Annotated[str, Field(min_length=3)]
    """The article section the rule comes from."""
    reason: Annotated[str, Field(min_length=10)]
    weight: Annotated[float, Field(gt=0, le=100)] = 1.0
    verbs: list[str] = Field(default_factory=list)
    objects: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    when: dict[str, bool] = Field(default_factory=dict)

    @field_validator("verbs", "objects", "unless")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        for pattern in value:
            _check_pattern(pattern)
        return value

    @field_validator("when")
    @classmethod
    def _attributes(cls, value: dict[str, bool]) -> dict[str, bool]:
        unknown = sorted(set(value) - set(ATTRIBUTES))
        if unknown:
            raise ValueError(
                f"unknown attribute {unknown[0]!r}; known: {', '.join(sorted(ATTRIBUTES))}"
            )
        return value

    @model_validator(mode="after")
    def _something_to_match(self) -> RuleSpec:
        if not (self.verbs or self.objects or self.when):
            raise ValueError("a rule needs at least one of verbs, objects or when")
        return self


class RulesMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = 1
    fallback_exposure: Exposure = Exposure.NOT_READY
    fallback_reason: Annotated[str, Field(min_length=10)] = (
        "No rule in the table matched this wording, so coach makes a cautious low-confidence guess."
    )
    fallback_confidence: Annotated[float, Field(ge=0, le=0.5)] = 0.2


def _pattern_words(pattern: str) -> list[str]:
    """A pattern's words; a hyphen separates words, as it does in task text."""
    return pattern.replace("-", " ").split()


def _check_pattern(pattern: str) -> None:
    words = _pattern_words(pattern)
    if not words:
        raise ValueError("empty pattern")
    for word in words:
        if not _WORD_PATTERN.match(word):
            raise ValueError(
                f"bad pattern {pattern!r}: use lower-case words, with '*' only at a word's end"
            )
        if word.endswith("*") and len(word) - 1 < _MIN_STEM:
            raise ValueError(
                f"bad pattern {pattern!r}: put at least {_MIN_STEM} letters before '*'"
            )


# --- compiled form -------------------------------------------------------------------------

VERB, OBJECT, UNLESS = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Hit:
    rule: int
    kind: int
    rest: tuple[str, ...]  # further words of a phrase, matched against the following tokens
    pattern: str


@dataclass(slots=True)
class _Compiled:
    exact: dict[str, list[_Hit]] = field(default_factory=dict)
    prefix: list[tuple[str, _Hit]] = field(default_factory=list)


def _word_matches(pattern: str, token: str) -> bool:
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern


@dataclass(frozen=True, slots=True)
class RuleMatch:
    """A rule that fired on a task, with the words that made it fire."""

    rule: RuleSpec
    evidence: tuple[str, ...]


class RuleTable:
    """A validated rules table and its classifier. Build with `load_rules`."""

    def __init__(self, rules: list[RuleSpec], meta: RulesMeta, source: str = "rules") -> None:
        self.rules = rules
        self.meta = meta
        self.source = source
        self._compiled = _Compiled()
        self._attribute_rules: list[int] = []
        self._needs: list[tuple[bool, bool]] = []
        self._memo: dict[str, tuple[_Hit, ...]] = {}
        for index, rule in enumerate(rules):
            self._needs.append((bool(rule.verbs), bool(rule.objects)))
            if not rule.verbs and not rule.objects:
                self._attribute_rules.append(index)
            for kind, patterns in (
                (VERB, rule.verbs),
                (OBJECT, rule.objects),
                (UNLESS, rule.unless),
            ):
                for pattern in patterns:
                    first, *rest = _pattern_words(pattern)
                    hit = _Hit(index, kind, tuple(rest), pattern)
                    if first.endswith("*"):
                        self._compiled.prefix.append((first[:-1], hit))
                    else:
                        self._compiled.exact.setdefault(first, []).append(hit)

    def __len__(self) -> int:
        return len(self.rules)

    def _hits_for(self, token: str) -> tuple[_Hit, ...]:
        hits = self._memo.get(token)
        if hits is None:
            found = list(self._compiled.exact.get(token, ()))
            found.extend(hit for stem, hit in self._compiled.prefix if token.startswith(stem))
            hits = tuple(found)
            if len(self._memo) < _MEMO_LIMIT:
                self._memo[token] = hits
        return hits

    def matches(
        self, text: str, attributes: dict[str, bool | None] | None = None
    ) -> list[RuleMatch]:
        """Every rule that fires on `text` (and `attributes`), in table order."""
        tokens = TOKEN_RE.findall(text.lower())
        verb_positions = _verb_positions(tokens)
        verb_ok: dict[int, list[str]] = {}
        object_ok: dict[int, list[str]] = {}
        vetoed: set[int] = set()
        hits_for = self._hits_for
        for pos, token in enumerate(tokens):
            for hit in hits_for(token):
                if hit.rest:
                    if not _rest_matches(hit.rest, tokens, pos + 1):
                        continue
                    seen = " ".join(tokens[pos : pos + 1 + len(hit.rest)])
                else:
                    seen = token
                if hit.kind == OBJECT:
                    object_ok.setdefault(hit.rule, []).append(seen)
                elif hit.kind == VERB:
                    if pos in verb_positions:
                        verb_ok.setdefault(hit.rule, []).append(seen)
                else:
                    vetoed.add(hit.rule)
        candidates = set(verb_ok) | set(object_ok)
        candidates.update(self._attribute_rules)
        fired: list[RuleMatch] = []
        for index in sorted(candidates):
            if index in vetoed:
                continue
            needs_verb, needs_object = self._needs[index]
            if needs_verb and index not in verb_ok:
                continue
            if needs_object and index not in object_ok:
                continue
            rule = self.rules[index]
            if rule.when and not _attributes_hold(rule.when, attributes):
                continue
            evidence = tuple(dict.fromkeys(verb_ok.get(index, []) + object_ok.get(index, [])))
            fired.append(RuleMatch(rule, evidence))
        return fired

    def classify(self, task: Task | str) -> Verdict:
        """One task, one verdict, with the deciding rule and why. Deterministic."""
        if isinstance(task, str):
            text, attributes = task, None
        else:
            text, attributes = task.text, task.attributes()
        fired = self.matches(text, attributes)
        if not fired:
            return self._fallback()
        totals = dict.fromkeys(Exposure, 0.0)
        for match in fired:
            totals[match.rule.exposure] += match.rule.weight
        winner = max(_TIE_ORDER, key=lambda c: totals[c])
        ranked = sorted(fired, key=lambda m: -m.rule.weight)
        decider = next(m for m in ranked if m.rule.exposure == winner)
        runner_up = max(v for c, v in totals.items() if c != winner)
        margin = (totals[winner] - runner_up) / (totals[winner] + runner_up)
        confidence = round(0.5 + 0.45 * margin, 2)
        return Verdict(
            exposure=winner,
            rule=decider.rule.id,
            basis=decider.rule.section,
            reason=decider.rule.reason,
            confidence=confidence,
            why=_why(decider, winner, ranked),
            also=[m.rule.id for m in ranked if m is not decider],
        )

    def _fallback(self) -> Verdict:
        exposure = self.meta.fallback_exposure
        return Verdict(
            exposure=exposure,
            rule="fallback",
            basis="none: no rule matched",
            reason=self.meta.fallback_reason,
            confidence=self.meta.fallback_confidence,
            why=(
                f"No rule matched this wording, so this is the fallback guess ({exposure.label}); "
                "describe the task with a plain verb and object, or set its attributes."
            ),
        )


def _why(decider: RuleMatch, winner: Exposure, ranked: list[RuleMatch]) -> str:
    if decider.evidence:
        words = ", ".join(f"'{w}'" for w in decider.evidence[:3])
        lead = f"Matched {words} (rule {decider.rule.id})"
    else:
        conditions = ", ".join(k.replace("_", " ") for k, v in decider.rule.when.items() if v)
        lead = f"Marked {conditions or 'by its attributes'} (rule {decider.rule.id})"
    against = [m.rule.id for m in ranked if m.rule.exposure != winner]
    tail = f"; outweighed {', '.join(against[:2])}" if against else ""
    return f"{lead}: {decider.rule.reason.rstrip('.')}{tail}."


def _verb_positions(tokens: list[str]) -> set[int]:
    """The task's leading verbs: 'Plan, direct, or coordinate X' gives positions of all three."""
    pos = 0
    while pos < len(tokens) and tokens[pos] in _SUBJECTS:
        pos += 1
    positions = set()
    while pos < len(tokens) and tokens[pos] not in _CONNECTORS:
        positions.add(pos)
        nxt = pos + 1
        if nxt < len(tokens) and tokens[nxt] in _CONNECTORS:
            while nxt < len(tokens) and tokens[nxt] in _CONNECTORS:
                nxt += 1
            pos = nxt
        else:
            break
    return positions


def _rest_matches(rest: tuple[str, ...], tokens: list[str], start: int) -> bool:
    if start + len(rest) > len(tokens):
        return False
    return all(_word_matches(p, tokens[start + i]) for i, p in enumerate(rest))


def _attributes_hold(when: dict[str, bool], attributes: dict[str, bool | None] | None) -> bool:
    if not attributes:
        return False
    return all(attributes.get(name) is expected for name, expected in when.items())


# --- loading -------------------------------------------------------------------------------


def default_rules_path() -> Path:
    from coach.assets import asset_path

    return asset_path("rules.toml")


def parse_rules(data: dict, source: str) -> RuleTable:
    """Validate a parsed rules table; every error names the rule's id (or number) and field."""
    unknown = sorted(set(data) - {"meta", "rule"})
    if unknown:
        raise CoachError(f"{source}: unknown table [{unknown[0]}]; expected [meta] and [[rule]]")
    try:
        meta = RulesMeta.model_validate(data.get("meta", {}))
    except ValidationError as err:
        raise CoachError(describe_validation_error(err, f"{source}: [meta]")) from None
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        raise CoachError(f"{source}: no rules; add [[rule]] entries")
    rules: list[RuleSpec] = []
    seen: dict[str, int] = {}
    problems: list[str] = []
    for number, raw in enumerate(raw_rules, start=1):
        label = f"rule #{number}"
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            label = f"rule '{raw['id']}' (#{number})"
        try:
            rule = RuleSpec.model_validate(raw)
        except ValidationError as err:
            problems.append(describe_validation_error(err, f"{source}: {label}"))
            continue
        if rule.id == "fallback":
            problems.append(f"{source}: {label}: field 'id': 'fallback' is reserved")
        if rule.id in seen:
            problems.append(
                f"{source}: {label}: field 'id': duplicate of rule #{seen[rule.id]}; "
                "ids must be unique"
            )
        seen.setdefault(rule.id, number)
        rules.append(rule)
    if problems:
        raise CoachError("\n".join(problems))
    return RuleTable(rules, meta, source)


def load_rules(path: Path | None = None) -> RuleTable:
    """Load and validate a rules table: the bundled one unless `path` is given."""
    path = path or default_rules_path()
    return parse_rules(load_toml(path), str(path))


def classify_all(table: RuleTable, tasks: Iterable[Task]) -> list[Verdict]:
    return [table.classify(task) for task in tasks]
