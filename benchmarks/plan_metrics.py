"""The action plan's measures from issue #10, over every role in the catalog.

For each catalog role, the default Markdown plan (the role's own answers) is built and measured:

- words and milestones: the plan's length and its 90-day rows;
- shared lines: of the plan's non-blank lines of 30 characters or more (headings excepted),
  the share that appear verbatim in another role's plan;
- answer variation: the same role planned twice, once with ai_use=never, teaches_ai=false,
  money_link=unknown and once with daily / true / yes; the share of lines that differ;
- ids: rendered lines that show an `Id:` or any action or rule id;
- words over the answer grid: every role planned under every combination of GRID (AI use,
  teaching, level, money link, owned assets), max and median words, and the longest plan.

    python benchmarks/plan_metrics.py          # summary
    python benchmarks/plan_metrics.py -v       # one row per role
    python benchmarks/plan_metrics.py --no-grid  # skip the answer grid (faster)
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import re
import statistics
import sys
from collections import Counter

from coach.export import default_template_path, make_environment, plan_context, render_markdown
from coach.plan import build_plan
from coach.playbook import load_playbook
from coach.roles import load_catalog, role_to_profile
from coach.rules import load_rules
from coach.sandbox import render_bounded
from coach.scoring import assess

TODAY = dt.date(2026, 4, 6)
ALL_ASSETS = ["cross-functional-execution", "customer-relationships", "data-quality"]
GRID = {
    "ai_use": ["never", "monthly", "weekly", "daily"],
    "teaches_ai": [False, True],
    "level": ["individual", "manager", "manager-of-managers"],
    "money_link": ["yes", "unknown"],
    "assets_owned": [[], ALL_ASSETS],
}


def plan_for(pf, table, **answers):
    profile = pf.profile.model_copy(update=answers)
    assessment = assess(pf.tasks, [table.classify(t) for t in pf.tasks])
    return build_plan(profile, assessment, today=TODAY)


def body_lines(text: str) -> list[str]:
    return [
        line.strip()
        for line in text.splitlines()
        if len(line.strip()) >= 30 and not line.lstrip().startswith("#")
    ]


def nonblank(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def line_difference(a: list[str], b: list[str]) -> float:
    """Share of lines not matched in the other plan (multiset), over the longer plan."""
    common = sum((Counter(a) & Counter(b)).values())
    return 1 - common / max(len(a), len(b), 1)


def grid_words(catalog, table) -> list[tuple[int, str, dict]]:
    """(words, role id, answers) for every role under every combination of GRID."""
    playbook = load_playbook()
    path = default_template_path()
    template = make_environment(path.parent).get_template(path.name)
    out = []
    for role in catalog.roles:
        pf = role_to_profile(role)
        assessment = assess(pf.tasks, [table.classify(t) for t in pf.tasks])
        for values in itertools.product(*GRID.values()):
            answers = dict(zip(GRID, values, strict=True))
            profile = pf.profile.model_copy(update=answers)
            plan = build_plan(profile, assessment, playbook=playbook, today=TODAY)
            text = render_bounded(template, plan_context(plan))
            out.append((len(text.split()), role.id, answers))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--no-grid", action="store_true", help="skip the answer grid")
    args = parser.parse_args(argv)
    table = load_rules()
    catalog = load_catalog()
    rule_ids = {r.id for r in table.rules} if hasattr(table, "rules") else set()
    rows = {}
    for role in catalog.roles:
        pf = role_to_profile(role)
        plan = plan_for(pf, table)
        text = render_markdown(plan)
        low = plan_for(pf, table, ai_use="never", teaches_ai=False, money_link="unknown")
        high = plan_for(pf, table, ai_use="daily", teaches_ai=True, money_link="yes")
        diff = line_difference(nonblank(render_markdown(low)), nonblank(render_markdown(high)))
        ids = {a.id for a in plan.actions} | rule_ids
        id_lines = [
            line
            for line in text.splitlines()
            if "Id:" in line
            or any(re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", line) for i in ids if "-" in i)
        ]
        rows[role.id] = {
            "words": len(text.split()),
            "milestones": len(plan.next_90_days),
            "lines": body_lines(text),
            "diff": diff,
            "id_lines": len(id_lines),
        }
    counts = {rid: Counter(set(r["lines"])) for rid, r in rows.items()}
    everywhere = Counter()
    for c in counts.values():
        everywhere.update(c)
    for r in rows.values():
        lines = r["lines"]
        own = Counter(set(lines))
        shared = [line for line in lines if everywhere[line] - own[line] > 0]
        r["shared"] = len(shared) / max(len(lines), 1)
    if args.verbose:
        print(f"{'role':28} {'words':>6} {'miles':>5} {'shared':>7} {'diff':>6} {'ids':>4}")
        for rid, r in rows.items():
            print(
                f"{rid:28} {r['words']:6} {r['milestones']:5} {r['shared']:7.0%} "
                f"{r['diff']:6.0%} {r['id_lines']:4}"
            )
    values = list(rows.values())

    def stat(key: str, fmt: str) -> str:
        xs = [r[key] for r in values]
        return (
            f"min {format(min(xs), fmt)}  median {format(statistics.median(xs), fmt)}  "
            f"max {format(max(xs), fmt)}"
        )

    print(f"roles: {len(values)}")
    print(f"words        {stat('words', '.0f')}   (target: max <= 1500)")
    print(f"milestones   {stat('milestones', '.0f')}   (target: max <= 12)")
    print(f"shared lines {stat('shared', '.0%')}   (target: max <= 20%)")
    print(f"answer diff  {stat('diff', '.0%')}   (target: min >= 40%)")
    print(f"id lines     {stat('id_lines', '.0f')}   (target: max 0)")
    if not args.no_grid:
        grid = grid_words(catalog, table)
        words = [w for w, _, _ in grid]
        longest = max(grid, key=lambda row: row[0])
        over = sum(w > 1500 for w in words)
        print(
            f"answer grid  {len(grid)} plans: words min {min(words)}  median "
            f"{statistics.median(words):.0f}  max {max(words)}  over 1500: {over}"
            "   (target: max <= 1500)"
        )
        print(f"  longest: {longest[1]} {longest[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
