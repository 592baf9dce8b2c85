"""Named word lists in a rules table ([lists], used as "@name"): expanded where they are named,
and every mistake in them is one CoachError naming the file, the rule and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.errors import CoachError
from coach.rule_lists import expand_lists, word_lists
from coach.rules import load_rules

SECTION = "Where AI is truly replacing work: real displacement"
RULE = f"""
[[rule]]
id = "hands-on"
exposure = "not-ready"
section = "{SECTION}"
reason = "Work done with the hands stays with people."
verbs = ["move*", "clean*"]
unless = ["@screen", "report*"]
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return load_rules(path)


def test_a_named_list_vetoes_like_its_words_written_out(tmp_path: Path) -> None:
    table = load(tmp_path, '[lists]\nscreen = ["inbox*", "website*"]\n' + RULE)
    assert table.classify("Move the furniture to the new office").rule == "hands-on"
    assert table.classify("Move the website to a new host").rule == "fallback"
    assert table.classify("Clean the shared inbox").rule == "fallback"
    assert table.classify("Clean the weekly reports").rule == "fallback"  # its own word stays
    (rule,) = table.rules
    assert rule.unless == ["inbox*", "website*", "report*"]


def test_an_unknown_list_names_the_rule_the_field_and_the_known_lists(tmp_path: Path) -> None:
    with pytest.raises(CoachError) as info:
        load(tmp_path, '[lists]\ndesk = ["inbox*"]\n' + RULE)
    message = str(info.value)
    assert "rules.toml" in message and "rule 'hands-on'" in message
    assert "field 'unless'" in message and "'@screen'" in message and "desk" in message


def test_a_bad_pattern_in_a_list_is_reported_at_the_rule_that_uses_it(tmp_path: Path) -> None:
    with pytest.raises(CoachError) as info:
        load(tmp_path, '[lists]\nscreen = ["Inbox"]\n' + RULE)
    assert "rule 'hands-on'" in str(info.value) and "'Inbox'" in str(info.value)


@pytest.mark.parametrize(
    ("lists", "expected"),
    [
        ("lists = 3\n", "[lists] must be a table"),
        ('[lists]\n"Screen Work" = ["inbox"]\n', "lower-case letters"),
        ('[lists]\nscreen = "inbox"\n', "must be a list"),
        ('[lists]\nscreen = ["@other"]\nother = ["inbox"]\n', "cannot name another list"),
    ],
)
def test_a_malformed_lists_table_says_how_to_fix_it(
    tmp_path: Path, lists: str, expected: str
) -> None:
    with pytest.raises(CoachError) as info:
        load(tmp_path, lists + RULE)
    assert expected in str(info.value) and "rules.toml" in str(info.value)


def test_the_bundled_table_uses_its_lists() -> None:
    table = load_rules()
    physical = next(r for r in table.rules if r.id == "physical-verbs")
    assert "excel" in physical.unless and not any(p.startswith("@") for p in physical.unless)


words = st.lists(st.from_regex(r"[a-z]{3,8}\*?", fullmatch=True), min_size=1, max_size=6)


@given(words, words, words)
def test_expanding_keeps_order_and_each_pattern_once(before, listed, after) -> None:
    rule = {"id": "r", "unless": [*before, "@x", *after]}
    expanded = expand_lists(rule, word_lists({"x": listed}, "t"), "t: rule 'r'")
    assert expanded["unless"] == list(dict.fromkeys([*before, *listed, *after]))
    assert rule["unless"][len(before)] == "@x"  # the table it came from is left as it was


def test_a_bad_pattern_in_an_unused_list_is_still_reported(tmp_path: Path) -> None:
    with pytest.raises(CoachError) as info:
        load(
            tmp_path,
            '[lists]\nscreen = ["inbox*"]\nspare = ["x*"]\n' + RULE.replace("@screen", "inbox"),
        )
    assert "[lists] 'spare'" in str(info.value) and "'x*'" in str(info.value)
