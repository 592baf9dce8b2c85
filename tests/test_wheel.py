"""The wheel carries assets/ and works from a folder outside the checkout.

Builds the wheel offline (hatchling from the dev environment), installs it into a fresh venv
whose only extra path is this environment's site-packages (for the dependencies), and runs
`coach classify` and `coach rules --check` from a temporary folder.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("*.whl")
    return found


def test_wheel_contains_assets(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    assert "coach/_assets/rules.toml" in names
    assert not any(n.startswith("assets/") for n in names)


def test_installed_wheel_classifies_outside_the_checkout(wheel: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    purelib = subprocess.run(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # Dependencies come from this environment; coach itself only from the wheel.
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    Path(purelib, "_deps.pth").write_text("\n".join(deps) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(py),
            "install",
            "--no-deps",
            "--quiet",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["COACH_HOME"] = str(tmp_path / "home")
    proc = subprocess.run(
        [venv / "bin" / "coach", "classify"],
        input="Answer tier-1 customer tickets about password resets\n",
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["exposure"] in {"displacement", "augmentation", "not-ready"}
    where = subprocess.run(
        [py, "-c", "import coach.assets as a; print(a.assets_dir())"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(Path(purelib)), where


def test_wheel_metadata_names_the_distribution_and_carries_the_license(wheel: Path):
    assert wheel.name.startswith("layoff_coach-")
    archive = zipfile.ZipFile(wheel)
    (meta_name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    meta = archive.read(meta_name).decode()
    headers = [line for line in meta.split("\n\n", 1)[0].splitlines()]
    assert "Name: layoff-coach" in headers
    assert "License-Expression: MIT" in headers
    assert "License-File: LICENSE" in headers
    assert "Provides-Extra: web" in headers
    # coach has no public home yet, so the metadata names no made-up project URLs
    assert not any(h.startswith("Project-URL: ") for h in headers)
    assert any(h.startswith("Keywords: ") for h in headers)
    dist_info = meta_name.rsplit("/", 1)[0]
    license_text = archive.read(f"{dist_info}/licenses/LICENSE").decode()
    assert license_text.startswith("MIT License")
    assert "Permission is hereby granted" in license_text
    entry_points = archive.read(f"{dist_info}/entry_points.txt").decode()
    assert "coach = coach.cli:main" in entry_points
