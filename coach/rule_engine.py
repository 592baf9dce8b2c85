"""The compiled form of a rules table: which rules fire on a task, fast and deterministically.

Every rule is one bit. A task is lower-cased and cut into ASCII words (`coach.task_words`); each
distinct word is looked up once, then memoised, to get its *word mask*: one int saying which
rules the word is an object, a veto (`unless`) or a verb of, and which phrases it may be part
of. The task's *task mask* is the OR of its word masks (one C call), its verbs are read from
the word masks at its leading-verb positions only, and the fired rules fall out of a few
integer operations. Multi-word phrases are looked for only when some word anchors a phrase and
some word can stand next to that anchor (`coach.rule_phrases`). The words that made a rule
fire are read back from per-rule sets of the memoised words.

A word mask, for a table of n rules (bit 0 is the table's first rule):

| bits                    | field           | bit i (or slot s) is set when the word ...      |
|-------------------------|-----------------|-------------------------------------------------|
| 0 .. n-1                | objects         | matches a one-word `objects` pattern of rule i  |
| n .. 2n-1               | vetoes          | matches a one-word `unless` pattern of rule i   |
| 2n .. 2n+63             | anchor slots    | anchors a phrase whose slot is s                |
| 2n+64 .. 2n+127         | neighbour slots | can stand next to the anchor of a slot-s phrase |
| 2n+128 ..               | verbs           | matches a one-word `verbs` pattern of rule i    |

A phrase's slot is its anchor word's number modulo PHRASE_SLOTS, so `mask & mask >> 64` over
the anchor slots is non-zero only when a task may hold a phrase: most tasks skip the search.

The memos, all bounded, none keyed by a whole task:

| memo                  | key                  | value                                          |
|-----------------------|----------------------|------------------------------------------------|
| `_word_masks`         | a word (bytes)       | its word mask                                  |
| `_phrases_at`         | a word that anchors  | its phrases, by the neighbouring word          |
| `_words_of[i]`        | rule i               | the memoised words that are its objects, verbs |
| `ByNeighbour` (each)  | a neighbouring word  | the phrases it completes with the anchor       |

The first three are forgotten together when the word memo is full, so they always agree: every
word of the task being scanned is in them; each `ByNeighbour` lives in `_phrases_at` and holds
at most NEIGHBOUR_LIMIT words. (`coach.rules` memoises decisions by fired-rule mask, and their
verdicts, in the same forget-when-full way.) Pure Python, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import reduce
from operator import or_
from typing import NamedTuple, Protocol

from coach.rule_phrases import (
    MIN_STEM,
    OBJECT,
    UNLESS,
    VERB,
    ByNeighbour,
    Found,
    Lead,
    Phrase,
    anchor_of,
    longer_phrase,
    near,
)
from coach.task_words import pattern_words, task_words, verb_positions

WORD_MEMO_LIMIT = 50_000  # words remembered (a few MiB); forgotten at once when full
# Phrase anchors are spread over this many bits of a word mask, to tell cheaply that a task has
# no phrase (most tasks with a phrase's anchor word do not have its neighbour word)
PHRASE_SLOTS = 64
# The phrases a word anchors, by the word after it and by the word before it (None: none)
_Near = tuple[ByNeighbour | None, ByNeighbour | None]
# Phrases found in a task, by the position of the word that anchors them
Phrases = list[tuple[int, tuple[Found, ...]]]


class Scan(NamedTuple):
    """What a scan saw of a task, for reading back the words that made a rule fire."""

    tokens: list[bytes]
    verbs_at: tuple[int, ...]
    """Positions of the leading verbs among `tokens`."""
    phrases: Phrases
    phrase_evidence: int
    """The rules that a phrase found in the task is evidence for (not a veto)."""


class _RuleLike(Protocol):
    verbs: list[str]
    objects: list[str]
    unless: list[str]
    when: dict[str, bool]


class Matcher:
    """Bit-mask matcher for a list of rules (anything with verbs/objects/unless/when)."""

    def __init__(self, rules: Sequence[_RuleLike]) -> None:
        # Anchor word (or the first letters of a stem) -> (kind, rule bit, phrase shape, slot)
        self._exact: dict[str, list[tuple[int, int, tuple[tuple[str, ...], tuple[str, ...]], int]]]
        self._exact = {}
        self._prefix: dict[str, list[tuple[str, int, int, tuple, int]]] = {}
        # The neighbour slots of words: by the word, and by the first letters of a stem
        self._neighbour_exact: dict[str, int] = {}
        self._neighbour_prefix: dict[str, list[tuple[str, int]]] = {}
        slots: dict[str, int] = {}  # anchor pattern -> its number (its slot, modulo)
        self._word_masks: dict[bytes, int] = {}
        self._phrases_at: dict[bytes, _Near] = {}
        self._words_of: list[tuple[set[bytes], set[bytes]]] = [(set(), set()) for _ in rules]
        n = len(rules)
        self._veto_shift = n
        self._slot_shift = 2 * n
        self._anchor_slots = ((1 << PHRASE_SLOTS) - 1) << self._slot_shift
        self._neighbour_slots = self._anchor_slots << PHRASE_SLOTS
        self.verb_shift = 2 * n + 2 * PHRASE_SLOTS
        self._all = (1 << n) - 1
        self.no_verbs = 0  # rules that do not need a verb
        self.no_objects = 0
        self.when_rules: list[tuple[int, dict[str, bool]]] = []
        self.when_mask = 0
        self.attribute_only = 0
        self._worded = 0  # rules with verbs or objects
        for index, rule in enumerate(rules):
            bit = 1 << index
            if rule.verbs or rule.objects:
                self._worded |= bit
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
                    self._add_pattern(kind, bit, pattern_words(pattern), slots)
        self._worded_unconditional = self._worded & ~self.when_mask

    def _add_pattern(self, kind: int, bit: int, words: list[str], slots: dict[str, int]) -> None:
        at = anchor_of(words)
        anchor, shape = words[at], (tuple(words[:at]), tuple(words[at + 1 :]))
        slot = 0
        if len(words) > 1:  # a phrase: its neighbour is checked first, so it has the slot
            slot = 1 << slots.setdefault(anchor, len(slots)) % PHRASE_SLOTS
            other = words[at + 1] if at + 1 < len(words) else words[at - 1]
            if other.endswith("*"):
                by_stem = self._neighbour_prefix.setdefault(other[:MIN_STEM], [])
                by_stem.append((other[:-1], slot))
            else:
                self._neighbour_exact[other] = self._neighbour_exact.get(other, 0) | slot
        if anchor.endswith("*"):
            entry = (anchor[:-1], kind, bit, shape, slot)
            self._prefix.setdefault(anchor[:MIN_STEM], []).append(entry)
        else:
            self._exact.setdefault(anchor, []).append((kind, bit, shape, slot))

    def _learn(self, tokens: list[bytes]) -> None:
        """Memoise the word masks of the task's words not seen before (forgetting every word
        first when the memo is full: a single long task may take it over its bound)."""
        memo = self._word_masks
        if len(memo) + len(tokens) > WORD_MEMO_LIMIT:
            memo.clear()
            self._phrases_at.clear()
            for objects, verbs in self._words_of:
                objects.clear()
                verbs.clear()
        word_mask, phrases_at, words_of = self._word_mask, self._phrases_at, self._words_of
        objects, verb_shift = self._all, self.verb_shift
        for token in set(tokens).difference(memo):
            mask, phrases = word_mask(token.decode())
            memo[token] = mask
            if not mask:  # most words
                continue
            if phrases is not None:
                phrases_at[token] = phrases
            if mask & objects:
                for index in bits(mask & objects):
                    words_of[index][0].add(token)
            if mask >> verb_shift:
                for index in bits(mask >> verb_shift):
                    words_of[index][1].add(token)

    def _word_mask(self, token: str) -> tuple[int, _Near | None]:
        """The word's mask, and the phrases it anchors (None when none)."""
        letters = token[:MIN_STEM]
        neighbour_slots = self._neighbour_exact.get(token, 0)
        for stem, slot in self._neighbour_prefix.get(letters, ()):
            if token.startswith(stem):
                neighbour_slots |= slot
        mask = neighbour_slots << PHRASE_SLOTS << self._slot_shift
        entries = self._exact.get(token, [])
        by_stem = [
            entry[1:] for entry in self._prefix.get(letters, ()) if token.startswith(entry[0])
        ]
        if by_stem:
            entries = entries + by_stem
        if not entries:  # most words: no pattern is theirs
            return mask, None
        masks = [0, 0, 0]
        phrases: list[Phrase] = []
        anchor_slots = 0
        for kind, bit, shape, slot in entries:
            if shape != ((), ()):
                phrases.append((kind, bit, shape))
                anchor_slots |= slot
            else:
                masks[kind] |= bit
        mask |= masks[OBJECT] | masks[UNLESS] << self._veto_shift | masks[VERB] << self.verb_shift
        mask |= anchor_slots << self._slot_shift
        if not phrases:
            return mask, None
        return mask, near(token.encode(), phrases, self._veto_shift)

    def scan(self, text: str, attributes: dict[str, bool | None] | None = None) -> tuple[int, Scan]:
        """The mask of fired rules, and the scan that `evidence` reads the words back from."""
        tokens, lowered = task_words(text)
        memo = self._word_masks
        try:
            word_masks = [memo[token] for token in tokens]
        except KeyError:  # a word seen for the first time
            self._learn(tokens)
            word_masks = [memo[token] for token in tokens]
        task_mask = reduce(or_, word_masks, 0)
        verbs_at = verb_positions(tokens, lowered)
        if verbs_at == (0,):  # the common case: one leading verb
            verb = word_masks[0] >> self.verb_shift
        else:
            verb = 0
            for pos in verbs_at:
                verb |= word_masks[pos]
            verb >>= self.verb_shift
        if task_mask & task_mask >> PHRASE_SLOTS & self._anchor_slots:  # anchor and neighbour
            phrases, phrase_evidence, verb, task_mask = self._phrases(
                tokens, verbs_at, verb, task_mask
            )
        else:
            phrases, phrase_evidence = [], 0
        # A rule fires when it has its verb (or needs none) and an object (or needs none), and
        # has at least one of them (a rule of attributes only fires by them), unless vetoed.
        matched = (verb | self.no_verbs) & (task_mask | self.no_objects)
        if attributes and self.when_mask:
            fired = matched & self._worded
            fired ^= fired & (task_mask >> self._veto_shift)
            held = self._attributes_held(attributes)
            fired = (fired & ~self.when_mask) | (fired & held) | (self.attribute_only & held)
        else:
            fired = matched & self._worded_unconditional
            fired ^= fired & (task_mask >> self._veto_shift)
        return fired, Scan(tokens, verbs_at, phrases, phrase_evidence)

    def _phrases(
        self, tokens: list[bytes], verbs_at: tuple[int, ...], verb: int, task_mask: int
    ) -> tuple[Phrases, int, int, int]:
        """The phrases found in the task, the rules they are evidence for, and the verb and
        task masks with their rules added."""
        last = len(tokens) - 1
        verb_places = frozenset(verbs_at) if len(verbs_at) > 8 else verbs_at
        anchors = self._phrases_at
        # Most phrase words are not in a phrase: the neighbouring words say which may be. (A
        # plain loop: cheaper here than compress() over map(anchors.__contains__, tokens).)
        hits = []
        for pos, token in enumerate(tokens):
            if token in anchors:
                after, before = anchors[token]
                if after is not None and pos < last and after[tokens[pos + 1]]:
                    hits.append((pos, after[tokens[pos + 1]]))
                if before is not None and pos and before[tokens[pos - 1]]:
                    hits.append((pos, before[tokens[pos - 1]]))
        phrases: Phrases = []
        evidence = 0
        for pos, (more_task, more_evidence, found, checks) in hits:
            task_mask |= more_task
            evidence |= more_evidence
            if checks:
                checked, more_verb, more_task, more_evidence = self._checked(
                    pos, checks, tokens, verb_places
                )
                verb |= more_verb
                task_mask |= more_task
                evidence |= more_evidence
                found += checked
            if found:
                phrases.append((pos, found))
        return phrases, evidence, verb, task_mask

    def _checked(
        self,
        pos: int,
        checks: tuple[Lead, ...],
        tokens: list[bytes],
        verb_places: tuple[int, ...] | frozenset[int],
    ) -> tuple[tuple[Found, ...], int, int, int]:
        """The phrases of `checks` (anchored at `pos`) that are in the task, and their masks:
        verb, task and evidence."""
        found = []
        verb = task_mask = evidence = 0
        for kind, bit, offset, words, candidate in checks:
            if candidate is not None:  # three words or more: check the others
                words = longer_phrase(pos, tokens, candidate)
                if words is None:
                    continue
            if kind == VERB:
                if pos + offset not in verb_places:
                    continue
                verb |= bit
                evidence |= bit
            elif kind == UNLESS:
                task_mask |= bit << self._veto_shift
            else:
                task_mask |= bit
                evidence |= bit
            found.append((kind, bit, offset, words))
        return tuple(found), verb, task_mask, evidence

    def _attributes_held(self, attributes: dict[str, bool | None]) -> int:
        held = 0
        for bit, when in self.when_rules:
            if all(attributes.get(name) is expected for name, expected in when.items()):
                held |= bit
        return held

    def evidence_words(self, index: int, scan: Scan) -> tuple[bytes, ...]:
        """The task's words that made rule `index` fire, in task order, without repeats."""
        tokens, verbs_at = scan.tokens, scan.verbs_at
        from_phrases = scan.phrase_evidence >> index & 1 and _phrase_words(1 << index, scan)
        # `objects` and `verbs` hold every word of the task that is one (all its words are
        # memoised), so a set intersection finds the object words: a loop in C.
        objects, verbs = self._words_of[index]
        found = objects.intersection(tokens)
        first = _first_places(tokens, found)
        places = [(first[word], word) for word in found]
        if verbs:
            places += [(pos, tokens[pos]) for pos in verbs_at if tokens[pos] in verbs]
        if from_phrases:  # a phrase ("test case") shows as itself, in task order
            places += from_phrases
        if len(places) < 2:
            return tuple([word for _pos, word in places])
        # each word once, where it first counts
        return tuple(dict.fromkeys([word for _pos, word in sorted(places)]))

    def evidence(self, index: int, scan: Scan) -> tuple[str, ...]:
        """`evidence_words` as text."""
        return tuple(word.decode() for word in self.evidence_words(index, scan))


def _phrase_words(bit: int, scan: Scan) -> list[tuple[int, bytes]]:
    """(start, words) of the phrases found for the rule with this bit that count as evidence."""
    return [
        (pos + offset, words)
        for pos, found in scan.phrases
        for kind, b, offset, words in found
        if b == bit and kind != UNLESS
    ]


def _first_places(tokens: list[bytes], words: set[bytes]) -> dict[bytes, int]:
    """Where each of `words` (all in `tokens`) first comes: `tokens.index` for a few (a loop in
    C), one pass for many, so a long task with many evidence words stays linear."""
    if len(words) <= 8:
        return {word: tokens.index(word) for word in words}
    first: dict[bytes, int] = {}
    for pos, token in enumerate(tokens):
        if token in words and token not in first:
            first[token] = pos
    return first


def bits(mask: int) -> list[int]:
    """Indexes of the set bits, lowest first (table order)."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out
