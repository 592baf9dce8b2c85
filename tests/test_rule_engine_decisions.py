"""What the classifier memoises gives the same verdicts as working each one out afresh.

`RuleTable` keeps a verdict's confidence by its deciding rule and margin band, which is right
only while `coach.confidence.probability` reads the margin by its band alone: these tests
hold it to that, for every rule of the bundled table and for rules it has never seen.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.confidence import band_of, probability
from coach.models import Exposure
from coach.rules import load_rules

BUNDLED = load_rules()
# one margin inside each band
INSIDE = {"unopposed": 1.0, "clear": 0.75, "close": 0.25}


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=0.0, max_value=1.0, allow_nan=False))
def test_probability_reads_the_margin_by_its_band_alone(margin: float) -> None:
    inside = INSIDE[band_of(margin)]
    for rule in BUNDLED.rules:
        assert probability(rule.id, rule.exposure, margin) == probability(
            rule.id, rule.exposure, inside
        ), rule.id
    for exposure in Exposure:  # a rule the calibration has never seen
        assert probability("no-such-rule", exposure, margin) == probability(
            "no-such-rule", exposure, inside
        )


TASKS = [
    "Prepare monthly sales reports and answer customer questions",
    "Plan, direct, or coordinate repairs of hydraulic pumps",
    "Negotiate the annual budget with the board",
    "Run the unit tests and test cases on the web app",
    "Answer tier-1 tickets about password resets",
    "Counsel patients about their treatment in person",
    "Compile the weekly sales report from the CRM",
    "Review and approve invoices, contracts and legal documents",
]


def test_each_confidence_is_what_probability_gives_its_decision() -> None:
    for text in TASKS:
        fired, _scan = BUNDLED._matcher.scan(text)
        verdict = BUNDLED.classify(text)
        if not fired:
            continue
        rule = next(r for r in BUNDLED.rules if r.id == verdict.rule)
        weights = {e: 0.0 for e in Exposure}
        for match in BUNDLED.matches(text):
            weights[match.rule.exposure] += match.rule.weight
        best = weights[rule.exposure]
        runner_up = max(w for e, w in weights.items() if e != rule.exposure)
        margin = (best - runner_up) / (best + runner_up)
        assert verdict.confidence == probability(rule.id, rule.exposure, margin), text
