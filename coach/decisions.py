"""What the rules that fired on a task decide: the deciding rule, how sure the verdict is, and
the `why` a worker reads.

Each fired rule adds its weight to its class; the class with the most weight wins (a tie goes
to the more cautious class) and its strongest rule decides. The matcher numbers the rules by
*rank*, heaviest first (equal weights keep table order), so in a set of fired rules, an int
whose bit r is the rule of rank r, "strongest first" is "lowest bit first":

| the decision's part   | read from the fired set (`fired`)                                  |
|-----------------------|--------------------------------------------------------------------|
| deciding rule         | the lowest bit of `fired & class_rules[winning class]`             |
| winning class         | the only class in `fired` (unopposed), else the heaviest total     |
| margin band           | unopposed; else `clear` or `close` from the classes' totals        |
| outweighed (in `why`) | the two lowest bits of `fired & ~class_rules[winning class]`       |

Many fired sets decide alike, so a `Decision` is shared: it is made once per *outcome* (the
deciding rule, the confidence and the rules it outweighed), and the fired sets point to it:

| memo           | key                                            | holds                    |
|----------------|------------------------------------------------|--------------------------|
| `decided`      | a set of fired rules                           | its `Decision`           |
| `_outcomes`    | (deciding rank, confidence, outweighed ranks)  | the `Decision`, shared   |
| `_confidences` | (deciding rank, margin band)                   | what `probability` gives |

All three are bounded (`MEMO_LIMIT` fired sets; the others hold at most as many) and forgotten
together. A set with attribute rules in it (from `--jsonl` or the app) may be made surer by
what its wording alone decides, so its confidence is worked out before its outcome is looked
up. The words a verdict's `why` shows are not part of a decision: `Decision.why(words)` puts
them in front of its fixed ending, and `coach classify` writes its JSON the same way, once per
decision. Pure, no I/O. `tests/oracle_decider.py` says the same deciding the slow way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from coach.confidence import band_of, fallback_probability, is_measured, probability
from coach.models import Exposure, Verdict

MEMO_LIMIT = 20_000  # fired sets remembered; all memos are forgotten at once when this many
_CLASS_INDEX = {Exposure.DISPLACEMENT: 0, Exposure.AUGMENTATION: 1, Exposure.NOT_READY: 2}


class _RuleLike(Protocol):
    id: str
    exposure: Exposure
    section: str
    reason: str
    weight: float
    verbs: list[str]
    objects: list[str]
    when: dict[str, bool]


@dataclass(slots=True, eq=False)
class Ruling:
    """A verdict's fields as a plain value: what `RuleTable.rule_on` hands out.

    `verdict()` makes the pydantic `Verdict` the rest of the app uses. Not a frozen dataclass:
    that triples the cost of making one.
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


@dataclass(slots=True, eq=False)
class Decision:
    """What a set of fired rules decides: a verdict but for the words its `why` shows.

    Shared by every fired set with the same outcome and never changed once made; compared by
    identity (`eq=False`), so callers can cache what they derive from one (the CLI, its JSON).
    """

    exposure: Exposure
    rule: str
    """The deciding rule's id ("fallback" when no rule fired)."""
    basis: str
    reason: str
    confidence: float
    rank: int
    """The deciding rule's rank, the matcher's bit for it (-1 for the fallback)."""
    why_end: str
    """What follows the words in `why`: " (rule x): its reason; outweighed y, z."."""
    why_unworded: str
    """The whole `why` when there are no words to show (a rule of attributes, the fallback)."""

    def why(self, words: Sequence[bytes]) -> str:
        """The verdict's `why`, showing `words` (the task's, lower-case ASCII)."""
        if words:  # "Matched 'prepare', 'reports' (rule x): ..."
            return "Matched '" + b"', '".join(words).decode() + "'" + self.why_end
        return self.why_unworded

    def ruling(self, words: Sequence[bytes], also: tuple[str, ...]) -> Ruling:
        return Ruling(
            self.exposure,
            self.rule,
            self.basis,
            self.reason,
            self.confidence,
            self.why(words),
            also,
        )


def fallback_decision(exposure: Exposure, reason: str, declared: float) -> Decision:
    """The verdict when no rule fired: the table's cautious low-confidence guess."""
    why = (
        f"No rule matched this wording, so this is the fallback guess ({exposure.label}, "
        "low confidence); describe the task with a plain verb and object, or set its attributes."
    )
    confidence = fallback_probability(exposure, declared)
    return Decision(exposure, "fallback", "none: no rule matched", reason, confidence, -1, "", why)


class Decider:
    """Decisions for sets of fired rules, over `ranked`: the rules by rank (heaviest first)."""

    def __init__(self, ranked: Sequence[_RuleLike]) -> None:
        self._rules = ranked
        self._weight = [rule.weight for rule in ranked]
        self._class = [_CLASS_INDEX[rule.exposure] for rule in ranked]
        self._class_rules = [0, 0, 0]  # by class index: its rules as a bit mask
        for rank, klass in enumerate(self._class):
            self._class_rules[klass] |= 1 << rank
        # The rules that read the wording (not only the attributes), as a bit mask.
        self._wording = sum(1 << r for r, rule in enumerate(ranked) if rule.verbs or rule.objects)
        self._ids = [rule.id for rule in ranked]
        self._why_starts = [_marked(rule) for rule in ranked]
        self._why_rules = [_why_rule(rule) for rule in ranked]
        self.decided: dict[int, Decision] = {}
        self._outcomes: dict[tuple[int, float, int], Decision] = {}
        self._confidences: dict[tuple[int, str], float] = {}

    def decision(self, fired: int) -> Decision:
        """What the fired rules (a non-empty set of ranks) decide."""
        return self.decided.get(fired) or self.decide(fired)

    def also(self, fired: int, decision: Decision) -> tuple[str, ...]:
        """The other fired rules' ids, strongest first."""
        return tuple(self._ids[r] for r in bits(fired) if r != decision.rank)

    def forget(self) -> None:
        """Drop every memoised decision, so memory stays flat on any input."""
        self.decided.clear()
        self._outcomes.clear()
        self._confidences.clear()

    def decide(self, fired: int) -> Decision:
        """`decision` worked out, and memoised."""
        d, a, n = class_rules = self._class_rules
        if fired & d == fired or fired & a == fired or fired & n == fired:
            # one class only: its strongest rule decides, unopposed
            rank, margin, others = (fired & -fired).bit_length() - 1, 1.0, 0
        else:
            weight, klass = self._weight, self._class
            totals = [0.0, 0.0, 0.0]
            rest = fired
            while rest:  # strongest first, as the totals have always been summed
                low = rest & -rest
                r = low.bit_length() - 1
                totals[klass[r]] += weight[r]
                rest ^= low
            # The most weight wins; a tie goes to the more cautious class: claiming
            # displacement needs the stronger evidence.
            displacement, augmentation, not_ready = totals
            if not_ready >= augmentation and not_ready >= displacement:
                win, best = 2, not_ready
                runner_up = augmentation if augmentation >= displacement else displacement
            elif augmentation >= displacement:
                win, best = 1, augmentation
                runner_up = not_ready if not_ready >= displacement else displacement
            else:
                win, best = 0, displacement
                runner_up = not_ready if not_ready >= augmentation else augmentation
            mine = fired & class_rules[win]
            rank, others = (mine & -mine).bit_length() - 1, fired & ~class_rules[win]
            margin = (best - runner_up) / (best + runner_up)
        # `probability` reads the margin by its band alone (as a test checks), so the same rule
        # winning in the same band is as sure: most fired sets share one
        band = band_of(margin)
        confidence = self._confidences.get((rank, band))
        if confidence is None:
            rule = self._rules[rank]
            confidence = probability(rule.id, rule.exposure, margin)
            self._confidences[rank, band] = confidence
        if fired & self._wording != fired:
            confidence = self._with_attributes(fired, rank, confidence)
        first = others & -others
        rest = others ^ first
        outweighed = first | (rest & -rest)  # the other classes' two strongest fired rules
        key = (rank, confidence, outweighed)
        decision = self._outcomes.get(key)
        if decision is None:
            decision = self._outcomes[key] = self._made(rank, confidence, outweighed)
        if len(self.decided) >= MEMO_LIMIT:
            self.forget()
        self.decided[fired] = decision
        return decision

    def _with_attributes(self, fired: int, rank: int, confidence: float) -> float:
        """The confidence of rule `rank` deciding a fired set with attribute rules in it."""
        rule = self._rules[rank]
        wording = fired & self._wording
        if wording and not is_measured(rule.id, rule.exposure):
            # An attribute rule has no record of its own. When the wording alone points the
            # same way, the verdict is at least as sure as the wording's: the worker's own
            # answers agreeing must never make it look less sure.
            alone = self.decision(wording)
            if alone.exposure == rule.exposure:
                return max(confidence, alone.confidence)
        return confidence

    def _made(self, rank: int, confidence: float, outweighed: int) -> Decision:
        rule = self._rules[rank]
        why_end = self._why_rules[rank]
        if outweighed:
            why_end += "; outweighed " + ", ".join(self._ids[r] for r in bits(outweighed))
        why_end += "."
        why_unworded = self._why_starts[rank] + why_end
        return Decision(
            rule.exposure,
            rule.id,
            rule.section,
            rule.reason,
            confidence,
            rank,
            why_end,
            why_unworded,
        )


def _marked(rule: _RuleLike) -> str:
    """How the `why` of a verdict with no words to show starts: the rule's attributes."""
    conditions = ", ".join(k.replace("_", " ") for k, v in rule.when.items() if v)
    return f"Marked {conditions or 'by its attributes'}"


def _why_rule(rule: _RuleLike) -> str:
    """How a verdict's `why` goes on after the words or attributes that made its rule fire: the
    rule and its reason (then the rules it outweighed, and a full stop)."""
    return f" (rule {rule.id}): {rule.reason.rstrip('.')}"


def bits(mask: int) -> list[int]:
    """Indexes of the set bits, lowest first."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out
