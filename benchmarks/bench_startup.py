"""How long until `coach` paints its first screen, next to a bare Textual app showing one Static?

Both run as subprocesses on a pseudo-terminal, in the same run, alternating, and exit right after
their first full paint: coach through COACH_TUI_EXIT_AFTER_PAINT=1, which quits only after a
frame that shows the first screen's real content (the dashboard's check-in and actions, never a
"Loading..." placeholder) and its keys. Prints medians and the ratio for a first run (empty data
dir: welcome screen) and a returning user (store with check-ins: dashboard). Target: ratio <= 1.25.

The target is on the wall time from spawn to exit. Textual's exit waits for its input thread,
which polls every 0.1 s, so that time moves in steps of about 0.1 s with the work done after the
app switches to the terminal's alternate screen. The "paint" column (when the last frame before
the exit reached the terminal) shows the first paint without those steps; it is for reading,
not the target.

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


LEAVE_ALT_SCREEN = b"\x1b[?1049l"
"""What Textual writes as it exits: output before it is the app's frames."""


def timed_run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall time from spawn to exit, time until the last frame before the exit reached the
    terminal), on a pty (so Textual drives a real terminal), in seconds."""
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    start = time.perf_counter()
    painted = start
    leaving = False
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    while proc.poll() is None:
        ready, _, _ = select.select([master], [], [], 0.01)
        if ready:
            with contextlib.suppress(OSError):
                chunk = os.read(master, 65536)
                leaving = leaving or LEAVE_ALT_SCREEN in chunk
                if not leaving:
                    painted = time.perf_counter()
    elapsed = time.perf_counter() - start
    os.close(master)
    if proc.returncode != 0:
        raise SystemExit(f"{argv} exited with {proc.returncode}")
    return elapsed, painted - start


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
    # An installed coach runs from bytecode (pip compiles it at install), as Textual does here;
    # without the caches every coach run would compile its own modules from source again.
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)

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
    paints: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.n):
        for name, (argv, env) in cases.items():
            wall, paint = timed_run(argv, env)
            times[name].append(wall)
            paints[name].append(paint)
    shutil.rmtree(scratch, ignore_errors=True)

    bare = statistics.median(times["bare Textual app"])
    bare_paint = statistics.median(paints["bare Textual app"])
    print(f"runs of each: {args.n}, median wall time from process start to first paint + exit")
    print(f"  {'':<24} {'to exit':>10}  {'ratio':>5}   {'paint':>8}  {'ratio':>5}")
    for name, values in times.items():
        median = statistics.median(values)
        paint = statistics.median(paints[name])
        print(
            f"  {name:<24} {median * 1000:7.1f} ms  {median / bare:5.2f}"
            f"   {paint * 1000:5.1f} ms  {paint / bare_paint:5.2f}"
        )
    print(f"target: ratio (to exit) <= {TARGET:.2f}")
    if args.json:
        worst = max(
            statistics.median(times[name]) / bare for name in cases if name.startswith("coach")
        )
        summary = {"measure": "worst coach / bare Textual median", "value": round(worst, 2)}
        print(json.dumps({**summary, "target": f"<= {TARGET}", "pass": worst <= TARGET}))


if __name__ == "__main__":
    main()
