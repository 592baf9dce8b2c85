"""The rules table (assets/rules.toml) and the explainable classifier built on it.

A rule fires when its words are in the task: `verbs` must be the task's leading verb (or one of a
leading list such as "plan, direct, or coordinate"), `objects` may be anywhere, `unless` vetoes it,
and `when` tests the task's attributes. Each fired rule adds its weight to its class; the class
with the most weight wins and its strongest rule is named in the verdict.

Patterns are lower-case words or phrases; a trailing `*` on a word matches any ending
("report*" matches report, reports, reporting); hyphens and apostrophes separate words.
Confidence grows with the winning class's margin over the runner-up; the fallback (no rule
fired) has the table's low `fallback_confidence`. Matching itself lives in `coach.rule_engine`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from coach.confidence import band_of, fallback_probability, is_measured, probability
from coach.errors import CoachError, describe_validation_error, load_toml
from coach.models import ATTRIBUTES, Exposure, Task, Verdict
from coach.rule_engine import MIN_STEM, Matcher, bits, pattern_words
from coach.rule_lists import expand_lists, word_lists

_WORD_PATTERN = re.compile(r"^[a-z0-9]+\*?$")

# Decisions and their rulings remembered; all are forgotten at once when this many are held
_MEMO_LIMIT = 20_000
_WHY_WORDS = 3  # a verdict's `why` shows the first three words that made its rule fire
_CLASS_INDEX = {Exposure.DISPLACEMENT: 0, Exposure.AUGMENTATION: 1, Exposure.NOT_READY: 2}


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
                f"bad pattern {pattern!r}: use lower-case words, with '*' only at a word's end"
            )
        if word.endswith("*") and len(word) - 1 < MIN_STEM:
            raise ValueError(f"bad pattern {pattern!r}: put at least {MIN_STEM} letters before '*'")


# --- the classifier ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleMatch:
    """A rule that fired on a task, with the words that made it fire."""

    rule: RuleSpec
    evidence: tuple[str, ...]


@dataclass(slots=True, eq=False)
class Ruling:
    """A verdict's fields as a plain value: what `RuleTable.rule_on` hands out, memoised.

    The hot path (`coach classify`) reads these fields directly; `verdict()` makes the pydantic
    `Verdict` the rest of the app uses. A ruling is never changed once made (memoised ones are
    shared); it is not a frozen dataclass because that triples the cost of making one, which a
    cold run over new statements pays thousands of times. Compared by identity (`eq=False`):
    callers can cache what they derive from a ruling (the CLI caches its JSON).
    """

    exposure: Exposure
    rule: str
    basis: str
    reason: str
    confidence: float
    why: str
    also: tuple[str, ...]

    def verdict(self) -> Verdict:
        """The ruling as a Verdict, built with `model_construct`: its values are already valid
        (tests check they equal validated ones), and validation would double a task's cost."""
        return Verdict.model_construct(
            exposure=self.exposure,
            rule=self.rule,
            basis=self.basis,
            reason=self.reason,
            confidence=self.confidence,
            why=self.why,
            also=list(self.also),
        )


class _Decision(NamedTuple):
    """What a set of fired rules decides; it depends on nothing else, so it is memoised."""

    rule: RuleSpec
    index: int
    confidence: float
    also: tuple[str, ...]
    why_end: str
    """The end of its verdicts' `why`, the same for all of them."""
    rulings: dict[tuple[bytes, ...], Ruling]
    """The rulings of this decision, by the evidence words their `why` shows (memoised; shares
    the table's bound)."""


class RuleTable:
    """A validated rules table and its classifier. Build with `load_rules`."""

    def __init__(self, rules: list[RuleSpec], meta: RulesMeta, source: str = "rules") -> None:
        self.rules = rules
        self.meta = meta
        self.source = source
        self._matcher = Matcher(rules)
        self._scan, self._evidence_words = self._matcher.scan, self._matcher.evidence_words
        self._weight = [rule.weight for rule in rules]
        self._class = [_CLASS_INDEX[rule.exposure] for rule in rules]
        self._heavier_first = [-rule.weight for rule in rules]  # a sort key: heaviest first
        # The rules that read the wording (not only the attributes), as a bit mask.
        self._wording_mask = sum(
            1 << i for i, rule in enumerate(rules) if rule.verbs or rule.objects
        )
        self._ids = [rule.id for rule in rules]
        self._why_ends = [_why_end(rule, []) for rule in rules]  # when it outweighed no rule
        self._decisions: dict[int, _Decision] = {}
        # (deciding rule, margin band) -> the confidence `probability` gives it
        self._confidences: dict[tuple[int, str], float] = {}
        self._rulings = 0  # entries in all decisions' `rulings`
        exposure = meta.fallback_exposure
        self._fallback = Ruling(
            exposure=exposure,
            rule="fallback",
            basis="none: no rule matched",
            reason=meta.fallback_reason,
            confidence=fallback_probability(exposure, meta.fallback_confidence),
            why=(
                f"No rule matched this wording, so this is the fallback guess ({exposure.label}, "
                "low confidence); describe the task with a plain verb and object, or set its "
                "attributes."
            ),
            also=(),
        )

    def __len__(self) -> int:
        return len(self.rules)

    def matches(
        self, text: str, attributes: dict[str, bool | None] | None = None
    ) -> list[RuleMatch]:
        """Every rule that fires on `text` (and `attributes`), in table order."""
        fired, scan = self._matcher.scan(text, attributes)
        return [RuleMatch(self.rules[i], self._matcher.evidence(i, scan)) for i in bits(fired)]

    def classify(self, task: Task | str) -> Verdict:
        """One task, one verdict, with the deciding rule and why. Deterministic."""
        if isinstance(task, str):
            return self.rule_on(task).verdict()
        return self.rule_on(task.text, task.attributes()).verdict()

    def rule_on(self, text: str, attributes: dict[str, bool | None] | None = None) -> Ruling:
        """`classify` as a plain `Ruling`, for callers that classify many tasks."""
        fired, scan = self._scan(text, attributes)
        if not fired:
            return self._fallback
        decision = self._decisions.get(fired) or self._decide(fired)
        words = self._evidence_words(decision.index, scan)[:_WHY_WORDS]
        ruling = decision.rulings.get(words)
        if ruling is None:
            rule = decision.rule
            if words:  # "Matched 'prepare', 'reports' (rule x): ..."
                why = "Matched '" + b"', '".join(words).decode() + "'" + decision.why_end
            else:
                why = _marked(rule) + decision.why_end
            ruling = Ruling(
                rule.exposure,
                rule.id,
                rule.section,
                rule.reason,
                decision.confidence,
                why,
                decision.also,
            )
            if self._rulings >= _MEMO_LIMIT:
                self._forget()
            decision.rulings[words] = ruling
            self._rulings += 1
        return ruling

    def _forget(self) -> None:
        """Drop every memoised decision, ruling and confidence, so memory stays flat on any
        input."""
        self._decisions.clear()
        self._confidences.clear()
        self._rulings = 0

    def _decide(self, fired: int) -> _Decision:
        weight, klass = self._weight, self._class
        # Strongest first; equal weights keep table order.
        ranked = sorted(bits(fired), key=self._heavier_first.__getitem__)
        totals = [0.0, 0.0, 0.0]
        for i in ranked:
            totals[klass[i]] += weight[i]
        # Ties go to the more cautious class: claiming displacement needs the stronger evidence.
        win = max((2, 1, 0), key=totals.__getitem__)
        for decider in ranked:
            if klass[decider] == win:
                break
        best = totals[win]
        totals[win] = 0.0
        runner_up = max(totals)
        margin = (best - runner_up) / (best + runner_up)
        rule = self.rules[decider]
        # `probability` reads the margin by its band alone (as a test checks), so the same rule
        # winning in the same band is as sure: most fired sets share one
        key = (decider, band_of(margin))
        confidence = self._confidences.get(key)
        if confidence is None:
            confidence = self._confidences[key] = probability(rule.id, rule.exposure, margin)
        wording = fired & self._wording_mask
        if wording and wording != fired and not is_measured(rule.id, rule.exposure):
            # An attribute rule has no record of its own. When the wording alone points the
            # same way, the verdict is at least as sure as the wording's: the worker's own
            # answers agreeing must never make it look less sure.
            alone = self._decisions.get(wording) or self._decide(wording)
            if alone.rule.exposure == rule.exposure:
                confidence = max(confidence, alone.confidence)
        ids = self._ids
        also, against = [], []  # the other fired rules, strongest first; those of other classes
        for i in ranked:
            if i != decider:
                also.append(ids[i])
                if klass[i] != win:
                    against.append(ids[i])
        why_end = self._why_ends[decider]
        if against:
            why_end = why_end[:-1] + f"; outweighed {', '.join(against[:2])}."
        decision = _Decision(rule, decider, confidence, tuple(also), why_end, {})
        if len(self._decisions) >= _MEMO_LIMIT:
            self._forget()
        self._decisions[fired] = decision
        return decision


def _marked(rule: RuleSpec) -> str:
    """How the `why` of a verdict with no words to show starts: the rule's attributes."""
    conditions = ", ".join(k.replace("_", " ") for k, v in rule.when.items() if v)
    return f"Marked {conditions or 'by its attributes'}"


def _why_end(rule: RuleSpec, against: list[str]) -> str:
    """How a verdict's `why` ends, after the words or attributes that made its rule fire:
    the rule, its reason, and the rules it outweighed."""
    tail = f"; outweighed {', '.join(against[:2])}" if against else ""
    return f" (rule {rule.id}): {rule.reason.rstrip('.')}{tail}."


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
