"""Multi-word patterns ("test case*", "user acceptance test*") for `coach.rule_engine`.

A phrase is looked up by one of its words, its anchor. Each word that anchors phrases keeps
them by the word they need right after it and right before it (phrases that end on it), first
by that neighbour's first letters, then, on first sight of an actual neighbouring word, by the
word itself: so a task pays one dict lookup per side to learn that no phrase is there, and a
two-word phrase is found whole by that lookup, with its rules' bits already OR-ed together
(`Leads`), so finding it costs a task no loop over the phrases.
"""

from __future__ import annotations

MIN_STEM = 3  # a prefix pattern has at least this many letters before its '*'
NEIGHBOUR_LIMIT = 4096  # neighbouring words remembered for each word that anchors phrases
VERB, OBJECT, UNLESS = 0, 1, 2  # the kinds of pattern

# (kind, rule bit, (words before, words after the anchor))
Phrase = tuple[int, int, tuple[tuple[str, ...], tuple[str, ...]]]
# (kind, rule bit, words before, words after, ((offset, word or stem, is stem), ...)), the
# neighbouring word first
Candidate = tuple[int, int, int, int, tuple[tuple[int, bytes, bool], ...]]
# What a neighbouring word leaves to check: (kind, rule bit, start offset from the anchor, the
# phrase's words when that is all of them, else the candidate to check in full)
Lead = tuple[int, int, int, bytes | None, Candidate | None]
# A phrase found in a task: (kind, rule bit, start offset from the anchor, its words)
Found = tuple[int, int, int, bytes]
# What a neighbouring word completes, () when nothing: (the bits the two-word object and unless
# phrases add to a task mask, the rules of those that are evidence, those phrases, and the
# `Lead`s a task must still check: verb phrases, which must be at a leading verb, and longer
# phrases)
Leads = tuple[int, int, tuple[Found, ...], tuple[Lead, ...]]


def anchor_of(words: list[str]) -> int:
    """Which word of a phrase to look up: an exact word rather than a stem ('web' in 'web app*',
    not every word starting 'app'), and a longer one rather than 'in' or 'on' ('in person')."""
    exact = [i for i, w in enumerate(words) if not w.endswith("*")]
    longer = [i for i in exact if len(words[i]) > 3]
    return (longer or exact or [0])[0]


class ByNeighbour(dict):
    """Neighbouring word -> the `Lead`s of the phrases (anchored by one word) that it matches,
    filled on first sight of the neighbour (bounded) from the candidates by its first letters."""

    __slots__ = ("_anchor", "_by_letters", "_shift")

    def __init__(
        self, anchor: bytes, by_letters: dict[bytes, tuple[Candidate, ...]], shift: int
    ) -> None:
        super().__init__()
        self._anchor = anchor
        self._by_letters = by_letters
        self._shift = shift  # where the veto bits start in a task mask

    def __missing__(self, word: bytes) -> Leads | tuple[()]:
        leads: list[Lead] = []
        for candidate in self._by_letters.get(word[:MIN_STEM], ()):
            kind, bit, before, _after, checks = candidate
            offset, pattern, stem = checks[0]
            if not (word.startswith(pattern) if stem else word == pattern):
                continue
            if len(checks) > 1:
                leads.append((kind, bit, -before, None, candidate))
            else:  # a two-word phrase: this word completes it
                pair = (self._anchor, word) if offset == 1 else (word, self._anchor)
                leads.append((kind, bit, -before, b" ".join(pair), None))
        found = _summed(leads, self._shift) if leads else ()
        if len(self) < NEIGHBOUR_LIMIT:
            self[word] = found
        return found


def _summed(leads: list[Lead], shift: int) -> Leads:
    """`leads` as `Leads`: the two-word object and unless phrases found whole, with their bits
    OR-ed, and the rest to check."""
    task_mask = evidence = 0
    found: list[Found] = []
    checks: list[Lead] = []
    for lead in leads:
        kind, bit, offset, words, _candidate = lead
        if words is None or kind == VERB:
            checks.append(lead)
            continue
        found.append((kind, bit, offset, words))
        if kind == UNLESS:
            task_mask |= bit << shift
        else:
            task_mask |= bit
            evidence |= bit
    return task_mask, evidence, tuple(found), tuple(checks)


def near(
    anchor: bytes, phrases: list[Phrase], shift: int
) -> tuple[ByNeighbour | None, ByNeighbour | None]:
    """The phrases `anchor` anchors, by the word after it and by the word before it (None when
    there are none on that side); `shift` is where veto bits start in a task mask."""
    sides: tuple[dict, dict] = ({}, {})
    for phrase in phrases:
        candidate = _compiled(phrase)
        offset, word, _stem = candidate[4][0]  # the neighbouring word: checked first
        side = sides[0] if offset == 1 else sides[1]
        side.setdefault(word[:MIN_STEM], []).append(candidate)
    after, before = ({k: tuple(v) for k, v in side.items()} for side in sides)
    return (
        ByNeighbour(anchor, after, shift) if after else None,
        ByNeighbour(anchor, before, shift) if before else None,
    )


def longer_phrase(pos: int, tokens: list[bytes], candidate: Candidate) -> bytes | None:
    """The words of a phrase of three or more words anchored at `pos`, or None if the task's
    words there are not it."""
    _kind, _bit, before, after, checks = candidate
    start = pos - before
    stop = pos + 1 + after
    if start < 0 or stop > len(tokens):
        return None
    for offset, word, stem in checks:
        token = tokens[pos + offset]
        if not token.startswith(word) if stem else token != word:
            return None
    return b" ".join(tokens[start:stop])


def _compiled(phrase: Phrase) -> Candidate:
    """A phrase as it is checked: its kind and bit, how many words it has before and after the
    anchor, and (offset, word or stem, is a stem) for each of those words, the neighbouring one
    first."""
    kind, bit, (before, after) = phrase
    words = [(i + 1, p) for i, p in enumerate(after)]
    words += [(i - len(before), p) for i, p in enumerate(before)][::-1]
    checks = tuple(
        (o, p[:-1].encode(), True) if p[-1] == "*" else (o, p.encode(), False) for o, p in words
    )
    return (kind, bit, len(before), len(after), checks)
