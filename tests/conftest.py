"""Shared fixtures: every test gets its own COACH_HOME so no test touches the user's data."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def coach_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "coach-home"
    monkeypatch.setenv("COACH_HOME", str(home))
    monkeypatch.delenv("COACH_RULES", raising=False)
    monkeypatch.setenv("COACH_CONFIG", str(tmp_path / "coach-config.toml"))
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh current folder, where the app proposes to export plans."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture(scope="session")
def rules():
    from coach.rules import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def fired(rules):
    """The ids of the bundled rules that fire on a task's text: `fired("Send the invoices")`."""

    def ids(text: str) -> set[str]:
        return {match.rule.id for match in rules.matches(text)}

    return ids


@pytest.fixture
def run(monkeypatch, capsys):
    """Run the `coach` command line in this process: (exit code, stdout, stderr)."""
    import sys

    from coach.cli import main

    def invoke(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["coach", *args])
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code or 0
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke
