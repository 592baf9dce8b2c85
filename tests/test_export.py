"""Markdown export: valid CommonMark, deterministic, hostile text stays text, sandboxing."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from plan_profiles import HOSTILE, PROFILES

from coach.confidence import confidence_word
from coach.errors import CoachError
from coach.export import md, render_markdown, write_text_atomic
from coach.models import CheckInDiff, Exposure, MetricMove, Profile, Task, Verdict, clean_text
from coach.plan import build_plan
from coach.plan_text import object_phrase
from coach.plan_week import verdict_cue
from coach.playbook import load_playbook
from coach.scoring import assess

TODAY = dt.date(2026, 1, 12)
PARSER = MarkdownIt("commonmark").enable("table")
FORBIDDEN_INLINE = {
    "link_open",
    "image",
    "html_inline",
    "code_inline",
    "em_open",
    "strong_open",
    "s_open",
    "autolink_open",
    "hardbreak",
}


def plan_for(pf, rules, **kw):
    assessment = assess(pf.tasks, [rules.classify(t) for t in pf.tasks])
    return build_plan(pf.profile, assessment, today=TODAY, **kw)


def outline(text: str) -> list[tuple[str, str]]:
    tokens = PARSER.parse(text)
    return [
        (tok.tag, "".join(c.content for c in tokens[i + 1].children))
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]


def structure(text: str) -> list[tuple[str, str, int]]:
    """Block structure without the words: what hostile text must not be able to change."""
    return [(t.type, t.tag, t.level) for t in PARSER.parse(text) if t.type != "inline"]


def tables(text: str) -> list[list[list[str]]]:
    out, rows, row = [], None, None
    tokens = PARSER.parse(text)
    for i, tok in enumerate(tokens):
        if tok.type == "table_open":
            rows = []
        elif tok.type == "tr_open":
            row = []
        elif tok.type in ("th_open", "td_open"):
            row.append(tokens[i + 1].content)
        elif tok.type == "tr_close":
            rows.append(row)
        elif tok.type == "table_close":
            out.append(rows)
    return out


def section_items(text: str, heading: str) -> list[str]:
    """The text of each top-level list item under an h2, nested items included."""
    tokens = PARSER.parse(text)
    items: list[str] = []
    inside = False
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.tag == "h2":
            inside = tokens[i + 1].content == heading
        elif not inside:
            continue
        elif tok.type == "bullet_list_open":
            depth += 1
        elif tok.type == "bullet_list_close":
            depth -= 1
        elif tok.type == "list_item_open" and depth == 1:
            items.append("")
        elif tok.type == "inline" and items:
            items[-1] += ("\n" if items[-1] else "") + tok.content
    return items


def plain(text: str) -> str:
    """All the text a reader sees, after Markdown parsing."""
    parts = []
    for tok in PARSER.parse(text):
        for child in tok.children or []:
            if child.type == "text":
                parts.append(child.content)
    return "\n".join(parts)


def test_plan_is_valid_commonmark_with_the_expected_outline(rules):
    text = render_markdown(plan_for(PROFILES["support"], rules))
    heads = outline(text)
    assert heads[0] == ("h1", "Your plan: Tier-1 support agent, 2026-Q1")
    h2 = [title for tag, title in heads if tag == "h2"]
    assert h2 == [
        "Start here",
        "Your week",
        "1. Tie your work to money",
        "2. Become the AI multiplier",
        "3. Ship faster with guardrails",
        "4. Own scarce assets",
        "5. Skills to build",
        "6. Role pivots to consider",
        "7. The next 90 days",
    ]
    h3 = [title for tag, title in heads if tag == "h3"]
    assert h3[:3] == [
        "Your three moves this quarter",
        "The number to track from this week",
        "The talk to have with your manager",
    ]
    # Two tables: the week (with a short why per task) and the 90 days.
    week, days = tables(text)
    assert week[0] == ["Task", "h", "Class, how sure", "Why"]
    assert days[0] == ["Week", "Milestone"]
    assert len(week) == 1 + len(PROFILES["support"].tasks)
    for row, task in zip(week[1:], PROFILES["support"].tasks, strict=True):
        verdict = rules.classify(task)
        assert row[:2] == [task.text, f"{task.hours_per_week:g}"]
        # The class, then the same word and figure the TUI's task detail shows ("likely (79%)").
        sure = f"{confidence_word(verdict.confidence)} ({verdict.confidence:.0%})"
        assert row[2] == f"{verdict.exposure.label}, {sure}"
        # The why is what decided it, with the number of its reason; the reasons follow once.
        assert row[3].startswith(verdict_cue(verdict.why)) and verdict.rule not in row[3]
        reason = md(" ".join(verdict.reason.split()))
        assert text.count(reason) == 1 and f") {reason}" in text
    assert 2 <= len(days) - 1 <= 12
    metrics = section_items(text, "1. Tie your work to money")
    assert sum("Baseline ____ · target ____" in m for m in metrics) >= 1
    # Every displacement task appears in section 2, as a workflow heading or a line.
    ai = plain_section(text, "2. Become the AI multiplier")
    for task in PROFILES["support"].tasks:
        if rules.classify(task).exposure == Exposure.DISPLACEMENT:
            assert object_phrase(task.text).lower() in ai.lower(), task.text
    assert "check-in 2026-03-10" in text
    # No ids, rule names or category codes for the reader.
    plan = plan_for(PROFILES["support"], rules)
    assert "Id:" not in text and "(revenue-lift)" not in text and "(cost-out)" not in text
    for a in plan.actions:
        assert a.id not in text
    for at in plan.assessment.tasks:
        assert f"rule {at.verdict.rule}" not in text


def plain_section(text: str, heading: str) -> str:
    """Everything a reader sees under one h2, until the next h2."""
    tokens = PARSER.parse(text)
    out, inside = [], False
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.tag == "h2":
            inside = tokens[i + 1].content == heading
        elif inside and tok.type == "inline":
            out.append(tok.content)
    return "\n".join(out)


def test_same_input_gives_byte_identical_output(rules):
    first = render_markdown(plan_for(PROFILES["engineer"], rules))
    second = render_markdown(plan_for(PROFILES["engineer"], rules))
    assert first.encode() == second.encode()
    assert first.endswith("\n") and not first.endswith("\n\n")


def fixed_plan(role: str, texts: list[str]):
    """Same hours and verdicts whatever the text, so only the words can differ."""
    tasks = [Task(text=t, hours_per_week=10 - i) for i, t in enumerate(texts)]
    classes = [Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY]
    verdicts = [
        Verdict(
            exposure=classes[i % 3],
            rule="r",
            basis="b",
            reason="a reason here",
            confidence=0.5,
            why="w",
        )
        for i in range(len(texts))
    ]
    profile = Profile(role=role, function="Operations", assets_owned=["data-quality"])
    # Only the generic advice, so what a task works on cannot change the plan's shape.
    pb = load_playbook()
    generic = pb.model_copy(update={"work": [w for w in pb.work if w.default_for]})
    return build_plan(profile, assess(tasks, verdicts), playbook=generic, today=TODAY)


def test_hostile_text_cannot_change_structure_or_evaluate_anything():
    benign = render_markdown(fixed_plan("Planner", [f"Task {i}" for i in range(len(HOSTILE))]))
    hostile = render_markdown(fixed_plan(HOSTILE[0], HOSTILE))
    assert structure(hostile) == structure(benign)
    assert [tag for tag, _ in outline(hostile)] == [tag for tag, _ in outline(benign)]
    assert [len(t) for t in tables(hostile)] == [len(t) for t in tables(benign)]
    assert [len(r) for t in tables(hostile) for r in t] == [
        len(r) for t in tables(benign) for r in t
    ]

    def inline_types(text):
        return [c.type for tok in PARSER.parse(text) for c in tok.children or []]

    for tok in PARSER.parse(hostile):
        assert tok.type != "html_block"
        for child in tok.children or []:
            assert child.type not in FORBIDDEN_INLINE - {"strong_open"}, child
    # The template's own bold labels are the only strong text: user text adds none.
    assert inline_types(hostile).count("strong_open") == inline_types(benign).count("strong_open")
    seen = plain(hostile)
    assert outline(hostile)[0][1] == f"Your plan: {clean_text(HOSTILE[0])}, 2026-Q1"
    assert "{{ 7*7 }} {% if true %}evaluated{% endif %} {# c #}" in seen
    assert "<script>alert(1)</script>" in seen
    assert "&amp; &copy;" in seen
    assert "\x1b" not in hostile and "\x00" not in hostile and "\x07" not in hostile
    assert "x" * 10_000 in hostile  # the long line is kept whole in the week table


PUNCT = "#|[]()<>&*_`~\\-+=!.:{}%0123456789 \n\t\r\x00\x1b\u2028é"
texts = st.one_of(st.text(max_size=60), st.text(alphabet=PUNCT, max_size=40))


def expected(value: str) -> str:
    return re.sub(r"[\s\u2028\u2029]+", " ", clean_text(value)).strip()


def inline_text(tokens) -> str:
    inline = [t for t in tokens if t.type == "inline"]
    assert len(inline) == 1
    assert all(c.type in ("text", "text_special") for c in inline[0].children), inline[0].children
    return "".join(c.content for c in inline[0].children)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_md_filter_keeps_any_text_literal_in_every_context(value):
    want = expected(value)
    out = md(value)
    assert "\n" not in out and "\r" not in out
    if not want:
        return
    for prefix, opener in (
        ("", "paragraph_open"),
        ("# ", "heading_open"),
        ("- ", "bullet_list_open"),
    ):
        tokens = PARSER.parse(prefix + out + "\n")
        assert tokens[0].type == opener
        assert inline_text(tokens) == want
    tokens = PARSER.parse(f"| a | b |\n| --- | --- |\n| {out} | z |\n")
    cells = [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "td_open"]
    assert len(cells) == 2
    assert "".join(c.content for c in cells[0].children) == want
    assert cells[1].content == "z"


def test_since_section_reports_what_moved(rules):
    since = CheckInDiff(
        from_id="a",
        to_id="b",
        from_quarter="2025-Q4",
        to_quarter="2026-Q1",
        index_change=-7,
        tasks_added=["Run the *new* dashboard"],
        tasks_dropped=["Old task"],
        hours_moved={Exposure.DISPLACEMENT: -4.0, Exposure.AUGMENTATION: 4.0},
        actions_completed=["skill-ai-fluency"],
        metrics_moved=[MetricMove(action_id="m", title="Cost per ticket", before="$4", after="$3")],
    )
    text = render_markdown(plan_for(PROFILES["support"], rules, since=since))
    assert "Since last quarter" in [t for _, t in outline(text)]
    seen = plain(text)
    assert "Exposure index -7 (2025-Q4 to 2026-Q1)" in seen
    assert "Run the *new* dashboard" in seen and "Old task" in seen
    assert "Everyday AI fluency" in seen and "Cost per ticket: $4 to $3" in seen
    plain_plan = render_markdown(plan_for(PROFILES["support"], rules))
    assert "Since last quarter" not in plain_plan


# --- user templates ------------------------------------------------------------------------


def template(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mine.md.j2"
    path.write_text(body, encoding="utf-8")
    return path


def test_user_template_renders_with_the_md_filter(tmp_path, rules):
    path = template(
        tmp_path, "# {{ profile.role|md }}\n{% for a in plan.actions %}- {{ a.id }}\n{% endfor %}"
    )
    text = render_markdown(plan_for(PROFILES["executive"], rules), path)
    assert text.startswith("# Chief operating officer\n- money-")


@pytest.mark.parametrize(
    ("body", "line", "needle"),
    [
        ("ok\n{% for a in plan.actions %}\n{{ a.id }\n", 3, "syntax error"),
        ("one\ntwo\n{{ nope.x }}\n", 3, "undefined"),
        ("a\n{{ ''.__class__.__mro__ }}\n", 2, "sandbox"),
        ("{{ plan.__init__.__globals__ }}", 1, "sandbox"),
        ("a\nb\n{{ 'x' * 100000000 }}\n", 3, "sandbox"),
        (
            "{% for a in plan.actions %}\n{{ a.title|nosuchfilter }}\n{% endfor %}",
            2,
            "nosuchfilter",
        ),
        ("{{ 1 / 0 }}", 1, "division"),
    ],
)
def test_bad_templates_are_reported_with_file_and_line(tmp_path, rules, body, line, needle):
    path = template(tmp_path, body)
    with pytest.raises(CoachError) as err:
        render_markdown(plan_for(PROFILES["support"], rules), path)
    message = str(err.value)
    assert message.startswith(f"{path}: line {line}:"), message
    assert needle in message.lower()
    assert "Traceback" not in message


def test_missing_template(tmp_path, rules):
    with pytest.raises(CoachError, match="template not found"):
        render_markdown(plan_for(PROFILES["support"], rules), tmp_path / "none.j2")


# --- atomic writes -------------------------------------------------------------------------


def test_write_text_atomic_never_overwrites_without_force(tmp_path):
    path = tmp_path / "plan.md"
    write_text_atomic(path, "first\n")
    assert path.read_text() == "first\n"
    with pytest.raises(CoachError, match="--force"):
        write_text_atomic(path, "second\n")
    assert path.read_text() == "first\n"
    os.chmod(path, 0o640)
    write_text_atomic(path, "second\n", force=True)
    assert path.read_text() == "second\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_write_text_atomic_failures_leave_nothing_behind(tmp_path):
    with pytest.raises(CoachError, match="does not exist"):
        write_text_atomic(tmp_path / "no" / "plan.md", "x")
    with pytest.raises(CoachError, match="is a folder"):
        write_text_atomic(tmp_path, "x", force=True)
    (tmp_path / "locked").mkdir()
    os.chmod(tmp_path / "locked", 0o500)
    try:
        if os.access(tmp_path / "locked", os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(CoachError, match="cannot write"):
            write_text_atomic(tmp_path / "locked" / "plan.md", "x")
        assert list((tmp_path / "locked").iterdir()) == []
    finally:
        os.chmod(tmp_path / "locked", 0o700)


def test_a_failed_rename_keeps_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "plan.md"
    path.write_text("old\n")

    def broken(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(CoachError, match="cannot write"):
        write_text_atomic(path, "new\n", force=True)
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]


def test_json_week_carries_the_same_confidence_as_the_markdown(rules):
    from coach.export import plan_data

    plan = plan_for(PROFILES["support"], rules)
    week = plan_data(plan)["week"]
    rows = tables(render_markdown(plan))[0][1:]
    assert len(week) == len(rows) == len(PROFILES["support"].tasks)
    for entry, row, task in zip(week, rows, PROFILES["support"].tasks, strict=True):
        verdict = rules.classify(task)
        assert entry["confidence"] == verdict.confidence
        worded = f"{confidence_word(verdict.confidence)} ({verdict.confidence:.0%})"
        assert entry["how_sure"] == worded and row[2].endswith(f", {worded}")
