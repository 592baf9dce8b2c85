"""Does saving a check-in stay cheap as the history grows?

Times the whole process `python -m coach checkin --from PROFILE` against a store that already
holds 400 check-ins and one that holds 10, interleaved in the same run, and prints the ratio of
the medians (target: <= 1.5), and of the best runs, which load on the machine disturbs less.
Run: `python benchmarks/bench_store.py [--rounds N]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT / "assets" / "examples" / "profile.toml"
TARGET = 1.5


def run_checkin(home: Path) -> float:
    env = {**os.environ, "COACH_HOME": str(home)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "coach", "checkin", "--from", str(PROFILE)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def seed(home: Path, count: int, record: dict) -> None:
    """A store of `count` realistic check-ins (copies of a real one, dated a week apart)."""
    home.mkdir(mode=0o700, parents=True)
    first = dt.date.today() - dt.timedelta(days=7 * count)
    table = {}
    for i in range(count):
        day = first + dt.timedelta(days=7 * i)
        rec = dict(record, id=f"{day.isoformat()}-seed{i:04d}", date=day.isoformat())
        table[str(i + 1)] = rec
    data = {"meta": {"1": {"schema_version": 1, "app": "coach"}}, "checkins": table}
    path = home / "coach.json"
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    path.chmod(0o600)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--large", type=int, default=400)
    parser.add_argument("--small", type=int, default=10)
    parser.add_argument("--json", action="store_true", help="end with a one-line JSON summary")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        template = base / "template"
        run_checkin(template)
        data = json.loads((template / "coach.json").read_text())
        record = next(iter(data["checkins"].values()))
        small, large = base / "small", base / "large"
        seed(small, args.small, record)
        seed(large, args.large, record)
        size = (large / "coach.json").stat().st_size
        run_checkin(small)  # warm the OS caches for both
        run_checkin(large)
        times: dict[str, list[float]] = {"small": [], "large": []}
        for _ in range(args.rounds):
            times["small"].append(run_checkin(small))
            times["large"].append(run_checkin(large))
    med_small = statistics.median(times["small"])
    med_large = statistics.median(times["large"])
    ratio = med_large / med_small
    best = min(times["large"]) / min(times["small"])
    print(f"one check-in record: {len(json.dumps(record, separators=(',', ':'))):,} bytes")
    print(f"store with {args.large} check-ins: {size:,} bytes")
    for name, count in (("small", args.small), ("large", args.large)):
        runs = times[name]
        print(
            f"save into {count:>3} check-ins: median {statistics.median(runs) * 1000:7.1f} ms, "
            f"best {min(runs) * 1000:7.1f} ms"
        )
    verdict = "OK" if ratio <= TARGET else "OVER TARGET"
    print(f"ratio of medians {ratio:.2f} (target <= {TARGET}) {verdict}; ratio of bests {best:.2f}")
    if args.json:
        measure = f"{args.large} / {args.small} check-ins, medians"
        summary = {"measure": measure, "value": round(ratio, 2), "target": f"<= {TARGET}"}
        print(json.dumps({**summary, "pass": ratio <= TARGET}))


if __name__ == "__main__":
    main()
