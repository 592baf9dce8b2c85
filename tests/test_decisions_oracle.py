"""The fast classifier (ranks, bit masks, shared decisions, memos) gives the verdicts that the
plain reference decider (`tests/oracle_decider.py`) works out afresh: on the bundled table, on
tables with tied and opposed weights, with and without attributes, and after its memos are
forgotten."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oracle_decider import oracle_verdict

from coach import decisions
from coach.models import ATTRIBUTES
from coach.rules import load_rules, parse_rules

BUNDLED = load_rules()
WORDS = sorted(
    {
        word.removesuffix("*")
        for rule in BUNDLED.rules
        for pattern in rule.verbs + rule.objects + rule.unless
        for word in pattern.replace("-", " ").split()
    }
)
attributes = st.one_of(
    st.none(),
    st.fixed_dictionaries({}, optional={a: st.none() | st.booleans() for a in ATTRIBUTES}),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*WORDS, "and", ",", "or", "I"]), max_size=25), attributes)
def test_bundled_verdicts_are_the_oracles(parts: list[str], attrs) -> None:
    text = " ".join(parts)
    assert BUNDLED.rule_on(text, attrs).verdict() == oracle_verdict(BUNDLED, text, attrs)


SMALL_WORDS = ["alpha", "beta", "gamma", "delta", "omega", "sigma"]
rule_rows = st.lists(
    st.tuples(
        st.sampled_from(["displacement", "augmentation", "not-ready"]),
        st.sampled_from([0.5, 1.0, 1.0, 2.0, 3.0, 2.5]),  # ties, and weights that add up
        st.lists(st.sampled_from(SMALL_WORDS), max_size=2),
        st.sampled_from([{}, {}, {"high_stakes": True}, {"repetitive": True}]),
    ),
    min_size=1,
    max_size=8,
)


def _table(rows):
    return parse_rules(
        {
            "rule": [
                {"id": f"rule-{i}", "exposure": exposure, "section": "test section",
                 "reason": f"Reason number {i}.", "weight": weight,
                 "objects": words if words or when else ["alpha"], "when": when}
                for i, (exposure, weight, words, when) in enumerate(rows)
            ]
        },
        "random table",
    )  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rule_rows, st.lists(st.lists(st.sampled_from(SMALL_WORDS), max_size=8), max_size=6), attributes
)
def test_any_table_decides_as_the_oracle(rows, texts, attrs) -> None:
    table = _table(rows)
    for words in texts:
        text = " ".join(words)
        assert table.rule_on(text, attrs).verdict() == oracle_verdict(table, text, attrs), text


def test_verdicts_agree_after_the_memos_are_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    # A memo of two fired sets is forgotten over and over: no verdict may change
    monkeypatch.setattr(decisions, "MEMO_LIMIT", 2)
    small = load_rules()
    texts = [
        "Prepare monthly sales reports and answer customer questions",
        "Plan, direct, or coordinate repairs of hydraulic pumps",
        "Negotiate the annual budget with the board",
        "Run the unit tests and test cases on the web app",
        "Review and approve invoices, contracts and legal documents",
    ]
    for text in texts * 3:
        assert small.classify(text) == BUNDLED.classify(text) == oracle_verdict(BUNDLED, text)
        assert len(small._decider.decided) <= 2
