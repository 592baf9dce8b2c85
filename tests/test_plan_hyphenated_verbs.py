"""A to-do that opens with a hyphenated verb reads as one verb in the plan's sentences.

"Spot-check the entries" is spot-checking the entries, not "spotting -check the entries";
"Follow-up with the client" is a verb and its particle. Where the -ing form of the last part
is not simply that part plus "ing" ("re-run" -> "re-running"), the plan says it is working on
the task's object instead, so every word it shows is still the worker's own.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.plan_text import doing_phrase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hand-scissor the poodles' topknots before pickup",
            "hand-scissoring the poodles' topknots",
        ),
        ("Spot-check the AI-coded entries", "spot-checking the AI-coded entries"),
        ("Re-key the invoices into Xero", "re-keying the invoices"),
        ("Double-check the payroll run", "double-checking the payroll run"),
        ("Co-sign the letter", "co-signing the letter"),
        ("Follow-up with the Hendersons", "following up with the Hendersons"),
        ("Re-run the failed payroll job", "working on the failed payroll job"),
        ("Spot-check", "spot-checking"),
    ],
)
def test_a_hyphenated_verb_reads_as_one_verb(text, expected):
    assert doing_phrase(text) == expected


def test_no_word_is_left_dangling_after_a_hyphen():
    phrase = doing_phrase("Fact-check the press release before it goes out")
    assert " -" not in phrase and not phrase.startswith("facting")


@settings(max_examples=200, deadline=None)
@given(
    st.from_regex(r"[A-Za-z]{1,6}-[a-z]{1,8}", fullmatch=True),
    st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), max_size=5),
)
def test_a_hyphenated_verb_never_leaves_a_bare_hyphen_or_borrowed_words(verb, rest):
    text = " ".join([verb, *rest])
    phrase = doing_phrase(text)
    assert phrase and len(phrase) <= 60
    assert " -" not in phrase and "- " not in phrase
    words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)}
    said = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", phrase.rstrip("…"))]
    if phrase.endswith("…"):
        said = said[:-1]  # a shortened phrase may end inside a word
    # "working on do OR-a": a first word that is not a verb gets the fallback's "do", as the
    # doing-phrase property in test_plan_phrases.py allows
    allowed = words | {w + "ing" for w in words} | {"working", "on", "doing", "this", "task", "do"}
    assert set(said) <= allowed | {w + w[-1] + "ing" for w in words} | {
        w[:-1] + "ing" for w in words
    }
