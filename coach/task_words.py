"""How a task's text becomes words, and which of them are its leading verbs.

Shared by the rules engine (`coach.rule_engine`) and the rules table's patterns. Words are runs
of [a-z0-9] in the lower-cased text, handled as ASCII bytes: a translate table and a split are
cheaper than a regex on the classifier's hot path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A word is a run of [a-z0-9] in the lower-cased task; anything else separates words.
TOKEN_RE = re.compile(r"[a-z0-9]+")
# Bytes -> the same bytes lower-cased, with every byte that is not [a-z0-9] made a space.
WORD_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256)
)
# Only the leading list of verbs needs commas ("Plan, direct, or coordinate"), so commas are
# tokenised separately, and only when the task starts with such a list. These read the task
# lower-cased and encoded to ASCII, one '?' per other character: as separating as the original.
LIST_TOKEN_RE = re.compile(rb"[a-z0-9]+|,")
# What LIST_TOKEN_RE finds, cut out faster (`_list_words`): WORD_BYTES, but keeping each comma.
LIST_BYTES = bytes(c if c == ord(",") else WORD_BYTES[c] for c in range(256))
_LIST_HEAD = 96  # bytes of a task that starts with a list read at first (most lists end sooner)
# Whether a comma comes before the task's second word: after its first ("Plan, direct"), or
# even before it (", test cases": no leading verb, as the list reader finds). Any case.
STARTS_WITH_LIST = re.compile(rb"[^a-zA-Z0-9,]*[a-zA-Z0-9]*[^a-zA-Z0-9,]*,").match
CONNECTORS = frozenset({b",", b"and", b"or"})
# A comma as a byte value: `COMMA in data` is a byte search, where `b"," in data` first tries
# (and fails) to read its operand as an int, raising and clearing an error each time.
COMMA = ord(",")
COLON = ord(":")
LABEL_MOST = 7  # words before a colon that make a label ("Quick one:"), not part of the task
# Words that may come before the leading verb: a subject, an adverb of frequency, or the
# urgency a worker types in front of a to-do ("URGENT: send ...", "high priority update ...").
LEAD_IN = frozenset(
    {b"i", b"we", b"you", b"they", b"he", b"she", b"also", b"usually", b"often", b"regularly",
     b"sometimes", b"frequently", b"occasionally", b"routinely", b"then", b"personally", b"may",
     b"must", b"will", b"to", b"urgent", b"urgently", b"asap", b"critical", b"important",
     b"todo", b"high", b"priority", b"please", b"pls", b"just", b"quickly", b"finally", b"can",
     b"could", b"would"}
)  # fmt: skip

# A first word that is not the task's one leading verb: a lead-in, or a joining word (a task
# that opens on "and" or "or" has no leading verb, as `_read_list` reads it).
NOT_ONE_VERB = LEAD_IN | CONNECTORS

# A task written as a question ("Drop the Acme account?") ends with this word, after its own: the
# one word of a task that is not [a-z0-9] (`asks`), so that the rules table can name it as "?".
QUESTION = b"?"


def asks(text: str) -> bool:
    """Whether the task is written as a question: its last character, but white space, is '?'."""
    return "?" in text and text.rstrip().endswith("?")


def pattern_words(pattern: str) -> list[str]:
    """A pattern's words; a hyphen separates words, as it does in task text."""
    return pattern.replace("-", " ").replace("'", " ").split()


def task_words(text: str) -> tuple[list[bytes], tuple[int, ...]]:
    """The task's words as TOKEN_RE finds them in `text.lower()`, as ASCII bytes, and the
    positions of its leading verbs: 'Plan, direct, or coordinate X' gives all three."""
    # The task as ASCII bytes. Plain ASCII is not lower-cased (the list checks below read any
    # case); other text is, first (some characters lower-case to ASCII letters: 'K', the Kelvin
    # sign), with one '?' for each character left that is not ASCII.
    lowered = text.encode() if text.isascii() else text.lower().encode("ascii", "replace")
    tokens = lowered.translate(WORD_BYTES).split()
    if not tokens:
        return tokens, ()
    if COLON in lowered:  # "Quick one: approve the capex": the verbs after a short label count too
        return tokens, _with_label(lowered, tokens, _verbs(lowered, tokens))
    return tokens, _verbs(lowered, tokens)


def _verbs(lowered: bytes, tokens: list[bytes]) -> tuple[int, ...]:
    one = tokens[0] not in NOT_ONE_VERB and (len(tokens) < 2 or tokens[1] not in CONNECTORS)
    if COMMA not in lowered:  # "Prepare and review X": no commas, so the words are the tokens
        return _FIRST if one else leading_verbs(tokens)
    if one and not STARTS_WITH_LIST(lowered):
        return _FIRST
    return _list_verbs(lowered)


def _list_verbs(lowered: bytes) -> tuple[int, ...]:
    """`leading_verbs` of the words and commas of a task that starts with a list of verbs
    ("Plan, direct, or coordinate X"). They are cut out at once (a replace, a translate and a
    split, in C) from the task's first _LIST_HEAD bytes, where the list most often ends; only
    a list that runs on past them is read again from the whole task."""
    if len(lowered) <= _LIST_HEAD:
        return leading_verbs(_list_words(lowered))
    head = _list_words(lowered[:_LIST_HEAD])
    del head[-1:]  # (the last word may have been cut short)
    found, ran_out = _read_list(head)
    if not ran_out:
        return found
    return leading_verbs(_list_words(lowered))


def _list_words(lowered: bytes) -> list[bytes]:
    """The words and commas of `lowered` in order, as LIST_TOKEN_RE finds them in its lower-case
    form: each comma is made a word of its own, then everything but [a-z0-9,] separates."""
    return lowered.replace(b",", b" , ").translate(LIST_BYTES).split()


def _label_size(lowered: bytes, tokens: list[bytes]) -> int:
    """How many words the label before the task's first colon has ("Quick one: approve X": 2),
    or 0 when there is none: a label has one to seven words, and words come after it."""
    label = len(lowered[: lowered.index(COLON)].translate(WORD_BYTES).split())
    return label if 1 <= label <= LABEL_MOST and label < len(tokens) else 0


def _with_label(lowered: bytes, tokens: list[bytes], verbs: tuple[int, ...]) -> tuple[int, ...]:
    """`verbs`, and the leading verbs of what follows the task's first colon when the words
    before it are a short label ("Hail Mary: do we pivot", "Mission brief: copy the prices")."""
    label = _label_size(lowered, tokens)
    if not label:
        return verbs
    rest = lowered[lowered.index(COLON) + 1 :]
    after = leading_verbs(_list_words(rest))
    return tuple(sorted({*verbs, *(label + place for place in after)}))


def without_label(text: str) -> str:
    """The task without a short label before its first colon ('Quick one: approve X' ->
    'approve X'), read as `task_words` reads it; other text as it is."""
    if ":" not in text:
        return text
    lowered = text.encode() if text.isascii() else text.lower().encode("ascii", "replace")
    if not _label_size(lowered, lowered.translate(WORD_BYTES).split()):
        return text
    return text.partition(":")[2].strip()


_FIRST = (0,)  # the leading verb of most tasks: the first word


def leading_verbs(words: Iterable[bytes]) -> tuple[int, ...]:
    """Positions (among the words that are not commas) of the leading verb list in `words`,
    read one at a time and only as far as the list goes."""
    return _read_list(words)[0]


def _read_list(words: Iterable[bytes]) -> tuple[tuple[int, ...], bool]:
    """`leading_verbs`, and whether the words ran out before the list was seen to end."""
    found = []
    place = 0  # the words read so far, not counting commas
    words = iter(words)
    word = next(words, None)
    while word is not None and word in LEAD_IN:
        place += 1
        word = next(words, None)
    while word is not None and word not in CONNECTORS:
        found.append(place)
        place += 1
        word = next(words, None)
        if word not in CONNECTORS:  # the list ends (None: so does the task)
            break
        while word is not None and word in CONNECTORS:
            place += word != b","
            word = next(words, None)
    return tuple(found), word is None
