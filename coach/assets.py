"""Find the bundled assets/ folder, in a source checkout and in an installed wheel alike."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def assets_dir() -> Path:
    """The wheel ships assets as coach/_assets; a checkout keeps them at the top level."""
    for candidate in (_PACKAGE / "_assets", _PACKAGE.parent / "assets"):
        if (candidate / "rules.toml").is_file():
            return candidate
    raise FileNotFoundError(
        f"coach's assets folder is missing (looked in {_PACKAGE / '_assets'} and "
        f"{_PACKAGE.parent / 'assets'}); reinstall coach"
    )


def asset_path(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)
