"""The fast matcher agrees with the plain reference matcher (`tests/oracle_matcher.py`) on
random text, on text shaped like real task statements, and on tables with phrases of every
shape, with and without task attributes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oracle_matcher import leading_verb_places, oracle_matches

from coach import rule_engine
from coach.models import ATTRIBUTES
from coach.rules import RulesMeta, RuleSpec, RuleTable, load_rules, parse_rules

BUNDLED = load_rules()


def _pattern_words(table: RuleTable) -> list[str]:
    """Words that the table's patterns match (stems given endings), so random text hits rules."""
    out = set()
    for rule in table.rules:
        for pattern in rule.verbs + rule.objects + rule.unless:
            for word in pattern.replace("-", " ").replace("'", " ").split():
                stem = word.removesuffix("*")
                out |= {stem, stem + "s", stem + "ing"} if word.endswith("*") else {word}
    return sorted(out)


VOCABULARY = _pattern_words(BUNDLED)
GLUE = [
    "and",
    "or",
    ",",
    ", or",
    "I",
    "we",
    "also",
    "usually",
    "to",
    "the",
    "of",
    "for",
    ".",
    "?",
    " ? ",
]
ODD = ["Kelvin \u212a", "caf\u00e9", "\u5de5\u4f5c", "e-mail", "don't", "tier-1", "\x1b[0m"]


def _fast(table: RuleTable, text: str, attributes=None) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.rule.id, m.evidence) for m in table.matches(text, attributes)]


words = st.sampled_from(VOCABULARY)
statement_words = st.one_of(
    words, words.map(str.title), st.sampled_from(GLUE), st.sampled_from(ODD)
)
attributes = st.one_of(
    st.none(),
    st.fixed_dictionaries({}, optional={a: st.none() | st.booleans() for a in ATTRIBUTES}),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(statement_words, max_size=30), attributes)
def test_agrees_on_real_shaped_text(parts: list[str], attrs) -> None:
    text = " ".join(parts)
    assert _fast(BUNDLED, text, attrs) == oracle_matches(BUNDLED.rules, text, attrs)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120), attributes)
def test_agrees_on_random_text(text: str, attrs) -> None:
    assert _fast(BUNDLED, text, attrs) == oracle_matches(BUNDLED.rules, text, attrs)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.one_of(words, st.sampled_from(GLUE), st.text(alphabet="aeiou ,-'", max_size=6)),
        max_size=25,
    ).map(" ".join)
)
def test_agrees_with_leading_verb_lists(text: str) -> None:
    # "Plan, direct, or coordinate ...": verbs count only at the list's places
    lead = "Plan, direct, or coordinate " if len(text) % 2 else "I often review and "
    assert _fast(BUNDLED, lead + text) == oracle_matches(BUNDLED.rules, lead + text)


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=30),
    st.lists(st.sampled_from([", ", ", and ", " and ", " or ", ",, ", " , or "]), max_size=30),
    st.sampled_from(["", "Usually ", "We also ", "  - ", "Urgent: "]),
    st.text(alphabet="abc ,.XYZ", max_size=40),
)
def test_a_list_of_verbs_reads_the_same_whatever_its_length(verbs, joins, lead, tail) -> None:
    """A leading list is first read from the task's first bytes; one that runs on past them (or
    ends just there, with a word cut in two) is read again from the whole task."""
    from coach.task_words import LIST_TOKEN_RE, _list_words, task_words

    joins = (joins + [" "] * len(verbs))[: len(verbs)]
    text = lead + "".join(v + j for v, j in zip(verbs, joins, strict=True)) + tail
    assert set(task_words(text)[1]) == leading_verb_places(text), text
    data = text.encode("ascii", "replace")
    assert _list_words(data) == LIST_TOKEN_RE.findall(data.lower())
    assert _fast(BUNDLED, text) == oracle_matches(BUNDLED.rules, text)


def test_a_list_cut_at_its_first_bytes_inside_a_word_is_read_whole() -> None:
    """Where the first bytes end inside "and" ("an"), or inside a verb, the list still goes on."""
    from coach.task_words import _LIST_HEAD, task_words

    for pad in range(12):  # moves " and direct" across the end of the first bytes
        text = "Plan" + ", plan" * ((_LIST_HEAD - 10) // 6) + " " * pad + " and direct the work"
        assert set(task_words(text)[1]) == leading_verb_places(text), pad


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(statement_words, max_size=14).map(" ".join), attributes)))
def test_a_block_scanned_at_once_is_each_task_scanned_alone(tasks) -> None:
    """`scan_all` (a block of tasks a step at a time, each with its own attributes) gives what
    `scan` gives task by task."""
    matcher = BUNDLED._matcher
    texts, attrs = [text for text, _ in tasks], [given for _, given in tasks]
    assert matcher.scan_all(texts, attrs) == [matcher.scan(t, a) for t, a in tasks]


PHRASE_TABLE = parse_rules(
    {
        "rule": [
            {"id": "verb-phrase", "exposure": "displacement", "section": "test section",
             "reason": "A verb phrase at the leading verb.", "verbs": ["set up", "follow* up"],
             "objects": ["ad campaign*"]},
            {"id": "long-phrase", "exposure": "augmentation", "section": "test section",
             "reason": "A phrase of three words or more.", "verbs": ["test*"],
             "objects": ["user acceptance test*", "test case*", "unit test*"],
             "unless": ["in person"]},
            {"id": "stem-anchor", "exposure": "not-ready", "section": "test section",
             "reason": "A phrase whose words are all stems.", "objects": ["repair* pump*", "web"],
             "when": {"safety_critical": True}},
            {"id": "attribute-only", "exposure": "not-ready", "section": "test section",
             "reason": "A rule of attributes alone.", "unless": ["test case"],
             "when": {"high_stakes": True}},
        ]
    },
    "phrase table",
)  # fmt: skip
PHRASE_WORDS = [*_pattern_words(PHRASE_TABLE), "and", "or", ",", "the", "I", "in", "person"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(PHRASE_WORDS), max_size=20).map(" ".join),
    attributes,
)
def test_agrees_on_phrases_of_every_shape(text: str, attrs) -> None:
    assert _fast(PHRASE_TABLE, text, attrs) == oracle_matches(PHRASE_TABLE.rules, text, attrs)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Plan, direct, or coordinate the work", {0, 1, 3}),
        ("I often review and approve invoices", {2, 4}),
        ("Prepare reports, memos", {0}),
        ("and then", set()),
    ],
)
def test_the_oracle_reads_leading_verbs_as_the_readme_says(text: str, places: set[int]) -> None:
    assert leading_verb_places(text) == places


@pytest.mark.parametrize(
    "text", [", test case", "  ,test the unit tests", ", Plan, direct, or test", "- test, case"]
)
def test_a_comma_before_the_first_word_is_read_as_the_list_reader_reads_it(text: str) -> None:
    # (hypothesis found ", test case": the one-verb shortcut took 'test' for a leading verb)
    assert _fast(PHRASE_TABLE, text) == oracle_matches(PHRASE_TABLE.rules, text)
    assert _fast(BUNDLED, text) == oracle_matches(BUNDLED.rules, text)


def test_agrees_after_the_word_memo_is_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    # A memo of a few words is forgotten over and over: the answers must not change
    monkeypatch.setattr(rule_engine, "WORD_MEMO_LIMIT", 12)
    small = load_rules()
    texts = [
        "Run the unit tests and test cases on the web app",
        "Compile the weekly sales report from the CRM",
        "Plan, direct, or coordinate repairs of hydraulic pumps",
        "Answer tier-1 customer tickets about password resets",
    ] * 3
    for text in texts:
        assert _fast(small, text) == _fast(BUNDLED, text) == oracle_matches(BUNDLED.rules, text)
        assert small.classify(text) == BUNDLED.classify(text)
    assert len(small._matcher._word_masks) <= 12 + 12  # forgotten, never grown past one task


def test_a_phrase_in_several_rules_is_checked_once_and_counts_for_each() -> None:
    """The same phrase in several rules (as a named list puts it) is one Phrase with all their
    bits: each rule still fires on it, shows it as its evidence, or is vetoed by it."""
    spec = dict(section="a section", reason="a reason, long enough", weight=1)
    rules = [
        RuleSpec(id="one", exposure="displacement", objects=["test case*"], **spec),
        RuleSpec(id="two", exposure="augmentation", objects=["test case*", "suite"], **spec),
        RuleSpec(
            id="three", exposure="not-ready", objects=["suite"], unless=["test case*"], **spec
        ),
    ]
    table = RuleTable(rules, RulesMeta())
    phrases = [p for group in table._matcher._phrases_exact.values() for p in group]
    assert len([p for p in phrases if p.kind == 1]) == 1  # one object phrase, two rules' bits
    text = "Write test cases for the suite"
    assert _fast(table, text) == [("one", ("test cases",)), ("two", ("test cases", "suite"))]
    assert _fast(table, text) == oracle_matches(table.rules, text)


@pytest.mark.parametrize("text", ["and ", "or", "And file the receipts", "or, review"])
def test_a_task_opening_on_a_joining_word_has_the_same_leading_verbs_as_the_oracle(text) -> None:
    """The one-word fast path and the list reader agree when the first word is "and" or "or"
    (hypothesis found "and " read as a verb by one and not the other)."""
    from coach.task_words import task_words

    assert set(task_words(text)[1]) == leading_verb_places(text), text
    assert _fast(BUNDLED, text) == oracle_matches(BUNDLED.rules, text)
