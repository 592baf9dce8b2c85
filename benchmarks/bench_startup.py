"""How long until `coach` paints its first screen, next to a bare Textual app showing one Static?

Both run as subprocesses on a pseudo-terminal, in the same run, alternating, and exit right after
their first paint (coach through COACH_TUI_EXIT_AFTER_PAINT=1). Prints medians and the ratio for
a first run (empty data dir: welcome screen) and a returning user (store with check-ins:
dashboard). Target: ratio <= 1.25.

    python benchmarks/bench_startup.py            # 15 runs of each
    python benchmarks/bench_startup.py -n 31
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.25

BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("Hello from a bare Textual app")

    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run()
"""


def timed_run(argv: list[str], env: dict[str, str]) -> float:
    """Wall time from spawn to exit, on a pty (so Textual drives a real terminal), in seconds."""
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    while proc.poll() is None:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            with contextlib.suppress(OSError):
                os.read(master, 65536)
    elapsed = time.perf_counter() - start
    os.close(master)
    if proc.returncode != 0:
        raise SystemExit(f"{argv} exited with {proc.returncode}")
    return elapsed


def seed_store(home: Path) -> None:
    from coach.checkins import new_checkin
    from coach.models import Profile, ProfileFile, Task
    from coach.rules import load_rules
    from coach.settings import Settings
    from coach.store import Store

    store = Store.open(Settings(home=home))
    table = load_rules()
    for quarter in range(4):
        pf = ProfileFile(
            profile=Profile(role="Reporting analyst", function="Finance"),
            tasks=[
                Task(text="Compile weekly sales reports", hours_per_week=10 + quarter),
                Task(text="Present findings to leadership", hours_per_week=5),
            ],
        )
        day = dt.date(2025, 2 + 3 * quarter, 10)
        store.add_checkin(new_checkin(pf, table, today=day, previous=store.latest()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=15, help="runs of each (default 15)")
    parser.add_argument("--json", action="store_true", help="end with a one-line JSON summary")
    args = parser.parse_args()

    coach = shutil.which("coach", path=str(Path(sys.executable).parent)) or "coach"
    scratch = Path(tempfile.mkdtemp(prefix="coach-bench-"))
    bare_file = scratch / "bare.py"
    bare_file.write_text(BARE_APP, encoding="utf-8")
    returning = scratch / "returning"
    seed_store(returning)
    base_env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    base_env.pop("TEXTUAL", None)

    cases = {
        "bare Textual app": ([sys.executable, str(bare_file)], base_env),
        "coach, first run": (
            [coach],
            dict(base_env, COACH_HOME=str(scratch / "first"), COACH_TUI_EXIT_AFTER_PAINT="1"),
        ),
        "coach, returning user": (
            [coach],
            dict(base_env, COACH_HOME=str(returning), COACH_TUI_EXIT_AFTER_PAINT="1"),
        ),
    }
    for argv, env in cases.values():  # warm the file cache and .pyc files
        timed_run(argv, env)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.n):
        for name, (argv, env) in cases.items():
            times[name].append(timed_run(argv, env))
    shutil.rmtree(scratch, ignore_errors=True)

    bare = statistics.median(times["bare Textual app"])
    print(f"runs of each: {args.n}, median wall time from process start to first paint + exit")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<24} {median * 1000:7.1f} ms   ratio {median / bare:5.2f}")
    print(f"target: ratio <= {TARGET:.2f}")
    if args.json:
        worst = max(
            statistics.median(times[name]) / bare for name in cases if name.startswith("coach")
        )
        summary = {"measure": "worst coach / bare Textual median", "value": round(worst, 2)}
        print(json.dumps({**summary, "target": f"<= {TARGET}", "pass": worst <= TARGET}))


if __name__ == "__main__":
    main()
