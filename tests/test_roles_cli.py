"""`coach roles`, `coach roles show` and `coach import-onet`, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from coach.cli import cli
from coach.errors import CoachError
from coach.roles import load_catalog

SAMPLE = Path(__file__).parent / "fixtures" / "onet_tasks_sample.txt"


def run(*args: str, columns: int = 200):
    runner = CliRunner(env={"COLUMNS": str(columns)})
    return runner.invoke(cli, list(args), catch_exceptions=True)


def ids_in(output: str) -> list[str]:
    lines = output.splitlines()
    assert lines[0].startswith("ID")
    return [line.split()[0] for line in lines[1:] if line.strip()]


# --- listing and search -------------------------------------------------------------------


def test_roles_lists_every_role():
    result = run("roles")
    assert result.exit_code == 0, result.output
    assert ids_in(result.stdout) == [r.id for r in load_catalog().roles]


def test_roles_json_lists_all_with_tasks():
    result = run("roles", "--json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert len(records) >= 40
    for record in records:
        assert 6 <= len(record["tasks"]) <= 12
        assert record["task_count"] == len(record["tasks"])
        assert {"id", "title", "function", "synonyms"} <= set(record)


@pytest.mark.parametrize(
    "args",
    [("sofware", "enginer"), ("sofware enginer",), ("--json", "sofware", "enginer")],
)
def test_search_with_typos_in_any_form(args):
    result = run("roles", *args)
    assert result.exit_code == 0
    if "--json" in args:
        found = [r["id"] for r in json.loads(result.stdout)]
    else:
        found = ids_in(result.stdout)
    assert set(found[:3]) == {
        "software-engineer-junior",
        "software-engineer-senior",
        "software-engineer-staff",
    }


def test_search_option_after_query_and_limit():
    result = run("roles", "engineer", "--json", "--limit", "2")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 2


def test_search_by_synonym():
    result = run("roles", "attorney")
    assert ids_in(result.stdout)[0] == "lawyer"


def test_explicit_search_subcommand_searches_for_any_word():
    assert ids_in(run("roles", "search", "nurse").stdout)[0] == "registered-nurse"
    # 'show' as a search word needs `search`; no role is called that, so no match.
    result = run("roles", "search", "show")
    assert result.exit_code == 1
    assert "No role matches 'show'" in result.stderr


def test_no_match_exits_1_with_a_hint():
    result = run("roles", "xyzzy")
    assert result.exit_code == 1
    assert "No role matches" in result.stderr
    assert run("roles", "xyzzy", "--json").stdout.strip() == "[]"


# --- show ---------------------------------------------------------------------------------


def test_show_prints_tasks_with_verdicts(rules):
    role = load_catalog().get("support-tier1")
    result = run("roles", "show", "support-tier1")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert role.title in out
    for task in role.tasks:
        verdict = rules.classify(task)
        line = next(line for line in out.splitlines() if line.endswith(task.text))
        assert verdict.exposure.value in line
        assert verdict.rule in line
    assert "Exposure index" in out


def test_show_fits_a_narrow_terminal():
    result = run("roles", "show", "director", columns=80)
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    listing = run("roles", columns=80)
    assert max(len(line) for line in listing.stdout.splitlines()) <= 80


def test_show_json_matches_the_classifier(rules):
    result = run("roles", "show", "qa-tester", "--json")
    record = json.loads(result.stdout)
    role = load_catalog().get("qa-tester")
    assert [t["text"] for t in record["tasks"]] == [t.text for t in role.tasks]
    assert [t["rule"] for t in record["tasks"]] == [rules.classify(t).rule for t in role.tasks]
    assert 0 <= record["exposure_index"] <= 100


def test_show_profile_prints_a_profile_file(tmp_path: Path):
    from coach.profile_io import load_profile
    from coach.roles import role_to_profile

    result = run("roles", "show", "accountant", "--profile")
    assert result.exit_code == 0
    data = tomllib.loads(result.stdout)
    assert data["profile"]["role_id"] == "accountant"
    role = load_catalog().get("accountant")
    path = tmp_path / "p.toml"
    path.write_text(result.stdout, encoding="utf-8")
    assert load_profile(path) == role_to_profile(role)


def test_show_profile_to_file_never_overwrites(tmp_path: Path):
    out = tmp_path / "me.toml"
    first = run("roles", "show", "teacher", "--profile", "-o", str(out))
    assert first.exit_code == 0
    assert tomllib.loads(out.read_text(encoding="utf-8"))["profile"]["role_id"] == "teacher"
    out.write_text("# my edits\n", encoding="utf-8")
    again = run("roles", "show", "nurse", "--profile", "-o", str(out))
    assert isinstance(again.exception, CoachError)
    assert out.read_text(encoding="utf-8") == "# my edits\n"
    forced = run("roles", "show", "registered-nurse", "--profile", "-o", str(out), "--force")
    assert forced.exit_code == 0
    assert "registered-nurse" in out.read_text(encoding="utf-8")


def test_show_unknown_id_suggests():
    result = run("roles", "show", "suport-tier1")
    assert isinstance(result.exception, CoachError)
    assert "support-tier1" in str(result.exception)


def test_show_output_without_profile_is_refused(tmp_path: Path):
    result = run("roles", "show", "teacher", "-o", str(tmp_path / "x.toml"))
    assert isinstance(result.exception, CoachError)
    assert not (tmp_path / "x.toml").exists()


def test_profile_from_a_role_renders_a_plan(tmp_path: Path):
    out = tmp_path / "p.toml"
    assert run("roles", "show", "ad-ops", "--profile", "-o", str(out)).exit_code == 0
    plan = run("plan", str(out))
    assert plan.exit_code == 0, plan.output
    assert "Ad operations specialist" in plan.stdout


# --- import-onet --------------------------------------------------------------------------


def test_import_onet_to_stdout():
    result = run("import-onet", str(SAMPLE), "--occupation", "ward nurses")
    assert result.exit_code == 0, result.output
    data = tomllib.loads(result.stdout)
    assert data["profile"]["role"] == "Example Ward Nurses"
    assert [t.get("supplemental", False) for t in data["tasks"]] == [False] * 4 + [True] * 2
    assert "CC BY 4.0" in result.stdout
    assert "4 core, 2 supplemental" in result.stderr


def test_import_onet_to_file_then_plan(tmp_path: Path):
    out = tmp_path / "onet.toml"
    result = run("import-onet", str(SAMPLE), "--occupation", "15-9990.00", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.is_file()
    again = run("import-onet", str(SAMPLE), "--occupation", "15-9990.01", "-o", str(out))
    assert isinstance(again.exception, CoachError)
    assert "Example Software Builders" in out.read_text(encoding="utf-8")
    plan = run("plan", str(out))
    assert plan.exit_code == 0, plan.output
    assert "Example Software Builders" in plan.stdout


def test_import_onet_needs_an_occupation():
    result = run("import-onet", str(SAMPLE))
    assert result.exit_code == 2
    assert "--occupation" in result.output


def test_errors_reach_the_user_as_one_line_and_exit_2(tmp_path: Path):
    proc = subprocess.run(
        [sys.executable, "-m", "coach", "import-onet", str(SAMPLE), "--occupation", "budget"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("coach: error: ")
    assert "13-9990.00  Example Budget Planners" in proc.stderr
    assert "Traceback" not in proc.stderr


# --- tables are laid out by display width (Rich) ------------------------------------------


def test_listing_keeps_ids_whole_and_columns_aligned_at_80():
    from rich.cells import cell_len

    result = run("roles", columns=80)
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    title_at = lines[0].index("TITLE")
    for line, role in zip(lines[1:], load_catalog().roles, strict=True):
        assert line.startswith(role.id + " ")
        assert line[title_at - 1] == " " and line[title_at] != " "  # no id runs into the title


def test_wide_characters_stay_within_the_terminal(monkeypatch):
    from rich.cells import cell_len

    from coach.cli import roles_cmd

    monkeypatch.setenv("COLUMNS", "80")
    table = roles_cmd._table(
        ("HOURS", {"justify": "right", "no_wrap": True}),
        ("TASK", {"ratio": 1, "overflow": "fold"}),
    )
    table.add_row("4", "週次の売上レポートを作成し、営業チームと共有する" * 3)
    table.add_row("2", "Plan the week")
    printed: list[str] = []
    monkeypatch.setattr(roles_cmd.click, "echo", lambda line="": printed.append(line))
    roles_cmd._print(table)
    assert len(printed) > 3  # the long CJK task wrapped
    assert all(cell_len(line) <= 80 for line in printed)
    task_at = printed[0].index("TASK")
    assert all(cell_len(line[:task_at]) == task_at for line in printed[1:])
