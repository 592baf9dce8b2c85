"""O*NET title search: singular and plural alike, a whole-title match wins, token-based
"closest titles" when nothing matches."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.errors import CoachError
from coach.onet import read_occupation
from coach.roles import (
    TITLE_EXACT,
    TITLE_PART_EXACT,
    TITLE_PARTIAL,
    closest_titles,
    singular,
    title_match,
)

OCCUPATIONS = {
    "47-2111.00": "Electricians",
    "47-3013.00": "Helpers--Electricians",
    "13-2011.00": "Accountants and Auditors",
    "15-1252.00": "Software Developers",
    "15-1253.00": "Software Quality Assurance Analysts and Testers",
    "43-3071.00": "Tellers",
    "47-2082.00": "Tapers",
    "47-2181.00": "Roofers",
    "43-6014.00": "Secretaries and Administrative Assistants, Except Legal, Medical, and Executive",
    "29-1141.00": "Registered Nurses",
}


@pytest.fixture
def onet_file(tmp_path: Path) -> Path:
    lines = ["O*NET-SOC Code\tTitle\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tSource"]
    for n, (code, title) in enumerate(OCCUPATIONS.items()):
        for k in range(2):
            lines.append(f"{code}\t{title}\t{n}{k}\tDo task {k} of {title}\tCore\t10\t07/2024\tx")
    path = tmp_path / "Task Statements.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("nurses", "nurse"),
        ("electricians", "electrician"),
        ("secretaries", "secretary"),
        ("coaches", "coach"),
        ("boss", "boss"),
        ("analysis", "analysis"),
        ("status", "status"),
        ("tellers", "teller"),
    ],
)
def test_singular(word: str, expected: str):
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("query", "title", "strength"),
    [
        ("electrician", "Electricians", TITLE_EXACT),
        ("ELECTRICIANS", "Electricians", TITLE_EXACT),
        ("electrician", "Helpers--Electricians", TITLE_PART_EXACT),
        ("accountant", "Accountants and Auditors", TITLE_PART_EXACT),
        ("auditor", "Accountants and Auditors", TITLE_PART_EXACT),
        ("software developer", "Software Developers", TITLE_EXACT),
        ("registered nurse", "Registered Nurses", TITLE_EXACT),
        ("nurse", "Registered Nurses", TITLE_PARTIAL),
        ("software", "Software Developers", TITLE_PARTIAL),
        ("develop", "Software Developers", TITLE_PARTIAL),
        ("roofer", "Tellers", None),
        ("", "Tellers", None),
    ],
)
def test_title_match(query: str, title: str, strength: int | None):
    assert title_match(query, title) == strength


@given(st.lists(st.from_regex(r"[A-Za-z]{1,12}", fullmatch=True), min_size=1, max_size=5))
def test_any_title_matches_itself_exactly(words: list[str]):
    title = " ".join(words)
    assert title_match(title, title) == TITLE_EXACT
    assert title_match(title.upper(), title) == TITLE_EXACT


@given(st.text(max_size=40), st.text(max_size=40))
def test_title_match_never_fails_on_any_text(query: str, title: str):
    assert title_match(query, title) in (None, TITLE_EXACT, TITLE_PART_EXACT, TITLE_PARTIAL)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("electrician", "47-2111.00"),  # not a list with Helpers--Electricians
        ("Electricians", "47-2111.00"),
        ("accountant", "13-2011.00"),
        ("Accountants", "13-2011.00"),
        ("software developer", "15-1252.00"),  # not Software Quality Assurance ...
        ("Software Developers", "15-1252.00"),
        ("secretary", "43-6014.00"),
        ("registered nurse", "29-1141.00"),
    ],
)
def test_singular_or_plural_title_picks_the_occupation(onet_file: Path, query: str, code: str):
    assert read_occupation(onet_file, query).code == code


def test_closest_titles_share_words_not_letters(onet_file: Path):
    with pytest.raises(CoachError) as err:
        read_occupation(onet_file, "Sofware Developers")
    message = str(err.value)
    assert "closest titles" in message
    assert "15-1252.00  Software Developers" in message
    for unrelated in ("Tellers", "Tapers", "Roofers"):
        assert unrelated not in message


def test_closest_titles_ranks_best_first():
    titles = dict(zip(OCCUPATIONS.values(), OCCUPATIONS.values(), strict=True))
    assert closest_titles("software developer", titles)[0] == "Software Developers"
    assert closest_titles("qqqq zzzz", titles) == []
