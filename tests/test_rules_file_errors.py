"""Loading a rules file: every mistake becomes one CoachError naming the file, the rule and the
field; `coach rules --check` and `--rules FILE` report them without a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from coach.cli import cli
from coach.errors import CoachError
from coach.rules import load_rules

SECTION = "Where AI is truly replacing work: real displacement"
GOOD_RULE = f"""
[[rule]]
id = "weekly-report"
exposure = "displacement"
section = "{SECTION}"
reason = "Recurring reports are repeatable analysis that models produce."
weight = 2
verbs = ["compile*"]
objects = ["report*"]
"""


def write(tmp_path: Path, text: str, name: str = "rules.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rule_with(**fields: str) -> str:
    lines = {
        "id": '"r1"',
        "exposure": '"augmentation"',
        "section": f'"{SECTION}"',
        "reason": '"A reason long enough to pass validation."',
        "verbs": '["review*"]',
    }
    lines.update(fields)
    body = "\n".join(f"{k} = {v}" for k, v in lines.items() if v is not None)
    return f"[[rule]]\n{body}\n"


def error_of(path: Path) -> str:
    with pytest.raises(CoachError) as info:
        load_rules(path)
    return str(info.value)


def test_a_good_file_loads(tmp_path: Path) -> None:
    table = load_rules(write(tmp_path, GOOD_RULE))
    assert len(table) == 1
    assert table.classify("Compile the weekly report").rule == "weekly-report"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"exposure": '"replacement"'}, "exposure"),
        ({"section": None}, "section"),
        ({"section": '""'}, "section"),
        ({"reason": '"short"'}, "reason"),
        ({"verbs": '["Review"]'}, "verbs"),
        ({"verbs": '["re*view"]'}, "verbs"),
        ({"verbs": '["ab*"]'}, "verbs"),
        ({"objects": '[""]'}, "objects"),
        ({"unless": '["data!"]'}, "unless"),
        ({"weight": "0"}, "weight"),
        ({"weight": "-3"}, "weight"),
        ({"when": "{ sentient = true }"}, "when"),
        ({"basis": '"x"'}, "basis"),
        ({"id": '"Bad Id"'}, "id"),
    ],
)
def test_bad_fields_name_the_rule_field_and_file(
    tmp_path: Path, fields: dict[str, str | None], field: str
) -> None:
    path = write(tmp_path, GOOD_RULE + rule_with(**fields))
    message = error_of(path)
    assert str(path) in message
    assert f"'{field}" in message
    assert "#2" in message
    if "id" not in fields:
        assert "'r1'" in message


def test_unknown_attribute_is_listed_with_the_known_ones(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, rule_with(when="{ sentient = true }")))
    assert "sentient" in message and "safety_critical" in message


def test_a_rule_with_nothing_to_match_is_rejected(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, rule_with(verbs=None)))
    assert "'r1'" in message and "verbs, objects or when" in message


def test_duplicate_id_names_both_rules(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, GOOD_RULE + GOOD_RULE))
    assert "'weekly-report'" in message and "duplicate" in message and "#1" in message
    assert "'id'" in message


def test_fallback_id_is_reserved(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, rule_with(id='"fallback"')))
    assert "reserved" in message and "'id'" in message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = rule_with(id='"a"', exposure='"nope"') + rule_with(id='"b"', weight="0")
    message = error_of(write(tmp_path, text))
    assert "'a'" in message and "'b'" in message
    assert len(message.splitlines()) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[rule]\nid = 1", "not valid TOML"),
        ('id = "loose"\n', "unknown table"),
        ("[meta]\nversion = 1\n", "no rules"),
        ("[meta]\nfallback_confidence = 0.9\n" + GOOD_RULE, "fallback_confidence"),
        ("[meta]\nsurprise = 1\n" + GOOD_RULE, "surprise"),
    ],
)
def test_file_level_problems(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    message = error_of(path)
    assert str(path) in message and expected in message


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(GOOD_RULE.replace("Recurring", "R\xe9currents").encode("latin-1"))
    message = error_of(path)
    assert str(path) in message and "UTF-8" in message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "not found" in error_of(tmp_path / "nope.toml")
    assert "folder" in error_of(tmp_path)


def test_the_bundled_table_loads_and_is_used_by_default() -> None:
    table = load_rules()
    assert len(table) > 50
    assert {r.exposure.value for r in table.rules} == {"displacement", "augmentation", "not-ready"}


# --- through the CLI --------------------------------------------------------------------------


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_rules_check_ok(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["rules", "--check", str(write(tmp_path, GOOD_RULE))])
    assert result.exit_code == 0, result.output
    assert "OK, 1 rule (1 displacement, 0 augmentation, 0 not-ready)" in result.output


def test_rules_check_of_the_bundled_table(tmp_path: Path) -> None:
    from coach.rules import default_rules_path

    result = CliRunner().invoke(cli, ["rules", "--check", str(default_rules_path())])
    assert result.exit_code == 0 and "OK" in result.output


@pytest.mark.parametrize(
    "text",
    [GOOD_RULE + GOOD_RULE, "[[rule]\n", rule_with(exposure='"maybe"')],
    ids=["duplicate", "bad-toml", "bad-exposure"],
)
def test_rules_check_errors_exit_2_without_traceback(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    result = run("rules", "--check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("coach: error: ")
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr


def test_rules_check_missing_file(tmp_path: Path) -> None:
    result = run("rules", "--check", str(tmp_path / "missing.toml"))
    assert result.returncode == 2
    assert "not found" in result.stderr and "Traceback" not in result.stderr


def test_classify_uses_rules_file(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_RULE)
    result = CliRunner().invoke(
        cli, ["classify", "--rules", str(path)], input="Compile the weekly report\nsing\n"
    )
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert first["rule"] == "weekly-report" and first["exposure"] == "displacement"
    assert second["rule"] == "fallback"


def test_group_level_rules_option(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_RULE)
    result = CliRunner().invoke(cli, ["--rules", str(path), "rules", "--json"])
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in json.loads(result.output)] == ["weekly-report"]


def test_classify_with_a_bad_rules_file_exits_2(tmp_path: Path) -> None:
    path = write(tmp_path, rule_with(weight="0"))
    result = run("classify", "--rules", str(path), stdin="Write a report\n")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "'r1'" in result.stderr and "weight" in result.stderr
    assert "Traceback" not in result.stderr


def test_rules_listing_shows_every_rule(rules) -> None:
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0
    for rule in rules.rules:
        assert rule.id in result.output


# -- issue 14: deep nesting and lax values ---------------------------------------------------


def test_deeply_nested_toml_is_one_error_naming_the_file(tmp_path):
    path = write(tmp_path, "x = " + "[" * 3000 + "]" * 3000 + "\n")
    with pytest.raises(CoachError, match="nested too deeply") as err:
        load_rules(path)
    assert str(path) in str(err.value)
    assert len(str(err.value).splitlines()) == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [("weight", '"5"'), ("weight", "true"), ("id", "5"), ("verbs", '"compile*"')],
)
def test_rules_fields_must_have_their_own_type(tmp_path, field, value):
    path = write(tmp_path, rule_with(**{field: value}))
    with pytest.raises(CoachError) as err:
        load_rules(path)
    message = str(err.value)
    assert str(path) in message
    assert field in message


def test_a_rules_when_value_must_be_a_real_boolean(tmp_path):
    text = GOOD_RULE + 'when = { repetitive = "true" }\n'
    with pytest.raises(CoachError, match=r"when\.repetitive"):
        load_rules(write(tmp_path, text))


async def test_the_app_stops_on_a_deeply_nested_rules_file_naming_it(tmp_path):
    import datetime as dt

    from coach.settings import Settings
    from coach.tui.app import make_app

    path = write(tmp_path, "x = " + "[" * 3000 + "]" * 3000 + "\n")
    app = make_app(Settings(home=tmp_path / "home", rules_path=path), today=dt.date(2026, 11, 3))
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if app.fatal_error:
                break
    assert app.fatal_error is not None
    assert str(path) in app.fatal_error and "nested too deeply" in app.fatal_error
    assert app.return_code == 2
