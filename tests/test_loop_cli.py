"""The quarterly loop from the command line: one check-in per quarter, actions, evidence, brag."""

from __future__ import annotations

import json
import sys

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from coach.assets import asset_path
from coach.settings import Settings
from coach.store import Store, list_backups

PROFILE = str(asset_path("examples/profile.toml"))


def checkin(run, day: str, *extra: str) -> str:
    code, out, err = run("checkin", "--from", PROFILE, "--date", day, *extra)
    assert code == 0, err
    return out


def actions(run) -> list[dict]:
    code, out, err = run("actions", "--json")
    assert code == 0, err
    return json.loads(out)


def test_a_second_checkin_in_the_quarter_updates_the_first(run):
    checkin(run, "2026-02-02")
    out = checkin(run, "2026-03-10")
    assert "updated check-in" in out and "one check-in per quarter" in out
    store = Store.open(Settings.from_env())
    assert [c.quarter for c in store.checkins()] == ["2026-Q1"]
    assert store.checkins()[0].date.isoformat() == "2026-03-10"
    replaced = [b for b in list_backups(Settings.from_env().backups_dir) if b.label == "replaced"]
    assert len(replaced) == 1
    kept = json.loads(replaced[0].path.read_text())
    assert [r["date"] for r in kept["checkins"].values()] == ["2026-02-02"]
    out = checkin(run, "2026-04-01")
    assert "saved check-in" in out and "since 2026-Q1" in out
    assert [c.quarter for c in Store.open(Settings.from_env()).checkins()] == [
        "2026-Q1",
        "2026-Q2",
    ]


def test_new_adds_a_labelled_extra_checkin(run):
    checkin(run, "2026-02-02")
    out = checkin(run, "2026-02-03", "--new")
    assert "(2026-Q1, extra)" in out
    _code, out, _ = run("history", "--json")
    rows = json.loads(out)
    assert [r["label"] for r in rows] == ["", "extra"]
    _code, out, _ = run("history")
    assert "(extra)" in out
    # A plain save still updates the quarter's own check-in, not the extra one.
    checkin(run, "2026-03-01")
    rows = json.loads(run("history", "--json")[1])
    assert sorted((r["label"], r["date"]) for r in rows) == [
        ("", "2026-03-01"),
        ("extra", "2026-02-03"),
    ]


def test_actions_set_records_status_and_history_counts_it(run):
    checkin(run, "2026-02-02")
    rows = actions(run)
    assert rows and all(len(r["id"]) == 6 for r in rows)
    first = rows[0]
    code, out, err = run("actions", "set", first["id"], "--status", "done")
    assert code == 0, err
    assert f"{first['id']} done" in out
    history = json.loads(run("history", "--json")[1])
    assert history[-1]["actions_done"] == 1
    code, out, _ = run("actions")
    assert f"{first['id']}  done" in out


def test_a_baseline_set_in_one_quarter_is_carried_into_the_next_plan(run, tmp_path):
    checkin(run, "2026-02-02")
    metric = next(r for r in actions(run) if r["section"] == "metrics")
    code, _, err = run(
        "actions", "set", metric["id"], "--baseline", "8 h a week", "--target", "3 h"
    )
    assert code == 0, err
    checkin(run, "2026-05-04")
    carried = next(r for r in actions(run) if r["id"] == metric["id"])
    assert (carried["baseline"], carried["target"]) == ("8 h a week", "3 h")
    code, out, err = run("export")
    assert code == 0, err
    assert "8 h a week" in out


def test_numbers_on_a_non_metric_action_are_refused(run):
    checkin(run, "2026-02-02")
    other = next(r for r in actions(run) if r["section"] != "metrics")
    code, _out, err = run("actions", "set", other["id"], "--latest", "4")
    assert code == 2 and "are for metric actions" in err and "Traceback" not in err
    code, _, err = run("actions", "set", "zzzzzz", "--status", "done")
    assert code == 2 and "no action 'zzzzzz'" in err
    code, _, err = run("actions", "set", other["id"])
    assert code == 2 and "say what to record" in err


def test_commands_without_a_checkin_say_how_to_record_one(run):
    for args in (["actions"], ["log", "did a thing"], ["brag"]):
        code, _, err = run(*args)
        assert code == 2 and "no check-ins yet" in err, args


def test_logged_evidence_is_listed_and_appears_in_the_brag_document(run, tmp_path):
    checkin(run, "2026-02-02")
    metric = next(r for r in actions(run) if r["section"] == "metrics")
    run("actions", "set", metric["id"], "--baseline", "6 h", "--latest", "1 h")
    code, out, err = run(
        "log", "cut the weekly report from 6 h to 1 h", "--action", metric["id"], "--value", "5 h"
    )
    assert code == 0, err
    code, _, err = run(
        "log", "won back the Acme renewal", "--value", "$40k", "--date", "2026-03-01"
    )
    assert code == 0, err
    code, out, _ = run("log", "--list", "--json")
    rows = json.loads(out)
    assert [r["text"] for r in rows] == [
        "cut the weekly report from 6 h to 1 h",
        "won back the Acme renewal",
    ]
    assert rows[0]["action"] == metric["id"] and rows[1]["date"] == "2026-03-01"
    code, out, _ = run("log", "--list")
    assert "won back the Acme renewal ($40k)" in out
    target = tmp_path / "brag.md"
    code, _, err = run("brag", "--quarter", "2026-Q1", "-o", str(target))
    assert code == 0, err
    text = target.read_text()
    assert "## 2026-Q1" in text
    assert "### Tied my work to money" in text and "### Owned scarce assets" in text
    assert "Numbers: before 6 h, now 1 h" in text
    assert "cut the weekly report from 6 h to 1 h (5 h)" in text
    assert "won back the Acme renewal ($40k)" in text
    code, _, err = run("brag", "-o", str(target))
    assert code == 2 and "already exists" in err
    code, _, err = run("brag", "--quarter", "2030-Q1")
    assert code == 2 and "no check-in in that quarter" in err


def test_status_json_parses_and_keeps_the_exit_code(run):
    code, out, _ = run("status", "--json")
    assert code == 1 and json.loads(out) == {
        "due": True,
        "due_on": None,
        "last": None,
        "index_change": None,
        "since_quarter": None,
    }
    checkin(run, "2026-02-02")
    checkin(run, "2026-05-04")
    code, out, _ = run("status", "--json", "--today", "2026-05-05")
    data = json.loads(out)
    assert code == 0 and data["due"] is False
    assert data["last"]["quarter"] == "2026-Q2" and data["since_quarter"] == "2026-Q1"


@hsettings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=80), value=st.text(max_size=20))
def test_any_evidence_text_is_kept_as_text_or_refused_clearly(run, text, value):
    if not Store.open(Settings.from_env()).checkins():
        checkin(run, "2026-02-02")
    code, _, err = run("log", text, "--value", value)
    assert code in (0, 2) and "Traceback" not in err
    code, out, _ = run("brag")
    assert code == 0
    assert "\x1b" not in out


def test_a_status_reads_the_same_everywhere_and_stays_todo_in_json(run, tmp_path):
    checkin(run, "2026-02-02")
    rows = actions(run)
    metric = next(r for r in rows if r["section"] == "metrics")
    flow = next(r for r in rows if r["kind"] == "automate" or r["kind"] == "assist")
    assert metric["status"] == "todo"  # the stored and JSON value
    run("actions", "set", metric["id"], "--baseline", "6 h")
    code, out, err = run("actions", "set", flow["id"], "--status", "doing")
    assert code == 0, err
    code, out, _ = run("actions", "set", metric["id"], "--status", "todo")
    assert f"{metric['id']} to do:" in out
    code, out, _ = run("actions")
    line = next(ln for ln in out.splitlines() if ln.startswith(metric["id"]))
    assert " to do " in line and "todo" not in line
    code, out, _ = run("brag", "--quarter", "2026-Q1")
    assert code == 0
    assert "(to do)" in out and "(todo)" not in out
    assert "(doing)" in out
    code, out, _ = run("export")
    assert "Status: doing" in out and "todo" not in out
    assert [r["status"] for r in actions(run) if r["id"] == metric["id"]] == ["todo"]


def test_the_actions_table_lines_up_with_long_kinds_and_json_is_unchanged(run, tmp_path):
    profile = tmp_path / "support.toml"
    code, _, err = run("roles", "show", "support-tier1", "--profile", "-o", str(profile))
    assert code == 0, err
    code, _, err = run("checkin", "--from", str(profile), "--date", "2026-02-02")
    assert code == 0, err
    rows = actions(run)
    assert any(r["kind"] == "customer-facing" for r in rows)
    assert all(
        set(r) == {"id", "action_id", "section", "kind", "status", "title", "baseline",
                   "target", "latest", "note"}
        for r in rows
    )  # fmt: skip
    metric = next(r for r in rows if r["section"] == "metrics")
    run("actions", "set", metric["id"], "--baseline", "8 h", "--note", "[bold]x[/oops] " * 12)
    code, out, _ = run("actions")
    lines = out.splitlines()
    header = next(ln for ln in lines if ln.startswith("ID"))
    column = header.index("ACTION")
    starts = {r["id"]: r for r in rows}
    seen = 0
    for line in lines[lines.index(header) + 1 :]:
        if line[:6] in starts:
            seen += 1
            title = starts[line[:6]]["title"]
            assert line[column:].startswith(title[:20]), line
            assert line[column - 1] == " "
        else:  # a wrapped title, numbers or a note: indented to the title's column
            assert line[:column].strip() == "" and line[column] != " ", line
    assert seen == len(rows)
    assert "[bold]x[/oops]" in out  # user text is shown as typed


def test_actions_help_does_not_import_rich():
    import subprocess

    code = (
        "import sys\n"
        "from coach.cli import main\n"
        "sys.argv = ['coach', 'actions', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('rich' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
