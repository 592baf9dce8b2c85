"""How fast is the rules engine next to the cheapest real lexical classifier?

Classifies the same task strings with `RuleTable.classify` and with a bag-of-words scorer
(lower-case, split with one compiled regex, sum a weight per word from a dict of a few thousand
words), in one run, best of several alternating repeats of CPU time, and prints tasks/s for each
and the ratio. Target: ratio <= 3 (goal 2).

    python benchmarks/bench_classify.py                 # generated task strings
    python benchmarks/bench_classify.py tasks.txt       # one task per line from a file
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import zlib
from pathlib import Path

from coach.rules import load_rules

VERBS = [
    "Prepare",
    "Compile",
    "Write",
    "Draft",
    "Review",
    "Analyze",
    "Maintain",
    "Operate",
    "Install",
    "Repair",
    "Inspect",
    "Supervise",
    "Coordinate",
    "Develop",
    "Design",
    "Test",
    "Monitor",
    "Schedule",
    "Answer",
    "Explain",
    "Clean",
    "Load",
    "Teach",
    "Counsel",
    "Advise",
    "Negotiate",
    "Sell",
    "Record",
    "Enter",
    "Update",
    "Evaluate",
    "Estimate",
    "Assemble",
    "Drive",
    "Cook",
    "Serve",
    "Research",
    "Plan",
    "Present",
    "Translate",
    "Measure",
    "Verify",
    "Approve",
    "Direct",
    "Train",
    "Assist",
    "Collect",
    "Calculate",
    "Order",
    "Process",
]
OBJECTS = [
    "weekly sales reports",
    "customer tickets",
    "product descriptions",
    "regression test scripts",
    "ad campaigns",
    "CRM records",
    "source code",
    "page layouts",
    "budget forecasts",
    "contract redlines",
    "security alerts",
    "project schedules",
    "hiring decisions",
    "research experiments",
    "product strategy",
    "control systems",
    "hydraulic pumps",
    "delivery trucks",
    "kitchen equipment",
    "patient charts",
    "lesson plans",
    "work crews",
    "grant proposals",
    "insurance claims",
    "inventory counts",
    "meeting agendas",
    "electrical wiring",
    "soil samples",
    "press releases",
    "survey data",
    "payroll entries",
    "loan applications",
    "training sessions",
    "building sites",
    "machine parts",
    "medication doses",
    "client portfolios",
    "shipping manifests",
    "quality defects",
    "web pages",
]
CONTEXTS = [
    "for the regional team",
    "using spreadsheets and the company database",
    "according to written procedures",
    "with hand tools and power tools",
    "to meet safety regulations",
    "for senior management review",
    "in the field and at customer sites",
    "following clear guardrails and checklists",
    "to identify trends and cost savings",
    "with engineers and other specialists",
    "before each quarterly board meeting",
    "so that errors are caught early",
    "for new and existing customers",
    "under direct supervision of a licensed professional",
]
ADJECTIVES = [
    "daily",
    "monthly",
    "routine",
    "detailed",
    "complex",
    "new",
    "existing",
    "technical",
    "financial",
    "written",
]

WORD_RE = re.compile(r"[a-z0-9]+")


def generated_tasks(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    tasks = []
    for _ in range(count):
        parts = [rng.choice(VERBS)]
        if rng.random() < 0.3:
            parts.append("and " + rng.choice(VERBS).lower())
        parts += [rng.choice(ADJECTIVES), rng.choice(OBJECTS), rng.choice(CONTEXTS)]
        if rng.random() < 0.5:
            parts.append(rng.choice(CONTEXTS))
        tasks.append(" ".join(parts) + ".")
    return tasks


def word_weights(tasks: list[str], size: int = 4000) -> dict[str, float]:
    """A few thousand words with hashed weights: the tasks' own words and derived forms."""
    words = sorted({w for t in tasks for w in WORD_RE.findall(t.lower())})
    vocab = list(words)
    for prefix in ("", "re", "un", "pre", "co", "over"):
        for suffix in ("s", "ed", "ing", "er", "ers", "ion", "ions", "ly", "al", "ment"):
            vocab += [prefix + w + suffix for w in words]
        if len(vocab) >= size:
            break
    return {w: (zlib.crc32(w.encode()) % 2001 - 1000) / 1000 for w in vocab[:size]}


def lexical_classifier(weights: dict[str, float]):
    get = weights.get
    findall = WORD_RE.findall

    def classify(text: str) -> str:
        score = sum([get(w, 0.0) for w in findall(text.lower())])
        return "displacement" if score > 1 else "augmentation" if score > -1 else "not-ready"

    return classify


def _run(func, tasks: list[str]) -> float:
    # CPU time of this process: other programs on a busy machine do not count against us.
    start = time.process_time()
    for task in tasks:
        func(task)
    return time.process_time() - start


def best_rates(funcs: list, tasks: list[str], repeats: int) -> list[float]:
    """Tasks/s of each function, best of `repeats`; runs alternate so both see the same load."""
    best = [float("inf")] * len(funcs)
    for _ in range(repeats):
        for i, func in enumerate(funcs):
            best[i] = min(best[i], _run(func, tasks))
    return [len(tasks) / t for t in best]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, help="task strings, one per line")
    parser.add_argument("--count", type=int, default=4000, help="generated tasks (default 4000)")
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--json", action="store_true", help="end with a one-line JSON summary")
    args = parser.parse_args(argv)
    if args.file:
        tasks = [ln for ln in args.file.read_text(encoding="utf-8").splitlines() if ln.strip()]
        where = str(args.file)
    else:
        tasks = generated_tasks(args.count)
        where = "generated"
    table = load_rules()
    weights = word_weights(tasks)
    lexical = lexical_classifier(weights)
    # The first pass over unseen strings fills the engine's per-word memo: report it apart.
    cold_rate = len(tasks) / _run(table.classify, tasks)
    engine_rate, lexical_rate = best_rates([table.classify, lexical], tasks, args.repeats)
    ratio = lexical_rate / engine_rate
    print(f"tasks: {len(tasks)} ({where}); rules: {len(table)}; lexical dict: {len(weights)} words")
    print(f"rules engine  : {engine_rate:>10,.0f} tasks/s (first, cold pass: {cold_rate:,.0f})")
    print(f"lexical (dict): {lexical_rate:>10,.0f} tasks/s")
    print(f"ratio (lexical / engine time per task): {ratio:.2f}  (target <= 3, goal 2)")
    if args.json:
        summary = {"measure": "lexical / engine time per task", "value": round(ratio, 2)}
        print(json.dumps({**summary, "target": "<= 3", "pass": ratio <= 3}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
