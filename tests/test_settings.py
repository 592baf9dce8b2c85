"""Settings: a plain dataclass that still checks its fields and names what is wrong."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from coach.errors import CoachError
from coach.settings import Settings


def test_paths_are_coerced_and_frozen(tmp_path: Path):
    settings = Settings(home=str(tmp_path), rules_path=str(tmp_path / "r.toml"))
    assert settings.home == tmp_path
    assert settings.rules_path == tmp_path / "r.toml"
    assert settings.store_path == tmp_path / "coach.json"
    assert settings.backups_dir == tmp_path / "backups"
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.home = tmp_path  # type: ignore[misc]


@pytest.mark.parametrize("bad", [None, 3, b"/tmp", ""])
def test_bad_home_names_the_field(bad):
    with pytest.raises(CoachError, match="settings field 'home'"):
        Settings(home=bad)  # type: ignore[arg-type]


def test_from_env_reads_and_expands(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("COACH_HOME", str(tmp_path))
    monkeypatch.setenv("COACH_RULES", "~/rules.toml")
    settings = Settings.from_env()
    assert settings.home == tmp_path
    assert settings.rules_path == Path("~/rules.toml").expanduser()
    assert Settings.from_env(rules_path=tmp_path / "x.toml").rules_path == tmp_path / "x.toml"


def test_bad_env_value_names_the_variable():
    from coach.settings import _as_path

    with pytest.raises(CoachError, match="environment variable COACH_HOME"):
        _as_path("bad\0path", "home", "COACH_HOME")
