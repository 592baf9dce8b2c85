"""The core never imports Textual, and the non-TUI commands stay free of it too."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORE = [
    "coach.models",
    "coach.rules",
    "coach.scoring",
    "coach.calendar",
    "coach.settings",
    "coach.assets",
    "coach.errors",
]
OPTIONAL_CORE = ["coach.plan", "coach.export", "coach.store", "coach.roles", "coach.onet"]

PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))))
"""


def test_core_modules_do_not_import_textual():
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *CORE, *OPTIONAL_CORE],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    loaded = json.loads(out)
    assert not [m for m in loaded if m.startswith("textual")], loaded


RUNNER = """
import runpy, sys
sys.argv = ["coach", *sys.argv[1:]]
try:
    runpy.run_module("coach", run_name="__main__")
except SystemExit:
    pass
finally:
    leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
    sys.stderr.write("TEXTUAL-MODULES:" + ",".join(leaked) + "\\n")
"""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["classify"], ["classify", "--format", "table"], ["rules"], ["--version"]],
)
def test_non_tui_commands_never_import_textual(args, tmp_path: Path):
    proc = subprocess.run(
        [sys.executable, "-c", RUNNER, *args],
        input="Answer customer tickets about refunds\nRepair hydraulic pumps\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    marker = [line for line in proc.stderr.splitlines() if line.startswith("TEXTUAL-MODULES:")]
    assert marker, proc.stderr
    assert marker[0] == "TEXTUAL-MODULES:", marker[0]
    assert proc.stdout.strip(), "the command printed nothing"
