"""diff_checkins: what moved between two check-ins."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from coach.calendar import quarter_of
from coach.compare import diff_checkins, hours_by_class, normalise
from coach.models import Action, CheckIn, Exposure, MetricEntry, Profile, Task, Verdict
from coach.scoring import assess

D, A, N = Exposure.DISPLACEMENT, Exposure.AUGMENTATION, Exposure.NOT_READY


def verdict(exposure: Exposure) -> Verdict:
    return Verdict(exposure=exposure, rule="r", basis="b", reason="r", confidence=0.9, why="w")


def checkin(
    cid: str,
    day: dt.date,
    tasks: list[tuple[str, float, Exposure]],
    statuses: dict[str, str] | None = None,
    metrics: dict[str, str] | None = None,
) -> CheckIn:
    statuses = statuses or {}
    return CheckIn(
        id=cid,
        date=day,
        quarter=quarter_of(day),
        profile=Profile(),
        assessment=assess(
            [Task(text=t, hours_per_week=h) for t, h, _ in tasks],
            [verdict(e) for _, _, e in tasks],
        ),
        actions=[
            Action(id=i, section="skills", title=f"Do {i}", basis="b", source="s", status=s)
            for i, s in statuses.items()
        ],
        metrics=[MetricEntry(action_id=k, value=v) for k, v in (metrics or {}).items()],
    )


OLD = checkin(
    "q1",
    dt.date(2026, 2, 1),
    [("Prepare weekly reports", 10, D), ("Brief the sales team", 4, A), ("Old task", 2, N)],
    statuses={"a": "todo", "b": "done", "c": "doing"},
    metrics={"a": "10 h", "b": "3 errors"},
)
NEW = checkin(
    "q2",
    dt.date(2026, 5, 1),
    [("  prepare WEEKLY reports.", 6, D), ("Brief the sales team", 6, A), ("Run pilots", 4, N)],
    statuses={"a": "done", "b": "done", "c": "dropped", "d": "done"},
    metrics={"a": "6 h", "b": "3 errors", "d": "first"},
)


def test_diff_reports_index_tasks_hours_actions_and_metrics():
    diff = diff_checkins(OLD, NEW)
    assert (diff.from_id, diff.to_id) == ("q1", "q2")
    assert (diff.from_quarter, diff.to_quarter) == ("2026-Q1", "2026-Q2")
    assert diff.index_change == NEW.assessment.exposure_index - OLD.assessment.exposure_index
    assert diff.tasks_added == ["Run pilots"]
    assert diff.tasks_dropped == ["Old task"]
    assert diff.hours_moved == {D: -4.0, A: 2.0, N: 2.0}
    assert diff.actions_completed == ["Do a", "Do d"]  # b was already done last quarter
    moved = {(m.action_id, m.before, m.after) for m in diff.metrics_moved}
    assert moved == {("a", "10 h", "6 h"), ("d", "", "first")}
    assert {m.title for m in diff.metrics_moved} == {"Do a", "Do d"}


def test_diff_of_a_checkin_with_itself_is_empty():
    diff = diff_checkins(NEW, NEW)
    assert diff.index_change == 0
    assert diff.tasks_added == diff.tasks_dropped == []
    assert set(diff.hours_moved.values()) == {0.0}
    assert diff.actions_completed == []
    assert diff.metrics_moved == []


task_rows = st.lists(
    st.tuples(
        st.text(min_size=1, max_size=30).filter(lambda s: s.strip()),
        st.floats(min_value=0, max_value=40, allow_nan=False),
        st.sampled_from(list(Exposure)),
    ),
    max_size=6,
)


@given(task_rows, task_rows)
def test_diff_is_antisymmetric(left, right):
    try:
        a = checkin("a", dt.date(2026, 1, 5), left)
        b = checkin("b", dt.date(2026, 4, 5), right)
    except ValueError:
        return  # text that cleans to nothing is not a task
    ab, ba = diff_checkins(a, b), diff_checkins(b, a)
    assert ab.index_change == -ba.index_change
    assert sorted(map(normalise, ab.tasks_added)) == sorted(map(normalise, ba.tasks_dropped))
    for cls in Exposure:
        assert ab.hours_moved[cls] == -ba.hours_moved[cls]
        assert ab.hours_moved[cls] == round(hours_by_class(b)[cls] - hours_by_class(a)[cls], 2)


@given(st.text(max_size=60))
def test_normalise_ignores_case_spacing_and_edge_punctuation(text):
    once = normalise(text)
    assert normalise(once) == once
    assert normalise(f"  {text.upper()}  ") == normalise(text.upper())
    assert normalise(text + "!!") == normalise(text) or not normalise(text)
