"""The README's examples are real output, and its screenshots are the snapshot SVGs themselves.

An example in README.md is a fenced block right after a marker line

    <!-- example: printf 'Answer tier-1 tickets\\n' | coach classify -->

The test runs the command (with `coach` meaning this checkout's coach, COLUMNS=100, a fresh
COACH_HOME and no settings file) and compares its standard output with the block. To refresh
the examples after a change:

    .venv/bin/python tests/test_ship_readme.py
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
EXAMPLE = re.compile(
    r"<!-- example: (?P<command>.+?) -->\n```(?P<lang>\w*)\n(?P<body>.*?)```", re.S
)
SNAPSHOTS = ROOT / "tests" / "__snapshots__" / "test_snapshots"
SCREENSHOTS = [SNAPSHOTS / "test_review_large_in_colour.svg", SNAPSHOTS / "test_dashboard.svg"]
"""The README shows these snapshots directly, so its pictures are as current as the tests."""


QUICK_START = re.compile(r"## Quick start\n.*?```sh\n(?P<body>.*?)```", re.S)


def quick_start() -> list[str]:
    block = QUICK_START.search(README.read_text("utf-8"))
    assert block, "README.md has no ```sh block under '## Quick start'"
    return [line for line in block["body"].splitlines() if line.strip()]


def test_quick_start_is_two_commands_that_need_only_python():
    run, test = quick_start()  # exactly two
    for command in (run, test):
        assert command.startswith("python3 -m venv .venv && "), command
        assert "make" not in command.split(), command
    assert run.endswith(".venv/bin/coach")
    assert "pytest" in test and "'.[dev]'" in test


def test_ci_runs_the_quick_start_test_command_word_for_word():
    _run, test = quick_start()
    ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert test in ci, ".ci/run must run the README's test command as it is written"
    assert not any(line.split()[:1] == ["make"] for line in ci)


def examples() -> list[tuple[str, str]]:
    return [(m["command"], m["body"]) for m in EXAMPLE.finditer(README.read_text("utf-8"))]


def run_example(command: str, home: Path) -> str:
    coach = f"{shlex.quote(sys.executable)} -m coach"
    env = {
        **os.environ,
        "COACH_HOME": str(home / "home"),
        "COACH_CONFIG": str(home / "config.toml"),
        "COLUMNS": "100",
    }
    env.pop("COACH_RULES", None)
    result = subprocess.run(
        ["bash", "-c", "set -o pipefail; coach() { " + coach + ' "$@"; }; ' + command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 0, f"{command}: {result.stderr}"
    return result.stdout


def test_readme_has_examples():
    commands = [command for command, _ in examples()]
    assert any("coach classify" in c for c in commands)
    assert any(c.startswith("coach roles") for c in commands)


@pytest.mark.parametrize(("command", "shown"), examples(), ids=[c for c, _ in examples()])
def test_readme_example_is_the_real_output(command: str, shown: str, tmp_path: Path):
    assert run_example(command, tmp_path) == shown, (
        "README example is out of date; run: .venv/bin/python tests/test_ship_readme.py"
    )


@pytest.mark.parametrize("shot", sorted(SCREENSHOTS), ids=lambda p: p.name)
def test_readme_screenshots_are_the_current_snapshots(shot: Path):
    assert f"]({shot.relative_to(ROOT).as_posix()})" in README.read_text("utf-8")
    assert shot.read_text("utf-8").lstrip().startswith("<svg")


def update() -> None:
    """Rewrite README's example blocks from real output."""
    text = README.read_text("utf-8")
    with tempfile.TemporaryDirectory() as tmp:

        def fresh(match: re.Match) -> str:
            output = run_example(match["command"], Path(tmp))
            return f"<!-- example: {match['command']} -->\n```{match['lang']}\n{output}```"

        text = EXAMPLE.sub(fresh, text)
    README.write_text(text, encoding="utf-8")
    print(f"updated {len(examples())} examples")


if __name__ == "__main__":
    update()
