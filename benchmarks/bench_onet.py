"""How long does an O*NET import take on a file the size of the real Task Statements?

Writes a synthetic tab-separated file (default 19,000 rows over ~900 occupations, invented text,
same header as O*NET's), then times, best of several repeats in one run:
  - baseline: a bare `csv.reader` pass over the file that keeps nothing;
  - import by the last occupation's code (the whole file must be read);
  - import by a title that appears once;
  - an ambiguous title (the error path, which lists candidates).
Prints milliseconds and the ratio to the baseline. Target: each import well under a second.

    python benchmarks/bench_onet.py [--rows 19000] [--repeats 7] [--file existing.txt]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import tempfile
import time
from pathlib import Path

from coach.errors import CoachError
from coach.onet import COLUMNS, read_occupation

WORDS = [
    "prepare",
    "review",
    "maintain",
    "install",
    "analyze",
    "coordinate",
    "records",
    "reports",
    "equipment",
    "customers",
    "schedules",
    "budgets",
    "software",
    "patients",
    "materials",
    "safety",
    "inventory",
    "contracts",
    "data",
    "systems",
    "policies",
    "staff",
    "vehicles",
    "samples",
    "designs",
    "orders",
    "documents",
    "accounts",
    "procedures",
]


def write_synthetic(path: Path, rows: int, seed: int = 7) -> tuple[str, str]:
    rng = random.Random(seed)
    occupations = max(1, rows // 21)
    last = ("", "")
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        task_id = 1
        for n in range(occupations):
            code = f"{11 + 2 * (n % 22):02d}-{1000 + n:04d}.00"
            title = f"Synthetic Occupation {n:04d} {rng.choice(WORDS).title()} Workers"
            count = rows // occupations + (1 if n < rows % occupations else 0)
            for k in range(count):
                words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
                kind = "Supplemental" if k % 5 == 4 else "Core"
                fh.write(
                    f"{code}\t{title}\t{task_id}\t{words.capitalize()}.\t{kind}\t"
                    f"{rng.randint(10, 90)}\t07/2023\tIncumbent\n"
                )
                task_id += 1
            last = (code, title)
    return last


TARGET_SECONDS = 1.0  # "well under a second"


def best_of(repeats: int, func) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        for _ in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            pass


def ambiguous(path: Path) -> None:
    try:
        read_occupation(path, "synthetic occupation")
    except CoachError:
        return
    raise AssertionError("expected an ambiguity error")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=19_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--file", type=Path, help="time this Task Statements file instead")
    parser.add_argument("--occupation", help="with --file: the occupation to import")
    parser.add_argument("--json", action="store_true", help="end with a one-line JSON summary")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.file:
            path, code, title = args.file, args.occupation, args.occupation
        else:
            path = Path(tmp) / "Task Statements.txt"
            code, title = write_synthetic(path, args.rows)
        size = path.stat().st_size / 1e6
        with path.open(encoding="utf-8", errors="replace") as fh:
            rows = sum(1 for _ in fh) - 1
        print(f"file: {rows} rows, {size:.1f} MB")
        base = best_of(args.repeats, lambda: baseline(path))
        print(f"{'bare csv pass (baseline)':<34} {base * 1000:8.1f} ms   1.00x")
        cases = [
            (f"import by code {code}", lambda: read_occupation(path, code)),
            ("import by exact title", lambda: read_occupation(path, title)),
        ]
        if not args.file:
            cases.append(("ambiguous title (error path)", lambda: ambiguous(path)))
        slowest = 0.0
        for label, func in cases:
            took = best_of(args.repeats, func)
            slowest = max(slowest, took)
            print(f"{label[:34]:<34} {took * 1000:8.1f} ms   {took / base:.2f}x")
        result = read_occupation(path, code)
        print(f"imported {result.core} core + {result.supplemental} supplemental tasks")
    if args.json:
        summary = {"measure": "slowest import, ms", "value": round(slowest * 1000, 1)}
        print(json.dumps({**summary, "target": "< 1000 ms", "pass": slowest < TARGET_SECONDS}))


if __name__ == "__main__":
    main()
