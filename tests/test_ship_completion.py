"""Shell completion, run as the shells run it: the real `coach` entry point in a subprocess.

A completion script calls `coach` with `_COACH_COMPLETE` set and no arguments; that run must
reach click (print a script or the candidates) and never open the terminal app.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coach.roles import load_catalog

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT / "assets" / "examples" / "profile.toml"


def coach(env_extra: dict[str, str], home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COACH_HOME": str(home), **env_extra}
    env.pop("COACH_RULES", None)
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=20,  # a run that opened the app instead would hang here and fail
        stdin=subprocess.DEVNULL,
        check=False,
    )


def complete(shell: str, words: str, home: Path) -> list[str]:
    """The candidates `coach` gives `shell` for the command line `words` (cursor at the end)."""
    parts = words.split(" ")
    cword = parts[-1] if shell == "fish" else str(len(parts) - 1)
    result = coach(
        {"_COACH_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": cword}, home
    )
    assert result.returncode == 0, result.stderr
    if shell == "zsh":  # type, value, help: three lines per candidate
        lines = result.stdout.splitlines()
        return [lines[i + 1] for i in range(0, len(lines), 3)]
    lines = [line for line in result.stdout.splitlines() if line]
    return [line.split(",", 1)[1].split("\t")[0] for line in lines]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_source_prints_a_script_instead_of_opening_the_app(shell: str, tmp_path: Path):
    result = coach({"_COACH_COMPLETE": f"{shell}_source"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"_COACH_COMPLETE={shell}_complete" in result.stdout
    assert "\x1b[" not in result.stdout  # no terminal app was drawn
    assert not (tmp_path / "coach.json").exists()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_command_names_complete(shell: str, tmp_path: Path):
    assert complete(shell, "coach cl", tmp_path) == ["classify"]
    assert {"checkin", "export", "roles", "status"} <= set(complete(shell, "coach ", tmp_path))


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_role_ids_complete_from_the_catalog(shell: str, tmp_path: Path):
    ids = [r.id for r in load_catalog().roles]
    assert sorted(complete(shell, "coach roles show ", tmp_path)) == sorted(ids)
    expected = sorted(i for i in ids if i.startswith("site"))
    assert expected
    assert sorted(complete(shell, "coach roles show site", tmp_path)) == expected


def test_checkin_ids_complete_from_the_store(tmp_path: Path):
    assert complete("bash", "coach export ", tmp_path) == []  # no store yet: nothing, no error
    assert not (tmp_path / "coach.json").exists()  # and completion did not create one
    ids = []
    for day in ("2026-01-05", "2026-04-06"):
        saved = coach({}, tmp_path, "checkin", "--from", str(PROFILE), "--date", day)
        assert saved.returncode == 0, saved.stderr
        ids.append(saved.stdout.split()[2])
    assert complete("bash", "coach export ", tmp_path) == ids[::-1]  # newest first
    assert complete("bash", "coach export 2026-04", tmp_path) == [ids[1]]


def test_damaged_store_completes_nothing_and_prints_no_traceback(tmp_path: Path):
    (tmp_path / "coach.json").write_text("{not json", encoding="utf-8")
    assert complete("bash", "coach export ", tmp_path) == []
    assert (tmp_path / "coach.json").read_text(encoding="utf-8") == "{not json"


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_script_completes_in_a_real_bash(tmp_path: Path):
    """Source the generated script in bash and call its function as a tab press would."""
    script = tmp_path / "coach-complete.bash"
    source = coach({"_COACH_COMPLETE": "bash_source"}, tmp_path)
    script.write_text(source.stdout, encoding="utf-8")
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "coach").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m coach "$@"\n')
    (shim / "coach").chmod(0o755)
    program = (
        f"source {script}; COMP_WORDS=(coach cl); COMP_CWORD=1; "
        '_coach_completion coach; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    env = {**os.environ, "PATH": f"{shim}:{os.environ['PATH']}", "COACH_HOME": str(tmp_path)}
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", program],
        env=env,
        capture_output=True,
        text=True,
        timeout=20,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["classify"]


def test_short_version_flag(tmp_path: Path):
    from coach import __version__

    result = coach({}, tmp_path, "-V")
    assert result.returncode == 0
    assert result.stdout.strip() == f"coach, version {__version__}"
