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
from functools import reduce
from itertools import compress, count
from operator import itemgetter, or_
from typing import Protocol

TOKEN_RE = re.compile(r"[a-z0-9]+")
# Only the leading list of verbs needs commas ("Plan, direct, or coordinate"), so commas are
# tokenised separately, and only when the task starts with such a list.
_LIST_TOKEN_RE = re.compile(r"[a-z0-9]+|,")
_STARTS_WITH_LIST = re.compile(r"[^a-z0-9]*[a-z0-9]+[^a-z0-9,]*,").match
CONNECTORS = frozenset({",", "and", "or"})
# Words that may come before the leading verb: a subject, or an adverb of frequency.
LEAD_IN = frozenset(
    {"i", "we", "you", "they", "he", "she", "also", "usually", "often", "regularly", "sometimes",
     "frequently", "occasionally", "routinely", "then", "personally", "may", "must", "will", "to"}
)  # fmt: skip
VERB, OBJECT, UNLESS = 0, 1, 2
_findall = TOKEN_RE.findall
_PACKED = itemgetter(1)  # a word info's object | unless mask
_PHRASES = itemgetter(2)  # a word info's phrase candidates
_INFO = itemgetter(2)  # a hit's word info
MEMO_LIMIT = 200_000

_MIN_STEM = 3  # a prefix pattern has at least this many letters before its '*'
# (kind, rule bit, (words before, words after the looked-up word))
_Phrase = tuple[int, int, tuple[tuple[str, ...], tuple[str, ...]]]
# (kind, rule bit, words before, words after, ((offset, word or stem, is stem), ...))
_Candidate = tuple[int, int, int, int, tuple[tuple[int, str, bool], ...]]
# verb mask, object|unless<<n mask, phrase candidates, the candidates by neighbouring word
_Info = tuple[int, int, tuple[_Candidate, ...], tuple[dict, dict]]
_EMPTY = ()  # falsy: the word matches no pattern
# (position, word, info) of matching words, leading-verb positions, phrases matched at a position
Scan = tuple[list, tuple[int, ...], dict[int, tuple[tuple[int, int, int, str], ...]]]


class _RuleLike(Protocol):
    verbs: list[str]
    objects: list[str]
    unless: list[str]
    when: dict[str, bool]


def pattern_words(pattern: str) -> list[str]:
    """A pattern's words; a hyphen separates words, as it does in task text."""
    return pattern.replace("-", " ").replace("'", " ").split()


def verb_positions(tokens: list[str], lowered: str) -> tuple[int, ...]:
    """The task's leading verbs: 'Plan, direct, or coordinate X' gives all three positions.

    `tokens` are TOKEN_RE's words of `lowered`; positions index into them.
    """
    if not tokens:
        return ()
    if "," not in lowered:  # "Prepare and review X": no commas, so the words are the tokens
        if tokens[0] not in LEAD_IN and (len(tokens) < 2 or tokens[1] not in CONNECTORS):
            return (0,)  # the common case: one leading verb
        return _leading_verbs(tokens)
    if (
        tokens[0] not in LEAD_IN
        and (len(tokens) < 2 or tokens[1] not in CONNECTORS)
        and not _STARTS_WITH_LIST(lowered)
    ):
        return (0,)
    words = _LIST_TOKEN_RE.findall(lowered)
    pos, end = 0, len(words)
    while pos < end and words[pos] in LEAD_IN:
        pos += 1
    found = []
    while pos < end and words[pos] not in CONNECTORS:
        found.append(pos - words[:pos].count(","))
        pos += 1
        if pos < end and words[pos] in CONNECTORS:
            while pos < end and words[pos] in CONNECTORS:
                pos += 1
        else:
            break
    return tuple(found)


def _leading_verbs(words: list[str]) -> tuple[int, ...]:
    """`verb_positions` for a task without commas, whose words are its tokens."""
    pos, end = 0, len(words)
    while pos < end and words[pos] in LEAD_IN:
        pos += 1
    found = []
    while pos < end and words[pos] not in CONNECTORS:
        found.append(pos)
        pos += 1
        if pos < end and words[pos] in CONNECTORS:
            while pos < end and words[pos] in CONNECTORS:
                pos += 1
        else:
            break
    return tuple(found)


class Matcher:
    """Bit-mask matcher for a list of rules (anything with verbs/objects/unless/when).

    A word's info is (verb mask, object mask | unless mask << rule count, phrases), or the
    falsy _EMPTY when it matches nothing, so a task's object and veto masks are one
    OR-reduction over its words. Bit 2n of the packed mask flags a word that starts a phrase.
    """

    def __init__(self, rules: Sequence[_RuleLike]) -> None:
        self._exact: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}
        self._prefix: dict[str, list[tuple[str, int, int, tuple[str, ...]]]] = {}
        # Word -> info, filled on first sight of a word (bounded, so odd input cannot grow it).
        # A plain dict: its __getitem__ is the cheapest lookup there is.
        self._memo: dict[str, _Info | tuple[()]] = {}
        self._lookup = self._memo.__getitem__
        self._shift = len(rules)
        self._phrase_shift = 2 * len(rules)  # a flag bit: the word starts a phrase
        self._all = (1 << len(rules)) - 1
        self.no_verbs = 0  # rules that do not need a verb
        self.no_objects = 0
        self.when_rules: list[tuple[int, dict[str, bool]]] = []
        self.when_mask = 0
        self.attribute_only = 0
        for index, rule in enumerate(rules):
            bit = 1 << index
            if not rule.verbs:
                self.no_verbs |= bit
            if not rule.objects:
                self.no_objects |= bit
            if not (rule.verbs or rule.objects) and rule.when:
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
                    words = pattern_words(pattern)
                    at = _anchor(words)
                    anchor, shape = words[at], (tuple(words[:at]), tuple(words[at + 1 :]))
                    if anchor.endswith("*"):
                        entry = (anchor[:-1], kind, bit, shape)
                        self._prefix.setdefault(anchor[:_MIN_STEM], []).append(entry)
                    else:
                        self._exact.setdefault(anchor, []).append((kind, bit, shape))

    def _learn(self, token: str) -> _Info | tuple[()]:
        """The word's info, from the memo or computed (and memoised while there is room)."""
        info = self._memo.get(token)
        if info is None:
            info = self._info(token)
            if len(self._memo) < MEMO_LIMIT:
                self._memo[token] = info
        return info

    def _info(self, token: str) -> _Info | tuple[()]:
        masks = [0, 0, 0]
        phrases: list[_Phrase] = []
        entries = list(self._exact.get(token, ()))
        for stem, kind, bit, rest in self._prefix.get(token[:_MIN_STEM], ()):
            if token.startswith(stem):
                entries.append((kind, bit, rest))
        for kind, bit, shape in entries:
            if shape != ((), ()):
                phrases.append((kind, bit, shape))
            else:
                masks[kind] |= bit
        if masks == [0, 0, 0] and not phrases:
            return _EMPTY
        packed = masks[OBJECT] | masks[UNLESS] << self._shift
        if phrases:
            packed |= 1 << self._phrase_shift
        candidates = tuple(map(_compiled, phrases))
        return (masks[VERB], packed, candidates, _near_index(candidates))

    def scan(self, text: str, attributes: dict[str, bool | None] | None = None) -> tuple[int, Scan]:
        """The mask of fired rules, and the scan that `evidence` reads the words back from."""
        lowered = text.lower()
        tokens = _findall(lowered)
        try:
            infos = list(map(self._lookup, tokens))
        except KeyError:  # a word seen for the first time
            infos = list(map(self._learn, tokens))
        # (position, word, info) of the words that match something; usually a handful.
        hits = list(compress(zip(count(), tokens, infos), infos))
        packed = reduce(or_, map(_PACKED, filter(None, infos)), 0)
        if (
            tokens
            and tokens[0] not in LEAD_IN
            and (len(tokens) < 2 or tokens[1] not in CONNECTORS)
            and ("," not in lowered or not _STARTS_WITH_LIST(lowered))
        ):
            verbs_at: tuple[int, ...] = (0,)  # the common case: one leading verb
            verb = infos[0][0] if infos[0] else 0
        else:
            verbs_at = verb_positions(tokens, lowered)
            verb = 0
            for pos in verbs_at:
                if infos[pos]:
                    verb |= infos[pos][0]
        phrases: dict[int, tuple[tuple[int, int, int, str], ...]] = {}
        if packed >> self._phrase_shift:  # some word starts a phrase
            last = len(tokens) - 1
            starts = compress(hits, map(_PHRASES, map(_INFO, hits)))
            for pos, _hit, (_vm, _om, _candidates, (after, before)) in starts:
                # Most phrase words are not in a phrase: only candidates whose neighbouring
                # word starts with the same letters as the task's are checked.
                candidates = after.get(tokens[pos + 1][:_MIN_STEM]) if pos < last else None
                if before and pos:
                    more = before.get(tokens[pos - 1][:_MIN_STEM])
                    if more:
                        candidates = candidates + more if candidates else more
                if not candidates:
                    continue
                said = self._phrases_at(pos, tokens, candidates, verbs_at)
                if said:
                    phrases[pos] = said
                    for kind, bit, _start, _words in said:
                        if kind == VERB:
                            verb |= bit
                        else:
                            packed |= bit << self._shift if kind == UNLESS else bit
        obj = packed & self._all
        fired = (verb | self.no_verbs) & (obj | self.no_objects) & (verb | obj)
        fired &= ~(packed >> self._shift)
        if self.when_mask:
            if attributes:
                held = self._attributes_held(attributes)
                fired = (fired & ~self.when_mask) | (fired & held) | (self.attribute_only & held)
            else:
                fired &= ~self.when_mask
        return fired, (hits, verbs_at, phrases)

    @staticmethod
    def _phrases_at(pos, tokens, candidates, verbs_at) -> tuple[tuple[int, int, int, str], ...]:
        said = []
        end = len(tokens)
        for kind, bit, before, after, checks in candidates:
            start = pos - before
            stop = pos + 1 + after
            if start < 0 or stop > end or (kind == VERB and start not in verbs_at):
                continue
            # The neighbouring word is checked first: it rejects most candidates.
            for offset, word, stem in checks:
                token = tokens[pos + offset]
                if not token.startswith(word) if stem else token != word:
                    break
            else:
                said.append((kind, bit, start, " ".join(tokens[start:stop])))
        return tuple(said)

    def _attributes_held(self, attributes: dict[str, bool | None]) -> int:
        held = 0
        for bit, when in self.when_rules:
            if all(attributes.get(name) is expected for name, expected in when.items()):
                held |= bit
        return held


def evidence(index: int, scan: Scan) -> tuple[str, ...]:
    """The task's words that made rule `index` fire, in task order, without repeats."""
    hits, verbs_at, phrases = scan
    bit = 1 << index
    said = phrases and [
        (start, w)
        for found in phrases.values()
        for kind, b, start, w in found
        if b == bit and kind != UNLESS
    ]
    if said:  # a phrase ("test case") shows as itself, in task order
        pairs = [
            (h[0], h[1]) for h in hits if h[2][1] & bit or (h[2][0] & bit and h[0] in verbs_at)
        ]
        return tuple(dict.fromkeys([w for _pos, w in sorted(pairs + said)]))
    words = [h[1] for h in hits if h[2][1] & bit or (h[2][0] & bit and h[0] in verbs_at)]
    return tuple(dict.fromkeys(words)) if len(words) > 1 else tuple(words)


def _compiled(phrase: _Phrase) -> _Candidate:
    """A phrase as `_phrases_at` checks it: its kind and bit, how many words it has before and
    after the looked-up word, and (offset, word or stem, is a stem) for each of those words,
    the neighbouring one first."""
    kind, bit, (before, after) = phrase
    words = [(i + 1, p) for i, p in enumerate(after)]
    words += [(i - len(before), p) for i, p in enumerate(before)][::-1]
    checks = tuple((o, p[:-1], True) if p[-1] == "*" else (o, p, False) for o, p in words)
    return (kind, bit, len(before), len(after), checks)


def _near_index(candidates: tuple[_Candidate, ...]) -> tuple[dict, dict]:
    """Phrase candidates by the first letters of the word they need right after the looked-up
    word, and of the word right before it (phrases that end on it): so only candidates whose
    neighbouring word may match are checked in full."""
    index: tuple[dict, dict] = ({}, {})
    for candidate in candidates:
        offset, word, _stem = candidate[4][0]  # the neighbouring word: checked first
        side = index[0] if offset == 1 else index[1]
        side.setdefault(word[:_MIN_STEM], []).append(candidate)
    return tuple({k: tuple(v) for k, v in side.items()} for side in index)  # type: ignore[return-value]


def _anchor(words: list[str]) -> int:
    """Which word of a phrase to look up: an exact word rather than a stem ('web' in 'web app*',
    not every word starting 'app'), and a longer one rather than 'in' or 'on' ('in person')."""
    exact = [i for i, w in enumerate(words) if not w.endswith("*")]
    longer = [i for i in exact if len(words[i]) > 3]
    return (longer or exact or [0])[0]


def bits(mask: int) -> list[int]:
    """Indexes of the set bits, lowest first (table order)."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out
