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


# --- the settings file ----------------------------------------------------------------------

from coach.settings import read_config, save_config_value  # noqa: E402


def test_settings_file_sets_theme_export_dir_and_rules(monkeypatch, tmp_path: Path):
    config = tmp_path / "conf" / "config.toml"
    config.parent.mkdir()
    config.write_text(
        '# mine\ntheme = "nord"\nexport_dir = "plans"\nrules = "~/r.toml"\n', encoding="utf-8"
    )
    monkeypatch.setenv("COACH_CONFIG", str(config))
    settings = Settings.from_env()
    assert settings.config_path == config
    assert settings.theme == "nord"
    assert settings.export_dir == config.parent / "plans"  # relative to the file's folder
    assert settings.rules_path == Path("~/r.toml").expanduser()
    monkeypatch.setenv("COACH_RULES", str(tmp_path / "env.toml"))  # the environment wins
    assert Settings.from_env().rules_path == tmp_path / "env.toml"
    assert Settings.from_env(rules_path=tmp_path / "cli.toml").rules_path == tmp_path / "cli.toml"


def test_no_settings_file_means_defaults(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("COACH_CONFIG", str(tmp_path / "missing.toml"))
    settings = Settings.from_env()
    assert (settings.theme, settings.export_dir, settings.rules_path) == (None, None, None)


def test_default_settings_file_is_in_the_platform_config_dir(monkeypatch):
    from platformdirs import user_config_path

    from coach.settings import default_config_path

    monkeypatch.delenv("COACH_CONFIG")
    assert default_config_path() == user_config_path("coach", appauthor=False) / "config.toml"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("theme = 3\n", "key 'theme': expected a theme name"),
        ('theme = ""\n', "key 'theme': expected a theme name"),
        ("export_dir = true\n", "key 'export_dir': expected a path"),
        ("rules = []\n", "key 'rules': expected a path"),
        ('colour = "red"\n', "unknown key 'colour'; the keys are theme, export_dir, rules"),
        ("[ui]\ntheme = 'nord'\n", "unknown key 'ui'"),
        ("theme = nord\n", "not valid TOML"),
    ],
)
def test_bad_settings_file_names_the_key(tmp_path: Path, text: str, message: str):
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(CoachError, match=message) as err:
        read_config(config)
    assert str(err.value).startswith(f"{config}: ")
    assert config.read_text(encoding="utf-8") == text  # never rewritten


def test_bad_settings_file_is_one_line_and_exit_code_2(monkeypatch, tmp_path: Path):
    import subprocess
    import sys

    config = tmp_path / "config.toml"
    config.write_text("theme = 3\n", encoding="utf-8")
    monkeypatch.setenv("COACH_CONFIG", str(config))
    result = subprocess.run(
        [sys.executable, "-m", "coach", "classify"],
        input="Answer tickets\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"coach: error: {config}: key 'theme': expected a theme name in quotes, "
        'such as "nord", got 3'
    ]


def test_saving_a_value_keeps_comments_and_other_keys(tmp_path: Path):
    config = tmp_path / "config.toml"
    config.write_text('# my settings\nrules = "r.toml"\ntheme = "nord"  # old\n', encoding="utf-8")
    save_config_value(config, "theme", "dracula")
    assert (
        config.read_text(encoding="utf-8") == '# my settings\nrules = "r.toml"\ntheme = "dracula"\n'
    )
    fresh = tmp_path / "new" / "config.toml"
    save_config_value(fresh, "theme", 'odd "name"')
    assert read_config(fresh).theme == 'odd "name"'
    assert [p.name for p in fresh.parent.iterdir()] == ["config.toml"]  # no temp file left


# --- the app keeps the theme ----------------------------------------------------------------


async def test_theme_from_the_settings_file_is_the_theme_at_start(monkeypatch, tmp_path: Path):
    from coach.tui.app import make_app

    config = tmp_path / "config.toml"
    config.write_text('theme = "gruvbox"\n', encoding="utf-8")
    monkeypatch.setenv("COACH_CONFIG", str(config))
    app = make_app(Settings.from_env())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"
        assert app.current_theme.name == "gruvbox"
    assert config.read_text(encoding="utf-8") == 'theme = "gruvbox"\n'  # not rewritten


async def test_theme_picked_in_the_app_sticks(monkeypatch, tmp_path: Path):
    from coach.tui.app import make_app

    config = tmp_path / "config.toml"
    monkeypatch.setenv("COACH_CONFIG", str(config))
    app = make_app(Settings.from_env())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not config.exists()  # nothing chosen, nothing written
        app.theme = "dracula"
        await pilot.pause()
    assert read_config(config).theme == "dracula"
    again = make_app(Settings.from_env())
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "dracula"


def test_unknown_theme_is_an_error_naming_the_key(monkeypatch, tmp_path: Path):
    from coach.tui.app import make_app

    config = tmp_path / "config.toml"
    config.write_text('theme = "no-such"\n', encoding="utf-8")
    monkeypatch.setenv("COACH_CONFIG", str(config))
    with pytest.raises(CoachError, match=r"key 'theme': no theme called 'no-such'; use one of"):
        make_app(Settings.from_env())


async def test_export_dir_from_the_settings_file_is_where_the_plan_goes(
    monkeypatch, tmp_path: Path, workdir: Path
):
    from test_tui_flow import TODAY, settle, walk_to_export

    from coach.tui.app import make_app

    plans = tmp_path / "my plans"
    plans.mkdir()
    config = tmp_path / "config.toml"
    config.write_text(f"export_dir = {str(plans)!r}\n".replace("'", '"'), encoding="utf-8")
    monkeypatch.setenv("COACH_CONFIG", str(config))
    app = make_app(Settings.from_env(), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_to_export(pilot)
        await pilot.press("enter")
        await settle(pilot)
    written = list(plans.iterdir())
    assert [p.name for p in written] == ["coach-plan-2026-Q4.md"]
    assert written[0].read_text(encoding="utf-8").startswith("#")
    assert list(workdir.iterdir()) == []


@pytest.mark.parametrize("xdg", [None, "", "/tmp/xdg-config"])
def test_linux_config_path_follows_platformdirs(monkeypatch, xdg):
    """The Linux path is worked out without importing platformdirs; it must agree with it."""
    import sys

    from platformdirs.unix import Unix

    from coach.settings import default_config_path

    monkeypatch.delenv("COACH_CONFIG")
    if xdg is None:
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
    monkeypatch.setattr(sys, "platform", "linux")
    assert default_config_path() == Unix("coach", appauthor=False).user_config_path / "config.toml"
