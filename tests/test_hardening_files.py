"""Issue 14, inputs and outputs: coach reads only regular files and writes only to regular
files or new paths; a FIFO never hangs it and is never replaced."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coach.assets import asset_path

PROFILE = str(asset_path("examples/profile.toml"))


def coach(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run coach in a subprocess: a command that blocks on a FIFO fails the test, not CI."""
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=os.environ.copy(),
        timeout=30,
        check=False,
    )


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def _refused(result: subprocess.CompletedProcess, path: Path) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr
    assert "not a regular file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ("classify", "{fifo}"),
        ("classify", "--rules", "{fifo}", "{profile}"),
        ("rules", "--check", "{fifo}"),
        ("plan", "{fifo}"),
        ("plan", "{profile}", "--rules", "{fifo}"),
        ("checkin", "--from", "{fifo}"),
        ("import-onet", "{fifo}", "--occupation", "15-1252.00"),
        ("restore", "{fifo}"),
        ("plan", "{profile}", "--template", "{fifo}"),
    ],
    ids=lambda a: " ".join(a),
)
def test_a_fifo_as_an_input_file_is_refused_not_waited_on(args, fifo, tmp_path):
    filled = [a.format(fifo=fifo, profile=PROFILE) for a in args]
    _refused(coach(*filled, cwd=tmp_path), fifo)


def test_output_to_a_fifo_is_refused_even_with_force(fifo, tmp_path):
    result = coach("plan", PROFILE, "-o", str(fifo), "--force", cwd=tmp_path)
    _refused(result, fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_backup_to_a_fifo_is_refused_even_with_force(fifo, tmp_path):
    assert coach("checkin", "--from", PROFILE, cwd=tmp_path).returncode == 0
    result = coach("backup", str(fifo), "--force", cwd=tmp_path)
    _refused(result, fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_dangling_symlink_counts_as_existing(tmp_path):
    link = tmp_path / "plan.md"
    link.symlink_to(tmp_path / "nowhere" / "plan.md")
    result = coach("plan", PROFILE, "-o", str(link), cwd=tmp_path)
    assert result.returncode == 2
    assert str(link) in result.stderr and "--force" in result.stderr
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()
    result = coach("plan", PROFILE, "-o", str(link), "--force", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # --force replaces the link itself; coach never writes through an output link.
    assert not link.is_symlink() and link.read_text().startswith("#")
    assert not (tmp_path / "nowhere").exists()


def test_force_replaces_a_symlink_to_a_file_not_its_target(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    link = tmp_path / "plan.md"
    link.symlink_to(target)
    result = coach("plan", PROFILE, "-o", str(link), cwd=tmp_path)
    assert result.returncode == 2 and "already exists" in result.stderr
    assert coach("plan", PROFILE, "-o", str(link), "--force", cwd=tmp_path).returncode == 0
    assert target.read_text() == "keep me"
    assert not link.is_symlink()
