"""A plain reference matcher: what `coach.rule_engine.Matcher` must find, said the slow way.

It tries every pattern at every place, with no masks, memos or anchors, so the tests can check
the fast engine against it (`tests/test_engine_oracle.py`).
"""

from __future__ import annotations

import re

from coach.task_words import CONNECTORS, LEAD_IN, pattern_words

LEAD = {w.decode() for w in LEAD_IN}
JOINS = {w.decode() for w in CONNECTORS}


def leading_verb_places(text: str) -> set[int]:
    """Places (among the words) of 'Plan, direct, or coordinate ...': the first word after any
    lead-in words, and each word after a run of commas, 'and' and 'or' that follows it; and,
    after a label of one to seven words and a colon ('Quick one: approve ...'), the same again."""
    places = _list_places(text)
    if ":" in text:
        head, rest = text.split(":", 1)
        label = len(re.findall(r"[a-z0-9]+", head.lower()))
        if 1 <= label <= 7 and re.search(r"[a-z0-9]", rest.lower()):
            places |= {label + place for place in _list_places(rest)}
    return places


def _list_places(text: str) -> set[int]:
    tokens = re.findall(r"[a-z0-9]+|,", text.lower())
    places, word_number, i = set(), 0, 0
    while i < len(tokens) and tokens[i] in LEAD:
        i, word_number = i + 1, word_number + 1
    while i < len(tokens) and tokens[i] not in JOINS:
        places.add(word_number)
        i, word_number = i + 1, word_number + 1
        if i == len(tokens) or tokens[i] not in JOINS:
            break
        while i < len(tokens) and tokens[i] in JOINS:
            word_number += tokens[i] != ","
            i += 1
    return places


def found_at(pattern: str, words: list[str]) -> list[tuple[int, str]]:
    """(place, the task's words there) wherever the pattern matches; 'report*' is a prefix."""
    parts = pattern_words(pattern)
    hits = []
    for start in range(len(words) - len(parts) + 1):
        here = words[start : start + len(parts)]
        pairs = zip(parts, here, strict=True)
        if all(w.startswith(p[:-1]) if p.endswith("*") else w == p for p, w in pairs):
            hits.append((start, " ".join(here)))
    return hits


def oracle_matches(rules, text: str, attributes=None) -> list[tuple[str, tuple[str, ...]]]:
    """(rule id, evidence words in task order) for every rule that fires, in table order."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    if words and text.strip().endswith("?"):  # a question: "?" is its last word
        words.append("?")
    verb_places = leading_verb_places(text)
    fired = []
    for rule in rules:
        verbs = [hit for p in rule.verbs for hit in found_at(p, words) if hit[0] in verb_places]
        objects = [hit for p in rule.objects for hit in found_at(p, words)]
        vetoed = any(found_at(p, words) for p in rule.unless)
        worded = bool(rule.verbs or rule.objects)
        by_words = (verbs or not rule.verbs) and (objects or not rule.objects) and not vetoed
        held = bool(attributes) and all(attributes.get(k) is v for k, v in rule.when.items())
        if (worded and by_words and (not rule.when or held)) or (not worded and held):
            evidence = dict.fromkeys(words for _place, words in sorted(verbs + objects))
            fired.append((rule.id, tuple(evidence)))
    return fired
