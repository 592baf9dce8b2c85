"""Named word lists of the rules table: `[lists]` in rules.toml, used as "@name" in a rule.

Several rules share the same words: the desk tools and digital things that show a task is done
at a screen veto every rule about hands-on work, in the same way. Writing them once, as a named
list, keeps those vetoes the same everywhere and the table readable:

    [lists]
    screen-work = ["email*", "inbox*", "spreadsheet*", "dashboard*"]

    [[rule]]
    id = "physical-verbs"
    unless = ["@screen-work", "report*"]

A list is expanded where it is named, before the rule is validated, so the classifier only ever
sees plain patterns. Pure: no I/O.
"""

from __future__ import annotations

import re

from coach.errors import CoachError

LIST_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PATTERN_FIELDS = ("verbs", "objects", "unless")


def word_lists(raw: object, source: str) -> dict[str, list[str]]:
    """The table's `[lists]`, checked: each name lower-case with dashes, each a list of text."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise CoachError(f"{source}: [lists] must be a table of named word lists")
    lists: dict[str, list[str]] = {}
    for name, words in raw.items():
        if not LIST_NAME.match(name):
            raise CoachError(
                f"{source}: [lists] {name!r}: use lower-case letters, digits and dashes"
            )
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise CoachError(f"{source}: [lists] {name!r}: must be a list of words or phrases")
        if any(w.startswith("@") for w in words):
            raise CoachError(f"{source}: [lists] {name!r}: a list cannot name another list")
        lists[name] = words
    return lists


def expand_lists(raw_rule: object, lists: dict[str, list[str]], label: str) -> object:
    """The rule with every "@name" in its pattern fields replaced by that list's words (in
    place, order kept, each pattern once). Anything that is not a rule-shaped table is returned
    as it is, for the rule's own validation to report."""
    if not isinstance(raw_rule, dict):
        return raw_rule
    rule = dict(raw_rule)
    for field in PATTERN_FIELDS:
        patterns = rule.get(field)
        if not isinstance(patterns, list) or not any(
            isinstance(p, str) and p.startswith("@") for p in patterns
        ):
            continue
        expanded: list[object] = []
        for pattern in patterns:
            if isinstance(pattern, str) and pattern.startswith("@"):
                name = pattern[1:]
                if name not in lists:
                    known = ", ".join(sorted(lists)) or "none defined"
                    raise CoachError(
                        f"{label}: field '{field}': no list named {pattern!r} "
                        f"(lists in [lists]: {known})"
                    )
                expanded.extend(lists[name])
            else:
                expanded.append(pattern)
        if all(isinstance(p, str) for p in expanded):
            expanded = list(dict.fromkeys(expanded))
        rule[field] = expanded
    return rule
