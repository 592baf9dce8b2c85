"""The rules table (assets/rules.toml) and the explainable classifier built on it.

A rule fires when its words are in the task: `verbs` must be the task's leading verb (or one of a
leading list such as "plan, direct, or coordinate"), `objects` may be anywhere, `unless` vetoes it,
and `when` tests the task's attributes. Each fired rule adds its weight to its class; the class
with the most weight wins and its strongest rule is named in the verdict.

Patterns are lower-case words or phrases; a trailing `*` on a word matches any ending
("report*" matches report, reports, reporting); hyphens and apostrophes separate words.
Confidence grows with the winning class's margin over the runner-up; the fallback (no rule
fired) has the table's low `fallback_confidence`. Matching itself lives in `coach.rule_engine`,
and deciding in `coach.decisions`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from coach.decisions import Decider, Decision, Ruling, bits, fallback_decision
from coach.errors import CoachError, describe_validation_error, load_toml
from coach.models import ATTRIBUTES, Exposure, Task, Verdict
from coach.rule_engine import MIN_STEM, Matcher, pattern_words
from coach.rule_lists import expand_lists, word_lists

_WORD_PATTERN = re.compile(r"^(?:[a-z0-9]+\*?|\?)$")  # a word, a stem, or "?" (a question)

_WHY_WORDS = 3  # a verdict's `why` shows the first three words that made its rule fire


class RuleSpec(BaseModel):
    """One row of the rules table as written in TOML."""

    # Strict: a weight of "5" or a `when` value of "true" is a mistake to report, not to guess.
    # The class is named by its text in TOML, so only it accepts a string.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
    exposure: Annotated[Exposure, Field(strict=False)]
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
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    version: int = 1
    fallback_exposure: Annotated[Exposure, Field(strict=False)] = Exposure.NOT_READY
    fallback_reason: Annotated[str, Field(min_length=10)] = (
        "No rule in the table matched this wording, so coach makes a cautious low-confidence guess."
    )
    fallback_confidence: Annotated[float, Field(ge=0, le=0.5)] = 0.2


def _check_pattern(pattern: str) -> None:
    words = pattern_words(pattern)
    if not words:
        raise ValueError("empty pattern")
    for word in words:
        if not _WORD_PATTERN.match(word):
            raise ValueError(
                f"bad pattern {pattern!r}: use lower-case words, with '*' only at a word's end "
                "(or '?' alone, for a task written as a question)"
            )
        if word.endswith("*") and len(word) - 1 < MIN_STEM:
            raise ValueError(f"bad pattern {pattern!r}: put at least {MIN_STEM} letters before '*'")


# --- the classifier ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleMatch:
    """A rule that fired on a task, with the words that made it fire."""

    rule: RuleSpec
    evidence: tuple[str, ...]


class RuleTable:
    """A validated rules table and its classifier. Build with `load_rules`.

    The matcher and the decider see the rules by rank, heaviest first (equal weights keep
    table order; see `coach.decisions`); what this hands out is in table order.
    """

    def __init__(self, rules: list[RuleSpec], meta: RulesMeta, source: str = "rules") -> None:
        self.rules = rules
        self.meta = meta
        self.source = source
        # rank -> table index: heaviest first, and `sorted` keeps table order among equals
        self._table_index = sorted(range(len(rules)), key=lambda i: -rules[i].weight)
        ranked = [rules[i] for i in self._table_index]
        self._matcher = Matcher(ranked)
        self._decider = Decider(ranked)
        self._scan, self._evidence_words = self._matcher.scan, self._matcher.evidence_words
        self._decided, self._decide = self._decider.decided, self._decider.decide
        self._fallback = fallback_decision(
            meta.fallback_exposure, meta.fallback_reason, meta.fallback_confidence
        )

    def __len__(self) -> int:
        return len(self.rules)

    def matches(
        self, text: str, attributes: dict[str, bool | None] | None = None
    ) -> list[RuleMatch]:
        """Every rule that fires on `text` (and `attributes`), in table order."""
        fired, scan = self._matcher.scan(text, attributes)
        ranks = sorted(bits(fired), key=self._table_index.__getitem__)
        return [
            RuleMatch(self.rules[self._table_index[r]], self._matcher.evidence(r, scan))
            for r in ranks
        ]

    def classify(self, task: Task | str) -> Verdict:
        """One task, one verdict, with the deciding rule and why. Deterministic."""
        if isinstance(task, str):
            return self.rule_on(task).verdict()
        return self.rule_on(task.text, task.attributes()).verdict()

    def decide(
        self, text: str, attributes: dict[str, bool | None] | None = None
    ) -> tuple[Decision, tuple[bytes, ...]]:
        """What decides the task, and the words its `why` shows (the first three that made the
        deciding rule fire): for callers that classify many tasks (`coach classify`)."""
        fired, scan = self._scan(text, attributes)
        if not fired:
            return self._fallback, ()
        decision = self._decided.get(fired) or self._decide(fired)
        return decision, self._evidence_words(decision.rank, scan, _WHY_WORDS)

    def decide_all(self, texts: list[str]) -> tuple[list[Decision], list[tuple[bytes, ...]]]:
        """`decide` for each of `texts` (a block of lines), a step at a time for them all: every
        scan, then every decision, then every task's words. The same results as `decide` one
        by one; each step's code stays hot in the processor's caches across the block."""
        scans = self._matcher.scan_all(texts)
        fallback, decided, decide = self._fallback, self._decided, self._decide
        decisions = [
            (decided.get(fired) or decide(fired)) if fired else fallback for fired, _ in scans
        ]
        evidence = self._evidence_words
        words = [
            evidence(decision.rank, scan, _WHY_WORDS) if fired else ()
            for decision, (fired, scan) in zip(decisions, scans, strict=True)
        ]
        return decisions, words

    def rule_on(self, text: str, attributes: dict[str, bool | None] | None = None) -> Ruling:
        """`classify` as a plain `Ruling`."""
        fired, scan = self._scan(text, attributes)
        if not fired:
            return self._fallback.ruling((), ())
        decision = self._decider.decision(fired)
        words = self._evidence_words(decision.rank, scan, _WHY_WORDS)
        return decision.ruling(words, self._decider.also(fired, decision))


# --- loading -------------------------------------------------------------------------------


def default_rules_path() -> Path:
    from coach.assets import asset_path

    return asset_path("rules.toml")


def parse_rules(data: dict, source: str) -> RuleTable:
    """Validate a parsed rules table; every error names the rule's id (or number) and field."""
    unknown = sorted(set(data) - {"meta", "lists", "rule"})
    if unknown:
        raise CoachError(
            f"{source}: unknown table [{unknown[0]}]; expected [meta], [lists] and [[rule]]"
        )
    lists = word_lists(data.get("lists"), source)
    problems: list[str] = []
    for name, words in lists.items():
        for word in words:
            try:
                _check_pattern(word)
            except ValueError as err:
                problems.append(f"{source}: [lists] {name!r}: {err}")
    try:
        meta = RulesMeta.model_validate(data.get("meta", {}))
    except ValidationError as err:
        raise CoachError(describe_validation_error(err, f"{source}: [meta]")) from None
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        raise CoachError(f"{source}: no rules; add [[rule]] entries")
    rules: list[RuleSpec] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_rules, start=1):
        label = f"rule #{number}"
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            label = f"rule '{raw['id']}' (#{number})"
        try:
            rule = RuleSpec.model_validate(expand_lists(raw, lists, f"{source}: {label}"))
        except CoachError as err:
            problems.append(str(err))
            continue
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
