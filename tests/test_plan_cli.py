"""`coach plan PROFILE`, run as users run it: a real process, exit codes and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coach.assets import asset_path

EXAMPLE = asset_path("examples", "profile.toml")


def coach(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_plan_to_stdout_is_deterministic_and_leaves_the_store_alone(coach_home):
    first = coach("plan", str(EXAMPLE), "--today", "2026-02-01")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("# Your plan: Marketing analyst, 2026-Q1\n")
    assert "check-in 2026-06-09" in first.stdout  # 37 days would be too short
    again = coach("plan", str(EXAMPLE), "--today", "2026-02-01", "-o", "-")
    assert again.stdout == first.stdout
    assert not coach_home.exists()


def test_plan_to_a_file_needs_force_to_overwrite(tmp_path):
    out = tmp_path / "plan.md"
    made = coach("plan", str(EXAMPLE), "-o", str(out))
    assert made.returncode == 0, made.stderr
    assert out.read_text(encoding="utf-8").startswith("# Your plan")
    out.write_text("my notes\n")
    refused = coach("plan", str(EXAMPLE), "-o", str(out))
    assert refused.returncode == 2
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert out.read_text() == "my notes\n"
    forced = coach("plan", str(EXAMPLE), "-o", str(out), "--force")
    assert forced.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# Your plan")


@pytest.mark.parametrize(
    ("profile", "needle"),
    [
        ('[[tasks]]\ntext = "a"\n[[tasks]]\ntext = "b"\nhours_per_week = -3\n', "task #2"),
        ('[profile]\nai_use = "hourly"\n', "ai_use"),
        ("not toml [", "not valid TOML"),
    ],
)
def test_bad_profiles_exit_2_with_one_clear_message(tmp_path, profile, needle):
    path = tmp_path / "me.toml"
    path.write_text(profile)
    result = coach("plan", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"coach: error: {path}")
    assert needle in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_bad_template_exits_2_with_its_line(tmp_path):
    tpl = tmp_path / "t.j2"
    tpl.write_text("fine\n{{ ''.__class__.__mro__ }}\n")
    result = coach("plan", str(EXAMPLE), "--template", str(tpl))
    assert result.returncode == 2
    assert f"{tpl}: line 2:" in result.stderr
    assert "Traceback" not in result.stderr


def test_user_template_and_rules_option(tmp_path):
    tpl = tmp_path / "t.j2"
    tpl.write_text("{% for a in sections['ai-workflows'] %}{{ a.kind }}\n{% endfor %}")
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[[rule]]\nid = "everything"\nexposure = "displacement"\nsection = "test section"\n'
        'reason = "Every task is displacement in this table."\n'
        'objects = ["the", "and", "to", "with"]\n'
    )
    bundled = coach("plan", str(EXAMPLE), "--template", str(tpl))
    custom = coach("plan", str(EXAMPLE), "--template", str(tpl), "--rules", str(rules))
    assert bundled.returncode == 0 and custom.returncode == 0, custom.stderr
    assert "keep-human" in bundled.stdout.split()
    # Every task is displacement under the custom table, so no not-ready preparation lines.
    assert set(custom.stdout.split()) <= {"automate", "assist", "teach", "later", "keep-human"}
    assert custom.stdout != bundled.stdout


def test_missing_profile():
    result = coach("plan", "/nonexistent/me.toml")
    assert result.returncode == 2
    assert "file not found" in result.stderr


ACTION_KINDS = {
    "metric",
    "workflow",
    "guardrail",
    "asset",
    "skill",
    "pivot",
    "teach",
    "evaluate",
    "layers",
    "note",
}


def check_contract(data: dict) -> None:
    """The stable JSON contract documented in the README."""
    assert data["schema"] == "coach.plan/1"
    summary = data["summary"]
    assert isinstance(summary["exposure_index"], int) and summary["index_text"]
    assert 1 <= len(summary["top_moves"]) <= 3
    assert {"title", "text", "action_id"} <= set(summary["top_moves"][0])
    assert summary["track"]["title"] and summary["manager_talk"]["script"]
    ids = set()
    for action in data["actions"]:
        assert {"id", "kind", "task", "title", "text"} <= set(action)
        assert action["kind"] in ACTION_KINDS
        assert action["task"] is None or isinstance(action["task"], str)
        ids.add(action["id"])
    assert len(ids) == len(data["actions"])
    assert 1 <= len(data["milestones"]) <= 12
    for milestone in data["milestones"]:
        assert isinstance(milestone["week"], int) and milestone["text"]
        assert milestone["action_id"] in ids
    assert {m["action_id"] for m in summary["top_moves"]} <= ids


def test_plan_as_json_is_the_same_plan_as_the_markdown(tmp_path):
    import json

    as_json = coach("plan", str(EXAMPLE), "--today", "2026-02-01", "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    check_contract(data)
    markdown = coach("plan", str(EXAMPLE), "--today", "2026-02-01").stdout
    for move in data["summary"]["top_moves"]:
        assert move["title"] in markdown
    for milestone in data["milestones"]:
        assert f"| {milestone['week']} | {milestone['text']} |" in markdown
    assert {a["task"] for a in data["actions"] if a["task"]} <= {w["task"] for w in data["week"]}
    refused = coach("plan", str(EXAMPLE), "--format", "json", "--template", str(EXAMPLE))
    assert refused.returncode == 2 and "--template" in refused.stderr


def test_export_as_json_gives_the_stored_plan(coach_home):
    import json

    assert coach("checkin", "--from", str(EXAMPLE)).returncode == 0
    exported = coach("export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout)
    check_contract(data)
    markdown = coach("export").stdout
    assert data["summary"]["track"]["title"] in markdown
