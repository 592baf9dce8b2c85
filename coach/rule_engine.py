"""The compiled form of a rules table: which rules fire on a task, fast and deterministically.

Every rule is one bit. A task is lower-cased and cut into ASCII words (as bytes: a translate
table and a split, cheaper than a regex), each distinct word is looked up once (then memoised)
to get one int that packs the rules whose `objects`, `unless` or `verbs` it satisfies, and a
task's masks are the OR of its words' ints (verb bits only at the leading-verb positions), so the
fired rules fall out of a few integer operations. Multi-word phrases are looked for only when
the task has both a word that anchors a phrase and a word that can stand next to it, and then
only where such an anchor word appears (`coach.rule_phrases`). The words that made the
deciding rule fire are read back from per-rule sets of the memoised words. Pure Python, no I/O,
no global state beyond the per-table memos, which are bounded and never keyed by a whole task.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import reduce
from operator import itemgetter, or_
from typing import Protocol

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
from coach.task_words import (
    CONNECTORS,
    LEAD_IN,
    STARTS_WITH_LIST,
    WORD_BYTES,
    leading_verbs,
    pattern_words,
    task_words,
    verb_positions,
)

MEMO_LIMIT = 200_000
# Phrase anchors are spread over this many bits of a word's info, to tell cheaply that a task
# has no phrase (most tasks with a phrase's anchor word do not have its neighbour word)
ROLE_SLOTS = 64
# The phrases a word anchors, by the word after it and by the word before it (None: none)
_Near = tuple[ByNeighbour | None, ByNeighbour | None]
# Phrases found in a task, by the position of the word that anchors them
Phrases = list[tuple[int, tuple[Found, ...]]]
# The task's words, their packed ints, leading-verb positions, phrases found, and the rules that
# phrases are evidence for
Scan = tuple[list[bytes], Sequence[int], tuple[int, ...], Phrases, int]


class _RuleLike(Protocol):
    verbs: list[str]
    objects: list[str]
    unless: list[str]
    when: dict[str, bool]


class Matcher:
    """Bit-mask matcher for a list of rules (anything with verbs/objects/unless/when).

    A word's info is one int: object mask | unless mask << n | anchor roles << 2n | neighbour
    roles << 2n + ROLE_SLOTS | verb mask << 2n + 2 ROLE_SLOTS (n rules), 0 when it matches
    nothing; so a task's object and veto masks are one OR-reduction over its words. Each phrase
    has a role bit (its anchor's slot): set among the anchor roles of a word that anchors it, and
    among the neighbour roles of a word that can be the word next to the anchor. A phrase can be
    in a task only if one bit is in both, so most tasks skip the search for phrases.
    """

    def __init__(self, rules: Sequence[_RuleLike]) -> None:
        # Anchor word (or the first letters of a stem) -> (kind, rule bit, phrase shape, role)
        self._exact: dict[str, list[tuple[int, int, tuple[tuple[str, ...], tuple[str, ...]], int]]]
        self._exact = {}
        self._prefix: dict[str, list[tuple[str, int, int, tuple, int]]] = {}
        # The neighbour roles of words: by the word, and by the first letters of a stem
        self._partner_exact: dict[str, int] = {}
        self._partner_prefix: dict[str, list[tuple[str, int]]] = {}
        slots: dict[str, int] = {}  # anchor pattern -> its role slot
        # Word -> info, filled on first sight of a word (bounded, so odd input cannot grow it).
        # A plain dict: its __getitem__ is the cheapest lookup there is.
        self._memo: dict[bytes, int] = {}
        self._lookup = self._memo.__getitem__
        self._near: dict[bytes, _Near] = {}  # the phrases each memoised flagged word anchors
        # Rule index -> the memoised words that are its objects, and its verbs: evidence reads
        # these rather than each word's info
        self._words_of: list[tuple[set[bytes], set[bytes]]] = [(set(), set()) for _ in rules]
        # True while every word that matches something is in the memo (so in _near and the
        # word sets above); once the memo is full, scans read the words' infos instead
        self._complete = True
        n = len(rules)
        self._shift = n
        self._role_shift = 2 * n
        self._anchor_roles = ((1 << ROLE_SLOTS) - 1) << self._role_shift
        self._neighbour_roles = self._anchor_roles << ROLE_SLOTS
        self.verb_shift = 2 * n + 2 * ROLE_SLOTS
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
                    words = pattern_words(pattern)
                    at = anchor_of(words)
                    anchor, shape = words[at], (tuple(words[:at]), tuple(words[at + 1 :]))
                    role = 0
                    if len(words) > 1:  # a phrase: its neighbour is checked first, so has the role
                        role = 1 << slots.setdefault(anchor, len(slots)) % ROLE_SLOTS
                        other = words[at + 1] if at + 1 < len(words) else words[at - 1]
                        if other.endswith("*"):
                            by_stem = self._partner_prefix.setdefault(other[:MIN_STEM], [])
                            by_stem.append((other[:-1], role))
                        else:
                            self._partner_exact[other] = self._partner_exact.get(other, 0) | role
                    if anchor.endswith("*"):
                        entry = (anchor[:-1], kind, bit, shape, role)
                        self._prefix.setdefault(anchor[:MIN_STEM], []).append(entry)
                    else:
                        self._exact.setdefault(anchor, []).append((kind, bit, shape, role))
        self._worded_unconditional = self._worded & ~self.when_mask

    def _learn(self, token: bytes) -> int:
        """The word's info, from the memo or computed (and memoised while there is room)."""
        info = self._memo.get(token)
        if info is None:
            info, near = self._info(token.decode())
            if len(self._memo) < MEMO_LIMIT:
                self._memo[token] = info
                if near is not None:
                    self._near[token] = near
                for index in bits(info & self._all):
                    self._words_of[index][0].add(token)
                for index in bits(info >> self.verb_shift):
                    self._words_of[index][1].add(token)
            elif info & ~self._neighbour_roles:
                # No room for a word that matters: from now on scans read the words' infos
                # (a word that is only a phrase's neighbour is in neither _near nor the sets)
                self._complete = False
        return info

    def _info(self, token: str) -> tuple[int, _Near | None]:
        masks = [0, 0, 0]
        phrases: list[Phrase] = []
        entries = list(self._exact.get(token, ()))
        for stem, kind, bit, rest, role in self._prefix.get(token[:MIN_STEM], ()):
            if token.startswith(stem):
                entries.append((kind, bit, rest, role))
        roles = 0
        for kind, bit, shape, role in entries:
            if shape != ((), ()):
                phrases.append((kind, bit, shape))
                roles |= role
            else:
                masks[kind] |= bit
        partner = self._partner_exact.get(token, 0)
        for stem, role in self._partner_prefix.get(token[:MIN_STEM], ()):
            if token.startswith(stem):
                partner |= role
        info = masks[OBJECT] | masks[UNLESS] << self._shift | masks[VERB] << self.verb_shift
        info |= (roles | partner << ROLE_SLOTS) << self._role_shift
        if not phrases:
            return info, None
        return info, near(token.encode(), phrases, self._shift)

    def scan(self, text: str, attributes: dict[str, bool | None] | None = None) -> tuple[int, Scan]:
        """The mask of fired rules, and the scan that `evidence` reads the words back from."""
        if text.isascii():  # task_words(text), inlined
            lowered = text.encode()
            tokens = lowered.translate(WORD_BYTES).split()
        else:
            tokens, lowered = task_words(text)
        try:
            # itemgetter looks all the words up in one C call, cheaper than map() (which calls
            # the lookup once per word); over one word it returns that word's info alone
            infos = (
                itemgetter(*tokens)(self._memo) if len(tokens) > 1 else [*map(self._lookup, tokens)]
            )
        except KeyError:  # a word seen for the first time
            infos = [*map(self._learn, tokens)]
        packed = reduce(or_, infos, 0)
        if not tokens:
            verbs_at: tuple[int, ...] = ()
            verb = 0
        elif (
            tokens[0] not in LEAD_IN
            and (len(tokens) < 2 or tokens[1] not in CONNECTORS)
            and (b"," not in lowered or not STARTS_WITH_LIST(lowered.lower()))
        ):
            verbs_at = (0,)  # the common case: one leading verb
            verb = infos[0] >> self.verb_shift
        elif (  # next most common: "Prepare and review X" (tokens[1] is a connector here)
            len(tokens) > 3
            and tokens[0] not in LEAD_IN
            and tokens[0] not in CONNECTORS
            and tokens[2] not in CONNECTORS
            and tokens[3] not in CONNECTORS
            and b"," not in lowered
        ):
            verbs_at = (0, 2)
            verb = (infos[0] | infos[2]) >> self.verb_shift
        else:  # as verb_positions() does
            if b"," not in lowered:  # "Prepare and review X"
                verbs_at = leading_verbs(tokens)
            else:
                verbs_at = verb_positions(tokens, lowered)
            verb = 0
            for pos in verbs_at:
                verb |= infos[pos]
            verb >>= self.verb_shift
        if packed & packed >> ROLE_SLOTS & self._anchor_roles:  # a phrase's anchor and neighbour
            phrases, said, verb, packed = self._phrases(tokens, infos, verbs_at, verb, packed)
        else:
            phrases, said = [], 0
        # A rule fires when it has its verb (or needs none) and an object (or needs none), and
        # has at least one of them (a rule of attributes only fires by them), unless vetoed.
        matched = (verb | self.no_verbs) & (packed | self.no_objects)
        if attributes and self.when_mask:
            fired = matched & self._worded
            fired ^= fired & (packed >> self._shift)
            held = self._attributes_held(attributes)
            fired = (fired & ~self.when_mask) | (fired & held) | (self.attribute_only & held)
        else:
            fired = matched & self._worded_unconditional
            fired ^= fired & (packed >> self._shift)
        return fired, (tokens, infos, verbs_at, phrases, said)

    def _phrases(
        self,
        tokens: list[bytes],
        infos: Sequence[int],
        verbs_at: tuple[int, ...],
        verb: int,
        packed: int,
    ) -> tuple[Phrases, int, int, int]:
        """The phrases found in the task, the rules they are evidence for, and the verb and
        packed masks with their rules added."""
        last = len(tokens) - 1
        if len(verbs_at) > 8:  # a long leading list: look places up in a set, not a tuple
            verbs_at = frozenset(verbs_at)  # type: ignore[assignment]
        anchors = self._near
        if not self._complete:  # the memo is full: find the anchor words by their infos
            anchors = {
                token: anchors.get(token) or self._info(token.decode())[1]
                for token, info in zip(tokens, infos, strict=True)
                if info & self._anchor_roles
            }
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
        said = 0
        for pos, (more_packed, more_said, found, checks) in hits:
            packed |= more_packed
            said |= more_said
            if checks:
                checked, more_verb, more_packed, more_said = self._checked(
                    pos, checks, tokens, verbs_at
                )
                verb |= more_verb
                packed |= more_packed
                said |= more_said
                found += checked
            if found:
                phrases.append((pos, found))
        return phrases, said, verb, packed

    def _checked(
        self,
        pos: int,
        checks: tuple[Lead, ...],
        tokens: list[bytes],
        verbs_at: tuple[int, ...] | frozenset[int],
    ) -> tuple[tuple[Found, ...], int, int, int]:
        """The phrases of `checks` (anchored at `pos`) that are in the task, and their masks:
        verb, packed and evidence."""
        found = []
        verb = packed = said = 0
        for kind, bit, offset, words, candidate in checks:
            if candidate is not None:  # three words or more: check the others
                words = longer_phrase(pos, tokens, candidate)
                if words is None:
                    continue
            if kind == VERB:
                if pos + offset not in verbs_at:
                    continue
                verb |= bit
                said |= bit
            elif kind == UNLESS:
                packed |= bit << self._shift
            else:
                packed |= bit
                said |= bit
            found.append((kind, bit, offset, words))
        return tuple(found), verb, packed, said

    def _attributes_held(self, attributes: dict[str, bool | None]) -> int:
        held = 0
        for bit, when in self.when_rules:
            if all(attributes.get(name) is expected for name, expected in when.items()):
                held |= bit
        return held

    def evidence_words(self, index: int, scan: Scan) -> tuple[bytes, ...]:
        """The task's words that made rule `index` fire, in task order, without repeats."""
        tokens, _infos, verbs_at, phrases, said_by = scan
        said = said_by >> index & 1 and _said(1 << index, phrases)
        if not self._complete:  # the memo is full: read the words' infos
            return self._evidence_by_infos(index, scan, said)
        # `objects` and `verbs` hold every word of the task that is one (the memo is complete),
        # so a set intersection finds the object words and `tokens.index` where each first
        # comes: loops in C rather than one in Python over the task's words.
        objects, verbs = self._words_of[index]
        found = objects.intersection(tokens)
        if said or (verbs and verbs_at and verbs_at != (0,) and verbs_at != (0, 2)):
            # sort the words (and phrases) by where each first counts
            first = _first_places(tokens, found)
            pairs = [(first[word], word) for word in found]
            pairs += [(pos, tokens[pos]) for pos in verbs_at if tokens[pos] in verbs]
            if said:  # a phrase ("test case") shows as itself, in task order
                pairs += said
            return tuple(dict.fromkeys([word for _pos, word in sorted(pairs)]))
        # The common case: the leading verbs (if the rule has any) are the task's first word,
        # or its first and third ("Prepare and review X", the second a connector), so no word
        # comes earlier at a place where it does not count: every word sorts by its first place.
        if verbs and verbs_at:
            if tokens[0] in verbs:
                found.add(tokens[0])
            if len(verbs_at) > 1 and tokens[2] in verbs:
                found.add(tokens[2])
        if len(found) < 2:
            return tuple(found)
        return tuple(sorted(found, key=_first_places(tokens, found).__getitem__))

    def _evidence_by_infos(
        self, index: int, scan: Scan, said: list[tuple[int, bytes]] | int
    ) -> tuple[bytes, ...]:
        tokens, infos, verbs_at, _phrases, _said_by = scan
        bit = 1 << index
        verb_bit = bit << self.verb_shift
        pairs = [
            (pos, tokens[pos])
            for pos, info in enumerate(infos)
            if info & bit or (info & verb_bit and pos in verbs_at)
        ]
        if said:
            return tuple(dict.fromkeys([w for _pos, w in sorted(pairs + said)]))
        words = [w for _pos, w in pairs]
        return tuple(dict.fromkeys(words)) if len(words) > 1 else tuple(words)

    def evidence(self, index: int, scan: Scan) -> tuple[str, ...]:
        """`evidence_words` as text."""
        return tuple(word.decode() for word in self.evidence_words(index, scan))


def _said(bit: int, phrases: Phrases) -> list[tuple[int, bytes]]:
    """(start, words) of the phrases found for the rule with this bit that count as evidence."""
    return [
        (pos + offset, words)
        for pos, found in phrases
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
