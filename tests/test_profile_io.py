"""Profile files: loading with clear errors, and dump -> load round trips."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.assets import asset_path
from coach.errors import CoachError
from coach.models import (
    ATTRIBUTES,
    LEVELS,
    SCARCE_ASSETS,
    Profile,
    ProfileFile,
    Task,
    clean_text,
)
from coach.profile_io import dump_profile, load_profile


def write(tmp_path: Path, text: str, name: str = "p.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_example_profile_loads_and_is_realistic():
    pf = load_profile(asset_path("examples", "profile.toml"))
    assert pf.profile.role == "Marketing analyst"
    assert len(pf.tasks) >= 5
    assert all(t.hours_per_week > 0 for t in pf.tasks)


def test_minimal_file(tmp_path):
    pf = load_profile(write(tmp_path, '[[tasks]]\ntext = "Answer tickets"\nhours_per_week = 3\n'))
    assert pf.profile == Profile()
    assert pf.tasks == [Task(text="Answer tickets", hours_per_week=3)]


def test_bad_task_field_names_file_task_number_and_field(tmp_path):
    path = write(
        tmp_path,
        '[profile]\nrole = "x"\n'
        '[[tasks]]\ntext = "a"\nhours_per_week = 1\n'
        '[[tasks]]\ntext = "b"\nhours_per_week = 2\n'
        '[[tasks]]\ntext = "c"\nhours_per_week = "lots"\n',
    )
    with pytest.raises(CoachError) as err:
        load_profile(path)
    message = str(err.value)
    assert str(path) in message
    assert "task #3" in message
    assert "hours_per_week" in message
    assert "task #1" not in message


def test_every_bad_task_is_reported(tmp_path):
    path = write(
        tmp_path,
        '[[tasks]]\nhours_per_week = 1\n[[tasks]]\ntext = "ok"\n[[tasks]]\ntext = "b"\nnovel = 3\n',
    )
    with pytest.raises(CoachError) as err:
        load_profile(path)
    message = str(err.value)
    assert "task #1: field 'text'" in message
    assert "task #3" in message and "novel" in message


def test_unknown_task_field_is_an_error(tmp_path):
    path = write(tmp_path, '[[tasks]]\ntext = "a"\nhourz = 3\n')
    with pytest.raises(CoachError, match=r"task #1: field 'hourz'"):
        load_profile(path)


def test_bad_profile_field(tmp_path):
    path = write(tmp_path, '[profile]\nlevel = "wizard"\n')
    with pytest.raises(CoachError) as err:
        load_profile(path)
    assert "[profile]" in str(err.value) and "level" in str(err.value)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("profile = 3\n", "[profile]"),
        ('tasks = "x"\n', "[[tasks]]"),
        ("[extra]\n", "'extra'"),
        ("tasks = [1]\n", "task #1"),
        ("[[tasks\n", "not valid TOML"),
    ],
)
def test_shape_errors(tmp_path, text, needle):
    with pytest.raises(CoachError) as err:
        load_profile(write(tmp_path, text))
    assert needle in str(err.value)


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(CoachError, match="file not found"):
        load_profile(tmp_path / "nope.toml")
    path = tmp_path / "bad.toml"
    path.write_bytes(b'[profile]\nrole = "\xff"\n')
    with pytest.raises(CoachError, match="UTF-8"):
        load_profile(path)


def test_dump_is_commented_toml():
    pf = load_profile(asset_path("examples", "profile.toml"))
    text = dump_profile(pf)
    assert text.startswith("# coach profile")
    data = tomllib.loads(text)
    assert set(data) == {"profile", "tasks"}
    assert "role_id" not in data["profile"]  # None values are left out


# --- round trips ---------------------------------------------------------------------------

nasty_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80
).filter(lambda s: bool(clean_text(s)))

tasks = st.builds(
    Task,
    text=nasty_text,
    hours_per_week=st.floats(0, 168, allow_nan=False),
    supplemental=st.booleans(),
    **{name: st.none() | st.booleans() for name in ATTRIBUTES},
)
profiles = st.builds(
    Profile,
    role=st.text(max_size=60),
    function=st.text(max_size=60),
    level=st.sampled_from(list(LEVELS)),
    role_id=st.none() | st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True),
    money_link=st.sampled_from(["yes", "partly", "no", "unknown"]),
    ai_use=st.sampled_from(["never", "monthly", "weekly", "daily"]),
    teaches_ai=st.booleans(),
    assets_owned=st.lists(st.sampled_from(list(SCARCE_ASSETS)), unique=True),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.builds(ProfileFile, profile=profiles, tasks=st.lists(tasks, max_size=6)))
def test_dump_then_load_gives_the_same_profile(tmp_path, pf):
    path = write(tmp_path, dump_profile(pf))
    assert load_profile(path) == pf


# -- issue 14: strict types at the file boundary ---------------------------------------------


def _profile_error(tmp_path, text: str) -> str:
    path = tmp_path / "p.toml"
    path.write_text(text)
    with pytest.raises(CoachError) as err:
        load_profile(path)
    message = str(err.value)
    assert str(path) in message
    return message


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("hours_per_week = true", "hours_per_week"),
        ('hours_per_week = "8"', "hours_per_week"),
        ('repetitive = "true"', "repetitive"),
        ("repetitive = 1", "repetitive"),
    ],
)
def test_task_values_of_the_wrong_type_are_refused_naming_the_field(tmp_path, line, field):
    text = f'[[tasks]]\ntext = "Write reports"\n{line}\n'
    if "hours_per_week" not in line:
        text += "hours_per_week = 3\n"
    message = _profile_error(tmp_path, text)
    assert f"task #1: field '{field}'" in message


@pytest.mark.parametrize(
    ("line", "field"),
    [('teaches_ai = "yes"', "teaches_ai"), ("teaches_ai = 1", "teaches_ai"), ("role = 5", "role")],
)
def test_profile_values_of_the_wrong_type_are_refused_naming_the_field(tmp_path, line, field):
    message = _profile_error(tmp_path, f"[profile]\n{line}\n")
    assert f"[profile]: field '{field}'" in message


def test_a_task_without_hours_is_an_error_naming_the_field(tmp_path):
    message = _profile_error(tmp_path, '[[tasks]]\ntext = "Write reports"\n')
    assert "task #1: field 'hours_per_week': missing" in message


def test_whole_hours_are_still_fine(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('[[tasks]]\ntext = "Write reports"\nhours_per_week = 8\nrepetitive = true\n')
    [task] = load_profile(path).tasks
    assert task.hours_per_week == 8.0 and task.repetitive is True


def test_deeply_nested_profile_is_one_error_naming_the_file(tmp_path):
    message = _profile_error(tmp_path, "x = " + "[" * 3000 + "]" * 3000 + "\n")
    assert "nested too deeply" in message


_ANY_VALUE = st.one_of(
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.lists(st.integers(0, 3), max_size=3),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(["hours_per_week", *ATTRIBUTES, "text"]), value=_ANY_VALUE)
def test_any_task_value_is_kept_as_given_or_refused_by_name(field, value):
    from coach.profile_io import parse_profile

    raw = {"text": "Write the weekly report", "hours_per_week": 4, field: value}
    try:
        pf = parse_profile({"tasks": [raw]}, "p.toml")
    except CoachError as exc:
        assert f"p.toml: task #1: field '{field}'" in str(exc)
        return
    kept = getattr(pf.tasks[0], field)
    if field == "hours_per_week":
        assert type(value) in (int, float) and kept == value
    elif field == "text":
        assert isinstance(value, str)
    else:
        assert type(value) is bool and kept is value
