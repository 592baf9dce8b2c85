import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.models import Exposure, Task, Verdict
from coach.scoring import assess


def verdict(exposure: Exposure) -> Verdict:
    return Verdict(
        exposure=exposure, rule="r", basis="b", reason="a reason here", confidence=0.8, why="w"
    )


def test_shares_are_time_weighted_and_index_follows_the_formula():
    tasks = [
        Task(text="a", hours_per_week=20),
        Task(text="b", hours_per_week=10),
        Task(text="c", hours_per_week=10),
    ]
    verdicts = [
        verdict(Exposure.DISPLACEMENT),
        verdict(Exposure.AUGMENTATION),
        verdict(Exposure.NOT_READY),
    ]
    a = assess(tasks, verdicts)
    assert a.shares[Exposure.DISPLACEMENT] == pytest.approx(0.5)
    assert a.shares[Exposure.AUGMENTATION] == pytest.approx(0.25)
    assert a.shares[Exposure.NOT_READY] == pytest.approx(0.25)
    # 100 * (0.5 + 0.5 * 0.25)
    assert a.exposure_index == 62
    assert a.total_hours == 40


def test_tasks_without_hours_count_equally():
    tasks = [Task(text="a"), Task(text="b")]
    a = assess(tasks, [verdict(Exposure.DISPLACEMENT), verdict(Exposure.NOT_READY)])
    assert a.exposure_index == 50


def test_no_tasks_gives_zero():
    a = assess([], [])
    assert a.exposure_index == 0
    assert a.tasks == []


@given(
    st.lists(st.tuples(st.floats(0, 60), st.sampled_from(list(Exposure))), min_size=1, max_size=20)
)
def test_index_is_bounded_and_shares_sum_to_one(rows):
    tasks = [Task(text=f"t{i}", hours_per_week=h) for i, (h, _) in enumerate(rows)]
    a = assess(tasks, [verdict(e) for _, e in rows])
    assert 0 <= a.exposure_index <= 100
    assert sum(a.shares.values()) == pytest.approx(1.0)


@given(
    st.lists(
        st.tuples(st.sampled_from(list(Exposure)), st.floats(min_value=0, max_value=80)),
        max_size=20,
    )
)
def test_whole_percents_always_add_up_to_100(week):
    from coach.scoring import whole_percents

    hours = dict.fromkeys(Exposure, 0.0)
    for exposure, h in week:
        hours[exposure] += h
    total = sum(hours.values())
    shares = {c: (h / total if total else 0.0) for c, h in hours.items()}
    percents = whole_percents(shares)
    assert sum(percents.values()) == (100 if total else 0)
    for c in Exposure:
        assert abs(percents[c] - 100 * shares[c]) < 1


def test_thirds_read_34_33_33():
    from coach.scoring import whole_percents

    third = 1 / 3
    percents = whole_percents(dict.fromkeys(Exposure, third))
    assert sorted(percents.values()) == [33, 33, 34]


def test_empty_week_is_no_tasks_or_no_hours():
    from coach.models import Task
    from coach.scoring import empty_week

    assert empty_week([]) == "no-tasks"
    assert empty_week([Task(text="Plan the week", hours_per_week=0)]) == "no-hours"
    assert (
        empty_week([Task(text="a", hours_per_week=0), Task(text="b", hours_per_week=0.5)]) is None
    )
