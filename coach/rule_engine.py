"""The compiled form of a rules table: which rules fire on a task, and the words that made them.

Every rule is one bit: bit i is the i-th rule the matcher is given (`coach.rules` gives them by
rank, heaviest first, so that `coach.decisions` reads "strongest" as "lowest bit"). A task is
matched in four steps, the first two taken for a whole block of tasks at a time (`scan_all`):

1. **Words.** The task is lower-cased and cut into ASCII words, and its leading verbs are found
   (`coach.task_words`); a task written as a question ends with one more word, "?".
2. **Word masks.** Each word's *word mask* (below) comes from a memo, `WordMasks`: one dict
   lookup per word, run by `map` in C. A word seen for the first time is learnt on that
   lookup from two dicts built from the table: `_exact` (whole words) and `_stems`, which holds
   every stem pattern ("report*" as b"report") and every prefix of one, each with what all the
   stems it starts with say, so a word's stems are found by looking up its prefixes, shortest
   first, until one is missing (the last one found says all): most words stop at their third
   or fourth letter, however big the table.
3. **Phrases.** Only where a word that anchors a multi-word pattern ("test case*") stands next
   to a word with the right *neighbour bit* (the phrase's word beside the anchor) is the
   phrase checked in full, and only the phrases with that neighbour: most anchor words are not
   in a phrase, and cost two lookups. A phrase's anchor is its longest exact word that is not
   a common word (`anchor_of`: "person" in "in person"), so "or", "to" or "for" anchor none.
   The anchors among the task's words are found by their entry in `_phrases_at`.
4. **Fired rules.** The OR of the word masks (the *task mask*), the verb masks of the leading
   verbs and the phrases found give the fired rules in a few integer operations.

What a scan keeps of a task (`Scan`), for reading back the words of the one rule that decides:

| field      | holds                                                                  |
|------------|------------------------------------------------------------------------|
| `tokens`   | the task's words                                                       |
| `masks`    | each word's word mask                                                  |
| `hits`     | the positions of the words whose mask is not 0 (where evidence can be) |
| `verbs_at` | the positions of the leading verbs                                     |
| `verbs`    | the verb mask of each leading verb (bit i: a one-word verb of rule i)  |
| `found`    | the phrases found (`Found`), most often none                           |

A word mask, for a table of n rules:

| bits        | field   | bit i (of the field) is set when the word ...                  |
|-------------|---------|----------------------------------------------------------------|
| 0 .. n-1    | objects | matches a one-word `objects` pattern of rule i                 |
| n .. 2n-1   | vetoes  | matches a one-word `unless` pattern of rule i                  |
| 2n          | anchor  | anchors a multi-word pattern of some rule (see `_phrases_at`)  |

A word's verbs count only where it is a leading verb, so they are not in its word mask (a word
that is only a verb, such as "prepare", has mask 0 and is not a hit): they are its *verb mask*,
in `_verb_masks`, looked up at the leading verbs alone. In `_exact` and `_stems` a pattern's
verb bits sit above the word mask (bits 2n + 1 .. 3n) and its neighbour bits above those
(from bit 3n + 1); learning moves them to `_verb_masks` and `_neighbours`, so the masks a task
ORs stay small (2n + 1 bits).

The memos, all keyed by a word (bytes), bounded and forgotten together, between two blocks of
tasks (`scan_all`), when the word memo is full (so every word of the tasks being matched is in
each that applies):

| memo           | holds                                                              |
|----------------|--------------------------------------------------------------------|
| `_word_masks`  | every word seen: its word mask                                     |
| `_phrases_at`  | a word with the anchor bit: the `Phrase`s it anchors (`Anchored`)  |
| `_neighbours`  | a word that may stand beside an anchor: its neighbour bits         |
| `_verb_masks`  | a word that is a one-word verb of some rule: its verb mask         |

(`coach.decisions` memoises what a set of fired rules decides the same way.)
Pure Python, no I/O. The records named here, and `anchor_of`, are in `coach.rule_records`;
`tests/oracle_matcher.py` says the same matching the slow way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import reduce
from itertools import compress
from operator import or_
from typing import Protocol

from coach.rule_records import Anchored, Found, Phrase, Scan, anchor_of
from coach.task_words import QUESTION, asks, pattern_words, task_words

MIN_STEM = 3  # a stem pattern ("report*") has at least this many letters before its '*'
WORD_MEMO_LIMIT = 50_000  # words remembered (a few MiB); all forgotten at once when full
VERB, OBJECT, UNLESS = 0, 1, 2  # the kinds of pattern (their fields: verbs, objects, vetoes)
_new_tuple = tuple.__new__


class WordMasks(dict[bytes, int]):
    """Word -> its word mask; a word not seen before is learnt on its first lookup."""

    __slots__ = ("_learn",)

    def __init__(self, learn: Callable[[bytes], int]) -> None:
        super().__init__()
        self._learn = learn

    def __missing__(self, word: bytes) -> int:
        return self._learn(word)


class _RuleLike(Protocol):
    verbs: list[str]
    objects: list[str]
    unless: list[str]
    when: dict[str, bool]


class Matcher:
    """Bit-mask matcher for a list of rules (anything with verbs/objects/unless/when)."""

    def __init__(self, rules: Sequence[_RuleLike]) -> None:
        n = self._count = len(rules)
        self._all = (1 << n) - 1
        self._veto_shift = n
        self._anchor = 1 << 2 * n
        # `_exact` and `_stems` also keep a word's verb bits and neighbour bits, above its mask
        self._verb_shift = 2 * n + 1
        self._neighbour_shift = 3 * n + 1
        self._word_fields = (1 << 2 * n + 1) - 1
        self._shift = {OBJECT: 0, UNLESS: n, VERB: self._verb_shift}  # where each field starts
        # What the table says of words: by the word itself, and by a stem (a prefix)
        self._exact: dict[bytes, int] = {}
        self._stems: dict[bytes, int] = {}
        self._neighbour_bits: dict[str, int] = {}  # a phrase word next to its anchor -> its bit
        self._phrases_exact: dict[bytes, list[Phrase]] = {}
        self._phrases_stem: dict[bytes, list[Phrase]] = {}
        # (kind, words) -> the phrase's group and place in it, while the table is built
        self._phrase_places: dict[tuple[int, tuple[str, ...]], tuple[list[Phrase], int]] = {}
        self._word_masks = WordMasks(self._learn)
        self._mask_of = self._word_masks.__getitem__
        self._phrases_at: dict[bytes, Anchored] = {}
        self._neighbours: dict[bytes, int] = {}
        self._verb_masks: dict[bytes, int] = {}
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
                    self._add_pattern(kind, bit, pattern_words(pattern))
        self._worded_unconditional = self._worded & ~self.when_mask
        self._stem_anchor_sizes = sorted({len(stem) for stem in self._phrases_stem})
        del self._phrase_places  # only building needs it
        # Every prefix of a stem is in `_stems` too, holding what all the stems it starts with
        # say (itself, if a stem, and its shorter prefixes that are), so a new word's stems are
        # found by looking up its prefixes until one is not there: the last one found says all
        for stem in list(self._stems):
            for size in range(MIN_STEM, len(stem)):
                self._stems.setdefault(stem[:size], 0)
        for prefix in sorted(self._stems, key=len):  # shortest first: a prefix's own is done
            if len(prefix) > MIN_STEM:
                self._stems[prefix] |= self._stems[prefix[:-1]]

    def _add_pattern(self, kind: int, bit: int, words: list[str]) -> None:
        if len(words) == 1:
            self._add_word(words[0], bit << self._shift[kind])
            return
        # The same phrase in several rules (a named list, such as "@figures-of-speech", in
        # each rule that vetoes by it) is one Phrase with all their bits: checked once a task,
        # and its anchor and neighbour are worked out once
        same = (kind, tuple(words))
        if same in self._phrase_places:
            group, place = self._phrase_places[same]
            group[place] = group[place]._replace(bit=group[place].bit | bit)
            return
        at = anchor_of(words)
        self._add_word(words[at], self._anchor)
        # The neighbour, checked first, is the word right after the anchor (or right before)
        side = 1 if at + 1 < len(words) else -1
        neighbour = self._neighbour_bits.setdefault(
            words[at + side], 1 << len(self._neighbour_bits)
        )
        self._add_word(words[at + side], neighbour << self._neighbour_shift)
        others = tuple(
            (place - at, word.removesuffix("*").encode(), word.endswith("*"))
            for place, word in enumerate(words)
            if place != at
        )
        key = words[at].removesuffix("*").encode()
        by_anchor = self._phrases_stem if words[at].endswith("*") else self._phrases_exact
        group = by_anchor.setdefault(key, [])
        self._phrase_places[same] = (group, len(group))
        group.append(Phrase(kind, bit, -at, len(words), others, side, neighbour))

    def _add_word(self, word: str, mask: int) -> None:
        """Add `mask` to what a word pattern (a word, or a stem ending in '*') says."""
        key, table = word.removesuffix("*").encode(), self._stems
        if not word.endswith("*"):
            table = self._exact
        table[key] = table.get(key, 0) | mask

    def _learn(self, token: bytes) -> int:
        """The word mask of a word seen for the first time, memoised with what else the word
        says: the phrases it anchors and its neighbour bits. (`WordMasks.__missing__`)"""
        # Walk the stems' prefixes: most words leave them at their third or fourth letter
        stems, size, last, by_stems = self._stems, MIN_STEM, len(token), 0
        while size <= last and (more := stems.get(token[:size])) is not None:
            by_stems = more  # (what every stem up to here says)
            size += 1
        mask = self._exact.get(token, 0) | by_stems
        if not mask:  # most words
            self._word_masks[token] = 0
            return 0
        if mask > self._word_fields:  # it has verb or neighbour bits, above its word mask
            above = mask >> self._verb_shift
            if above & self._all:
                self._verb_masks[token] = above & self._all
            if above > self._all:
                self._neighbours[token] = above >> self._count
            mask &= self._word_fields
        if mask & self._anchor:
            self._phrases_at[token] = self._phrases_anchored_by(token)
        self._word_masks[token] = mask
        return mask

    def _forget_words(self) -> None:
        """Forget every memoised word, so memory stays flat whatever the input."""
        self._word_masks.clear()
        self._phrases_at.clear()
        self._neighbours.clear()
        self._verb_masks.clear()

    def _phrases_anchored_by(self, token: bytes) -> Anchored:
        phrases = list(self._phrases_exact.get(token, ()))
        stem_phrases = self._phrases_stem
        for size in self._stem_anchor_sizes:  # the lengths of the stems that anchor a phrase
            if size <= len(token) and token[:size] in stem_phrases:
                phrases += stem_phrases[token[:size]]
        by_after: dict[int, tuple[Phrase, ...]] = {}
        by_before: dict[int, tuple[Phrase, ...]] = {}
        for phrase in phrases:
            by_neighbour = by_after if phrase.side == 1 else by_before
            by_neighbour[phrase.neighbour] = (*by_neighbour.get(phrase.neighbour, ()), phrase)
        return Anchored(sum(by_after), sum(by_before), by_after, by_before)

    def scan(self, text: str, attributes: dict[str, bool | None] | None = None) -> tuple[int, Scan]:
        """The mask of fired rules, and the scan that `evidence` reads the words back from."""
        return self.scan_all([text], None if attributes is None else [attributes])[0]

    def scan_all(
        self,
        texts: Sequence[str],
        attributes: Sequence[dict[str, bool | None] | None] | None = None,
    ) -> list[tuple[int, Scan]]:
        """`scan` for each of `texts` (with the same place's `attributes`, if given), a step at a
        time for them all: every task's words, then every word mask, then the rest task by
        task, so that each step's code stays hot in the processor's caches."""
        if len(self._word_masks) > WORD_MEMO_LIMIT:  # between blocks, so all agree on a task
            self._forget_words()
        words = list(map(task_words, texts))
        for text, (tokens, _verbs_at) in zip(texts, words, strict=True):
            if "?" in text and tokens and asks(text):  # "Drop the Acme account?": a word "?"
                tokens.append(QUESTION)
        mask_of = self._mask_of
        masks_of = [list(map(mask_of, tokens)) for tokens, _verbs_at in words]  # (new: learnt)
        hits_of = [list(compress(range(len(masks)), masks)) for masks in masks_of]  # (the words
        task_masks = [reduce(or_, compress(masks, masks), 0) for masks in masks_of]  # that count)
        verb_of, anchor, veto_shift = self._verb_masks.get, self._anchor, self._veto_shift
        no_verbs, no_objects = self.no_verbs, self.no_objects
        worded, unconditional = self._worded, self._worded_unconditional
        scans = []
        for place, ((tokens, verbs_at), masks, hits, task_mask) in enumerate(
            zip(words, masks_of, hits_of, task_masks, strict=True)
        ):
            if len(verbs_at) == 1:  # most tasks
                verb = verb_of(tokens[verbs_at[0]], 0)
                verbs = (verb,)
            else:
                verb, verbs = 0, []
                for pos in verbs_at:
                    verbs.append(verb_of(tokens[pos], 0))
                    verb |= verbs[-1]
            found: list[Found] = []
            if task_mask >= anchor:  # (the anchor bit is a word mask's top bit)
                found = self._phrases(tokens, hits, verbs_at)
                for kind, bit, _start, _words in found:
                    if kind == VERB:
                        verb |= bit
                    elif kind == OBJECT:
                        task_mask |= bit
                    else:
                        task_mask |= bit << veto_shift
            # A rule fires when it has its verb (or needs none) and an object (or needs none),
            # and has one of them (a rule of attributes only fires by them), unless vetoed.
            matched = (verb | no_verbs) & (task_mask | no_objects) & ~(task_mask >> veto_shift)
            given = attributes[place] if attributes is not None else None
            if given and self.when_mask:
                fired = matched & worded
                held = self._attributes_held(given)
                fired = (fired & ~self.when_mask) | (fired & held) | (self.attribute_only & held)
            else:
                fired = matched & unconditional
            # (tuple.__new__: a NamedTuple's own __new__ is a Python function, one more step)
            scans.append((fired, _new_tuple(Scan, (tokens, masks, hits, verbs_at, verbs, found))))
        return scans

    def _phrases(
        self, tokens: list[bytes], hits: list[int], verbs_at: tuple[int, ...]
    ) -> list[Found]:
        """The phrases in the task, checked at each word that anchors some (a verb phrase only
        where it starts at a leading verb)."""
        found = []
        count = len(tokens)
        verb_places = frozenset(verbs_at) if len(verbs_at) > 8 else verbs_at
        anchored, neighbours = self._phrases_at, self._neighbours
        for pos in hits:
            # (the words with the anchor bit are those in `_phrases_at`: a dict lookup by a
            # word already hashed is cheaper than an AND of its wide mask)
            here = anchored.get(tokens[pos])
            if here is None:
                continue
            after, before, by_after, by_before = here
            # Most anchors have no neighbour there: the phrases are checked only where one is,
            # and only those with that neighbour
            near = neighbours.get(tokens[pos + 1], 0) & after if after and pos + 1 < count else 0
            phrases = by_after.get(near) or _grouped(by_after, near) if near else ()
            near = neighbours.get(tokens[pos - 1], 0) & before if before and pos else 0
            if near:
                phrases += by_before.get(near) or _grouped(by_before, near)
            for kind, bit, start, size, others, _side, _neighbour in phrases:
                first = pos + start
                if first < 0 or first + size > count:
                    continue
                for place, word, stem in others:
                    token = tokens[pos + place]
                    if not token.startswith(word) if stem else token != word:
                        break
                else:
                    if kind != VERB or first in verb_places:
                        words = b" ".join(tokens[first : first + size])
                        found.append(Found(kind, bit, first, words))
        return found

    def _attributes_held(self, attributes: dict[str, bool | None]) -> int:
        held = 0
        for bit, when in self.when_rules:
            if all(attributes.get(name) is expected for name, expected in when.items()):
                held |= bit
        return held

    def evidence_words(self, index: int, scan: Scan, most: int | None = None) -> tuple[bytes, ...]:
        """The task's words that made rule `index` fire, in task order, without repeats (the
        first `most` of them): its object words, its verbs at the leading verbs, and its
        phrases (each at its start)."""
        tokens, masks, hits, verbs_at, verbs, found = scan  # (cheaper than its fields)
        bit = 1 << index
        places = [pos for pos in hits if masks[pos] & bit]  # its object words
        if len(verbs_at) == 1:  # most tasks: one leading verb, most often the first word
            if verbs[0] & bit:
                at = verbs_at[0]
                if not places or at < places[0]:
                    places.insert(0, at)
                elif at not in places:
                    places = sorted([*places, at])
        else:  # and its verbs among the leading verbs, in task order
            objects = len(places)
            # (the leading verbs are all at different places, so only the objects need checking:
            # in a set when there are many verbs, so that a long list of them stays linear)
            among = set(places) if len(verbs_at) > 8 else places
            for pos, verb in zip(verbs_at, verbs, strict=True):
                if verb & bit and pos not in among:
                    places.append(pos)
            if len(places) > objects:
                places.sort()
        if not found:  # most tasks
            if len(places) == 1:  # most of those: one word (dict.fromkeys costs 6 times this)
                return (tokens[places[0]],)[:most]
            words = [tokens[pos] for pos in places]
        else:  # a phrase ("test case") shows as itself, where it starts
            shown = [(pos, tokens[pos]) for pos in places]
            shown += [(f.start, f.words) for f in found if f.bit & bit and f.kind != UNLESS]
            shown.sort()
            words = [words for _pos, words in shown]
        if len(words) == 2:  # the next most: a verb and its object
            first, second = words
            return ((first,) if first == second else (first, second))[:most]
        return tuple(dict.fromkeys(words))[:most]  # each word once, where it first counts

    def evidence(self, index: int, scan: Scan) -> tuple[str, ...]:
        """`evidence_words` as text."""
        return tuple(word.decode() for word in self.evidence_words(index, scan))


def _grouped(by_bit: dict[int, tuple[Phrase, ...]], bits: int) -> tuple[Phrase, ...]:
    """The phrases of several neighbour bits, for a word that is more than one neighbour
    ("reports" is both "report*" and "reports"). (The order of phrases found is not read.)"""
    return tuple(phrase for bit, group in by_bit.items() if bit & bits for phrase in group)
