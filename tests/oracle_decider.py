"""A plain reference decider: what `coach.decisions.Decider` must decide, said the slow way.

It reads the rules in table order, sorts them by weight for every task and builds each verdict
afresh, with no ranks, bit masks or memos, so the tests can check the fast classifier against
it (`tests/test_decisions_oracle.py`).
"""

from __future__ import annotations

from oracle_matcher import oracle_matches

from coach.confidence import fallback_probability, is_measured, probability
from coach.models import Exposure, Verdict

CLASSES = [Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY]


def _decide(fired: list) -> tuple[object, float, list[str]]:
    """(deciding rule, confidence, ids of the rules of other classes, strongest first)."""
    ranked = sorted(fired, key=lambda rule: -rule.weight)  # stable: table order among equals
    totals = {exposure: 0.0 for exposure in CLASSES}
    for rule in ranked:
        totals[rule.exposure] += rule.weight
    # the most weight wins; a tie goes to the more cautious class
    win = max(reversed(CLASSES), key=lambda exposure: totals[exposure])
    decider = next(rule for rule in ranked if rule.exposure == win)
    best = totals.pop(win)
    runner_up = max(totals.values())
    confidence = probability(decider.id, decider.exposure, (best - runner_up) / (best + runner_up))
    worded = [rule for rule in fired if rule.verbs or rule.objects]
    if worded and len(worded) < len(fired) and not is_measured(decider.id, decider.exposure):
        alone, alone_confidence, _ = _decide(worded)
        if alone.exposure == decider.exposure:
            confidence = max(confidence, alone_confidence)
    return decider, confidence, [rule.id for rule in ranked if rule.exposure != win]


def oracle_verdict(table, text: str, attributes=None) -> Verdict:
    """The verdict on `text`, from the oracle matcher's fired rules and their words."""
    by_id = {rule.id: rule for rule in table.rules}
    matched = oracle_matches(table.rules, text, attributes)
    if not matched:
        meta = table.meta
        exposure = meta.fallback_exposure
        return Verdict(
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
        )
    fired = [by_id[rule_id] for rule_id, _words in matched]
    decider, confidence, against = _decide(fired)
    words = dict(matched)[decider.id][:3]
    if words:
        start = "Matched " + ", ".join(f"'{word}'" for word in words)
    else:
        conditions = ", ".join(k.replace("_", " ") for k, v in decider.when.items() if v)
        start = f"Marked {conditions or 'by its attributes'}"
    outweighed = f"; outweighed {', '.join(against[:2])}" if against else ""
    ranked = sorted(fired, key=lambda rule: -rule.weight)
    return Verdict(
        exposure=decider.exposure,
        rule=decider.id,
        basis=decider.section,
        reason=decider.reason,
        confidence=confidence,
        why=f"{start} (rule {decider.id}): {decider.reason.rstrip('.')}{outweighed}.",
        also=[rule.id for rule in ranked if rule is not decider],
    )
