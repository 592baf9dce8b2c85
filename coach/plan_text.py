"""Small text helpers for the plan: normalised task keys for stable ids, short task names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.models import AssessedTask

SHORT_TASK = 80

STATUS_WORDS = {"todo": "to do", "doing": "doing", "done": "done", "dropped": "dropped"}
"""How an action's status reads wherever it is shown: plan, brag document, `coach actions`
and the app. The stored and JSON value stays the key ('todo')."""


def status_word(status: str) -> str:
    return STATUS_WORDS.get(status, status)


def normalise(text: str) -> str:
    """Lower-case words only, so punctuation and spacing changes keep the same id."""
    return " ".join(re.findall(r"\w+", text.lower()))


def task_key(text: str) -> str:
    import hashlib  # not at import: the dashboard's first frame reads this module

    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:8]


def short(text: str, limit: int = SHORT_TASK) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def hours_text(hours: float) -> str:
    return f"{round(hours, 1):g}"


def by_weight(tasks: list[AssessedTask]) -> list[AssessedTask]:
    """Heaviest tasks first; equal hours in the order of their normalised text."""
    return sorted(tasks, key=lambda at: (-at.task.hours_per_week, normalise(at.task.text)))


def counted(n: int, noun: str) -> str:
    """'1 check-in', '2 check-ins': a count with its noun in the right number."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def task_source(at: AssessedTask) -> str:
    return f"task: {short(at.task.text)}"


_SOURCE_PARTS = re.compile(r"; (?=(?:task|tasks|answer): )")


def source_words(source: str) -> str:
    """An action's stored source ('task: ...', 'answer: AI use = never', joined by '; ') as a
    worker reads it: 'your task "..."', 'your answer on AI use (never)'."""
    parts = []
    # Split only where a new part starts, so a task's own "; " stays in its text
    for part in _SOURCE_PARTS.split(source):
        kind, _, rest = part.partition(": ")
        if kind == "task":
            parts.append(f"your task \u201c{rest}\u201d")
        elif kind == "answer":
            name, equals, value = rest.partition(" = ")
            parts.append(f"your answer on {name} ({value})" if equals else f"your answer: {rest}")
        elif kind == "tasks":
            parts.append(f"your week ({rest})")
        else:
            parts.append(part)
    return "; ".join(parts)


def word_match(pattern: str, words: set[str]) -> bool:
    return any(w == pattern or (len(pattern) >= 4 and w.startswith(pattern)) for w in words)


_STOP = frozenset(
    [
        "by",
        "with",
        "using",
        "for",
        "to",
        "in",
        "into",
        "from",
        "about",
        "on",
        "after",
        "before",
        "against",
        "within",
        "at",
        "that",
        "which",
        "so",
        "when",
        "across",
        "through",
        "during",
        "via",
        "per",
        "than",
        "while",
        "between",
    ]
)
_SKIP = frozenset({"to", "with", "on", "about", "for", "up", "and", "or"})
MAX_OBJECT_WORDS = 7
_JOINERS = frozenset({"and", "with", "from", "about", "for"})
# A phrasal verb's particle belongs to the verb: 'Hand off qualified leads' works on the leads.
_PARTICLES = frozenset({"off", "over", "out", "up", "down", "back"})
# Words that end an object once it has started: 'incidents as the escalation point'.
_LATE_STOP = frozenset({"as", "such", "like", "including"})
_PRONOUNS = frozenset({"them", "it", "their", "its", "they", "him", "her", "us", "the", "a", "an"})
# A second verb after "and" starts a second task: "Assess patients and monitor vital signs".
SECOND_VERBS = frozenset(
    [
        "monitor",
        "fix",
        "track",
        "update",
        "record",
        "close",
        "plan",
        "present",
        "repair",
        "interpret",
        "remove",
        "hire",
        "grow",
        "drive",
        "keep",
        "load",
        "set",
        "take",
        "mark",
        "route",
        "relay",
        "hold",
        "prepare",
        "review",
        "write",
        "maintain",
        "manage",
        "check",
        "report",
        "follow",
        "resolve",
        "send",
        "book",
        "process",
        "publish",
        "schedule",
        "coordinate",
        "assign",
        "approve",
        "lead",
        "build",
        "run",
        "train",
        "test",
        "deploy",
        "serve",
        "tune",
        "analyze",
        "analyse",
        "recommend",
        "decide",
        "present",
        "explain",
        "answer",
    ]
)
LONG_OBJECT = 4
_WH_WORDS = frozenset({"whether", "which", "what", "how", "where", "when", "who"})


def _unlabelled(text: str) -> str:
    """The task without the short labels before its colons ('Quick one: Figma: rename layers'
    -> 'rename layers'), so that the plan names it by its own verb and object."""
    from coach.task_words import without_label

    while (shorter := without_label(text)) != text:
        text = shorter
    return text


def object_phrase(text: str) -> str:
    """What the task works on, in its own words: the words after its leading verbs, up to the
    first preposition ('Write SQL queries to pull data' -> 'SQL queries')."""
    from coach.task_words import task_words

    text = _unlabelled(text)
    spans = [m.span() for m in re.finditer(r"[A-Za-z0-9]+", text)]
    lower = [text[a:b].lower() for a, b in spans]
    tokens, verbs = task_words(text)
    if len(tokens) != len(spans):
        verbs = ()
    start = (max(verbs) + 1) if verbs else 0
    while start < len(lower) and lower[start] in _SKIP:
        if start + 1 < len(lower) and text[spans[start][1] : spans[start + 1][0]] == "-":
            break  # 'on-call' is one word
        start += 1
    if start + 2 < len(lower) and lower[start] in _PARTICLES and lower[start + 1] not in _SKIP:
        start += 1
    end = start
    while end < len(lower) and end - start < MAX_OBJECT_WORDS:
        joined = end > start and text[spans[end - 1][1] : spans[end][0]] == "-"
        joined = joined or (end + 1 < len(lower) and text[spans[end][1] : spans[end + 1][0]] == "-")
        if (lower[end] in _STOP or (end > start and lower[end] in _LATE_STOP)) and not joined:
            break
        if end > start and "," in text[spans[end - 1][1] : spans[end][0]]:
            break  # 'model quality, bias and failure cases': the first item names it
        second = end + 1 < len(lower) and lower[end + 1] in SECOND_VERBS
        if end > start and lower[end] == "and" and second:
            break
        end += 1
    # 'invoices older than 60 days', 'tickets with more than three': the comparative goes with
    # its "than", so the object ends before both
    if end < len(lower) and lower[end] == "than" and end - start > 1:
        end -= 1
        if end - start > 1 and lower[end - 1] in ("with", "open", "of"):
            end -= 1
    cut = end < len(lower) and lower[end] not in _STOP
    if "and" in lower[start:end] and (cut or end - start > LONG_OBJECT):
        first = start + lower[start:end].index("and")
        if first - start >= 2 or cut:
            end = first
    if end - start > 4 and lower[start + 1] == "and":
        start += 2  # 'weekly and monthly management reports' -> 'monthly management reports'
    # A trailing participle qualifies the object: 'defects reported in existing programs'.
    while end - start > 1 and lower[end - 1].endswith("ed") and not lower[end - 1].endswith("eed"):
        if end - start == 2 and not (end < len(lower) and lower[end] in _STOP):
            break  # 'hours saved' is the object; 'defects reported in programs' is 'defects'
        end -= 1
    if end <= start:
        return short(text, 60)
    if end - start == 1 and lower[start] in _WH_WORDS:
        # 'Decide whether to approve deals': the clause after the question word is the object.
        return short(text[spans[start][0] :].strip(" ,;:."), 60)
    phrase = text[spans[start][0] : spans[end - 1][1]].strip(" ,;:")
    if end < len(lower) and lower[end] in ("on", "about", "at") and end - start <= 2:
        # 'business teams on legal risks': what the advice or talk is about is the object;
        # 'first pass at the FAQ': a short thing at something is that thing.
        more = lower[end + 1 : end + 5]
        tail = next((i for i, w in enumerate(more) if w in _STOP or w in ("and", "or")), len(more))
        gaps = [text[spans[end + i][1] : spans[end + i + 1][0]] for i in range(1, tail)]
        comma = [i for i, gap in enumerate(gaps, start=1) if "," in gap]
        tail = min(tail, *comma) if comma else tail
        if tail:
            phrase = text[spans[start][0] : spans[end + tail][1]].rstrip(" ,")
    elif end - start == 1 and end < len(lower) and lower[end] in _JOINERS:
        # One word says too little: 'meetings and calendars', 'meetings with project teams'.
        rest = end + 2 if lower[end] == "and" else end + 1
        more = lower[rest : rest + 3]
        tail = next((i for i, w in enumerate(more) if w in _STOP or w in ("and", "or")), len(more))
        if tail and rest + tail < len(lower) and lower[rest + tail] == "than":
            tail -= 1  # 'tickets with more than three': not 'tickets with more'
        gaps = [text[spans[rest + i - 1][1] : spans[rest + i][0]] for i in range(1, tail)]
        tail = next((i for i, gap in enumerate(gaps, start=1) if "," in gap), tail)
        # 'Book travel and process expense reports': a second verb starts a second task.
        second = lower[end] == "and" and any(w in SECOND_VERBS for w in lower[end + 1 : end + 2])
        if tail and more[0] not in _PRONOUNS and not second:
            words = text[spans[rest][0] : spans[rest + tail - 1][1]].rstrip(" ,")
            phrase = f"{phrase} {lower[end]} {words}"
    return phrase


# Verbs whose last consonant doubles before -ing although they have more than one syllable.
_DOUBLING = frozenset(
    ["admit", "begin", "commit", "compel", "confer", "control", "debug", "defer", "deter",
     "equip", "excel", "expel", "forget", "format", "incur", "occur", "omit", "patrol", "permit",
     "prefer", "program", "propel", "refer", "regret", "submit", "transfer", "upset"]
)  # fmt: skip


def gerund(verb: str) -> str:
    """The -ing form of a verb as a task names it: 'write' -> 'writing', 'plan' -> 'planning';
    a hyphenated verb takes it on its last part: 'spot-check' -> 'spot-checking'."""
    head, hyphen, word = verb.lower().rpartition("-")
    if hyphen:
        return f"{head}-{gerund(word)}"
    if word.endswith("ing") and len(word) > 5:
        return word
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "oe", "ye")) and word != "be":
        return word[:-1] + "ing"
    groups = re.findall(r"[aeiou]+", word)
    single = len(groups) == 1 and re.search(r"[^aeiou][aeiou][^aeiouwxy]$", word) is not None
    if word in _DOUBLING or (single and len(groups[0]) == 1):
        return word + word[-1] + "ing"
    return word + "ing"


# First words of to-dos that name a thing, not an act ('First pass at the FAQ', 'Rough draft')
_NOT_VERBS = frozenset(
    {"first", "second", "third", "rough", "quick", "next", "last", "final", "new"}
)


def _looks_like_verb(word: str) -> bool:
    """A task's first word is its verb unless it is plainly not one ('Weekly reports', 'SQL')."""
    low = word.lower()
    if not word.isalpha() or (word.isupper() and len(word) > 1) or low in _NOT_VERBS:
        return False
    if low.endswith("ly") and low not in ("apply", "supply", "rely", "reply", "ally"):
        return False
    return not (low.endswith("s") and not low.endswith(("ss", "us")))


def doing_phrase(text: str) -> str:
    """The task as a gerund phrase a person would write: 'Analyze trends in sales data' ->
    'analyzing trends', 'Meet with clients to plan' -> 'meeting with clients'. Built from the
    task's own first verb and its object; a task that does not start with a verb reads
    'working on' its object."""
    from coach.task_words import task_words

    text = _unlabelled(text)
    thing = object_phrase(text)
    spans = [m.span() for m in re.finditer(r"[A-Za-z0-9]+", text)]
    if not spans:
        return "doing this task"
    tokens, verbs = task_words(text)
    if len(tokens) != len(spans):
        verbs = ()
    if not verbs or not _looks_like_verb(text[spans[verbs[0]][0] : spans[verbs[0]][1]]):
        # No leading verb: the noun phrase starts at the first word ('Weekly reports').
        noun = object_phrase(f"do {text}")
        noun = noun if noun[1:2].isupper() else noun[:1].lower() + noun[1:]
        return short(f"working on {noun}", 60)
    first = text[spans[verbs[0]][0] : spans[verbs[0]][1]]
    after = spans[max(verbs)][1]
    lead, joined = verbs[0], verbs[0]
    while joined + 1 < len(spans) and text[spans[joined][1] : spans[joined + 1][0]] == "-":
        joined += 1
    if joined > lead:
        tail = text[spans[joined][0] : spans[joined][1]]
        if joined == lead + 1 and tail.lower() in _PARTICLES:
            # 'Follow-up with the client' is a verb and its particle: 'following up with ...'.
            return doing_phrase(text[: spans[lead][1]] + " " + text[spans[joined][0] :])
        # A hyphenated verb ('spot-check', 're-key', 'hand-scissor') is one verb, and its last
        # part takes the -ing: 'spot-checking', not 'spotting -check'.
        first = text[spans[lead][0] : spans[joined][1]]
        if thing.lower().startswith(tail.lower() + " "):
            thing = thing[len(tail) + 1 :]  # the object phrase read the verb's last part as a noun
        simple = gerund(tail) == tail.lower() + "ing"  # 're-running' is not its own words
        if joined == len(spans) - 1:  # nothing after the verb: 'Spot-check'
            return short(gerund(first) if simple else f"working on {' '.join(text.split())}", 60)
        if not simple:
            return short(f"working on {thing}", 60)
        after = max(after, spans[joined][1])
    at = text.find(thing, after)
    if at < 0 and thing == short(text, 60):  # no object words: the task goes on from its verb
        rest = text[after:]
    elif at < 0:  # the object was assembled from two parts of the text
        rest = thing
    else:  # keep 'with', 'off' ... before the object, not words the object left out
        gap = re.findall(r"\w+", text[after:at].lower())
        keep = all(w in _SKIP or w in _PARTICLES for w in gap)
        rest = text[after : at + len(thing)] if keep else thing
    rest = " ".join(rest.split()).strip(" ,;:")
    return short(f"{gerund(first)} {rest}".strip(), 60)


def cap(text: str) -> str:
    """The text with its first letter upper-cased (the rest untouched: 'SQL', 'EHR')."""
    return text[:1].upper() + text[1:]
