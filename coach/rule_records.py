"""The records the rules engine (`coach.rule_engine`) keeps of phrases and of a task's scan,
and which word of a phrase it looks the phrase up by. Plain data, no I/O; their part in matching
is described in `coach.rule_engine`'s docstring.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Phrase(NamedTuple):
    """A multi-word pattern of one rule, as it is checked at its anchor word."""

    kind: int
    """VERB, OBJECT or UNLESS (`coach.rule_engine`)."""
    bit: int
    """The bits of the rules that have this phrase (of this kind): one, or several when a
    named list puts the same phrase in several rules."""
    start: int
    """Where the phrase starts, counted from its anchor word (0 or less)."""
    size: int
    """How many words it has."""
    others: tuple[tuple[int, bytes, bool], ...]
    """Its other words: (place counted from the anchor, word or stem, whether it is a stem)."""
    side: int
    """Where its neighbour is, the word checked first: 1 (right after the anchor) or -1."""
    neighbour: int
    """The neighbour bit that the word there must have."""


class Anchored(NamedTuple):
    """The phrases that one word anchors, by their neighbour."""

    after: int
    """The neighbour bits of those whose neighbour comes right after the word."""
    before: int
    """The neighbour bits of those whose neighbour comes right before it."""
    by_after: dict[int, tuple[Phrase, ...]]
    """A neighbour bit in `after` -> the phrases with that neighbour, in table order."""
    by_before: dict[int, tuple[Phrase, ...]]
    """The same for `before`."""


class Found(NamedTuple):
    """A phrase found in a task."""

    kind: int
    bit: int
    """The bits of the rules whose phrase it is (`Phrase.bit`)."""
    start: int
    """The position of its first word in the task."""
    words: bytes
    """The task's words there, joined by spaces ("test cases")."""


class Scan(NamedTuple):
    """What matching saw of a task, for reading back the words that made a rule fire."""

    tokens: list[bytes]
    masks: list[int]
    """The word mask of each of `tokens`."""
    hits: list[int]
    """The positions of the words whose mask is not 0, in order."""
    verbs_at: tuple[int, ...]
    """Positions of the leading verbs among `tokens`."""
    verbs: Sequence[int]
    """The verb mask of each leading verb (the rules that have it among their `verbs`)."""
    found: list[Found]


# Words too common to anchor a phrase: most tasks have one, so a phrase anchored by one would
# be checked on most tasks ('or not', 'for our ai', 'with this week s')
_COMMON = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
     "its", "of", "on", "or", "our", "that", "the", "their", "this", "to", "using", "with"]
)  # fmt: skip


def anchor_of(words: list[str]) -> int:
    """Which word of a phrase to look it up by: an exact word rather than a stem ('web' in
    'web app*'), one that is not a common word ('person' in 'in person'), the longest."""
    best, size = -1, 0
    for place, word in enumerate(words):
        if len(word) > size and word[-1] != "*" and word not in _COMMON:
            best, size = place, len(word)
    if best < 0:  # only common words and stems: the first exact word, else the first word
        best = next((place for place, word in enumerate(words) if word[-1] != "*"), 0)
    return best
