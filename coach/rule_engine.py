"""The compiled form of a rules table: which rules fire on a task, fast and deterministically.

Every rule is one bit. Each distinct word of the task is looked up once (then memoised) to get
three bit masks: rules whose `verbs`, `objects` or `unless` it satisfies. A task's masks are the
OR of its words' masks (verb masks only at the leading-verb positions), and the fired rules fall
out of a few integer operations. Multi-word phrases are checked only where their first word
appears. Pure Python, no I/O, no global state beyond the per-table memo.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|,")
CONNECTORS = frozenset({",", "and", "or", "and/or"})
# Words that may come before the leading verb: a subject, or an adverb of frequency.
LEAD_IN = frozenset(
    {"i", "we", "you", "they", "he", "she", "also", "usually", "often", "regularly", "sometimes",
     "frequently", "occasionally", "routinely", "then", "personally", "may", "must", "will", "to"}
)  # fmt: skip
VERB, OBJECT, UNLESS = 0, 1, 2
MEMO_LIMIT = 200_000

_Phrase = tuple[int, int, tuple[str, ...]]  # (kind, rule bit, further words)
_Info = tuple[int, int, int, tuple[_Phrase, ...]]  # verb, object and unless masks; phrases
_EMPTY: _Info = (0, 0, 0, ())


class _RuleLike(Protocol):
    verbs: list[str]
    objects: list[str]
    unless: list[str]
    when: dict[str, bool]


def pattern_words(pattern: str) -> list[str]:
    """A pattern's words; a hyphen separates words, as it does in task text."""
    return pattern.replace("-", " ").split()


def word_matches(pattern: str, token: str) -> bool:
    if pattern[-1] == "*":
        return token.startswith(pattern[:-1])
    return token == pattern


def rest_matches(rest: tuple[str, ...], tokens: list[str], start: int) -> bool:
    if start + len(rest) > len(tokens):
        return False
    return all(word_matches(p, tokens[start + i]) for i, p in enumerate(rest))


def verb_positions(tokens: list[str]) -> tuple[int, ...]:
    """The task's leading verbs: 'Plan, direct, or coordinate X' gives all three positions."""
    pos, end = 0, len(tokens)
    while pos < end and tokens[pos] in LEAD_IN:
        pos += 1
    found = []
    while pos < end and tokens[pos] not in CONNECTORS:
        found.append(pos)
        pos += 1
        if pos < end and tokens[pos] in CONNECTORS:
            while pos < end and tokens[pos] in CONNECTORS:
                pos += 1
        else:
            break
    return tuple(found)


class Matcher:
    """Bit-mask matcher for a list of rules (anything with verbs/objects/unless/when)."""

    def __init__(self, rules: Sequence[_RuleLike]) -> None:
        self._exact: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}
        self._prefix: list[tuple[str, int, int, tuple[str, ...]]] = []
        self._memo: dict[str, _Info] = {}
        self.no_verbs = 0  # rules that do not need a verb
        self.no_objects = 0
        self.word_rules = 0
        self.when_rules: list[tuple[int, dict[str, bool]]] = []
        self.when_mask = 0
        self.attribute_only = 0
        for index, rule in enumerate(rules):
            bit = 1 << index
            if not rule.verbs:
                self.no_verbs |= bit
            if not rule.objects:
                self.no_objects |= bit
            if rule.verbs or rule.objects:
                self.word_rules |= bit
            elif rule.when:
                self.attribute_only |= bit
            if rule.when:
                self.when_rules.append((bit, dict(rule.when)))
                self.when_mask |= bit
            for kind, patterns in (
                (VERB, rule.verbs),
                (OBJECT, rule.objects),
                (UNLESS, rule.unless),
            ):
                for pattern in patterns:
                    first, *rest = pattern_words(pattern)
                    if first.endswith("*"):
                        self._prefix.append((first[:-1], kind, bit, tuple(rest)))
                    else:
                        self._exact.setdefault(first, []).append((kind, bit, tuple(rest)))

    def _info(self, token: str) -> _Info:
        masks = [0, 0, 0]
        phrases: list[_Phrase] = []
        entries = list(self._exact.get(token, ()))
        entries += [(k, b, r) for stem, k, b, r in self._prefix if token.startswith(stem)]
        for kind, bit, rest in entries:
            if rest:
                phrases.append((kind, bit, rest))
            else:
                masks[kind] |= bit
        info = (masks[0], masks[1], masks[2], tuple(phrases))
        if info == _EMPTY:
            info = _EMPTY
        if len(self._memo) < MEMO_LIMIT:
            self._memo[token] = info
        return info

    def scan(
        self, text: str, attributes: dict[str, bool | None] | None = None
    ) -> tuple[int, list[str], tuple[int, ...], list[int]]:
        """Fired-rule mask, the tokens, the leading-verb positions and positions that hit."""
        tokens = TOKEN_RE.findall(text.lower())
        verbs_at = verb_positions(tokens)
        verb = obj = veto = 0
        hit_at: list[int] = []
        memo_get = self._memo.get
        for pos, token in enumerate(tokens):
            info = memo_get(token) or self._info(token)
            if info is _EMPTY:
                continue
            vm, om, um, phrases = info
            for kind, bit, rest in phrases:
                if rest_matches(rest, tokens, pos + 1):
                    if kind == VERB:
                        vm |= bit
                    elif kind == OBJECT:
                        om |= bit
                    else:
                        um |= bit
            if vm and pos in verbs_at:
                verb |= vm
            obj |= om
            veto |= um
            if vm or om:
                hit_at.append(pos)
        fired = (verb | self.no_verbs) & (obj | self.no_objects) & (verb | obj) & ~veto
        if self.when_mask:
            held = self._attributes_held(attributes)
            fired = (fired & ~self.when_mask) | (fired & held) | (self.attribute_only & held)
        return fired, tokens, verbs_at, hit_at

    def _attributes_held(self, attributes: dict[str, bool | None] | None) -> int:
        if not attributes:
            return 0
        held = 0
        for bit, when in self.when_rules:
            if all(attributes.get(name) is expected for name, expected in when.items()):
                held |= bit
        return held

    def evidence(
        self, index: int, tokens: list[str], verbs_at: tuple[int, ...], hit_at: list[int]
    ) -> tuple[str, ...]:
        """The task's words that made rule `index` fire, in task order, without repeats."""
        bit = 1 << index
        seen: dict[str, None] = {}
        for pos in hit_at:
            vm, om, _um, phrases = self._memo.get(tokens[pos]) or self._info(tokens[pos])
            if (vm & bit and pos in verbs_at) or om & bit:
                seen[tokens[pos]] = None
            for kind, pbit, rest in phrases:
                wanted = kind == OBJECT or (kind == VERB and pos in verbs_at)
                if pbit == bit and wanted and rest_matches(rest, tokens, pos + 1):
                    seen[" ".join(tokens[pos : pos + 1 + len(rest)])] = None
        return tuple(seen)


def bits(mask: int) -> list[int]:
    """Indexes of the set bits, lowest first (table order)."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out
