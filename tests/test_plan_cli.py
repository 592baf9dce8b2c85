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
