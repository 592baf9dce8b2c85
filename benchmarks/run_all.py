"""Run every benchmark and print one summary table (`make bench`).

Each benchmark runs in its own process with `--json`, which makes it end with a one-line
summary. Exit code 0 even when a target is missed (this is a report); 1 when a benchmark
crashed or printed no summary. Extra arguments pick benchmarks by name: `run_all.py startup`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["classify", "store", "startup", "onet"]


def run(name: str) -> dict | str:
    """The benchmark's JSON summary, or what went wrong."""
    print(f"running bench_{name}.py ...", file=sys.stderr, flush=True)
    proc = subprocess.run(
        [sys.executable, str(HERE / f"bench_{name}.py"), "--json"],
        capture_output=True,
        text=True,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode == 0 and lines:
        try:
            return json.loads(lines[-1])
        except json.JSONDecodeError:
            pass
    tail = (proc.stderr.strip() or proc.stdout.strip()).splitlines()[-1:] or ["no output"]
    return f"crashed (exit {proc.returncode}): {tail[0][:80]}"


def main(argv: list[str]) -> int:
    names = argv or BENCHMARKS
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        print(f"unknown benchmark {unknown[0]!r}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    results = {name: run(name) for name in names}
    rows = [("benchmark", "measured", "target", "result", "what")]
    for name, res in results.items():
        if isinstance(res, str):
            rows.append((name, "-", "-", "CRASH", res))
        else:
            verdict = "pass" if res["pass"] else "miss"
            rows.append((name, str(res["value"]), res["target"], verdict, res["measure"]))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[4]]))
    return 1 if any(isinstance(res, str) for res in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
